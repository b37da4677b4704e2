//! Tests of `progress::edit`.

use super::*;
use crate::progress::edit::{fill_targets, Change, KpiField, TextField};
use crate::KpiCode;

fn id() -> InitiativeId {
    InitiativeId { policy: 2, sub: 1, letter: 'a' }
}

fn at(t: i64) -> Stamp {
    Stamp { author: Some("商工観光課".into()), updated_at: t }
}

const FY: FiscalYear = FiscalYear(2024);

#[test]
fn an_edit_and_its_inverse_restore_the_record() {
    let mut record = Record::default();
    let inverse = record
        .apply(&Edit::Initiative { id: id(), year: FY, change: Change::Status(Some(Status::InProgress)) }, at(1))
        .unwrap();
    assert_eq!(record.initiatives[&(id(), FY)].status, Some(Status::InProgress));
    assert_eq!(record.initiatives[&(id(), FY)].stamp, at(1));
    record.apply(&inverse, at(2)).unwrap();
    assert!(record.is_empty(), "a cell left empty is removed");
}

#[test]
fn undo_and_redo_walk_the_history() {
    let mut record = Record::default();
    let mut history = History::default();
    history
        .apply(
            &mut record,
            &Edit::Initiative {
                id: id(), year: FY, change: Change::Text(TextField::Note, "説明会を実施\n2回".into())
            },
            at(1),
        )
        .unwrap();
    history
        .apply(&mut record, &Edit::Initiative { id: id(), year: FY, change: Change::Status(Some(Status::Done)) }, at(2))
        .unwrap();
    let done = record.clone();
    assert!(history.undo(&mut record, at(3)).unwrap());
    assert_eq!(record.initiatives[&(id(), FY)].status, None);
    assert_eq!(record.initiatives[&(id(), FY)].note, "説明会を実施\n2回");
    assert!(history.undo(&mut record, at(4)).unwrap());
    assert!(record.is_empty());
    assert!(!history.undo(&mut record, at(5)).unwrap(), "nothing left to undo");
    assert!(history.redo(&mut record, at(6)).unwrap());
    assert!(history.redo(&mut record, at(7)).unwrap());
    assert!(done.initiatives[&(id(), FY)].same_content(&record.initiatives[&(id(), FY)]));
    assert!(!history.can_redo());
    // A new edit after an undo drops what could be redone.
    history.undo(&mut record, at(8)).unwrap();
    history
        .apply(
            &mut record,
            &Edit::Initiative { id: id(), year: FY, change: Change::Text(TextField::Note, String::new()) },
            at(9),
        )
        .unwrap();
    assert!(!history.can_redo());
}

#[test]
fn kpi_values_are_set_and_cleared_field_by_field() {
    let code = KpiCode { policy: 2, number: 2 };
    let mut record = Record::default();
    let undo_target =
        record.apply(&Edit::KpiValue { code, year: FY, field: KpiField::Target, value: Some(30.0) }, at(1)).unwrap();
    record.apply(&Edit::KpiValue { code, year: FY, field: KpiField::Actual, value: Some(12.5) }, at(2)).unwrap();
    let cell = &record.kpis[&(code, FY)];
    assert_eq!((cell.baseline, cell.target, cell.actual), (None, Some(30.0), Some(12.5)));
    assert_eq!(undo_target, Edit::KpiValue { code, year: FY, field: KpiField::Target, value: None });
    record.apply(&undo_target, at(3)).unwrap();
    record.apply(&Edit::KpiValue { code, year: FY, field: KpiField::Actual, value: None }, at(4)).unwrap();
    assert!(record.is_empty());
}

#[test]
fn typing_in_one_note_is_one_step_of_undo_until_sealed() {
    let mut record = Record::default();
    let mut history = History::default();
    let typed = |n: &str| Edit::Initiative { id: id(), year: FY, change: Change::Text(TextField::Note, n.into()) };
    for (t, text) in ["進", "進捗", "進捗あり"].into_iter().enumerate() {
        history.apply_typing(&mut record, &typed(text), at(t as i64)).unwrap();
    }
    history.seal();
    history.apply_typing(&mut record, &typed("進捗あり。"), at(9)).unwrap();
    assert!(history.undo(&mut record, at(10)).unwrap());
    assert_eq!(record.initiatives[&(id(), FY)].note, "進捗あり", "the sealed run is its own step");
    assert!(history.undo(&mut record, at(11)).unwrap());
    assert!(record.is_empty(), "the first run undoes at once");
    assert!(!history.can_undo());
}

#[test]
fn typing_in_another_field_starts_a_new_step() {
    let mut record = Record::default();
    let mut history = History::default();
    history
        .apply_typing(
            &mut record,
            &Edit::Initiative { id: id(), year: FY, change: Change::Text(TextField::Note, "a".into()) },
            at(1),
        )
        .unwrap();
    history
        .apply_typing(
            &mut record,
            &Edit::Initiative { id: id(), year: FiscalYear(2025), change: Change::Text(TextField::Note, "b".into()) },
            at(2),
        )
        .unwrap();
    assert!(history.undo(&mut record, at(3)).unwrap());
    assert_eq!(record.initiatives.len(), 1);
}

#[test]
fn a_batch_of_whole_cells_is_undone_at_once_and_keeps_the_stamps_given() {
    let mut record = Record::default();
    let mut history = History::default();
    history
        .apply(
            &mut record,
            &Edit::Initiative { id: id(), year: FY, change: Change::Status(Some(Status::Delayed)) },
            at(1),
        )
        .unwrap();
    let before = record.clone();
    let theirs = InitiativeCell {
        status: Some(Status::Done),
        note: "同僚の記録".into(),
        stamp: at(50),
        ..InitiativeCell::default()
    };
    let batch = Edit::Batch(vec![
        Edit::ReplaceInitiative { id: id(), year: FY, cell: Some(theirs.clone()) },
        Edit::ReplaceInitiative { id: id(), year: FiscalYear(2025), cell: Some(theirs.clone()) },
    ]);
    history.apply(&mut record, &batch, at(99)).unwrap();
    assert_eq!(record.initiatives[&(id(), FY)], theirs, "the colleague's stamp is kept");
    assert_eq!(record.initiatives.len(), 2);
    assert!(history.undo(&mut record, at(100)).unwrap());
    assert!(record.same_cells(&before), "one undo restores every cell, stamps included");
    let added = CellKey::Initiative(id(), FiscalYear(2025));
    assert_eq!(record.cleared_at(added), Some(&at(100)), "the cell the batch added is cleared by the undo");
}

#[test]
fn a_cleared_cell_leaves_its_stamp_until_it_is_set_again() {
    let mut record = Record::default();
    let key = CellKey::Initiative(id(), FY);
    record.apply(&Edit::Initiative { id: id(), year: FY, change: Change::Status(None) }, at(1)).unwrap();
    assert_eq!(record.cleared_at(key), None, "nothing was there to clear");
    record
        .apply(&Edit::Initiative { id: id(), year: FY, change: Change::Text(TextField::Note, "メモ".into()) }, at(2))
        .unwrap();
    record
        .apply(&Edit::Initiative { id: id(), year: FY, change: Change::Text(TextField::Note, String::new()) }, at(3))
        .unwrap();
    assert!(record.is_empty() && !record.has_cell(key));
    assert_eq!(record.cleared_at(key), Some(&at(3)));
    record.apply(&Edit::Initiative { id: id(), year: FY, change: Change::Status(Some(Status::Done)) }, at(4)).unwrap();
    assert_eq!(record.cleared_at(key), None, "a cell that is there is not cleared");
    let code = crate::plan::KpiCode { policy: 2, number: 2 };
    let kpi = Edit::KpiValue { code, year: FY, field: KpiField::Actual, value: Some(1.0) };
    let inverse = record.apply(&kpi, at(5)).unwrap();
    record.apply(&inverse, at(6)).unwrap();
    assert_eq!(record.cleared_at(CellKey::Kpi(code, FY)), Some(&at(6)), "KPI cells too");
}

#[test]
fn filling_targets_adds_only_the_missing_years_on_the_line_to_the_final_target() {
    let plan = crate::test_support::plan();
    let kpi = plan.kpis.iter().find(|k| k.code == KpiCode { policy: 2, number: 2 }).expect("KPI 2-2");
    let mut record = Record::default();
    assert_eq!(fill_targets(&plan, &record, kpi), None, "no baseline, no final target");
    let set = |record: &mut Record, year: u16, field: KpiField, value: f64| {
        record
            .apply(&Edit::KpiValue { code: kpi.code, year: FiscalYear(year), field, value: Some(value) }, at(1))
            .unwrap();
    };
    set(&mut record, 2023, KpiField::Baseline, 20.0);
    assert_eq!(fill_targets(&plan, &record, kpi), None, "no final target");
    set(&mut record, 2027, KpiField::Target, 70.0);
    set(&mut record, 2024, KpiField::Target, 33.0);
    let Some(fill) = fill_targets(&plan, &record, kpi) else { panic!("years to fill") };
    let undo = record.apply(&fill, at(2)).unwrap();
    let targets: Vec<Option<f64>> =
        (2023..=2027).map(|y| record.kpis.get(&(kpi.code, FiscalYear(y))).and_then(|c| c.target)).collect();
    assert_eq!(targets, [Some(30.0), Some(33.0), Some(50.0), Some(60.0), Some(70.0)], "2024 keeps its own");
    assert_eq!(fill_targets(&plan, &record, kpi), None, "nothing left to fill");
    record.apply(&undo, at(3)).unwrap();
    assert_eq!(record.kpis.get(&(kpi.code, FiscalYear(2025))).and_then(|c| c.target), None, "one step of undo");
}
