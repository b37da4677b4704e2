//! Components, one file per part of the screen, in folders by the wasm file
//! they are in:
//! - `app`: the root, which alone knows the split points (`splits`) and
//!   passes what other components load to them; `loading` shows a split
//!   part while it loads; `ready` tells tests a view has rendered;
//! - `first/`: the rest of the first file (the list, filters, record bar);
//! - `views/`: the five views behind the tabs (split file `views`);
//! - `opened/`: an opened initiative (split file `detail`);
//! - `staff`: staff's controls and setup (split file `staff`).

pub mod app;
pub mod first;
pub mod loading;
pub mod opened;
pub mod ready;
pub mod splits;
pub mod staff;
pub mod views;

/// The app's view of the plan: loaded once at start and never changed, so it
/// is shared as a `'static` reference instead of a signal.
pub type PlanRef = &'static kama_plan::Plan;

/// A click that should act in place: not a middle click, nor one with a
/// modifier that asks the browser for a new tab or window.
pub(crate) fn is_plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0)
}
