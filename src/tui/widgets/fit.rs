//! Fitting a line of text to the columns there are: whatever is cut ends with "…", and
//! a line of hints gives way by whole items, never in the middle of a word.

use ratatui::text::{Line, Span};

use crate::domain::text::{truncate, width};

/// The items, joined by `sep`, as many as fit in `cols` columns from the first; when some
/// are left out, "…" says so. A first item too wide alone is cut (with "…").
pub fn fit_items(items: Vec<Vec<Span<'static>>>, sep: &str, cols: usize) -> Line<'static> {
    let w_of = |g: &[Span<'static>]| g.iter().map(Span::width).sum::<usize>();
    let sep_w = width(sep);
    let total: usize =
        items.iter().map(|g| w_of(g)).sum::<usize>() + sep_w * items.len().saturating_sub(1);
    let n = items.len();
    let mut spans: Vec<Span<'static>> = Vec::new();
    if total <= cols {
        for (i, g) in items.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(sep.to_string()));
            }
            spans.extend(g);
        }
        return Line::from(spans);
    }
    // Room for the items kept, then a space and "…".
    let mut used = 0;
    for (i, g) in items.into_iter().enumerate() {
        let add = w_of(&g) + if i > 0 { sep_w } else { 0 };
        if used + add + 2 > cols {
            if i == 0 {
                let text: String = g.iter().map(|s| s.content.as_ref()).collect();
                let style = g.first().map(|s| s.style).unwrap_or_default();
                spans.push(Span::styled(truncate(&text, cols), style));
            } else if i < n {
                spans.push(Span::raw(" …"));
            }
            break;
        }
        if i > 0 {
            spans.push(Span::raw(sep.to_string()));
        }
        spans.extend(g);
        used += add;
    }
    Line::from(spans)
}

/// A hint written as items separated by " · ", fitted to `cols` columns by whole items.
pub fn fit_hint(text: &str, cols: usize) -> String {
    let items = text
        .split(" · ")
        .map(|s| vec![Span::raw(s.to_string())])
        .collect();
    line_text(&fit_items(items, " · ", cols))
}

/// A line cut to `cols` columns, each span keeping its style; "…" ends it when cut.
pub fn fit_line(line: Line<'static>, cols: usize) -> Line<'static> {
    if line.width() <= cols {
        return line;
    }
    use unicode_segmentation::UnicodeSegmentation;
    // Everything up to one column before the edge, then "…".
    let room = cols.saturating_sub(1);
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    'spans: for sp in line.spans {
        let mut kept = String::new();
        for g in sp.content.graphemes(true) {
            let w = width(g);
            if used + w > room {
                out.push(Span::styled(kept, sp.style));
                break 'spans;
            }
            kept.push_str(g);
            used += w;
        }
        out.push(Span::styled(kept, sp.style));
    }
    if cols > 0 {
        let style = out.last().map(|s| s.style).unwrap_or_default();
        out.push(Span::styled("…", style));
    }
    Line::from(out).style(line.style)
}

fn line_text(l: &Line<'_>) -> String {
    l.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(l: &Line<'_>) -> String {
        line_text(l)
    }

    #[test]
    fn hints_give_way_by_whole_items_and_say_so() {
        let h = "Arrows move between panels · Enter opens one · n adds to it · v edits the tone of voice";
        assert_eq!(fit_hint(h, 200), h);
        let cut = fit_hint(h, 78);
        assert_eq!(
            cut,
            "Arrows move between panels · Enter opens one · n adds to it …"
        );
        assert!(width(&cut) <= 78);
        // Not even the first item: it is cut, with "…".
        assert_eq!(fit_hint(h, 10), "Arrows mo…");
    }

    #[test]
    fn a_cut_line_ends_with_an_ellipsis_and_keeps_its_styles() {
        let dim = ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM);
        let l = Line::from(vec![
            Span::raw("● Hotel Alpenrose"),
            Span::styled(" (démo)", dim),
            Span::styled(" (archivé)", dim),
        ]);
        let cut = fit_line(l.clone(), 28);
        assert_eq!(text(&cut), "● Hotel Alpenrose (démo) (a…");
        assert_eq!(cut.width(), 28);
        assert_eq!(cut.spans[1].style, dim);
        assert_eq!(text(&fit_line(l.clone(), 17)), "● Hotel Alpenros…");
        assert_eq!(text(&fit_line(l.clone(), 18)), "● Hotel Alpenrose…");
        assert_eq!(fit_line(l.clone(), 40), l);
    }
}
