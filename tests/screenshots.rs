//! The README's screenshots: the drawing of a terminal screen as SVG
//! (`examples/screenshots/svg.rs`), and each picture the README shows is there. The
//! pictures themselves come from `scripts/screenshots.sh`, which runs the release binary.

#[path = "../examples/screenshots/svg.rs"]
mod svg;

use std::num::NonZeroU16;
use std::path::Path;

/// A screen of `rows` x `cols` after the app wrote `bytes`, drawn.
fn draw(rows: u16, cols: u16, bytes: &[u8]) -> String {
    let mut p = vt100::Parser::new(
        NonZeroU16::new(rows).unwrap(),
        NonZeroU16::new(cols).unwrap(),
        0,
    );
    p.process(bytes);
    svg::render(p.screen(), "a \"test\" <screen>")
}

#[test]
fn text_keeps_its_column_colour_and_emphasis() {
    let s = draw(
        3,
        20,
        "\x1b[1;33mHi\x1b[0m \x1b[7mX\x1b[0m a<&\x1b[2;90mdim\x1b[0m\r\n😍x \x1b[3;4mit\x1b[0m"
            .as_bytes(),
    );
    // 20x3 cells of 9x18 pixels, and a margin of 14 around.
    assert!(
        s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"208\" height=\"82\""),
        "{s}"
    );
    assert!(s.ends_with("</svg>\n"));
    assert!(
        s.contains("aria-label=\"a &quot;test&quot; &lt;screen&gt;\""),
        "{s}"
    );
    // Bold yellow, two cells wide, from column 0.
    assert!(
        s.contains(
            "<text x=\"0\" y=\"13.5\" textLength=\"18\" fill=\"#e5c07b\" class=\"b\">Hi</text>"
        ),
        "{s}"
    );
    // Reverse: the default colours swap, background drawn under the letter at column 3.
    assert!(
        s.contains(&format!(
            "<rect x=\"27\" y=\"0\" width=\"9\" height=\"18\" fill=\"{}\"/>",
            svg::DEFAULT_FG
        )),
        "{s}"
    );
    assert!(
        s.contains(&format!(
            "<text x=\"27\" y=\"13.5\" fill=\"{}\">X</text>",
            svg::DEFAULT_BG
        )),
        "{s}"
    );
    // Escaped, in the default colour (inherited, no fill of its own), dim.
    assert!(
        s.contains("<text x=\"45\" y=\"13.5\" textLength=\"27\">a&lt;&amp;</text>"),
        "{s}"
    );
    assert!(
        s.contains(
            "<text x=\"72\" y=\"13.5\" textLength=\"27\" fill=\"#7f8793\" class=\"d\">dim</text>"
        ),
        "{s}"
    );
    // A wide emoji stands alone and takes two cells: the next letter is at column 2.
    assert!(s.contains("<text x=\"0\" y=\"31.5\">😍</text>"), "{s}");
    assert!(s.contains("<text x=\"18\" y=\"31.5\">x</text>"), "{s}");
    // Italic, and the underline drawn as a line under both cells.
    assert!(
        s.contains("<text x=\"36\" y=\"31.5\" textLength=\"18\" class=\"i\">it</text>"),
        "{s}"
    );
    assert!(
        s.contains(&format!(
            "<rect x=\"36\" y=\"33.5\" width=\"18\" height=\"1\" fill=\"{}\"/>",
            svg::DEFAULT_FG
        )),
        "{s}"
    );
    assert_eq!(s.matches("<text").count(), s.matches("</text>").count());
}

#[test]
fn borders_and_bars_are_drawn_as_shapes_that_join() {
    // A box's top (cyan, bold) and a bar of a full and a half block in 256-colour grey.
    let s = draw(
        2,
        10,
        "\x1b[1;36m┌───┐\x1b[0m\r\n\x1b[38;5;236;48;2;1;2;3m█▄\x1b[0m".as_bytes(),
    );
    assert!(
        !s.contains('─') && !s.contains('█'),
        "no border or block as text: {s}"
    );
    // One path: the straight stretch as one segment, then the corners' arms down.
    assert!(s.contains("<path d=\"M4.5 9H40.5M4.5 9V18M40.5 9V18\" stroke=\"#56b6c2\" stroke-width=\"2\" fill=\"none\"/>"), "{s}");
    // Blocks rise from the cell's bottom, over the cells' true-colour background.
    assert!(
        s.contains("<rect x=\"0\" y=\"18\" width=\"18\" height=\"18\" fill=\"#010203\"/>"),
        "{s}"
    );
    assert!(
        s.contains("<rect x=\"0\" y=\"18\" width=\"9\" height=\"18\" fill=\"#303030\"/>"),
        "{s}"
    );
    assert!(
        s.contains("<rect x=\"9\" y=\"27\" width=\"9\" height=\"9\" fill=\"#303030\"/>"),
        "{s}"
    );
}

#[test]
fn terminal_colours_follow_xterms_table() {
    use vt100::Color;
    assert_eq!(svg::hex(Color::Default), None);
    assert_eq!(svg::hex(Color::Idx(3)).as_deref(), Some("#e5c07b"));
    assert_eq!(svg::hex(Color::Idx(16)).as_deref(), Some("#000000"));
    assert_eq!(svg::hex(Color::Idx(196)).as_deref(), Some("#ff0000"));
    assert_eq!(svg::hex(Color::Idx(110)).as_deref(), Some("#87afd7"));
    assert_eq!(svg::hex(Color::Idx(231)).as_deref(), Some("#ffffff"));
    assert_eq!(svg::hex(Color::Idx(232)).as_deref(), Some("#080808"));
    assert_eq!(svg::hex(Color::Idx(255)).as_deref(), Some("#eeeeee"));
    assert_eq!(svg::hex(Color::Rgb(18, 52, 86)).as_deref(), Some("#123456"));
}

/// The five tabs, as `examples/screenshots/main.rs` names their pictures.
const TABS: [(&str, &str); 5] = [
    ("today", "Today"),
    ("strategy", "Strategy"),
    ("calendar", "Calendar"),
    ("inbox", "Inbox"),
    ("report", "Report"),
];

#[test]
fn the_readme_shows_a_screenshot_of_each_tab_and_each_is_there() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let shown: Vec<&str> = readme
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|target| target.starts_with("assets/screenshots/"))
        .collect();
    let expected: Vec<String> = TABS
        .iter()
        .map(|(name, _)| format!("assets/screenshots/{name}.svg"))
        .collect();
    assert_eq!(shown, expected, "one picture per tab, in the tabs' order");
    for (name, label) in TABS {
        let path = root.join(format!("assets/screenshots/{name}.svg"));
        let svg = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/screenshots.sh)", path.display()));
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{name}"
        );
        assert!(svg.trim_end().ends_with("</svg>"), "{name}");
        assert!(
            svg.contains(&format!("the {label} tab on the demo data")),
            "{name}.svg is a picture of the {label} tab"
        );
        // The tab bar names every tab, as the real app draws it.
        for (_, other) in TABS {
            assert!(
                svg.contains(&format!(">{other}</text>")),
                "{name}.svg: {other}"
            );
        }
    }
}
