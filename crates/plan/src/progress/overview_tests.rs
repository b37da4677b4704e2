//! Tests of `progress::overview`.

use super::*;
use crate::progress::Stamp;
use crate::test_support::{id, plan};

fn put(record: &mut Record, id: InitiativeId, year: u16, status: Option<Status>, note: &str) {
    record.initiatives.insert(
        (id, FiscalYear(year)),
        InitiativeCell { status, note: note.to_string(), stamp: Stamp::default(), ..InitiativeCell::default() },
    );
}

#[test]
fn an_empty_record_counts_every_initiative_as_unrecorded_without_relisted_rows() {
    let plan = plan();
    let counts = status_counts(&plan, &Record::default(), FiscalYear(2024));
    let policies: Vec<u8> = counts.iter().map(|c| c.policy).collect();
    assert_eq!(policies, [1, 2, 3, 4, 5, 6]);
    let totals: Vec<usize> = counts.iter().map(|c| c.total).collect();
    assert_eq!(totals, [10, 22, 13, 8, 14, 8], "re-listed rows (6 in policy 4, 5 in policy 6) are not counted");
    assert_eq!(totals.iter().sum::<usize>(), 86 - 11);
    assert!(counts.iter().all(|c| c.unrecorded == c.total && c.counts == [0; 6] && c.recorded() == 0));
}

#[test]
fn statuses_are_counted_per_policy_for_the_year_asked() {
    let plan = plan();
    let mut record = Record::default();
    put(&mut record, id("2-①-a"), 2024, Some(Status::Done), "");
    put(&mut record, id("2-①-b"), 2024, Some(Status::Done), "");
    put(&mut record, id("2-①-c"), 2024, Some(Status::Delayed), "");
    put(&mut record, id("2-①-d"), 2024, None, "メモだけ");
    put(&mut record, id("2-①-e"), 2023, Some(Status::Stopped), "");
    // Re-listed row (of 2-①-a): not counted, though recorded.
    assert!(plan.initiative(id("6-②-e")).unwrap().relisted_from.is_some());
    put(&mut record, id("6-②-e"), 2024, Some(Status::Done), "");
    put(&mut record, id("6-①-a"), 2024, Some(Status::NotStarted), "");

    let counts = status_counts(&plan, &record, FiscalYear(2024));
    let policy2 = &counts[1];
    assert_eq!(policy2.policy, 2);
    assert_eq!(policy2.counts, [0, 0, 2, 1, 0, 0]);
    assert_eq!(policy2.count(Status::Done), 2);
    assert_eq!(policy2.count(Status::Stopped), 0, "FY2023's status is not FY2024's");
    assert_eq!(policy2.unrecorded, 22 - 3);
    assert_eq!(policy2.recorded(), 3);
    let policy6 = &counts[5];
    assert_eq!(policy6.counts, [1, 0, 0, 0, 0, 0]);
    assert_eq!(policy6.unrecorded, 7);
    for c in &counts {
        assert_eq!(c.counts.iter().sum::<usize>() + c.unrecorded, c.total, "policy {}", c.policy);
    }
}

#[test]
fn noted_lists_initiatives_with_a_note_in_plan_order() {
    let plan = plan();
    let mut record = Record::default();
    put(&mut record, id("3-①-a"), 2024, None, "後ろ");
    put(&mut record, id("1-①-a"), 2024, Some(Status::Done), "前\n二行目");
    put(&mut record, id("2-①-a"), 2024, Some(Status::Done), "原本のメモ");
    put(&mut record, id("2-①-b"), 2024, Some(Status::Done), " \n\u{3000}");
    put(&mut record, id("1-①-b"), 2023, None, "別の年度");

    let listed = noted(&plan, &record, FiscalYear(2024));
    let ids: Vec<InitiativeId> = listed.iter().map(|(id, _)| *id).collect();
    // 2-①-a once, not again under its re-listed row 6-②-e: one note, one entry.
    assert_eq!(ids, [id("1-①-a"), id("2-①-a"), id("3-①-a")]);
    assert_eq!(listed[0].1.note, "前\n二行目");
    assert!(noted(&plan, &record, FiscalYear(2025)).is_empty());
}
