//! Keeping one browser's tabs in step, and layering a staff member's drafts
//! over the city's published record.
//!
//! Tabs share one stored document. Each tab remembers the document as it
//! last saw it (the base); when another tab saves, `merge3` takes their
//! changes to cells this tab left alone, keeps this tab's changes to cells
//! they left alone, and only where both changed the same cell differently
//! lets the newer edit win and lists the other as a conflict. Comparing with
//! the base is what tells "they changed it after me" from "we both changed
//! it": timestamps alone would report every edit of another tab as a
//! conflict.

use std::collections::{BTreeMap, BTreeSet};

use super::merge::Conflict;
use super::{Cell, CellKey, InitiativeCell, KpiCell, Record};

/// What `merge3` gives: the combined record, and the losing side of every
/// cell both tabs changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyncOutcome {
    pub merged: Record,
    pub conflicts: Vec<Conflict>,
}

/// Three-way merge of `ours` and `theirs`, both descended from `base`.
pub fn merge3(base: &Record, ours: &Record, theirs: &Record) -> SyncOutcome {
    let mut out = SyncOutcome::default();
    out.merged.initiatives = merge3_cells(
        &base.initiatives,
        &ours.initiatives,
        &theirs.initiatives,
        &mut out.conflicts,
        |(id, year), kept, other: InitiativeCell| Conflict::Initiative {
            key: CellKey::Initiative(id, year),
            kept,
            other,
        },
    );
    out.merged.kpis =
        merge3_cells(&base.kpis, &ours.kpis, &theirs.kpis, &mut out.conflicts, |(code, year), kept, other: KpiCell| {
            Conflict::Kpi { key: CellKey::Kpi(code, year), kept, other }
        });
    out
}

fn merge3_cells<K: Ord + Copy, C: Cell + PartialEq>(
    base: &BTreeMap<K, C>,
    ours: &BTreeMap<K, C>,
    theirs: &BTreeMap<K, C>,
    conflicts: &mut Vec<Conflict>,
    conflict: impl Fn(K, C, C) -> Conflict,
) -> BTreeMap<K, C> {
    let keys: BTreeSet<K> = base.keys().chain(ours.keys()).chain(theirs.keys()).copied().collect();
    let mut merged = BTreeMap::new();
    for k in keys {
        let (b, o, t) = (base.get(&k), ours.get(&k), theirs.get(&k));
        let kept = if o == t || t == b {
            o
        } else if o == b && !older_rival(o, t) {
            t
        } else {
            match (o, t) {
                (Some(o), Some(t)) => {
                    let (winner, loser) = if t.wins_over(o) { (t, o) } else { (o, t) };
                    if !winner.same_content(loser) {
                        conflicts.push(conflict(k, winner.clone(), loser.clone()));
                    }
                    Some(winner)
                }
                // One side cleared the cell, the other changed it: keeping
                // the change loses nothing.
                (Some(o), None) => Some(o),
                (None, t) => t,
            }
        };
        if let Some(cell) = kept {
            merged.insert(k, cell.clone());
        }
    }
    merged
}

/// Two tabs that save at nearly the same moment each write before seeing
/// the other's record, so each later finds "theirs" differing from a base
/// that is its own last write. Theirs is then no later edit but a rival
/// one: tabs share one clock, so an edit made after seeing ours would be
/// stamped later than ours.
fn older_rival<C: Cell>(ours: Option<&C>, theirs: Option<&C>) -> bool {
    match (ours, theirs) {
        (Some(o), Some(t)) => o.wins_over(t),
        _ => false,
    }
}

/// The record every visitor sees: the published cells, with this browser's
/// own cells over them.
pub fn overlay(published: &Record, local: &Record) -> Record {
    let mut out = published.clone();
    out.initiatives.extend(local.initiatives.iter().map(|(k, c)| (*k, c.clone())));
    out.kpis.extend(local.kpis.iter().map(|(k, c)| (*k, c.clone())));
    out
}

/// A local cell that says something the published record does not.
pub fn is_draft(published: &Record, local: &Record, key: CellKey) -> bool {
    match key {
        CellKey::Initiative(id, year) => {
            differs(published.initiatives.get(&(id, year)), local.initiatives.get(&(id, year)))
        }
        CellKey::Kpi(code, year) => differs(published.kpis.get(&(code, year)), local.kpis.get(&(code, year))),
    }
}

fn differs<C: Cell>(published: Option<&C>, local: Option<&C>) -> bool {
    match (published, local) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(p), Some(l)) => !p.same_content(l),
    }
}

/// Before the first local edit of a published cell, copies it into `local`,
/// so that changing its status keeps its published note (and the like).
pub fn seed(local: &mut Record, published: &Record, key: CellKey) {
    match key {
        CellKey::Initiative(id, year) => seed_cell(&mut local.initiatives, &published.initiatives, (id, year)),
        CellKey::Kpi(code, year) => seed_cell(&mut local.kpis, &published.kpis, (code, year)),
    }
}

fn seed_cell<K: Ord + Copy, C: Cell>(local: &mut BTreeMap<K, C>, published: &BTreeMap<K, C>, key: K) {
    if let (None, Some(p)) = (local.get(&key), published.get(&key)) {
        local.insert(key, p.clone());
    }
}

#[cfg(test)]
#[path = "sync_tests.rs"]
mod tests;
