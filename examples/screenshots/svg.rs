//! A terminal screen, as vt100 read it from the real app, drawn as an SVG picture: one
//! cell per character on a fixed grid, with the cells' colours, bold, italic, dim,
//! reverse and underline. Each run of text is placed at its column and stretched to its
//! cells, so the picture keeps its columns whatever monospace font the viewer has.

use std::fmt::Write;

use vt100::{Cell, Color, Screen};

/// The grid, in pixels.
const CELL_W: f32 = 9.0;
const CELL_H: f32 = 18.0;
const FONT_PX: f32 = 15.0;
/// From a cell's top to the text's baseline.
const BASELINE: f32 = 13.5;
const MARGIN: f32 = 14.0;

/// The terminal's own colours, where the app asks for none: a dark theme.
pub const DEFAULT_FG: &str = "#d7dae0";
pub const DEFAULT_BG: &str = "#1f2329";

/// The 16 colours of the terminal's palette, for a dark background.
const PALETTE: [&str; 16] = [
    "#1f2329", "#e06c75", "#98c379", "#e5c07b", "#61afef", "#c678dd", "#56b6c2", "#abb2bf",
    "#7f8793", "#f08a93", "#b5e08f", "#f2d29a", "#82c4f5", "#d99ae8", "#7fd3de", "#f4f6fa",
];

/// A colour as `#rrggbb`, or None for the terminal's default.
pub fn hex(c: Color) -> Option<String> {
    match c {
        Color::Default => None,
        Color::Idx(i) if i < 16 => Some(PALETTE[usize::from(i)].to_string()),
        // The 6x6x6 cube, then 24 greys: xterm's 256-colour table.
        Color::Idx(i) if i < 232 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + n * 40 };
            let i = i - 16;
            Some(rgb(level(i / 36), level(i / 6 % 6), level(i % 6)))
        }
        Color::Idx(i) => {
            let g = 8 + (i - 232) * 10;
            Some(rgb(g, g, g))
        }
        Color::Rgb(r, g, b) => Some(rgb(r, g, b)),
    }
}

fn rgb(r: u8, g: u8, b: u8) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// How a cell's text is drawn, its colours resolved (reverse swaps them).
#[derive(Debug, Clone, PartialEq)]
struct Look {
    fg: String,
    bg: String,
    bold: bool,
    italic: bool,
    dim: bool,
    underline: bool,
}

fn look(cell: &Cell) -> Look {
    let fg = hex(cell.fgcolor()).unwrap_or_else(|| DEFAULT_FG.to_string());
    let bg = hex(cell.bgcolor()).unwrap_or_else(|| DEFAULT_BG.to_string());
    let (fg, bg) = if cell.inverse() { (bg, fg) } else { (fg, bg) };
    Look {
        fg,
        bg,
        bold: cell.bold(),
        italic: cell.italic(),
        dim: cell.dim(),
        underline: cell.underline(),
    }
}

/// Text safe inside an SVG element or attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters side by side on one row, of one look: one word of the screen.
struct Run {
    look: Look,
    /// The columns it covers, `start..end`.
    start: u16,
    end: u16,
    /// A wide character (emoji, CJK) stands alone: its glyph's width is the font's.
    wide: bool,
    text: String,
}

/// The whole screen as an SVG document; `title` names it for screen readers.
pub fn render(screen: &Screen, title: &str) -> String {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let width = f32::from(cols) * CELL_W + 2.0 * MARGIN;
    let height = f32::from(rows) * CELL_H + 2.0 * MARGIN;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{t}\">\n<title>{t}</title>\n\
<style>text{{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',monospace;font-size:{FONT_PX}px}}.b{{font-weight:bold}}.i{{font-style:italic}}.d{{opacity:.75}}</style>\n\
<rect width=\"{width}\" height=\"{height}\" rx=\"8\" fill=\"{DEFAULT_BG}\"/>\n<g transform=\"translate({MARGIN} {MARGIN})\" fill=\"{DEFAULT_FG}\">\n",
        t = escape(title)
    );
    for row in 0..rows {
        let cells: Vec<(u16, &Cell)> = (0..cols)
            .filter_map(|col| screen.cell(row, col).map(|c| (col, c)))
            .collect();
        backgrounds(&mut out, row, &cells);
        lines_and_blocks(&mut out, row, &cells);
        texts(&mut out, row, &cells);
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The cells' backgrounds where they are not the terminal's, and underlines.
fn backgrounds(out: &mut String, row: u16, cells: &[(u16, &Cell)]) {
    let y = f32::from(row) * CELL_H;
    // Neighbouring cells of one background and one underline (in its colour, or none).
    let mut spans: Vec<(u16, u16, String, Option<String>)> = Vec::new();
    for &(col, cell) in cells {
        let l = look(cell);
        let underline = l.underline.then_some(l.fg);
        match spans.last_mut() {
            Some((_, end, bg, under)) if *end == col && *bg == l.bg && *under == underline => {
                *end = col + 1;
            }
            _ => spans.push((col, col + 1, l.bg, underline)),
        }
    }
    for (start, end, bg, underline) in spans {
        let x = f32::from(start) * CELL_W;
        let w = f32::from(end - start) * CELL_W;
        if bg != DEFAULT_BG {
            let _ = writeln!(
                out,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
            );
        }
        if let Some(fg) = underline {
            let _ = writeln!(
                out,
                "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"1\" fill=\"{fg}\"/>",
                y + BASELINE + 2.0
            );
        }
    }
}

/// A character drawn as lines or a rectangle rather than as text, so that borders and
/// bars join from cell to cell as in a terminal, whatever the font's line height.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// A box-drawing line: arms from the cell's centre to its left, right, top, bottom.
    Arms(bool, bool, bool, bool),
    /// A block rising from the cell's bottom, in eighths of its height.
    Block(u8),
}

fn drawn(text: &str) -> Option<Shape> {
    let arms = |l, r, u, d| Some(Shape::Arms(l, r, u, d));
    match text {
        "─" => arms(true, true, false, false),
        "│" => arms(false, false, true, true),
        "┌" => arms(false, true, false, true),
        "┐" => arms(true, false, false, true),
        "└" => arms(false, true, true, false),
        "┘" => arms(true, false, true, false),
        "├" => arms(false, true, true, true),
        "┤" => arms(true, false, true, true),
        "┬" => arms(true, true, false, true),
        "┴" => arms(true, true, true, false),
        "┼" => arms(true, true, true, true),
        _ => {
            let eighths = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
            let n = eighths.iter().position(|b| *b == text)?;
            Some(Shape::Block(n as u8 + 1))
        }
    }
}

/// A row's box-drawing lines of one look: the horizontal stretches (from, to) and the
/// vertical segments (x, from, to).
type Lines = (Look, Vec<(f32, f32)>, Vec<(f32, f32, f32)>);

/// Box-drawing lines and blocks, each in its cell's colour. A row's lines of one look
/// make one path, a border's straight stretch one segment.
fn lines_and_blocks(out: &mut String, row: u16, cells: &[(u16, &Cell)]) {
    let top = f32::from(row) * CELL_H;
    let cy = top + CELL_H / 2.0;
    let mut paths: Vec<Lines> = Vec::new();
    for &(col, cell) in cells {
        let Some(shape) = drawn(cell.contents()) else {
            continue;
        };
        let l = look(cell);
        let left = f32::from(col) * CELL_W;
        let cx = left + CELL_W / 2.0;
        match shape {
            Shape::Arms(to_left, to_right, up, down) => {
                let i = match paths.iter().position(|(k, _, _)| *k == l) {
                    Some(i) => i,
                    None => {
                        paths.push((l, Vec::new(), Vec::new()));
                        paths.len() - 1
                    }
                };
                let (_, across, along) = &mut paths[i];
                if to_left || to_right {
                    let from = if to_left { left } else { cx };
                    let to = if to_right { left + CELL_W } else { cx };
                    match across.last_mut() {
                        Some((_, end)) if *end == from => *end = to,
                        _ => across.push((from, to)),
                    }
                }
                if up || down {
                    let from = if up { top } else { cy };
                    let to = if down { top + CELL_H } else { cy };
                    along.push((cx, from, to));
                }
            }
            Shape::Block(eighths) => {
                let h = CELL_H * f32::from(eighths) / 8.0;
                let _ = writeln!(
                    out,
                    "<rect x=\"{left}\" y=\"{}\" width=\"{CELL_W}\" height=\"{h}\" fill=\"{}\"{}/>",
                    top + CELL_H - h,
                    l.fg,
                    if l.dim { " class=\"d\"" } else { "" }
                );
            }
        }
    }
    for (l, across, along) in paths {
        let mut d = String::new();
        for (from, to) in across {
            let _ = write!(d, "M{from} {cy}H{to}");
        }
        for (x, from, to) in along {
            let _ = write!(d, "M{x} {from}V{to}");
        }
        let _ = writeln!(
            out,
            "<path d=\"{d}\" stroke=\"{}\" stroke-width=\"{}\" fill=\"none\"{}/>",
            l.fg,
            if l.bold { 2 } else { 1 },
            if l.dim { " class=\"d\"" } else { "" }
        );
    }
}

/// The cells' characters, by runs of neighbours of one look, each run placed at its
/// first column and stretched to its cells (`textLength`), so a font a little wider or
/// narrower than the grid does not shift the columns. Spaces are left out.
fn texts(out: &mut String, row: u16, cells: &[(u16, &Cell)]) {
    let y = f32::from(row) * CELL_H + BASELINE;
    let mut runs: Vec<Run> = Vec::new();
    for &(col, cell) in cells {
        let text = cell.contents();
        if cell.is_wide_continuation() || text.trim().is_empty() || drawn(text).is_some() {
            continue;
        }
        let look = look(cell);
        let wide = cell.is_wide();
        let end = col + if wide { 2 } else { 1 };
        match runs.last_mut() {
            Some(run) if !wide && !run.wide && run.end == col && run.look == look => {
                run.end = end;
                run.text.push_str(text);
            }
            _ => runs.push(Run {
                look,
                start: col,
                end,
                wide,
                text: text.to_string(),
            }),
        }
    }
    for run in &runs {
        let x = f32::from(run.start) * CELL_W;
        let stretch = if run.wide || run.end - run.start == 1 {
            String::new()
        } else {
            format!(
                " textLength=\"{}\"",
                f32::from(run.end - run.start) * CELL_W
            )
        };
        let fill = if run.look.fg == DEFAULT_FG {
            String::new()
        } else {
            format!(" fill=\"{}\"", run.look.fg)
        };
        let class: Vec<&str> = [
            (run.look.bold, "b"),
            (run.look.italic, "i"),
            (run.look.dim, "d"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, c)| *c)
        .collect();
        let class = if class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", class.join(" "))
        };
        let _ = writeln!(
            out,
            "<text x=\"{x}\" y=\"{y}\"{stretch}{fill}{class}>{}</text>",
            escape(&run.text)
        );
    }
}
