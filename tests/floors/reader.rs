//! Reading the sources: every module file under `src/`, and the crate paths each one uses,
//! resolved from the crate root. A small lexer skips comments, strings, characters and
//! lifetimes, so only code counts.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A module path inside the crate: `["tui", "update", "forms"]`.
pub type ModPath = Vec<String>;

/// One source file and the module it holds.
pub struct Source {
    pub shown: String,
    pub module: ModPath,
    text: String,
}

/// Every module file under `src/`, but the crate root and the binary.
pub fn sources(src: &Path) -> Vec<Source> {
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
pub struct Reference {
    pub target: ModPath,
    pub module: ModPath,
    pub line: usize,
}

/// Every crate path each file uses.
pub fn references(files: &[Source]) -> Vec<(&Source, Vec<Reference>)> {
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
