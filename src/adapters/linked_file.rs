//! A file beside `index.html` named by the address: `?plan=<file>.json` (a
//! plan, for benchmarks of large generated plans) or `?open=<file>.json` (a
//! request or answer file the 事務局 put on the server). Only a bare name:
//! nothing from another origin or folder.

use super::history;

/// The file named by `param` (`plan`, `open`) in the current address.
pub fn named(param: &str) -> Option<String> {
    kama_plan::view_state::linked_file(&history::query(), param).map(|f| f.as_str().to_string())
}

/// Where the address says the plan comes from (`plan=`).
pub fn plan_source() -> Option<kama_plan::view_state::PlanSource> {
    kama_plan::view_state::plan_source(&history::query())
}

thread_local!(static OPENED: Option<String> = named("open"));

/// `?open=` as the page was opened: read at the first call, since the
/// address drops the parameter at its first change.
pub fn opened() -> Option<String> {
    OPENED.with(Clone::clone)
}
