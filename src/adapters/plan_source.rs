//! Where the plan comes from: embedded in the wasm, or — for benchmarks of
//! large generated plans — a JSON file beside `index.html` named by
//! `?plan=<file>.json`, parsed by the same code as the embedded plan.

use super::history;

/// A bare file name (`plan-10000.json`): nothing from another origin or folder.
pub fn requested_file() -> Option<String> {
    let query = history::query();
    let file = query.split('&').find_map(|p| p.strip_prefix("plan="))?;
    let safe = file.ends_with(".json")
        && file.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !file.starts_with('.');
    safe.then(|| file.to_string())
}
