//! What the plan is made of: initiatives per policy, stacked by 実施方針区分
//! or by 第1次計画との関連. Both count the explore view's current results
//! (`QueryResult::matches`), so they follow its filters and search.

use super::spec::{describe, frame, stacked_bars, ChartSpec, DataTable, Frame, Labels, NEUTRAL, OKABE_ITO};
use crate::plan::{Initiative, Plan};
use crate::query::Direction;

/// Initiatives of `matches` (indices into `plan.initiatives`) per policy,
/// stacked by implementation direction: every direction the table uses, in
/// order of first appearance, then 未記載. The series stay the same whatever
/// the filters leave, so each direction keeps its colour.
pub fn composition_by_direction(plan: &Plan, matches: &[usize], labels: &Labels) -> ChartSpec {
    let mut directions: Vec<Direction> = Vec::new();
    for initiative in &plan.initiatives {
        let direction = Direction::of(initiative);
        if matches!(direction, Direction::Stated(_)) && !directions.contains(&direction) {
            directions.push(direction);
        }
    }
    directions.push(Direction::NotStated);
    let columns = directions
        .iter()
        .map(|d| match d {
            Direction::Stated(s) => s.clone(),
            Direction::NotStated => labels.not_stated.clone(),
        })
        .collect();
    let colors = directions
        .iter()
        .enumerate()
        .map(|(n, d)| match d {
            Direction::Stated(_) => OKABE_ITO[n % OKABE_ITO.len()].to_string(),
            Direction::NotStated => NEUTRAL.to_string(),
        })
        .collect();
    let series_of = |i: &Initiative| directions.iter().position(|d| *d == Direction::of(i));
    by_policy(plan, matches, labels, &labels.direction_title, columns, colors, series_of)
}

/// Initiatives of `matches` per policy, stacked by the relation to a previous
/// plan (Kama's 第1次計画との関連: 継続, 新規, 改), its values in
/// [`Plan::first_plan_values`] order.
pub fn composition_by_first_plan(plan: &Plan, matches: &[usize], labels: &Labels) -> ChartSpec {
    let values = plan.first_plan_values();
    let columns = values.iter().map(|v| labels.first_plan_label(v)).collect();
    let colors = (0..values.len()).map(|n| OKABE_ITO[n % OKABE_ITO.len()].to_string()).collect();
    let series_of = |i: &Initiative| values.iter().position(|v| Some(*v) == i.first_plan.as_deref());
    by_policy(plan, matches, labels, &labels.first_plan_title, columns, colors, series_of)
}

/// Counts per policy (rows) and series (columns), as a stacked bar chart.
fn by_policy(
    plan: &Plan,
    matches: &[usize],
    labels: &Labels,
    title: &str,
    columns: Vec<String>,
    colors: Vec<String>,
    series_of: impl Fn(&Initiative) -> Option<usize>,
) -> ChartSpec {
    let mut counts = vec![vec![0usize; columns.len()]; plan.policies.len()];
    for initiative in matches.iter().filter_map(|&n| plan.initiatives.get(n)) {
        let row = plan.policies.iter().position(|p| p.code == initiative.policy);
        if let (Some(row), Some(column)) = (row, series_of(initiative)) {
            counts[row][column] += 1;
        }
    }
    let empty = counts.iter().flatten().all(|&n| n == 0);
    let rows = plan
        .policies
        .iter()
        .zip(counts)
        .map(|(p, row)| (format!("{} {}", p.code, p.name), row.into_iter().map(|n| Some(n as f64)).collect()))
        .collect();
    let table = DataTable {
        caption: title.to_string(),
        row_header: labels.policy.clone(),
        columns,
        rows,
        unit: Some(labels.count_unit.clone()),
    };
    let chart = frame(Frame {
        title,
        colors,
        categories: plan.policies.iter().map(|p| p.code.to_string()).collect(),
        category_name: &labels.policy,
        value_name: &labels.count_unit,
        whole_numbers: true,
    });
    let chart = stacked_bars(chart, &table, "initiatives");
    let description = describe(title, &table, labels);
    ChartSpec { title: title.to_string(), description, chart, table, empty }
}

#[cfg(test)]
#[path = "composition_tests.rs"]
mod tests;
