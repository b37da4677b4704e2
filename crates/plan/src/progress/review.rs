//! The review of each initiative's line in a year: 記入中 (drafting) →
//! 提出済 (the 担当's answer came) → 確認済 (the 事務局 checked it) → 公表
//! (the published file says the same).
//!
//! The state is derived, never stored: a review cell keeps who answered and
//! the confirmation with a fingerprint of the line as it was confirmed, and
//! [`state`] compares that fingerprint with the line as it is now. A change
//! after 確認済 thus drops the line back to 提出済 by itself, wherever the
//! change came from (typing, an import, another tab), and the state says who
//! changed it after whose confirmation.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::history::Field;
use super::{stamped_cell, Cell, InitiativeCell, Kind, Record, Stamp};
use crate::plan::{FiscalYear, InitiativeId, Plan};

/// A stable hash of an initiative's line: FNV-1a (64 bits) over each
/// non-empty field's file name and text (`Cell::fields`), each followed by
/// NUL. Only what the line says counts, not who wrote it; a field added in a
/// later version is empty in lines confirmed before it, so their
/// fingerprints stay the same. Written in files as 16 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(pub u64);

impl Fingerprint {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    /// The fingerprint of a line; `None` (no line kept) is the empty line's.
    pub fn of(cell: Option<&InitiativeCell>) -> Fingerprint {
        let fields = cell.map(Cell::fields).unwrap_or_default();
        let hash = fields
            .iter()
            .filter(|(_, text)| !text.is_empty())
            .flat_map(|(field, text)| [field.name(), text.as_str()])
            .fold(Fingerprint::OFFSET, |hash, part| fnv1a(fnv1a(hash, part.as_bytes()), &[0]));
        Fingerprint(hash)
    }
}

/// FNV-1a: `hash` continued over `bytes`.
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(Fingerprint::PRIME))
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let hex = text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit());
        match u64::from_str_radix(&text, 16) {
            Ok(n) if hex => Ok(Fingerprint(n)),
            _ => Err(serde::de::Error::custom(format!("{text:?} is not a fingerprint of 16 hex digits"))),
        }
    }
}

/// The 事務局's check of a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// The line as it was confirmed.
    pub fingerprint: Fingerprint,
    /// Who confirmed it, and when.
    pub by: Stamp,
    /// Sent back to the 担当 with the next request.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// The review of one initiative in one fiscal year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewCell {
    /// Who answered, and when (the answer file's author and time).
    pub submitted: Option<Stamp>,
    pub confirmed: Option<Confirmation>,
    /// As [`InitiativeCell::stamp`].
    pub stamp: Stamp,
    /// As [`InitiativeCell::written`].
    pub written: Option<Stamp>,
}

impl Cell for ReviewCell {
    fn is_empty(&self) -> bool {
        self.submitted.is_none() && self.confirmed.is_none()
    }

    fn same_content(&self, other: &Self) -> bool {
        (&self.submitted, &self.confirmed) == (&other.submitted, &other.confirmed)
    }

    fn content_key(&self) -> String {
        format!("{:?}\u{0}{:?}", self.submitted, self.confirmed)
    }

    /// 提出済 or 確認済, and the confirmation's comment.
    fn fields(&self) -> Vec<(Field, String)> {
        let state = match (&self.submitted, &self.confirmed) {
            (_, Some(_)) => "確認済",
            (Some(_), None) => "提出済",
            (None, None) => "",
        };
        let comment = self.confirmed.as_ref().map(|c| c.comment.clone()).unwrap_or_default();
        vec![(Field::Review, state.to_string()), (Field::ReviewComment, comment)]
    }

    stamped_cell!();
}

/// Where a line stands in the year's review.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewState {
    /// 記入中: no answer has come and nothing was confirmed.
    Drafting,
    /// 提出済: answered, not (or no longer) confirmed.
    Submitted {
        /// Who answered, and when (`None`: confirmed without an answer file).
        answer: Option<Stamp>,
        /// Set when the line was confirmed and has changed since: why it is
        /// back here.
        changed_after_confirmation: Option<ChangedAfterConfirmation>,
    },
    /// 確認済: the line says what the 事務局 confirmed.
    Confirmed(Confirmation),
    /// 公表: confirmed, and the published file says the same.
    Published(Confirmation),
}

/// A confirmed line that changed afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedAfterConfirmation {
    /// The confirmation that no longer holds (who, when, comment).
    pub confirmation: Confirmation,
    /// The line's last change: who, and when (`None` when the record keeps
    /// no trace of it, e.g. a line that came and went with a merge).
    pub changed: Option<Stamp>,
}

/// The review state of initiative `id` (a re-listed row reads its
/// original's) in `year`. `published`: the city's published record, if any.
pub fn state(
    record: &Record,
    plan: &Plan,
    id: InitiativeId,
    year: FiscalYear,
    published: Option<&Record>,
) -> ReviewState {
    let key = (plan.record_id(id), year);
    let Some(review) = record.reviews.get(&key) else { return ReviewState::Drafting };
    let line = record.initiatives.get(&key);
    let answer = review.submitted.clone();
    match &review.confirmed {
        None if answer.is_none() => ReviewState::Drafting,
        None => ReviewState::Submitted { answer, changed_after_confirmation: None },
        Some(confirmation) if confirmation.fingerprint == Fingerprint::of(line) => {
            let public =
                published.is_some_and(|p| Fingerprint::of(p.initiatives.get(&key)) == confirmation.fingerprint);
            if public {
                ReviewState::Published(confirmation.clone())
            } else {
                ReviewState::Confirmed(confirmation.clone())
            }
        }
        Some(confirmation) => {
            let changed = InitiativeCell::slot(record, key).map(|c| c.stamp);
            let why = ChangedAfterConfirmation { confirmation: confirmation.clone(), changed };
            ReviewState::Submitted { answer, changed_after_confirmation: Some(why) }
        }
    }
}

/// Whether the line of `id` in `year` says what was confirmed (確認済 or 公表).
pub fn is_confirmed(record: &Record, plan: &Plan, id: InitiativeId, year: FiscalYear) -> bool {
    matches!(state(record, plan, id, year, None), ReviewState::Confirmed(_))
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
