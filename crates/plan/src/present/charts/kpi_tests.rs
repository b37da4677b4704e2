//! Tests of `charts::kpi`.

use serde_json::json;

use super::*;
use crate::plan::FiscalYear;
use crate::present::charts::option_json;
use crate::present::charts::spec::tests::{
    assert_legend_is_the_columns, en, grid_below, ja, option, option_at, plain_legend, series,
};
use crate::progress::KpiCell;
use crate::test_support::{code, plan};

fn put(record: &mut Record, kpi: &str, year: u16, target: Option<f64>, actual: Option<f64>) {
    record.kpis.insert((code(kpi), FiscalYear(year)), KpiCell { target, actual, ..KpiCell::default() });
}

#[test]
fn bars_are_actuals_and_the_line_is_the_target_by_fiscal_year_in_the_kpis_unit() {
    let plan = plan();
    let mut record = Record::default();
    put(&mut record, "2-2", 2023, Some(30.0), Some(28.5));
    put(&mut record, "2-2", 2024, Some(40.0), None);
    put(&mut record, "2-2", 2026, None, Some(0.0));
    put(&mut record, "2-3", 2023, Some(1.0), Some(2.0));
    let spec = kpi_target_vs_actual(&plan, &record, code("2-2"), &ja()).unwrap();

    assert_eq!(spec.title, "2-2 企業におけるデジタル化進捗割合：目標値と実績値");
    let option = option(&spec);
    assert_eq!(option["xAxis"]["data"], json!(["2023", "2024", "2025", "2026", "2027"]));
    assert_eq!(option["xAxis"]["name"], "年度");
    assert_eq!(option["yAxis"]["name"], "%");
    assert_eq!(option["yAxis"].get("minInterval"), None, "a percentage may have fractional ticks");
    assert_eq!(
        series(&option),
        [
            ("bar".into(), "実績値".into(), None, json!([28.5, null, null, 0, null])),
            ("line".into(), "目標値".into(), None, json!([30, 40, null, null, null])),
        ],
        "missing values are null, never 0; a recorded 0 stays 0"
    );
    assert_eq!(option["series"][1]["lineStyle"], json!({ "width": 2.0, "type": "dashed" }));
    assert_eq!(option["series"][1]["symbol"], "rect");
    assert_eq!(option["color"], json!(["#0072B2", "#D55E00"]));
    assert_eq!(option["aria"]["enabled"], true);
    assert_eq!(option["aria"]["label"]["description"], spec.description);
    assert_eq!(option["title"][0]["text"], spec.title);

    assert_eq!(spec.table.caption, spec.title);
    assert_eq!(spec.table.row_header, "年度");
    assert_eq!(spec.table.columns, ["実績値", "目標値"]);
    assert_eq!(spec.table.unit.as_deref(), Some("%"));
    assert_eq!(
        spec.table.rows,
        [
            ("令和5年度（2023年度）".to_string(), vec![Some(28.5), Some(30.0)]),
            ("令和6年度（2024年度）".to_string(), vec![None, Some(40.0)]),
            ("令和7年度（2025年度）".to_string(), vec![None, None]),
            ("令和8年度（2026年度）".to_string(), vec![Some(0.0), None]),
            ("令和9年度（2027年度）".to_string(), vec![None, None]),
        ]
    );
    assert!(!spec.empty);
    assert!(spec.description.starts_with(
        "2-2 企業におけるデジタル化進捗割合：目標値と実績値。単位：%。実績値：令和5年度（2023年度） 28.5、"
    ));
    assert!(spec
        .description
        .contains("目標値：令和5年度（2023年度） 30、令和6年度（2024年度） 40、令和7年度（2025年度） 未記録"));
}

#[test]
fn the_whole_option_is_this_json() {
    let plan = plan();
    let mut record = Record::default();
    put(&mut record, "1-1", 2023, Some(10.0), Some(12.0));
    let spec = kpi_target_vs_actual(&plan, &record, code("1-1"), &en()).unwrap();
    let want = json!({
        "title": [{ "show": false, "text": "1-1 創業塾、創業セミナー、個別講習の参加人数: target and actual" }],
        "tooltip": { "trigger": "axis" },
        "legend": plain_legend(),
        "grid": grid_below(1),
        "xAxis": {
            "type": "category",
            "name": "Fiscal year",
            "nameLocation": "middle",
            "nameGap": 28.0,
            "data": ["2023", "2024", "2025", "2026", "2027"]
        },
        "yAxis": { "type": "value", "name": "人" },
        "color": ["#0072B2", "#D55E00"],
        "aria": { "enabled": true, "label": { "enabled": true, "description": spec.description } },
        "series": [
            {
                "type": "bar",
                "name": "Actual",
                "itemStyle": { "borderColor": "#1B1F24", "borderWidth": 1.0 },
                "data": [12, null, null, null, null]
            },
            {
                "type": "line",
                "name": "Target",
                "symbol": "rect",
                "symbolSize": 8.0,
                "lineStyle": { "width": 2.0, "type": "dashed" },
                "data": [10, null, null, null, null]
            }
        ]
    });
    let got: serde_json::Value = serde_json::from_str(&option_json(&spec, 1200.0).unwrap()).unwrap();
    assert_eq!(got, want);
    assert_eq!(
        spec.description,
        "1-1 創業塾、創業セミナー、個別講習の参加人数: target and actual. Unit: 人. \
         Actual: FY2023 (R5) 12, FY2024 (R6) none, FY2025 (R7) none, FY2026 (R8) none, FY2027 (R9) none. \
         Target: FY2023 (R5) 10, FY2024 (R6) none, FY2025 (R7) none, FY2026 (R8) none, FY2027 (R9) none."
    );
}

#[test]
fn a_kpi_with_nothing_recorded_is_empty_with_every_value_null() {
    let plan = plan();
    let spec = kpi_target_vs_actual(&plan, &Record::default(), code("1-1"), &ja()).unwrap();
    assert!(spec.empty);
    let option = option(&spec);
    for (_, _, _, data) in series(&option) {
        assert_eq!(data, json!([null, null, null, null, null]));
    }
    assert!(spec.table.rows.iter().all(|(_, values)| values == &[None, None]));
}

#[test]
fn a_kpi_without_a_unit_has_an_unnamed_axis_and_no_table_unit() {
    let mut plan = plan();
    plan.kpis[0].unit = None;
    let first = plan.kpis[0].code;
    let spec = kpi_target_vs_actual(&plan, &Record::default(), first, &ja()).unwrap();
    assert_eq!(spec.table.unit, None);
    assert_eq!(option(&spec)["yAxis"]["name"], "");
    assert!(!spec.description.contains("単位"));
}

#[test]
fn an_unknown_kpi_has_no_chart() {
    assert_eq!(kpi_target_vs_actual(&plan(), &Record::default(), code("9-9"), &ja()), None);
}

#[test]
fn values_of_other_kpis_and_years_outside_the_plan_are_not_drawn() {
    let plan = plan();
    let mut record = Record::default();
    put(&mut record, "1-2", 2023, Some(5.0), Some(5.0));
    put(&mut record, "1-1", 2030, Some(5.0), Some(5.0));
    let spec = kpi_target_vs_actual(&plan, &record, code("1-1"), &ja()).unwrap();
    assert!(spec.empty);
    assert_eq!(spec.table.rows.len(), 5);
}

#[test]
fn the_two_series_legend_stays_on_one_line_on_a_phone() {
    let spec = kpi_target_vs_actual(&plan(), &Record::default(), code("1-1"), &en()).unwrap();
    // A 360 px phone gives the canvas about 326 px.
    assert_eq!(option_at(&spec, 326.0)["grid"], grid_below(1));
    assert_eq!(option_at(&spec, 326.0)["legend"], plain_legend());
    assert_legend_is_the_columns(&spec);
}
