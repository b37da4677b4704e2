//! The collection board (回答状況) of a fiscal year: per 担当, how many of
//! its rows are answered, half done or still empty, which are in conflict,
//! when it last answered and which rows are overdue. The core reads no
//! clock: `today` is the caller's.
//!
//! A row is *answered* when its cell for the year has both a 進捗状況 and a
//! 実績: the two things every row of the 評価シート needs, whatever the
//! plan's scales. A cell holding something else (a 課題, a メモ, only one of
//! the two) is *partial*; one holding nothing, or only its 担当, is *empty*.
//! A row is *overdue* when it is not answered and `today` is after the
//! deadline (the deadline day itself is still in time).
//!
//! 担当 are listed with the most rows missing (partial or empty) first, so
//! the 事務局 sees whom to remind; ties by name. Rows keep plan order.

use std::collections::BTreeSet;

use super::assign::{assignments, Owner};
use super::{CellKey, InitiativeCell, Record};
use crate::plan::{FiscalYear, InitiativeId, Plan};
use crate::timeline::CalendarDate;

/// How far a row's answer has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowState {
    Empty,
    Partial,
    Answered,
}

/// The state of a row whose cell for the year is `cell`.
pub fn row_state(cell: Option<&InitiativeCell>) -> RowState {
    let Some(cell) = cell else { return RowState::Empty };
    if cell.status.is_some() && !cell.results.trim().is_empty() {
        return RowState::Answered;
    }
    let something = cell.status.is_some()
        || !cell.results.trim().is_empty()
        || cell.grade.is_some()
        || !cell.challenges.trim().is_empty()
        || cell.way_forward.is_some()
        || !cell.links.is_empty()
        || !cell.note.trim().is_empty();
    if something {
        RowState::Partial
    } else {
        RowState::Empty
    }
}

/// One initiative on the board, for the UI to link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoardRow {
    pub id: InitiativeId,
    pub state: RowState,
    pub in_conflict: bool,
    pub overdue: bool,
    /// When the row was last submitted (milliseconds since the Unix epoch).
    pub submitted_at: Option<i64>,
}

/// One 担当's part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerBoard {
    pub owner: Owner,
    /// The rows requested, in plan order.
    pub rows: Vec<BoardRow>,
    pub answered: usize,
    pub partial: usize,
    pub empty: usize,
    pub in_conflict: usize,
    pub overdue: usize,
    /// The latest of its rows' submissions.
    pub last_answer: Option<i64>,
}

impl OwnerBoard {
    pub fn requested(&self) -> usize {
        self.rows.len()
    }

    /// Rows not answered yet.
    pub fn missing(&self) -> usize {
        self.partial + self.empty
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    pub year: FiscalYear,
    pub owners: Vec<OwnerBoard>,
    /// Rows no 担当 answers for: nobody was asked.
    pub unassigned: Vec<BoardRow>,
}

/// When rows are due: the request's deadline and the caller's today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub deadline: CalendarDate,
    pub today: CalendarDate,
}

impl Due {
    pub fn passed(self) -> bool {
        self.today > self.deadline
    }
}

/// The board of `year`. `conflicts` are the cells in conflict (from merging
/// answers); `submitted_at` says when a row was last submitted; `due` is
/// `None` when no deadline was set.
pub fn board(
    plan: &Plan,
    record: &Record,
    year: FiscalYear,
    due: Option<Due>,
    conflicts: &BTreeSet<CellKey>,
    submitted_at: impl Fn(InitiativeId) -> Option<i64>,
) -> Board {
    let row = |id: InitiativeId| BoardRow {
        in_conflict: conflicts.contains(&CellKey::Initiative(id, year)),
        submitted_at: submitted_at(id),
        ..board_row(record, id, year, due)
    };
    let assigned = assignments(plan, record, year);
    let mut owners: Vec<OwnerBoard> = assigned
        .by_owner
        .into_iter()
        .map(|(owner, ids)| owner_board(owner, ids.into_iter().map(row).collect()))
        .collect();
    owners.sort_by(|a, b| b.missing().cmp(&a.missing()).then_with(|| a.owner.cmp(&b.owner)));
    Board { year, owners, unassigned: assigned.unassigned.into_iter().map(row).collect() }
}

fn owner_board(owner: Owner, rows: Vec<BoardRow>) -> OwnerBoard {
    let count = |f: &dyn Fn(&BoardRow) -> bool| rows.iter().filter(|r| f(r)).count();
    OwnerBoard {
        owner,
        answered: count(&|r| r.state == RowState::Answered),
        partial: count(&|r| r.state == RowState::Partial),
        empty: count(&|r| r.state == RowState::Empty),
        in_conflict: count(&|r| r.in_conflict),
        overdue: count(&|r| r.overdue),
        last_answer: rows.iter().filter_map(|r| r.submitted_at).max(),
        rows,
    }
}

/// The to-do list of a 担当 who opened a request: its rows of the year, in
/// the request's order, as far as this browser's `record` has them.
pub fn to_do(record: &Record, request: &super::request::Request, due: Option<Due>) -> Vec<BoardRow> {
    request.rows.iter().map(|&id| board_row(record, id, request.year, due)).collect()
}

/// A row as `record` has it, with nothing known of conflicts or submissions.
fn board_row(record: &Record, id: InitiativeId, year: FiscalYear, due: Option<Due>) -> BoardRow {
    let state = row_state(record.initiatives.get(&(id, year)));
    BoardRow {
        id,
        state,
        in_conflict: false,
        overdue: state != RowState::Answered && due.is_some_and(Due::passed),
        submitted_at: None,
    }
}

#[cfg(test)]
#[path = "board_tests.rs"]
mod tests;
