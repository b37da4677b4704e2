//! Tests of `charts::composition`.

use std::collections::BTreeSet;

use serde_json::json;

use super::*;
use crate::present::charts::spec::tests::{
    assert_legend_is_the_columns, en, grid_below, ja, option, option_at, plain_legend, series,
};
use crate::query::{self, Filters, PlanIndex};
use crate::test_support::plan;

fn all(plan: &Plan) -> Vec<usize> {
    (0..plan.initiatives.len()).collect()
}

fn stacked(data: &[&[u32]]) -> Vec<serde_json::Value> {
    data.iter().map(|d| json!(d)).collect()
}

#[test]
fn directions_stack_per_policy_in_table_order_then_not_stated() {
    let plan = plan();
    let spec = composition_by_direction(&plan, &all(&plan), &ja());
    let option = option(&spec);
    let got = series(&option);
    let names: Vec<&str> = got.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(names, ["継続", "強化", "新規", "継続/要検討", "拡大", "要検討", "未記載"]);
    assert!(got.iter().all(|s| s.0 == "bar" && s.2.as_deref() == Some("initiatives")), "one stack");
    let data: Vec<_> = got.iter().map(|s| s.3.clone()).collect();
    // Columns of the table, policy 1–6 (re-listed rows count: the explore
    // view shows them unless folded).
    assert_eq!(
        data,
        stacked(&[
            &[7, 8, 4, 3, 7, 6],
            &[1, 8, 1, 1, 2, 1],
            &[1, 3, 1, 0, 0, 0],
            &[1, 3, 2, 1, 3, 1],
            &[0, 0, 1, 0, 0, 0],
            &[0, 0, 4, 5, 2, 0],
            &[0, 0, 0, 4, 0, 5],
        ])
    );
    assert_eq!(option["xAxis"]["data"], json!(["1", "2", "3", "4", "5", "6"]));
    assert_eq!(option["xAxis"]["name"], "基本施策");
    assert_eq!(option["yAxis"]["name"], "件");
    assert_eq!(option["yAxis"]["minInterval"], 1.0);
    assert_eq!(
        option["color"],
        json!(["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#D5D9DE"]),
        "未記載 is the neutral grey"
    );
    assert_eq!(spec.title, "基本施策別の取組数（実施方針区分別）");
    assert_eq!(spec.table.columns.len(), 7);
    assert_eq!(
        spec.table.rows[0],
        ("1 中小企業の創業の促進を図る".to_string(), [7., 1., 1., 1., 0., 0., 0.].map(Some).to_vec())
    );
    assert_eq!(spec.table.unit.as_deref(), Some("件"));
    let total: f64 = spec.table.rows.iter().flat_map(|(_, v)| v.iter().flatten()).sum();
    assert_eq!(total, 86.0);
    assert!(!spec.empty);
}

#[test]
fn the_charts_count_only_the_matches_of_the_explore_view() {
    let plan = plan();
    let index = PlanIndex::new(&plan);
    let filters = Filters { policies: BTreeSet::from([2]), ..Filters::default() };
    let result = query::run(&plan, &index, &filters);
    let spec = composition_by_direction(&plan, &result.matches, &ja());
    let rows: Vec<Vec<Option<f64>>> = spec.table.rows.iter().map(|(_, v)| v.clone()).collect();
    assert_eq!(rows[1], [8., 8., 3., 3., 0., 0., 0.].map(Some));
    for (n, row) in rows.iter().enumerate().filter(|(n, _)| *n != 1) {
        assert!(row.iter().all(|v| *v == Some(0.0)), "policy {} is filtered out", n + 1);
    }
    // The series stay, so colours do not move when filters change.
    assert_eq!(spec.table.columns.len(), 7);

    let first = composition_by_first_plan(&plan, &result.matches, &ja());
    assert_eq!(first.table.rows[1].1, [11., 11., 0.].map(Some));
    assert_eq!(first.table.rows[0].1, [0., 0., 0.].map(Some));
}

#[test]
fn folded_relisted_rows_are_not_counted_when_the_explore_view_folds_them() {
    let plan = plan();
    let index = PlanIndex::new(&plan);
    let folded = query::run(&plan, &index, &Filters { fold_relisted: true, ..Filters::default() });
    let spec = composition_by_direction(&plan, &folded.matches, &ja());
    let total: f64 = spec.table.rows.iter().flat_map(|(_, v)| v.iter().flatten()).sum();
    assert_eq!(total, 75.0);
}

#[test]
fn first_plan_relation_stacks_continued_new_revised() {
    let plan = plan();
    let spec = composition_by_first_plan(&plan, &all(&plan), &en());
    let option = option(&spec);
    let got = series(&option);
    let names: Vec<&str> = got.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(names, ["継続 (continued)", "新規 (new)", "改 (revised)"]);
    assert!(got.iter().all(|s| s.2.as_deref() == Some("initiatives")));
    let data: Vec<_> = got.iter().map(|s| s.3.clone()).collect();
    assert_eq!(data, stacked(&[&[8, 11, 9, 8, 6, 5], &[2, 11, 4, 2, 6, 7], &[0, 0, 0, 4, 2, 1]]));
    assert_eq!(option["color"], json!(["#0072B2", "#E69F00", "#009E73"]));
    assert_eq!(option["xAxis"]["name"], "Basic policy");
    assert_eq!(option["yAxis"]["name"], "initiatives");
    assert_eq!(spec.title, "Initiatives per basic policy, by relation to the 1st plan");
    assert!(spec.description.starts_with(
        "Initiatives per basic policy, by relation to the 1st plan. Unit: initiatives. 継続 (continued): 1 中小企業の創業の促進を図る 8, "
    ));
}

#[test]
fn a_plans_own_words_for_the_relation_follow_kamas_and_are_shown_as_written() {
    let mut plan = plan();
    plan.initiatives[0].first_plan = Some("拡充".into());
    plan.initiatives[1].first_plan = Some("統合".into());
    plan.initiatives[2].first_plan = Some("拡充".into());
    let spec = composition_by_first_plan(&plan, &all(&plan), &en());
    assert_eq!(spec.table.columns, ["継続 (continued)", "新規 (new)", "改 (revised)", "拡充", "統合"]);
    let first_policy: Vec<f64> = spec.table.rows[0].1.iter().map(|v| v.unwrap_or(-1.)).collect();
    assert_eq!(first_policy.iter().sum::<f64>(), 10., "every initiative of policy 1 counted once");
    assert_eq!(&first_policy[3..], [2., 1.]);
}

#[test]
fn no_matches_give_an_empty_chart_with_zero_counts_and_every_series() {
    let plan = plan();
    for spec in [composition_by_direction(&plan, &[], &ja()), composition_by_first_plan(&plan, &[], &ja())] {
        assert!(spec.empty);
        assert_eq!(spec.table.rows.len(), 6);
        assert!(spec.table.rows.iter().all(|(_, v)| v.iter().all(|n| *n == Some(0.0))));
        let option = option(&spec);
        for (_, _, _, data) in series(&option) {
            assert_eq!(data, json!([0, 0, 0, 0, 0, 0]));
        }
    }
}

#[test]
fn indices_past_the_plan_are_ignored() {
    let plan = plan();
    let spec = composition_by_first_plan(&plan, &[0, 9999], &ja());
    let total: f64 = spec.table.rows.iter().flat_map(|(_, v)| v.iter().flatten()).sum();
    assert_eq!(total, 1.0);
}

#[test]
fn the_legends_wrap_on_a_phone_and_keep_one_line_side_by_side_on_a_desktop() {
    let plan = plan();
    let by_direction = composition_by_direction(&plan, &all(&plan), &ja());
    let by_first_plan = composition_by_first_plan(&plan, &all(&plan), &en());
    for spec in [&by_direction, &by_first_plan] {
        // Two charts side by side at 1280 px: about 560 px each.
        assert_eq!(option_at(spec, 560.0)["grid"], grid_below(1), "{}", spec.title);
        // A 360 px phone: about 326 px.
        assert_eq!(option_at(spec, 326.0)["grid"], grid_below(2), "{}", spec.title);
        assert_eq!(option_at(spec, 326.0)["legend"], plain_legend());
        assert_legend_is_the_columns(spec);
    }
}
