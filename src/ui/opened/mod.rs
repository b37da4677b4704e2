//! An opened initiative: the `detail` split file (`ui::splits`).

pub mod initiative;
pub mod progress_editor;
