//! Tests of `progress::merge`.

use super::*;
use crate::plan::{FiscalYear, InitiativeId, KpiCode};
use crate::progress::edit::{Change, Edit, KpiField};
use crate::progress::{Stamp, Status};
use crate::test_support::cells;

const FY: FiscalYear = FiscalYear(2025);

fn id(letter: char) -> InitiativeId {
    InitiativeId { policy: 1, sub: 1, letter }
}

fn by(author: &str, t: i64) -> Stamp {
    Stamp { author: Some(author.into()), updated_at: t }
}

fn with_status(letter: char, status: Status, stamp: Stamp) -> Record {
    let mut r = Record::default();
    r.apply(&Edit::Initiative { id: id(letter), year: FY, change: Change::Status(Some(status)) }, stamp).unwrap();
    r
}

#[test]
fn disjoint_cells_are_all_kept_in_either_order() {
    let a = with_status('a', Status::Done, by("市", 1));
    let b = with_status('b', Status::Delayed, by("商工会", 2));
    let ab = merge(&a, &b);
    let ba = merge(&b, &a);
    assert_eq!(ab.merged, ba.merged, "order-independent for disjoint cells");
    assert_eq!(ab.merged.cell_count(), 2);
    assert_eq!(ab.added, [CellKey::Initiative(id('b'), FY)]);
    assert!(ab.conflicts.is_empty());
}

#[test]
fn the_newer_edit_wins_and_the_other_is_kept_visibly() {
    let older = with_status('a', Status::InProgress, by("市", 1));
    let newer = with_status('a', Status::Done, by("商工会", 2));
    let m = merge(&older, &newer);
    assert_eq!(m.merged.initiatives[&(id('a'), FY)].status, Some(Status::Done));
    assert_eq!(m.changed, [CellKey::Initiative(id('a'), FY)]);
    match &m.conflicts[..] {
        [Conflict::Initiative { other, .. }] => assert_eq!(other.status, Some(Status::InProgress)),
        other => panic!("expected one conflict, got {other:?}"),
    }
    // The other way round: local is newer, stays, and the incoming one is listed.
    let m = merge(&newer, &older);
    assert_eq!(m.merged.initiatives[&(id('a'), FY)].status, Some(Status::Done));
    assert!(m.changed.is_empty());
    assert_eq!(m.conflicts.len(), 1);
}

#[test]
fn merging_is_idempotent_and_never_loses_a_cell() {
    let mut a = with_status('a', Status::Done, by("市", 5));
    let code = KpiCode { policy: 2, number: 2 };
    a.apply(&Edit::KpiValue { code, year: FY, field: KpiField::Actual, value: Some(40.0) }, by("市", 6)).unwrap();
    let b = with_status('a', Status::Stopped, by("商工会", 7));
    let once = merge(&a, &b);
    let twice = merge(&once.merged, &b);
    assert_eq!(once.merged, twice.merged);
    assert!(twice.changes_nothing());
    let itself = merge(&a, &a);
    assert!(itself.changes_nothing() && itself.conflicts.is_empty());
    // Every cell of both sides is in the result or in the conflicts.
    for key in a.initiatives.keys().chain(b.initiatives.keys()) {
        assert!(once.merged.initiatives.contains_key(key));
    }
    assert!(once.merged.kpis.contains_key(&(code, FY)));
}

#[test]
fn an_applied_import_is_one_edit_that_keeps_the_incoming_stamps_and_undoes_at_once() {
    let local = with_status('a', Status::Delayed, by("市", 1));
    let mut incoming = with_status('a', Status::Done, by("商工会", 5));
    incoming
        .apply(
            &Edit::Initiative { id: id('b'), year: FY, change: Change::Status(Some(Status::InProgress)) },
            by("商工会", 6),
        )
        .unwrap();
    let outcome = merge(&local, &incoming);
    let Some(edit) = outcome.edit() else { panic!("an import that changes cells is an edit") };
    let mut applied = local.clone();
    let inverse = applied.apply(&edit, by("ignored", 99)).unwrap();
    assert_eq!(cells(&applied), cells(&outcome.merged), "stamps are the incoming ones");
    applied.apply(&inverse, by("ignored", 100)).unwrap();
    assert!(applied.same_cells(&local));
    assert_eq!(merge(&local, &local).edit(), None, "nothing to apply");
}

#[test]
fn taking_the_other_side_of_a_conflict_restamps_it_as_a_decision() {
    let ours = with_status('a', Status::Done, by("市", 2));
    let theirs = with_status('a', Status::Delayed, by("商工会", 1));
    let outcome = merge(&ours, &theirs);
    let [conflict] = outcome.conflicts.as_slice() else { panic!("{:?}", outcome.conflicts) };
    let Some(edit) = conflict.take_other(by("市", 9)) else { panic!("a well-formed conflict") };
    let mut record = outcome.merged.clone();
    record.apply(&edit, by("ignored", 10)).unwrap();
    let cell = &record.initiatives[&(id('a'), FY)];
    assert_eq!((cell.status, cell.stamp.updated_at), (Some(Status::Delayed), 9));
}
