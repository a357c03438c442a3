//! Meta Business Suite page-level files: a title line naming the metric (`"Facebook
//! follows"`), then `"Date","Primary"` and a row a day. As exported: UTF-16 with a `sep=,`
//! line first; saved again by Excel: no `sep=` line, `;` between cells, the title padded
//! with empty cells. `Audience.csv` stacks more tables after a blank line: the first one
//! is the file's metric.

use super::tables::{cell_error, days_of};
use super::{Context, Imported, Scope, Table, cells, formats};
use crate::domain::kpi::DailyValue;
use crate::i18n::{fill, t};
use crate::io::{ImportError, quoted};

fn non_empty(row: &csv::StringRecord) -> Vec<&str> {
    row.iter()
        .map(|c| c.trim().trim_matches('"').trim())
        .filter(|c| !c.is_empty())
        .collect()
}

/// A title alone on the first row, `Date`, `Primary` on the second.
pub(super) fn is_meta(table: &Table) -> bool {
    let (Some(title), Some(head)) = (table.first(), table.get(1)) else {
        return false;
    };
    let head = non_empty(&head.1);
    non_empty(&title.1).len() == 1
        && head.len() >= 2
        && head[0]
            .trim_start_matches('\u{feff}')
            .eq_ignore_ascii_case("date")
        && head[1].eq_ignore_ascii_case("primary")
}

pub(super) fn read(
    table: &Table,
    ctx: &Context<'_>,
    scope: Scope<'_>,
) -> Result<Imported, ImportError> {
    let (title_line, title_row) = &table[0];
    let title = non_empty(title_row).first().copied().unwrap_or("");
    let (metric, platform) = formats::meta_title(title);
    let metric = metric.ok_or_else(|| {
        ImportError::new(
            scope.label,
            *title_line,
            None,
            fill(t().import.imp_title_metric, &[("title", &quoted(title))]),
        )
    })?;
    let said = super::tables::file_platform(platform, &quoted(title), ctx, scope, *title_line)?;
    let platform = said.ok_or_else(|| {
        ImportError::new(
            scope.label,
            *title_line,
            Some("platform"),
            t().import.imp_title_platform,
        )
    })?;
    let mut out = Imported {
        formats: vec![format!("Meta page {}", metric.key())],
        ..Imported::default()
    };
    // The first table: its rows up to a blank one (the reader skips empty lines, so a
    // jump in line numbers is a blank line too).
    let mut rows = Vec::new();
    let mut prev = table[1].0;
    for row in &table[2..] {
        if row.0 > prev + 1 || non_empty(&row.1).is_empty() {
            break;
        }
        prev = row.0;
        rows.push(row);
    }
    let days = days_of(&rows, 0, "Date", true, ctx, scope)?;
    out.inferred = days.inferred;
    out.reference = days.reference;
    for ((line, row), day) in rows.into_iter().zip(days.days) {
        out.rows += 1;
        let raw = row.get(1).unwrap_or("");
        let err = |m| cell_error(scope, *line, 1, "Primary", m);
        if let Some(v) = cells::number(raw, scope.semicolon).map_err(err)? {
            out.daily.push(DailyValue {
                platform,
                day,
                metric,
                value: cells::stored(metric, v, 1.0, raw).map_err(err)?,
            });
        }
    }
    Ok(out)
}
