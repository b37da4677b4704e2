//! The page's lifecycle: the moments work must be finished before the page
//! may be frozen or closed.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `flush` when the page is hidden or left, the last moment pending
/// work (a save, an address) is sure to run: mobile browsers may never fire
/// `unload`.
pub fn on_page_hide(flush: impl Fn() + 'static) {
    let flush = std::rc::Rc::new(flush);
    let on_hide = {
        let flush = flush.clone();
        Closure::<dyn Fn()>::new(move || flush())
    };
    let on_visibility = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let _ = window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    let _ = document().add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
    on_hide.forget();
    on_visibility.forget();
}
