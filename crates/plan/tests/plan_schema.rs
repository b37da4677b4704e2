//! data/plan.schema.json describes the plan files the importers write:
//! Kama's (data/plan.json), the template's, and a plan of two levels.

use boon::{Compiler, SchemaIndex, Schemas};
use kama_plan::import::to_json;
use kama_plan::plan_table::read_plan_table;
use kama_plan::PLAN_JSON;

const SCHEMA: &str = include_str!("../../../data/plan.schema.json");

fn compiled() -> (Schemas, SchemaIndex) {
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    compiler.add_resource("plan.schema.json", schema).expect("adds");
    let index = compiler.compile("plan.schema.json", &mut schemas).expect("the schema compiles");
    (schemas, index)
}

fn check(json: &str) -> Result<(), String> {
    let (schemas, index) = compiled();
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
    schemas.validate(&value, index).map_err(|e| format!("{e:#}"))
}

#[test]
fn kamas_plan_file_follows_the_schema() {
    check(PLAN_JSON).unwrap();
}

#[test]
fn the_templates_plan_file_follows_the_schema() {
    let plan =
        read_plan_table("plan-template.csv", include_bytes!("../../../data/plan-template.csv")).expect("imports");
    check(&to_json(&plan).expect("writes")).unwrap();
}

#[test]
fn a_plan_of_two_levels_follows_the_schema() {
    let table = "計画名,架空市計画\n自治体,架空市\n施策,事業,2024,2025\n産業振興,商談会,○,→\n";
    let plan = read_plan_table("t.csv", table.as_bytes()).expect("imports");
    assert_eq!(plan.plan.levels().sub_policy, None);
    check(&to_json(&plan).expect("writes")).unwrap();
}

/// An `evaluation` whose statuses are the plan's own: 未着手 worded 未実施,
/// and `code` as the last one's code.
fn own_statuses(code: &str) -> serde_json::Value {
    serde_json::json!({
        "statuses": [
            {"code": "未着手", "ja": "未実施", "en": "Not done"},
            {"code": "完了", "ja": "完了", "en": "Done"},
            {"code": code, "ja": "休止", "en": "Paused"},
        ],
        "grades": [{"code": "A", "ja": "達成", "en": "Achieved"}],
        "directions": [{"code": "継続", "ja": "継続", "en": "Continue"}],
    })
}

#[test]
fn a_plan_of_its_own_statuses_follows_the_schema_and_reads() {
    let mut plan: serde_json::Value = serde_json::from_str(PLAN_JSON).expect("JSON");
    plan["evaluation"] = own_statuses("中止");
    check(&plan.to_string()).unwrap();
    let read = kama_plan::Plan::from_json(&plan.to_string()).expect("reads");
    assert_eq!(read.evaluation.statuses.len(), 3);
}

#[test]
fn the_schema_refuses_what_the_app_cannot_read() {
    let mut plan: serde_json::Value = serde_json::from_str(PLAN_JSON).expect("JSON");
    plan["initiatives"][0]["id"] = "1-a".into();
    assert!(check(&plan.to_string()).is_err(), "a malformed id");
    let mut plan: serde_json::Value = serde_json::from_str(PLAN_JSON).expect("JSON");
    plan["initiatives"][0]["first_plan"] = "".into();
    assert!(check(&plan.to_string()).is_err(), "an empty relation to the first plan (absent is how none is said)");
    let mut plan: serde_json::Value = serde_json::from_str(PLAN_JSON).expect("JSON");
    plan["evaluation"] = own_statuses("保留");
    assert!(check(&plan.to_string()).is_err(), "a status the app does not know");
    let mut plan: serde_json::Value = serde_json::from_str(PLAN_JSON).expect("JSON");
    plan.as_object_mut().expect("object").remove("initiatives");
    assert!(check(&plan.to_string()).is_err(), "no initiatives");
}

#[test]
fn the_build_publishes_the_schema_beside_the_page() {
    let index = include_str!("../../../index.html");
    assert!(index.contains(r#"<link data-trunk rel="copy-file" href="data/plan.schema.json" />"#));
}
