//! Combining two records — a colleague's file, or what another tab saved —
//! cell by cell, without losing any. A cell only one side has is taken. Where
//! both have the same cell with different contents, the newer edit wins and
//! the other is returned in `conflicts`, for the user to see and, if they
//! wish, take instead.

use std::collections::BTreeMap;

use super::edit::Edit;
use super::{history, Cell, CellKey, CouncilCell, InitiativeCell, KpiCell, Record, Stamp};

/// The losing side of a cell both records changed.
// Conflicts are few and short-lived: two cells inline read better than boxes.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    Initiative { key: CellKey, kept: InitiativeCell, other: InitiativeCell },
    Kpi { key: CellKey, kept: KpiCell, other: KpiCell },
    Council { key: CellKey, kept: CouncilCell, other: CouncilCell },
}

impl Conflict {
    pub fn key(&self) -> CellKey {
        match self {
            Conflict::Initiative { key, .. } | Conflict::Kpi { key, .. } | Conflict::Council { key, .. } => *key,
        }
    }

    /// The edit that takes the losing side after all: a decision made now,
    /// so the cell's last change is `stamp` (it must beat the side it
    /// replaces wherever the two meet), while its author stays the other
    /// side's. `None` if the key does not match the cell kind.
    pub fn take_other(&self, stamp: Stamp) -> Option<Edit> {
        match self {
            Conflict::Initiative { key: CellKey::Initiative(id, year), other, .. } => {
                let cell = InitiativeCell { stamp, written: Some(other.author_stamp().clone()), ..other.clone() };
                Some(Edit::ReplaceInitiative { id: *id, year: *year, cell: Some(cell) })
            }
            Conflict::Kpi { key: CellKey::Kpi(code, year), other, .. } => {
                let cell = KpiCell { stamp, written: Some(other.author_stamp().clone()), ..other.clone() };
                Some(Edit::ReplaceKpi { code: *code, year: *year, cell: Some(cell) })
            }
            Conflict::Council { key: CellKey::Council(policy, year), other, .. } => {
                let cell = CouncilCell { stamp, written: Some(other.author_stamp().clone()), ..other.clone() };
                Some(Edit::ReplaceCouncil { policy: *policy, year: *year, cell: Some(cell) })
            }
            _ => None,
        }
    }

    /// Who made the losing edit, and when: with the key, it names the edit.
    pub fn other_stamp(&self) -> &Stamp {
        match self {
            Conflict::Initiative { other, .. } => &other.stamp,
            Conflict::Kpi { other, .. } => &other.stamp,
            Conflict::Council { other, .. } => &other.stamp,
        }
    }
}

/// What merging `incoming` into `local` gives, and what it would change: the
/// import preview shows `added`, `changed` and `conflicts` before anything
/// is applied.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeOutcome {
    pub merged: Record,
    /// Cells only `incoming` has.
    pub added: Vec<CellKey>,
    /// Cells where `incoming` is newer and replaces `local` (its old value is in `conflicts`).
    pub changed: Vec<CellKey>,
    /// For every cell both sides changed differently, the side that did not win.
    pub conflicts: Vec<Conflict>,
}

impl MergeOutcome {
    pub fn changes_nothing(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty()
    }

    /// Applying the merge to `local` as one edit (one step of undo): every
    /// added or changed cell set whole, with its incoming stamp kept.
    pub fn edit(&self) -> Option<Edit> {
        let edits: Vec<Edit> = self
            .added
            .iter()
            .chain(&self.changed)
            .map(|key| match *key {
                CellKey::Initiative(id, year) => {
                    Edit::ReplaceInitiative { id, year, cell: self.merged.initiatives.get(&(id, year)).cloned() }
                }
                CellKey::Kpi(code, year) => {
                    Edit::ReplaceKpi { code, year, cell: self.merged.kpis.get(&(code, year)).cloned() }
                }
                CellKey::Council(policy, year) => {
                    Edit::ReplaceCouncil { policy, year, cell: self.merged.council.get(&(policy, year)).cloned() }
                }
            })
            .collect();
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }
}

/// Merges `incoming` into `local`. On equal timestamps `local` wins, so
/// merging is deterministic and merging a record into itself changes nothing.
pub fn merge(local: &Record, incoming: &Record) -> MergeOutcome {
    let mut out = MergeOutcome { merged: local.clone(), ..MergeOutcome::default() };
    let MergeOutcome { merged, added, changed, conflicts } = &mut out;
    let mut lists = Lists { added, changed, conflicts };
    merge_cells(
        &mut merged.initiatives,
        &incoming.initiatives,
        &mut lists,
        |(id, year)| CellKey::Initiative(id, year),
        |key, kept, other| Conflict::Initiative { key, kept, other },
    );
    merge_cells(
        &mut merged.kpis,
        &incoming.kpis,
        &mut lists,
        |(code, year)| CellKey::Kpi(code, year),
        |key, kept, other| Conflict::Kpi { key, kept, other },
    );
    merge_cells(
        &mut merged.council,
        &incoming.council,
        &mut lists,
        |(policy, year)| CellKey::Council(policy, year),
        |key, kept, other| Conflict::Council { key, kept, other },
    );
    // A file's cell is added even where this browser cleared one (the
    // preview lists it); the file's own clearings are not taken.
    out.merged.drop_cleared_cells();
    history::union(&mut out.merged.history, &incoming.history);
    out
}

struct Lists<'a> {
    added: &'a mut Vec<CellKey>,
    changed: &'a mut Vec<CellKey>,
    conflicts: &'a mut Vec<Conflict>,
}

fn merge_cells<K: Ord + Copy, C: Cell>(
    ours: &mut BTreeMap<K, C>,
    theirs: &BTreeMap<K, C>,
    lists: &mut Lists,
    cell_key: impl Fn(K) -> CellKey,
    conflict: impl Fn(CellKey, C, C) -> Conflict,
) {
    for (&k, their) in theirs {
        let key = cell_key(k);
        match ours.get_mut(&k) {
            None => {
                ours.insert(k, their.clone());
                lists.added.push(key);
            }
            Some(our) if our.same_content(their) => {}
            Some(our) if their.stamp().updated_at > our.stamp().updated_at => {
                lists.changed.push(key);
                let replaced = std::mem::replace(our, their.clone());
                lists.conflicts.push(conflict(key, their.clone(), replaced));
            }
            Some(our) => lists.conflicts.push(conflict(key, our.clone(), their.clone())),
        }
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
