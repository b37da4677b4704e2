//! Combining two records — a colleague's file, or what another tab saved —
//! cell by cell, without losing any. A cell only one side has is taken. Where
//! both have the same cell with different contents, the newer edit wins and
//! the other is returned in `conflicts`, for the user to see and, if they
//! wish, take instead.
//!
//! A closed year is not changed by a file: where the merged record has the
//! year closed, the file's cells of that year are left out and listed in
//! `refused`, unless the file's own year cell is that very closing (the same
//! stamp): the closer's file, whose cells are what was closed.

use std::collections::BTreeMap;

use super::edit::Edit;
use super::{
    each_kind, history, Cell, CellKey, CouncilCell, InitiativeCell, Kind, KpiCell, Record, ReviewCell, Stamp, YearCell,
};
use crate::plan::FiscalYear;

/// The losing side of a cell both records changed.
// Conflicts are few and short-lived: two cells inline read better than boxes.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    Initiative { key: CellKey, kept: InitiativeCell, other: InitiativeCell },
    Kpi { key: CellKey, kept: KpiCell, other: KpiCell },
    Council { key: CellKey, kept: CouncilCell, other: CouncilCell },
    Review { key: CellKey, kept: ReviewCell, other: ReviewCell },
    Year { key: CellKey, kept: YearCell, other: YearCell },
}

impl Conflict {
    pub fn key(&self) -> CellKey {
        match self {
            Conflict::Initiative { key, .. }
            | Conflict::Kpi { key, .. }
            | Conflict::Council { key, .. }
            | Conflict::Review { key, .. }
            | Conflict::Year { key, .. } => *key,
        }
    }

    /// The edit that takes the losing side after all: a decision made now,
    /// so the cell's last change is `stamp` (it must beat the side it
    /// replaces wherever the two meet), while its author stays the other
    /// side's. `None` if the key does not match the cell kind.
    pub fn take_other(&self, stamp: Stamp) -> Option<Edit> {
        fn take<C: Kind>(key: C::Key, other: &C, stamp: Stamp) -> Edit {
            let mut cell = other.clone();
            *cell.written_mut() = Some(other.author_stamp().clone());
            *cell.stamp_mut() = stamp;
            C::replace(key, Some(cell))
        }
        Some(match (self, self.key()) {
            (Conflict::Initiative { other, .. }, CellKey::Initiative(id, year)) => take((id, year), other, stamp),
            (Conflict::Kpi { other, .. }, CellKey::Kpi(code, year)) => take((code, year), other, stamp),
            (Conflict::Council { other, .. }, CellKey::Council(policy, year)) => take((policy, year), other, stamp),
            (Conflict::Review { other, .. }, CellKey::Review(id, year)) => take((id, year), other, stamp),
            (Conflict::Year { other, .. }, CellKey::Year(year)) => take(year, other, stamp),
            _ => return None,
        })
    }

    /// Who made the losing edit, and when: with the key, it names the edit.
    pub fn other_stamp(&self) -> &Stamp {
        match self {
            Conflict::Initiative { other, .. } => other.stamp(),
            Conflict::Kpi { other, .. } => other.stamp(),
            Conflict::Council { other, .. } => other.stamp(),
            Conflict::Review { other, .. } => other.stamp(),
            Conflict::Year { other, .. } => other.stamp(),
        }
    }
}

/// Why a file's cell was not taken.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The cell's year is closed here (`closing`: who closed it, when, why),
    /// and the file is not the closer's.
    YearClosed { year: FiscalYear, closing: YearCell },
}

/// A file's cell that was left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub key: CellKey,
    pub why: Refusal,
}

/// What merging `incoming` into `local` gives, and what it would change: the
/// import preview shows `added`, `changed`, `conflicts` and `refused` before
/// anything is applied.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeOutcome {
    pub merged: Record,
    /// Cells only `incoming` has.
    pub added: Vec<CellKey>,
    /// Cells where `incoming` is newer and replaces `local` (its old value is in `conflicts`).
    pub changed: Vec<CellKey>,
    /// For every cell both sides changed differently, the side that did not win.
    pub conflicts: Vec<Conflict>,
    /// The file's cells that were not taken (not in `added`, `changed` nor
    /// `conflicts`), each with why.
    pub refused: Vec<Refused>,
}

impl MergeOutcome {
    pub fn changes_nothing(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty()
    }

    /// `incoming`'s history but for the cells refused: what the import adds
    /// to the local history.
    pub fn history_taken(&self, incoming: &Record) -> history::Log {
        let mut taken = incoming.history.clone();
        for refused in &self.refused {
            taken.remove(&refused.key);
        }
        taken
    }

    /// Applying the merge to `local` as one edit (one step of undo): every
    /// added or changed cell set whole, with its incoming stamp kept. Years
    /// that end open are set first; years that end closed are set last, and
    /// set (if only to what they were) wherever their cells are: a closed
    /// year's cells are taken with its closing (`Record::apply`).
    pub fn edit(&self) -> Option<Edit> {
        let keys: Vec<CellKey> = self.added.iter().chain(&self.changed).copied().collect();
        let closed = |year: FiscalYear| self.merged.is_closed(year);
        let (years, cells): (Vec<CellKey>, Vec<CellKey>) = keys.iter().partition(|key| matches!(key, CellKey::Year(_)));
        let (opened, mut closings): (Vec<CellKey>, Vec<CellKey>) =
            years.into_iter().partition(|key| !closed(key.year()));
        for key in &cells {
            let year = CellKey::Year(key.year());
            if closed(key.year()) && !closings.contains(&year) {
                closings.push(year);
            }
        }
        let replace =
            |key: CellKey| super::by_kind!(key, C, k => C::replace(k, C::cells(&self.merged).get(&k).cloned()));
        let edits: Vec<Edit> = opened.into_iter().chain(cells).chain(closings).map(replace).collect();
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }
}

/// Merges `incoming` into `local`. On equal timestamps `local` wins, so
/// merging is deterministic and merging a record into itself changes nothing.
pub fn merge(local: &Record, incoming: &Record) -> MergeOutcome {
    let mut out = MergeOutcome { merged: local.clone(), ..MergeOutcome::default() };
    each_kind!(merge_kind(&mut out, incoming));
    // A file's cell is added even where this browser cleared one (the
    // preview lists it); the file's own clearings are not taken.
    out.merged.drop_cleared_cells();
    let taken = out.history_taken(incoming);
    history::union(&mut out.merged.history, &taken);
    out
}

/// Why the file's cells of `year` may not change `merged`, if they may not.
/// Years are merged first, so `merged` holds the year's outcome.
fn refusal(merged: &Record, incoming: &Record, year: FiscalYear) -> Option<Refusal> {
    let closing = merged.closing(year)?;
    let closers = incoming.closing(year).is_some_and(|theirs| theirs.stamp == closing.stamp);
    (!closers).then(|| Refusal::YearClosed { year, closing: closing.clone() })
}

fn merge_kind<C: Kind>(out: &mut MergeOutcome, incoming: &Record) {
    for (&k, their) in C::cells(incoming) {
        let key = C::cell_key(k);
        // A year's own cell is merged like any: it is what closes or reopens it.
        let guarded = !matches!(key, CellKey::Year(_));
        let ours = C::cells(&out.merged).get(&k);
        let news = |our: &C| C::STAMP_IS_NEWS && their.stamp().updated_at > our.stamp().updated_at;
        if ours.is_some_and(|our| our.same_content(their) && !news(our)) {
            continue;
        }
        if let Some(why) = guarded.then(|| refusal(&out.merged, incoming, key.year())).flatten() {
            out.refused.push(Refused { key, why });
            continue;
        }
        let cells: &mut BTreeMap<C::Key, C> = C::cells_mut(&mut out.merged);
        match cells.get_mut(&k) {
            None => {
                cells.insert(k, their.clone());
                out.added.push(key);
            }
            Some(our) if their.stamp().updated_at > our.stamp().updated_at => {
                out.changed.push(key);
                let replaced = std::mem::replace(our, their.clone());
                if !replaced.same_content(their) {
                    out.conflicts.push(C::conflict(k, their.clone(), replaced));
                }
            }
            Some(our) => out.conflicts.push(C::conflict(k, our.clone(), their.clone())),
        }
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
