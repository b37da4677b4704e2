//! Why a plan table was not read, and where. Worded for people in
//! `present::i18n::plan_table_error`; the English here is that wording's.

use std::fmt;

use super::columns::{Field, MetaKey};
use crate::workbook::WorkbookError;

/// Nothing of a table with any of these is used.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanTableError {
    /// Not .xlsx, .csv, .tsv nor .txt.
    UnknownFormat {
        name: String,
    },
    /// Too large, a zip bomb, or no workbook.
    Workbook(WorkbookError),
    /// Neither UTF-8, UTF-16 nor Shift_JIS text.
    NotText,
    Csv {
        row: usize,
        detail: String,
    },
    TooManyRows {
        max: usize,
    },
    /// No row among the first [`super::HEADER_ROWS`] with a title for the
    /// first level and one for the initiative.
    NoHeader,
    /// A title row above the header is missing.
    MissingMeta(MetaKey),
    /// Neither fiscal-year columns nor a 計画期間 row.
    NoPeriod,
    /// The year columns skip a year or are out of order.
    YearsNotConsecutive {
        after: u16,
        found: u16,
    },
    /// 計画期間 says one span and the year columns another.
    PeriodMismatch {
        stated: (u16, u16),
        columns: (u16, u16),
    },
    /// A period running backwards or longer than [`super::MAX_YEARS`].
    BadPeriod {
        from: u16,
        to: u16,
    },
    /// The header but no initiative under it.
    NoInitiatives,
    /// The first [`super::MAX_PROBLEMS`] problems, and how many more there are.
    Cells {
        problems: Vec<CellProblem>,
        more: usize,
    },
}

/// One cell the importer could not use.
#[derive(Debug, Clone, PartialEq)]
pub struct CellProblem {
    /// 1-based, as spreadsheets number rows.
    pub row: usize,
    pub column: ColumnRef,
    pub kind: CellProblemKind,
}

/// A column as a person finds it: its letter and its title.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnRef {
    /// 0-based.
    pub index: usize,
    pub title: String,
}

impl ColumnRef {
    /// `A`, …, `Z`, `AA`: the spreadsheet's name of the column.
    pub fn letter(&self) -> String {
        let mut n = self.index + 1;
        let mut letters = Vec::new();
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum CellProblemKind {
    /// A row with content but this cell empty, and no row above to carry
    /// it over from (a merged cell's value is carried down).
    Missing,
    /// Not one of `allowed`.
    NotAChoice {
        found: String,
        allowed: Vec<&'static str>,
    },
    NotANumber(String),
    /// The same 番号 on an earlier row.
    DuplicateSerial {
        first_row: usize,
    },
    /// More entries at one level than the plan's codes number.
    TooMany {
        level: Field,
        max: usize,
    },
    /// An error value such as `#N/A`, left by a formula.
    ErrorValue(String),
}

impl fmt::Display for PlanTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PlanTableError::*;
        match self {
            UnknownFormat { name } => write!(f, "{name} is not a plan table: choose an .xlsx, .csv, .tsv or plan .json file"),
            Workbook(e) => e.fmt(f),
            NotText => write!(f, "the file is not text in UTF-8, UTF-16 or Shift_JIS"),
            Csv { row, detail } => write!(f, "row {row} cannot be read: {detail}"),
            TooManyRows { max } => write!(f, "the table has more than {max} rows"),
            NoHeader => write!(
                f,
                "no header row: the first rows need a column titled 基本施策 (or 基本目標) and one titled 取組 (or 事業)"
            ),
            MissingMeta(key) => write!(f, "no {} row above the header", meta_title(*key)),
            NoPeriod => write!(f, "no fiscal-year columns (2024年度, R6, …) and no 計画期間 row above the header"),
            YearsNotConsecutive { after, found } => {
                write!(f, "the fiscal-year columns go from {after} to {found}: they must follow each other")
            }
            PeriodMismatch { stated, columns } => write!(
                f,
                "計画期間 says {}–{}, the fiscal-year columns {}–{}",
                stated.0, stated.1, columns.0, columns.1
            ),
            BadPeriod { from, to } => write!(f, "the period {from}–{to} is not one the app can follow"),
            NoInitiatives => write!(f, "the table has a header but no initiative under it"),
            Cells { problems, more } => {
                write!(f, "nothing was read: the table has {} problems", problems.len() + more)?;
                for p in problems {
                    write!(f, "\nrow {}, column {} ({}): {}", p.row, p.column.letter(), p.column.title, p.kind)?;
                }
                if *more > 0 {
                    write!(f, "\nand {more} more")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for PlanTableError {}

impl fmt::Display for CellProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CellProblemKind::*;
        match self {
            Missing => write!(f, "empty, and no row above to carry it over from"),
            NotAChoice { found, allowed } => write!(f, "{found:?} is not one of {}", allowed.join(", ")),
            NotANumber(found) => write!(f, "{found:?} is not a whole number"),
            DuplicateSerial { first_row } => write!(f, "row {first_row} has the same number"),
            TooMany { max, .. } => write!(f, "more than {max} at this level"),
            ErrorValue(code) => write!(f, "the cell holds the error value {code}"),
        }
    }
}

/// The title the template gives a row above the header.
pub fn meta_title(key: MetaKey) -> &'static str {
    super::columns::META_SYNONYMS.iter().find(|(k, _)| *k == key).map_or("", |(_, names)| names[0])
}
