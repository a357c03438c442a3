//! Importers and exporters, pure over bytes and domain types. The caller writes an
//! import into the store in one transaction, so a bad file changes nothing.

pub mod ics;
pub mod inbox;
pub mod kpi;
pub mod posts;
pub mod report;
pub mod source;

#[cfg(test)]
mod posts_tests;
pub mod text;

/// What is wrong with an input file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// 1-based line; 0 when the problem is the file as a whole.
    pub line: usize,
    /// 1-based column (field) of the cell at fault; 0 when not one cell.
    pub column: usize,
    pub field: Option<String>,
    pub message: String,
}

impl ImportError {
    pub fn new(file: &str, line: usize, field: Option<&str>, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line,
            column: 0,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    /// The same error, pointing at the `i`-th field (0-based) of its line.
    pub fn at_field(mut self, i: usize) -> Self {
        self.column = i + 1;
        self
    }
}

/// Columns a file name may take in a message (paths are long; entry names of a hostile
/// zip may be huge).
const FILE_COLS: usize = 200;
/// Columns a message may take: values in it are already cut; this is the last guard for
/// text a parser quoted (a JSON error may quote a whole string).
const MESSAGE_COLS: usize = 400;

/// Every part comes from outside (file and entry names, header names, cells): each is
/// made harmless and cut before it is shown.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::domain::text::{shown, shown_in};
        let colon = crate::i18n::format::colon();
        let file = shown_in(&self.file, FILE_COLS);
        match (self.line, self.column) {
            (0, _) => write!(f, "{file}{colon} ")?,
            (line, 0) => write!(f, "{file}:{line}{colon} ")?,
            (line, col) => write!(f, "{file}:{line}:{col}{colon} ")?,
        }
        if let Some(field) = &self.field {
            write!(f, "{}{colon} ", shown(field))?;
        }
        f.write_str(&shown_in(&self.message, MESSAGE_COLS))
    }
}

/// A value quoted in a message: harmless and at most about 80 columns.
pub fn quoted(value: &str) -> String {
    crate::domain::text::shown(value.trim())
}

impl std::error::Error for ImportError {}

/// The platform a row names, else the one given for the file (`--platform`); the
/// message says what is wrong.
pub fn row_platform(
    cell: &str,
    default: Option<crate::domain::Platform>,
) -> Result<crate::domain::Platform, String> {
    use crate::i18n::{fill, t};
    match cell {
        "" => default.ok_or_else(|| t().import.imp_platform_empty_give.to_string()),
        p => crate::domain::Platform::parse(p)
            .ok_or_else(|| fill(t().import.imp_unknown_platform, &[("platform", &quoted(p))])),
    }
}

/// The position of each column of `required` in a CSV header (any case, any order, a
/// byte-order mark or spaces around a name allowed), or the error naming the missing ones.
pub fn header_columns(
    file: &str,
    headers: &csv::StringRecord,
    required: &[&str],
) -> Result<Vec<usize>, ImportError> {
    let col = |name: &str| {
        headers.iter().position(|h| {
            h.trim_start_matches('\u{feff}')
                .trim()
                .eq_ignore_ascii_case(name)
        })
    };
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| col(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::new(
            file,
            1,
            None,
            crate::i18n::t().import.imp_missing_columns.with(
                missing.len(),
                &[
                    ("missing", &missing.join(", ")),
                    ("header", &required.join(",")),
                ],
            ),
        ));
    }
    Ok(required.iter().map(|c| col(c).unwrap_or(0)).collect())
}
