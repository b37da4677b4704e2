//! Regenerates `data/plan.json` from the source table and the corrections file.
//!
//! Usage (from the repository root):
//!   cargo run -p kama-plan --bin import-plan            # write data/plan.json
//!   cargo run -p kama-plan --bin import-plan -- --check # fail if it differs

use std::path::Path;
use std::process::ExitCode;

use kama_plan::import::{self, Corrections, CORRECTIONS_PATH, SOURCE_PATH};

const OUTPUT_PATH: &str = "data/plan.json";

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    match run(check) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("import-plan: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(check: bool) -> Result<(), String> {
    // Paths are relative to the workspace root, wherever cargo was started.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    let corrections = Corrections::parse(&read(CORRECTIONS_PATH)?).map_err(|e| e.to_string())?;
    let (plan, report) = import::import(&read(SOURCE_PATH)?, &corrections).map_err(|e| e.to_string())?;
    let json = import::to_json(&plan).map_err(|e| e.to_string())?;

    println!(
        "{} initiatives, {} policies, {} sub-policies, {} KPIs",
        plan.initiatives.len(),
        plan.policies.len(),
        plan.policies.iter().map(|p| p.sub_policies.len()).sum::<usize>(),
        plan.kpis.len()
    );
    println!("rows whose 取組 cell repeats the sub-policy name: {:?}", report.rows_with_repeated_sub_policy_name);
    println!("pages whose schedule spans are inferred: {:?}", report.pages_with_inferred_schedule);
    for c in &report.corrections_applied {
        println!("correction: {c}");
    }

    if check {
        let current = read(OUTPUT_PATH)?;
        if current != json {
            return Err(format!("{OUTPUT_PATH} is out of date; run `cargo run -p kama-plan --bin import-plan`"));
        }
        println!("{OUTPUT_PATH} is up to date");
    } else {
        std::fs::write(root.join(OUTPUT_PATH), json).map_err(|e| format!("{OUTPUT_PATH}: {e}"))?;
        println!("wrote {OUTPUT_PATH}");
    }
    Ok(())
}
