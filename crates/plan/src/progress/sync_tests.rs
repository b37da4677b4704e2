//! Tests of `progress::sync`.

use super::*;
use crate::plan::{FiscalYear, InitiativeId};
use crate::progress::edit::{Change, Edit, TextField};
use crate::progress::{Stamp, Status};
use crate::test_support::cells;

const FY: FiscalYear = FiscalYear(2024);

fn id(letter: char) -> InitiativeId {
    InitiativeId { policy: 3, sub: 2, letter }
}

fn at(t: i64) -> Stamp {
    Stamp { author: None, updated_at: t }
}

fn edited(record: &Record, edit: Edit, t: i64) -> Record {
    let mut r = record.clone();
    r.apply(&edit, at(t)).unwrap();
    r
}

fn status(letter: char, s: Status) -> Edit {
    Edit::Initiative { id: id(letter), year: FY, change: Change::Status(Some(s)) }
}

fn note(letter: char, n: &str) -> Edit {
    Edit::Initiative { id: id(letter), year: FY, change: Change::Text(TextField::Note, n.into()) }
}

#[test]
fn a_change_made_in_another_tab_is_taken_without_a_conflict() {
    let base = edited(&Record::default(), status('a', Status::NotStarted), 1);
    let theirs = edited(&base, status('a', Status::InProgress), 5);
    let out = merge3(&base, &base, &theirs);
    assert_eq!(cells(&out.merged), cells(&theirs));
    assert!(out.conflicts.is_empty(), "an edit after ours is not a conflict");
}

#[test]
fn edits_to_different_cells_in_two_tabs_both_survive() {
    let base = Record::default();
    let ours = edited(&base, note('a', "こちら"), 3);
    let theirs = edited(&base, note('b', "あちら"), 2);
    let out = merge3(&base, &ours, &theirs);
    assert_eq!(out.merged.initiatives.len(), 2);
    assert!(out.conflicts.is_empty());
    assert_eq!(out.merged, merge3(&base, &theirs, &ours).merged, "same result from either tab");
}

#[test]
fn the_same_cell_changed_in_both_keeps_the_newer_and_lists_the_other() {
    let base = edited(&Record::default(), note('a', "元"), 1);
    let ours = edited(&base, note('a', "こちらの修正"), 7);
    let theirs = edited(&base, note('a', "あちらの修正"), 4);
    let out = merge3(&base, &ours, &theirs);
    assert_eq!(cells(&out.merged), cells(&ours), "ours is newer");
    let [Conflict::Initiative { kept, other, .. }] = out.conflicts.as_slice() else { panic!("{:?}", out.conflicts) };
    assert_eq!(kept.note, "こちらの修正");
    assert_eq!(other.note, "あちらの修正", "the older edit is kept in the list");

    let out = merge3(&base, &theirs, &ours);
    assert_eq!(cells(&out.merged), cells(&ours), "the newer wins from the other tab's side too");
    assert_eq!(out.conflicts.len(), 1);
}

#[test]
fn a_cell_cleared_in_another_tab_is_cleared_here_unless_changed_here() {
    let base = edited(&Record::default(), note('a', "消す"), 1);
    let cleared = edited(&base, note('a', ""), 2);
    assert!(cleared.is_empty());
    assert!(merge3(&base, &base, &cleared).merged.is_empty(), "their clearing is taken");
    let changed = edited(&base, note('a', "残す"), 3);
    let out = merge3(&base, &changed, &cleared);
    assert_eq!(cells(&out.merged), cells(&changed), "a change is never lost to a clearing");
    assert_eq!(merge3(&base, &cleared, &changed).merged, changed);
}

#[test]
fn identical_edits_in_both_tabs_are_no_conflict() {
    let base = Record::default();
    let ours = edited(&base, status('a', Status::Done), 3);
    let theirs = edited(&base, status('a', Status::Done), 4);
    let out = merge3(&base, &ours, &theirs);
    assert!(out.conflicts.is_empty());
    assert_eq!(cells(&out.merged), cells(&theirs), "the later stamp is kept");
}

#[test]
fn local_cells_overlay_published_ones_and_are_drafts_only_when_different() {
    let published = edited(&edited(&Record::default(), note('a', "公表"), 1), note('b', "公表b"), 1);
    let local = edited(&edited(&Record::default(), note('a', "下書き"), 2), note('b', "公表b"), 3);
    let shown = overlay(&published, &local);
    assert_eq!(shown.initiatives[&(id('a'), FY)].note, "下書き");
    assert!(is_draft(&published, &local, CellKey::Initiative(id('a'), FY)));
    assert!(!is_draft(&published, &local, CellKey::Initiative(id('b'), FY)), "same words as published");
    assert!(!is_draft(&published, &local, CellKey::Initiative(id('c'), FY)), "nothing local");
    assert!(is_draft(&Record::default(), &local, CellKey::Initiative(id('a'), FY)));
}

#[test]
fn seeding_keeps_the_published_note_when_only_the_status_is_changed() {
    let published = edited(&Record::default(), note('a', "公表メモ"), 1);
    let mut local = Record::default();
    seed(&mut local, &published, CellKey::Initiative(id('a'), FY));
    local.apply(&status('a', Status::Delayed), at(2)).unwrap();
    let cell = &overlay(&published, &local).initiatives[&(id('a'), FY)];
    assert_eq!((cell.status, cell.note.as_str()), (Some(Status::Delayed), "公表メモ"));
    seed(&mut local, &published, CellKey::Initiative(id('a'), FY));
    assert_eq!(local.initiatives[&(id('a'), FY)].status, Some(Status::Delayed), "seeding never overwrites");
}

#[test]
fn two_tabs_saving_at_once_end_with_the_newer_edit_and_list_the_other() {
    // Each tab wrote its own edit before the other's arrived; each then
    // meets the other's record with its own write as the base.
    let empty = Record::default();
    let a = edited(&empty, note('a', "A"), 10);
    let b = edited(&empty, note('a', "B"), 11);
    let in_a = merge3(&a, &a, &b);
    let in_b = merge3(&b, &b, &a);
    assert_eq!(cells(&in_a.merged), cells(&b), "the tab with the older edit takes the newer one");
    assert!(in_a.conflicts.is_empty(), "B is simply later, as far as A can tell");
    assert_eq!(cells(&in_b.merged), cells(&b), "the tab with the newer edit keeps it");
    assert_eq!(in_b.conflicts.len(), 1, "and lists the rival edit");
}

#[test]
fn edits_in_the_same_millisecond_settle_the_same_way_in_every_tab() {
    let base = Record::default();
    let a = edited(&base, note('a', "A"), 10);
    let b = edited(&base, note('a', "B"), 10);
    assert_eq!(merge3(&a, &a, &b).merged, merge3(&b, &b, &a).merged);
    assert_eq!(merge3(&base, &a, &b).merged, merge3(&base, &b, &a).merged);
}

#[test]
fn a_new_cell_survives_a_save_from_a_tab_that_never_saw_it() {
    // Tab A adds a cell and writes; tab B, which read storage just before,
    // writes its own edit over it. A then meets B's record.
    let base = edited(&Record::default(), note('b', "前から"), 1);
    let a = edited(&base, note('a', "新しいメモ"), 10);
    let b = edited(&base, note('b', "Bの修正"), 11);
    let in_a = merge3(&a, &a, &b);
    assert_eq!(in_a.merged.initiatives[&(id('a'), FY)].note, "新しいメモ", "absent in theirs is not cleared");
    assert_eq!(in_a.merged.initiatives[&(id('b'), FY)].note, "Bの修正");
    assert!(in_a.conflicts.is_empty());
    let in_b = merge3(&b, &b, &in_a.merged);
    assert_eq!(in_b.merged, in_a.merged, "B then takes A's cell");
}

#[test]
fn a_clearing_in_another_tab_travels_as_a_stamp() {
    let base = edited(&Record::default(), note('a', "消す"), 1);
    let theirs = edited(&base, note('a', ""), 5);
    assert_eq!(theirs.cleared_at(CellKey::Initiative(id('a'), FY)), Some(&at(5)));
    let out = merge3(&base, &base, &theirs);
    assert!(out.merged.is_empty());
    assert_eq!(cells(&out.merged), cells(&theirs), "the clearing is kept, to pass on");
}

#[test]
fn storage_emptied_under_an_open_tab_loses_none_of_its_cells() {
    let ours = edited(&edited(&Record::default(), note('a', "A"), 1), status('b', Status::Done), 2);
    let out = merge3(&ours, &ours, &Record::default());
    assert_eq!(cells(&out.merged), cells(&ours));
}

#[test]
fn a_published_cell_cleared_here_stays_cleared_and_is_a_draft() {
    let published = edited(&Record::default(), note('a', "公表"), 1);
    let key = CellKey::Initiative(id('a'), FY);
    let mut local = Record::default();
    seed(&mut local, &published, key);
    local.apply(&note('a', ""), at(2)).unwrap();
    assert!(local.is_empty());
    let shown = overlay(&published, &local);
    assert!(!shown.has_cell(key), "the published cell does not show through");
    assert!(is_draft(&published, &local, key), "clearing it is a local change");
    assert!(!is_draft(&Record::default(), &local, key), "nothing to differ from");
    seed(&mut local, &published, key);
    assert!(!local.has_cell(key), "a cleared cell is not seeded again");
}

#[test]
fn changes_from_the_published_record_are_listed_field_by_field() {
    let published = edited(&edited(&Record::default(), status('a', Status::InProgress), 1), note('a', "公表済み"), 2);
    let mut shown = edited(&published, status('a', Status::Done), 5);
    shown = edited(&shown, note('b', "新しい取組のメモ"), 6);
    let changes = changes(&published, &shown);
    let listed: Vec<(CellKey, history::Field, &str, &str)> =
        changes.iter().map(|c| (c.key, c.field, c.published.as_str(), c.now.as_str())).collect();
    assert_eq!(
        listed,
        [
            (CellKey::Initiative(id('a'), FY), history::Field::Status, "実施中", "完了"),
            (CellKey::Initiative(id('b'), FY), history::Field::Note, "", "新しい取組のメモ"),
        ],
        "the unchanged note of a is not listed"
    );
    assert!(super::changes(&shown, &shown).is_empty());
}

#[test]
fn a_year_the_city_closed_is_closed_to_local_edits_once_seeded() {
    use crate::progress::edit::EditError;
    let year = FiscalYear(2024);
    let mut published = Record::default();
    let office = Stamp { author: Some("事務局".into()), updated_at: 5 };
    published.apply(&Edit::CloseYear { year, reason: String::new() }, office).unwrap();
    let mut local = Record::default();
    seed_years(&mut local, &published);
    assert!(local.is_closed(year));
    assert!(!is_draft(&published, &local, CellKey::Year(year)), "a seeded closing is no draft");
    let edit = Edit::Initiative {
        id: crate::test_support::id("2-①-a"),
        year,
        change: Change::Text(TextField::Note, "x".into()),
    };
    assert_eq!(local.apply(&edit, Stamp::default()), Err(EditError::YearClosed(year)));
    // A year this browser reopened stays as it is here.
    let mut reopened = local.clone();
    reopened.apply(&Edit::ReopenYear { year, reason: "訂正".into() }, Stamp { author: None, updated_at: 6 }).unwrap();
    let before = reopened.clone();
    seed_years(&mut reopened, &published);
    assert_eq!(reopened, before);
}
