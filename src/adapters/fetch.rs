//! Files fetched from beside `index.html` (same origin, relative URLs).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::describe;

/// The file's text; `Ok(None)` when the host says it is not there (404).
pub async fn text_if_present(file: &str) -> Result<Option<String>, String> {
    let response = JsFuture::from(window().fetch_with_str(file)).await.map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("{file}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().map(Some).ok_or_else(|| format!("{file}: not text"))
}

pub async fn text(file: &str) -> Result<String, String> {
    text_if_present(file).await?.ok_or_else(|| format!("{file}: HTTP 404"))
}
