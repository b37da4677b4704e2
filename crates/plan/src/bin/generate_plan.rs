//! Writes benchmark inputs: a large generated plan, or a full progress
//! record of the real plan (every cell, with 200-character notes).
//! Usage: cargo run -p kama-plan --bin generate-plan -- <count> <output.json>
//!        cargo run -p kama-plan --bin generate-plan -- record <output.json>

use std::process::ExitCode;

use kama_plan::progress::document;
use kama_plan::{generate, import, Plan, PLAN_JSON};

const USAGE: &str = "usage: generate-plan (<count> | record) <output.json>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(what), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let real = Plan::from_json(PLAN_JSON).map_err(|e| e.to_string());
    let json = match (what.as_str(), what.parse::<usize>()) {
        ("record", _) => real.and_then(|plan| {
            let record = generate::full_record(&plan, 200);
            document::to_json(&record, &plan.plan.id, None).map_err(|e| e.to_string())
        }),
        (_, Ok(count)) => real
            .and_then(|real| {
                generate::multiply(&real, count).ok_or(format!("at most {} initiatives", generate::MAX_INITIATIVES))
            })
            .and_then(|plan| import::to_json(&plan).map_err(|e| e.to_string())),
        _ => Err(USAGE.to_string()),
    };
    let result = json.and_then(|json| std::fs::write(out, json).map_err(|e| format!("{out}: {e}")));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate-plan: {e}");
            ExitCode::FAILURE
        }
    }
}
