//! Any plan of the same shape, from the table a city has (.xlsx, .csv,
//! .tsv): one row per initiative, columns in any order, found by their
//! titles and common synonyms (`columns`), cells read as Japanese tables
//! write them (`cells`), put together into a [`Plan`] (`assemble`). Every
//! problem names its row and column, and a table with any problem gives
//! nothing. Kama's own table keeps its dedicated importer (`crate::import`).
//!
//! Above the header, title rows name the plan: `計画名`, `自治体` and,
//! optionally, `計画ID` and `計画期間` (the template, `data/plan-template.csv`,
//! shows them). Cells are read as stored, never evaluated.

mod assemble;
pub mod cells;
pub mod columns;
mod error;
mod grid;

pub use columns::{Field, MetaKey};
pub use error::{meta_title, CellProblem, CellProblemKind, ColumnRef, PlanTableError};
pub use grid::{TableFormat, MAX_BYTES, MAX_ROWS};

use crate::plan::Plan;

/// Rows searched for the header.
pub const HEADER_ROWS: usize = 20;
/// Problems listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;
/// The longest plan period followed, in fiscal years.
pub const MAX_YEARS: u16 = 20;

/// The plan in a table file named `name`.
pub fn read_plan_table(name: &str, bytes: &[u8]) -> Result<Plan, PlanTableError> {
    let format = TableFormat::of_name(name).ok_or_else(|| PlanTableError::UnknownFormat { name: name.to_string() })?;
    let sheets = grid::read(format, bytes)?;
    // A workbook's first sheet with a header is the table (others may be notes).
    let (rows, header) = sheets
        .iter()
        .find_map(|(_, rows)| assemble::header_row(rows).map(|header| (rows, header)))
        .ok_or(PlanTableError::NoHeader)?;
    assemble::plan(name, rows, header)
}

#[cfg(test)]
mod props_tests;
#[cfg(test)]
mod tests;
