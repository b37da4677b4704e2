//! Tests of `charts::spec`, and the labels the other chart tests share.

use serde_json::{json, Value};

use super::*;
use crate::plan::FiscalYear;

/// The app's Japanese labels (src/i18n.rs, Charts).
pub(crate) fn ja() -> Labels {
    Labels {
        fiscal_year: "年度".into(),
        fiscal_year_names: (2023..=2027).map(|y| (FiscalYear(y), format!("令和{}年度（{y}年度）", y - 2018))).collect(),
        policy: "基本施策".into(),
        count_unit: "件".into(),
        actual: "実績値".into(),
        target: "目標値".into(),
        not_stated: "未記載".into(),
        unrecorded: "未記録".into(),
        statuses: ["未着手", "実施中", "完了", "遅れ", "見直し", "中止"].map(String::from),
        first_plan: Vec::new(),
        kpi_title: "{kpi}：目標値と実績値".into(),
        direction_title: "基本施策別の取組数（実施方針区分別）".into(),
        first_plan_title: "基本施策別の取組数（第1次計画との関連別）".into(),
        status_title: "基本施策別の進捗状況（{year}）".into(),
        unit: "単位：{unit}".into(),
        no_value: "未記録".into(),
        list_separator: "、".into(),
        sentence_end: "。".into(),
        colon: "：".into(),
    }
}

/// The app's English labels.
pub(crate) fn en() -> Labels {
    Labels {
        fiscal_year: "Fiscal year".into(),
        fiscal_year_names: (2023..=2027).map(|y| (FiscalYear(y), format!("FY{y} (R{})", y - 2018))).collect(),
        policy: "Basic policy".into(),
        count_unit: "initiatives".into(),
        actual: "Actual".into(),
        target: "Target".into(),
        not_stated: "Not stated".into(),
        unrecorded: "Not recorded".into(),
        statuses: ["Not started", "In progress", "Done", "Delayed", "Under review", "Stopped"].map(String::from),
        first_plan: [("継続", "継続 (continued)"), ("新規", "新規 (new)"), ("改", "改 (revised)")]
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .to_vec(),
        kpi_title: "{kpi}: target and actual".into(),
        direction_title: "Initiatives per basic policy, by implementation direction".into(),
        first_plan_title: "Initiatives per basic policy, by relation to the 1st plan".into(),
        status_title: "Status per basic policy ({year})".into(),
        unit: "Unit: {unit}".into(),
        no_value: "none".into(),
        list_separator: ", ".into(),
        sentence_end: ". ".into(),
        colon: ": ".into(),
    }
}

/// A spec's option as `setOption` receives it on a wide canvas, parsed back.
pub(crate) fn option(spec: &ChartSpec) -> Value {
    option_at(spec, 1200.0)
}

/// A spec's option for a canvas `width` px wide.
pub(crate) fn option_at(spec: &ChartSpec, width: f64) -> Value {
    serde_json::from_str(&option_json(spec, width).unwrap()).unwrap()
}

/// The legend of every chart: plain (never `scroll`), at the top, with the
/// geometry `legend_height` counts on.
pub(crate) fn plain_legend() -> Value {
    json!({
        "type": "plain",
        "top": 0,
        "left": "center",
        "padding": 5.0,
        "itemGap": 10.0,
        "itemWidth": 25.0,
        "itemHeight": 14.0,
        "textStyle": { "fontSize": 12.0 }
    })
}

/// The legend's items are the series' names; `legend_height` measures the
/// table's columns, so the two must be the same.
pub(crate) fn assert_legend_is_the_columns(spec: &ChartSpec) {
    let names: Vec<String> = series(&option(spec)).into_iter().map(|s| s.1).collect();
    assert_eq!(names, spec.table.columns, "{}", spec.title);
}

/// The grid below a legend of `lines` lines.
pub(crate) fn grid_below(lines: usize) -> Value {
    let legend = 10 + 14 * lines + 10 * (lines - 1);
    json!([{ "left": 8, "top": legend + 32, "right": 24, "bottom": 8 }])
}

/// Every series' `(type, name, stack, data)`.
pub(crate) fn series(option: &Value) -> Vec<(String, String, Option<String>, Value)> {
    option["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["type"].as_str().unwrap().to_string(),
                s["name"].as_str().unwrap().to_string(),
                s["stack"].as_str().map(String::from),
                s["data"].clone(),
            )
        })
        .collect()
}

fn table() -> DataTable {
    DataTable {
        caption: "表".into(),
        row_header: "年度".into(),
        columns: vec!["実績値".into(), "目標値".into()],
        rows: vec![("2023".into(), vec![Some(12.0), None]), ("2024".into(), vec![Some(0.5), Some(10.0)])],
        unit: Some("人".into()),
    }
}

#[test]
fn values_are_written_as_recorded_and_missing_ones_as_a_dash() {
    assert_eq!(DataTable::format_value(Some(12.0)), "12");
    assert_eq!(DataTable::format_value(Some(0.0)), "0");
    assert_eq!(DataTable::format_value(Some(-3.0)), "-3");
    assert_eq!(DataTable::format_value(Some(12.5)), "12.5");
    assert_eq!(DataTable::format_value(Some(1234567.0)), "1234567");
    assert_eq!(DataTable::format_value(None), "-");
}

#[test]
fn columns_read_down_the_rows() {
    assert_eq!(table().column(0), [Some(12.0), Some(0.5)]);
    assert_eq!(table().column(1), [None, Some(10.0)]);
    assert_eq!(table().column(2), [None, None], "a column past the end is empty, not a panic");
}

#[test]
fn points_are_integers_floats_or_null() {
    let json = serde_json::to_value([point(Some(3.0)), point(Some(2.5)), point(None), point(Some(0.0))]).unwrap();
    assert_eq!(json, json!([3, 2.5, null, 0]));
}

#[test]
fn descriptions_list_every_value_with_its_row_and_the_unit() {
    let text = describe("題", &table(), &ja());
    assert_eq!(text, "題。単位：人。実績値：2023 12、2024 0.5。目標値：2023 未記録、2024 10。");
    let text = describe("Title", &table(), &en());
    assert_eq!(text, "Title. Unit: 人. 実績値: 2023 12, 2024 0.5. 目標値: 2023 none, 2024 10.");
    let no_unit = DataTable { unit: None, ..table() };
    assert!(describe("題", &no_unit, &ja()).starts_with("題。実績値："));
}

#[test]
fn the_option_json_enables_aria_with_the_description_and_keeps_the_chart() {
    let chart = frame(Frame {
        title: "題",
        colors: vec!["#0072B2".into()],
        categories: vec!["a".into(), "b".into()],
        category_name: "x",
        value_name: "y",
        whole_numbers: true,
    });
    let spec = ChartSpec {
        title: "題".into(),
        description: "説明".into(),
        chart: stacked_bars(chart, &table(), "s"),
        table: table(),
        empty: false,
    };
    let option = option(&spec);
    assert_eq!(option["aria"], json!({ "enabled": true, "label": { "enabled": true, "description": "説明" } }));
    assert_eq!(option["title"], json!([{ "show": false, "text": "題" }]));
    assert_eq!(option["color"], json!(["#0072B2"]));
    assert_eq!(option["tooltip"], json!({ "trigger": "axis" }));
    assert_eq!(option["legend"], plain_legend());
    assert_eq!(option["grid"], grid_below(1));
    assert_eq!(option["xAxis"]["data"], json!(["a", "b"]));
    assert_eq!(option["xAxis"]["name"], "x");
    assert_eq!(option["yAxis"], json!({ "type": "value", "name": "y", "minInterval": 1.0 }));
    assert_eq!(
        series(&option),
        [
            ("bar".into(), "実績値".into(), Some("s".into()), json!([12, 0.5])),
            ("bar".into(), "目標値".into(), Some("s".into()), json!([null, 10])),
        ]
    );
    assert_eq!(option["series"][0]["itemStyle"], json!({ "borderColor": "#1B1F24", "borderWidth": 1.0 }));
    // Plain JSON: `setOption` gets objects, not Maps, and nothing but data.
    assert!(!option_json(&spec, 1200.0).unwrap().contains("function"));
}

#[test]
fn year_names_fall_back_to_the_number() {
    assert_eq!(ja().year_name(FiscalYear(2023)), "令和5年度（2023年度）");
    assert_eq!(ja().year_name(FiscalYear(2030)), "2030");
}

#[test]
fn the_palette_is_okabe_ito_with_a_distinct_neutral() {
    assert_eq!(OKABE_ITO.len(), 8);
    let mut all: Vec<&str> = OKABE_ITO.to_vec();
    all.push(NEUTRAL);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 9);
}

#[test]
fn the_default_spec_is_an_empty_chart() {
    let spec = ChartSpec::default();
    assert!(spec.empty);
    assert!(spec.table.rows.is_empty() && spec.table.columns.is_empty());
    let option = option(&spec);
    assert_eq!(option["aria"]["enabled"], true);
    assert_eq!(option.get("series"), None);
}

/// `n` names whose legend items are exactly 30 px wide (symbol 25 + gap 5).
fn blank_names(n: usize) -> Vec<String> {
    vec![String::new(); n]
}

#[test]
fn the_legend_wraps_where_echarts_box_layout_does() {
    // 100 px canvas: 90 px inside the padding; items of 30 px with 10 px
    // gaps: 0–30, 40–70, and the third (80–110) would pass 90: two a line.
    assert_eq!(legend_height(&blank_names(2), 100.0), 14.0);
    assert_eq!(legend_height(&blank_names(3), 100.0), 14.0 + 10.0 + 14.0);
    assert_eq!(legend_height(&blank_names(5), 100.0), 3.0 * 14.0 + 2.0 * 10.0);
    // Exactly reaching the edge still fits (ECharts wraps only past it).
    assert_eq!(legend_height(&blank_names(3), 120.0), 14.0);
    assert_eq!(legend_height(&[], 360.0), 0.0);
}

#[test]
fn a_narrower_canvas_never_gives_a_shorter_legend() {
    let names: Vec<String> = en().statuses.iter().cloned().chain([en().unrecorded]).collect();
    let mut last = 0.0;
    for width in (200..=1400).rev().step_by(10) {
        let height = legend_height(&names, width as f64);
        assert!(height >= last, "{width}px: {height} < {last}");
        last = height;
    }
    assert_eq!(legend_height(&names, 1400.0), 14.0, "one line on a wide canvas");
    assert!(last >= 3.0 * 14.0 + 2.0 * 10.0, "three lines or more at 200 px");
}

#[test]
fn an_unusable_width_puts_each_legend_item_on_its_own_line() {
    for width in [0.0, -5.0, f64::NAN, f64::INFINITY] {
        // As ECharts does when even the first item does not fit: a gap above it.
        assert_eq!(legend_height(&blank_names(3), width), 10.0 + 3.0 * 14.0 + 2.0 * 10.0, "{width}");
    }
}

#[test]
fn text_widths_are_estimated_generously() {
    assert_eq!(text_width("", 12.0), 0.0);
    assert_eq!(text_width("未記録", 12.0), 36.0);
    assert_eq!(text_width("２－①", 12.0), 36.0, "full-width forms and circled digits are a full em");
    let latin = text_width("Not recorded", 12.0);
    assert!((latin - 12.0 * 0.7 * 12.0).abs() < 1e-9, "{latin}");
}

#[test]
fn the_grid_starts_below_a_wrapped_legend_on_a_phone() {
    let spec = ChartSpec {
        title: "題".into(),
        description: "説明".into(),
        chart: Chart::new(),
        table: DataTable { columns: blank_names(5), ..table() },
        empty: false,
    };
    assert_eq!(option_at(&spec, 1200.0)["grid"], grid_below(1));
    assert_eq!(option_at(&spec, 100.0)["grid"], grid_below(3));
    assert_eq!(option_at(&spec, 100.0)["legend"], plain_legend(), "wrapping, not scrolling, at any width");
}
