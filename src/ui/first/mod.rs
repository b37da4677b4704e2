//! Components in the first wasm file: what a first visit shows (the list, its filters, the record bar) and the small parts the split views share with it.

pub mod badges;
pub mod detail;
pub mod downloads;
pub mod filters;
pub mod highlight;
pub mod masthead;
pub mod plan_tree;
pub mod record_bar;
pub mod update_banner;
