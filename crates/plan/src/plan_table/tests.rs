use super::*;
use crate::import::to_json;
use crate::plan::{FiscalYear, Flags, InitiativeId, KpiCode, Levels};
use crate::workbook::WorkbookError;

const TEMPLATE_CSV: &[u8] = include_bytes!("../../../../data/plan-template.csv");

fn template() -> Plan {
    read_plan_table("plan-template.csv", TEMPLATE_CSV).expect("the template imports")
}

/// A CSV table from rows of cells.
fn csv_of(rows: &[Vec<&str>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).expect("writes");
    }
    writer.into_inner().expect("flushes")
}

fn meta_rows() -> Vec<Vec<&'static str>> {
    vec![vec!["計画名", "架空市産業振興計画"], vec!["自治体", "架空市"], vec![]]
}

fn cell_problems(result: Result<Plan, PlanTableError>) -> Vec<(usize, String, CellProblemKind)> {
    match result {
        Err(PlanTableError::Cells { problems, .. }) => {
            problems.into_iter().map(|p| (p.row, p.column.letter(), p.kind)).collect()
        }
        other => panic!("expected cell problems, got {other:?}"),
    }
}

#[test]
fn the_template_imports_as_its_plan() {
    let plan = template();
    assert_eq!(plan.plan.title, "第2次○○市中小企業振興基本計画（記入例）");
    assert_eq!(plan.plan.municipality, "○○市");
    assert_eq!(plan.plan.fiscal_years.from, FiscalYear(2025));
    assert_eq!(plan.plan.fiscal_years.to, FiscalYear(2029));
    assert_eq!(plan.plan.levels(), Levels { policy: "基本施策", sub_policy: Some("施策"), initiative: "取組" });
    assert_eq!(plan.plan.flags, Flags::kama(), "the template's columns are titled as Kama's");
    assert!(plan.plan.id.starts_with("plan-") && plan.plan.id.ends_with("-2025-2029"), "{}", plan.plan.id);
    assert_eq!(plan.policies.len(), 2);
    assert_eq!(plan.policies[0].name, "1 創業の促進");
    assert_eq!(plan.policies[0].sub_policies.len(), 2);
    assert_eq!(plan.initiatives.len(), 5);

    // Row 2 leaves its level cells empty, as a merged cell reads: the row above's.
    let second = &plan.initiatives[1];
    assert_eq!(second.id, InitiativeId { policy: 1, sub: 1, letter: 'b' });
    assert!(!second.priority);
    assert_eq!(second.first_plan.as_deref(), Some("新規"));
    assert_eq!(second.source_line, 7);

    let first = &plan.initiatives[0];
    assert!(first.priority);
    assert_eq!(first.direction.as_deref(), Some("拡充"));
    assert_eq!(first.kpis.len(), 2, "two targets in one cell");
    assert_eq!(plan.kpis[0].name, "創業相談件数");
    assert_eq!(plan.kpis[0].unit.as_deref(), Some("件"));
    // The same target named by two rows is one target.
    assert_eq!(second.kpis[0].code, first.kpis[1].code);
    assert_eq!(first.schedule.len(), 1);
    assert_eq!((first.schedule[0].label.as_str(), first.schedule[0].to), ("実施", FiscalYear(2029)));
    assert_eq!(
        second.schedule.iter().map(|s| (s.label.as_str(), s.from.0, s.to.0)).collect::<Vec<_>>(),
        [("制度設計", 2025, 2025), ("実施", 2026, 2029)]
    );
    assert_eq!(plan.plan.custom_fields, ["担当課"]);
    assert_eq!(plan.custom_fields(first).collect::<Vec<_>>(), [("担当課", "商工観光課")]);
    assert!(plan.initiatives[3].extra.is_empty(), "an empty cell at the end is not kept");
    // 「-」 is no mark.
    assert!(!plan.initiatives[2].priority);
    assert_eq!(plan.initiatives[2].remarks.as_deref(), Some("商工会と連携"));
    assert_eq!(
        plan.kpis.iter().find(|k| k.code == KpiCode { policy: 2, number: 2 }).map(|k| k.unit.clone()),
        Some(Some("%".into()))
    );
}

#[test]
fn the_template_workbook_reads_as_the_csv() {
    let xlsx = include_bytes!("../../../../data/plan-template.xlsx");
    let mut from_xlsx = read_plan_table("plan-template.xlsx", xlsx).expect("the workbook imports");
    from_xlsx.plan.source = "plan-template.csv".into();
    assert_eq!(from_xlsx, template());
}

#[test]
fn shift_jis_and_utf16_read_as_utf8() {
    let text = std::str::from_utf8(&TEMPLATE_CSV[3..]).expect("utf-8");
    // Japanese Excel writes 〜 as the full-width tilde: Shift_JIS has no wave dash.
    let excel_text = text.replace('〜', "～");
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&excel_text);
    assert!(!unmappable);
    let mut plan = read_plan_table("plan-template.csv", &sjis).expect("Shift_JIS");
    assert_eq!(plan, template());

    let tsv = text.replace(',', "\t");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(tsv.encode_utf16().flat_map(u16::to_le_bytes));
    plan = read_plan_table("plan-template.txt", &utf16).expect("UTF-16 tab-separated");
    plan.plan.source = "plan-template.csv".into();
    assert_eq!(plan, template());
}

#[test]
fn synonyms_and_an_other_column_order_read_the_same() {
    let rows = [
        meta_rows(),
        vec![
            vec!["事業", "基本目標（体系分類1）", "ＫＰＩ", "R6", "R7", "令和8年度", "重要課題", "体系分類2"],
            vec!["相談窓口", "１ しごと", "相談件数(件)", "○", "→", "", "重", "① 相談"],
            vec!["補助金", "", "－", "", "実施", "実施", "", ""],
        ],
    ]
    .concat();
    let plan = read_plan_table("t.csv", &csv_of(&rows)).expect("imports");
    assert_eq!(plan.plan.levels().policy, "基本目標");
    assert_eq!(plan.plan.levels().initiative, "事業");
    assert_eq!(plan.plan.fiscal_years.from, FiscalYear(2024));
    assert_eq!(plan.plan.fiscal_years.to, FiscalYear(2026));
    assert_eq!(plan.initiatives.len(), 2);
    assert!(plan.initiatives[0].priority);
    assert_eq!(plan.initiatives[1].id.to_string(), "1-①-b");
    assert!(plan.initiatives[1].kpis.is_empty(), "「－」 is no target");
    assert_eq!(plan.initiatives[0].first_plan, None, "no such column: not invented");
    assert_eq!(
        plan.plan.flags,
        Flags { priority: Some("重要課題".into()), first_plan: None, direction: None },
        "the marks it uses, by its titles"
    );
    assert_eq!(plan.initiatives[1].schedule[0].from, FiscalYear(2025));
}

#[test]
fn a_plan_of_two_levels_gives_each_policy_one_sub_policy_of_its_name() {
    let rows =
        [meta_rows(), vec![vec!["施策", "事業", "2024"], vec!["産業振興", "商談会", "○"], vec!["", "見本市", "○"]]]
            .concat();
    let plan = read_plan_table("t.csv", &csv_of(&rows)).expect("imports");
    assert_eq!(plan.plan.levels().policy, "施策");
    assert_eq!(plan.plan.levels().sub_policy, None);
    assert_eq!(plan.policies[0].sub_policies.len(), 1);
    assert_eq!(plan.policies[0].sub_policies[0].name, "産業振興");
    assert_eq!(plan.initiatives.len(), 2);
}

#[test]
fn every_cell_problem_names_its_row_and_column() {
    let rows = [
        meta_rows(),
        vec![
            vec!["番号", "基本施策", "施策", "取組", "重点", "第1次計画との関連", "2024"],
            vec!["1", "産業", "販路", "取組A", "", "", ""],
            vec!["x", "", "", "取組B", "たぶん", "拡大", ""],
            vec!["3", "", "", "", "", "", "○"],
            vec!["1", "", "", "取組D", "", "#N/A", ""],
            vec!["4", "別の施策", "", "取組E", "", "", ""],
        ],
    ]
    .concat();
    let problems = cell_problems(read_plan_table("t.csv", &csv_of(&rows)));
    let missing = CellProblemKind::Missing;
    assert_eq!(problems[0], (6, "A".into(), CellProblemKind::NotANumber("x".into())));
    assert!(matches!(&problems[1], (6, c, CellProblemKind::NotAChoice { found, .. }) if c == "E" && found == "たぶん"));
    // 拡大 is a word of this plan's own for its relation to the previous one: no problem.
    assert_eq!(problems[2], (7, "D".into(), missing.clone()));
    assert_eq!(problems[3], (8, "A".into(), CellProblemKind::DuplicateSerial { first_row: 5 }));
    assert_eq!(problems[4], (8, "F".into(), CellProblemKind::ErrorValue("#N/A".into())), "Excel's error, as a CSV holds it");
    assert_eq!(problems[5], (9, "C".into(), missing), "a new policy's sub-policy is not carried from another");
    assert_eq!(problems.len(), 6);

    let message = crate::present::i18n::plan_table_error(
        crate::present::i18n::Lang::Ja,
        &read_plan_table("t.csv", &csv_of(&rows)).unwrap_err(),
    );
    assert!(message.contains("6 行目、E 列「重点」"), "{message}");
    assert!(message.contains("何も読み込んでいません"), "{message}");
}

#[test]
fn the_whole_table_is_refused_with_what_is_missing() {
    let header = vec!["基本施策", "取組", "2024", "2025"];
    let row = vec!["産業", "取組A", "○", ""];
    let err = |rows: Vec<Vec<&str>>| read_plan_table("t.csv", &csv_of(&rows)).unwrap_err();
    assert_eq!(err(vec![header.clone(), row.clone()]), PlanTableError::MissingMeta(MetaKey::Title));
    assert_eq!(
        err(vec![vec!["計画名", "X"], header.clone(), row.clone()]),
        PlanTableError::MissingMeta(MetaKey::Municipality)
    );
    let meta = || vec![vec!["計画名", "X"], vec!["自治体", "Y"]];
    assert_eq!(err([meta(), vec![vec!["取組"], vec!["a"]]].concat()), PlanTableError::NoHeader);
    assert_eq!(err([meta(), vec![header.clone()]].concat()), PlanTableError::NoInitiatives);
    assert_eq!(
        err([meta(), vec![vec!["基本施策", "取組", "2024", "2026"], row.clone()]].concat()),
        PlanTableError::YearsNotConsecutive { after: 2024, found: 2026 }
    );
    assert_eq!(
        err([meta(), vec![vec!["計画期間", "令和6年度～令和9年度"], header.clone(), row.clone()]].concat()),
        PlanTableError::PeriodMismatch { stated: (2024, 2027), columns: (2024, 2025) }
    );
    assert_eq!(err([meta(), vec![vec!["基本施策", "取組"], vec!["産業", "取組A"]]].concat()), PlanTableError::NoPeriod);
    assert!(matches!(read_plan_table("plan.pdf", b"%PDF"), Err(PlanTableError::UnknownFormat { .. })));
    assert!(matches!(
        read_plan_table("t.xlsx", b"not a zip"),
        Err(PlanTableError::Workbook(WorkbookError::NotXlsx(_)))
    ));
    assert_eq!(read_plan_table("t.csv", &[0x82, 0xA0, 0xFF, 0xFF, 0x00]), Err(PlanTableError::NotText));
    let huge = vec![b' '; MAX_BYTES + 1];
    assert!(matches!(read_plan_table("t.csv", &huge), Err(PlanTableError::Workbook(WorkbookError::TooLarge { .. }))));
}

#[test]
fn a_table_longer_than_the_limit_is_refused_not_read() {
    let mut text = String::from("計画名,X\n自治体,Y\n基本施策,取組,2024\n");
    for n in 0..MAX_ROWS {
        text.push_str(&format!("p,i{n},○\n"));
    }
    assert_eq!(read_plan_table("t.csv", text.as_bytes()), Err(PlanTableError::TooManyRows { max: MAX_ROWS }));
}

#[test]
fn html_and_formulas_in_cells_stay_text() {
    let rows = [
        meta_rows(),
        vec![vec!["基本施策", "取組", "2024"], vec!["<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "○"]],
    ]
    .concat();
    let plan = read_plan_table("t.csv", &csv_of(&rows)).expect("imports");
    assert_eq!(plan.policies[0].name, "<script>alert(1)</script>");
    assert_eq!(plan.initiatives[0].text, "=HYPERLINK(\"http://x\")");
}

#[test]
fn the_template_round_trips_through_plan_json() {
    let plan = template();
    assert_eq!(Plan::from_json(&to_json(&plan).expect("writes")).expect("reads"), plan);
}

#[test]
fn a_workbooks_error_values_are_problems_and_its_dates_mark_years() {
    use crate::workbook::Value;
    let text = |s: &str| Some(Value::Text(s.into()));
    let rows: Vec<grid::Row> = vec![
        vec![text("計画名"), text("架空市計画")],
        vec![text("自治体"), text("架空市")],
        vec![text("基本施策"), text("取組"), text("重点"), Some(Value::Number("2024".into())), text("2025")],
        // A date typed into a year's cell still marks the year.
        vec![text("産業"), text("商談会"), None, Some(Value::Date("2024/4/1".into())), None],
        vec![None, text("見本市"), Some(Value::Error("#N/A".into())), None, text("○")],
    ];
    let plan = assemble::plan("t.xlsx", &rows[..4], 2).expect("reads");
    assert_eq!(plan.initiatives[0].schedule[0].label, "2024/4/1");
    assert_eq!(plan.plan.fiscal_years.to, FiscalYear(2025), "a number as a year heading");
    let problems = cell_problems(assemble::plan("t.xlsx", &rows, 2));
    assert_eq!(problems, [(5, "C".to_string(), CellProblemKind::ErrorValue("#N/A".into()))]);
}

#[test]
fn the_relation_to_a_previous_plan_keeps_the_plans_own_words() {
    let rows = [
        meta_rows(),
        vec![
            vec!["基本施策", "取組", "前計画との関連", "2024"],
            vec!["産業", "取組A", "拡充", "○"],
            vec!["産業", "取組B", "新規", "○"],
            vec!["産業", "取組C", " 統合 ", "○"],
            vec!["産業", "取組D", "拡充", "○"],
            vec!["産業", "取組E", "継続", "○"],
            vec!["産業", "取組F", "-", "○"],
        ],
    ]
    .concat();
    let plan = read_plan_table("t.csv", &csv_of(&rows)).expect("imports");
    let firsts: Vec<Option<&str>> = plan.initiatives.iter().map(|i| i.first_plan.as_deref()).collect();
    assert_eq!(firsts, [Some("拡充"), Some("新規"), Some("統合"), Some("拡充"), Some("継続"), None]);
    assert_eq!(plan.plan.flags.first_plan.as_deref(), Some("前計画との関連"));
    // Kama's words first, in their order; the plan's own as they first appear.
    assert_eq!(plan.first_plan_values(), ["継続", "新規", "拡充", "統合"]);
}
