//! No module imports one that imports it back, directly or round a cycle:
//! with a cycle, no module of it can be understood, moved or split into
//! another wasm file without the others. Modules are files; an edge is any
//! `crate::`, `super::` or `self::` path in a file's code (comments aside)
//! that names another module of the same crate.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A module path, e.g. `ui::app` (the crate root is empty).
type Module = Vec<String>;

/// Every `.rs` file under `root` (a crate's `src`) as its module path and its
/// text. `main.rs` and `bin/` are crates of their own and left out.
fn read_modules(root: &Path) -> BTreeMap<Module, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
        let mut entries: Vec<_> = fs::read_dir(dir).expect("source folder").flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if prefix.is_empty() && name == "bin" {
                    continue;
                }
                let mut inner = prefix.to_vec();
                inner.push(name);
                walk(&path, &inner, out);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                if prefix.is_empty() && stem == "main" {
                    continue;
                }
                let mut module = prefix.to_vec();
                if !matches!(stem, "mod" | "lib") {
                    module.push(stem.to_string());
                }
                out.insert(module, fs::read_to_string(&path).expect("source file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, &[], &mut out);
    out
}

/// The text without `//` comments (doc comments included) and string
/// literals, which may mention modules without importing them.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every path a file's code names from `crate`, `super` or `self`, with one
/// level of `{a, b::c}` groups expanded, as the segments after the anchor
/// resolved to a path from the crate root.
fn named_paths(module: &Module, code: &str) -> Vec<Module> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    for anchor in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(anchor) {
            let start = from + at;
            from = start + anchor.len();
            let before = start.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':') {
                continue;
            }
            // A `mod.rs` file's module is its folder, so `super` is the folder's parent.
            let mut base: Module = match anchor {
                "crate::" => Vec::new(),
                "super::" => module[..module.len().saturating_sub(1)].to_vec(),
                _ => module.clone(),
            };
            let mut rest = &code[from..];
            // Further `super::` steps.
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            let (path, group) = split_path(rest);
            let mut prefix = base;
            prefix.extend(path);
            match group {
                None => found.push(prefix),
                Some(items) => {
                    found.push(prefix.clone());
                    for item in items {
                        let mut full = prefix.clone();
                        full.extend(item);
                        found.push(full);
                    }
                }
            }
        }
    }
    found
}

/// `a::b::{c, d::e}…` as `[a, b]` and the group's items; `a::b…` as `[a, b]`.
fn split_path(rest: &str) -> (Module, Option<Vec<Module>>) {
    let mut path = Vec::new();
    let mut rest = rest;
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            let items = group[..end]
                .split(',')
                .map(|item| {
                    let item = item.split(" as ").next().unwrap_or_default();
                    item.split("::")
                        .map(str::trim)
                        .filter(|s| !s.is_empty() && *s != "self")
                        .map(String::from)
                        .collect::<Module>()
                })
                .filter(|item| !item.is_empty())
                .collect();
            return (path, Some(items));
        }
        let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if len == 0 {
            break;
        }
        path.push(rest[..len].to_string());
        rest = &rest[len..];
        match rest.strip_prefix("::") {
            Some(r) => rest = r,
            None => return (path, None),
        }
    }
    (path, None)
}

/// Edges from each module to the modules its code names (the longest known
/// module each path starts with), itself and its ancestors aside.
fn module_graph(modules: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut graph = BTreeMap::new();
    for (module, text) in modules {
        let mut to = BTreeSet::new();
        for path in named_paths(module, &code_only(text)) {
            let target = (0..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| modules.contains_key(p));
            if let Some(target) = target {
                if !module.starts_with(&target) {
                    to.insert(target);
                }
            }
        }
        graph.insert(module.clone(), to);
    }
    graph
}

/// A cycle, as the modules round it, if the graph has one.
fn find_cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        marks: &mut BTreeMap<Module, Mark>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|m| m == next).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(cycle) = visit(next, graph, marks, stack) {
                        return Some(cycle);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(cycle) = visit(node, graph, &mut marks, &mut Vec::new()) {
                return Some(cycle);
            }
        }
    }
    None
}

fn cycle_in(root: &Path) -> Option<String> {
    let modules = read_modules(root);
    let graph = module_graph(&modules);
    find_cycle(&graph).map(|cycle| cycle.iter().map(|m| m.join("::")).collect::<Vec<_>>().join(" → "))
}

fn crate_dir(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn the_app_has_no_import_cycle() {
    if let Some(cycle) = cycle_in(&crate_dir("src")) {
        panic!("src/ imports round a cycle: {cycle}");
    }
}

#[test]
fn the_core_has_no_import_cycle() {
    if let Some(cycle) = cycle_in(&crate_dir("crates/plan/src")) {
        panic!("crates/plan/src/ imports round a cycle: {cycle}");
    }
}

#[test]
fn a_cycle_is_found_and_named() {
    let dir = std::env::temp_dir().join(format!("module-graph-{}", std::process::id()));
    let ui = dir.join("ui");
    fs::create_dir_all(&ui).expect("temp folder");
    fs::write(dir.join("lib.rs"), "pub mod ui;\n").expect("write");
    fs::write(ui.join("mod.rs"), "pub mod a;\npub mod b;\npub mod c;\n").expect("write");
    // a → b by a group, b → c by a full path in code, c → a by `crate::`;
    // a comment and a string naming `super::c` from c do not count.
    fs::write(ui.join("a.rs"), "use super::{b::Thing, ready};\n").expect("write");
    fs::write(ui.join("b.rs"), "fn f() { super::c::g(); }\n// super::a\n").expect("write");
    fs::write(ui.join("c.rs"), "use crate::ui::a;\nconst S: &str = \"super::b\";\n").expect("write");
    let cycle = cycle_in(&dir);
    fs::write(ui.join("c.rs"), "// use crate::ui::a;\nconst S: &str = \"crate::ui::a\";\n").expect("write");
    let none = cycle_in(&dir);
    fs::remove_dir_all(&dir).expect("clean up");
    assert_eq!(cycle.as_deref(), Some("ui::a → ui::b → ui::c → ui::a"));
    assert_eq!(none, None);
}

/// The core's layers: the domain never imports how it is presented
/// (`present`: interface strings, chart options), so it can be read, tested
/// and reused without them. Its tests may word what they check.
#[test]
fn the_domain_does_not_import_its_presentation() {
    let modules = read_modules(&crate_dir("crates/plan/src"));
    let present = vec!["present".to_string()];
    let is_test = |m: &Module| m.last().is_some_and(|n| n.ends_with("tests") || n.starts_with("test_"));
    let wrong: Vec<String> = module_graph(&modules)
        .into_iter()
        .filter(|(from, _)| !from.starts_with(&present) && !is_test(from))
        .flat_map(|(from, to)| {
            to.into_iter()
                .filter(|t| t.starts_with(&present))
                .map(move |t| format!("{} → {}", from.join("::"), t.join("::")))
        })
        .collect();
    assert!(wrong.is_empty(), "domain modules import the presentation: {}", wrong.join(", "));
}
