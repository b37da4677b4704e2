//! The schedule timeline (年次別実行スケジュール) laid out as plain data, for a
//! Gantt-style chart over the plan's fiscal years.
//!
//! [`layout`] turns an already-filtered list of initiatives into policy and
//! sub-policy groups of rows, each row holding bars with CSS grid columns
//! precomputed: column 1 is the row label, column 2 the plan's first fiscal
//! year, and so on. The UI only has to copy the numbers into
//! `grid-column: start / end`, so the same layout serves the screen and print,
//! and all of it is tested here without a DOM. The current fiscal year is
//! computed from a date the caller passes in, so tests can fix the clock.

use crate::plan::{FiscalYear, FiscalYearRange, Initiative, InitiativeId, Plan, SubPolicyId};

/// A calendar date, as the caller's clock reports it (local time in Japan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

/// The Japanese fiscal year (年度) a date falls in: it starts on 1 April, so
/// January–March belong to the previous calendar year's fiscal year.
/// Years outside `u16` saturate (no plan is anywhere near them).
pub fn fiscal_year_of(date: CalendarDate) -> FiscalYear {
    let start_year = if date.month < 4 { date.year - 1 } else { date.year };
    let year = u16::try_from(start_year).unwrap_or(if start_year < 0 { 0 } else { u16::MAX });
    FiscalYear(year)
}

/// The whole chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// One column per fiscal year of the plan, in order.
    pub years: Vec<YearColumn>,
    /// Today's fiscal year, or `None` if today is outside the plan period.
    pub current: Option<FiscalYear>,
    /// Only groups holding at least one of the given initiatives, in plan order.
    pub groups: Vec<PolicyGroup>,
    /// Number of initiative rows over all groups.
    pub row_count: usize,
}

impl Timeline {
    /// Whether any bar's span was assumed by the importer, so the chart must
    /// explain the inferred-bar style.
    pub fn legend_needed_for_inferred(&self) -> bool {
        self.rows().any(|r| r.bars.iter().any(|b| b.inferred))
    }

    /// Every row, in display order.
    pub fn rows(&self) -> impl Iterator<Item = &TimelineRow> {
        self.groups.iter().flat_map(|g| g.subs.iter()).flat_map(|s| s.rows.iter())
    }
}

/// A fiscal-year column header.
#[derive(Debug, Clone, PartialEq)]
pub struct YearColumn {
    pub year: FiscalYear,
    /// The table's own header, e.g. `2023 (R5)`.
    pub label: String,
    pub is_current: bool,
    /// CSS grid column (1-based; column 1 is the row label, so this starts at 2).
    pub grid_column: usize,
}

/// 基本施策.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyGroup {
    pub code: u8,
    pub name: String,
    pub subs: Vec<SubGroup>,
}

/// 施策.
#[derive(Debug, Clone, PartialEq)]
pub struct SubGroup {
    pub id: SubPolicyId,
    pub name: String,
    pub rows: Vec<TimelineRow>,
}

/// One initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub id: InitiativeId,
    /// [`Plan::display_name`], so re-listed rows read like their original.
    pub name: String,
    pub priority: bool,
    /// Empty when the table gives no schedule (the UI shows 「記載なし」).
    pub bars: Vec<Bar>,
    /// Number of lanes the bars use: 1 normally, 0 with no bars, more only if
    /// bars overlap.
    pub lane_count: usize,
}

/// One activity, clamped to the plan period.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub from: FiscalYear,
    pub to: FiscalYear,
    /// The importer assumed this span (see `data/README.md`).
    pub inferred: bool,
    /// CSS `grid-column: start / end`; `end` is exclusive, as in CSS.
    pub grid_column_start: usize,
    pub grid_column_end: usize,
    /// Track within the row, 0-based. The importer makes a row's spans
    /// sequential, so this is 0 unless bars overlap.
    pub lane: usize,
}

impl Bar {
    /// `2023 (R5)〜2027 (R9)`, or one year, for tooltips and print.
    pub fn period_label(&self) -> String {
        FiscalYearRange { from: self.from, to: self.to }.label()
    }
}

/// The grid column of the first fiscal year (column 1 holds the row labels).
const FIRST_YEAR_COLUMN: usize = 2;

/// Lays out `initiatives` (already filtered, in plan order) as a timeline over
/// `plan`'s fiscal years, marking the fiscal year containing `today`.
pub fn layout<'a>(
    plan: &'a Plan,
    initiatives: impl IntoIterator<Item = &'a Initiative>,
    today: CalendarDate,
) -> Timeline {
    let period = plan.plan.fiscal_years;
    let today_fy = fiscal_year_of(today);
    let current = period.contains(today_fy).then_some(today_fy);

    let years = period
        .years()
        .enumerate()
        .map(|(i, year)| YearColumn {
            year,
            label: year.label(),
            is_current: Some(year) == current,
            grid_column: FIRST_YEAR_COLUMN + i,
        })
        .collect();

    let mut groups: Vec<PolicyGroup> = Vec::new();
    let mut row_count = 0;
    for initiative in initiatives {
        let row = layout_row(plan, period, initiative);
        let sub_id = initiative.sub_policy_id();
        // Input is in plan order, so a group is either the last one or new;
        // searching all of them still keeps an out-of-order input together.
        let group = match groups.iter().position(|g| g.code == sub_id.policy) {
            Some(i) => &mut groups[i],
            None => {
                groups.push(PolicyGroup {
                    code: sub_id.policy,
                    name: plan.policy(sub_id.policy).map(|p| p.name.clone()).unwrap_or_default(),
                    subs: Vec::new(),
                });
                let last = groups.len() - 1;
                &mut groups[last]
            }
        };
        let sub = match group.subs.iter().position(|s| s.id == sub_id) {
            Some(i) => &mut group.subs[i],
            None => {
                group.subs.push(SubGroup {
                    id: sub_id,
                    name: plan.sub_policy(sub_id).map(|s| s.name.clone()).unwrap_or_default(),
                    rows: Vec::new(),
                });
                let last = group.subs.len() - 1;
                &mut group.subs[last]
            }
        };
        sub.rows.push(row);
        row_count += 1;
    }

    // Guarantee plan order even if the caller's order drifted; groups unknown
    // to the plan (not expected) go last rather than disappearing.
    let policy_rank = |code: u8| plan.policies.iter().position(|p| p.code == code).unwrap_or(usize::MAX);
    groups.sort_by_key(|g| policy_rank(g.code));
    for group in &mut groups {
        let sub_rank = |id: SubPolicyId| {
            plan.policy(id.policy)
                .and_then(|p| p.sub_policies.iter().position(|s| s.id == id))
                .unwrap_or(usize::MAX)
        };
        group.subs.sort_by_key(|s| sub_rank(s.id));
    }

    Timeline { years, current, groups, row_count }
}

fn layout_row(plan: &Plan, period: FiscalYearRange, initiative: &Initiative) -> TimelineRow {
    let mut bars: Vec<Bar> = initiative
        .schedule
        .iter()
        .filter_map(|item| {
            // Clamp to the plan period; a span wholly outside it has no column.
            let from = item.from.max(period.from);
            let to = item.to.min(period.to);
            if from > to {
                return None;
            }
            let column = |y: FiscalYear| FIRST_YEAR_COLUMN + usize::from(y.0 - period.from.0);
            Some(Bar {
                label: item.label.clone(),
                from,
                to,
                inferred: item.inferred,
                grid_column_start: column(from),
                grid_column_end: column(to) + 1,
                lane: 0,
            })
        })
        .collect();
    let lane_count = assign_lanes(&mut bars);
    TimelineRow {
        id: initiative.id,
        name: plan.display_name(initiative).to_string(),
        priority: initiative.priority,
        bars,
        lane_count,
    }
}

/// Puts overlapping bars on separate lanes, greedily by start year (which is
/// optimal for intervals), and returns the number of lanes used. Bars end up
/// sorted by start; the stable sort keeps the table's order otherwise.
fn assign_lanes(bars: &mut [Bar]) -> usize {
    bars.sort_by_key(|b| b.from);
    // Last year occupied in each lane so far.
    let mut lane_ends: Vec<FiscalYear> = Vec::new();
    for bar in bars.iter_mut() {
        match lane_ends.iter().position(|&end| end < bar.from) {
            Some(lane) => {
                bar.lane = lane;
                lane_ends[lane] = bar.to;
            }
            None => {
                bar.lane = lane_ends.len();
                lane_ends.push(bar.to);
            }
        }
    }
    lane_ends.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::ScheduleItem;
    use crate::PLAN_JSON;

    fn plan() -> Plan {
        Plan::from_json(PLAN_JSON).expect("plan.json parses")
    }

    fn date(year: i32, month: u8, day: u8) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    const TODAY: CalendarDate = CalendarDate { year: 2026, month: 11, day: 25 };

    fn id(s: &str) -> InitiativeId {
        s.parse().expect("valid id")
    }

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
        let (plan, initiative) = synthetic(vec![
            item("a", 2023, 2025),
            item("b", 2024, 2027),
            item("c", 2026, 2027),
            item("d", 2025, 2025),
        ]);
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
}
