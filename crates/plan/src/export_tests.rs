//! Tests of `export`, kept beside it.

use super::*;
use crate::test_support::{id, plan};
use crate::PLAN_JSON;

const COLUMNS: usize = 18 + 5 + 1;

/// Parses CSV bytes as Excel would after the BOM: header plus records.
fn read(bytes: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let body = bytes.strip_prefix(BOM).expect("BOM");
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let header = reader.headers().unwrap().clone();
    let records = reader.records().collect::<Result<Vec<_>, _>>().unwrap();
    (header, records)
}

fn cell<'r>(header: &csv::StringRecord, row: &'r csv::StringRecord, name: &str) -> &'r str {
    let at = header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    &row[at]
}

fn row_of<'r>(header: &csv::StringRecord, rows: &'r [csv::StringRecord], id: &str) -> &'r csv::StringRecord {
    rows.iter().find(|r| cell(header, r, "ID") == id).unwrap_or_else(|| panic!("no row {id}"))
}

#[test]
fn csv_starts_with_the_bom_and_ends_rows_in_crlf() {
    let plan = plan();
    let bytes = plan_csv(&plan, &plan.initiatives).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    assert!(bytes.ends_with(b"\r\n"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("昇順番号,ID,体系分類1コード,"));
    assert!(text.contains("2027年度,備考\r\n"));
}

#[test]
fn whole_plan_reads_back_as_86_rows() {
    let plan = plan();
    let (header, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
    assert_eq!(header.len(), COLUMNS);
    assert_eq!(rows.len(), 86);
    assert!(rows.iter().all(|r| r.len() == COLUMNS));
    let years: Vec<_> = header.iter().skip(18).take(5).collect();
    assert_eq!(years, ["2023年度", "2024年度", "2025年度", "2026年度", "2027年度"]);
    assert_eq!(&header[COLUMNS - 1], "備考");
}

#[test]
fn known_row_has_its_schedule_by_year() {
    let plan = plan();
    let (h, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
    let r = row_of(&h, &rows, "5-③-b");
    assert_eq!(cell(&h, r, "昇順番号"), "70");
    assert_eq!(cell(&h, r, "体系分類2コード"), "5-③");
    assert_eq!(cell(&h, r, "重要課題"), "重");
    assert_eq!(cell(&h, r, "実施方針区分"), "要検討");
    assert_eq!(
        cell(&h, r, "年次別実行スケジュール"),
        "関係機関連携協議（2023 (R5)）\n支援策の実施（2024 (R6)〜2027 (R9)）"
    );
    assert_eq!(cell(&h, r, "2023年度"), "関係機関連携協議");
    assert_eq!(cell(&h, r, "2024年度"), "支援策の実施");
    assert_eq!(cell(&h, r, "2027年度"), "支援策の実施");
}

#[test]
fn kpis_and_relists_are_written_by_code_and_name() {
    let plan = plan();
    let (h, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
    let r = row_of(&h, &rows, "2-③-a");
    assert_eq!(cell(&h, r, "数値目標"), "2-5 事業計画の策定事業者数(社)");
    // 2-4 has no unit in the table: no brackets.
    assert_eq!(
        cell(&h, r, "関連目標"),
        "2-3 商工会・商工会議所の相談・指導件数(件)\n2-4 経営革新計画の策定事業者数の増"
    );
    assert_eq!(cell(&h, r, "再掲先"), "4-①-d");
    let r = row_of(&h, &rows, "2-①-a");
    assert_eq!(cell(&h, r, "数値目標"), "2-2 企業におけるデジタル化進捗割合(%)");
    let r = row_of(&h, &rows, "6-②-e");
    assert_eq!(cell(&h, r, "再掲元"), "2-①-a");
    assert_eq!(cell(&h, r, "重要課題"), "");
}

#[test]
fn formula_like_cells_get_an_apostrophe() {
    let plan = plan();
    let (h, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
    assert_eq!(cell(&h, row_of(&h, &rows, "1-①-d"), "現状"), "'-");
    for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(defuse(bad), format!("'{bad}"));
    }
    for fine in ["", "・企業", "2-①-a", "'-", "a=b"] {
        assert_eq!(defuse(fine), fine);
    }
}

#[test]
fn commas_quotes_and_newlines_round_trip() {
    let mut plan = plan();
    let tricky = "a, \"b\"\r\nc,\nd\"";
    let i = plan.initiatives.iter_mut().find(|i| i.id == id("5-③-b")).unwrap();
    i.text = tricky.to_string();
    i.remarks = Some("=HYPERLINK(\"x\")".to_string());
    let (h, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
    assert_eq!(rows.len(), 86);
    let r = row_of(&h, &rows, "5-③-b");
    assert_eq!(cell(&h, r, "取組"), tricky);
    assert_eq!(cell(&h, r, "備考"), "'=HYPERLINK(\"x\")");
}

#[test]
fn a_subset_gives_only_its_rows() {
    let plan = plan();
    let some: Vec<_> = plan.initiatives.iter().filter(|i| i.policy == 5).take(3).collect();
    let (_, rows) = read(&plan_csv(&plan, some.iter().copied()).unwrap());
    assert_eq!(rows.len(), 3);
}

#[test]
fn plan_subset_keeps_only_what_its_initiatives_need() {
    let plan = plan();
    let ids = [id("2-①-a"), id("2-③-a"), id("5-③-b")];
    let subset = plan_subset(&plan, plan.initiatives.iter().filter(|i| ids.contains(&i.id)));
    assert_eq!(subset.initiatives.iter().map(|i| i.id).collect::<Vec<_>>(), ids);
    assert_eq!(subset.plan, plan.plan);
    let policies: Vec<(u8, Vec<String>)> =
        subset.policies.iter().map(|p| (p.code, p.sub_policies.iter().map(|s| s.id.to_string()).collect())).collect();
    assert_eq!(policies, [(2, vec!["2-①".to_string(), "2-③".to_string()]), (5, vec!["5-③".to_string()])]);
    let kpis: Vec<String> = subset.kpis.iter().map(|k| k.code.to_string()).collect();
    assert_eq!(kpis, ["2-2", "2-3", "2-4", "2-5"]);
    // Re-list pointers still name rows outside the subset.
    assert_eq!(subset.initiatives[0].relisted_in, [id("6-②-e")]);

    let json = to_json(&subset).unwrap();
    assert!(json.ends_with("}\n"));
    assert_eq!(Plan::from_json(&json).unwrap(), subset);
}

#[test]
fn whole_plan_subset_is_the_plan() {
    let plan = plan();
    assert_eq!(plan_subset(&plan, &plan.initiatives), plan);
    assert_eq!(to_json(&plan).unwrap(), PLAN_JSON);
}

#[test]
fn empty_subset_gives_a_header_and_empty_arrays() {
    let plan = plan();
    let bytes = plan_csv(&plan, []).unwrap();
    let (header, rows) = read(&bytes);
    assert_eq!(header.len(), COLUMNS);
    assert!(rows.is_empty());

    let subset = plan_subset(&plan, []);
    let json = to_json(&subset).unwrap();
    let back = Plan::from_json(&json).unwrap();
    assert!(back.policies.is_empty() && back.kpis.is_empty() && back.initiatives.is_empty());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    for key in ["policies", "kpis", "initiatives"] {
        assert_eq!(value[key], serde_json::json!([]), "{key}");
    }
}

#[test]
fn a_plan_file_holds_the_chosen_initiatives_in_either_format() {
    let plan = plan();
    let chosen: Vec<&Initiative> = plan.initiatives.iter().filter(|i| i.priority).collect();
    let json = plan_file(&plan, chosen.iter().copied(), PlanFormat::Json).expect("writes");
    let subset = Plan::from_json(std::str::from_utf8(&json).expect("UTF-8")).expect("reads back");
    assert_eq!(subset.initiatives.len(), chosen.len());
    assert!(subset.initiatives.iter().all(|i| i.priority));
    let csv = plan_file(&plan, chosen.iter().copied(), PlanFormat::Csv).expect("writes");
    assert_eq!(read(&csv).1.len(), chosen.len());
}

#[test]
fn the_embedded_plan_is_plan_json_without_its_indentation() {
    assert!(!crate::EMBEDDED_PLAN_JSON.contains('\n'));
    assert!(crate::EMBEDDED_PLAN_JSON.len() < PLAN_JSON.len());
    let embedded = Plan::from_json(crate::EMBEDDED_PLAN_JSON).expect("the embedded plan reads");
    assert_eq!(embedded, Plan::from_json(PLAN_JSON).expect("plan.json reads"));
    assert_eq!(crate::EMBEDDED_PLAN_ID, embedded.plan.id);
}
