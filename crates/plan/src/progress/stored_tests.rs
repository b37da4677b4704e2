//! Tests of `progress::stored`: every way stored text can be found.

use super::*;
use crate::plan::{FiscalYear, InitiativeId};
use crate::progress::edit::Change;
use crate::progress::edit::Edit;
use crate::progress::{Stamp, Status};
use crate::test_support::plan;

fn saved(plan: &Plan) -> (Record, String) {
    let mut record = Record::default();
    let id = InitiativeId { policy: 1, sub: 1, letter: 'a' };
    record
        .apply(
            &Edit::Initiative { id, year: FiscalYear(2023), change: Change::Status(Some(Status::Done)) },
            Stamp::default(),
        )
        .unwrap();
    let json = document::to_json(&record, &plan.plan.id, None).expect("serialises");
    (record, json)
}

#[test]
fn nothing_stored_is_an_empty_record() {
    assert_eq!(load(None, &plan()), Loaded::Empty);
}

#[test]
fn a_saved_record_loads() {
    let plan = plan();
    let (record, json) = saved(&plan);
    assert_eq!(load(Some(&json), &plan), Loaded::Record(record));
}

#[test]
fn the_first_shipped_format_still_loads() {
    // Kept as written by version 1; every later version must still read it.
    let v1 = include_str!("../../tests/fixtures/progress-v1.json");
    let Loaded::Record(record) = load(Some(v1), &plan()) else { panic!("v1 fixture must load") };
    assert_eq!(record.initiatives.len(), 2);
    assert_eq!(record.kpis.len(), 1);
}

#[test]
fn corrupted_text_is_unreadable_never_empty() {
    let plan = plan();
    let (_, json) = saved(&plan);
    let truncated = &json[..json.len() / 2];
    for raw in ["not json", "", "{}", "[]", "null", truncated, r#"{"format":"kama-sme-progress","version":1}"#] {
        assert!(matches!(load(Some(raw), &plan), Loaded::Unreadable(_)), "{raw:?}");
    }
    let wrong_shape = json.replace("\"完了\"", "42");
    assert!(matches!(load(Some(&wrong_shape), &plan), Loaded::Unreadable(DocumentError::Shape(_))));
}

#[test]
fn a_record_from_a_newer_app_is_left_alone() {
    let plan = plan();
    let (_, json) = saved(&plan);
    let newer = json.replace(&format!("\"version\": {}", crate::progress::document::VERSION), "\"version\": 7");
    assert_eq!(load(Some(&newer), &plan), Loaded::Newer(7));
}

#[test]
fn keys_are_per_plan_and_backups_never_collide() {
    assert_ne!(storage_key("a"), storage_key("b"));
    assert_ne!(backup_key("a", 1), backup_key("a", 2));
    assert!(backup_key("a", 1).starts_with(&backup_prefix("a")));
    assert!(!storage_key("a").starts_with(&backup_prefix("a")));
}
