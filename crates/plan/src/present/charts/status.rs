//! Where the plan stands in one fiscal year: initiatives per policy, stacked
//! by recorded status, counted as the progress overview counts them.

use super::spec::{describe, fill, frame, stacked_bars, ChartSpec, DataTable, Frame, Labels, NEUTRAL, OKABE_ITO};
use crate::plan::{FiscalYear, Plan};
use crate::progress::overview::status_counts;
use crate::progress::Record;

/// Status colours: not started sky blue, in progress blue, done green,
/// delayed vermilion, under review orange, stopped black; unrecorded grey.
const STATUS_COLORS: [&str; 6] = [OKABE_ITO[4], OKABE_ITO[0], OKABE_ITO[2], OKABE_ITO[5], OKABE_ITO[1], OKABE_ITO[6]];

/// Initiatives per policy in `year`, stacked by status (the plan's statuses
/// and any other recorded, then 未記録). Re-listed rows (再掲) are left out, as in
/// [`crate::progress::overview::status_counts`], whose numbers these are.
pub fn progress_by_status(plan: &Plan, record: &Record, year: FiscalYear, labels: &Labels) -> ChartSpec {
    let title = fill(&labels.status_title, "year", &labels.year_name(year));
    let counts = status_counts(plan, record, year);
    let empty = counts.iter().all(|c| c.total == 0);
    let shown = plan.evaluation.statuses_shown(|s| counts.iter().any(|c| c.count(s) > 0));
    let rows = counts
        .iter()
        .map(|c| {
            let name = plan.policy(c.policy).map(|p| p.name.as_str()).unwrap_or_default();
            let values = shown.iter().map(|&s| c.count(s)).chain([c.unrecorded]).map(|n| Some(n as f64)).collect();
            (format!("{} {name}", c.policy), values)
        })
        .collect();
    let columns = shown.iter().map(|s| labels.statuses[s.index()].clone()).chain([labels.unrecorded.clone()]).collect();
    let table = DataTable {
        caption: title.clone(),
        row_header: labels.policy.clone(),
        columns,
        rows,
        unit: Some(labels.count_unit.clone()),
    };
    let colors = shown.iter().map(|s| STATUS_COLORS[s.index()]).chain([NEUTRAL]).map(str::to_string).collect();
    let chart = frame(Frame {
        title: &title,
        colors,
        categories: counts.iter().map(|c| c.policy.to_string()).collect(),
        category_name: &labels.policy,
        value_name: &labels.count_unit,
        whole_numbers: true,
    });
    let chart = stacked_bars(chart, &table, "status");
    let description = describe(&title, &table, labels);
    ChartSpec { title, description, chart, table, empty }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
