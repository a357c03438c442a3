//! The house's floors, read from the sources. `src/lib.rs` lists each module's floor in its
//! module map; a module may use only modules on floors below its own. Every `crate::`,
//! `super::` and `self::` path counts, in `use` lines and in function bodies alike, tests
//! included. Inside `store/`, `tui/update/` and the other folders listed in `ONE_WAY` the
//! modules must not call each other in a loop either, and the store chooses no words.

#[path = "floors/reader.rs"]
mod reader;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use reader::{ModPath, references, sources};

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
