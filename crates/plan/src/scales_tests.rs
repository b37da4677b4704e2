//! Tests of `scales`: the statuses a plan words for itself, from its file to
//! the sheets staff fill in and read back.

use super::*;
use crate::plan::{FiscalYear, Plan};
use crate::progress::csv::UtcOffset;
use crate::progress::edit::{Change, Edit};
use crate::progress::history::Field;
use crate::progress::xlsx::workbook;
use crate::progress::xlsx_import::{read_evaluation_sheet, ProblemKind, SheetError};
use crate::progress::{Record, Stamp};
use crate::test_support::{edited, id, plan, plan_with_own_statuses};

const YEAR: FiscalYear = FiscalYear(2024);

fn record_with(statuses: &[(&str, Status)]) -> Record {
    let mut record = Record::default();
    for &(initiative, status) in statuses {
        let edit = Edit::Initiative { id: id(initiative), year: YEAR, change: Change::Status(Some(status)) };
        record.apply(&edit, Stamp::default()).unwrap();
    }
    record
}

#[test]
fn a_status_index_is_its_place_in_all() {
    for (i, status) in Status::ALL.into_iter().enumerate() {
        assert_eq!(status.index(), i, "{status:?}");
    }
}

#[test]
fn kamas_statuses_are_the_six_worded_as_their_codes() {
    let scales = Scales::default();
    let codes: Vec<Status> = scales.statuses.iter().map(|c| c.code).collect();
    assert_eq!(codes, Status::ALL);
    for status in Status::ALL {
        assert_eq!((scales.status_ja(status), scales.status_en(status)), (status.as_ja(), status.as_en()));
    }
    assert!(plan().evaluation.is_default(), "data/plan.json states none, so Kama's file is unchanged");
}

#[test]
fn a_plan_file_from_before_statuses_were_stated_reads_as_kamas_six() {
    // The `evaluation` object as plan files wrote it before: grades and directions only.
    let before = edited(crate::PLAN_JSON, |plan| {
        plan["evaluation"] = serde_json::json!({
            "grades": [{"code": "A", "ja": "達成", "en": "Achieved"}, {"code": "B", "ja": "未達成", "en": "Not achieved"}],
            "directions": [{"code": "継続", "ja": "継続", "en": "Continue"}],
        });
    });
    let plan = Plan::from_json(&before).unwrap();
    assert_eq!(plan.evaluation.statuses, Scales::default().statuses);
    assert_eq!(plan.evaluation.grades.len(), 2, "what the file states is kept");
}

#[test]
fn a_plan_file_states_its_statuses_and_an_unknown_one_is_refused() {
    let own = plan_with_own_statuses();
    let json = crate::import::to_json(&own).unwrap();
    assert!(json.contains(r#""code": "未着手""#) && json.contains(r#""ja": "未実施""#));
    assert_eq!(Plan::from_json(&json).unwrap(), own);
    let unknown = edited(&json, |plan| plan["evaluation"]["statuses"][0]["code"] = "保留".into());
    let error = Plan::from_json(&unknown).unwrap_err().to_string();
    assert!(error.contains("保留"), "{error}");
}

#[test]
fn shown_statuses_are_the_plans_in_its_order_then_any_other_recorded() {
    let own = plan_with_own_statuses().evaluation;
    let shown = own.statuses_shown(|_| false);
    assert_eq!(shown, [Status::NotStarted, Status::InProgress, Status::Stopped, Status::Done]);
    // A record may hold a status the plan does not list: it is shown, not lost.
    let shown = own.statuses_shown(|s| s == Status::Delayed);
    assert_eq!(shown, [Status::NotStarted, Status::InProgress, Status::Stopped, Status::Done, Status::Delayed]);
    assert_eq!((own.status_ja(Status::Delayed), own.status_en(Status::Delayed)), ("遅れ", "Delayed"));
    assert!(!own.lists_status(Status::Delayed) && own.lists_status(Status::Stopped));
    // A status listed twice is one column.
    let mut twice = own.clone();
    twice.statuses.push(twice.statuses[0].clone());
    assert_eq!(twice.statuses_shown(|_| true).len(), 6);
}

#[test]
fn the_sheets_write_the_plans_words_and_read_them_back() {
    let own = plan_with_own_statuses();
    let record = record_with(&[("1-①-a", Status::NotStarted), ("2-①-a", Status::Stopped)]);
    let bytes = workbook(&own, &record, YEAR, 0, UtcOffset::JST).unwrap();
    let import = read_evaluation_sheet(&own, &record, &bytes).unwrap();
    assert_eq!(import.changes, [], "an unchanged export reads back as no change");
    // Read against an empty record: the plan's words are the statuses they stand for.
    let import = read_evaluation_sheet(&own, &Record::default(), &bytes).unwrap();
    let statuses: Vec<(String, String)> = import
        .changes
        .iter()
        .filter(|c| c.field == Field::Status)
        .map(|c| (c.id.to_string(), c.incoming.clone()))
        .collect();
    assert_eq!(statuses, [("1-①-a".into(), "未実施".into()), ("2-①-a".into(), "休止".into())]);
    let applied = import.edit().map(|edit| {
        let mut r = Record::default();
        r.apply(&edit, Stamp::default()).unwrap();
        r
    });
    assert_eq!(applied.map(|r| r.initiatives.get(&(id("2-①-a"), YEAR)).and_then(|c| c.status)), Some(Some(Status::Stopped)));
    // The CSV of all years writes the same words.
    let csv = String::from_utf8(crate::progress::csv::initiatives_csv(&own, &record, UtcOffset::JST).unwrap()).unwrap();
    assert!(csv.contains(",未実施,") && csv.contains(",休止,") && !csv.contains(",中止,"), "{csv}");
}

#[test]
fn a_sheet_may_write_a_status_by_its_standard_name_but_not_by_another_word() {
    let own = plan_with_own_statuses();
    let kama = plan();
    let record = record_with(&[("1-①-a", Status::Stopped), ("1-①-b", Status::NotStarted)]);
    // A sheet exported under Kama's words (中止, 未着手) reads into the plan of its own words.
    let bytes = workbook(&kama, &record, YEAR, 0, UtcOffset::JST).unwrap();
    let import = read_evaluation_sheet(&own, &Record::default(), &bytes).unwrap();
    assert_eq!(import.changes.iter().filter(|c| c.field == Field::Status).count(), 2);
    // A word of neither is refused, naming the plan's words.
    let mut odd = Record::default();
    odd.apply(
        &Edit::Initiative { id: id("1-①-a"), year: YEAR, change: Change::Status(Some(Status::Delayed)) },
        Stamp::default(),
    )
    .unwrap();
    let mut renamed = kama.clone();
    renamed.evaluation.statuses[3].ja = "保留".into();
    let bytes = workbook(&renamed, &odd, YEAR, 0, UtcOffset::JST).unwrap();
    match read_evaluation_sheet(&own, &Record::default(), &bytes) {
        Err(SheetError::Rows { problems, .. }) => {
            let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
            let allowed = vec!["未実施".to_string(), "実施中".into(), "休止".into(), "完了".into()];
            assert_eq!(kinds, [&ProblemKind::NotAChoice { found: "保留".into(), allowed }]);
        }
        other => panic!("refused, not {other:?}"),
    }
}
