//! Gentle checks on what staff recorded: reminders, not errors. Each finding
//! is a value the UI words and links to the cell; nothing here blocks saving.
//!
//! Only closed fiscal years are checked: a year is *closed* once it is before
//! the fiscal year containing `today` (years start on 1 April, see
//! [`fiscal_year_of`]), so nothing is asked of the year still under way, and
//! nothing at all before the plan's first year has ended.
//!
//! Re-listed rows (再掲) are not checked: they repeat an initiative listed
//! elsewhere, which is checked itself, and the status summary
//! ([`super::overview::status_counts`]) leaves them out too, so the two never
//! disagree about how many initiatives there are.

use super::overview::is_relisted;
use super::{Record, Status};
use crate::plan::{FiscalYear, Initiative, InitiativeId, KpiCode, Plan};
use crate::timeline::{fiscal_year_of, CalendarDate};

/// Something worth a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Finding {
    /// At least one activity of the initiative's schedule ran its whole span
    /// in closed years, yet the status in the latest closed year that has a
    /// status is still 未着手. `year` is that latest year. Reported once per
    /// initiative.
    NotStartedAfterSchedule { id: InitiativeId, year: FiscalYear },
    /// No status for a closed plan year in which the initiative is scheduled
    /// (some activity spans it). An initiative whose table row gives no
    /// schedule counts as scheduled every year: nothing says it may rest.
    MissingStatus { id: InitiativeId, year: FiscalYear },
    /// A target was recorded for a closed year but no actual value.
    KpiActualMissing { code: KpiCode, year: FiscalYear },
}

impl Finding {
    pub fn year(self) -> FiscalYear {
        match self {
            Finding::NotStartedAfterSchedule { year, .. }
            | Finding::MissingStatus { year, .. }
            | Finding::KpiActualMissing { year, .. } => year,
        }
    }
}

/// Every finding as of `today`: the initiatives' in plan order (re-listed
/// rows excepted), each initiative's by year, then the KPIs' in plan order
/// and by year.
pub fn run(plan: &Plan, record: &Record, today: CalendarDate) -> Vec<Finding> {
    let current = fiscal_year_of(today);
    let closed: Vec<FiscalYear> = plan.plan.fiscal_years.years().filter(|&y| y < current).collect();

    let mut findings = Vec::new();
    for initiative in plan.initiatives.iter().filter(|i| !is_relisted(i)) {
        let mut own = initiative_findings(plan, initiative, record, current, &closed);
        // The two initiative kinds never share a year: one needs a status,
        // the other its absence.
        own.sort_unstable_by_key(|f| f.year());
        findings.extend(own);
    }
    for kpi in &plan.kpis {
        findings.extend(
            closed
                .iter()
                .filter(|&&year| {
                    record.kpis.get(&(kpi.code, year)).is_some_and(|c| c.target.is_some() && c.actual.is_none())
                })
                .map(|&year| Finding::KpiActualMissing { code: kpi.code, year }),
        );
    }
    findings
}

fn initiative_findings(
    plan: &Plan,
    initiative: &Initiative,
    record: &Record,
    current: FiscalYear,
    closed: &[FiscalYear],
) -> Vec<Finding> {
    let id = initiative.id;
    let status = |year: FiscalYear| record.initiative(plan, id, year).and_then(|c| c.status);
    let mut findings = Vec::new();

    let some_activity_over = initiative.schedule.iter().any(|item| item.to < current);
    if some_activity_over {
        let latest = closed.iter().rev().find_map(|&year| status(year).map(|s| (year, s)));
        if let Some((year, Status::NotStarted)) = latest {
            findings.push(Finding::NotStartedAfterSchedule { id, year });
        }
    }

    let scheduled = |year: FiscalYear| {
        initiative.schedule.is_empty() || initiative.schedule.iter().any(|item| item.from <= year && year <= item.to)
    };
    findings.extend(
        closed
            .iter()
            .filter(|&&year| scheduled(year) && status(year).is_none())
            .map(|&year| Finding::MissingStatus { id, year }),
    );
    findings
}

#[cfg(test)]
#[path = "checks_tests.rs"]
mod tests;
