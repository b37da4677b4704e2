//! The plan and its progress as charts: pure functions from plan and
//! progress data to a [`ChartSpec`], which holds an Apache ECharts option
//! (built with `charming`) and the data table with the same numbers. The app
//! passes [`option_json`] to ECharts and renders the table beside the canvas;
//! nothing here touches a DOM, so every chart is tested by comparing JSON.
//!
//! Interface words come in through [`Labels`] (the app fills it from its i18n
//! table); plan text (policy and KPI names, directions) is used as published.

mod composition;
mod kpi;
mod spec;
mod status;

pub use composition::{composition_by_direction, composition_by_first_plan};
pub use kpi::kpi_target_vs_actual;
pub use spec::{option_json, ChartSpec, DataTable, Labels, NEUTRAL, OKABE_ITO};
pub use status::progress_by_status;
