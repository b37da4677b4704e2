//! A request (照会): the 事務局 asks one 担当 to fill in its rows of a fiscal
//! year by a deadline. The file carries the rows, the 事務局's instructions
//! and review comments, and those rows' cells of the year before and of the
//! year itself, so the 担当 starts from last year's answers.
//!
//! A request whose deadline has passed is still opened: the 担当 may answer
//! late, and the 事務局 would rather have a late answer than none. It says
//! so with a [`RequestWarning`] instead.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::assign::{assignments, Owner};
use super::csv::UtcOffset;
use super::exchange::{self, check_plan_year, embed, embedded_record, unique_keys, ExchangeError, FileKind};
use super::file_name::{round_stem, ExportError, RoundFile};
use super::xlsx::{self, XlsxError};
use super::{CellKey, Record};
use crate::plan::{FiscalYear, InitiativeId, Plan};
use crate::timeline::CalendarDate;

pub const FORMAT: &str = FileKind::Request.format();
pub const VERSION: u32 = FileKind::Request.version();

/// What one request names: the 担当 it was sent to and when it was made.
/// An answer carries it, so the 事務局 sees which request it answers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RequestId {
    pub owner: Owner,
    pub issued_at: i64,
}

/// A request, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub plan_id: String,
    pub year: FiscalYear,
    pub owner: Owner,
    /// The last day answers are expected on (inclusive).
    pub deadline: CalendarDate,
    /// The 事務局's instructions, as typed (never interpreted as markup).
    pub instructions: String,
    /// Who at the 事務局 made the request.
    pub issued_by: String,
    /// Milliseconds since the Unix epoch, from the caller's clock.
    pub issued_at: i64,
    /// The initiatives asked for, in plan order; re-listed rows as their
    /// originals (whose record they share).
    pub rows: Vec<InitiativeId>,
    /// The 事務局's review comments, sent back on some of the rows.
    pub comments: BTreeMap<InitiativeId, String>,
    /// Those rows' cells of the year before and of the year.
    pub start: Record,
}

/// What the 事務局 decides once for all the requests of a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub year: FiscalYear,
    pub deadline: CalendarDate,
    pub instructions: String,
    pub issued_by: String,
    pub issued_at: i64,
}

/// Something to tell the 担当 who opens a request; it can still answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestWarning {
    /// `today` is after the deadline.
    DeadlinePassed { deadline: CalendarDate, today: CalendarDate },
    /// The 事務局 has closed the year since: an answer would be refused.
    YearClosed(FiscalYear),
}

impl Request {
    /// The request as a workbook, for a 担当 who answers in Excel: the
    /// 評価シート of its year with only its rows, filled with what it starts
    /// from; it imports back like any 評価シート.
    pub fn workbook(&self, plan: &Plan, exported_at_ms: i64, offset: UtcOffset) -> Result<Vec<u8>, XlsxError> {
        let rows: BTreeSet<InitiativeId> = self.rows.iter().copied().collect();
        xlsx::workbook_of_rows(plan, &self.start, self.year, &rows, exported_at_ms, offset)
    }

    /// The file's name without extension (`file_name::round_stem`).
    pub fn file_stem(&self, offset: UtcOffset) -> String {
        round_stem(RoundFile::Request, &self.plan_id, self.year, &self.owner, &self.issued_by, self.issued_at, offset)
    }

    pub fn id(&self) -> RequestId {
        RequestId { owner: self.owner.clone(), issued_at: self.issued_at }
    }

    /// The file, pretty-printed like the progress exports.
    pub fn to_json(&self) -> Result<String, ExportError> {
        let file = RequestFile {
            format: FORMAT.to_string(),
            version: VERSION,
            plan: self.plan_id.clone(),
            year: self.year,
            owner: self.owner.to_string(),
            deadline: self.deadline.iso(),
            instructions: self.instructions.clone(),
            issued_by: self.issued_by.clone(),
            issued_at: self.issued_at,
            rows: self.rows.clone(),
            comments: self.comments.clone(),
            start: embed(&self.start, &self.plan_id)?,
        };
        Ok(serde_json::to_string_pretty(&file)?)
    }

    /// What the 担当 opening the request on `today` should know first.
    pub fn warnings(&self, today: CalendarDate, closed_years: &BTreeSet<FiscalYear>) -> Vec<RequestWarning> {
        let mut out = Vec::new();
        if today > self.deadline {
            out.push(RequestWarning::DeadlinePassed { deadline: self.deadline, today });
        }
        if closed_years.contains(&self.year) {
            out.push(RequestWarning::YearClosed(self.year));
        }
        out
    }
}

/// One request per 担当 of `issue.year` ([`assignments`]), each with the
/// comments on its rows. Initiatives nobody answers for get no request:
/// `assignments(..).unassigned` lists them for the 事務局.
pub fn make_requests(
    plan: &Plan,
    record: &Record,
    issue: &Issue,
    comments: &BTreeMap<InitiativeId, String>,
) -> Vec<Request> {
    assignments(plan, record, issue.year)
        .by_owner
        .into_iter()
        .map(|(owner, rows)| Request {
            plan_id: plan.plan.id.clone(),
            year: issue.year,
            owner,
            deadline: issue.deadline,
            instructions: issue.instructions.clone(),
            issued_by: issue.issued_by.clone(),
            issued_at: issue.issued_at,
            comments: rows.iter().filter_map(|id| Some((*id, comments.get(id)?.clone()))).collect(),
            start: start(plan, record, &rows, issue.year),
            rows,
        })
        .collect()
}

/// `rows`' cells of the year before `year` (within the plan) and of `year`;
/// without history, which stays with the 事務局.
fn start(plan: &Plan, record: &Record, rows: &[InitiativeId], year: FiscalYear) -> Record {
    let years = start_years(plan, year);
    let mut out = Record::default();
    for &id in rows {
        for &y in &years {
            if let Some(cell) = record.initiatives.get(&(id, y)) {
                out.initiatives.insert((id, y), cell.clone());
            }
        }
    }
    out
}

/// The years a request's starting cells are of.
fn start_years(plan: &Plan, year: FiscalYear) -> Vec<FiscalYear> {
    let before = year.0.checked_sub(1).map(FiscalYear).filter(|y| plan.plan.fiscal_years.contains(*y));
    before.into_iter().chain([year]).collect()
}

/// Reads a request file, checked completely against `plan`.
pub fn read_request(text: &str, plan: &Plan, max_bytes: usize) -> Result<Request, ExchangeError> {
    exchange::read_as(FileKind::Request, parse, text, plan, max_bytes)
}

/// The file as written; the embedded record kept as its text until the
/// document's own reader checks it.
#[derive(Debug, Serialize, Deserialize)]
struct RequestFile {
    format: String,
    version: u32,
    plan: String,
    year: FiscalYear,
    owner: String,
    deadline: String,
    #[serde(default)]
    instructions: String,
    #[serde(default)]
    issued_by: String,
    issued_at: i64,
    rows: Vec<InitiativeId>,
    #[serde(default, deserialize_with = "unique_keys")]
    comments: BTreeMap<InitiativeId, String>,
    start: Box<serde_json::value::RawValue>,
}

/// A request file whose header `exchange` has read already.
pub(super) fn parse(text: &str, plan: &Plan, max_bytes: usize) -> Result<Request, ExchangeError> {
    let file: RequestFile = serde_json::from_str(text).map_err(|e| ExchangeError::Shape(e.to_string()))?;
    check_plan_year(plan, &file.plan, file.year)?;
    let owner = Owner::new(&file.owner).ok_or(ExchangeError::NoOwner)?;
    let deadline = CalendarDate::parse(&file.deadline).map_err(|_| ExchangeError::BadDeadline(file.deadline))?;
    let rows = row_ids(plan, &file.rows)?;
    let mut comments = BTreeMap::new();
    for (id, text) in file.comments {
        let id = known(plan, id)?;
        if !rows.contains(&id) {
            return Err(ExchangeError::CommentOutsideRows(id));
        }
        comments.insert(id, text);
    }
    let start = embedded_record(&file.start, plan, max_bytes)?;
    let years = start_years(plan, file.year);
    let outside = start
        .initiatives
        .keys()
        .find(|(id, y)| !rows.contains(id) || !years.contains(y))
        .map(|&(id, y)| CellKey::Initiative(id, y))
        .or_else(|| start.kpis.keys().next().map(|&(code, y)| CellKey::Kpi(code, y)))
        .or_else(|| start.council.keys().next().map(|&(policy, y)| CellKey::Council(policy, y)));
    if let Some(key) = outside {
        return Err(ExchangeError::CellOutside(key));
    }
    Ok(Request {
        plan_id: file.plan,
        year: file.year,
        owner,
        deadline,
        instructions: file.instructions,
        issued_by: file.issued_by,
        issued_at: file.issued_at,
        rows,
        comments,
        start,
    })
}

/// `id` if the plan has it, as the row its record is kept under.
fn known(plan: &Plan, id: InitiativeId) -> Result<InitiativeId, ExchangeError> {
    match plan.initiative(id) {
        Some(_) => Ok(plan.record_id(id)),
        None => Err(ExchangeError::UnknownInitiative(id)),
    }
}

/// Rows as their record ids, each once.
fn row_ids(plan: &Plan, ids: &[InitiativeId]) -> Result<Vec<InitiativeId>, ExchangeError> {
    let mut seen = BTreeSet::new();
    let mut rows = Vec::with_capacity(ids.len());
    for &id in ids {
        let row = known(plan, id)?;
        if !seen.insert(row) {
            return Err(ExchangeError::DuplicateRow(id));
        }
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
#[path = "request_tests.rs"]
mod tests;
