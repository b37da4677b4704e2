//! Tests of `plan_shelf`, kept beside it.

use super::*;

const TEMPLATE: &[u8] = include_bytes!("../../../data/plan-template.csv");

#[test]
fn a_table_or_a_plan_file_opens_and_the_embedded_plan_does_not() {
    let plan = open_file("plan-template.csv", TEMPLATE, crate::import::PLAN_ID).expect("opens");
    let again =
        open_file("plan.json", plan_text(&plan).expect("writes").as_bytes(), crate::import::PLAN_ID).expect("reopens");
    assert_eq!(again, plan);
    assert_eq!(
        open_file("plan.json", crate::PLAN_JSON.as_bytes(), crate::import::PLAN_ID),
        Err(OpenPlanError::Embedded)
    );
    assert!(matches!(open_file("notes.json", b"{\"a\":1}", "x"), Err(OpenPlanError::NotAPlan(_))));
    assert!(matches!(
        open_file("plan.pdf", b"%PDF", "x"),
        Err(OpenPlanError::Table(PlanTableError::UnknownFormat { .. }))
    ));
    let odd = TEMPLATE_WITH_ID.replace("{id}", "a/b");
    assert_eq!(open_file("t.csv", odd.as_bytes(), "x"), Err(OpenPlanError::BadId("a/b".into())));
}

const TEMPLATE_WITH_ID: &str = "計画名,X\n自治体,Y\n計画ID,{id}\n基本施策,取組,2024\np,i,○\n";

#[test]
fn the_list_keeps_one_entry_per_plan_and_survives_a_broken_index() {
    let plan = open_file("plan-template.csv", TEMPLATE, "x").expect("opens");
    let entry = ShelfEntry::of(&plan);
    let list = with(with(Vec::new(), entry.clone()), entry.clone());
    assert_eq!(list.len(), 1);
    assert_eq!(read_index(Some(&index_json(&list))), list);
    assert_eq!(read_index(Some("{not json")), Vec::new());
    assert_eq!(read_index(None), Vec::new());
    assert!(without(list, &entry.id).is_empty());
    assert_eq!(entry.saved_id().map(|id| plan_key(&id)), Some(format!("kama-sme-tracker:plan:{}", plan.plan.id)));
}
