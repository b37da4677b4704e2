//! The filter panel's facets as checkboxes: each option's label, count and
//! state from a query's counts and the filters, and what choosing one does.
//! One function for every facet, so that the panel builds all six the same
//! way (and the first wasm file holds one copy of that code, not six).

use std::collections::BTreeSet;

use super::i18n::{self, Lang};
use crate::query::{Direction, FacetCounts, Filters};
use crate::Plan;

/// A facet of the filter panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetKind {
    Policies,
    SubPolicies,
    FirstPlan,
    Directions,
    Kpis,
    FiscalYears,
}

impl FacetKind {
    /// In the order the panel shows them.
    pub const ALL: [FacetKind; 6] = [
        FacetKind::Policies,
        FacetKind::SubPolicies,
        FacetKind::FirstPlan,
        FacetKind::Directions,
        FacetKind::Kpis,
        FacetKind::FiscalYears,
    ];
}

/// One checkbox of a facet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetOption {
    pub label: String,
    /// The label is the plan's own (Japanese) text, not interface text.
    pub plan_text: bool,
    pub count: usize,
    pub checked: bool,
}

/// The options of facet `kind`, in the order of its counts: a position names
/// the same value for as long as the counts' values stay (they list every
/// value of the plan, counted or not).
pub fn options(kind: FacetKind, plan: &Plan, counts: &FacetCounts, filters: &Filters, lang: Lang) -> Vec<FacetOption> {
    match kind {
        FacetKind::Policies => listed(&counts.policies, &filters.policies, |code| {
            (format!("{code} {}", plan.policy(*code).map(|p| p.name.as_str()).unwrap_or_default()), true)
        }),
        FacetKind::SubPolicies => listed(&counts.sub_policies, &filters.sub_policies, |id| {
            (format!("{id} {}", plan.sub_policy(*id).map(|s| s.name.as_str()).unwrap_or_default()), true)
        }),
        FacetKind::FirstPlan => {
            listed(&counts.first_plan, &filters.first_plan, |first| {
                // A word of another plan is plan text; Kama's have an English gloss.
                (i18n::first_plan_label(lang, first), i18n::first_plan_gloss(first).is_none())
            })
        }
        FacetKind::Directions => listed(&counts.directions, &filters.directions, |direction| match direction {
            Direction::Stated(s) => (s.clone(), true),
            Direction::NotStated => (i18n::DIRECTION_NONE.get(lang).to_string(), false),
        }),
        FacetKind::Kpis => listed(&counts.kpis, &filters.kpis, |code| {
            (format!("{code} {}", plan.kpi(*code).map(|k| k.name.as_str()).unwrap_or_default()), true)
        }),
        FacetKind::FiscalYears => listed(&counts.fiscal_years, &filters.fiscal_years, |year| (year.label(), false)),
    }
}

/// Chooses the value at `position` of facet `kind`'s options, or unchooses it.
pub fn toggle(kind: FacetKind, counts: &FacetCounts, filters: &mut Filters, position: usize) {
    match kind {
        FacetKind::Policies => flip(&counts.policies, &mut filters.policies, position),
        FacetKind::SubPolicies => flip(&counts.sub_policies, &mut filters.sub_policies, position),
        FacetKind::FirstPlan => flip(&counts.first_plan, &mut filters.first_plan, position),
        FacetKind::Directions => flip(&counts.directions, &mut filters.directions, position),
        FacetKind::Kpis => flip(&counts.kpis, &mut filters.kpis, position),
        FacetKind::FiscalYears => flip(&counts.fiscal_years, &mut filters.fiscal_years, position),
    }
}

/// The options of one facet: `label` gives a value's label, and whether it
/// is the plan's own text.
fn listed<T: Ord>(
    counts: &[(T, usize)],
    chosen: &BTreeSet<T>,
    label: impl Fn(&T) -> (String, bool),
) -> Vec<FacetOption> {
    counts
        .iter()
        .map(|(value, count)| {
            let (label, plan_text) = label(value);
            FacetOption { label, plan_text, count: *count, checked: chosen.contains(value) }
        })
        .collect()
}

fn flip<T: Ord + Clone>(counts: &[(T, usize)], chosen: &mut BTreeSet<T>, position: usize) {
    let Some((value, _)) = counts.get(position) else { return };
    if !chosen.remove(value) {
        chosen.insert(value.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query;
    use crate::test_support::plan;

    #[test]
    fn every_facet_lists_its_values_with_labels_and_counts() {
        let plan = plan();
        let filters = Filters::default();
        let counts = query::run(&plan, &query::PlanIndex::new(&plan), &filters).counts;
        let policies = options(FacetKind::Policies, &plan, &counts, &filters, Lang::Ja);
        assert_eq!(policies.len(), 6);
        assert_eq!(policies[0].label, "1 中小企業の創業の促進を図る");
        assert!(policies[0].plan_text && !policies[0].checked);
        assert_eq!(policies.iter().map(|o| o.count).sum::<usize>(), counts.policies.iter().map(|c| c.1).sum::<usize>());
        let first = options(FacetKind::FirstPlan, &plan, &counts, &filters, Lang::En);
        assert_eq!(first[0].label, "継続 (continued)");
        assert!(!first[0].plan_text, "interface words");
        let directions = options(FacetKind::Directions, &plan, &counts, &filters, Lang::Ja);
        let none = directions.iter().find(|o| o.label == "未記載").expect("the unstated direction");
        assert!(!none.plan_text, "未記載 is the interface's word");
        assert!(
            directions.iter().filter(|o| o.label != "未記載").all(|o| o.plan_text),
            "stated directions are plan text"
        );
        for kind in FacetKind::ALL {
            assert!(!options(kind, &plan, &counts, &filters, Lang::Ja).is_empty(), "{kind:?}");
        }
    }

    #[test]
    fn toggling_a_position_chooses_its_value_and_again_unchooses_it() {
        let plan = plan();
        for kind in FacetKind::ALL {
            let mut filters = Filters::default();
            let counts = query::run(&plan, &query::PlanIndex::new(&plan), &filters).counts;
            toggle(kind, &counts, &mut filters, 1);
            let shown = options(kind, &plan, &counts, &filters, Lang::Ja);
            assert_eq!(
                shown.iter().map(|o| o.checked).collect::<Vec<_>>().iter().position(|c| *c),
                Some(1),
                "{kind:?}"
            );
            assert!(filters.is_active(), "{kind:?}");
            toggle(kind, &counts, &mut filters, 1);
            assert_eq!(filters, Filters::default(), "{kind:?}: back to none");
            toggle(kind, &counts, &mut filters, usize::MAX);
            assert_eq!(filters, Filters::default(), "{kind:?}: a position past the end is nothing");
        }
    }
}
