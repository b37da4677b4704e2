//! One KPI over the plan's fiscal years: the actual value as bars, the
//! target as a line, in the KPI's unit.

use charming::element::{ItemStyle, LineStyle, LineStyleType, Symbol};
use charming::series::{Bar, Line};

use super::spec::{describe, fill, frame, point, ChartSpec, DataTable, Frame, Labels, OKABE_ITO, OUTLINE};
use crate::plan::{KpiCode, Plan};
use crate::progress::Record;

/// Target vs actual of KPI `code` by fiscal year, from `record` (the
/// published record with local drafts, as shown). Years with no value stay
/// empty (`null` in the chart, 「-」 in the table), never 0. `None` when the
/// plan has no such KPI.
pub fn kpi_target_vs_actual(plan: &Plan, record: &Record, code: KpiCode, labels: &Labels) -> Option<ChartSpec> {
    let kpi = plan.kpi(code)?;
    let title = fill(&labels.kpi_title, "kpi", &format!("{} {}", kpi.code, kpi.name));
    let years: Vec<_> = plan.plan.fiscal_years.years().collect();
    let rows = years
        .iter()
        .map(|&year| {
            let cell = record.kpis.get(&(code, year));
            (labels.year_name(year), vec![cell.and_then(|c| c.actual), cell.and_then(|c| c.target)])
        })
        .collect();
    let table = DataTable {
        caption: title.clone(),
        row_header: labels.fiscal_year.clone(),
        columns: vec![labels.actual.clone(), labels.target.clone()],
        rows,
        unit: kpi.unit.clone(),
    };
    // Actual: blue bars; target: a dashed vermilion line with square markers,
    // told apart by shape as well as colour.
    let (actual_color, target_color) = (OKABE_ITO[0], OKABE_ITO[5]);
    let chart = frame(Frame {
        title: &title,
        colors: vec![actual_color.to_string(), target_color.to_string()],
        categories: years.iter().map(|y| y.to_string()).collect(),
        category_name: &labels.fiscal_year,
        value_name: kpi.unit.as_deref().unwrap_or(""),
        whole_numbers: false,
    })
    .series(
        Bar::new()
            .name(labels.actual.as_str())
            .item_style(ItemStyle::new().border_color(OUTLINE).border_width(1.0))
            .data(table.column(0).into_iter().map(point).collect()),
    )
    .series(
        Line::new()
            .name(labels.target.as_str())
            .symbol(Symbol::Rect)
            .symbol_size(8.0)
            .line_style(LineStyle::new().width(2.0).type_(LineStyleType::Dashed))
            .data(table.column(1).into_iter().map(point).collect()),
    );
    let empty = table.rows.iter().all(|(_, values)| values.iter().all(Option::is_none));
    let description = describe(&title, &table, labels);
    Some(ChartSpec { title, description, chart, table, empty })
}

#[cfg(test)]
#[path = "kpi_tests.rs"]
mod tests;
