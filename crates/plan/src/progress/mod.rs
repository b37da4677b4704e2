//! What staff record about the plan's progress, per fiscal year: a status and
//! a note for each initiative, values and a note for each KPI. Plain data and
//! pure functions: edits are values applied by one function (`edit`), files
//! are versioned documents checked completely before use (`document`), and
//! two records combine without losing a cell (`merge`).

pub mod checks;
pub mod csv;
pub mod document;
pub mod edit;
pub mod merge;
pub mod overview;
pub mod report;
pub mod stored;
pub mod sync;
pub mod xlsx;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::plan::{FiscalYear, InitiativeId, KpiCode};

/// 進捗状況.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    #[serde(rename = "未着手")]
    NotStarted,
    #[serde(rename = "実施中")]
    InProgress,
    #[serde(rename = "完了")]
    Done,
    #[serde(rename = "遅れ")]
    Delayed,
    #[serde(rename = "見直し")]
    Revising,
    #[serde(rename = "中止")]
    Stopped,
}

impl Status {
    pub const ALL: [Status; 6] =
        [Status::NotStarted, Status::InProgress, Status::Done, Status::Delayed, Status::Revising, Status::Stopped];

    pub fn as_ja(self) -> &'static str {
        match self {
            Status::NotStarted => "未着手",
            Status::InProgress => "実施中",
            Status::Done => "完了",
            Status::Delayed => "遅れ",
            Status::Revising => "見直し",
            Status::Stopped => "中止",
        }
    }
}

/// Who last changed a cell, and when (milliseconds since the Unix epoch, from
/// the caller's clock: the core never reads one).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stamp {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub updated_at: i64,
}

/// One initiative in one fiscal year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InitiativeCell {
    pub status: Option<Status>,
    pub note: String,
    pub stamp: Stamp,
}

/// One KPI in one fiscal year, in the KPI's unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KpiCell {
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub note: String,
    pub stamp: Stamp,
}

/// What edits, documents and merging need of a cell.
pub trait Cell: Clone + Default {
    /// Nothing recorded: such a cell is not kept.
    fn is_empty(&self) -> bool;
    /// Equal in what was recorded, whoever recorded it and when.
    fn same_content(&self, other: &Self) -> bool;
    fn stamp(&self) -> &Stamp;
    fn stamp_mut(&mut self) -> &mut Stamp;
    /// The recorded content as text, only to order two edits made in the
    /// same millisecond the same way in every tab.
    fn content_key(&self) -> String;

    /// Whether this edit beats `other` when both changed one cell: the later
    /// one, with ties settled the same way wherever they are compared.
    fn wins_over(&self, other: &Self) -> bool {
        let a = (self.stamp().updated_at, &self.stamp().author);
        let b = (other.stamp().updated_at, &other.stamp().author);
        a > b || (a == b && self.content_key() > other.content_key())
    }
}

impl Cell for InitiativeCell {
    fn is_empty(&self) -> bool {
        self.status.is_none() && self.note.is_empty()
    }

    fn same_content(&self, other: &Self) -> bool {
        self.status == other.status && self.note == other.note
    }

    fn content_key(&self) -> String {
        format!("{:?}\u{0}{}", self.status, self.note)
    }

    fn stamp(&self) -> &Stamp {
        &self.stamp
    }

    fn stamp_mut(&mut self) -> &mut Stamp {
        &mut self.stamp
    }
}

impl Cell for KpiCell {
    fn is_empty(&self) -> bool {
        self.baseline.is_none() && self.target.is_none() && self.actual.is_none() && self.note.is_empty()
    }

    fn same_content(&self, other: &Self) -> bool {
        self.baseline == other.baseline
            && self.target == other.target
            && self.actual == other.actual
            && self.note == other.note
    }

    fn content_key(&self) -> String {
        format!("{:?}\u{0}{:?}\u{0}{:?}\u{0}{}", self.baseline, self.target, self.actual, self.note)
    }

    fn stamp(&self) -> &Stamp {
        &self.stamp
    }

    fn stamp_mut(&mut self) -> &mut Stamp {
        &mut self.stamp
    }
}

/// Where a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CellKey {
    Initiative(InitiativeId, FiscalYear),
    Kpi(KpiCode, FiscalYear),
}

/// Everything recorded. Empty cells are not kept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    pub initiatives: BTreeMap<(InitiativeId, FiscalYear), InitiativeCell>,
    pub kpis: BTreeMap<(KpiCode, FiscalYear), KpiCell>,
}

impl Record {
    pub fn is_empty(&self) -> bool {
        self.initiatives.is_empty() && self.kpis.is_empty()
    }

    pub fn cell_count(&self) -> usize {
        self.initiatives.len() + self.kpis.len()
    }
}

#[cfg(test)]
mod format_props_tests;
#[cfg(test)]
mod merge_props_tests;
