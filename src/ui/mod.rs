//! Components. One file per part of the screen.

pub mod app;
pub mod badges;
pub mod chart;
pub mod charts_view;
pub mod cycle;
pub mod detail;
pub mod downloads;
pub mod filters;
pub mod highlight;
pub mod kpis;
pub mod loading;
pub mod plan_tree;
pub mod progress_editor;
pub mod progress_overview;
pub mod progress_view;
pub mod publishing;
pub mod ready;
pub mod record_bar;
pub mod records;
pub mod report;
pub mod splits;
pub mod staff;
pub mod timeline;
pub mod update_banner;

/// The app's view of the plan: loaded once at start and never changed, so it
/// is shared as a `'static` reference instead of a signal.
pub type PlanRef = &'static kama_plan::Plan;

/// A click that should act in place: not a middle click, nor one with a
/// modifier that asks the browser for a new tab or window.
pub(crate) fn is_plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0)
}
