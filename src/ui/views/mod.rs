//! The five views behind the tabs: the `views` split file (`ui::splits`), fetched when a tab is first wanted.

pub mod chart;
pub mod charts_view;
pub mod cycle;
pub mod kpis;
pub mod plan_shelf;
pub mod progress_overview;
pub mod progress_view;
pub mod publishing;
pub mod records;
pub mod report;
pub mod timeline;
