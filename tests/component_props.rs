//! Every prop of every component in `src/ui` says what it is for: a
//! component's parameters are its whole interface, and the reader of a view
//! should not have to read its body to know what to pass.

use std::fs;
use std::path::Path;

/// `(component, prop)` for each prop of a `#[component]` in `source` that has
/// no `///` comment right above it (attributes such as `#[prop(optional)]`
/// may stand between).
fn undocumented(source: &str) -> Vec<(String, String)> {
    let mut missing = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("#[component]") {
        rest = &rest[at + "#[component]".len()..];
        let Some(name_at) = rest.find("fn ") else { break };
        let after_fn = &rest[name_at + 3..];
        let name: String = after_fn.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let Some(open) = after_fn.find('(') else { break };
        let params = parameters(&after_fn[open + 1..]);
        let mut documented = false;
        for line in params.lines().map(str::trim) {
            if line.starts_with("///") {
                documented = true;
                continue;
            }
            // An attribute on a line of its own keeps the comment above it.
            if line.starts_with("#[") && line.ends_with(']') {
                continue;
            }
            let declared = strip_attribute(line).unwrap_or(line);
            if let Some((prop, _)) = declared.split_once(':') {
                let prop = prop.trim();
                if !prop.is_empty() && prop.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    if !documented {
                        missing.push((name.clone(), prop.to_string()));
                    }
                    documented = false;
                }
            }
        }
    }
    missing
}

/// What follows an attribute at the start of `line` (`#[prop(into)] x: T`).
fn strip_attribute(line: &str) -> Option<&str> {
    let body = line.strip_prefix("#[")?;
    let mut depth = 1;
    for (i, c) in body.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(body[i + 1..].trim_start());
                }
            }
            _ => {}
        }
    }
    None
}

/// The text of a parameter list up to its closing parenthesis, each
/// parameter on its own line; parentheses inside comments do not count.
fn parameters(after_open: &str) -> String {
    let mut depth = 1;
    let mut out = String::new();
    for line in after_open.lines() {
        let code = if line.trim_start().starts_with("//") { "" } else { line };
        let mut end = None;
        for (i, c) in code.char_indices() {
            match c {
                '(' | '<' | '[' => depth += 1,
                ')' | '>' | ']' if !code[..i].ends_with('-') => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        match end {
            Some(i) => {
                // A one-line list: one parameter a line, so none hides another.
                out.extend(line[..i].split(',').map(|p| format!("{p}\n")));
                return out;
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), fs::read_to_string(&path).expect("source file")));
        }
    }
}

#[test]
fn every_component_prop_says_what_it_is_for() {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"), &mut files);
    assert!(files.len() > 10, "the ui sources were found");
    let missing: Vec<String> = files
        .iter()
        .flat_map(|(file, text)| undocumented(text).into_iter().map(move |(c, p)| format!("{file}: {c}({p})")))
        .collect();
    assert!(missing.is_empty(), "props without a /// comment:\n{}", missing.join("\n"));
}

#[test]
fn a_prop_without_a_comment_is_found_whatever_the_layout() {
    let source = r#"
#[component]
pub fn Documented(
    /// What it is for (in brackets).
    a: Signal<bool>,
    /// Optional.
    #[prop(optional)]
    b: bool,
    /// Inline attribute.
    #[prop(into)] c: Callback<()>,
) -> impl IntoView {}

#[component]
fn OneLine(explore: Explore, id: InitiativeId) -> impl IntoView {}

#[component]
fn Mixed(
    /// Said.
    said: u8,
    unsaid: Vec<(u8, u8)>,
    #[prop(optional)] hidden: bool,
) -> impl IntoView {}

#[component]
fn Empty() -> impl IntoView {}
"#;
    assert_eq!(
        undocumented(source),
        [("OneLine", "explore"), ("OneLine", "id"), ("Mixed", "unsaid"), ("Mixed", "hidden")]
            .map(|(c, p)| (c.to_string(), p.to_string()))
    );
}
