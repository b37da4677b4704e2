//! The URL's query string is the explore view's state (see
//! `kama_plan::view_state`). Query-only URLs work on static hosting, in a
//! sub-directory, with no server fallback.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;

use super::pending::{self, Work};

/// Filter changes come in bursts (typing, clicking through facets), and the
/// address follows once a burst pauses this long. Writing it on every
/// keystroke was a third of a keystroke's time in Chromium, and Safari
/// refuses more than 100 history writes in 10 seconds.
const REPLACE_PAUSE: Duration = Duration::from_millis(250);

thread_local! {
    /// The query waiting to replace the current entry's, and its timer.
    static PENDING: RefCell<Option<(String, TimeoutHandle)>> = const { RefCell::new(None) };
}

/// The current query string without its `?`.
pub fn query() -> String {
    let search = window().location().search().unwrap_or_default();
    search.trim_start_matches('?').to_string()
}

/// An `href` for a query: `?a=b`, or the bare path for the default state.
pub fn href(query: &str) -> String {
    if !query.is_empty() {
        return format!("?{query}");
    }
    // Rendered natively (the first paint, at build time) there is no
    // location: the page itself.
    if cfg!(not(target_arch = "wasm32")) {
        return "./".into();
    }
    window().location().pathname().unwrap_or_else(|_| "./".into())
}

/// Loads the page again at a query: for a change of plan, which the app
/// chooses once, at start-up.
pub fn go_to(query: &str) {
    let _ = window().location().assign(&href(query));
}

/// The full address of a query, as the address bar shows it.
pub fn absolute(query: &str) -> String {
    let here = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(&href(query), &here).map(|u| u.href()).unwrap_or(here)
}

/// A new history entry (opening an initiative, switching views), marked as
/// the app's own so that closing can go back to it instead of adding another.
pub fn push(query: &str) {
    // The entry being left keeps its last filters, so Back returns to them.
    flush();
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
    flush();
    if let Ok(history) = window().history() {
        let _ = history.back();
    }
}

/// Updates the current entry now: no back-button spam, no scroll.
pub fn replace(query: &str) {
    drop_pending();
    write_replace(query);
}

/// Updates the current entry once changes pause (see [`REPLACE_PAUSE`]);
/// the latest query wins.
pub fn replace_soon(query: String) {
    let waiting = PENDING.with(|p| p.borrow_mut().take()).map(|(_, timer)| timer.clear()).is_some();
    match set_timeout_with_handle(flush, REPLACE_PAUSE) {
        Ok(timer) => {
            PENDING.with(|p| *p.borrow_mut() = Some((query, timer)));
            // Marked once a burst, not once a keystroke.
            if !waiting {
                pending::begin(Work::Address);
            }
        }
        // No timer: the address must still follow.
        Err(_) => {
            if waiting {
                pending::end(Work::Address);
            }
            write_replace(&query);
        }
    }
}

/// Writes a waiting query now (before leaving the entry or the page).
pub fn flush() {
    if let Some(query) = drop_pending() {
        write_replace(&query);
    }
}

/// Forgets a waiting query, returning it.
fn drop_pending() -> Option<String> {
    let (query, timer) = PENDING.with(|p| p.borrow_mut().take())?;
    timer.clear();
    pending::end(Work::Address);
    Some(query)
}

fn write_replace(query: &str) {
    if let Ok(history) = window().history() {
        // Keep the entry's marker (see `push`).
        let marker = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&marker, "", Some(&href(query)));
    }
}

/// Calls `f` with the new query whenever the user moves through history.
pub fn on_navigate(f: impl Fn(String) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        // Written now, it would land on the entry just arrived at.
        drop_pending();
        f(query())
    });
    on_cleanup(move || handle.remove());
}
