//! Tests of `generate`, kept beside it.

use super::*;
use crate::query::{run, Filters, PlanIndex};

#[test]
fn ten_thousand_unique_initiatives_that_survive_json() {
    let real = Plan::from_json(crate::PLAN_JSON).expect("plan.json");
    let big = multiply(&real, 10_000).expect("fits");
    assert_eq!(big.initiatives.len(), 10_000);
    let ids: std::collections::HashSet<_> = big.initiatives.iter().map(|i| i.id).collect();
    assert_eq!(ids.len(), 10_000);
    let json = crate::import::to_json(&big).expect("serialises");
    assert_eq!(Plan::from_json(&json).expect("parses"), big);
    let index = PlanIndex::new(&big);
    let r = run(&big, &index, &Filters { text: "デジタル".into(), ..Filters::default() });
    assert!(r.matches.len() > 1000);
    assert!(multiply(&real, MAX_INITIATIVES + 1).is_none());
}

#[test]
fn the_full_record_fills_every_cell_and_survives_its_own_document() {
    use crate::progress::document;
    let plan = crate::test_support::plan();
    let record = full_record(&plan, 200);
    assert_eq!(record.initiatives.len(), (86 - 11) * 5, "re-listed rows share their original's cells");
    assert_eq!(record.kpis.len(), 27 * 5);
    assert!(record.initiatives.values().all(|c| c.note.chars().count() == 200));
    let json = document::to_json(&record, &plan.plan.id, None).expect("serialises");
    let back = document::from_json(&json, &plan, document::MAX_IMPORT_BYTES).expect("reads back");
    assert_eq!(back, record);
}
