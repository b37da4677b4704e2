//! Tests of `progress::document`.

use super::*;
use crate::progress::edit::{Edit, KpiField};
use crate::test_support::plan;

fn sample() -> Record {
    let mut record = Record::default();
    let stamp = |t| Stamp { author: Some("嘉麻 花子".into()), updated_at: t };
    let id = InitiativeId { policy: 2, sub: 1, letter: 'a' };
    record.apply(&Edit::Status { id, year: FiscalYear(2024), status: Some(Status::Delayed) }, stamp(10));
    record.apply(&Edit::Note { id, year: FiscalYear(2024), note: "=SUM(A1) \"引用\"\n改行".into() }, stamp(11));
    let code = KpiCode { policy: 4, number: 1 };
    record.apply(
        &Edit::KpiValue { code, year: FiscalYear(2023), field: KpiField::Actual, value: Some(1234.5) },
        stamp(12),
    );
    record
}

#[test]
fn a_record_round_trips_through_its_document() {
    let plan = plan();
    let json = to_json(&sample(), &plan.plan.id, Some(99)).expect("serialises");
    assert!(json.contains("\"format\": \"kama-sme-progress\""));
    assert!(json.contains("\"status\": \"遅れ\""));
    assert_eq!(from_json(&json, &plan, MAX_IMPORT_BYTES), Ok(sample()));
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let plan = plan();
    let good = to_json(&sample(), &plan.plan.id, None).expect("serialises");
    let refuse = |text: &str| from_json(text, &plan, MAX_IMPORT_BYTES).expect_err("refused");
    assert!(matches!(refuse("not json"), DocumentError::NotJson(_)));
    let truncated: String = good.chars().take(good.chars().count() / 2).collect();
    assert!(matches!(refuse(&truncated), DocumentError::NotJson(_)), "truncated");
    assert_eq!(refuse("{\"hello\": 1}"), DocumentError::NotAProgressFile);
    assert_eq!(refuse(&good.replace("\"version\": 1", "\"version\": 7")), DocumentError::FutureVersion(7));
    assert_eq!(refuse(&good.replace("\"version\": 1", "\"version\": 0")), DocumentError::UnknownVersion(0));
    assert!(matches!(refuse(&good.replace(&plan.plan.id, "other-plan")), DocumentError::WrongPlan { .. }));
    assert_eq!(refuse(&good.replace("2-①-a", "9-①-a")), DocumentError::UnknownInitiative("9-①-a".into()));
    assert_eq!(refuse(&good.replace("\"4-1\"", "\"4-9\"")), DocumentError::UnknownKpi("4-9".into()));
    assert_eq!(refuse(&good.replace("2024", "2031")), DocumentError::YearOutsidePlan(2031));
    assert!(matches!(refuse(&good.replace("\"遅れ\"", "\"たぶん\"")), DocumentError::Shape(_)));
    let err = from_json(&good, &plan, 10).expect_err("too large");
    assert!(matches!(err, DocumentError::TooLarge { max: 10, .. }));
}

#[test]
fn a_cell_listed_twice_is_refused_not_silently_merged() {
    let plan = plan();
    let row = r#"{"id": "2-①-a", "year": 2024, "note": "x", "updated_at": 1}"#;
    let doc = format!(
        r#"{{"format": "kama-sme-progress", "version": 1, "plan_id": "{}", "initiatives": [{row}, {row}]}}"#,
        plan.plan.id
    );
    assert!(matches!(from_json(&doc, &plan, MAX_IMPORT_BYTES), Err(DocumentError::Duplicate(_))));
}

#[test]
fn kpi_values_read_back_to_the_last_bit() {
    // Found by `format_props_tests`: without serde_json's `float_roundtrip`
    // these read back one unit in the last place off.
    let plan = plan();
    let code = KpiCode { policy: 1, number: 1 };
    for value in [-1.1402304334215525e145, 8.991924909975781e-13, 3.864496743743758e-196, -1.8374229494653363e292] {
        let mut record = Record::default();
        record.apply(
            &Edit::KpiValue { code, year: FiscalYear(2023), field: KpiField::Actual, value: Some(value) },
            Stamp::default(),
        );
        let json = to_json(&record, &plan.plan.id, None).expect("serialises");
        assert_eq!(from_json(&json, &plan, MAX_IMPORT_BYTES), Ok(record), "{value:e}");
    }
}

#[test]
fn the_compact_form_for_storage_reads_back_the_same_and_is_smaller() {
    let plan = plan();
    let record = crate::generate::full_record(&plan, 200);
    let compact = to_json_stored(&record, &plan.plan.id).expect("serialises");
    let pretty = to_json(&record, &plan.plan.id, None).expect("serialises");
    assert!(compact.len() < pretty.len(), "{} vs {}", compact.len(), pretty.len());
    assert_eq!(from_json(&compact, &plan, MAX_IMPORT_BYTES), Ok(record));
}

#[test]
fn json_that_is_not_an_object_is_not_a_progress_file_and_broken_json_says_so() {
    let plan = plan();
    for text in ["[]", "42", "\"text\"", "null", "{\"format\": 3}"] {
        assert_eq!(from_json(text, &plan, MAX_IMPORT_BYTES), Err(DocumentError::NotAProgressFile), "{text}");
    }
    for text in ["", "{", "{\"format\": \"kama-sme-progress\",", "not json"] {
        assert!(matches!(from_json(text, &plan, MAX_IMPORT_BYTES), Err(DocumentError::NotJson(_))), "{text}");
    }
}

#[test]
fn storage_keeps_clearings_and_export_files_leave_them_out() {
    let plan = plan();
    let id = InitiativeId { policy: 2, sub: 1, letter: 'a' };
    let mut record = sample();
    record.apply(&Edit::Note { id, year: FiscalYear(2024), note: String::new() }, Stamp::default());
    record.apply(&Edit::Status { id, year: FiscalYear(2024), status: None }, Stamp { author: None, updated_at: 20 });
    assert_eq!(record.cleared.initiatives.len(), 1);
    let stored = to_json_stored(&record, &plan.plan.id).expect("serialises");
    assert!(stored.contains(r#"{"id":"2-①-a","year":2024,"updated_at":20}"#), "{stored}");
    assert_eq!(from_json(&stored, &plan, MAX_IMPORT_BYTES), Ok(record.clone()));
    let export = to_json(&record, &plan.plan.id, Some(30)).expect("serialises");
    let exported = from_json(&export, &plan, MAX_IMPORT_BYTES).expect("reads");
    assert!(exported.cleared.is_empty() && exported.same_cells(&record));
}

#[test]
fn a_cell_and_a_clearing_of_the_same_key_are_a_duplicate() {
    let plan = plan();
    let stored = to_json_stored(&sample(), &plan.plan.id).expect("serialises");
    let doubled = stored.replace(r#""initiatives":["#, r#""initiatives":[{"id":"2-①-a","year":2024,"updated_at":1},"#);
    assert_ne!(doubled, stored);
    assert!(matches!(from_json(&doubled, &plan, MAX_IMPORT_BYTES), Err(DocumentError::Duplicate(_))));
}
