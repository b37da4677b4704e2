//! The Kama SME Plan Tracker: a Leptos (CSR) shell over the pure domain in
//! `kama-plan`. Components read signals and call the core; browser side
//! effects live in `adapters`.

pub mod adapters;
pub mod i18n;
pub mod state;
pub mod ui;

pub use ui::app::App;
