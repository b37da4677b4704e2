//! Closing (締め) a fiscal year, and the year's cycle settings.
//!
//! Each year has one cell: whether it is closed and why (a reopening says
//! why too), the answers' deadline and the 事務局's instructions sent with
//! requests. It is stamped, merged, synced and exported like any cell, so a
//! closing travels with files and the published record, and its history
//! says who closed or reopened the year, when and why.
//!
//! While a year is closed, `Record::apply` refuses every edit of its cells
//! (`edit::EditError::YearClosed`), and `merge` leaves them as they are
//! unless the file is the closer's own (see `merge`).

use super::history::Field;
use super::{stamped_cell, Cell, Record, Stamp};
use crate::plan::FiscalYear;
use crate::timeline::CalendarDate;

/// One fiscal year's closing and cycle settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearCell {
    /// 締め: the year's cells take no edit.
    pub closed: bool,
    /// Why it was closed, or reopened (the latest of the two).
    pub reason: String,
    /// 回答期限 of the year's requests.
    pub deadline: Option<CalendarDate>,
    /// 事務局からの依頼事項, sent with the year's requests.
    pub instructions: String,
    /// As [`super::InitiativeCell::stamp`].
    pub stamp: Stamp,
    /// As [`super::InitiativeCell::written`].
    pub written: Option<Stamp>,
}

impl YearCell {
    fn content(&self) -> (bool, &str, Option<CalendarDate>, &str) {
        (self.closed, &self.reason, self.deadline, &self.instructions)
    }
}

impl Cell for YearCell {
    fn is_empty(&self) -> bool {
        self.content() == YearCell::default().content()
    }

    fn same_content(&self, other: &Self) -> bool {
        self.content() == other.content()
    }

    fn content_key(&self) -> String {
        format!("{:?}", self.content())
    }

    /// 締め (「締め」 or nothing), its reason, the deadline and the instructions.
    fn fields(&self) -> Vec<(Field, String)> {
        vec![
            (Field::Closed, if self.closed { "締め" } else { "" }.to_string()),
            (Field::Reason, self.reason.clone()),
            (Field::Deadline, self.deadline.map(|d| d.to_string()).unwrap_or_default()),
            (Field::Instructions, self.instructions.clone()),
        ]
    }

    stamped_cell!();
}

impl Record {
    /// The year's closing, if it is closed: who closed it, when and why.
    pub fn closing(&self, year: FiscalYear) -> Option<&YearCell> {
        self.years.get(&year).filter(|c| c.closed)
    }

    pub fn is_closed(&self, year: FiscalYear) -> bool {
        self.closing(year).is_some()
    }
}

#[cfg(test)]
#[path = "closing_tests.rs"]
mod tests;
