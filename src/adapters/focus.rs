//! Moving keyboard focus to elements outside the current component.

use kama_plan::InitiativeId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the list link of `id` once the list is visible again.
pub fn row_link(id: InitiativeId) {
    request_animation_frame(move || {
        let selector = format!("[data-initiative-id=\"{id}\"] a");
        let link = document().query_selector(&selector).ok().flatten();
        if let Some(link) = link.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = link.focus();
        }
    });
}
