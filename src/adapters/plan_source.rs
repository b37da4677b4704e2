//! Where the plan comes from: embedded in the wasm, or — for benchmarks of
//! large generated plans — a JSON file beside `index.html` named by
//! `?plan=<file>.json`, parsed by the same code as the embedded plan.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{describe, history};

/// A bare file name (`plan-10000.json`): nothing from another origin or folder.
pub fn requested_file() -> Option<String> {
    let query = history::query();
    let file = query.split('&').find_map(|p| p.strip_prefix("plan="))?;
    let safe = file.ends_with(".json")
        && file.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !file.starts_with('.');
    safe.then(|| file.to_string())
}

pub async fn fetch_text(file: &str) -> Result<String, String> {
    let response = JsFuture::from(window().fetch_with_str(file)).await.map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("{file}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| format!("{file}: not text"))
}
