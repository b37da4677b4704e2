//! Tests of `charts::status`.

use serde_json::json;

use super::*;
use crate::plan::InitiativeId;
use crate::present::charts::spec::tests::{
    assert_legend_is_the_columns, en, grid_below, ja, option, option_at, plain_legend, series,
};
use crate::progress::{InitiativeCell, Stamp, Status};
use crate::test_support::{plan, plan_with_own_statuses};

fn put(record: &mut Record, id: &str, year: u16, status: Status) {
    let id: InitiativeId = id.parse().unwrap();
    record.initiatives.insert(
        (id, FiscalYear(year)),
        InitiativeCell {
            status: Some(status),
            note: String::new(),
            stamp: Stamp::default(),
            ..InitiativeCell::default()
        },
    );
}

#[test]
fn statuses_stack_per_policy_for_the_year_with_unrecorded_last() {
    let plan = plan();
    let mut record = Record::default();
    put(&mut record, "1-①-a", 2023, Status::Done);
    put(&mut record, "2-①-a", 2024, Status::Delayed);
    put(&mut record, "2-①-b", 2023, Status::InProgress);
    put(&mut record, "2-①-c", 2023, Status::InProgress);
    // A re-listed row: left out, as in the progress overview.
    put(&mut record, "6-②-e", 2023, Status::Done);
    let spec = progress_by_status(&plan, &record, FiscalYear(2023), &ja());

    assert_eq!(spec.title, "基本施策別の進捗状況（令和5年度（2023年度））");
    let option = option(&spec);
    let got = series(&option);
    let names: Vec<&str> = got.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(names, ["未着手", "実施中", "完了", "遅れ", "見直し", "中止", "未記録"]);
    assert!(got.iter().all(|s| s.0 == "bar" && s.2.as_deref() == Some("status")));
    let data: Vec<_> = got.iter().map(|s| s.3.clone()).collect();
    assert_eq!(
        data,
        [
            json!([0, 0, 0, 0, 0, 0]),
            json!([0, 2, 0, 0, 0, 0]),
            json!([1, 0, 0, 0, 0, 0]),
            json!([0, 0, 0, 0, 0, 0]),
            json!([0, 0, 0, 0, 0, 0]),
            json!([0, 0, 0, 0, 0, 0]),
            json!([9, 20, 13, 8, 14, 8]),
        ]
    );
    assert_eq!(option["color"], json!(["#56B4E9", "#0072B2", "#009E73", "#D55E00", "#E69F00", "#000000", "#D5D9DE"]));
    assert_eq!(option["yAxis"]["name"], "件");
    assert_eq!(option["xAxis"]["data"], json!(["1", "2", "3", "4", "5", "6"]));
    assert_eq!(spec.table.columns, ["未着手", "実施中", "完了", "遅れ", "見直し", "中止", "未記録"]);
    assert_eq!(spec.table.rows[0].0, "1 中小企業の創業の促進を図る");
    assert_eq!(spec.table.rows[0].1, [0., 0., 1., 0., 0., 0., 9.].map(Some));
    assert!(!spec.empty);
}

#[test]
fn a_plan_of_its_own_statuses_stacks_its_words_in_its_order() {
    let plan = plan_with_own_statuses();
    let mut record = Record::default();
    put(&mut record, "1-①-a", 2023, Status::Stopped);
    put(&mut record, "1-①-b", 2023, Status::NotStarted);
    let spec = progress_by_status(&plan, &record, FiscalYear(2023), &ja_of(&plan));
    assert_eq!(spec.table.columns, ["未実施", "実施中", "休止", "完了", "未記録"]);
    assert_eq!(spec.table.rows[0].1, [1., 0., 1., 0., 8.].map(Some));
    let option = option(&spec);
    assert_eq!(option["color"], json!(["#56B4E9", "#0072B2", "#000000", "#009E73", "#D5D9DE"]), "each status keeps its colour");
    // A status the plan does not list, still recorded, gets its column.
    put(&mut record, "2-①-a", 2023, Status::Delayed);
    let spec = progress_by_status(&plan, &record, FiscalYear(2023), &ja_of(&plan));
    assert_eq!(spec.table.columns, ["未実施", "実施中", "休止", "完了", "遅れ", "未記録"]);
}

/// Japanese labels with the statuses as `plan` words them (as the app fills them).
fn ja_of(plan: &Plan) -> Labels {
    Labels { statuses: Status::ALL.map(|s| plan.evaluation.status_ja(s).to_string()), ..ja() }
}

#[test]
fn the_numbers_are_the_progress_overviews() {
    let plan = plan();
    let mut record = Record::default();
    put(&mut record, "3-①-a", 2025, Status::Stopped);
    put(&mut record, "4-①-a", 2025, Status::Revising);
    let spec = progress_by_status(&plan, &record, FiscalYear(2025), &en());
    let overview = crate::progress::overview::status_counts(&plan, &record, FiscalYear(2025));
    for ((_, row), counts) in spec.table.rows.iter().zip(&overview) {
        let want: Vec<Option<f64>> =
            counts.counts.iter().chain([&counts.unrecorded]).map(|&n| Some(n as f64)).collect();
        assert_eq!(row, &want, "policy {}", counts.policy);
    }
    assert_eq!(spec.title, "Status per basic policy (FY2025 (R7))");
    assert_eq!(spec.table.columns.last().map(String::as_str), Some("Not recorded"));
}

#[test]
fn an_empty_record_is_all_unrecorded_but_still_a_chart() {
    let plan = plan();
    let spec = progress_by_status(&plan, &Record::default(), FiscalYear(2027), &ja());
    assert!(!spec.empty, "every initiative is counted, as unrecorded");
    let option = option(&spec);
    let got = series(&option);
    for (_, _, _, data) in &got[..6] {
        assert_eq!(data, &json!([0, 0, 0, 0, 0, 0]));
    }
    assert_eq!(got[6].3, json!([10, 22, 13, 8, 14, 8]));
}

#[test]
fn a_plan_without_initiatives_is_empty() {
    let mut plan = plan();
    plan.initiatives.clear();
    let spec = progress_by_status(&plan, &Record::default(), FiscalYear(2023), &ja());
    assert!(spec.empty);
    assert_eq!(spec.table.rows.len(), 6);
}

#[test]
fn on_a_phone_every_status_stays_in_the_legend_and_the_plot_moves_down() {
    let plan = plan();
    let english = progress_by_status(&plan, &Record::default(), FiscalYear(2024), &en());
    let japanese = progress_by_status(&plan, &Record::default(), FiscalYear(2024), &ja());
    for spec in [&english, &japanese] {
        let option = option(spec);
        assert_eq!(option["legend"], plain_legend(), "every name shown: no scrolling legend");
        assert_eq!(option["grid"], grid_below(1));
    }
    // A 360 px phone gives the canvas about 326 px: seven names take three
    // lines in English, two in Japanese.
    assert_eq!(option_at(&english, 326.0)["grid"], grid_below(3));
    assert_eq!(option_at(&japanese, 326.0)["grid"], grid_below(2));
    assert_legend_is_the_columns(&english);
}
