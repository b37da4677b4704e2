//! What every chart is made of: the ECharts option, the data table with the
//! same numbers, and the words around them.

use charming::component::{Aria, Axis, Grid, Legend, LegendType, Title};
use charming::datatype::{CompositeValue, DataPoint, NumericValue};
use charming::element::{AxisType, ItemStyle, NameLocation, TextStyle, Tooltip, Trigger};
use charming::series::Bar;
use charming::Chart;
use serde_json::{Map, Value};

use crate::plan::FiscalYear;

/// One chart: the option for ECharts and the table that says the same.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// The chart's visible title (the figure's caption).
    pub title: String,
    /// The chart in words, numbers included: ECharts' `aria.label.description`
    /// and the canvas container's `aria-label`.
    pub description: String,
    /// The ECharts option without legend and grid. Serialise it with
    /// [`option_json`], which adds the description and lays the legend out
    /// for the canvas' width.
    pub chart: Chart,
    /// The numbers of the chart, row by row.
    pub table: DataTable,
    /// Nothing to draw: every value missing (KPIs) or zero (counts).
    pub empty: bool,
}

/// No chart: nothing to draw and an empty table (e.g. for a KPI the plan
/// does not have).
impl Default for ChartSpec {
    fn default() -> Self {
        ChartSpec {
            title: String::new(),
            description: String::new(),
            chart: Chart::new(),
            table: DataTable::default(),
            empty: true,
        }
    }
}

/// A chart's numbers as a table: one row per category (fiscal year, policy),
/// one column per series, in the chart's order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataTable {
    pub caption: String,
    /// Heading of the row-header column (「年度」, 「基本施策」).
    pub row_header: String,
    /// Series names, in the order of each row's values.
    pub columns: Vec<String>,
    /// Row header and one value per column; `None` is "not recorded".
    pub rows: Vec<(String, Vec<Option<f64>>)>,
    /// The values' unit (「%」, 「件」), when known.
    pub unit: Option<String>,
}

impl DataTable {
    /// A cell's text: the number as recorded (no `.0` on whole numbers), or
    /// 「-」 when nothing is recorded (never 0).
    pub fn format_value(value: Option<f64>) -> String {
        match value {
            Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
            Some(v) => format!("{v}"),
            None => "-".to_string(),
        }
    }

    /// Every row's values for one column.
    pub fn column(&self, index: usize) -> Vec<Option<f64>> {
        self.rows.iter().map(|(_, values)| values.get(index).copied().flatten()).collect()
    }
}

/// The interface's words for charts, in the interface language (the app
/// fills this from its i18n table). Titles are templates: `{kpi}` stands for
/// the KPI's code and name, `{year}` for the fiscal year's name, `{unit}` for
/// a unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labels {
    /// 「年度」: the KPI chart's category axis and row-header column.
    pub fiscal_year: String,
    /// How each fiscal year is written in tables and descriptions
    /// (「令和5年度（2023年度）」); a year missing here is written as its number.
    pub fiscal_year_names: Vec<(FiscalYear, String)>,
    /// 「基本施策」: the plan charts' category axis and row-header column.
    pub policy: String,
    /// 「件」: the unit of counts of initiatives.
    pub count_unit: String,
    /// 「実績値」
    pub actual: String,
    /// 「目標値」
    pub target: String,
    /// 「未記載」: no implementation direction in the table.
    pub not_stated: String,
    /// 「未記録」: no status recorded for the year.
    pub unrecorded: String,
    /// Status names, in [`crate::progress::Status::ALL`] order.
    pub statuses: [String; 6],
    /// The interface's labels of some values of the relation to a previous
    /// plan (Kama's, glossed in English); other values are shown as written.
    pub first_plan: Vec<(String, String)>,
    /// Title of a KPI's chart; `{kpi}`.
    pub kpi_title: String,
    /// Title of the composition by 実施方針区分.
    pub direction_title: String,
    /// Title of the composition by 第1次計画との関連.
    pub first_plan_title: String,
    /// Title of the statuses of one year; `{year}`.
    pub status_title: String,
    /// 「単位：{unit}」, in descriptions.
    pub unit: String,
    /// A missing value in descriptions (「未記録」).
    pub no_value: String,
    /// Punctuation of descriptions: 「、」「。」「：」 or ", " ". " ": ".
    pub list_separator: String,
    pub sentence_end: String,
    pub colon: String,
}

impl Labels {
    /// How a value of the relation to a previous plan is shown.
    pub fn first_plan_label(&self, value: &str) -> String {
        self.first_plan.iter().find(|(v, _)| v == value).map_or_else(|| value.to_string(), |(_, label)| label.clone())
    }

    /// How `year` is written in tables and descriptions.
    pub fn year_name(&self, year: FiscalYear) -> String {
        self.fiscal_year_names
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| year.to_string())
    }
}

/// Okabe & Ito's colour-universal palette (Color Universal Design), darker
/// colours first; yellow last, as it stands out least on white. Bars get a
/// dark outline (`OUTLINE`), so every colour's edge has ≥ 3:1 contrast with
/// the white page and with its neighbours.
pub const OKABE_ITO: [&str; 8] =
    ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"];

/// "Nothing recorded / not stated": a light grey, outlined like the others.
pub const NEUTRAL: &str = "#D5D9DE";

/// The outline of bars and the text colour of the page (styles.css `--ink`).
pub(super) const OUTLINE: &str = "#1B1F24";

/// The JSON the app hands to ECharts' `setOption` for a canvas `width` CSS
/// pixels wide: the chart with its legend and grid (see [`legend_height`]),
/// `aria` enabled and `aria.label.description` set (charming's `Aria` has no
/// description). Maps are plain JSON objects.
pub fn option_json(spec: &ChartSpec, width: f64) -> Result<String, serde_json::Error> {
    // The legend lists the series, which every builder names after the
    // table's columns.
    let legend_room = 2.0 * LEGEND_PADDING + legend_height(&spec.table.columns, width);
    let chart = spec
        .chart
        .clone()
        .legend(legend())
        .grid(Grid::new().left(8).right(24).top((legend_room + AXIS_NAME_ROOM).ceil() as i64).bottom(8));
    let mut option = serde_json::to_value(&chart)?;
    if let Some(root) = option.as_object_mut() {
        // charming writes an unset `aria.label` and `aria.decal` as `null`
        // (its `Aria` skips nothing): keep only what is set, then add ours.
        let mut aria: Map<String, Value> = match root.get("aria") {
            Some(Value::Object(old)) => {
                old.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), v.clone())).collect()
            }
            _ => Map::new(),
        };
        let mut label = aria.get("label").and_then(Value::as_object).cloned().unwrap_or_default();
        label.insert("enabled".into(), Value::Bool(true));
        label.insert("description".into(), Value::String(spec.description.clone()));
        aria.insert("enabled".into(), Value::Bool(true));
        aria.insert("label".into(), Value::Object(label));
        root.insert("aria".into(), Value::Object(aria));
    }
    serde_json::to_string(&option)
}

// The legend's geometry. ECharts' defaults, written out so that an upgrade
// cannot move them from under `legend_height`.
const LEGEND_FONT_SIZE: f64 = 12.0;
const LEGEND_ITEM_WIDTH: f64 = 25.0;
const LEGEND_ITEM_HEIGHT: f64 = 14.0;
const LEGEND_ITEM_GAP: f64 = 10.0;
const LEGEND_PADDING: f64 = 5.0;
/// Between an item's symbol and its text: fixed in ECharts' `LegendView`.
const LEGEND_TEXT_GAP: f64 = 5.0;
/// Between the legend and the plot: the value axis' name stands there.
const AXIS_NAME_ROOM: f64 = 32.0;

/// A plain legend at the top, every item always shown: on a narrow canvas
/// it wraps onto more lines (a scrolling legend would hide names behind its
/// arrows, where a phone user never finds them).
fn legend() -> Legend {
    Legend::new()
        .type_(LegendType::Plain)
        .top(0)
        .left("center")
        .padding(LEGEND_PADDING)
        .item_gap(LEGEND_ITEM_GAP)
        .item_width(LEGEND_ITEM_WIDTH)
        .item_height(LEGEND_ITEM_HEIGHT)
        .text_style(TextStyle::new().font_size(LEGEND_FONT_SIZE))
}

/// The height of the legend's items (padding apart) when ECharts lays out
/// `names` in a canvas `width` pixels wide: it wraps to a new line when the
/// next item would pass the width, as its `boxLayout` does. Text widths
/// are estimated on the wide side (see [`text_width`]), so the legend can
/// only be shorter than this, never run into the plot. An unusable width
/// (not a positive number) puts every item on its own line.
pub(super) fn legend_height(names: &[String], width: f64) -> f64 {
    let max = if width.is_finite() && width > 0.0 { width - 2.0 * LEGEND_PADDING } else { 0.0 };
    let (mut x, mut y, mut line) = (0.0_f64, 0.0_f64, 0.0_f64);
    for name in names {
        let item = LEGEND_ITEM_WIDTH + LEGEND_TEXT_GAP + text_width(name, LEGEND_FONT_SIZE);
        let mut end = x + item;
        if end > max {
            // As ECharts does, even before the first item (then the gap
            // stays above it).
            y += line + LEGEND_ITEM_GAP;
            line = 0.0;
            end = item;
        }
        line = line.max(LEGEND_ITEM_HEIGHT);
        x = end + LEGEND_ITEM_GAP;
    }
    y + line
}

/// A generous width of `text` at `font_size` px: characters from U+1100 on
/// (kana, kanji, full-width forms, circled digits) a full em, the rest 0.7 em
/// (wider than most Latin letters in common sans-serif fonts).
fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().map(|c| if u32::from(c) >= 0x1100 { 1.0 } else { 0.7 }).sum::<f64>() * font_size
}

/// `template` with `{key}` replaced by `value`.
pub(super) fn fill(template: &str, key: &str, value: &str) -> String {
    template.replace(&format!("{{{key}}}"), value)
}

/// A value as ECharts reads it: whole numbers as integers, missing as `null`.
pub(super) fn point(value: Option<f64>) -> DataPoint {
    let number = value.map(|v| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            NumericValue::Integer(v as i64)
        } else {
            NumericValue::Float(v)
        }
    });
    DataPoint::Value(CompositeValue::OptionalNumber(number))
}

/// The chart in words: title, unit, then each series' values by category.
pub(super) fn describe(title: &str, table: &DataTable, labels: &Labels) -> String {
    let mut text = format!("{title}{}", labels.sentence_end);
    if let Some(unit) = &table.unit {
        text.push_str(&fill(&labels.unit, "unit", unit));
        text.push_str(&labels.sentence_end);
    }
    for (index, column) in table.columns.iter().enumerate() {
        let values: Vec<String> = table
            .rows
            .iter()
            .map(|(row, values)| {
                let value = values.get(index).copied().flatten();
                let shown = match value {
                    Some(_) => DataTable::format_value(value),
                    None => labels.no_value.clone(),
                };
                format!("{row} {shown}")
            })
            .collect();
        text.push_str(&format!(
            "{column}{}{}{}",
            labels.colon,
            values.join(&labels.list_separator),
            labels.sentence_end
        ));
    }
    text.trim_end().to_string()
}

/// What every chart has: a title (shown as the figure's caption, so hidden on
/// the canvas), the palette, an axis tooltip, and a category axis over a
/// value axis. The legend and the grid depend on the canvas' width: they are
/// added by [`option_json`].
pub(super) struct Frame<'a> {
    pub title: &'a str,
    pub colors: Vec<String>,
    pub categories: Vec<String>,
    pub category_name: &'a str,
    pub value_name: &'a str,
    /// Counts: no fractional ticks.
    pub whole_numbers: bool,
}

pub(super) fn frame(f: Frame<'_>) -> Chart {
    let mut value_axis = Axis::new().type_(AxisType::Value).name(f.value_name);
    if f.whole_numbers {
        value_axis = value_axis.min_interval(1.0);
    }
    Chart::new()
        .title(Title::new().text(f.title).show(false))
        .aria(Aria::new().enabled(true))
        .color(f.colors)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .name(f.category_name)
                .name_location(NameLocation::Middle)
                .name_gap(28.0)
                .data(f.categories),
        )
        .y_axis(value_axis)
}

/// Stacked bars, one series per column of `table`, all in stack `stack`.
pub(super) fn stacked_bars(chart: Chart, table: &DataTable, stack: &str) -> Chart {
    table.columns.iter().enumerate().fold(chart, |chart, (index, name)| {
        chart.series(
            Bar::new()
                .name(name.as_str())
                .stack(stack)
                .item_style(ItemStyle::new().border_color(OUTLINE).border_width(1.0))
                .data(table.column(index).into_iter().map(point).collect()),
        )
    })
}

#[cfg(test)]
#[path = "spec_tests.rs"]
pub(crate) mod tests;
