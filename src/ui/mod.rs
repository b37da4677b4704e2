//! Components. One file per part of the screen.

pub mod app;
pub mod badges;
pub mod detail;
pub mod downloads;
pub mod filters;
pub mod highlight;
pub mod plan_tree;
pub mod timeline;

/// The app's view of the plan: loaded once at start and never changed, so it
/// is shared as a `'static` reference instead of a signal.
pub type PlanRef = &'static kama_plan::Plan;
