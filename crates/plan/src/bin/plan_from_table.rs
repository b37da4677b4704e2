//! A city's plan table (.xlsx, .csv, .tsv) or plan file (.json) → the plan
//! file a build embeds (`crates/plan/build.rs`, through `KAMA_PLAN_JSON`).
//!   cargo run -p kama-plan --bin plan-from-table -- <table> <plan.json>
//! `PLAN=<table> ./scripts/serve` runs it.

use std::process::ExitCode;

use kama_plan::import::to_json;
use kama_plan::plan_table::read_plan_table;
use kama_plan::present::i18n::{plan_table_error, Lang};
use kama_plan::Plan;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: plan-from-table <plan table (.xlsx/.csv/.tsv) or plan.json> <plan.json to write>");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let plan = if input.to_ascii_lowercase().ends_with(".json") {
        String::from_utf8(bytes)
            .map_err(|e| e.to_string())
            .and_then(|text| Plan::from_json(&text).map_err(|e| e.to_string()))
    } else {
        // The plan records the file's name, not where it sat on this machine.
        let name = std::path::Path::new(input).file_name().map_or(input.as_str(), |n| n.to_str().unwrap_or(input));
        read_plan_table(name, &bytes)
            .map_err(|e| format!("{}\n{}", plan_table_error(Lang::Ja, &e), plan_table_error(Lang::En, &e)))
    };
    let written = plan
        .and_then(|plan| {
            println!(
                "{}: {} {}, {} initiatives, fiscal years {}",
                input,
                plan.plan.municipality,
                plan.plan.title,
                plan.initiatives.len(),
                plan.plan.fiscal_years.label()
            );
            to_json(&plan).map_err(|e| e.to_string())
        })
        .and_then(|json| std::fs::write(output, json).map_err(|e| format!("{output}: {e}")));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{input}:\n{e}");
            ExitCode::FAILURE
        }
    }
}
