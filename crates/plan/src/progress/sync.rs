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
//!
//! A closing is merged like any cell, so two tabs end with the year closed
//! in both, and each refuses edits of it from then on. An edit another tab
//! made before it saw the closing is kept, not refused: the same browser's
//! tabs are one person's, and they converge; files from others are what
//! `merge` guards a closed year against.

use std::collections::BTreeSet;

use super::merge::Conflict;
use super::{by_kind, each_kind, history, Cell, CellKey, Kind, Record};

/// What `merge3` gives: the combined record, and the losing side of every
/// cell both tabs changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyncOutcome {
    pub merged: Record,
    pub conflicts: Vec<Conflict>,
}

/// Three-way merge of `ours` and `theirs`, both descended from `base`.
///
/// A cell the base had that theirs neither has nor cleared was never seen by
/// theirs (they saved before our write reached them, or storage was wiped):
/// it is kept, never read as cleared. Cleared cells (tombstones) take part as
/// empty cells with their stamps and stay cleared in the result.
pub fn merge3(base: &Record, ours: &Record, theirs: &Record) -> SyncOutcome {
    let mut out = SyncOutcome::default();
    each_kind!(merge3_kind(base, ours, theirs, &mut out));
    // History only grows: whatever either side knows is kept.
    out.merged.history = ours.history.clone();
    history::union(&mut out.merged.history, &theirs.history);
    out
}

fn merge3_kind<C: Kind>(base: &Record, ours: &Record, theirs: &Record, out: &mut SyncOutcome) {
    let keys: BTreeSet<C::Key> =
        [base, ours, theirs].iter().flat_map(|r| C::cells(r).keys().chain(C::cleared(r).keys())).copied().collect();
    for k in keys {
        let (b, o, t) = (C::slot(base, k), C::slot(ours, k), C::slot(theirs, k));
        let unseen_by_theirs = t.is_none() && b.is_some();
        let unseen_by_ours = o.is_none() && b.is_some();
        let kept = if o == t || t == b || unseen_by_theirs {
            o
        } else if (o == b && !older_rival(o.as_ref(), t.as_ref())) || unseen_by_ours {
            t
        } else {
            match (o, t) {
                // A clearing never beats a change: keeping the change loses nothing.
                (Some(o), Some(t)) if o.is_empty() != t.is_empty() => Some(if o.is_empty() { t } else { o }),
                (Some(o), Some(t)) => {
                    let (winner, loser) = if t.wins_over(&o) { (t, o) } else { (o, t) };
                    if !winner.same_content(&loser) {
                        out.conflicts.push(C::conflict(k, winner.clone(), loser));
                    }
                    Some(winner)
                }
                (o, t) => o.or(t),
            }
        };
        C::put(&mut out.merged, k, kept);
    }
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
/// own cells over them; a cell cleared here is cleared over the published one.
pub fn overlay(published: &Record, local: &Record) -> Record {
    let mut out = published.clone();
    each_kind!(overlay_kind(&mut out, local));
    history::union(&mut out.history, &local.history);
    out
}

fn overlay_kind<C: Kind>(out: &mut Record, local: &Record) {
    for k in C::cells(local).keys().chain(C::cleared(local).keys()) {
        C::put(out, *k, C::slot(local, *k));
    }
}

/// A local cell (or clearing) that says something the published record does not.
pub fn is_draft(published: &Record, local: &Record, key: CellKey) -> bool {
    by_kind!(key, C, k => differs::<C>(published, local, k))
}

fn differs<C: Kind>(published: &Record, local: &Record, key: C::Key) -> bool {
    match (C::cells(published).get(&key), C::slot(local, key)) {
        (_, None) => false,
        (None, Some(l)) => !l.is_empty(),
        (Some(p), Some(l)) => !p.same_content(&l),
    }
}

/// One field that says something else in the record shown than in the
/// published one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub key: CellKey,
    pub field: history::Field,
    /// As published, and as shown now ("" for nothing).
    pub published: String,
    pub now: String,
}

/// Every field of `shown` that differs from `published`, cell by cell in key
/// order: what publishing `shown` would change (公表版からの変更).
pub fn changes(published: &Record, shown: &Record) -> Vec<FieldChange> {
    let mut out = Vec::new();
    each_kind!(changes_of(published, shown, &mut out));
    out
}

fn changes_of<C: Kind>(published: &Record, shown: &Record, out: &mut Vec<FieldChange>) {
    let keys: BTreeSet<C::Key> = C::cells(published).keys().chain(C::cells(shown).keys()).copied().collect();
    for k in keys {
        let fields = |r: &Record| C::cells(r).get(&k).cloned().unwrap_or_default().fields();
        for ((field, was), (_, now)) in fields(published).into_iter().zip(fields(shown)) {
            if was != now {
                out.push(FieldChange { key: C::cell_key(k), field, published: was, now });
            }
        }
    }
}

/// Before the first local edit of a published cell, copies it into `local`,
/// so that changing its status keeps its published note (and the like). A
/// cell cleared here stays cleared: the edit starts from nothing.
pub fn seed(local: &mut Record, published: &Record, key: CellKey) {
    by_kind!(key, C, k => seed_cell::<C>(local, published, k))
}

/// Copies into `local` the published closing and settings of every year it
/// has none of: a year the city closed is closed to this browser's edits
/// (and its undo) too, not only on screen.
pub fn seed_years(local: &mut Record, published: &Record) {
    for &year in published.years.keys() {
        seed_cell::<super::YearCell>(local, published, year);
    }
}

fn seed_cell<C: Kind>(local: &mut Record, published: &Record, key: C::Key) {
    if C::slot(local, key).is_none() {
        if let Some(p) = C::cells(published).get(&key) {
            C::cells_mut(local).insert(key, p.clone());
        }
    }
}

#[cfg(test)]
#[path = "sync_tests.rs"]
mod tests;
