//! Writes the plan the app embeds, from `data/plan.json` (or the file named
//! by `KAMA_PLAN_JSON`, for a city's own build): packed (`plan_pack`), which
//! the app reads at start-up, and as JSON without the whitespace between its
//! tokens, which the prerender writes beside the page. The repository keeps
//! the indented file for people and diffs.
//!
//! The model and its packing are the crate's own files, compiled into this
//! script too: a build script cannot depend on its own crate.

use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/plan.rs"]
mod plan;
#[allow(dead_code)]
#[path = "src/plan_pack.rs"]
mod plan_pack;
#[allow(dead_code)]
#[path = "src/scales.rs"]
mod scales;
#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

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
    // The model's own files, when they change, change what is packed.
    for file in ["plan.rs", "plan_pack.rs", "scales.rs", "text.rs"] {
        println!("cargo:rerun-if-changed=src/{file}");
    }
    let text = std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let plan: plan::Plan = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", source.display()))?;
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo did not set OUT_DIR")?);
    let write = |name: &str, content: &[u8]| {
        let out = out_dir.join(name);
        std::fs::write(&out, content).map_err(|e| format!("{}: {e}", out.display()))
    };
    write("plan.pack", &plan_pack::pack(&plan))?;
    write("plan.min.json", compact(&text).as_bytes())?;
    // Its id apart, so that code which only compares ids need not read the plan.
    write("plan.id", plan.plan.id.as_bytes())
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
