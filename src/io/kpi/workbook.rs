//! Workbooks (LinkedIn's .xls and .xlsx, TikTok's .xlsx), read by calamine once
//! [`crate::io::source::check_workbook`] passed. An xlsx sheet is read cell by cell into
//! the rows that hold cells: a reader that makes a rectangle from the first cell to the
//! last would allocate 17 billion cells for two cells at A1 and XFD1048576.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataType, Reader, Xls, Xlsx};
use csv::StringRecord;

use super::{Context, Imported, Scope, Table, table_format, tables, whole_file};
use crate::i18n::{fill, t};
use crate::io::{ImportError, quoted};

/// Cells a workbook may spread over, counting the empty ones rows are padded with.
const MAX_CELLS: usize = 20_000_000;

fn cell_text<T: DataType>(c: &T) -> String {
    if let Some(s) = c.get_string() {
        return s.to_string();
    }
    if c.is_datetime() || c.is_datetime_iso() {
        return c
            .as_datetime()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
    }
    if let Some(f) = c.get_float() {
        return f.to_string();
    }
    if let Some(i) = c.get_int() {
        return i.to_string();
    }
    if let Some(b) = c.get_bool() {
        return b.to_string();
    }
    c.get_duration_iso().unwrap_or("").to_string()
}

fn spreadsheet_error(scope: Scope<'_>, e: impl std::fmt::Display) -> ImportError {
    whole_file(
        scope.label,
        fill(
            t().import.imp_bad_spreadsheet,
            &[("e", &quoted(&e.to_string()))],
        ),
    )
}

fn sheet_error(scope: Scope<'_>, sheet: &str, e: impl std::fmt::Display) -> ImportError {
    whole_file(
        scope.label,
        fill(
            t().import.imp_bad_sheet,
            &[("sheet", &quoted(sheet)), ("e", &quoted(&e.to_string()))],
        ),
    )
}

fn too_many_cells(scope: Scope<'_>, sheet: &str) -> ImportError {
    whole_file(
        scope.label,
        fill(
            t().import.imp_too_many_cells,
            &[("sheet", &quoted(sheet)), ("max", &MAX_CELLS.to_string())],
        ),
    )
}

/// The sheets of a workbook as tables, by name.
fn sheets(bytes: &[u8], scope: Scope<'_>) -> Result<Vec<(String, Table)>, ImportError> {
    let mut out = Vec::new();
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // BIFF sheets hold at most 65,536 rows of 256 cells: bounded by the format.
        let mut wb: Xls<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|e| spreadsheet_error(scope, e))?;
        for sheet in wb.sheet_names() {
            let range = wb
                .worksheet_range(&sheet)
                .map_err(|e| sheet_error(scope, &sheet, e))?;
            let start_row = range.start().map_or(0, |(r, _)| r as usize);
            let table: Table = range
                .rows()
                .enumerate()
                .map(|(i, row)| {
                    let cells: Vec<String> = row.iter().map(cell_text).collect();
                    (start_row + i + 1, StringRecord::from(cells))
                })
                .collect();
            out.push((sheet, table));
        }
        return Ok(out);
    }
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| spreadsheet_error(scope, e))?;
    for sheet in wb.sheet_names() {
        let mut reader = wb
            .worksheet_cells_reader(&sheet)
            .map_err(|e| sheet_error(scope, &sheet, e))?;
        // Each row: its width so far and its cells.
        let mut rows: BTreeMap<u32, (usize, Vec<(u32, String)>)> = BTreeMap::new();
        let mut cells = 0usize;
        while let Some(c) = reader
            .next_cell()
            .map_err(|e| sheet_error(scope, &sheet, e))?
        {
            let (r, col) = c.get_position();
            let text = cell_text(c.get_value());
            if text.is_empty() {
                continue;
            }
            let (width, row) = rows.entry(r).or_default();
            // A row costs as many cells as its last column.
            let after = (*width).max(col as usize + 1);
            cells += after - *width;
            *width = after;
            if cells > MAX_CELLS {
                return Err(too_many_cells(scope, &sheet));
            }
            row.push((col, text));
        }
        drop(reader);
        let table: Table = rows
            .into_iter()
            .map(|(r, (width, cells))| {
                let mut record = vec![String::new(); width];
                for (c, text) in cells {
                    record[c as usize] = text;
                }
                (r as usize + 1, StringRecord::from(record))
            })
            .collect();
        out.push((sheet, table));
    }
    Ok(out)
}

pub(super) fn read(
    bytes: &[u8],
    ctx: &Context<'_>,
    scope: Scope<'_>,
) -> Result<Imported, ImportError> {
    let mut out = Imported::default();
    for (sheet, table) in sheets(bytes, scope)? {
        let label = format!("{} [{sheet}]", scope.label);
        let sub = Scope {
            label: &label,
            ..scope
        };
        // LinkedIn puts a description above the header: look at the first rows.
        match (0..3.min(table.len()))
            .find_map(|skip| table_format(&table[skip..], ctx).map(|f| (skip, f)))
        {
            Some((skip, f)) => out.merge(tables::read(&table[skip..], f, ctx, sub)?),
            None => {
                out.ignored.insert(format!("sheet {sheet}"));
            }
        }
    }
    Ok(out)
}
