//! Tests of `listing`, kept beside it.

use super::*;
use crate::generate::multiply;
use crate::query::{run, Filters, PlanIndex};
use crate::test_support::plan;

#[test]
fn headings_come_before_each_new_policy_and_sub_policy() {
    let plan = plan();
    let all: Vec<usize> = (0..plan.initiatives.len()).collect();
    let rows = rows(&plan, &all);
    let policies = rows.iter().filter(|r| matches!(r, Row::Policy(_))).count();
    let subs = rows.iter().filter(|r| matches!(r, Row::SubPolicy(_))).count();
    assert_eq!((policies, subs), (6, 21));
    assert_eq!(rows.len(), 86 + 6 + 21);
    assert_eq!(rows[0], Row::Policy(1));
    assert!(matches!(rows[1], Row::SubPolicy(s) if s.policy == 1 && s.sub == 1));
    // Every initiative row sits under the headings of its own policy and sub-policy.
    let mut heading = (0, None);
    for row in &rows {
        match *row {
            Row::Policy(p) => heading = (p, None),
            Row::SubPolicy(s) => heading.1 = Some(s),
            Row::Initiative(n) => {
                let i = &plan.initiatives[n];
                assert_eq!((i.policy, Some(i.sub_policy_id())), heading, "{}", i.id);
            }
        }
    }
}

#[test]
fn a_filtered_result_keeps_only_the_headings_it_needs() {
    let plan = plan();
    let index = PlanIndex::new(&plan);
    let r = run(&plan, &index, &Filters { policies: [3].into(), ..Filters::default() });
    let rows = rows(&plan, &r.matches);
    assert!(rows.iter().all(|row| match *row {
        Row::Policy(p) => p == 3,
        Row::SubPolicy(s) => s.policy == 3,
        Row::Initiative(n) => plan.initiatives[n].policy == 3,
    }));
    assert_eq!(rows.iter().filter(|r| matches!(r, Row::Initiative(_))).count(), r.matches.len());
    assert!(super::rows(&plan, &[]).is_empty());
}

#[test]
fn the_window_covers_the_viewport_plus_overscan_and_stays_in_bounds() {
    // 48 px rows, scrolled to row 100, 480 px tall: rows 100..111 visible.
    assert_eq!(Window::of(10_000, 48.0, 4800.0, 480.0, 5), Window { start: 95, end: 116 });
    assert_eq!(Window::of(10_000, 48.0, 0.0, 480.0, 5), Window { start: 0, end: 16 });
    assert_eq!(Window::of(20, 48.0, 0.0, 4800.0, 5), Window { start: 0, end: 20 });
    // Scrolled past the end (rows removed by a filter): nothing beyond total.
    let w = Window::of(30, 48.0, 100_000.0, 480.0, 5);
    assert!(w.start <= w.end && w.end == 30);
    assert_eq!(Window::of(0, 48.0, 0.0, 480.0, 5), Window { start: 0, end: 0 });
    assert_eq!(Window::of(100, 48.0, f64::NAN, -1.0, 0), Window { start: 0, end: 1 });
    assert_eq!(Window { start: 95, end: 116 }.offset(48.0), 4560.0);
}

#[test]
fn the_large_plan_lists_in_one_linear_pass() {
    let large = multiply(&plan(), 10_000).expect("10,000 fits the generator");
    assert!(large.initiatives.len() >= WINDOWING_FROM);
    let index = PlanIndex::new(&large);
    let r = run(&large, &index, &Filters::default());
    let rows = rows(&large, &r.matches);
    let subs: usize = large.policies.iter().map(|p| p.sub_policies.len()).sum();
    assert_eq!(rows.len(), 10_000 + large.policies.len() + subs);
}
