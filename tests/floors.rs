//! The house's floors, read from the sources. `src/lib.rs` lists each module's floor in its
//! module map; a module may use only modules on floors below its own. Every `crate::`,
//! `super::` and `self::` path counts, in `use` lines and in function bodies alike, tests
//! included. Inside `store/`, `tui/update/` and the other folders listed in `ONE_WAY` the
//! modules must not call each other in a loop either, and the store chooses no words.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path inside the crate: `["tui", "update", "forms"]`.
type ModPath = Vec<String>;

/// Folders whose modules must use each other in one direction only, and what their
/// `mod.rs` is: the base the others build on (it declares them and they all use its
/// types), or the dispatcher on top of them (none of them may call it). `tui/` itself is
/// not listed: its model and the tabs' states know each other.
const ONE_WAY: [(&str, Parent); 8] = [
    ("store", Parent::Base),
    ("tui/update", Parent::Top),
    ("domain", Parent::Base),
    ("i18n", Parent::Base),
    ("io", Parent::Base),
    ("cli", Parent::Base),
    ("tui/views", Parent::Base),
    ("tui/widgets", Parent::Base),
];

/// Modules that never use the catalogue, though it is on a floor below: their errors are
/// values, and the edges put them into words (`domain`, below `i18n`, cannot reach it).
const NO_WORDS: [&str; 1] = ["store"];

#[derive(Clone, Copy, PartialEq)]
enum Parent {
    /// Left out of the loop check: its children use its types by design.
    Base,
    /// Part of the loop check: it calls every child, so a child calling it is a loop.
    Top,
}

#[test]
fn imports_go_down_the_floors() {
    let src = src_dir();
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let floors = floors(&lib);
    assert!(
        floors.len() >= 10,
        "the module map of src/lib.rs lists the floors: {floors:?}"
    );
    let declared = declared_modules(&lib);
    let unplaced: Vec<&String> = declared
        .iter()
        .filter(|m| !floors.contains_key(*m))
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules declared in src/lib.rs without a floor in its module map: {unplaced:?}"
    );

    let files = sources(&src);
    let mut problems = Vec::new();
    for (file, refs) in references(&files) {
        let own = &file.module[0];
        let Some(&own_floor) = floors.get(own) else {
            continue;
        };
        for r in refs {
            let target = &r.target[0];
            if target == own {
                continue;
            }
            if let Some(&floor) = floors.get(target)
                && floor >= own_floor
            {
                problems.push(format!(
                    "{}:{}: `{own}` (floor {own_floor}) uses `{}` (floor {floor})",
                    file.shown,
                    r.line,
                    r.target.join("::"),
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "imports must go down the floors of src/lib.rs's module map:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_store_chooses_no_words() {
    let files = sources(&src_dir());
    let problems: Vec<String> = references(&files)
        .into_iter()
        .filter(|(f, _)| NO_WORDS.contains(&f.module[0].as_str()))
        .flat_map(|(f, rs)| {
            rs.into_iter()
                .filter(|r| r.target[0] == "i18n")
                .map(move |r| format!("{}:{}: uses `{}`", f.shown, r.line, r.target.join("::")))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "errors are values below the edges, which put them into words:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_loops_inside_store_and_update() {
    let files = sources(&src_dir());
    let refs = references(&files);
    let mut problems = Vec::new();
    for (dir, parent) in ONE_WAY {
        let base: ModPath = dir.split('/').map(str::to_string).collect();
        // Edges between the folder's modules, each with where it was seen.
        let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (file, rs) in &refs {
            let Some(from) = node(&base, &file.module, parent) else {
                continue;
            };
            for r in rs {
                let Some(to) = node(&base, &r.module, parent) else {
                    continue;
                };
                if to != from {
                    edges
                        .entry(from.clone())
                        .or_default()
                        .entry(to)
                        .or_insert_with(|| format!("{}:{}", file.shown, r.line));
                }
            }
        }
        for cycle in cycles(&edges) {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|w| format!("{} -> {} ({})", w[0], w[1], edges[&w[0]][&w[1]]))
                .collect();
            problems.push(format!("src/{dir}: {}", steps.join(", ")));
        }
    }
    assert!(
        problems.is_empty(),
        "modules that use each other in a loop:\n{}",
        problems.join("\n")
    );
}

/// The lexer and the resolver on a sample: paths in `use` trees and bodies count; comments,
/// strings and other crates do not.
#[test]
fn the_reader_sees_paths_not_words() {
    let text = r##"
        //! [`crate::tui`] in a comment
        use super::{shared::say, undo};
        use crate::{i18n::{self, t}, store::Store};
        fn f<'a>(x: &'a str) -> char {
            let _ = "crate::cli in a string";
            let _ = r#"crate::cli "raw""#;
            /* crate::cli /* nested */ */
            crate::report::build(); chrono::Utc::now();
            forms::save(); 'x'
        }
        mod tests { use super::*; }
    "##;
    let module: ModPath = ["tui", "update", "calendar"].map(String::from).to_vec();
    let children = BTreeSet::from(["forms".to_string()]);
    let found: Vec<String> = paths_in(text, &module, &children)
        .into_iter()
        .map(|(p, _)| p.join("::"))
        .collect();
    assert_eq!(
        found,
        [
            "tui::update::shared::say",
            "tui::update::undo",
            "i18n",
            "i18n::t",
            "store::Store",
            "report::build",
            "tui::update::calendar::forms::save",
            "tui::update::calendar",
        ]
    );
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Each module's floor, from the rows of the module map: `| 3 | [`report`] | … |`.
fn floors(lib: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for line in lib.lines() {
        let Some(row) = line.strip_prefix("//! |") else {
            continue;
        };
        let cells: Vec<&str> = row.split('|').collect();
        let (Some(floor), Some(names)) = (cells.first(), cells.get(1)) else {
            continue;
        };
        let Ok(floor) = floor.trim().parse::<usize>() else {
            continue;
        };
        for name in names.split('`').skip(1).step_by(2) {
            out.insert(name.to_string(), floor);
        }
    }
    out
}

/// The modules `lib.rs` declares: `pub mod cli;`, `mod proptests;`.
fn declared_modules(lib: &str) -> Vec<String> {
    lib.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))?;
            Some(rest.strip_suffix(';')?.trim().to_string())
        })
        .collect()
}

/// One source file and the module it holds.
struct Source {
    shown: String,
    module: ModPath,
    text: String,
}

/// Every module file under `src/`, but the crate root and the binary.
fn sources(src: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    walk(src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(src).ok()?.to_str()?.to_string();
            if rel == "lib.rs" || rel == "main.rs" {
                return None;
            }
            let stem = rel.strip_suffix(".rs")?;
            let stem = stem.strip_suffix("/mod").unwrap_or(stem);
            Some(Source {
                shown: format!("src/{rel}"),
                module: stem.split('/').map(str::to_string).collect(),
                text: std::fs::read_to_string(&path).ok()?,
            })
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A path of the crate used somewhere: where it leads, the module file that holds what it
/// names, and its line.
struct Reference {
    target: ModPath,
    module: ModPath,
    line: usize,
}

/// Every crate path each file uses.
fn references(files: &[Source]) -> Vec<(&Source, Vec<Reference>)> {
    let modules: BTreeSet<ModPath> = files.iter().map(|f| f.module.clone()).collect();
    files
        .iter()
        .map(|f| {
            let children: BTreeSet<String> = modules
                .iter()
                .filter(|m| m.len() == f.module.len() + 1 && m.starts_with(&f.module))
                .map(|m| m[m.len() - 1].clone())
                .collect();
            let refs = paths_in(&f.text, &f.module, &children)
                .into_iter()
                .filter(|(target, _)| !target.is_empty())
                .map(|(target, line)| {
                    // The module file holding the item: the longest prefix that is one.
                    let module = (1..=target.len())
                        .rev()
                        .map(|n| target[..n].to_vec())
                        .find(|p| modules.contains(p))
                        .unwrap_or_else(|| target[..1].to_vec());
                    Reference {
                        target,
                        module,
                        line,
                    }
                })
                .collect();
            (f, refs)
        })
        .collect()
}

/// The node of the folder `base` a module belongs to: its child there, or the folder's
/// own `mod.rs` ("mod"), which counts only when it is on top.
fn node(base: &ModPath, module: &ModPath, parent: Parent) -> Option<String> {
    if !module.starts_with(base) {
        return None;
    }
    match module.get(base.len()) {
        Some(child) => Some(child.clone()),
        None if parent == Parent::Top => Some("mod".to_string()),
        None => None,
    }
}

/// One loop through each strongly connected group of nodes, as `a -> b -> a`.
fn cycles(edges: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut reported: BTreeSet<String> = BTreeSet::new();
    for start in edges.keys() {
        if reported.contains(start) {
            continue;
        }
        // The shortest way back to `start`, breadth first.
        let mut back: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.clone()]);
        let mut found = None;
        while let Some(at) = queue.pop_front() {
            for next in edges.get(&at).into_iter().flat_map(|e| e.keys()) {
                if next == start {
                    found = Some(at.clone());
                    break;
                }
                if !back.contains_key(next) {
                    back.insert(next.clone(), at.clone());
                    queue.push_back(next.clone());
                }
            }
            if found.is_some() {
                break;
            }
        }
        if let Some(last) = found {
            let mut cycle = vec![start.clone()];
            let mut at = last;
            let mut rev = vec![at.clone()];
            while at != *start {
                at = back[&at].clone();
                rev.push(at.clone());
            }
            rev.pop();
            rev.reverse();
            cycle.extend(rev);
            cycle.push(start.clone());
            reported.extend(cycle.iter().cloned());
            out.push(cycle);
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Star,
    Other,
}

/// The tokens of Rust source that matter for paths, with their lines; comments, strings,
/// characters and lifetimes are skipped.
fn lex(text: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let ident_char = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
            }
        } else if ch == '"' {
            i = skip_string(&c, i + 1, 0, &mut line);
        } else if ch == '\'' {
            if next == Some('\\') {
                // An escaped character: up to the closing quote.
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                // A lifetime or a label.
                i += 1;
                while i < c.len() && ident_char(c[i]) {
                    i += 1;
                }
            }
        } else if ident_char(ch) {
            let start = i;
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            let raw = matches!(word.as_str(), "r" | "br" | "cr");
            let hashes = c[i..].iter().take_while(|x| **x == '#').count();
            if raw && c.get(i + hashes) == Some(&'"') {
                i = skip_string(&c, i + hashes + 1, hashes, &mut line);
            } else if matches!(word.as_str(), "b" | "c") && c.get(i) == Some(&'"') {
                i = skip_string(&c, i + 1, 0, &mut line);
            } else if word == "b" && c.get(i) == Some(&'\'') {
                // A byte `b'x'`: the quote is read as a character's next.
            } else if word == "r" && hashes == 1 {
                // A raw identifier: `r#type`.
                i += 1;
            } else {
                out.push((Tok::Ident(word), line));
            }
        } else {
            let tok = match ch {
                ':' if next == Some(':') => {
                    i += 1;
                    Tok::PathSep
                }
                '{' => Tok::Open,
                '}' => Tok::Close,
                ',' => Tok::Comma,
                '*' => Tok::Star,
                _ => Tok::Other,
            };
            out.push((tok, line));
            i += 1;
        }
    }
    out
}

/// Skips a string's text from `i` (after its opening quote) to after its closing quote
/// and `hashes` `#`s (raw strings take no escapes).
fn skip_string(c: &[char], mut i: usize, hashes: usize, line: &mut usize) -> usize {
    let raw = hashes > 0 || (i >= 2 && c[i - 2] == 'r');
    while i < c.len() {
        if c[i] == '\\' && !raw {
            i += 2;
            continue;
        }
        if c[i] == '"'
            && c[i + 1..]
                .iter()
                .take(hashes)
                .filter(|x| **x == '#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        *line += usize::from(c[i] == '\n');
        i += 1;
    }
    i
}

/// The crate paths a file uses, resolved from the crate root, with their lines. `module`
/// is the file's module; `children` its submodules, which it may name bare.
fn paths_in(text: &str, module: &ModPath, children: &BTreeSet<String>) -> Vec<(ModPath, usize)> {
    let toks = lex(text);
    let mut out = Vec::new();
    // Inline modules (`mod tests { … }`) open around the code: their names and the depth
    // of braces at which each closes.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth: usize = 0;
    let mut i = 0;
    while i < toks.len() {
        match &toks[i].0 {
            Tok::Open => depth += 1,
            Tok::Close => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(w) if w == "mod" => {
                if let (Some((Tok::Ident(name), _)), Some((Tok::Open, _))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    inline.push((name.clone(), depth));
                    depth += 1;
                    i += 3;
                    continue;
                }
            }
            Tok::Ident(first) if i == 0 || toks[i - 1].0 != Tok::PathSep => {
                let bare_child = inline.is_empty() && children.contains(first);
                let ours = matches!(first.as_str(), "crate" | "super" | "self") || bare_child;
                if ours && toks.get(i + 1).is_some_and(|t| t.0 == Tok::PathSep) {
                    let here: ModPath = module
                        .iter()
                        .cloned()
                        .chain(inline.iter().map(|(n, _)| n.clone()))
                        .collect();
                    let (trees, next) = tree(&toks, i);
                    let line = toks[i].1;
                    for segs in trees {
                        if let Some(abs) = resolve(&segs, &here) {
                            out.push((abs, line));
                        }
                    }
                    i = next;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The paths of a path or `use` tree starting at token `i`, group by group, and the index
/// after it. `a::{b, c::d}` gives `a::b` and `a::c::d`; `a::{self}` gives `a`.
fn tree(toks: &[(Tok, usize)], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    loop {
        match toks.get(i).map(|t| &t.0) {
            Some(Tok::Ident(w)) => {
                prefix.push(w.clone());
                i += 1;
            }
            Some(Tok::Star) => return (vec![prefix], i + 1),
            Some(Tok::Open) => {
                let mut out = Vec::new();
                i += 1;
                loop {
                    match toks.get(i).map(|t| &t.0) {
                        Some(Tok::Close) | None => return (out, i + 1),
                        Some(Tok::Comma) => i += 1,
                        _ => {
                            let (subs, next) = tree(toks, i);
                            for s in subs {
                                let mut p = prefix.clone();
                                p.extend(s.into_iter().filter(|x| x != "self"));
                                out.push(p);
                            }
                            // A token no tree starts with: step over it.
                            i = next.max(i + 1);
                        }
                    }
                }
            }
            _ => return (vec![prefix], i),
        }
        if toks.get(i).is_some_and(|t| t.0 == Tok::PathSep) {
            i += 1;
        } else {
            return (vec![prefix], i);
        }
    }
}

/// A path as used in module `here`, from the crate root; `None` for other crates'.
fn resolve(segs: &[String], here: &ModPath) -> Option<ModPath> {
    let (first, rest) = segs.split_first()?;
    let mut base = match first.as_str() {
        "crate" => return Some(rest.to_vec()),
        "self" => here.clone(),
        "super" => {
            let mut b = here.clone();
            b.pop();
            b
        }
        // A submodule named bare.
        _ => {
            let mut b = here.clone();
            b.push(first.clone());
            b
        }
    };
    let mut rest = rest;
    while let Some(("super", more)) = rest.split_first().map(|(a, b)| (a.as_str(), b)) {
        base.pop();
        rest = more;
    }
    base.extend(rest.iter().cloned());
    Some(base)
}
