//! An answer (回答): a 担当's rows of one fiscal year, sent back to the
//! 事務局 for the request it answers. Reading an answer checks the file;
//! [`check_answer`] then compares it with what was asked and says what may
//! be merged, and why anything else is not: nothing a colleague wrote is
//! left out without being listed.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::assign::Owner;
use super::csv::UtcOffset;
use super::exchange::{self, check_plan_year, embed, embedded_record, ExchangeError, FileKind};
use super::file_name::{round_stem, ExportError, RoundFile};
use super::request::{Request, RequestId};
use super::{CellKey, Record};
use crate::plan::{FiscalYear, InitiativeId, Plan};

pub const FORMAT: &str = FileKind::Answer.format();
pub const VERSION: u32 = FileKind::Answer.version();

/// An answer, checked as a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub plan_id: String,
    pub year: FiscalYear,
    pub owner: Owner,
    /// Who made the answer file.
    pub author: String,
    /// Milliseconds since the Unix epoch, from the caller's clock.
    pub answered_at: i64,
    pub request: RequestId,
    /// The 担当's cells of the year: what it answers.
    pub record: Record,
}

/// What was asked of an answer: a request, or what the 事務局 knows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub year: FiscalYear,
    pub owner: Owner,
    pub rows: BTreeSet<InitiativeId>,
}

impl From<&Request> for Asked {
    fn from(request: &Request) -> Self {
        Asked { year: request.year, owner: request.owner.clone(), rows: request.rows.iter().copied().collect() }
    }
}

/// Why an answer is refused as a whole: nothing of it is merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    WrongPlan {
        found: String,
        expected: String,
    },
    WrongYear {
        asked: FiscalYear,
        answered: FiscalYear,
    },
    WrongOwner {
        asked: Owner,
        answered: Owner,
    },
    /// The 事務局 closed the year: its cells no longer change.
    YearClosed(FiscalYear),
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::WrongPlan { found, expected } => {
                write!(f, "the answer belongs to plan {found:?}, not {expected:?}")
            }
            AnswerError::WrongYear { asked, answered } => {
                write!(f, "the answer is for FY{answered}, but FY{asked} was asked")
            }
            AnswerError::WrongOwner { asked, answered } => {
                write!(f, "the answer is from {answered}, but the request was sent to {asked}")
            }
            AnswerError::YearClosed(year) => write!(f, "FY{year} is closed: its records no longer change"),
        }
    }
}

impl std::error::Error for AnswerError {}

/// Why one cell of an accepted answer is not merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NotApplied {
    /// A row the request did not ask this 担当 for.
    NotRequested,
    /// A cell of another year than the answer's.
    OtherYear { answered: FiscalYear },
    /// A KPI value or a council opinion: answers carry initiative rows only.
    NotARow,
    /// A clearing: merging never takes a file's clearings.
    Clearing,
}

/// What an answer brings.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerCheck {
    /// What to merge (`merge::merge`), with its cells' history.
    pub record: Record,
    /// Each cell of the answer left out, with why; its content is still in
    /// the answer's record, for the 事務局 to read.
    pub not_applied: Vec<(CellKey, NotApplied)>,
}

impl Answer {
    /// The file's name without extension (`file_name::round_stem`).
    pub fn file_stem(&self, offset: UtcOffset) -> String {
        round_stem(RoundFile::Answer, &self.plan_id, self.year, &self.owner, &self.author, self.answered_at, offset)
    }

    /// The file, pretty-printed like the progress exports.
    pub fn to_json(&self) -> Result<String, ExportError> {
        let file = AnswerFile {
            format: FORMAT.to_string(),
            version: VERSION,
            plan: self.plan_id.clone(),
            year: self.year,
            owner: self.owner.to_string(),
            author: self.author.clone(),
            answered_at: self.answered_at,
            request: self.request.clone(),
            record: embed(&self.record, &self.plan_id)?,
        };
        Ok(serde_json::to_string_pretty(&file)?)
    }
}

/// The answer to `request` from `record`: the request's rows of its year,
/// with their history, as the 担当 left them.
pub fn make_answer(request: &Request, record: &Record, author: &str, answered_at: i64) -> Answer {
    let mut answered = Record::default();
    for &id in &request.rows {
        let key = (id, request.year);
        if let Some(cell) = record.initiatives.get(&key) {
            answered.initiatives.insert(key, cell.clone());
            copy_history(record, &mut answered, CellKey::Initiative(id, request.year));
        }
    }
    Answer {
        plan_id: request.plan_id.clone(),
        year: request.year,
        owner: request.owner.clone(),
        author: author.trim().to_string(),
        answered_at,
        request: request.id(),
        record: answered,
    }
}

fn copy_history(from: &Record, to: &mut Record, key: CellKey) {
    if let Some(history) = from.history.get(&key) {
        to.history.insert(key, history.clone());
    }
}

/// Reads an answer file, checked completely against `plan`.
pub fn read_answer(text: &str, plan: &Plan, max_bytes: usize) -> Result<Answer, ExchangeError> {
    exchange::read_as(FileKind::Answer, parse, text, plan, max_bytes)
}

/// The file as written; the embedded record kept as its text until the
/// document's own reader checks it.
#[derive(Debug, Serialize, Deserialize)]
struct AnswerFile {
    format: String,
    version: u32,
    plan: String,
    year: FiscalYear,
    owner: String,
    #[serde(default)]
    author: String,
    answered_at: i64,
    request: RequestId,
    record: Box<serde_json::value::RawValue>,
}

/// An answer file whose header `exchange` has read already.
pub(super) fn parse(text: &str, plan: &Plan, max_bytes: usize) -> Result<Answer, ExchangeError> {
    let file: AnswerFile = serde_json::from_str(text).map_err(|e| ExchangeError::Shape(e.to_string()))?;
    check_plan_year(plan, &file.plan, file.year)?;
    let owner = Owner::new(&file.owner).ok_or(ExchangeError::NoOwner)?;
    if owner != file.request.owner {
        return Err(ExchangeError::OwnerMismatch {
            answer: owner.to_string(),
            request: file.request.owner.to_string(),
        });
    }
    let record = embedded_record(&file.record, plan, max_bytes)?;
    Ok(Answer {
        plan_id: file.plan,
        year: file.year,
        owner,
        author: file.author,
        answered_at: file.answered_at,
        request: file.request,
        record,
    })
}

/// What of `answer` may be merged into `plan`'s record, given what was
/// `asked` (when the 事務局 has the request) and the years it has closed.
/// Without a request, every row of the answer's year is taken: a 担当 may
/// answer for a row the 事務局 did not know was theirs.
pub fn check_answer(
    plan: &Plan,
    answer: &Answer,
    asked: Option<&Asked>,
    closed_years: &BTreeSet<FiscalYear>,
) -> Result<AnswerCheck, AnswerError> {
    if answer.plan_id != plan.plan.id {
        return Err(AnswerError::WrongPlan { found: answer.plan_id.clone(), expected: plan.plan.id.clone() });
    }
    if let Some(asked) = asked {
        if asked.year != answer.year {
            return Err(AnswerError::WrongYear { asked: asked.year, answered: answer.year });
        }
        if asked.owner != answer.owner {
            return Err(AnswerError::WrongOwner { asked: asked.owner.clone(), answered: answer.owner.clone() });
        }
    }
    if closed_years.contains(&answer.year) {
        return Err(AnswerError::YearClosed(answer.year));
    }
    let mut check = AnswerCheck { record: Record::default(), not_applied: Vec::new() };
    let from = &answer.record;
    for (&(id, year), cell) in &from.initiatives {
        let key = CellKey::Initiative(id, year);
        if year != answer.year {
            check.not_applied.push((key, NotApplied::OtherYear { answered: answer.year }));
        } else if asked.is_some_and(|a| !a.rows.contains(&id)) {
            check.not_applied.push((key, NotApplied::NotRequested));
        } else {
            check.record.initiatives.insert((id, year), cell.clone());
            copy_history(from, &mut check.record, key);
        }
    }
    let others = from.kpis.keys().map(|&(code, y)| (CellKey::Kpi(code, y), NotApplied::NotARow));
    let council = from.council.keys().map(|&(policy, y)| (CellKey::Council(policy, y), NotApplied::NotARow));
    let cleared = (from.cleared.initiatives.keys().map(|&(id, y)| CellKey::Initiative(id, y)))
        .chain(from.cleared.kpis.keys().map(|&(code, y)| CellKey::Kpi(code, y)))
        .chain(from.cleared.council.keys().map(|&(policy, y)| CellKey::Council(policy, y)))
        .map(|key| (key, NotApplied::Clearing));
    check.not_applied.extend(others.chain(council).chain(cleared));
    check.not_applied.sort();
    Ok(check)
}

#[cfg(test)]
#[path = "answer_tests.rs"]
mod tests;

/// The lines of `answer` that `local` has not changed since the request was
/// issued: the answer builds on what was sent, so taking it over them is no
/// conflict to settle (a line changed here since then still is).
pub fn unchanged_since_request(local: &Record, answer: &Answer) -> BTreeSet<CellKey> {
    answer
        .record
        .initiatives
        .keys()
        .filter(|key| local.initiatives.get(key).is_none_or(|cell| cell.stamp.updated_at <= answer.request.issued_at))
        .map(|&(id, year)| CellKey::Initiative(id, year))
        .collect()
}
