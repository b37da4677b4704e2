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
