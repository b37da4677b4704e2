//! The open initiative lives in the URL (`?id=2-①-a`), so a link to it can be
//! shared and the back button closes it. Query-only URLs work on static
//! hosting, in a sub-directory, with no server fallback.

use kama_plan::InitiativeId;
use leptos::prelude::*;
use web_sys::UrlSearchParams;

const ID_PARAM: &str = "id";

fn params() -> Option<UrlSearchParams> {
    let search = window().location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()
}

/// The initiative named in the current URL; anything malformed reads as none.
pub fn current_id() -> Option<InitiativeId> {
    params()?.get(ID_PARAM)?.parse().ok()
}

/// `?id=…` for a link's `href`, keeping the page's path.
pub fn href_for(id: InitiativeId) -> String {
    match params() {
        Some(params) => {
            params.set(ID_PARAM, &id.to_string());
            format!("?{}", String::from(params.to_string()))
        }
        None => format!("?{ID_PARAM}={id}"),
    }
}

/// Records a new history entry for opening or closing an initiative.
pub fn push_id(id: Option<InitiativeId>) {
    let Some(params) = params() else { return };
    match id {
        Some(id) => params.set(ID_PARAM, &id.to_string()),
        None => params.delete(ID_PARAM),
    }
    let query = String::from(params.to_string());
    let url = if query.is_empty() {
        window().location().pathname().unwrap_or_default()
    } else {
        format!("?{query}")
    };
    if let Ok(history) = window().history() {
        // A refused pushState (rare: sandboxed frames) only costs the back button.
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Calls `f` with the URL's initiative whenever the user moves through history.
pub fn on_navigate(f: impl Fn(Option<InitiativeId>) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| f(current_id()));
    on_cleanup(move || handle.remove());
}
