//! Writes the plan the app embeds: `data/plan.json` (or the file named by
//! `KAMA_PLAN_JSON`, for a city's own build) without the whitespace between
//! its tokens. The repository keeps the indented file for people and diffs;
//! every visitor downloads the embedded one.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=KAMA_PLAN_JSON");
    let source = match std::env::var_os("KAMA_PLAN_JSON") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from("../../data/plan.json"),
    };
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source)
        .unwrap_or_else(|e| panic!("cannot read the plan file {}: {e}", source.display()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("plan.min.json");
    std::fs::write(&out, compact(&text)).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    // Its id apart, so that code which only compares ids need not parse the plan.
    let plan: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let id = plan["plan"]["id"].as_str().unwrap_or_else(|| panic!("{}: no plan.id", source.display()));
    let out = out.with_file_name("plan.id");
    std::fs::write(&out, id).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// JSON without insignificant whitespace; strings, escapes included, untouched.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}
