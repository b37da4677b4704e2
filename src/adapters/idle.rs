//! Work that can wait for the browser to be idle, in slices short enough not
//! to delay a keystroke that arrives meanwhile.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::pending::{self, Work};

/// A slice stops when the idle period has less than this left,
const MARGIN_MS: f64 = 2.0;
/// or after this long: a keystroke that arrives meanwhile waits for it.
const SLICE_MS: f64 = 4.0;
/// Without `requestIdleCallback` (Safari), slices are this far apart.
const FALLBACK_GAP: Duration = Duration::from_millis(50);

type Step = Rc<RefCell<dyn FnMut() -> bool>>;

/// Calls `step` in idle time until it returns `false`.
pub fn run(step: impl FnMut() -> bool + 'static) {
    pending::begin(Work::Idle);
    schedule(Rc::new(RefCell::new(step)));
}

fn schedule(step: Step) {
    let has_idle_callback = js_sys::Reflect::has(&window(), &"requestIdleCallback".into()).unwrap_or(false);
    if has_idle_callback {
        let callback = Closure::once_into_js(move |deadline: JsValue| slice(step, deadline.dyn_into().ok()));
        let _ = window().request_idle_callback(callback.unchecked_ref());
    } else {
        set_timeout(move || slice(step, None), FALLBACK_GAP);
    }
}

fn slice(step: Step, deadline: Option<web_sys::IdleDeadline>) {
    let start = now_ms();
    let has_time = || now_ms() - start < SLICE_MS && deadline.as_ref().is_none_or(|d| d.time_remaining() > MARGIN_MS);
    // At least one step a slice: only ever short idle periods must not stall the work.
    loop {
        let more = (step.borrow_mut())();
        if !more {
            pending::end(Work::Idle);
            return;
        }
        if !has_time() {
            break;
        }
    }
    schedule(step);
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}
