//! The prerendered first paint (`crates/prerender`, written into index.html
//! at build time) and its hand-over to the app.

use std::cell::RefCell;

use kama_plan::InitiativeId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::focus;

/// The element the app removes before it mounts.
pub const ROOT_ID: &str = "prerendered";

/// The search box's id, in the first paint and in the app
/// (`ui::first::filters::FilterBar` draws both).
pub const SEARCH_ID: &str = "search-input";

thread_local! {
    /// What was typed into the first paint's search box, until the app reads it.
    static TYPED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where the keyboard was in the first paint, to put it back in the app.
#[derive(Debug, Default)]
pub struct Handover {
    /// The initiative whose row had the focus.
    focused_row: Option<InitiativeId>,
    /// The search box had it.
    search_focused: bool,
}

/// Removes the first paint, if the page has one. Keeps what was typed into
/// its search box for [`typed_search`], and says where the focus was.
pub fn take() -> Handover {
    let document = document();
    let Some(first_paint) = document.get_element_by_id(ROOT_ID) else { return Handover::default() };
    let active = document.active_element().filter(|e| first_paint.contains(Some(e)));
    let focused_row = active
        .as_ref()
        .and_then(|e| e.closest("[data-initiative-id]").ok().flatten())
        .and_then(|row| row.get_attribute("data-initiative-id"))
        .and_then(|id| id.parse().ok());
    let search = document.get_element_by_id(SEARCH_ID).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let search_focused = active.is_some_and(|e| e.id() == SEARCH_ID);
    if let Some(typed) = search.map(|s| s.value()).filter(|v| !v.is_empty()) {
        TYPED.with(|t| *t.borrow_mut() = Some(typed));
    }
    first_paint.remove();
    Handover { focused_row, search_focused }
}

/// The text a visitor typed into the first paint's search box before the app
/// started, once: the app starts with it as its search.
pub fn typed_search() -> Option<String> {
    TYPED.with(|t| t.borrow_mut().take())
}

impl Handover {
    /// Puts the focus where it was, now that the app has mounted: in the
    /// search box at once (the next keystroke goes there, after what was
    /// typed), or on the row's link.
    pub fn restore(self) {
        if self.search_focused {
            let search = document().get_element_by_id(SEARCH_ID);
            if let Some(input) = search.and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                let _ = input.focus();
                let end = input.value().encode_utf16().count() as u32;
                let _ = input.set_selection_range(end, end);
            }
        } else if let Some(id) = self.focused_row {
            focus::row_link(id);
        }
    }
}
