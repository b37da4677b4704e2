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

/// Why a written date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY-MM-DD` (digits, four-two-two, hyphens).
    Format(String),
    /// A month or day the calendar does not have (2025-02-29).
    NoSuchDay(String),
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::Format(text) => write!(f, "{text:?} is not a date written YYYY-MM-DD"),
            DateError::NoSuchDay(text) => write!(f, "{text:?} is not a day of the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

impl CalendarDate {
    /// The date `year`-`month`-`day`, if the calendar has it.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CalendarDate> {
        let date = CalendarDate { year, month, day };
        date.is_valid().then_some(date)
    }

    /// A date written `2026-05-15` (surrounding spaces ignored), if it names
    /// a real day: files carry deadlines so, and a date that does not exist
    /// is refused rather than read as some other day.
    pub fn parse(text: &str) -> Result<CalendarDate, DateError> {
        let trimmed = text.trim();
        let mut parts = trimmed.split('-');
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(DateError::Format(text.to_string()));
        };
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return Err(DateError::Format(text.to_string()));
        }
        let number = |s: &str| s.parse::<u8>().unwrap_or(0);
        let year = y.parse::<i32>().map_err(|_| DateError::Format(text.to_string()))?;
        CalendarDate::new(year, number(m), number(d)).ok_or_else(|| DateError::NoSuchDay(text.to_string()))
    }

    /// `2026-05-15`.
    pub fn iso(self) -> String {
        self.to_string()
    }

    /// A day of the Gregorian calendar (29 February only in leap years, years 1–9999).
    pub fn is_valid(self) -> bool {
        let leap = self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0);
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=9999).contains(&self.year) && (1..=days).contains(&self.day)
    }
}

impl std::fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for CalendarDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for CalendarDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        CalendarDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The Japanese fiscal year (年度) a date falls in: it starts on 1 April, so
/// January–March belong to the previous calendar year's fiscal year.
/// Years outside `u16` saturate (no plan is anywhere near them).
pub fn fiscal_year_of(date: CalendarDate) -> FiscalYear {
    let start_year = if date.month < 4 { date.year - 1 } else { date.year };
    let year = u16::try_from(start_year).unwrap_or(if start_year < 0 { 0 } else { u16::MAX });
    FiscalYear(year)
}

/// The fiscal year being reported on `date`: in the first half of a fiscal
/// year (April–September) staff evaluate the year just ended, later the one
/// under way.
pub fn reporting_year(date: CalendarDate) -> FiscalYear {
    let current = fiscal_year_of(date);
    if (4..=9).contains(&date.month) {
        FiscalYear(current.0.saturating_sub(1))
    } else {
        current
    }
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
    groups.sort_unstable_by_key(|g| (policy_rank(g.code), g.code));
    for group in &mut groups {
        let sub_rank = |id: SubPolicyId| {
            plan.policy(id.policy).and_then(|p| p.sub_policies.iter().position(|s| s.id == id)).unwrap_or(usize::MAX)
        };
        group.subs.sort_unstable_by_key(|s| (sub_rank(s.id), s.id));
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
#[path = "timeline_tests.rs"]
mod tests;
