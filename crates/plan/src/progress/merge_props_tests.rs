//! Property tests of combining records: `merge` (a colleague's file),
//! `merge3` (another tab), `overlay`/`is_draft`/`seed` (drafts over the
//! published record) and the order `wins_over` settles ties by. Each rule is
//! the one the modules document; "never loses a cell" is checked on its own,
//! without the rule.

use std::collections::BTreeSet;

use proptest::collection::vec;
use proptest::prelude::*;

use super::merge::{merge, Conflict, MergeOutcome};
use super::sync::{is_draft, merge3, overlay, seed, SyncOutcome};
use super::{Cell, CellKey, CouncilCell, InitiativeCell, Kind, KpiCell, Record};
use crate::test_strategies::*;
use crate::test_support::cells;

/// The conflicts over one kind of cell, so that each check is written once.
trait Sides: Kind {
    /// `(key, kept, other)` of a conflict over this kind of cell.
    fn sides(conflict: &Conflict) -> Option<(CellKey, &Self, &Self)>;
}

impl Sides for InitiativeCell {
    fn sides(conflict: &Conflict) -> Option<(CellKey, &Self, &Self)> {
        match conflict {
            Conflict::Initiative { key, kept, other } => Some((*key, kept, other)),
            _ => None,
        }
    }
}

impl Sides for KpiCell {
    fn sides(conflict: &Conflict) -> Option<(CellKey, &Self, &Self)> {
        match conflict {
            Conflict::Kpi { key, kept, other } => Some((*key, kept, other)),
            _ => None,
        }
    }
}

impl Sides for CouncilCell {
    fn sides(conflict: &Conflict) -> Option<(CellKey, &Self, &Self)> {
        match conflict {
            Conflict::Council { key, kept, other } => Some((*key, kept, other)),
            _ => None,
        }
    }
}

/// `(kept, other)` of every conflict listed for `key`.
fn conflicts_at<C: Sides>(conflicts: &[Conflict], key: CellKey) -> Vec<(&C, &C)> {
    conflicts.iter().filter_map(C::sides).filter(|(k, ..)| *k == key).map(|(_, kept, other)| (kept, other)).collect()
}

fn keys_of<C: Sides>(records: &[&Record]) -> BTreeSet<C::Key> {
    records.iter().flat_map(|r| C::cells(r).keys().copied()).collect()
}

// ---------------------------------------------------------------------------
// merge

/// `merge`'s rule, cell by cell: a cell only one side has is taken; the same
/// content on both sides stays local; otherwise the strictly newer
/// `updated_at` wins (local on a tie) and the other side is listed.
fn check_merge_rule<C: Sides>(local: &Record, incoming: &Record, out: &MergeOutcome) -> Result<(), TestCaseError> {
    let keys = keys_of::<C>(&[local, incoming]);
    let merged = C::cells(&out.merged);
    prop_assert_eq!(
        merged.keys().copied().collect::<BTreeSet<_>>(),
        keys.clone(),
        "merged cells are both sides' cells"
    );
    for k in keys {
        let key = C::cell_key(k);
        let (ours, theirs) = (C::cells(local).get(&k), C::cells(incoming).get(&k));
        let conflicts = conflicts_at::<C>(&out.conflicts, key);
        let (added, changed) = (out.added.contains(&key), out.changed.contains(&key));
        match (ours, theirs) {
            (Some(o), None) => {
                prop_assert_eq!(merged.get(&k), Some(o));
                prop_assert!(!added && !changed && conflicts.is_empty(), "{:?}", key);
            }
            (None, Some(t)) => {
                prop_assert_eq!(merged.get(&k), Some(t));
                prop_assert!(added && !changed && conflicts.is_empty(), "{:?}", key);
            }
            (Some(o), Some(t)) if o.same_content(t) => {
                prop_assert_eq!(merged.get(&k), Some(o), "same content: local stays");
                prop_assert!(!added && !changed && conflicts.is_empty(), "{:?}", key);
            }
            (Some(o), Some(t)) if t.stamp().updated_at > o.stamp().updated_at => {
                prop_assert_eq!(merged.get(&k), Some(t), "incoming is newer");
                prop_assert!(!added && changed, "{:?}", key);
                prop_assert_eq!(conflicts, vec![(t, o)]);
            }
            (Some(o), Some(t)) => {
                prop_assert_eq!(merged.get(&k), Some(o), "local is newer or as new");
                prop_assert!(!added && !changed, "{:?}", key);
                prop_assert_eq!(conflicts, vec![(o, t)]);
            }
            (None, None) => unreachable!("a key of one side"),
        }
    }
    Ok(())
}

/// Without the rule: every cell of either side is in the result, or says the
/// same there, or is the losing side of a listed conflict whose winner is in
/// the result and is not older.
fn check_nothing_lost<C: Sides>(
    inputs: &[&Record],
    merged: &Record,
    conflicts: &[Conflict],
) -> Result<(), TestCaseError> {
    for input in inputs {
        for (&k, cell) in C::cells(input) {
            let Some(now) = C::cells(merged).get(&k) else {
                return Err(TestCaseError::fail(format!("{k:?} was lost")));
            };
            let listed = conflicts_at::<C>(conflicts, C::cell_key(k)).iter().any(|(kept, other)| {
                *other == cell && *kept == now && kept.stamp().updated_at >= other.stamp().updated_at
            });
            prop_assert!(now == cell || now.same_content(cell) || listed, "{:?}: {:?} lost to {:?}", k, cell, now);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn merge_follows_its_rule_cell_by_cell(local in small_record(0..4), incoming in small_record(0..4)) {
        let out = merge(&local, &incoming);
        check_merge_rule::<InitiativeCell>(&local, &incoming, &out)?;
        check_merge_rule::<KpiCell>(&local, &incoming, &out)?;
        check_merge_rule::<CouncilCell>(&local, &incoming, &out)?;
        let listed = out.added.len() + out.changed.len();
        prop_assert_eq!(listed, out.added.iter().chain(&out.changed).collect::<BTreeSet<_>>().len(), "listed once");
    }

    #[test]
    fn merge_never_loses_a_cell(local in small_record(0..4), incoming in small_record(0..4)) {
        let out = merge(&local, &incoming);
        check_nothing_lost::<InitiativeCell>(&[&local, &incoming], &out.merged, &out.conflicts)?;
        check_nothing_lost::<KpiCell>(&[&local, &incoming], &out.merged, &out.conflicts)?;
        check_nothing_lost::<CouncilCell>(&[&local, &incoming], &out.merged, &out.conflicts)?;
    }

    #[test]
    fn merging_a_record_with_itself_changes_nothing(record in record()) {
        let out = merge(&record, &record);
        prop_assert_eq!(&out.merged, &record);
        prop_assert!(out.changes_nothing() && out.conflicts.is_empty(), "{:?}", out);
        prop_assert_eq!(out.edit(), None);
    }

    #[test]
    fn merging_the_same_file_again_changes_nothing(local in small_record(0..4), incoming in small_record(0..4)) {
        let once = merge(&local, &incoming);
        let twice = merge(&once.merged, &incoming);
        prop_assert_eq!(&twice.merged, &once.merged);
        prop_assert!(twice.changes_nothing(), "{:?}", twice);
        let back = merge(&once.merged, &local);
        prop_assert_eq!(&back.merged, &once.merged, "nor does merging the old local back");
        prop_assert!(back.changes_nothing(), "{:?}", back);
    }

    #[test]
    fn records_of_different_cells_merge_the_same_either_way((a, b) in disjoint_pair()) {
        let (ab, ba) = (merge(&a, &b), merge(&b, &a));
        prop_assert_eq!(&ab.merged, &ba.merged);
        prop_assert_eq!(ab.merged.cell_count(), a.cell_count() + b.cell_count());
        prop_assert!(ab.conflicts.is_empty() && ba.conflicts.is_empty() && ab.changed.is_empty());
        prop_assert_eq!(ab.added.len(), b.cell_count());
        prop_assert_eq!(ba.added.len(), a.cell_count());
    }

    #[test]
    fn an_applied_merge_gives_its_result_and_undoes_to_local(
        local in small_record(0..4),
        incoming in small_record(0..4),
    ) {
        let out = merge(&local, &incoming);
        let mut applied = local.clone();
        match out.edit() {
            None => prop_assert!(out.changes_nothing()),
            Some(edit) => {
                let undo = applied.apply(&edit, small_stamp_now()).unwrap();
                prop_assert_eq!(cells(&applied), cells(&out.merged));
                applied.apply(&undo, small_stamp_now()).unwrap();
            }
        }
        prop_assert!(applied.same_cells(&local), "{:?} vs {:?}", applied, local);
        let redone = out.edit().map(|e| {
            let mut r = local.clone();
            r.apply(&e, small_stamp_now()).unwrap();
            r
        });
        prop_assert_eq!(cells(&redone.unwrap_or(local)), cells(&out.merged));
    }
}

/// The stamp of the person applying an edit: `Replace*` edits ignore it.
fn small_stamp_now() -> super::Stamp {
    super::Stamp { author: Some("適用者".into()), updated_at: 99 }
}

// ---------------------------------------------------------------------------
// merge3

/// `merge3`'s rule for edits made after the base was seen: a cell changed on
/// one side only takes that change; changed alike on both, that; changed
/// differently on both, the one that `wins_over` the other, listing the other
/// unless they say the same; cleared on one side and changed on the other,
/// the change. A clearing is an empty cell with its stamp (`Kind::slot`).
fn check_merge3_rule<C: Sides>(
    base: &Record,
    ours: &Record,
    theirs: &Record,
    out: &SyncOutcome,
) -> Result<(), TestCaseError> {
    let mut listed = 0;
    for k in slot_keys_of::<C>(&[base, ours, theirs]) {
        let key = C::cell_key(k);
        let (b, o, t) = (C::slot(base, k), C::slot(ours, k), C::slot(theirs, k));
        let merged = C::slot(&out.merged, k);
        let conflicts = conflicts_at::<C>(&out.conflicts, key);
        listed += conflicts.len();
        let (want, conflict) = if o == t || t == b {
            (o.clone(), None)
        } else if o == b {
            (t.clone(), None)
        } else {
            match (&o, &t) {
                (Some(o), Some(t)) if o.is_empty() != t.is_empty() => {
                    (Some(if o.is_empty() { t.clone() } else { o.clone() }), None)
                }
                (Some(o), Some(t)) => {
                    let (winner, loser) = if t.wins_over(o) { (t, o) } else { (o, t) };
                    (Some(winner.clone()), (!winner.same_content(loser)).then_some((winner, loser)))
                }
                (o, t) => (o.clone().or(t.clone()), None),
            }
        };
        prop_assert_eq!(&merged, &want, "{:?}: base {:?} ours {:?} theirs {:?}", key, b, o, t);
        prop_assert_eq!(conflicts, conflict.into_iter().collect::<Vec<_>>(), "{:?}", key);
    }
    prop_assert_eq!(listed, out.conflicts.iter().filter(|c| C::sides(c).is_some()).count());
    Ok(())
}

/// Without the rule: no edit either tab made is lost. A cell a side set to
/// something new (or cleared) is in the result, or says the same there, or
/// lost a listed conflict to an edit that wins over it; a clearing may also
/// give way to a change.
fn check_no_edit_lost<C: Sides>(base: &Record, sides: &[&Record], out: &SyncOutcome) -> Result<(), TestCaseError> {
    for side in sides {
        for k in slot_keys_of::<C>(&[side]) {
            let Some(cell) = C::slot(side, k) else { continue };
            if C::slot(base, k).as_ref() == Some(&cell) {
                continue;
            }
            let Some(now) = C::slot(&out.merged, k) else {
                return Err(TestCaseError::fail(format!("the edit of {k:?} was lost")));
            };
            let listed = conflicts_at::<C>(&out.conflicts, C::cell_key(k))
                .iter()
                .any(|(kept, other)| **other == cell && **kept == now && kept.wins_over(other));
            let cleared_under_a_change = cell.is_empty() && !now.is_empty();
            prop_assert!(
                now == cell || now.same_content(&cell) || listed || cleared_under_a_change,
                "{:?}: {:?} lost to {:?}",
                k,
                cell,
                now
            );
        }
    }
    Ok(())
}

/// Every key with a cell or a clearing in any of `records`.
fn slot_keys_of<C: Kind>(records: &[&Record]) -> BTreeSet<C::Key> {
    records.iter().flat_map(|r| C::cells(r).keys().chain(C::cleared(r).keys()).copied()).collect()
}

fn same_conflicts(a: &[Conflict], b: &[Conflict]) -> bool {
    a.len() == b.len() && a.iter().all(|c| b.contains(c))
}

/// A base stamped before 10, and two tabs' edits to it stamped from 10 on:
/// what two tabs meet when each edits after seeing the base.
fn base_and_two_tabs() -> impl Strategy<Value = (Record, Record, Record)> {
    (small_record(0..10), small_changes(10..14), small_changes(10..14))
        .prop_map(|(base, ours, theirs)| (ours.applied_to(&base), theirs.applied_to(&base), base))
        .prop_map(|(ours, theirs, base)| (base, ours, theirs))
}

/// Two records of the same cells, each cell possibly rewritten in the
/// second: two tabs' writes racing from one record.
fn rival_writes() -> impl Strategy<Value = (Record, Record)> {
    small_record(0..4)
        .prop_flat_map(|a| {
            let (ni, nk) = (a.initiatives.len(), a.kpis.len());
            (
                Just(a),
                vec(proptest::option::of(small_initiative_cell(0..4)), ni),
                vec(proptest::option::of(small_kpi_cell(0..4)), nk),
            )
        })
        .prop_map(|(a, new_initiatives, new_kpis)| {
            let mut b = a.clone();
            for (cell, new) in b.initiatives.values_mut().zip(new_initiatives) {
                if let Some(new) = new {
                    *cell = new;
                }
            }
            for (cell, new) in b.kpis.values_mut().zip(new_kpis) {
                if let Some(new) = new {
                    *cell = new;
                }
            }
            (a, b)
        })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn merge3_follows_its_rule_for_edits_made_after_the_base((base, ours, theirs) in base_and_two_tabs()) {
        let out = merge3(&base, &ours, &theirs);
        check_merge3_rule::<InitiativeCell>(&base, &ours, &theirs, &out)?;
        check_merge3_rule::<KpiCell>(&base, &ours, &theirs, &out)?;
        check_merge3_rule::<CouncilCell>(&base, &ours, &theirs, &out)?;
    }

    #[test]
    fn merge3_loses_no_edit_of_either_tab((base, ours, theirs) in base_and_two_tabs()) {
        let out = merge3(&base, &ours, &theirs);
        check_no_edit_lost::<InitiativeCell>(&base, &[&ours, &theirs], &out)?;
        check_no_edit_lost::<KpiCell>(&base, &[&ours, &theirs], &out)?;
        check_no_edit_lost::<CouncilCell>(&base, &[&ours, &theirs], &out)?;
    }

    #[test]
    fn merge3_gives_the_same_in_either_tab((base, ours, theirs) in base_and_two_tabs()) {
        let (here, there) = (merge3(&base, &ours, &theirs), merge3(&base, &theirs, &ours));
        prop_assert_eq!(&here.merged, &there.merged);
        let (a, b) = (&here.conflicts, &there.conflicts);
        prop_assert!(same_conflicts(a, b), "{:?} vs {:?}", a, b);
    }

    #[test]
    fn merge3_with_nothing_changed_here_takes_theirs((base, _, theirs) in base_and_two_tabs()) {
        let out = merge3(&base, &base, &theirs);
        prop_assert_eq!(&out.merged, &theirs);
        prop_assert!(out.conflicts.is_empty(), "{:?}", out.conflicts);
    }

    /// Whatever the stamps: what they left alone keeps ours, and the same
    /// record on both sides is that record, with no conflict.
    #[test]
    fn merge3_keeps_ours_where_theirs_is_the_base(base in small_record(0..4), ours in small_record(0..4)) {
        let out = merge3(&base, &ours, &base);
        prop_assert_eq!(&out.merged, &ours);
        prop_assert!(out.conflicts.is_empty());
        let out = merge3(&base, &ours, &ours);
        prop_assert_eq!(&out.merged, &ours);
        prop_assert!(out.conflicts.is_empty());
    }

    /// Whatever the stamps, with ours the base: their cells and clearings
    /// are taken, except a cell where the base's own edit wins over theirs
    /// (`older_rival`: they wrote it before seeing ours), which stays (a
    /// change over their clearing too), listed if both are changes that
    /// differ; and a cell of the base they have no trace of (they never saw
    /// it), which stays.
    #[test]
    fn merge3_from_the_base_takes_theirs_but_an_older_rival(base in small_record(0..4), theirs in small_record(0..4)) {
        fn check<C: Sides>(base: &Record, theirs: &Record, out: &SyncOutcome) -> Result<usize, TestCaseError> {
            let mut conflicts = 0;
            for k in slot_keys_of::<C>(&[base, theirs]) {
                let (b, t) = (C::slot(base, k), C::slot(theirs, k));
                let want = match (&b, &t) {
                    (Some(_), None) => b.clone(),
                    (Some(b), Some(t)) if b != t && b.wins_over(t) => {
                        if b.is_empty() != t.is_empty() {
                            Some(if b.is_empty() { t.clone() } else { b.clone() })
                        } else {
                            conflicts += usize::from(!b.same_content(t));
                            Some(b.clone())
                        }
                    }
                    _ => t.clone(),
                };
                prop_assert_eq!(C::slot(&out.merged, k), want, "{:?}", k);
            }
            Ok(conflicts)
        }
        let out = merge3(&base, &base, &theirs);
        let conflicts = check::<InitiativeCell>(&base, &theirs, &out)?
            + check::<KpiCell>(&base, &theirs, &out)?
            + check::<CouncilCell>(&base, &theirs, &out)?;
        prop_assert_eq!(out.conflicts.len(), conflicts);
    }

    /// Two tabs save at nearly the same moment: ours reaches storage, then
    /// theirs, written without having seen ours, replaces it. Every cell only
    /// one tab changed survives the round of saves that follows, and both
    /// tabs end with the same record. (Without clearings kept, ours would
    /// read a new cell's absence from theirs as "cleared" and drop it.) Only
    /// a clearing of ours may give way, to the cell theirs still had: that
    /// loses nothing recorded.
    #[test]
    fn a_save_that_never_saw_our_new_cells_does_not_clear_them((base, ours, theirs) in base_and_two_tabs()) {
        // Ours sees the record theirs wrote over ours, and saves again.
        let here = merge3(&ours, &ours, &theirs).merged;
        // Theirs then sees that.
        let there = merge3(&theirs, &theirs, &here).merged;
        prop_assert_eq!(&there, &here, "both tabs end alike");
        fn check<C: Kind>(base: &Record, ours: &Record, theirs: &Record, end: &Record) -> Result<(), TestCaseError> {
            for k in slot_keys_of::<C>(&[base, ours, theirs]) {
                let (b, o, t) = (C::slot(base, k), C::slot(ours, k), C::slot(theirs, k));
                let now = C::slot(end, k);
                match (o != b, t != b) {
                    (true, false) if o.as_ref().is_some_and(Cell::is_empty) && now == b => {}
                    (true, false) => prop_assert_eq!(now, o, "{:?}: base {:?}", k, b),
                    (false, true) => prop_assert_eq!(now, t, "{:?}: base {:?}", k, b),
                    _ => {}
                }
            }
            Ok(())
        }
        check::<InitiativeCell>(&base, &ours, &theirs, &here)?;
        check::<KpiCell>(&base, &ours, &theirs, &here)?;
        check::<CouncilCell>(&base, &ours, &theirs, &here)?;
    }

    /// Two tabs that each wrote their own edits of the same cells before
    /// seeing the other's end with the same record: each cell's winner.
    #[test]
    fn two_tabs_racing_on_the_same_cells_end_alike((a, b) in rival_writes()) {
        let (in_a, in_b) = (merge3(&a, &a, &b), merge3(&b, &b, &a));
        prop_assert_eq!(&in_a.merged, &in_b.merged);
        for (k, x) in &a.initiatives {
            let y = &b.initiatives[k];
            let winner = if y.wins_over(x) { y } else { x };
            prop_assert_eq!(&in_a.merged.initiatives[k], winner);
        }
        for (k, x) in &a.kpis {
            let y = &b.kpis[k];
            let winner = if y.wins_over(x) { y } else { x };
            prop_assert_eq!(&in_a.merged.kpis[k], winner);
        }
    }

    /// `wins_over` orders edits strictly and totally, so every tab settles a
    /// clash the same way: never both ways, transitive, and neither way only
    /// for the same edit.
    #[test]
    fn wins_over_is_a_strict_total_order(
        cells in vec(small_initiative_cell(0..3), 3),
        kpis in vec(small_kpi_cell(0..3), 3),
    ) {
        fn check<C: Sides>(c: &[C]) -> Result<(), TestCaseError> {
            let (x, y, z) = (&c[0], &c[1], &c[2]);
            prop_assert!(!(x.wins_over(y) && y.wins_over(x)), "both ways: {:?} {:?}", x, y);
            if !x.wins_over(y) && !y.wins_over(x) {
                prop_assert_eq!(x, y, "neither way, yet different");
            }
            if x.wins_over(y) && y.wins_over(z) {
                prop_assert!(x.wins_over(z), "not transitive: {:?} {:?} {:?}", x, y, z);
            }
            Ok(())
        }
        check(&cells)?;
        check(&kpis)?;
    }
}

// ---------------------------------------------------------------------------
// Drafts over the published record

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn overlay_shows_every_cell_with_local_ones_on_top(published in small_record(0..4), local in small_record(0..4)) {
        let shown = overlay(&published, &local);
        fn check<C: Sides>(published: &Record, local: &Record, shown: &Record) -> Result<(), TestCaseError> {
            let keys: BTreeSet<C::Key> = C::cells(shown).keys().copied().collect();
            prop_assert_eq!(keys, keys_of::<C>(&[published, local]));
            for (k, cell) in C::cells(shown) {
                let want = C::cells(local).get(k).or(C::cells(published).get(k));
                prop_assert_eq!(Some(cell), want);
                let local_cell = C::cells(local).get(k);
                let draft = match (C::cells(published).get(k), local_cell) {
                    (_, None) => false,
                    (None, Some(_)) => true,
                    (Some(p), Some(l)) => !p.same_content(l),
                };
                prop_assert_eq!(is_draft(published, local, C::cell_key(*k)), draft, "{:?}", k);
            }
            Ok(())
        }
        check::<InitiativeCell>(&published, &local, &shown)?;
        check::<KpiCell>(&published, &local, &shown)?;
        check::<CouncilCell>(&published, &local, &shown)?;
        prop_assert_eq!(overlay(&published, &Record::default()), published.clone());
        prop_assert_eq!(overlay(&Record::default(), &local), local);
    }

    #[test]
    fn seeding_copies_a_published_cell_and_never_overwrites(
        published in small_record(0..4),
        local in small_record(0..4),
        key in prop_oneof![
            few_initiative_keys().prop_map(|(id, y)| CellKey::Initiative(id, y)),
            few_kpi_keys().prop_map(|(c, y)| CellKey::Kpi(c, y)),
            few_council_keys().prop_map(|(p, y)| CellKey::Council(p, y)),
        ],
    ) {
        let mut seeded = local.clone();
        seed(&mut seeded, &published, key);
        let mut want = local.clone();
        super::by_kind!(key, C, k => {
            if let (None, Some(p)) = (C::slot(&local, k), C::cells(&published).get(&k)) {
                C::cells_mut(&mut want).insert(k, p.clone());
            }
        });
        prop_assert_eq!(&seeded, &want);
        let drafts = (is_draft(&published, &seeded, key), is_draft(&published, &local, key));
        prop_assert_eq!(drafts.0, drafts.1, "seeding makes no draft");
    }
}
