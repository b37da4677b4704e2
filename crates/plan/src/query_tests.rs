//! Tests of `query`, kept beside it.

use super::*;
use crate::test_support::plan;

fn ids(plan: &Plan, r: &QueryResult) -> Vec<String> {
    r.initiatives(plan).map(|i| i.id.to_string()).collect()
}

fn count_of<T: PartialEq>(list: &[(T, usize)], value: T) -> usize {
    list.iter().find(|(v, _)| *v == value).map(|(_, n)| *n).unwrap_or(usize::MAX)
}

#[test]
fn no_filters_show_everything_and_counts_add_up() {
    let plan = plan();
    let index = PlanIndex::new(&plan);
    let r = run(&plan, &index, &Filters::default());
    assert_eq!(r.matches.len(), 86);
    assert_eq!(r.total, 86);
    assert_eq!(r.counts.policies.iter().map(|(_, n)| n).sum::<usize>(), 86);
    assert_eq!(r.counts.sub_policies.len(), 21);
    assert_eq!(r.counts.priority, 41);
    assert_eq!(count_of(&r.counts.first_plan, "改".to_string()), 7);
    let firsts: Vec<&str> = r.counts.first_plan.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(firsts, ["継続", "新規", "改"], "Kama's words, in its order");
    assert_eq!(count_of(&r.counts.directions, Direction::NotStated), 9);
    assert_eq!(count_of(&r.counts.directions, Direction::Stated("継続/要検討".into())), 11);
    assert_eq!(r.counts.directions.len(), 7, "6 stated values and 未記載");
}

#[test]
fn facets_combine_and_counts_ignore_their_own_facet() {
    let plan = plan();
    let index = PlanIndex::new(&plan);
    let filters = Filters { policies: BTreeSet::from([2]), priority_only: true, ..Filters::default() };
    let r = run(&plan, &index, &filters);
    assert!(r.initiatives(&plan).all(|i| i.policy == 2 && i.priority));
    assert_eq!(r.matches.len(), 11, "2-①-a..e and 2-⑥-a..f");
    // Policy counts apply 重点 only but not the policy choice itself.
    let priority_total: usize = plan.initiatives.iter().filter(|i| i.priority).count();
    assert_eq!(r.counts.policies.iter().map(|(_, n)| n).sum::<usize>(), priority_total);
    assert_eq!(count_of(&r.counts.policies, 1), 0, "policy 1 has no priority rows: shown disabled");
    // 重点 count applies the policy choice.
    assert_eq!(r.counts.priority, 11);
    // Two values of one facet are alternatives.
    let both = Filters { policies: BTreeSet::from([1, 6]), ..Filters::default() };
    assert_eq!(run(&plan, &index, &both).matches.len(), 10 + 13);
}

#[test]
fn kpi_and_fiscal_year_facets() {
    let plan = plan();
    let index = PlanIndex::new(&plan);
    let kpi: KpiCode = "4-5".parse().expect("code");
    let r = run(&plan, &index, &Filters { kpis: BTreeSet::from([kpi]), ..Filters::default() });
    // Primary or related.
    assert!(ids(&plan, &r).contains(&"5-①-a".to_string()), "4-5 is related to 5-①-a");
    assert!(r.initiatives(&plan).all(|i| i.kpis.iter().any(|k| k.code == kpi)));
    // 5-③-b runs 2023 then 2024–; 5-③-c starts in 2024.
    let fy23 = Filters { fiscal_years: BTreeSet::from([FiscalYear(2023)]), ..Filters::default() };
    let r = run(&plan, &index, &fy23);
    let found = ids(&plan, &r);
    assert!(found.contains(&"5-③-b".to_string()));
    assert!(!found.contains(&"5-③-c".to_string()));
    assert!(!found.contains(&"5-①-a".to_string()), "no schedule, no year");
}

#[test]
fn search_is_japanese_aware_and_combines_with_facets() {
    let plan = plan();
    let index = PlanIndex::new(&plan);
    let search = |text: &str| run(&plan, &index, &Filters { text: text.into(), ..Filters::default() });
    let digital = search("デジタル").matches.len();
    assert!(digital > 5);
    assert_eq!(search("ﾃﾞｼﾞﾀﾙ").matches.len(), digital);
    assert_eq!(search("でじたる").matches.len(), digital);
    // Several words: all must match.
    assert!(search("デジタル 補助金").matches.len() < digital);
    // Ids in any spelling, schedule labels, KPI names.
    assert_eq!(ids(&plan, &search("5-③-b"))[0], "5-③-b");
    assert_eq!(ids(&plan, &search("５－３－ｂ"))[0], "5-③-b");
    assert!(ids(&plan, &search("支援策の実施")).contains(&"5-③-b".to_string()));
    assert!(ids(&plan, &search("インターンシップ生")).contains(&"5-①-a".to_string()));
    assert!(search("存在しない言葉").matches.is_empty());
}

#[test]
fn match_context_explains_hits_outside_the_name() {
    let plan = plan();
    let get = |id: &str| plan.initiative(id.parse().expect("id")).expect("initiative");
    // 「支援策の実施」 is only in 5-③-b's schedule.
    let c = match_context(&plan, get("5-③-b"), &Query::parse("支援策")).expect("context");
    assert_eq!(c.field, Field::Schedule);
    assert!(c.segments.iter().any(|s| s.hit && s.text == "支援策"));
    // A hit in the short name needs no excerpt.
    assert_eq!(match_context(&plan, get("2-①-a"), &Query::parse("デジタル")), None);
    // Through a KPI name.
    let c = match_context(&plan, get("5-①-a"), &Query::parse("インターンシップ")).expect("context");
    assert_eq!(c.field, Field::Kpi);
    assert_eq!(match_context(&plan, get("5-①-a"), &Query::parse("")), None);
}

#[test]
fn relisted_rows_can_fold_into_their_originals() {
    let plan = plan();
    let index = PlanIndex::new(&plan);
    let r = run(&plan, &index, &Filters { fold_relisted: true, ..Filters::default() });
    assert_eq!(r.matches.len(), 86 - 11);
    assert_eq!(r.total, 75);
    assert!(r.initiatives(&plan).all(|i| i.relisted_from.is_none()));
}

#[test]
fn activity_means_something_narrows() {
    assert!(!Filters::default().is_active());
    assert!(!Filters { fold_relisted: true, ..Filters::default() }.is_active());
    assert!(Filters { text: "x".into(), ..Filters::default() }.is_active());
}

/// Counts taken by position must equal a plain recount, at a size where the
/// old linear lookups were quadratic.
#[test]
fn counts_at_ten_thousand_initiatives_equal_a_plain_recount() {
    let large = crate::generate::multiply(&plan(), 10_000).expect("fits");
    let index = PlanIndex::new(&large);
    let filters = Filters { text: "デジタル".into(), priority_only: true, ..Filters::default() };
    let r = run(&large, &index, &filters);
    let query = Query::parse(&filters.text);
    let expected = |sub: SubPolicyId| {
        large
            .initiatives
            .iter()
            .zip(&index.entries)
            .filter(|(i, e)| i.sub_policy_id() == sub && i.priority && query.matches(&e.haystack))
            .count()
    };
    for &(sub, n) in r.counts.sub_policies.iter().step_by(97) {
        assert_eq!(n, expected(sub), "{sub}");
    }
    assert!(!r.matches.is_empty());
    // A facet change reuses the text hits and gives the same result as a full run.
    let hits = index.text_hits(&query);
    let narrowed = Filters { policies: [2].into(), ..filters.clone() };
    assert_eq!(run_with(&large, &index, &narrowed, &hits), run(&large, &index, &narrowed));
}
