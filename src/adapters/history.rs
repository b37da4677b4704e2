//! The URL's query string is the explore view's state (see
//! `kama_plan::view_state`). Query-only URLs work on static hosting, in a
//! sub-directory, with no server fallback.

use leptos::prelude::*;

/// The current query string without its `?`.
pub fn query() -> String {
    let search = window().location().search().unwrap_or_default();
    search.trim_start_matches('?').to_string()
}

/// An `href` for a query: `?a=b`, or the bare path for the default state.
pub fn href(query: &str) -> String {
    if query.is_empty() {
        window().location().pathname().unwrap_or_else(|_| "./".into())
    } else {
        format!("?{query}")
    }
}

/// A new history entry (opening an initiative, switching views), marked as
/// the app's own so that closing can go back to it instead of adding another.
pub fn push(query: &str) {
    if let Ok(history) = window().history() {
        // A refused pushState (sandboxed frames) only costs the back button.
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::TRUE, "", Some(&href(query)));
    }
}

/// Whether the current entry was pushed by the app (not a loaded link).
pub fn is_app_entry() -> bool {
    window().history().and_then(|h| h.state()).is_ok_and(|s| s.as_bool() == Some(true))
}

pub fn back() {
    if let Ok(history) = window().history() {
        let _ = history.back();
    }
}

/// Updates the current entry (filters, search): no back-button spam, no scroll.
pub fn replace(query: &str) {
    if let Ok(history) = window().history() {
        // Keep the entry's marker (see `push`).
        let marker = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&marker, "", Some(&href(query)));
    }
}

/// Calls `f` with the new query whenever the user moves through history.
pub fn on_navigate(f: impl Fn(String) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| f(query()));
    on_cleanup(move || handle.remove());
}
