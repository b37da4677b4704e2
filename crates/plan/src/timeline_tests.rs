//! Tests of `timeline`, kept beside it.

use super::*;
use crate::plan::ScheduleItem;
use crate::test_support::{id, plan};

fn date(year: i32, month: u8, day: u8) -> CalendarDate {
    CalendarDate { year, month, day }
}

const TODAY: CalendarDate = CalendarDate { year: 2026, month: 11, day: 25 };

fn row<'t>(t: &'t Timeline, s: &str) -> &'t TimelineRow {
    let want = id(s);
    t.rows().find(|r| r.id == want).expect("row present")
}

#[test]
fn fiscal_year_starts_on_1_april() {
    assert_eq!(fiscal_year_of(date(2024, 3, 31)), FiscalYear(2023));
    assert_eq!(fiscal_year_of(date(2024, 4, 1)), FiscalYear(2024));
    assert_eq!(fiscal_year_of(date(2024, 1, 1)), FiscalYear(2023));
    assert_eq!(fiscal_year_of(date(2023, 12, 31)), FiscalYear(2023));
}

#[test]
fn current_is_none_outside_the_plan_period() {
    let plan = plan();
    // 2023-03-31 is still FY2022; 2028-04-01 is FY2028.
    for today in [date(2023, 3, 31), date(2028, 4, 1)] {
        let t = layout(&plan, &plan.initiatives, today);
        assert_eq!(t.current, None, "{today:?}");
        assert!(t.years.iter().all(|y| !y.is_current));
    }
    let t = layout(&plan, &plan.initiatives, date(2023, 4, 1));
    assert_eq!(t.current, Some(FiscalYear(2023)));
    let t = layout(&plan, &plan.initiatives, date(2028, 3, 31));
    assert_eq!(t.current, Some(FiscalYear(2027)));
}

#[test]
fn whole_plan_has_every_group_and_row() {
    let plan = plan();
    let t = layout(&plan, &plan.initiatives, TODAY);
    assert_eq!(t.groups.len(), 6);
    assert_eq!(t.groups.iter().map(|g| g.subs.len()).sum::<usize>(), 21);
    assert_eq!(t.row_count, 86);
    assert_eq!(t.rows().count(), 86);
    assert_eq!(t.groups.iter().map(|g| g.code).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(t.groups[0].name, "中小企業の創業の促進を図る");
    assert_eq!(t.groups[1].subs[0].id.to_string(), "2-①");
    assert_eq!(t.groups[1].subs[0].name, "デジタル化促進に向けた支援");
    // Rows keep plan order.
    let ids: Vec<_> = t.rows().map(|r| r.id).collect();
    let plan_ids: Vec<_> = plan.initiatives.iter().map(|i| i.id).collect();
    assert_eq!(ids, plan_ids);

    let labels: Vec<_> = t.years.iter().map(|y| y.label.as_str()).collect();
    assert_eq!(labels, ["2023 (R5)", "2024 (R6)", "2025 (R7)", "2026 (R8)", "2027 (R9)"]);
    let columns: Vec<_> = t.years.iter().map(|y| y.grid_column).collect();
    assert_eq!(columns, [2, 3, 4, 5, 6]);
}

#[test]
fn consecutive_activities_become_consecutive_bars() {
    let plan = plan();
    let t = layout(&plan, &plan.initiatives, TODAY);
    let bars = &row(&t, "5-③-b").bars;
    assert_eq!(bars.len(), 2);
    assert_eq!((bars[0].from, bars[0].to), (FiscalYear(2023), FiscalYear(2023)));
    assert_eq!((bars[0].grid_column_start, bars[0].grid_column_end), (2, 3));
    assert_eq!((bars[1].from, bars[1].to), (FiscalYear(2024), FiscalYear(2027)));
    assert_eq!((bars[1].grid_column_start, bars[1].grid_column_end), (3, 7));
    assert!(bars.iter().all(|b| b.lane == 0 && !b.inferred));
    assert_eq!(row(&t, "5-③-b").lane_count, 1);
    assert_eq!(bars[1].period_label(), "2024 (R6)〜2027 (R9)");
    assert_eq!(bars[0].period_label(), "2023 (R5)");
}

#[test]
fn page_three_bars_are_inferred_over_the_whole_period() {
    let plan = plan();
    let t = layout(&plan, &plan.initiatives, TODAY);
    let bars = &row(&t, "3-①-a").bars;
    assert_eq!(bars.len(), 1);
    assert!(bars[0].inferred);
    assert_eq!((bars[0].from, bars[0].to), (FiscalYear(2023), FiscalYear(2027)));
    assert_eq!((bars[0].grid_column_start, bars[0].grid_column_end), (2, 7));
    assert!(t.legend_needed_for_inferred());
}

#[test]
fn filtered_subset_keeps_only_its_groups() {
    let plan = plan();
    let t = layout(&plan, plan.initiatives.iter().filter(|i| i.policy == 5), TODAY);
    assert_eq!(t.groups.len(), 1);
    assert_eq!(t.groups[0].code, 5);
    assert_eq!(t.groups[0].subs.len(), 3);
    assert_eq!(t.row_count, plan.initiatives.iter().filter(|i| i.policy == 5).count());
    // Policy 5 has no inferred spans, so no legend.
    assert!(!t.legend_needed_for_inferred());

    let empty = layout(&plan, std::iter::empty(), TODAY);
    assert!(empty.groups.is_empty());
    assert_eq!(empty.row_count, 0);
    assert_eq!(empty.years.len(), 5);
}

#[test]
fn rows_without_schedule_have_no_bars() {
    let plan = plan();
    let t = layout(&plan, &plan.initiatives, TODAY);
    let r = row(&t, "5-①-a");
    assert!(r.bars.is_empty());
    assert_eq!(r.lane_count, 0);
    assert_eq!(r.name, "市内企業への就職促進（マッチング支援）");
}

#[test]
fn relisted_rows_use_the_display_name() {
    let plan = plan();
    let t = layout(&plan, &plan.initiatives, TODAY);
    let relisted = plan.initiative(id("4-①-h")).expect("4-①-h");
    assert_eq!(row(&t, "4-①-h").name, plan.display_name(relisted));
    assert_ne!(row(&t, "4-①-h").name, crate::plan::RELISTED_MARK);
}

#[test]
fn exactly_one_current_column() {
    let plan = plan();
    let t = layout(&plan, &plan.initiatives, TODAY);
    assert_eq!(t.current, Some(FiscalYear(2026)));
    let current: Vec<_> = t.years.iter().filter(|y| y.is_current).map(|y| y.year).collect();
    assert_eq!(current, [FiscalYear(2026)]);
}

fn synthetic(schedule: Vec<ScheduleItem>) -> (Plan, Initiative) {
    let plan = plan();
    let mut initiative = plan.initiatives[0].clone();
    initiative.schedule = schedule;
    (plan, initiative)
}

fn item(label: &str, from: u16, to: u16) -> ScheduleItem {
    ScheduleItem { label: label.into(), from: FiscalYear(from), to: FiscalYear(to), inferred: false }
}

#[test]
fn overlapping_bars_get_separate_lanes() {
    let (plan, initiative) =
        synthetic(vec![item("a", 2023, 2025), item("b", 2024, 2027), item("c", 2026, 2027), item("d", 2025, 2025)]);
    let t = layout(&plan, [&initiative], TODAY);
    let r = &t.groups[0].subs[0].rows[0];
    let lanes: Vec<_> = r.bars.iter().map(|b| (b.label.as_str(), b.lane)).collect();
    // a 23–25 → 0; b 24–27 → 1; d 25 → 2 (0 and 1 busy); c 26–27 → 0.
    assert_eq!(lanes, [("a", 0), ("b", 1), ("d", 2), ("c", 0)]);
    assert_eq!(r.lane_count, 3);
    // No two bars in a lane overlap.
    for x in &r.bars {
        for y in &r.bars {
            if x != y && x.lane == y.lane {
                assert!(x.to < y.from || y.to < x.from, "{x:?} {y:?}");
            }
        }
    }
}

#[test]
fn bars_are_clamped_to_the_plan_period() {
    let (plan, initiative) =
        synthetic(vec![item("early", 2020, 2024), item("late", 2026, 2030), item("outside", 2030, 2031)]);
    let t = layout(&plan, [&initiative], TODAY);
    let bars = &t.groups[0].subs[0].rows[0].bars;
    assert_eq!(bars.len(), 2);
    assert_eq!((bars[0].from, bars[0].to), (FiscalYear(2023), FiscalYear(2024)));
    assert_eq!((bars[0].grid_column_start, bars[0].grid_column_end), (2, 4));
    assert_eq!((bars[1].from, bars[1].to), (FiscalYear(2026), FiscalYear(2027)));
    assert_eq!((bars[1].grid_column_start, bars[1].grid_column_end), (5, 7));
    assert!(bars.iter().all(|b| b.lane == 0));
}

#[test]
fn the_reported_year_is_the_one_just_ended_until_september() {
    assert_eq!(reporting_year(date(2026, 4, 1)), FiscalYear(2025));
    assert_eq!(reporting_year(date(2026, 9, 30)), FiscalYear(2025));
    assert_eq!(reporting_year(date(2026, 10, 1)), FiscalYear(2026));
    assert_eq!(reporting_year(date(2027, 3, 31)), FiscalYear(2026));
    assert_eq!(reporting_year(date(2027, 1, 15)), FiscalYear(2026));
}

#[test]
fn dates_are_read_only_when_they_name_a_real_day() {
    let d = |year, month, day| CalendarDate { year, month, day };
    assert_eq!(CalendarDate::parse("2026-05-15").ok(), Some(d(2026, 5, 15)));
    assert_eq!(CalendarDate::parse("2024-02-29").ok(), Some(d(2024, 2, 29)));
    assert_eq!(d(2026, 5, 1).iso(), "2026-05-01");
    for bad in [
        "2025-02-29",
        "1900-02-29",
        "2026-13-01",
        "2026-04-31",
        "2026-5-15",
        "2026-05-15T00:00",
        "",
        "２０２６-05-15",
        "+202-05-15",
        "2026-00-10",
        "2026-01-00",
    ] {
        assert_eq!(CalendarDate::parse(bad).ok(), None, "{bad}");
    }
    assert_eq!(CalendarDate::parse("2000-02-29").ok(), Some(d(2000, 2, 29)));
}
