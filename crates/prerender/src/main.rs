//! Writes the first paint (`kama_prerender`) into a built page.
//! Usage: cargo run -p kama-prerender --bin prerender -- <dist>/index.html
//! (a Trunk post_build hook, on the staged index.html; see Trunk.toml).

use std::process::ExitCode;

use kama_plan::{Plan, EMBEDDED_PLAN_JSON};
use kama_prerender as prerender;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        return ExitCode::FAILURE;
    };
    let result = Plan::from_json(EMBEDDED_PLAN_JSON)
        .map_err(|e| format!("data/plan.json: {e}"))
        .and_then(|plan| {
            let plan: &'static Plan = Box::leak(Box::new(plan));
            let page = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            // The plan offered for download is the one embedded (a city's own build).
            let plan_file = std::path::Path::new(&path).with_file_name("plan.json");
            if plan_file.exists() {
                let json = kama_plan::import::to_json(plan).map_err(|e| e.to_string())?;
                std::fs::write(&plan_file, json).map_err(|e| format!("{}: {e}", plan_file.display()))?;
            }
            let manifest = std::path::Path::new(&path).with_file_name("manifest.webmanifest");
            if let Ok(json) = std::fs::read_to_string(&manifest) {
                let named = prerender::manifest(&json, plan).map_err(|e| format!("{}: {e}", manifest.display()))?;
                std::fs::write(&manifest, named).map_err(|e| format!("{}: {e}", manifest.display()))?;
            }
            prerender::name_the_page(&page, plan)
                .and_then(|page| prerender::insert(&page, &prerender::first_paint(plan)))
                .map_err(|e| format!("{path}: {e}"))
        })
        .and_then(|page| std::fs::write(&path, page).map_err(|e| format!("{path}: {e}")));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
