use std::fmt;

/// Why the importer refused the table, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// 1-based source line, when the problem belongs to one row.
    pub line: Option<usize>,
    pub problem: Problem,
}

impl ImportError {
    pub(crate) fn at(line: usize, problem: Problem) -> Self {
        ImportError { line: Some(line), problem }
    }

    pub(crate) fn whole(problem: Problem) -> Self {
        ImportError { line: None, problem }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    NoTable,
    NoFiscalYears,
    RowBeforeHeader,
    MissingCell {
        field: &'static str,
    },
    Invalid {
        field: &'static str,
        found: String,
    },
    /// A later row spells a policy or sub-policy name differently in words.
    NameMismatch {
        what: String,
        first: String,
        found: String,
    },
    DuplicateId(String),
    SerialOutOfOrder {
        expected: u16,
        found: u16,
    },
    UnknownInitiative {
        field: &'static str,
        id: String,
    },
    /// A re-listed row (`(再掲)` short name) without a pointer to its original.
    RelistWithoutOriginal,
    /// A row says it is re-listed elsewhere, but that row re-lists something else.
    ForwardPointerMismatch {
        says: String,
        actual: String,
    },
    /// 備考 holds text and the row has no schedule: the text could be either.
    UnsettledRemarks(String),
    /// A schedule label sits beyond the fiscal-year columns on a page whose
    /// other rows do not explain it.
    ScheduleOutOfRange(String),
    Corrections(String),
    StaleCorrection(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        match &self.problem {
            Problem::NoTable => write!(f, "no table header (`昇順 番号 …`) found"),
            Problem::NoFiscalYears => write!(f, "the headers do not name five fiscal years like `2023 (R5)`"),
            Problem::RowBeforeHeader => write!(f, "a data row comes before any header"),
            Problem::MissingCell { field } => write!(f, "the row ends before its {field} cell"),
            Problem::Invalid { field, found } => write!(f, "{field} cell is not valid: {found:?}"),
            Problem::NameMismatch { what, first, found } => {
                write!(f, "{what} is named {found:?} here but {first:?} earlier")
            }
            Problem::DuplicateId(id) => write!(f, "initiative id {id} appears twice"),
            Problem::SerialOutOfOrder { expected, found } => {
                write!(f, "serial {found} where {expected} was expected")
            }
            Problem::UnknownInitiative { field, id } => write!(f, "{field} names {id}, which is not in the table"),
            Problem::RelistWithoutOriginal => write!(f, "the row is marked (再掲) but does not say what it re-lists"),
            Problem::ForwardPointerMismatch { says, actual } => write!(
                f,
                "the row says it is re-listed at {says}, but {actual}; settle it in data/corrections.toml [[forward_pointer]]"
            ),
            Problem::UnsettledRemarks(text) => write!(
                f,
                "備考 holds {text:?} and the row has no schedule: say in data/corrections.toml whether it is a schedule label ([[schedule_in_remarks]])"
            ),
            Problem::ScheduleOutOfRange(text) => write!(f, "schedule label {text:?} lies beyond the fiscal-year columns"),
            Problem::Corrections(msg) => write!(f, "data/corrections.toml: {msg}"),
            Problem::StaleCorrection(msg) => write!(f, "data/corrections.toml no longer matches the table: {msg}"),
        }
    }
}

impl std::error::Error for ImportError {}
