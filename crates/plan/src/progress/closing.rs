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

use std::fmt;

use serde::{Deserialize, Serialize};

use super::history::Field;
use super::{kind_maps, stamped_cell, Cell, CellKey, Kind, Record, Stamp};
use crate::plan::FiscalYear;

/// A calendar date, `YYYY-MM-DD` in files and fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY-MM-DD` (digits, four-two-two, hyphens).
    Format(String),
    /// A month or day the calendar does not have (2025-02-29).
    NoSuchDay(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(text) => write!(f, "{text:?} is not a date written YYYY-MM-DD"),
            DateError::NoSuchDay(text) => write!(f, "{text:?} is not a day of the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The date `year`-`month`-`day`, if the calendar has it (years 1–9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` (surrounding spaces ignored).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let trimmed = text.trim();
        let bytes = trimmed.as_bytes();
        let shape = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
        let number = |range: std::ops::Range<usize>| trimmed.get(range).and_then(|s| s.parse::<u16>().ok());
        let (true, Some(year), Some(month), Some(day)) = (shape, number(0..4), number(5..7), number(8..10)) else {
            return Err(DateError::Format(text.to_string()));
        };
        let (month, day) = (u8::try_from(month).unwrap_or(0), u8::try_from(day).unwrap_or(0));
        Date::new(year, month, day).ok_or_else(|| DateError::NoSuchDay(text.to_string()))
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// One fiscal year's closing and cycle settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearCell {
    /// 締め: the year's cells take no edit.
    pub closed: bool,
    /// Why it was closed, or reopened (the latest of the two).
    pub reason: String,
    /// 回答期限 of the year's requests.
    pub deadline: Option<Date>,
    /// 事務局からの依頼事項, sent with the year's requests.
    pub instructions: String,
    /// As [`super::InitiativeCell::stamp`].
    pub stamp: Stamp,
    /// As [`super::InitiativeCell::written`].
    pub written: Option<Stamp>,
}

impl YearCell {
    fn content(&self) -> (bool, &str, Option<Date>, &str) {
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

impl Kind for YearCell {
    type Key = FiscalYear;
    /// A year closed again after a reopening says the same as the first
    /// closing; which closing it is decides whose cells a file may bring.
    const STAMP_IS_NEWS: bool = true;
    kind_maps!(years);
    fn cell_key(year: Self::Key) -> CellKey {
        CellKey::Year(year)
    }
    fn conflict(key: Self::Key, kept: Self, other: Self) -> super::merge::Conflict {
        super::merge::Conflict::Year { key: Self::cell_key(key), kept, other }
    }
    fn replace(year: Self::Key, cell: Option<Self>) -> super::edit::Edit {
        super::edit::Edit::ReplaceYear { year, cell }
    }
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
