//! `twohats import kpi`: the platforms' analytics exports (FORMATS.md), detected from
//! their headers, and two generic CSV shapes. Pure over bytes; nothing is partial.

mod cells;
mod formats;

use std::collections::BTreeSet;
use std::io::{Cursor, Read};

use calamine::{Data, DataType, Reader};
use chrono::NaiveDate;
use csv::StringRecord;

use super::ImportError;
use crate::domain::Platform;
use crate::domain::kpi::{DailyValue, PostValue};
use crate::domain::metric::{Metric, Unit};
use formats::{Format, Grain};

pub use formats::FORMATS;

/// What the caller knows beside the file.
pub struct Context<'a> {
    pub file: &'a str,
    /// The platform of files that do not say it (generic wide CSV, Meta files).
    pub platform: Option<Platform>,
    /// Minor units in a major one of the client's currency (100 for EUR), for money
    /// columns of the generic CSVs.
    pub minor: f64,
    /// Year-less dates take the latest year that puts them on or before this day (the
    /// file's modification day, or today).
    pub reference: NaiveDate,
    /// `auto`, `long`, `wide`, `meta`, or a format's name from [`FORMATS`] in any case.
    pub format: &'a str,
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
}

impl Imported {
    fn merge(&mut self, other: Imported) {
        self.daily.extend(other.daily);
        self.posts.extend(other.posts);
        self.rows += other.rows;
        self.ignored.extend(other.ignored);
        self.formats.extend(other.formats);
    }
}

/// A table: rows of cells with the line (or spreadsheet row) each came from.
type Table = Vec<(usize, StringRecord)>;

/// The format names `--format` accepts besides `auto`.
pub fn format_names() -> Vec<String> {
    let mut v = vec!["long".to_string(), "wide".into(), "meta".into()];
    v.extend(FORMATS.iter().map(|f| f.name.to_lowercase()));
    v
}

pub fn read(bytes: &[u8], ctx: &Context<'_>) -> Result<Imported, ImportError> {
    let fmt = ctx.format.trim().to_lowercase();
    if fmt != "auto" && !format_names().contains(&fmt) {
        return Err(ImportError::new(
            ctx.file,
            0,
            None,
            crate::i18n::fill(
                crate::i18n::t().imp_unknown_format,
                &[("format", ctx.format), ("list", &format_names().join(", "))],
            ),
        ));
    }
    let out = if bytes.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            ImportError::new(
                ctx.file,
                0,
                None,
                crate::i18n::fill(crate::i18n::t().imp_bad_zip, &[("e", &e.to_string())]),
            )
        })?;
        if zip.by_name("[Content_Types].xml").is_ok() {
            read_workbook(bytes, ctx)?
        } else {
            read_archive(&mut zip, ctx)?
        }
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        read_workbook(bytes, ctx)?
    } else {
        let text =
            super::text::decode(bytes).map_err(|e| ImportError::new(ctx.file, 0, None, e))?;
        read_text(&text, ctx, ctx.file)?
    };
    if out.formats.is_empty() {
        return Err(ImportError::new(
            ctx.file,
            0,
            None,
            crate::i18n::t().imp_no_table,
        ));
    }
    Ok(out)
}

fn read_archive(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    ctx: &Context<'_>,
) -> Result<Imported, ImportError> {
    let mut names: Vec<String> = zip
        .file_names()
        .map(|n| n.map(|n| n.to_string()))
        .collect::<Result<_, _>>()
        .map_err(|e| {
            ImportError::new(
                ctx.file,
                0,
                None,
                crate::i18n::fill(crate::i18n::t().imp_bad_zip_name, &[("e", &e.to_string())]),
            )
        })?;
    names.sort();
    let mut out = Imported::default();
    for name in names {
        let lower = name.to_lowercase();
        if name.ends_with('/')
            || !(lower.ends_with(".csv") || lower.ends_with(".xlsx") || lower.ends_with(".xls"))
        {
            continue;
        }
        let mut buf = Vec::new();
        zip.by_name(&name)
            .and_then(|mut f| f.read_to_end(&mut buf).map_err(Into::into))
            .map_err(|e| {
                ImportError::new(
                    ctx.file,
                    0,
                    None,
                    crate::i18n::format::labelled(&name, &e.to_string()),
                )
            })?;
        let label = format!("{}/{name}", ctx.file);
        let sub = Context {
            file: &label,
            ..*ctx
        };
        match read(&buf, &sub) {
            Ok(part) => out.merge(part),
            // A file of the archive that is no analytics table (a read-me) is left aside.
            Err(e) if e.line == 0 && e.message == crate::i18n::t().imp_no_table => {
                out.ignored.insert(name);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(_) | Data::DateTimeIso(_) => c
            .as_datetime()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

fn read_workbook(bytes: &[u8], ctx: &Context<'_>) -> Result<Imported, ImportError> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        ImportError::new(
            ctx.file,
            0,
            None,
            crate::i18n::fill(
                crate::i18n::t().imp_bad_spreadsheet,
                &[("e", &e.to_string())],
            ),
        )
    })?;
    let mut out = Imported::default();
    for sheet in wb.sheet_names() {
        let range = wb.worksheet_range(&sheet).map_err(|e| {
            ImportError::new(
                ctx.file,
                0,
                None,
                crate::i18n::fill(
                    crate::i18n::t().imp_bad_sheet,
                    &[("sheet", &sheet), ("e", &e.to_string())],
                ),
            )
        })?;
        let start_row = range.start().map_or(0, |(r, _)| r as usize);
        let table: Table = range
            .rows()
            .enumerate()
            .map(|(i, row)| {
                let cells: Vec<String> = row.iter().map(cell_text).collect();
                (start_row + i + 1, StringRecord::from(cells))
            })
            .collect();
        let label = format!("{} [{sheet}]", ctx.file);
        // LinkedIn puts a description above the header: look at the first rows.
        match (0..3.min(table.len()))
            .find_map(|skip| table_format(&table[skip..], ctx).map(|f| (skip, f)))
        {
            Some((skip, f)) => out.merge(read_table(&table[skip..], f, ctx, &label)?),
            None => {
                out.ignored.insert(format!("sheet {sheet}"));
            }
        }
    }
    Ok(out)
}

fn lower_headers(row: &StringRecord) -> Vec<String> {
    row.iter()
        .map(|h| h.trim().trim_matches('"').trim().to_lowercase())
        .collect()
}

/// What a table is, from its header row.
#[derive(Clone, Copy)]
enum TableFormat {
    Long,
    Wide,
    Named(&'static Format),
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
        "auto" => formats::detect(&headers)
            .map(TableFormat::Named)
            .or(wide.then_some(TableFormat::Wide)),
        name => FORMATS
            .iter()
            .find(|f| f.name.to_lowercase() == name && f.required.iter().all(|r| has(r)))
            .map(TableFormat::Named),
    }
}

fn read_text(text: &str, ctx: &Context<'_>, label: &str) -> Result<Imported, ImportError> {
    let first = text.lines().next().unwrap_or("").trim().trim_matches('"');
    if first.to_ascii_lowercase().starts_with("sep=") {
        return read_meta(text, ctx, label);
    }
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table: Table = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            ImportError::new(
                label,
                e.position().map_or(0, |p| p.line() as usize),
                None,
                e.to_string(),
            )
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        table.push((line, rec));
    }
    match table_format(&table, ctx) {
        Some(f) => read_table(&table, f, ctx, label),
        None if ctx.format != "auto" => Err(ImportError::new(
            label,
            1,
            None,
            crate::i18n::fill(
                crate::i18n::t().imp_header_mismatch,
                &[("format", ctx.format)],
            ),
        )),
        None => Ok(Imported::default()),
    }
}

fn read_table(
    table: &[(usize, StringRecord)],
    f: TableFormat,
    ctx: &Context<'_>,
    label: &str,
) -> Result<Imported, ImportError> {
    match f {
        TableFormat::Long => read_long(table, ctx, label),
        TableFormat::Wide => read_wide(table, ctx, label),
        TableFormat::Named(f) => read_named(table, f, ctx, label),
    }
}

/// Stored value of a cell for a metric; money in the generic formats is in major units.
fn stored(metric: Metric, v: f64, ctx: &Context<'_>) -> i64 {
    cells::to_stored(
        v,
        if metric.unit() == Unit::Money {
            ctx.minor
        } else {
            1.0
        },
    )
}

fn read_long(
    table: &[(usize, StringRecord)],
    ctx: &Context<'_>,
    label: &str,
) -> Result<Imported, ImportError> {
    let headers = lower_headers(&table[0].1);
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap_or(0);
    let (cd, cp, cm, cv) = (col("date"), col("platform"), col("metric"), col("value"));
    let mut out = Imported {
        formats: vec!["generic long CSV".into()],
        ..Imported::default()
    };
    for (line, row) in &table[1..] {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| row.get(i).unwrap_or("");
        let err = |field: &str, msg: String| ImportError::new(label, *line, Some(field), msg);
        let day = cells::date(get(cd), ctx.reference).map_err(|m| err("date", m))?;
        let platform =
            super::row_platform(get(cp).trim(), ctx.platform).map_err(|m| err("platform", m))?;
        let metric = Metric::parse(get(cm))
            .filter(|m| m.is_canonical())
            .ok_or_else(|| {
                err(
                    "metric",
                    crate::i18n::fill(
                        crate::i18n::t().imp_not_metric_key,
                        &[("value", get(cm).trim())],
                    ),
                )
            })?;
        out.rows += 1;
        if let Some(v) = cells::number(get(cv)).map_err(|m| err("value", m))? {
            out.daily.push(DailyValue {
                platform,
                day,
                metric,
                value: stored(metric, v, ctx),
            });
        }
    }
    Ok(out)
}

fn read_wide(
    table: &[(usize, StringRecord)],
    ctx: &Context<'_>,
    label: &str,
) -> Result<Imported, ImportError> {
    let headers = lower_headers(&table[0].1);
    let cd = headers.iter().position(|h| h == "date").unwrap_or(0);
    let cp = headers.iter().position(|h| h == "platform");
    let metrics: Vec<(usize, Metric)> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            Metric::parse(h)
                .filter(|m| m.is_canonical())
                .map(|m| (i, m))
        })
        .collect();
    let mut out = Imported {
        formats: vec!["generic wide CSV".into()],
        ..Imported::default()
    };
    for (i, h) in headers.iter().enumerate() {
        if i != cd && Some(i) != cp && !metrics.iter().any(|(j, _)| *j == i) && !h.is_empty() {
            out.ignored.insert(h.clone());
        }
    }
    if cp.is_none() && ctx.platform.is_none() {
        return Err(ImportError::new(
            label,
            1,
            Some("platform"),
            crate::i18n::t().imp_no_platform_column,
        ));
    }
    for (line, row) in &table[1..] {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| row.get(i).unwrap_or("");
        let err = |field: &str, msg: String| ImportError::new(label, *line, Some(field), msg);
        let day = cells::date(get(cd), ctx.reference).map_err(|m| err("date", m))?;
        let platform = match cp.map(get).map(str::trim) {
            Some(p) if !p.is_empty() => Platform::parse(p).ok_or_else(|| {
                err(
                    "platform",
                    crate::i18n::fill(crate::i18n::t().imp_unknown_platform, &[("platform", p)]),
                )
            })?,
            _ => ctx
                .platform
                .ok_or_else(|| err("platform", crate::i18n::t().imp_platform_empty.into()))?,
        };
        out.rows += 1;
        for (i, m) in &metrics {
            if let Some(v) = cells::number(get(*i)).map_err(|msg| err(&headers[*i], msg))? {
                out.daily.push(DailyValue {
                    platform,
                    day,
                    metric: *m,
                    value: stored(*m, v, ctx),
                });
            }
        }
    }
    Ok(out)
}

fn read_named(
    table: &[(usize, StringRecord)],
    f: &'static Format,
    ctx: &Context<'_>,
    label: &str,
) -> Result<Imported, ImportError> {
    let headers = lower_headers(&table[0].1);
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| headers.iter().position(|h| h == n))
    };
    let cd = find(f.date).unwrap_or(0);
    let cid = find(f.id);
    let ctitle = find(f.title);
    let mapped: Vec<(usize, Metric)> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| f.map.iter().find(|(n, _)| n == h).map(|(_, m)| (i, *m)))
        .collect();
    let platform = f.platform.or(ctx.platform).ok_or_else(|| {
        ImportError::new(
            label,
            1,
            Some("platform"),
            crate::i18n::t().imp_platform_unknown,
        )
    })?;
    let mut out = Imported {
        formats: vec![f.name.to_string()],
        ..Imported::default()
    };
    for (i, h) in headers.iter().enumerate() {
        let used =
            i == cd || Some(i) == cid || Some(i) == ctitle || mapped.iter().any(|(j, _)| *j == i);
        if !used && !h.is_empty() {
            out.ignored.insert(h.clone());
        }
    }
    for (n, (line, row)) in table[1..].iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| row.get(i).unwrap_or("");
        if f.total_row && n == 0 && get(cid.unwrap_or(0)).trim().eq_ignore_ascii_case("total") {
            continue;
        }
        let err = |field: &str, msg: String| ImportError::new(label, *line, Some(field), msg);
        let date_name = &headers[cd];
        let day = cells::date(get(cd), ctx.reference).map_err(|m| err(date_name, m))?;
        // Several columns may feed one metric (Reposts and Shares): add them.
        let mut values: Vec<(Metric, f64)> = Vec::new();
        for (i, m) in &mapped {
            if let Some(v) = cells::number(get(*i)).map_err(|msg| err(&headers[*i], msg))? {
                match values.iter_mut().find(|(x, _)| x == m) {
                    Some((_, acc)) => *acc += v,
                    None => values.push((*m, v)),
                }
            }
        }
        out.rows += 1;
        match f.grain {
            Grain::Daily => {
                for (m, v) in values {
                    out.daily.push(DailyValue {
                        platform,
                        day,
                        metric: m,
                        value: cells::to_stored(v, 1.0),
                    });
                }
            }
            Grain::Posts => {
                let id = cid.map(get).unwrap_or("").trim();
                if id.is_empty() {
                    return Err(err(
                        f.id.first().copied().unwrap_or("id"),
                        crate::i18n::t().imp_empty_post_id.into(),
                    ));
                }
                let title = ctitle.map(get).unwrap_or("").trim().to_string();
                for (m, v) in values {
                    out.posts.push(PostValue {
                        platform,
                        external_id: id.to_string(),
                        day,
                        title: title.clone(),
                        metric: m,
                        value: cells::to_stored(v, 1.0),
                    });
                }
            }
        }
    }
    Ok(out)
}

/// Meta Business Suite page-level files: `sep=,`, a title line naming the metric, then
/// `"Date","Primary"`.
fn read_meta(text: &str, ctx: &Context<'_>, label: &str) -> Result<Imported, ImportError> {
    let mut lines = text.lines();
    lines.next();
    let title = lines.next().unwrap_or("");
    let (metric, platform) = formats::meta_title(title);
    let metric = metric.ok_or_else(|| {
        ImportError::new(
            label,
            2,
            None,
            crate::i18n::fill(
                crate::i18n::t().imp_title_metric,
                &[("title", title.trim())],
            ),
        )
    })?;
    let platform = platform.or(ctx.platform).ok_or_else(|| {
        ImportError::new(
            label,
            2,
            Some("platform"),
            crate::i18n::t().imp_title_platform,
        )
    })?;
    let mut out = Imported {
        formats: vec![format!("Meta page {}", metric.key())],
        ..Imported::default()
    };
    let body: String = text.lines().skip(2).collect::<Vec<_>>().join("\n");
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut header_seen = false;
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            ImportError::new(
                label,
                e.position().map_or(0, |p| p.line() as usize + 2),
                None,
                e.to_string(),
            )
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize + 2);
        let date = rec.get(0).unwrap_or("").trim();
        if !header_seen {
            if date.eq_ignore_ascii_case("date") {
                header_seen = true;
                continue;
            }
            return Err(ImportError::new(
                label,
                line,
                None,
                crate::i18n::t().imp_expected_date_primary,
            ));
        }
        if date.is_empty() {
            // Audience.csv and others stack tables after a blank line: the first one is
            // this file's metric.
            break;
        }
        let day = cells::date(date, ctx.reference)
            .map_err(|m| ImportError::new(label, line, Some("Date"), m))?;
        out.rows += 1;
        if let Some(v) = cells::number(rec.get(1).unwrap_or(""))
            .map_err(|m| ImportError::new(label, line, Some("Primary"), m))?
        {
            out.daily.push(DailyValue {
                platform,
                day,
                metric,
                value: cells::to_stored(v, 1.0),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
