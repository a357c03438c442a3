//! Importers and exporters, pure over bytes and domain types. The caller writes an
//! import into the store in one transaction, so a bad file changes nothing.

pub mod ics;
pub mod inbox;
pub mod kpi;
pub mod posts;
pub mod report;

#[cfg(test)]
mod posts_tests;
pub mod text;

/// What is wrong with an input file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// 1-based line; 0 when the problem is the file as a whole.
    pub line: usize,
    pub field: Option<String>,
    pub message: String,
}

impl ImportError {
    pub fn new(file: &str, line: usize, field: Option<&str>, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let colon = crate::i18n::format::colon();
        if self.line > 0 {
            write!(f, "{}:{}{colon} ", self.file, self.line)?;
        } else {
            write!(f, "{}{colon} ", self.file)?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}{colon} ")?;
        }
        f.write_str(&self.message)
    }
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
        "" => default.ok_or_else(|| t().imp_platform_empty_give.to_string()),
        p => crate::domain::Platform::parse(p)
            .ok_or_else(|| fill(t().imp_unknown_platform, &[("platform", p)])),
    }
}

/// The position of each column of `required` in a CSV header (any case, any order), or
/// the error naming the missing ones.
pub fn header_columns(
    file: &str,
    headers: &csv::StringRecord,
    required: &[&str],
) -> Result<Vec<usize>, ImportError> {
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
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
            crate::i18n::t().imp_missing_columns.with(
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
