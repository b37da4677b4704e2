//! The annual progress report (進捗報告) as a model: the plan's structure for
//! one fiscal year with what was recorded beside each initiative and KPI, for
//! the UI to render and print. Every initiative of the published table is in
//! it, re-listed rows (再掲) included, since readers compare it with the table.

use super::{InitiativeCell, KpiCell, Record};
use crate::kpi::{achievement, Rating};
use crate::plan::{FiscalYear, Initiative, Kpi, KpiRole, Plan, Policy, SubPolicy};

/// The report for one fiscal year.
#[derive(Debug, Clone, PartialEq)]
pub struct Report<'a> {
    pub year: FiscalYear,
    /// Every policy, in plan order.
    pub policies: Vec<ReportPolicy<'a>>,
}

/// 基本施策.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportPolicy<'a> {
    pub policy: &'a Policy,
    /// Every sub-policy, in plan order.
    pub subs: Vec<ReportSub<'a>>,
}

/// 施策.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportSub<'a> {
    pub sub: &'a SubPolicy,
    /// Its initiatives, in table order.
    pub initiatives: Vec<ReportInitiative<'a>>,
}

/// 取組.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportInitiative<'a> {
    pub initiative: &'a Initiative,
    /// [`Plan::display_name`], so a re-listed row reads like its original.
    pub name: &'a str,
    /// What was recorded for the year, if anything.
    pub cell: Option<&'a InitiativeCell>,
    /// The KPIs the initiative names, primary first, each with the year's cell.
    pub kpis: Vec<ReportKpi<'a>>,
}

/// A KPI as one initiative names it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportKpi<'a> {
    pub kpi: &'a Kpi,
    pub role: KpiRole,
    /// The KPI's values for the year, shared by every initiative naming it.
    pub cell: Option<&'a KpiCell>,
}

impl<'a> Report<'a> {
    /// Every initiative, in plan order.
    pub fn initiatives(&self) -> impl Iterator<Item = &ReportInitiative<'a>> {
        self.policies.iter().flat_map(|p| p.subs.iter()).flat_map(|s| s.initiatives.iter())
    }
}

/// The report for `year`. A KPI link whose code is missing from `plan.kpis`
/// (the importer never writes one) has nothing to show and is left out.
pub fn build<'a>(plan: &'a Plan, record: &'a Record, year: FiscalYear) -> Report<'a> {
    build_for(plan, record, year, |_| true)
}

/// The report for `year` of the initiatives `keep` accepts (the list's
/// filters): policies and sub-policies left with none are left out.
pub fn build_for<'a>(
    plan: &'a Plan,
    record: &'a Record,
    year: FiscalYear,
    keep: impl Fn(&Initiative) -> bool,
) -> Report<'a> {
    let policies = plan
        .policies
        .iter()
        .map(|policy| ReportPolicy {
            policy,
            subs: policy
                .sub_policies
                .iter()
                .map(|sub| ReportSub {
                    sub,
                    initiatives: plan
                        .initiatives_of(sub.id)
                        .filter(|i| keep(i))
                        .map(|i| initiative(plan, record, year, i))
                        .collect(),
                })
                .filter(|s| !s.initiatives.is_empty())
                .collect(),
        })
        .filter(|p: &ReportPolicy| !p.subs.is_empty())
        .collect();
    Report { year, policies }
}

/// One policy's line of the report's summary.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicySummary {
    pub policy: u8,
    /// Initiatives per grade of the plan's scale, in its order.
    pub grades: Vec<usize>,
    /// Initiatives with no grade for the year.
    pub ungraded: usize,
    /// The policy's KPIs per rating: S, A, B, C, then unrated.
    pub ratings: [usize; 5],
}

/// Per policy of `report`: the 自己評価 grades of its initiatives (re-listed
/// rows are counted under their originals only) and the 達成度 of its KPIs.
pub fn summary(plan: &Plan, record: &Record, report: &Report) -> Vec<PolicySummary> {
    let year = report.year;
    report
        .policies
        .iter()
        .map(|p| {
            let mut line = PolicySummary {
                policy: p.policy.code,
                grades: vec![0; plan.evaluation.grades.len()],
                ungraded: 0,
                ratings: [0; 5],
            };
            let own = p.subs.iter().flat_map(|s| &s.initiatives).filter(|i| i.initiative.relisted_from.is_none());
            for i in own {
                let grade = i.cell.and_then(|c| c.grade.as_ref());
                match grade.and_then(|g| plan.evaluation.grades.iter().position(|c| c.code == g.0)) {
                    Some(n) => line.grades[n] += 1,
                    None => line.ungraded += 1,
                }
            }
            for kpi in plan.kpis.iter().filter(|k| k.code.policy == p.policy.code) {
                let cell = record.kpis.get(&(kpi.code, year));
                let rating = Rating::of(achievement(cell.and_then(|c| c.actual), cell.and_then(|c| c.target)));
                let slot = match rating {
                    Rating::S => 0,
                    Rating::A => 1,
                    Rating::B => 2,
                    Rating::C => 3,
                    Rating::Unrated => 4,
                };
                line.ratings[slot] += 1;
            }
            line
        })
        .collect()
}

fn initiative<'a>(
    plan: &'a Plan,
    record: &'a Record,
    year: FiscalYear,
    initiative: &'a Initiative,
) -> ReportInitiative<'a> {
    let linked = |role: KpiRole| {
        initiative.kpis.iter().filter(move |link| link.role == role).filter_map(move |link| {
            plan.kpi(link.code).map(|kpi| ReportKpi { kpi, role, cell: record.kpis.get(&(link.code, year)) })
        })
    };
    ReportInitiative {
        initiative,
        name: plan.display_name(initiative),
        cell: record.initiative(plan, initiative.id, year),
        kpis: linked(KpiRole::Primary).chain(linked(KpiRole::Related)).collect(),
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
