//! Moving keyboard focus, or the view, to elements outside the current component.

use kama_plan::InitiativeId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the list link of `id` once the list is visible again, or the
/// main region if the filters have hidden that row.
pub fn row_link(id: InitiativeId) {
    request_animation_frame(move || {
        let link = row(id).and_then(|r| r.query_selector("a").ok().flatten());
        let target = link.or_else(|| document().get_element_by_id("main"));
        if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// Focuses the element with `id` once the view that holds it has rendered.
pub fn element(id: &'static str) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Scrolls the list so that the row of `id` is in view, without moving the
/// focus: a shared link may open an initiative far down the list, and the
/// row shows where it sits in the plan. Nothing happens while the list is
/// not displayed (on a phone the detail takes its place).
pub fn reveal_row(id: InitiativeId) {
    request_animation_frame(move || {
        if let Some(row) = row(id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            row.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// The list row of `id`, if it is in the DOM.
fn row(id: InitiativeId) -> Option<web_sys::Element> {
    document().query_selector(&format!("[data-initiative-id=\"{id}\"]")).ok().flatten()
}

/// Scrolls the row of view tabs sideways so that the current one is whole in
/// view, once the tabs have been redrawn. The page itself does not move.
pub fn reveal_current_tab() {
    request_animation_frame(|| {
        let tab = document().query_selector(".view-tabs [aria-current=\"page\"]").ok().flatten();
        let Some(tab) = tab.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        let Some(tabs) = tab.parent_element() else {
            return;
        };
        // `offset_left` is within the row: the row is positioned (styles.css).
        let (left, right) = (tab.offset_left(), tab.offset_left() + tab.offset_width());
        let (shown, width) = (tabs.scroll_left(), tabs.client_width());
        // Centred, so that its neighbours show which way the others lie.
        if left < shown || right > shown + width {
            tabs.set_scroll_left((left + right - width) / 2);
        }
    });
}
