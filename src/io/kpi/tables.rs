//! Reading a table once its format is known: the generic long and wide CSVs and the
//! named exports. Dates are read a column at a time ([`super::dates`]); every value is
//! checked before it is kept ([`super::cells::stored`]).

use chrono::NaiveDate;
use csv::StringRecord;

use super::formats::{self, Column, Format, Grain};
use super::{Context, Imported, Note, Scope, TableFormat, cells, dates, lower_headers};
use crate::domain::Platform;
use crate::domain::kpi::{DailyValue, PostValue};
use crate::domain::metric::Metric;
use crate::i18n::{fill, t};
use crate::io::{ImportError, quoted};

type Row = (usize, StringRecord);

pub(super) fn read(
    table: &[Row],
    f: TableFormat,
    ctx: &Context<'_>,
    scope: Scope<'_>,
) -> Result<Imported, ImportError> {
    match f {
        TableFormat::Long => read_long(table, ctx, scope),
        TableFormat::Wide => read_wide(table, ctx, scope),
        TableFormat::Named(f) => read_named(table, f, ctx, scope),
    }
}

fn blank(row: &StringRecord) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

fn cell(row: &StringRecord, i: usize) -> &str {
    row.get(i).unwrap_or("")
}

/// The error of the cell in column `i` of `line`, under the header `field`.
pub(super) fn cell_error(
    scope: Scope<'_>,
    line: usize,
    i: usize,
    field: &str,
    msg: String,
) -> ImportError {
    ImportError::new(scope.label, line, Some(field), msg).at_field(i)
}

/// The days of the column `col` of `rows`: year-less dates, day-first or month-first
/// slashes and offsets decided for the whole column.
pub(super) fn days_of(
    rows: &[&Row],
    col: usize,
    field: &str,
    daily: bool,
    ctx: &Context<'_>,
    scope: Scope<'_>,
) -> Result<dates::Resolved, ImportError> {
    let mut parsed = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        parsed.push(
            dates::parse(cell(row, col)).map_err(|m| cell_error(scope, *line, col, field, m))?,
        );
    }
    let reference = match (daily, scope.posts_end) {
        (false, Some(end)) => end,
        _ => dates::reference(ctx.today, ctx.last_date, &scope.names),
    };
    let setting = dates::Setting {
        daily,
        reference,
        tz: (!daily).then_some(ctx.tz),
        day_first: scope.semicolon,
        given: daily && ctx.last_date.is_some(),
    };
    dates::resolve(&parsed, &setting).map_err(|(k, m)| cell_error(scope, rows[k].0, col, field, m))
}

/// The stored value of a cell, or `None` for a cell holding no value.
fn value(
    row: &Row,
    i: usize,
    field: &str,
    metric: Metric,
    factor: f64,
    scope: Scope<'_>,
) -> Result<Option<i64>, ImportError> {
    let raw = cell(&row.1, i);
    let err = |m| cell_error(scope, row.0, i, field, m);
    match cells::number(raw, scope.semicolon).map_err(err)? {
        None => Ok(None),
        Some(v) => cells::stored(metric, v, factor, raw).map(Some).map_err(err),
    }
}

/// The platform of a file: the one its format or title says (`said`), else
/// `--platform`; refused when `--platform` names another one than the file says.
pub(super) fn file_platform(
    said: Option<Platform>,
    format: &str,
    ctx: &Context<'_>,
    scope: Scope<'_>,
    line: usize,
) -> Result<Option<Platform>, ImportError> {
    match (said, ctx.platform) {
        (Some(p), Some(given)) if p != given => Err(ImportError::new(
            scope.label,
            line,
            Some("platform"),
            fill(
                t().import.imp_platform_conflict,
                &[
                    ("format", format),
                    ("platform", p.name()),
                    ("given", given.name()),
                ],
            ),
        )),
        (said, given) => Ok(said.or(given)),
    }
}

fn not_metric_key(raw: &str) -> String {
    fill(
        t().import.imp_not_metric_key,
        &[
            ("value", &quoted(raw)),
            ("list", &Metric::canonical_keys().join(", ")),
        ],
    )
}

fn read_long(table: &[Row], ctx: &Context<'_>, scope: Scope<'_>) -> Result<Imported, ImportError> {
    let headers = lower_headers(&table[0].1);
    let col = |h: &str| headers.iter().position(|x| x == h).unwrap_or(0);
    let (cd, cp, cm, cv) = (col("date"), col("platform"), col("metric"), col("value"));
    let mut out = Imported {
        formats: vec!["generic long CSV".into()],
        ..Imported::default()
    };
    for (i, h) in headers.iter().enumerate() {
        if ![cd, cp, cm, cv].contains(&i) && !h.is_empty() {
            out.ignored.insert(h.clone());
        }
    }
    let rows: Vec<&Row> = table[1..].iter().filter(|(_, r)| !blank(r)).collect();
    let days = days_of(&rows, cd, "date", true, ctx, scope)?;
    out.inferred = days.inferred;
    out.reference = days.reference;
    out.daily.reserve(rows.len());
    for (row, day) in rows.into_iter().zip(days.days) {
        let (line, rec) = row;
        let platform = crate::io::row_platform(cell(rec, cp).trim(), ctx.platform)
            .map_err(|m| cell_error(scope, *line, cp, "platform", m))?;
        let metric = Metric::parse(cell(rec, cm))
            .filter(|m| m.is_canonical())
            .ok_or_else(|| cell_error(scope, *line, cm, "metric", not_metric_key(cell(rec, cm))))?;
        out.rows += 1;
        let factor = formats::generic_factor(metric, ctx.minor);
        if let Some(v) = value(row, cv, "value", metric, factor, scope)? {
            out.daily.push(DailyValue {
                platform,
                day,
                metric,
                value: v,
            });
        }
    }
    Ok(out)
}

fn read_wide(table: &[Row], ctx: &Context<'_>, scope: Scope<'_>) -> Result<Imported, ImportError> {
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
    // As in the long CSV, a metric is named by its key: a column that names none (a
    // typo, `views` for `video_views`) is refused rather than left out unseen.
    for (i, h) in headers.iter().enumerate() {
        if i != cd && Some(i) != cp && !metrics.iter().any(|(j, _)| *j == i) && !h.is_empty() {
            let raw = table[0].1.get(i).unwrap_or("");
            return Err(cell_error(scope, table[0].0, i, raw, not_metric_key(raw)));
        }
    }
    // Without a platform column, every row is --platform's.
    let fixed = match cp {
        Some(_) => None,
        None => Some(ctx.platform.ok_or_else(|| {
            ImportError::new(
                scope.label,
                1,
                Some("platform"),
                t().import.imp_no_platform_column,
            )
        })?),
    };
    let rows: Vec<&Row> = table[1..].iter().filter(|(_, r)| !blank(r)).collect();
    let days = days_of(&rows, cd, "date", true, ctx, scope)?;
    out.inferred = days.inferred;
    out.reference = days.reference;
    for (row, day) in rows.into_iter().zip(days.days) {
        let (line, rec) = row;
        let platform = match fixed {
            Some(p) => p,
            None => {
                let c = cp.unwrap_or(0);
                crate::io::row_platform(cell(rec, c).trim(), ctx.platform)
                    .map_err(|m| cell_error(scope, *line, c, "platform", m))?
            }
        };
        out.rows += 1;
        for (i, m) in &metrics {
            let factor = formats::generic_factor(*m, ctx.minor);
            if let Some(v) = value(row, *i, &headers[*i], *m, factor, scope)? {
                out.daily.push(DailyValue {
                    platform,
                    day,
                    metric: *m,
                    value: v,
                });
            }
        }
    }
    Ok(out)
}

/// The data rows of a named export: not blank, and a `Total` first row left out.
fn data_rows<'t>(table: &'t [Row], f: &Format, key_cols: &[usize]) -> Vec<&'t Row> {
    let mut rows: Vec<&Row> = table[1..].iter().filter(|(_, r)| !blank(r)).collect();
    let is_total = |r: &Row| {
        key_cols
            .iter()
            .any(|c| cell(&r.1, *c).trim().eq_ignore_ascii_case("total"))
    };
    if f.total_row && rows.first().is_some_and(|r| is_total(r)) {
        rows.remove(0);
    }
    rows
}

fn read_named(
    table: &[Row],
    f: &'static Format,
    ctx: &Context<'_>,
    scope: Scope<'_>,
) -> Result<Imported, ImportError> {
    let raw_headers: Vec<&str> = table[0].1.iter().collect();
    let headers = lower_headers(&table[0].1);
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| headers.iter().position(|h| h == n))
    };
    let cd = find(f.date).unwrap_or(0);
    let cid = find(f.id);
    let ctitle = find(f.title);
    let platform = file_platform(f.platform, f.name, ctx, scope, table[0].0)?.ok_or_else(|| {
        ImportError::new(
            scope.label,
            1,
            Some("platform"),
            t().import.imp_platform_unknown,
        )
    })?;
    let mut out = Imported {
        formats: vec![f.name.to_string()],
        ..Imported::default()
    };
    let mut columns: Vec<(usize, Metric, f64)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if i == cd || Some(i) == cid || Some(i) == ctitle {
            continue;
        }
        match formats::column(f, h, ctx.currency, ctx.minor) {
            Column::Metric(m, factor) => columns.push((i, m, factor)),
            Column::OtherCurrency(currency) => {
                out.notes.insert(Note::OtherCurrency {
                    column: raw_headers.get(i).unwrap_or(&"").trim().to_string(),
                    currency,
                });
            }
            Column::Unused if !h.is_empty() => {
                out.ignored.insert(h.clone());
            }
            Column::Unused => {}
        }
    }
    let keys: Vec<usize> = [Some(cd), cid].into_iter().flatten().collect();
    let rows = data_rows(table, f, &keys);
    let daily = f.grain == Grain::Daily;
    let days = days_of(&rows, cd, &headers[cd], daily, ctx, scope)?;
    out.inferred = days.inferred;
    out.reference = days.reference;
    out.yearless_posts = !daily && days.inferred.is_some();
    for (row, day) in rows.into_iter().zip(days.days) {
        // Several columns may feed one metric (Reposts and Shares): add them.
        let mut values: Vec<(Metric, i64)> = Vec::new();
        for (i, m, factor) in &columns {
            if let Some(v) = value(row, *i, &headers[*i], *m, *factor, scope)? {
                match values.iter_mut().find(|(x, _)| x == m) {
                    Some((_, acc)) => *acc += v,
                    None => values.push((*m, v)),
                }
            }
        }
        out.rows += 1;
        push_values(&mut out, f, platform, day, row, cid, ctitle, values, scope)?;
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn push_values(
    out: &mut Imported,
    f: &Format,
    platform: Platform,
    day: NaiveDate,
    (line, row): &Row,
    cid: Option<usize>,
    ctitle: Option<usize>,
    values: Vec<(Metric, i64)>,
    scope: Scope<'_>,
) -> Result<(), ImportError> {
    match f.grain {
        Grain::Daily => out
            .daily
            .extend(values.into_iter().map(|(metric, value)| DailyValue {
                platform,
                day,
                metric,
                value,
            })),
        Grain::Posts => {
            let id = cid.map_or("", |c| cell(row, c)).trim();
            if id.is_empty() {
                return Err(cell_error(
                    scope,
                    *line,
                    cid.unwrap_or(0),
                    f.id.first().copied().unwrap_or("id"),
                    t().import.imp_empty_post_id.into(),
                ));
            }
            let title = ctitle.map_or("", |c| cell(row, c)).trim().to_string();
            out.posts
                .extend(values.into_iter().map(|(metric, value)| PostValue {
                    platform,
                    external_id: id.to_string(),
                    day,
                    title: title.clone(),
                    metric,
                    value,
                }));
        }
    }
    Ok(())
}
