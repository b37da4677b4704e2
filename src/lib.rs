//! The Kama SME Plan Tracker: a Leptos (CSR) shell over the pure domain in
//! `kama-plan`. Components read signals and call the core; browser side
//! effects live in `adapters`.

// The natively built renderer of the first paint (the `ssr` feature) nests
// the views' types deeper than the default limit.
#![recursion_limit = "256"]

pub mod adapters;
pub mod i18n;
pub mod state;
pub mod ui;

pub use ui::app::App;
