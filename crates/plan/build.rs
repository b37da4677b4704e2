//! Writes the plan the app embeds: `data/plan.json` (or the file named by
//! `KAMA_PLAN_JSON`, for a city's own build) without the whitespace between
//! its tokens. The repository keeps the indented file for people and diffs;
//! every visitor downloads the embedded one.

use std::path::PathBuf;

fn main() {
    if let Err(message) = write_embedded_plan() {
        // A city's plan file that cannot be read stops the build, saying why.
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn write_embedded_plan() -> Result<(), String> {
    println!("cargo:rerun-if-env-changed=KAMA_PLAN_JSON");
    let source = match std::env::var_os("KAMA_PLAN_JSON") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from("../../data/plan.json"),
    };
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    // Its id apart, so that code which only compares ids need not parse the plan.
    let plan: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", source.display()))?;
    let id = plan["plan"]["id"].as_str().ok_or_else(|| format!("{}: no plan.id", source.display()))?;
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo did not set OUT_DIR")?);
    let write = |name: &str, content: &str| {
        let out = out_dir.join(name);
        std::fs::write(&out, content).map_err(|e| format!("{}: {e}", out.display()))
    };
    write("plan.min.json", &compact(&text))?;
    write("plan.id", id)
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
