//! The importer over the real published table: reproducibility, counts,
//! integrity, and each quirk of the table on the rows where it occurs.

use std::collections::HashSet;

use kama_plan::import::{self, Corrections, Problem};
use kama_plan::*;

const SOURCE: &str = include_str!("../../../data/source/kama-sme-plan-r5-r9.txt");
const CORRECTIONS: &str = include_str!("../../../data/corrections.toml");

fn imported() -> Plan {
    let corrections = Corrections::parse(CORRECTIONS).expect("corrections file parses");
    import::import(SOURCE, &corrections).expect("the real table imports").0
}

fn id(s: &str) -> InitiativeId {
    s.parse().expect("test id")
}

fn get<'a>(plan: &'a Plan, s: &str) -> &'a Initiative {
    plan.initiative(id(s)).unwrap_or_else(|| panic!("{s} missing"))
}

fn kpi(s: &str) -> KpiCode {
    s.parse().expect("test kpi code")
}

#[test]
fn committed_plan_json_is_exactly_what_the_importer_generates() {
    let regenerated = import::to_json(&imported()).expect("serialises");
    assert!(
        regenerated == PLAN_JSON,
        "data/plan.json differs from the importer's output; run `cargo run -p kama-plan --bin import-plan`"
    );
    assert_eq!(Plan::from_json(PLAN_JSON).expect("plan.json parses"), imported());
}

/// A plan file written before plans named their levels and marks reads as
/// Kama's plan of today: the same plan, Kama's level names and marks.
#[test]
fn a_plan_file_from_before_levels_and_flags_reads_as_kamas() {
    let old = include_str!("fixtures/plan-before-levels.json");
    assert!(!old.contains("\"levels\"") && !old.contains("\"flags\""), "a file of the old format");
    let read = Plan::from_json(old).expect("the old file reads");
    assert_eq!(read.plan.levels(), Levels { policy: "基本施策", sub_policy: Some("施策"), initiative: "取組" });
    assert_eq!(read.plan.flags, Flags::kama());
    assert_eq!(read, imported(), "the same plan as the importer gives today");
}

#[test]
fn counts_match_the_published_plan() {
    let plan = imported();
    assert_eq!(plan.initiatives.len(), 86);
    assert_eq!(plan.policies.len(), 6);
    assert_eq!(plan.policies.iter().map(|p| p.sub_policies.len()).sum::<usize>(), 21);
    assert_eq!(plan.kpis.len(), 27);
    assert_eq!(plan.plan.fiscal_years.years().collect::<Vec<_>>(), (2023..=2027).map(FiscalYear).collect::<Vec<_>>());
}

#[test]
fn ids_and_serials_are_unique_and_serials_run_1_to_86() {
    let plan = imported();
    let ids: HashSet<_> = plan.initiatives.iter().map(|i| i.id).collect();
    assert_eq!(ids.len(), 86);
    let serials: Vec<u16> = plan.initiatives.iter().map(|i| i.serial).collect();
    assert_eq!(serials, (1..=86).collect::<Vec<u16>>());
    for i in &plan.initiatives {
        assert_eq!(i.id.to_string().parse::<InitiativeId>(), Ok(i.id));
        assert!(plan.sub_policy(i.sub_policy_id()).is_some(), "{} has a sub-policy", i.id);
    }
}

#[test]
fn every_kpi_reference_and_relisting_resolves_both_ways() {
    let plan = imported();
    for i in &plan.initiatives {
        for link in &i.kpis {
            assert!(plan.kpi(link.code).is_some(), "{} names unknown KPI {}", i.id, link.code);
        }
        if let Some(original) = i.relisted_from {
            let o = plan.initiative(original).unwrap_or_else(|| panic!("{} re-lists unknown {original}", i.id));
            assert!(o.relisted_in.contains(&i.id), "{original} links back to {}", i.id);
        }
        for r in &i.relisted_in {
            assert_eq!(plan.initiative(*r).and_then(|r| r.relisted_from), Some(i.id));
        }
    }
    let relisted = plan.initiatives.iter().filter(|i| i.relisted_from.is_some()).count();
    assert_eq!(relisted, 11, "3-①-a..c, 2-③-a/b, 3-①-d re-listed in policy 4; 2-①-a..e in policy 6");
}

#[test]
fn kpi_catalog_takes_names_and_units_from_the_table() {
    let plan = imported();
    let k = plan.kpi(kpi("2-2")).expect("2-2");
    assert_eq!(k.name, "企業におけるデジタル化進捗割合");
    assert_eq!(k.unit.as_deref(), Some("%"));
    assert_eq!(k.labels.len(), 3, "three spellings of the unit bracket: {:?}", k.labels);
    assert_eq!(plan.kpi(kpi("4-2")).and_then(|k| k.unit.as_deref()), Some("千人/年"));
    assert_eq!(plan.kpi(kpi("4-1")).and_then(|k| k.unit.as_deref()), Some("千円"));
    assert_eq!(plan.kpi(kpi("3-3")).and_then(|k| k.unit.as_deref()), Some("回"));
    // Only ever named as 「…の増」 (a related target): the table gives no unit.
    assert_eq!(plan.kpi(kpi("2-4")).map(|k| k.unit.clone()), Some(None));
    assert_eq!(plan.kpi(kpi("6-2")).map(|k| k.unit.clone()), Some(None));
    let units: HashSet<_> = plan.kpis.iter().filter_map(|k| k.unit.as_deref()).collect();
    assert_eq!(units, HashSet::from(["人", "件", "%", "社", "回", "千円", "千人/年"]));
}

#[test]
fn sub_policy_code_and_name_in_one_cell_on_page_1() {
    let plan = imported();
    let s = plan.sub_policy("1-1".parse().expect("id")).expect("1-①");
    assert_eq!(s.name, "創業希望者の発掘・確保及び育成");
    // Pages 2 on split them; the same sub-policy keeps one name.
    let s = plan.sub_policy("2-1".parse().expect("id")).expect("2-①");
    assert_eq!(s.name, "デジタル化促進に向けた支援");
}

#[test]
fn priority_and_first_plan_combined_split_or_alone() {
    let plan = imported();
    // `重 新規` in one cell (page 3).
    let i = get(&plan, "2-⑥-e");
    assert!(i.priority);
    assert_eq!(i.first_plan.as_deref(), Some("新規"));
    // `重` | `新規` split over two cells (pages 1 and 2).
    for s in ["2-①-a", "2-⑥-a"] {
        assert!(get(&plan, s).priority, "{s}");
        assert_eq!(get(&plan, s).first_plan.as_deref(), Some("新規"));
        assert!(get(&plan, s).situation.starts_with('・'), "{s}: 現状 not shifted");
    }
    // `継続` alone with the neighbouring column left empty (page 2).
    let i = get(&plan, "2-②-a");
    assert!(!i.priority);
    assert_eq!(i.first_plan.as_deref(), Some("継続"));
    assert_eq!(i.direction.as_deref(), Some("継続"));
    assert_eq!(get(&plan, "4-①-f").first_plan.as_deref(), Some("改"));
    assert_eq!(plan.initiatives.iter().filter(|i| i.priority).count(), 41);
}

#[test]
fn rows_repeating_the_sub_policy_name_are_shifted_back() {
    let plan = imported();
    let i = get(&plan, "4-①-c");
    assert_eq!(i.serial, 48);
    assert_eq!(i.text, "異業種間の交流や中小企業の事業連携を促進し、取引の拡大を目指します。（3-①-cの再掲）");
    assert_eq!(i.short_name, "取引拡大のための事業者間連携支援");
    assert_eq!(i.direction.as_deref(), Some("継続/要検討"));
    assert_eq!(i.kpis, [KpiLink { code: kpi("4-5"), role: KpiRole::Primary }]);
    for (s, serial) in [("4-①-f", 51), ("4-①-g", 52), ("4-①-h", 53)] {
        let i = get(&plan, s);
        assert_eq!(i.serial, serial);
        assert!(!i.text.starts_with("新技術・新商品の開発支援"), "{s}");
        assert!(i.priority, "{s}");
    }
}

#[test]
fn empty_dash_and_relisted_directions_are_null_and_others_verbatim() {
    let plan = imported();
    assert_eq!(get(&plan, "4-②-a").direction, None, "empty cell");
    assert_eq!(get(&plan, "4-②-b").direction, None, "collapsed cell");
    assert_eq!(get(&plan, "4-②-c").direction, None, "collapsed cell");
    assert_eq!(get(&plan, "4-①-h").direction, None, "`-`");
    assert_eq!(get(&plan, "6-②-e").direction, None, "`(再掲)`");
    assert_eq!(get(&plan, "1-②-b").direction.as_deref(), Some("継続/要検討"));
    assert_eq!(get(&plan, "3-①-c").direction.as_deref(), Some("拡大"));
    // A collapsed direction cell does not pull the KPI into the wrong field.
    assert_eq!(get(&plan, "4-②-b").kpis[0], KpiLink { code: kpi("4-1"), role: KpiRole::Primary });
}

#[test]
fn several_kpis_with_related_marker() {
    let plan = imported();
    let roles = |s: &str| get(&plan, s).kpis.iter().map(|l| (l.code.to_string(), l.role)).collect::<Vec<_>>();
    use KpiRole::*;
    assert_eq!(roles("2-③-a"), [("2-5".into(), Primary), ("2-3".into(), Related), ("2-4".into(), Related)]);
    // The related KPI written in 備考 after the marker.
    assert_eq!(roles("3-①-a"), [("3-1".into(), Primary), ("3-3".into(), Related)]);
    assert_eq!(roles("5-①-a"), [("5-2".into(), Primary), ("4-5".into(), Related)]);
    // Markers are consumed, not left in 備考.
    assert_eq!(get(&plan, "2-③-a").remarks, None);
    assert_eq!(get(&plan, "3-①-a").remarks, None);
    // `-` means no KPI.
    assert!(get(&plan, "2-⑥-a").kpis.is_empty());
}

#[test]
fn relisting_notes_in_every_spelling() {
    let plan = imported();
    assert_eq!(get(&plan, "4-①-a").relisted_from, Some(id("3-①-a")), "（3-①-aの再掲）");
    assert_eq!(get(&plan, "6-②-e").relisted_from, Some(id("2-①-a")), "(2-①のaの再掲)");
    // `(4-1-bで再掲)` on 2-③-a names the wrong row; the correction links 4-①-d.
    assert_eq!(get(&plan, "2-③-a").relisted_in, [id("4-①-d")]);
    assert!(get(&plan, "2-③-a").text.ends_with("(4-1-bで再掲)"), "text stays verbatim");
    assert_eq!(get(&plan, "3-①-a").relisted_in, [id("4-①-a")], "(4-①-aに再掲)");
    // A re-listed row keeps its own verbatim `(再掲)` cells.
    assert_eq!(get(&plan, "6-②-e").short_name, "(再掲)");
}

#[test]
fn schedules_spans_gaps_and_inferred_pages() {
    let plan = imported();
    let spans = |s: &str| {
        get(&plan, s).schedule.iter().map(|i| (i.label.as_str(), i.from.0, i.to.0, i.inferred)).collect::<Vec<_>>()
    };
    assert_eq!(spans("1-①-d"), [("調査・研究", 2023, 2027, false)]);
    assert_eq!(spans("5-③-b"), [("関係機関連携協議", 2023, 2023, false), ("支援策の実施", 2024, 2027, false)]);
    // `-` under 2023, then the activity.
    assert_eq!(spans("5-③-c")[0].1, 2024);
    // Page 3 pushed every label past the year columns.
    assert!(get(&plan, "3-①-a").schedule.iter().all(|s| s.inferred));
    assert!(get(&plan, "2-⑥-e").schedule.iter().all(|s| s.inferred));
    // Rows with no schedule text at all.
    for s in ["4-②-c", "4-③-a", "5-①-a", "5-②-c"] {
        assert!(get(&plan, s).schedule.is_empty(), "{s}");
    }
    // A label that landed in 備考, settled by data/corrections.toml.
    assert_eq!(spans("6-②-c"), [("セミナー・イベントの企画・開催", 2023, 2027, true)]);
    assert_eq!(get(&plan, "6-②-c").remarks, None);
}

#[test]
fn official_wording_is_kept_verbatim_typos_included() {
    let plan = imported();
    let lines: Vec<&str> = SOURCE.lines().collect();
    for i in &plan.initiatives {
        let cells: Vec<&str> = lines[i.source_line - 1].split('\t').map(str::trim).collect();
        for field in [&i.text, &i.short_name, &i.situation] {
            assert!(cells.contains(&field.as_str()), "{}: {field:?} is not a cell of line {}", i.id, i.source_line);
        }
        for s in &i.schedule {
            assert!(cells.contains(&s.label.as_str()), "{}: schedule {:?}", i.id, s.label);
        }
    }
    assert!(get(&plan, "1-①-a").situation.contains("伴奏型支援"), "「伴奏型」 as published");
    assert!(get(&plan, "4-②-a").schedule[0].label.contains("プランディング"));
}

// ---------------------------------------------------------------------------
// Bad input: typed errors with a line number, never a panic.

fn import_with(source: &str, corrections: &str) -> Result<Plan, import::ImportError> {
    let corrections = Corrections::parse(corrections)?;
    import::import(source, &corrections).map(|(p, _)| p)
}

#[test]
fn empty_or_foreign_text_is_refused() {
    assert_eq!(import_with("", "").map_err(|e| e.problem), Err(Problem::NoTable));
    assert!(import_with("hello\tworld\n", "").is_err());
}

#[test]
fn a_broken_row_is_reported_with_its_line() {
    let broken = SOURCE.replacen("\tb\t嘉麻市創業支援等事業計画", "\tB\t嘉麻市創業支援等事業計画", 1);
    let err = import_with(&broken, CORRECTIONS).expect_err("letter B is not a code");
    assert_eq!(err.line, Some(6));
    assert!(err.to_string().starts_with("line 6: 取組コード"), "{err}");

    let truncated: String =
        SOURCE.lines().take(5).map(|l| format!("{}\n", l.chars().take(30).collect::<String>())).collect();
    assert!(import_with(&truncated, "").is_err());
}

#[test]
fn without_corrections_the_open_cases_are_named_not_guessed() {
    let err = import_with(SOURCE, "").expect_err("unsettled");
    assert!(matches!(err.problem, Problem::UnsettledRemarks(_)), "{err}");
    assert_eq!(err.line, Some(91));
}

#[test]
fn a_correction_that_no_longer_matches_the_table_fails() {
    let stale = CORRECTIONS.replace("text = \"セミナー・イベントの企画・開催\"", "text = \"別の文\"");
    let err = import_with(SOURCE, &stale).expect_err("stale");
    assert!(matches!(err.problem, Problem::StaleCorrection(_)), "{err}");
    assert!(import_with(SOURCE, "[[nonsense]]\nid = 1\n").is_err());
}

#[test]
fn relisted_rows_without_a_short_name_are_listed_under_their_originals() {
    let plan = imported();
    assert_eq!(plan.display_name(get(&plan, "6-②-e")), get(&plan, "2-①-a").short_name);
    assert_eq!(plan.display_name(get(&plan, "4-①-h")), get(&plan, "3-①-d").short_name);
    // A re-listed row with its own short name keeps it.
    assert_eq!(plan.display_name(get(&plan, "4-①-a")), "新規取引及び市内産品活用の促進に関する支援");
}
