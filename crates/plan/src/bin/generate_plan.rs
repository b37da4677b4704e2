//! Writes a large generated plan for the benchmark.
//! Usage: cargo run -p kama-plan --bin generate-plan -- <count> <output.json>

use std::process::ExitCode;

use kama_plan::{generate, import, Plan, PLAN_JSON};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(out)) = (args.first().and_then(|c| c.parse().ok()), args.get(1)) else {
        eprintln!("usage: generate-plan <count> <output.json>");
        return ExitCode::FAILURE;
    };
    let result = Plan::from_json(PLAN_JSON)
        .map_err(|e| e.to_string())
        .and_then(|real| {
            generate::multiply(&real, count).ok_or(format!("at most {} initiatives", generate::MAX_INITIATIVES))
        })
        .and_then(|plan| import::to_json(&plan).map_err(|e| e.to_string()))
        .and_then(|json| std::fs::write(out, json).map_err(|e| format!("{out}: {e}")));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate-plan: {e}");
            ExitCode::FAILURE
        }
    }
}
