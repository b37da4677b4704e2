//! The source text as pages of rows of cells, before any meaning is given to them.
//!
//! The export has one line per table row, cells separated by tabs. Each of the
//! seven PDF pages starts with its own header line (`昇順 番号 …`), sometimes
//! followed by a second header line holding the fiscal-year labels.

use super::error::{ImportError, Problem};
use crate::plan::{FiscalYear, FiscalYearRange};

#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// 1-based.
    pub number: usize,
    pub layout: Layout,
    pub rows: Vec<SourceRow>,
}

/// What a page's header says about its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    /// `重要課題` and `第1次計画との関連` are two columns, followed by their own
    /// `現状` column (page 2). Elsewhere they share one column, and a row that
    /// writes `重` alone pushes its 1st-plan word into the next cell.
    pub separate_first_plan_column: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct SourceRow {
    /// 1-based line number in the source file.
    pub line: usize,
    pub cells: Vec<String>,
}

#[derive(Debug)]
pub(crate) struct Table {
    pub pages: Vec<Page>,
    pub fiscal_years: FiscalYearRange,
}

const HEADER_START: &str = "昇順";

pub(crate) fn read(source: &str) -> Result<Table, ImportError> {
    let mut pages: Vec<Page> = Vec::new();
    let mut years: Vec<FiscalYear> = Vec::new();
    for (index, raw) in source.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let cells: Vec<String> = raw.split('\t').map(|c| c.trim().to_string()).collect();
        let first = cells.first().map(String::as_str).unwrap_or_default();
        if first.starts_with(HEADER_START) {
            pages.push(Page {
                number: pages.len() + 1,
                layout: Layout { separate_first_plan_column: cells.iter().any(|c| c == "現状") },
                rows: Vec::new(),
            });
            collect_years(&cells, &mut years);
        } else if first.is_empty() {
            // The second header line: only the fiscal-year labels.
            collect_years(&cells, &mut years);
        } else {
            let page = pages.last_mut().ok_or(ImportError::at(line, Problem::RowBeforeHeader))?;
            page.rows.push(SourceRow { line, cells });
        }
    }
    if pages.is_empty() {
        return Err(ImportError::whole(Problem::NoTable));
    }
    let fiscal_years = match (years.iter().min(), years.iter().max()) {
        (Some(&from), Some(&to)) if to.0 - from.0 == 4 => FiscalYearRange { from, to },
        _ => return Err(ImportError::whole(Problem::NoFiscalYears)),
    };
    Ok(Table { pages, fiscal_years })
}

/// Reads header cells such as `2023 (R5)`.
fn collect_years(cells: &[String], years: &mut Vec<FiscalYear>) {
    for cell in cells {
        let Some((year, era)) = cell.split_once(" (R") else { continue };
        let (Ok(year), true) = (year.parse::<u16>(), era.ends_with(')')) else { continue };
        let year = FiscalYear(year);
        if !years.contains(&year) {
            years.push(year);
        }
    }
}
