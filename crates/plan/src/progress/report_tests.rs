//! Tests of `progress::report`, on the real plan.

use super::*;
use crate::plan::{InitiativeId, KpiLink};
use crate::progress::{Stamp, Status};
use crate::test_support::{code, id, plan};

fn find<'r>(report: &'r Report<'_>, s: &str) -> &'r ReportInitiative<'r> {
    report.initiatives().find(|i| i.initiative.id == id(s)).unwrap_or_else(|| panic!("{s} missing"))
}

#[test]
fn the_report_has_the_whole_plan_in_plan_order() {
    let plan = plan();
    let record = Record::default();
    let report = build(&plan, &record, FiscalYear(2024));
    assert_eq!(report.year, FiscalYear(2024));
    assert_eq!(report.policies.len(), 6);
    assert_eq!(report.policies.iter().map(|p| p.subs.len()).sum::<usize>(), 21);
    let ids: Vec<InitiativeId> = report.initiatives().map(|i| i.initiative.id).collect();
    assert_eq!(ids, plan.initiatives.iter().map(|i| i.id).collect::<Vec<_>>(), "86, re-listed rows included");
    assert_eq!(ids.len(), 86);
    for p in &report.policies {
        for s in &p.subs {
            assert!(s.initiatives.iter().all(|i| i.initiative.sub_policy_id() == s.sub.id));
        }
    }
    assert!(report.initiatives().all(|i| i.cell.is_none()));
}

#[test]
fn a_relisted_row_is_named_like_its_original() {
    let plan = plan();
    let record = Record::default();
    let report = build(&plan, &record, FiscalYear(2024));
    assert_eq!(find(&report, "4-①-h").name, plan.initiative(id("3-①-d")).unwrap().short_name);
}

#[test]
fn the_year_s_cells_appear_beside_their_initiative_and_under_every_initiative_naming_the_kpi() {
    let plan = plan();
    let mut record = Record::default();
    let stamp = Stamp { author: Some("嘉麻 花子".into()), updated_at: 1 };
    record.initiatives.insert(
        (id("2-①-a"), FiscalYear(2024)),
        InitiativeCell {
            status: Some(Status::Done),
            note: "完了".into(),
            stamp: stamp.clone(),
            ..InitiativeCell::default()
        },
    );
    record.kpis.insert((code("2-2"), FiscalYear(2024)), KpiCell { actual: Some(61.0), stamp, ..KpiCell::default() });

    let report = build(&plan, &record, FiscalYear(2024));
    assert_eq!(find(&report, "2-①-a").cell.and_then(|c| c.status), Some(Status::Done));
    let naming: Vec<InitiativeId> =
        plan.initiatives.iter().filter(|i| i.kpis.iter().any(|k| k.code == code("2-2"))).map(|i| i.id).collect();
    assert!(naming.len() >= 2, "2-2 is named by several initiatives");
    for i in &naming {
        let shown = find(&report, &i.to_string()).kpis.iter().find(|k| k.kpi.code == code("2-2")).copied();
        let shown = shown.unwrap_or_else(|| panic!("2-2 under {i}"));
        assert_eq!(shown.cell.and_then(|c| c.actual), Some(61.0), "{i}");
    }
    let elsewhere = report.initiatives().filter(|i| !naming.contains(&i.initiative.id));
    assert!(elsewhere.flat_map(|i| i.kpis.iter()).all(|k| k.kpi.code != code("2-2")));

    // Another year shows none of it.
    let other = build(&plan, &record, FiscalYear(2023));
    assert!(other.initiatives().all(|i| i.cell.is_none() && i.kpis.iter().all(|k| k.cell.is_none())));
}

#[test]
fn kpis_are_listed_primary_first() {
    let plan = plan();
    let record = Record::default();
    let report = build(&plan, &record, FiscalYear(2024));
    let roles: Vec<(String, KpiRole)> =
        find(&report, "4-①-d").kpis.iter().map(|k| (k.kpi.code.to_string(), k.role)).collect();
    assert_eq!(roles, [("4-3".to_string(), KpiRole::Primary), ("4-4".to_string(), KpiRole::Related)]);

    // Even when the table names the related target first.
    let mut plan = plan.clone();
    let Some(initiative) = plan.initiatives.iter_mut().find(|i| i.id == id("4-①-d")) else { panic!("4-①-d") };
    initiative.kpis.reverse();
    initiative.kpis.push(KpiLink { code: code("9-9"), role: KpiRole::Primary });
    let report = build(&plan, &record, FiscalYear(2024));
    let roles: Vec<KpiRole> = find(&report, "4-①-d").kpis.iter().map(|k| k.role).collect();
    assert_eq!(roles, [KpiRole::Primary, KpiRole::Related], "an unknown code is left out");
}

#[test]
fn a_narrowed_report_keeps_only_what_the_filter_keeps_and_sums_grades_and_ratings() {
    use crate::progress::edit::{Change, Edit};
    use crate::progress::{Grade, Stamp};
    let plan = plan();
    let mut record = Record::default();
    for (at, code) in [("2-①-a", "A"), ("2-①-b", "B"), ("2-②-a", "B")] {
        let edit =
            Edit::Initiative { id: id(at), year: FiscalYear(2025), change: Change::Grade(Some(Grade(code.into()))) };
        record.apply(&edit, Stamp::default()).unwrap();
    }
    record.kpis.insert(
        (code("2-2"), FiscalYear(2025)),
        KpiCell { target: Some(30.0), actual: Some(31.0), ..KpiCell::default() },
    );
    let report = build_for(&plan, &record, FiscalYear(2025), |i| i.policy == 2);
    assert_eq!(report.policies.len(), 1);
    assert_eq!(report.policies[0].policy.code, 2);
    let summary = summary(&plan, &record, &report);
    let [line] = summary.as_slice() else { panic!("{summary:?}") };
    assert_eq!(line.grades, [1, 2, 0, 0, 0], "A once, B twice, by the plan's scale");
    let own = plan.initiatives.iter().filter(|i| i.policy == 2 && i.relisted_from.is_none()).count();
    assert_eq!(line.ungraded, own - 3);
    let kpis = plan.kpis.iter().filter(|k| k.code.policy == 2).count();
    assert_eq!(line.ratings, [1, 0, 0, 0, kpis - 1], "2-2 reached its target: S");
}
