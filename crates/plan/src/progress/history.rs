//! How a cell came to say what it says: one entry per change of one field
//! (before, after, who, when). Entries are facts: they are only ever added,
//! two records' histories combine by union without duplicates, and an undo
//! is a change like any other. A cell keeps its latest [`MAX_ENTRIES`]
//! entries and counts those it let go, so the bound is never silent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{CellKey, Stamp};

/// Entries kept per cell; older ones are counted in [`CellHistory::omitted`].
pub const MAX_ENTRIES: usize = 100;

/// Keystrokes by one person in one field within this span are one entry
/// (its `after` and time follow the typing), not one per character.
pub const TYPING_SPAN_MS: i64 = 5 * 60 * 1000;

/// A field of a cell, as history names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Status,
    Results,
    Grade,
    Challenges,
    WayForward,
    Owners,
    Links,
    Note,
    Baseline,
    Target,
    Actual,
    /// 振興会議の意見.
    Opinion,
    /// 市の対応.
    Response,
    /// 提出済 or 確認済 (`review::ReviewCell`).
    Review,
    /// The 事務局's comment on confirming.
    ReviewComment,
    /// 締め (`closing::YearCell`).
    Closed,
    /// Why the year was closed or reopened.
    Reason,
    /// 回答期限.
    Deadline,
    /// 事務局からの依頼事項.
    Instructions,
}

impl Field {
    /// The field's name in files (`way_forward`): also what pages and tests
    /// name it by.
    pub fn name(self) -> &'static str {
        match self {
            Field::Status => "status",
            Field::Results => "results",
            Field::Grade => "grade",
            Field::Challenges => "challenges",
            Field::WayForward => "way_forward",
            Field::Owners => "owners",
            Field::Links => "links",
            Field::Note => "note",
            Field::Baseline => "baseline",
            Field::Target => "target",
            Field::Actual => "actual",
            Field::Opinion => "opinion",
            Field::Response => "response",
            Field::Review => "review",
            Field::ReviewComment => "review_comment",
            Field::Closed => "closed",
            Field::Reason => "reason",
            Field::Deadline => "deadline",
            Field::Instructions => "instructions",
        }
    }
}

impl Field {
    /// A decision (an answer recorded, a confirmation, a closing), never
    /// folded with the one before it as keystrokes are.
    fn is_decision(self) -> bool {
        matches!(self, Field::Review | Field::ReviewComment | Field::Closed | Field::Reason | Field::Deadline)
    }
}

/// One change of one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub field: Field,
    /// The field's value as text before and after ("" for nothing).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub before: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub after: String,
    /// Who made the change, and when.
    pub stamp: Stamp,
    /// When the new value was someone else's (a conflict's other side taken,
    /// a colleague's file applied): who wrote it, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Stamp>,
}

impl Entry {
    /// Entries are listed in time order; equal times in a fixed order.
    fn order_key(&self) -> (i64, &Option<String>, Field, &str, &str) {
        (self.stamp.updated_at, &self.stamp.author, self.field, &self.before, &self.after)
    }
}

/// The history of one cell.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CellHistory {
    /// Oldest first.
    pub entries: Vec<Entry>,
    /// Older entries let go to keep [`MAX_ENTRIES`] (at least this many).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub omitted: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl CellHistory {
    /// Adds the changes between two listings of a cell's fields.
    pub(crate) fn log(
        &mut self,
        before: &[(Field, String)],
        after: &[(Field, String)],
        stamp: &Stamp,
        from: Option<&Stamp>,
    ) {
        for ((field, old), (_, new)) in before.iter().zip(after) {
            if old == new {
                continue;
            }
            let continues = self.entries.last_mut().filter(|last| {
                from.is_none()
                    && !field.is_decision()
                    && last.from.is_none()
                    && last.field == *field
                    && last.stamp.author == stamp.author
                    && (0..TYPING_SPAN_MS).contains(&(stamp.updated_at - last.stamp.updated_at))
            });
            match continues {
                Some(last) => {
                    last.after = new.clone();
                    last.stamp.updated_at = stamp.updated_at;
                }
                None => self.entries.push(Entry {
                    field: *field,
                    before: old.clone(),
                    after: new.clone(),
                    stamp: stamp.clone(),
                    from: from.cloned(),
                }),
            }
        }
        // A run of typing that ends where it started changed nothing.
        self.entries.retain(|e| e.before != e.after);
        self.bound();
    }

    /// Adds `other`'s entries that this history lacks.
    pub fn union(&mut self, other: &CellHistory) {
        self.omitted = self.omitted.max(other.omitted);
        for entry in &other.entries {
            if !self.entries.contains(entry) {
                self.entries.push(entry.clone());
            }
        }
        self.entries.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        self.bound();
    }

    pub(crate) fn bound(&mut self) {
        if self.entries.len() > MAX_ENTRIES {
            let over = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..over);
            self.omitted = self.omitted.saturating_add(u32::try_from(over).unwrap_or(u32::MAX));
        }
    }
}

/// Every cell's history.
pub type Log = BTreeMap<CellKey, CellHistory>;

/// Adds `other`'s entries to `log`, cell by cell.
pub fn union(log: &mut Log, other: &Log) {
    for (key, history) in other {
        log.entry(*key).or_default().union(history);
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
