//! `twohats import kpi`: the platforms' analytics exports (FORMATS.md), detected from
//! their headers, and two generic CSV shapes. Pure over bytes; nothing is partial.
//!
//! A file is a CSV (any of `,` `;` tab, UTF-8 or UTF-16, with or without a BOM), an xls
//! or xlsx workbook, or a zip of those (one level: a zip inside a zip is refused). Zips
//! and workbooks are measured against [`Limits`] before anything is kept.

mod cells;
mod dates;
mod formats;
mod meta;
mod tables;
mod workbook;

use std::collections::BTreeSet;
use std::io::Cursor;

use chrono::NaiveDate;
use chrono_tz::Tz;
use csv::StringRecord;

use super::ImportError;
use super::source::{self, ArchiveError, Limits};
use crate::domain::Platform;
use crate::domain::kpi::{DailyValue, PostValue};
use crate::domain::metric::Metric;
use crate::i18n::{fill, t};
use formats::Format;

pub use formats::FORMATS;

/// What the caller knows beside the file.
pub struct Context<'a> {
    pub file: &'a str,
    /// The platform of files that do not say it (generic wide CSV, Meta files).
    pub platform: Option<Platform>,
    /// The client's currency code: money in another currency is left out.
    pub currency: &'a str,
    /// Minor units in a major one of the client's currency (100 for EUR), for money
    /// columns.
    pub minor: f64,
    /// The client's zone: a post timed with an offset counts on its local day.
    pub tz: Tz,
    /// The client's today: year-less dates end on or before it.
    pub today: NaiveDate,
    /// `--last-date`: the last day of year-less account rows.
    pub last_date: Option<NaiveDate>,
    /// `auto`, `long`, `wide`, `meta`, or a format's name from [`FORMATS`] in any case.
    pub format: &'a str,
    pub limits: Limits,
}

impl<'a> Context<'a> {
    /// A context with the defaults: no platform, EUR, Paris, auto-detected format.
    pub fn new(file: &'a str, today: NaiveDate) -> Context<'a> {
        Context {
            file,
            platform: None,
            currency: "EUR",
            minor: 100.0,
            tz: chrono_tz::Europe::Paris,
            today,
            last_date: None,
            format: "auto",
            limits: Limits::default(),
        }
    }
}

/// Something the import left out or decided, for the summary.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Note {
    /// A money column in another currency than the client's.
    OtherCurrency { column: String, currency: String },
}

/// Everything read from a file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Imported {
    pub daily: Vec<DailyValue>,
    pub posts: Vec<PostValue>,
    /// Data rows read.
    pub rows: usize,
    /// Columns, sheets or archive entries left aside.
    pub ignored: BTreeSet<String>,
    /// The formats recognized.
    pub formats: Vec<String>,
    pub notes: BTreeSet<Note>,
    /// The span of the dates whose year was inferred (year-less exports).
    pub inferred: Option<(NaiveDate, NaiveDate)>,
    /// The day those years were read against (the latest reference of the file).
    pub reference: Option<NaiveDate>,
    /// Per-post dates without a year were read: in an archive, they are read again
    /// against the end of the account rows' span.
    yearless_posts: bool,
}

impl Imported {
    fn merge(&mut self, other: Imported) {
        self.daily.extend(other.daily);
        self.posts.extend(other.posts);
        self.rows += other.rows;
        self.ignored.extend(other.ignored);
        self.formats.extend(other.formats);
        self.notes.extend(other.notes);
        self.inferred = span(self.inferred, other.inferred);
        self.reference = self.reference.max(other.reference);
        self.yearless_posts |= other.yearless_posts;
    }
}

fn span(
    a: Option<(NaiveDate, NaiveDate)>,
    b: Option<(NaiveDate, NaiveDate)>,
) -> Option<(NaiveDate, NaiveDate)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (x, None) | (None, x) => x,
    }
}

/// Where a table is being read: its label for messages, the names that may carry a
/// date, and what year-less per-post dates end on.
#[derive(Clone, Copy)]
struct Scope<'s> {
    label: &'s str,
    /// The entry's name, then the archive's, for [`dates::reference`].
    names: [&'s str; 2],
    /// In an archive: another archive is not opened.
    in_archive: bool,
    /// The end of the account rows' span, for per-post year-less dates.
    posts_end: Option<NaiveDate>,
    /// The cells were separated by `;`: French Excel, decimal commas, day-first dates.
    semicolon: bool,
}

/// A table: rows of cells with the line (or spreadsheet row) each came from.
type Table = Vec<(usize, StringRecord)>;

/// The format names `--format` accepts besides `auto`.
pub fn format_names() -> Vec<String> {
    let mut v = vec!["long".to_string(), "wide".into(), "meta".into()];
    v.extend(FORMATS.iter().map(|f| f.name.to_lowercase()));
    v
}

pub(crate) fn whole_file(file: &str, message: String) -> ImportError {
    ImportError::new(file, 0, None, message)
}

fn archive_error(file: &str, e: ArchiveError) -> ImportError {
    let s = t();
    let msg = match e {
        ArchiveError::Unreadable(e) => fill(s.import.imp_bad_zip, &[("e", &super::quoted(&e))]),
        ArchiveError::TooManyEntries { count, max } => fill(
            s.import.imp_zip_entries,
            &[("count", &count.to_string()), ("max", &max.to_string())],
        ),
        ArchiveError::TooLarge { limit } => fill(
            s.import.imp_zip_too_large,
            &[("limit", &source::size_text(limit))],
        ),
        ArchiveError::DeclaredCount { entry, count, size } => fill(
            s.import.imp_declared_count,
            &[
                ("entry", &super::quoted(&entry)),
                ("count", &super::quoted(&count)),
                ("size", &source::size_text(size)),
            ],
        ),
    };
    whole_file(file, msg)
}

pub fn read(bytes: &[u8], ctx: &Context<'_>) -> Result<Imported, ImportError> {
    let fmt = ctx.format.trim().to_lowercase();
    if fmt != "auto" && !format_names().contains(&fmt) {
        return Err(whole_file(
            ctx.file,
            fill(
                t().import.imp_unknown_format,
                &[
                    ("format", &super::quoted(ctx.format)),
                    ("list", &format_names().join(", ")),
                ],
            ),
        ));
    }
    let scope = Scope {
        label: ctx.file,
        names: [ctx.file, ""],
        in_archive: false,
        posts_end: None,
        semicolon: false,
    };
    let out = read_scoped(bytes, ctx, scope)?;
    if out.formats.is_empty() {
        return Err(whole_file(ctx.file, t().import.imp_no_table.into()));
    }
    Ok(out)
}

fn read_scoped(bytes: &[u8], ctx: &Context<'_>, scope: Scope<'_>) -> Result<Imported, ImportError> {
    if source::is_zip(bytes) {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| archive_error(scope.label, ArchiveError::Unreadable(e.to_string())))?;
        if zip.by_name("[Content_Types].xml").is_ok() {
            source::check_workbook(bytes, ctx.limits).map_err(|e| archive_error(scope.label, e))?;
            return workbook::read(bytes, ctx, scope);
        }
        if scope.in_archive {
            return Err(whole_file(scope.label, t().import.imp_nested_zip.into()));
        }
        source::check_zip(bytes, ctx.limits).map_err(|e| archive_error(scope.label, e))?;
        return read_archive(&mut zip, ctx, scope);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return workbook::read(bytes, ctx, scope);
    }
    let text = super::text::decode(bytes).map_err(|e| whole_file(scope.label, e))?;
    read_text(&text, ctx, scope)
}

/// The entries of an archive that may hold tables, by name.
fn is_table_entry(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".csv", ".txt", ".xlsx", ".xls", ".tsv"]
        .iter()
        .any(|x| lower.ends_with(x))
}

fn read_archive(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    ctx: &Context<'_>,
    scope: Scope<'_>,
) -> Result<Imported, ImportError> {
    let mut names: Vec<String> = zip
        .file_names()
        .map(|n| n.map(|n| n.into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|e| {
            whole_file(
                scope.label,
                fill(
                    t().import.imp_bad_zip_name,
                    &[("e", &super::quoted(&e.to_string()))],
                ),
            )
        })?;
    names.sort();
    let mut out = Imported::default();
    // Each entry read once; those with year-less post dates again once the account
    // rows' span is known.
    let mut parts: Vec<(String, Vec<u8>, Imported)> = Vec::new();
    for name in names {
        if name.ends_with('/') {
            continue;
        }
        let lower = name.to_lowercase();
        if lower.ends_with(".zip") {
            let label = format!("{}/{name}", scope.label);
            return Err(whole_file(&label, t().import.imp_nested_zip.into()));
        }
        if !is_table_entry(&name) {
            out.ignored.insert(name);
            continue;
        }
        let buf = source::zip_entry(zip, &name, ctx.limits.max_bytes).map_err(|e| {
            whole_file(
                &format!("{}/{name}", scope.label),
                fill(t().import.imp_bad_zip, &[("e", &super::quoted(&e))]),
            )
        })?;
        let label = format!("{}/{name}", scope.label);
        let sub = Scope {
            label: &label,
            names: [&name, scope.label],
            in_archive: true,
            ..scope
        };
        match read_scoped(&buf, ctx, sub) {
            // A file of the archive that is no analytics table (a read-me) is left aside.
            Ok(part) if part.formats.is_empty() => {
                out.ignored.insert(name);
            }
            Ok(part) => parts.push((name, buf, part)),
            Err(e) if e.line == 0 && e.message == t().import.imp_no_table => {
                out.ignored.insert(name);
            }
            Err(e) => return Err(e),
        }
    }
    let daily_end = parts
        .iter()
        .filter(|(_, _, p)| !p.daily.is_empty())
        .filter_map(|(_, _, p)| p.inferred.map(|(_, end)| end))
        .max();
    for (name, buf, part) in parts {
        let part = match daily_end {
            Some(end) if part.yearless_posts && part.daily.is_empty() => {
                let label = format!("{}/{name}", scope.label);
                let sub = Scope {
                    label: &label,
                    names: [&name, scope.label],
                    in_archive: true,
                    posts_end: Some(end),
                    ..scope
                };
                read_scoped(&buf, ctx, sub)?
            }
            _ => part,
        };
        out.merge(part);
    }
    Ok(out)
}

fn lower_headers(row: &StringRecord) -> Vec<String> {
    row.iter()
        .map(|h| {
            h.trim_start_matches('\u{feff}')
                .trim()
                .trim_matches('"')
                .trim()
                .to_lowercase()
        })
        .collect()
}

/// What a table is, from its header row.
#[derive(Clone, Copy)]
enum TableFormat {
    Long,
    Wide,
    Named(&'static Format),
}

/// Whether the first data row (after the header, blank rows aside) is a `Total` row.
fn total_first(table: &[(usize, StringRecord)]) -> bool {
    table
        .iter()
        .skip(1)
        .find(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .is_some_and(|(_, r)| {
            r.iter()
                .any(|c| c.trim().trim_matches('"').eq_ignore_ascii_case("total"))
        })
}

fn table_format(table: &[(usize, StringRecord)], ctx: &Context<'_>) -> Option<TableFormat> {
    let headers = lower_headers(&table.first()?.1);
    let has = |h: &str| headers.iter().any(|x| x == h);
    let wanted = ctx.format.trim().to_lowercase();
    let long = has("date") && has("platform") && has("metric") && has("value");
    let wide = has("date")
        && headers
            .iter()
            .any(|h| Metric::parse(h).is_some_and(Metric::is_canonical));
    match wanted.as_str() {
        "long" => long.then_some(TableFormat::Long),
        "wide" => wide.then_some(TableFormat::Wide),
        "auto" if long => Some(TableFormat::Long),
        "auto" => formats::detect(&headers, total_first(table))
            .map(TableFormat::Named)
            .or(wide.then_some(TableFormat::Wide)),
        name => FORMATS
            .iter()
            .find(|f| f.name.to_lowercase() == name && f.required.iter().all(|r| has(r)))
            .map(TableFormat::Named),
    }
}

/// The rows of a CSV text, with their lines; the `sep=` line left out.
fn csv_table(text: &str, sep: u8, label: &str) -> Result<Table, ImportError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut lines = super::text::Lines::new(text);
    let mut table: Table = Vec::new();
    let mut skip = super::text::sep_line(text).is_some();
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| ImportError::new(label, lines.of(e.position()), None, e.to_string()))?;
        let line = lines.of(rec.position());
        if std::mem::take(&mut skip) {
            continue;
        }
        table.push((line, rec));
    }
    Ok(table)
}

fn read_text(text: &str, ctx: &Context<'_>, scope: Scope<'_>) -> Result<Imported, ImportError> {
    let sep = super::text::separator(text);
    let scope = Scope {
        semicolon: sep == b';',
        ..scope
    };
    let table = csv_table(text, sep, scope.label)?;
    if meta::is_meta(&table) {
        return meta::read(&table, ctx, scope);
    }
    match table_format(&table, ctx) {
        Some(f) => tables::read(&table, f, ctx, scope),
        None if ctx.format != "auto" => Err(ImportError::new(
            scope.label,
            1,
            None,
            fill(
                t().import.imp_header_mismatch,
                &[("format", &super::quoted(ctx.format))],
            ),
        )),
        None => Ok(Imported::default()),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_real;
#[cfg(test)]
mod tests_review;
