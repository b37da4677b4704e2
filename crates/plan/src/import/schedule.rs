//! The 年次別実行スケジュール cells → activities with fiscal-year spans.
//!
//! The text export keeps each activity's label in the cell of the year where
//! its bar starts, and loses the bar. An activity runs until the next label
//! of its row starts, or to the plan's last year. A `-` in a year cell marks
//! that year as empty. On a page where the export pushed labels past the
//! last year column, positions mean nothing: those spans are `inferred`.

use crate::plan::{FiscalYear, FiscalYearRange, ScheduleItem};

const EMPTY_YEAR: &str = "-";

/// A label and the year column it was found in (0 = first year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlacedLabel {
    pub column: usize,
    pub label: String,
}

/// Labels and empty-year markers in the cells after 備考.
pub(crate) fn placed(cells: &[String]) -> (Vec<PlacedLabel>, Vec<usize>) {
    let mut labels = Vec::new();
    let mut empty_years = Vec::new();
    for (column, cell) in cells.iter().enumerate() {
        match cell.as_str() {
            "" => {}
            EMPTY_YEAR => empty_years.push(column),
            label => labels.push(PlacedLabel { column, label: label.to_string() }),
        }
    }
    (labels, empty_years)
}

pub(crate) fn year_columns(years: FiscalYearRange) -> usize {
    years.years().count()
}

/// Spans for labels whose columns are trustworthy.
pub(crate) fn spans(labels: &[PlacedLabel], years: FiscalYearRange) -> Vec<ScheduleItem> {
    labels
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let from = FiscalYear(years.from.0 + l.column as u16);
            let to = match labels.get(n + 1) {
                Some(next) => FiscalYear(years.from.0 + next.column as u16 - 1),
                None => years.to,
            };
            ScheduleItem { label: l.label.clone(), from, to, inferred: false }
        })
        .collect()
}

/// A label whose position says nothing: assumed to span the whole plan.
pub(crate) fn whole_plan(label: &str, years: FiscalYearRange) -> ScheduleItem {
    ScheduleItem { label: label.to_string(), from: years.from, to: years.to, inferred: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEARS: FiscalYearRange = FiscalYearRange { from: FiscalYear(2023), to: FiscalYear(2027) };

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_label_runs_until_the_next_one() {
        let (labels, _) = placed(&cells(&["関係機関連携協議", "支援策の実施", "", "", ""]));
        let items = spans(&labels, YEARS);
        assert_eq!((items[0].from, items[0].to), (FiscalYear(2023), FiscalYear(2023)));
        assert_eq!((items[1].from, items[1].to), (FiscalYear(2024), FiscalYear(2027)));
        assert!(items.iter().all(|i| !i.inferred));
    }

    #[test]
    fn a_dash_marks_an_empty_year_not_a_label() {
        let (labels, empty) = placed(&cells(&["-", "随時相談対応", "", ""]));
        assert_eq!(empty, [0]);
        let items = spans(&labels, YEARS);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].from, FiscalYear(2024));
    }
}
