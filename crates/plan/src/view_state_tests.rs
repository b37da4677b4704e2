//! Tests of `view_state`, kept beside it.

use super::*;

fn read(q: &str) -> ViewState {
    let plan = Plan::from_json(crate::PLAN_JSON).expect("plan.json");
    ViewState::from_query(q, &plan)
}

#[test]
fn every_parameter_round_trips() {
    let state = ViewState {
        // The KPI view: the only one whose URL carries the open KPI.
        view: View::Kpis,
        filters: Filters {
            policies: BTreeSet::from([1, 2]),
            sub_policies: BTreeSet::from([SubPolicyId { policy: 2, sub: 3 }]),
            priority_only: true,
            first_plan: BTreeSet::from(["継続".to_string(), "改".to_string()]),
            directions: BTreeSet::from([Direction::Stated("継続/要検討".into()), Direction::NotStated]),
            kpis: BTreeSet::from([KpiCode { policy: 2, number: 3 }]),
            fiscal_years: BTreeSet::from([FiscalYear(2024), FiscalYear(2025)]),
            text: "デジタル 補助金 & 100%".into(),
            fold_relisted: true,
        },
        open: Some(InitiativeId { policy: 2, sub: 1, letter: 'a' }),
        year: Some(FiscalYear(2026)),
        kpi: Some(KpiCode { policy: 2, number: 2 }),
        plan_source: LinkedFile::parse("plan-10000.json").map(PlanSource::File),
    };
    let query = state.to_query();
    assert_eq!(read(&query), state, "{query}");
    assert!(query.contains("policy=1,2"), "{query}");
    assert!(query.contains("sub=2-3"));
    assert!(query.contains("fy=2024,2025"));
    assert!(query.ends_with("id=2-1-a"));
    assert_eq!(read(&format!("?{query}")), state, "leading ? is fine");
}

#[test]
fn the_open_initiative_is_the_last_parameter() {
    // The app appends `&id=…` to the rest of the query for every row's link.
    let mut s = read("policy=2&q=x&view=timeline");
    s.view = View::List;
    let base = s.to_query();
    s.open = Some(InitiativeId { policy: 2, sub: 1, letter: 'a' });
    assert_eq!(s.to_query(), format!("{base}&id=2-1-a"));
}

#[test]
fn the_default_state_is_the_empty_query() {
    assert_eq!(ViewState::default().to_query(), "");
    assert_eq!(read(""), ViewState::default());
    assert_eq!(read("?"), ViewState::default());
}

#[test]
fn repeated_parameters_and_other_spellings_are_read() {
    let s = read("policy=1&policy=3&sub=2-%E2%91%A2&id=2-%E2%91%A0-a&q=%E3%83%87%E3%82%B8+%E5%8C%96");
    assert_eq!(s.filters.policies, BTreeSet::from([1, 3]));
    assert_eq!(s.filters.sub_policies, BTreeSet::from([SubPolicyId { policy: 2, sub: 3 }]));
    assert_eq!(s.open, Some(InitiativeId { policy: 2, sub: 1, letter: 'a' }));
    assert_eq!(s.filters.text, "デジ 化");
}

#[test]
fn malformed_and_unknown_parameters_are_ignored() {
    let s = read("policy=x,2,,99&sub=zz&first=maybe&fy=1999,2024,abc&kpi=2&id=%ZZ&unknown=1&=&&priority=yes&view=gallery&q=%E0%A4%A");
    assert_eq!(s.filters.policies, BTreeSet::from([2]));
    assert!(s.filters.sub_policies.is_empty());
    assert!(s.filters.first_plan.is_empty());
    assert_eq!(s.filters.fiscal_years, BTreeSet::from([FiscalYear(2024)]));
    assert!(s.filters.kpis.is_empty());
    assert_eq!(s.open, None);
    assert!(!s.filters.priority_only);
    assert_eq!(s.view, View::List);
    assert!(!s.filters.text.is_empty(), "a broken escape is kept as text, not a crash");
}

#[test]
fn values_the_plan_does_not_have_are_dropped() {
    let s = read("policy=7,2&sub=9-9,2-1&kpi=9-9,2-2&dir=foo,強化&fy=2030");
    assert_eq!(s.filters.policies, BTreeSet::from([2]));
    assert_eq!(s.filters.sub_policies, BTreeSet::from([SubPolicyId { policy: 2, sub: 1 }]));
    assert_eq!(s.filters.kpis, BTreeSet::from([KpiCode { policy: 2, number: 2 }]));
    assert_eq!(s.filters.directions, BTreeSet::from([Direction::Stated("強化".into())]));
    assert!(s.filters.fiscal_years.is_empty());
    let long = "あ".repeat(1000);
    assert_eq!(read(&format!("q={long}")).filters.text.chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn the_progress_and_report_views_carry_their_fiscal_year() {
    let s = read("view=report&year=2025");
    assert_eq!((s.view, s.year), (View::Report, Some(FiscalYear(2025))));
    assert_eq!(read(&s.to_query()), s);
    assert_eq!(read("view=progress&year=2031").year, None, "a year outside the plan is dropped");
    assert_eq!(read("view=progress").view, View::Progress);
}

#[test]
fn the_kpi_view_names_its_kpi_by_code() {
    let s = read("view=kpis&code=2-2");
    assert_eq!((s.view, s.kpi), (View::Kpis, Some(KpiCode { policy: 2, number: 2 })));
    assert_eq!(read(&s.to_query()), s);
    assert_eq!(read("view=kpis&code=9-9").kpi, None);
    assert_eq!(read("view=charts").view, View::Charts);
}

#[test]
fn the_open_kpi_is_only_in_the_kpi_views_url() {
    let s = read("view=kpis&code=2-2");
    assert_eq!(s.to_query(), "view=kpis&code=2-2");
    let report = ViewState { view: View::Report, ..s };
    assert_eq!(report.to_query(), "view=report");
}

#[test]
fn a_views_name_is_its_view_parameter() {
    let views = [View::List, View::Timeline, View::Progress, View::Report, View::Kpis, View::Charts];
    for view in views {
        assert_eq!(read(&format!("view={}", view.name())).view, view, "{}", view.name());
    }
    let mut names: Vec<_> = views.iter().map(|v| v.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), views.len(), "names are distinct");
}

#[test]
fn the_plan_file_stays_in_every_address_and_only_a_bare_json_name_counts() {
    let state = read("plan=other-plan.json&view=timeline");
    assert_eq!(state.plan_source, LinkedFile::parse("other-plan.json").map(PlanSource::File));
    // Whatever else changes, the address keeps naming the plan.
    let moved = ViewState { view: View::Progress, open: None, ..state };
    assert!(moved.to_query().starts_with("plan=other-plan.json&view=progress"), "{}", moved.to_query());
    for refused in [
        "https://evil.example/p.json",
        "../plan.json",
        ".hidden.json",
        "dir/plan.json",
        "plan.js",
        "javascript:alert(1).json",
        "a%2F..json",
        "p\u{0}.json",
    ] {
        let query = format!("plan={}", utf8_percent_encode(refused, NON_ALPHANUMERIC));
        assert_eq!(read(&query).plan_source, None, "{refused}");
        assert_eq!(linked_file(&query, "plan"), None, "{refused}");
    }
    assert_eq!(
        linked_file("id=1-1-a&open=request.json", "open").as_ref().map(LinkedFile::as_str),
        Some("request.json")
    );
}

#[test]
fn a_plan_kept_in_this_browser_is_named_by_its_id_in_every_address() {
    let state = read("plan=saved:plan-c87a4769-2025-2029&view=timeline");
    let id = SavedPlanId::parse("plan-c87a4769-2025-2029");
    assert_eq!(state.plan_source, id.clone().map(PlanSource::Saved));
    assert!(state.to_query().starts_with("plan=saved%3Aplan-c87a4769-2025-2029&"), "{}", state.to_query());
    assert_eq!(read(&state.to_query()), state, "read back");
    let source = state.plan_source.clone().expect("saved");
    assert_eq!(source.query(), "plan=saved%3Aplan-c87a4769-2025-2029");
    assert_eq!(plan_source("plan=saved%3Aplan-c87a4769-2025-2029"), id.map(PlanSource::Saved));
    for refused in ["saved:", "saved:../x", "saved:.hidden", "saved:a/b", "saved:a%2Fb", "saved:<script>", "saved:計画"]
    {
        assert_eq!(plan_source(&format!("plan={refused}")), None, "{refused}");
    }
}
