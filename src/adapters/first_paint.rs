//! The prerendered first paint (`crates/prerender`, written into index.html
//! at build time) and its hand-over to the app.

use kama_plan::InitiativeId;
use leptos::prelude::*;

/// The element the app removes before it mounts.
pub const ROOT_ID: &str = "prerendered";

/// Removes the first paint, if the page has one, and says which initiative's
/// row had the keyboard focus in it (so the app can focus its own).
pub fn take() -> Option<InitiativeId> {
    let document = document();
    let first_paint = document.get_element_by_id(ROOT_ID)?;
    let focused = document
        .active_element()
        .filter(|e| first_paint.contains(Some(e)))
        .and_then(|e| e.closest("[data-initiative-id]").ok().flatten())
        .and_then(|row| row.get_attribute("data-initiative-id"))
        .and_then(|id| id.parse().ok());
    first_paint.remove();
    focused
}
