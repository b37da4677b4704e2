//! Tests of `progress::checks`.

use super::*;
use crate::plan::ScheduleItem;
use crate::progress::{InitiativeCell, KpiCell, Stamp};
use crate::test_support::{code, id, plan};

fn date(year: i32, month: u8, day: u8) -> CalendarDate {
    CalendarDate { year, month, day }
}

fn fy(year: u16) -> FiscalYear {
    FiscalYear(year)
}

/// A status for every initiative in every year up to and including `last`,
/// so only the cells a test changes can give findings.
fn all_in_progress_until(plan: &Plan, last: u16) -> Record {
    let mut record = Record::default();
    for i in &plan.initiatives {
        for year in 2023..=last {
            set_status(&mut record, i.id, year, Some(Status::InProgress));
        }
    }
    record
}

fn set_status(record: &mut Record, id: InitiativeId, year: u16, status: Option<Status>) {
    let note = if status.is_none() { "記録のみ".to_string() } else { String::new() };
    record
        .initiatives
        .insert((id, fy(year)), InitiativeCell { status, note, stamp: Stamp::default(), ..InitiativeCell::default() });
}

fn set_kpi(record: &mut Record, code: KpiCode, year: u16, target: Option<f64>, actual: Option<f64>) {
    record.kpis.insert((code, fy(year)), KpiCell { target, actual, ..KpiCell::default() });
}

fn missing(findings: &[Finding]) -> Vec<(InitiativeId, FiscalYear)> {
    findings
        .iter()
        .filter_map(|f| match *f {
            Finding::MissingStatus { id, year } => Some((id, year)),
            _ => None,
        })
        .collect()
}

#[test]
fn nothing_is_asked_before_the_plan_has_a_closed_year() {
    let plan = plan();
    let mut record = Record::default();
    set_status(&mut record, id("5-③-b"), 2023, Some(Status::NotStarted));
    set_kpi(&mut record, code("2-2"), 2023, Some(50.0), None);
    for today in [date(2022, 6, 1), date(2023, 3, 31), date(2023, 4, 1), date(2024, 3, 31)] {
        assert_eq!(run(&plan, &Record::default(), today), [], "{today:?}");
        assert_eq!(run(&plan, &record, today), [], "{today:?}");
    }
}

#[test]
fn on_1_april_the_past_year_closes_and_every_scheduled_initiative_without_a_status_is_listed() {
    let plan = plan();
    let findings = run(&plan, &Record::default(), date(2024, 4, 1));
    let listed = missing(&findings);
    assert_eq!(listed.len(), findings.len(), "only missing statuses: {findings:?}");
    assert!(listed.iter().all(|&(_, year)| year == fy(2023)));
    // Not scheduled in FY2023: their activities start later.
    for later in ["4-①-f", "5-③-c"] {
        assert!(!listed.contains(&(id(later), fy(2023))), "{later}");
    }
    // The 11 re-listed rows are not asked for: their originals are.
    assert_eq!(listed.len(), 86 - 11 - 2);
    // Plan order.
    let order: Vec<InitiativeId> = listed.iter().map(|&(id, _)| id).collect();
    let want: Vec<InitiativeId> = plan.initiatives.iter().map(|i| i.id).filter(|i| order.contains(i)).collect();
    assert_eq!(order, want);
}

#[test]
fn an_initiative_without_a_schedule_is_expected_every_closed_year() {
    let plan = plan();
    assert!(plan.initiative(id("5-①-a")).unwrap().schedule.is_empty());
    let mut record = all_in_progress_until(&plan, 2027);
    record.initiatives.retain(|(i, _), _| *i != id("5-①-a"));
    set_status(&mut record, id("5-①-a"), 2024, Some(Status::NotStarted));
    let findings = run(&plan, &record, date(2026, 5, 1));
    assert_eq!(
        findings,
        [
            Finding::MissingStatus { id: id("5-①-a"), year: fy(2023) },
            Finding::MissingStatus { id: id("5-①-a"), year: fy(2025) },
        ],
        "no activity ended, so 未着手 alone is not reported"
    );
}

#[test]
fn a_note_without_a_status_still_misses_the_status() {
    let plan = plan();
    let mut record = all_in_progress_until(&plan, 2023);
    set_status(&mut record, id("2-①-a"), 2023, None);
    assert_eq!(run(&plan, &record, date(2024, 4, 1)), [Finding::MissingStatus { id: id("2-①-a"), year: fy(2023) }]);
}

#[test]
fn not_started_after_an_activity_ended_is_reported_once_from_1_april() {
    let plan = plan();
    let initiative = plan.initiative(id("5-③-b")).unwrap();
    assert!(initiative.schedule.iter().any(|s| s.to == fy(2023)), "an activity of FY2023 only");
    let mut record = all_in_progress_until(&plan, 2023);
    set_status(&mut record, id("5-③-b"), 2023, Some(Status::NotStarted));
    assert_eq!(run(&plan, &record, date(2024, 3, 31)), []);
    assert_eq!(
        run(&plan, &record, date(2024, 4, 1)),
        [Finding::NotStartedAfterSchedule { id: id("5-③-b"), year: fy(2023) }]
    );

    // Two years later, still 未着手: one finding, for the latest year.
    let mut record = all_in_progress_until(&plan, 2024);
    set_status(&mut record, id("5-③-b"), 2023, Some(Status::NotStarted));
    set_status(&mut record, id("5-③-b"), 2024, Some(Status::NotStarted));
    assert_eq!(
        run(&plan, &record, date(2025, 4, 1)),
        [Finding::NotStartedAfterSchedule { id: id("5-③-b"), year: fy(2024) }]
    );

    // Started since: nothing to say.
    set_status(&mut record, id("5-③-b"), 2024, Some(Status::InProgress));
    assert_eq!(run(&plan, &record, date(2025, 4, 1)), []);
}

#[test]
fn not_started_looks_at_the_latest_closed_year_that_has_a_status() {
    let plan = plan();
    let mut record = all_in_progress_until(&plan, 2024);
    set_status(&mut record, id("5-③-b"), 2023, Some(Status::NotStarted));
    record.initiatives.remove(&(id("5-③-b"), fy(2024)));
    assert_eq!(
        run(&plan, &record, date(2025, 4, 1)),
        [
            Finding::NotStartedAfterSchedule { id: id("5-③-b"), year: fy(2023) },
            Finding::MissingStatus { id: id("5-③-b"), year: fy(2024) },
        ]
    );
}

#[test]
fn not_started_while_every_activity_still_runs_is_not_reported() {
    let plan = plan();
    assert!(plan.initiative(id("2-①-a")).unwrap().schedule.iter().all(|s| s.to == fy(2027)));
    let mut record = all_in_progress_until(&plan, 2025);
    for year in 2023..=2025 {
        set_status(&mut record, id("2-①-a"), year, Some(Status::NotStarted));
    }
    assert_eq!(run(&plan, &record, date(2026, 4, 1)), []);
    // After the plan, every activity has ended.
    let mut record = all_in_progress_until(&plan, 2027);
    set_status(&mut record, id("2-①-a"), 2027, Some(Status::NotStarted));
    assert_eq!(
        run(&plan, &record, date(2028, 4, 1)),
        [Finding::NotStartedAfterSchedule { id: id("2-①-a"), year: fy(2027) }]
    );
}

#[test]
fn missing_statuses_follow_each_activity_span() {
    let mut plan = plan();
    let only = |from, to| ScheduleItem { label: "x".into(), from: fy(from), to: fy(to), inferred: false };
    let target = id("1-①-a");
    let Some(initiative) = plan.initiatives.iter_mut().find(|i| i.id == target) else { panic!("1-①-a") };
    initiative.schedule = vec![only(2023, 2023), only(2025, 2026)];
    let mut record = all_in_progress_until(&plan, 2027);
    record.initiatives.retain(|(i, _), _| *i != target);
    let findings = run(&plan, &record, date(2030, 1, 1));
    assert_eq!(
        findings,
        [
            Finding::MissingStatus { id: target, year: fy(2023) },
            Finding::MissingStatus { id: target, year: fy(2025) },
            Finding::MissingStatus { id: target, year: fy(2026) },
        ]
    );
}

#[test]
fn a_target_without_an_actual_is_reported_for_closed_years_only() {
    let plan = plan();
    let mut record = all_in_progress_until(&plan, 2027);
    set_kpi(&mut record, code("2-2"), 2023, Some(50.0), None);
    set_kpi(&mut record, code("2-2"), 2024, Some(55.0), None);
    set_kpi(&mut record, code("1-1"), 2023, Some(30.0), Some(28.0));
    record.kpis.insert((code("1-2"), fy(2023)), KpiCell { note: "未集計".into(), ..KpiCell::default() });
    assert_eq!(run(&plan, &record, date(2024, 3, 31)), []);
    assert_eq!(
        run(&plan, &record, date(2024, 4, 1)),
        [Finding::KpiActualMissing { code: code("2-2"), year: fy(2023) }]
    );
    assert_eq!(
        run(&plan, &record, date(2025, 4, 1)),
        [
            Finding::KpiActualMissing { code: code("2-2"), year: fy(2023) },
            Finding::KpiActualMissing { code: code("2-2"), year: fy(2024) },
        ]
    );
}

#[test]
fn findings_come_in_plan_order_then_year_with_kpis_last() {
    let plan = plan();
    let mut record = all_in_progress_until(&plan, 2024);
    set_kpi(&mut record, code("1-1"), 2023, Some(1.0), None);
    record.initiatives.remove(&(id("5-③-b"), fy(2024)));
    record.initiatives.remove(&(id("1-①-a"), fy(2024)));
    record.initiatives.remove(&(id("1-①-a"), fy(2023)));
    set_status(&mut record, id("5-③-b"), 2023, Some(Status::NotStarted));
    let findings = run(&plan, &record, date(2025, 4, 1));
    assert_eq!(
        findings,
        [
            Finding::MissingStatus { id: id("1-①-a"), year: fy(2023) },
            Finding::MissingStatus { id: id("1-①-a"), year: fy(2024) },
            Finding::NotStartedAfterSchedule { id: id("5-③-b"), year: fy(2023) },
            Finding::MissingStatus { id: id("5-③-b"), year: fy(2024) },
            Finding::KpiActualMissing { code: code("1-1"), year: fy(2023) },
        ]
    );
    assert_eq!(findings, run(&plan, &record, date(2025, 4, 1)), "deterministic");
}

#[test]
fn re_listed_rows_are_not_checked_as_the_status_summary_does_not_count_them() {
    let plan = plan();
    let relisted: Vec<InitiativeId> =
        plan.initiatives.iter().filter(|i| i.relisted_from.is_some()).map(|i| i.id).collect();
    assert_eq!(relisted.len(), 11);
    // 6-②-f re-lists 2-①-b and, like 5-③-b, has an activity of FY2023 only.
    assert!(plan.initiative(id("6-②-f")).unwrap().schedule.iter().any(|s| s.to == fy(2023)));

    // Every original recorded; the re-listed rows left empty or 未着手.
    let mut record = all_in_progress_until(&plan, 2024);
    record.initiatives.retain(|(i, _), _| !relisted.contains(i));
    set_status(&mut record, id("6-②-f"), 2023, Some(Status::NotStarted));
    set_status(&mut record, id("6-②-f"), 2024, Some(Status::NotStarted));
    assert_eq!(run(&plan, &record, date(2025, 4, 1)), [], "the originals are all recorded");

    // Nothing recorded: each missing status is one of the initiatives the
    // summary counts as unrecorded, and every scheduled one is asked for.
    let today = date(2024, 4, 1);
    let listed = missing(&run(&plan, &Record::default(), today));
    let unrecorded: usize =
        super::super::overview::status_counts(&plan, &Record::default(), fy(2023)).iter().map(|c| c.unrecorded).sum();
    assert!(listed.iter().all(|(i, _)| !relisted.contains(i)), "{listed:?}");
    assert_eq!(listed.len(), unrecorded - 2, "all the summary's unrecorded but 4-①-f and 5-③-c (from FY2024)");
}
