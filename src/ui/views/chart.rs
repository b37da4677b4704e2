//! One chart as a figure: its title, the ECharts canvas (loaded only now),
//! and a data table with the same numbers, one button away. If ECharts
//! cannot be loaded, the table opens and a message says so: the numbers are
//! never only on the canvas.
//!
//! Live charts can be counted without our code: ECharts marks each
//! container with a non-empty `_echarts_instance_` attribute, and
//! `echarts.getInstanceById("ec_<n>")` answers until it is disposed.

use kama_plan::present::charts::{option_json, ChartSpec, DataTable, Labels};
use kama_plan::progress::Status;
use kama_plan::{Plan, KAMA_FIRST_PLAN};
use leptos::html;
use leptos::prelude::*;

use crate::adapters::echarts::{self, Chart};
use crate::i18n::{self, t, Lang};

/// The chart words of the interface, for `kama_plan::present::charts`' builders.
pub fn chart_labels(lang: Lang, plan: &'static Plan) -> Labels {
    let get = |m: i18n::Msg| m.get(lang).to_string();
    let flags = &plan.plan.flags;
    let mark_title = |mark: &Option<String>, english: i18n::Msg| {
        i18n::chart_by_mark_title(lang, plan.plan.levels(), mark.as_deref().unwrap_or_default(), english)
    };
    Labels {
        fiscal_year: get(i18n::YEAR),
        fiscal_year_names: plan.plan.fiscal_years.years().map(|y| (y, i18n::fiscal_year(lang, y))).collect(),
        policy: get(i18n::OVERVIEW_POLICY.with_plan_word(plan.plan.levels().policy)),
        count_unit: get(i18n::CHART_COUNT_UNIT),
        actual: get(i18n::REPORT_KPI_ACTUAL),
        target: get(i18n::REPORT_KPI_TARGET),
        not_stated: get(i18n::DIRECTION_NONE),
        unrecorded: get(i18n::OVERVIEW_UNRECORDED),
        statuses: Status::ALL.map(|s| i18n::status(lang, &plan.evaluation, s).to_string()),
        first_plan: KAMA_FIRST_PLAN.map(|f| (f.to_string(), i18n::first_plan_label(lang, f))).to_vec(),
        kpi_title: get(i18n::CHART_KPI_TITLE),
        direction_title: mark_title(&flags.direction, i18n::CHART_DIRECTION_TITLE),
        first_plan_title: mark_title(&flags.first_plan, i18n::CHART_FIRST_PLAN_TITLE),
        status_title: get(i18n::CHART_STATUS_TITLE),
        unit: get(i18n::CHART_UNIT),
        no_value: get(i18n::CHART_NO_VALUE),
        list_separator: get(i18n::CHART_LIST_SEPARATOR),
        sentence_end: get(i18n::CHART_SENTENCE_END),
        colon: get(i18n::CHART_COLON),
    }
}

/// The labels as a signal following the interface language.
pub fn use_chart_labels(plan: &'static Plan) -> Memo<Labels> {
    let lang = i18n::use_lang();
    Memo::new(move |_| chart_labels(lang.get(), plan))
}

/// A chart spec computed by `build` whenever what it reads changes, for
/// [`ChartFigure`]. Use this rather than `Memo::new`: that would compare the
/// whole ECharts option (charming's deep `PartialEq`, a large piece of wasm); this
/// compares what the figure shows (title, description, table), which the
/// builders derive from the same data as the option.
pub fn chart_spec(build: impl Fn() -> ChartSpec + Send + Sync + 'static) -> Signal<ChartSpec> {
    Memo::new_with_compare(
        move |_| build(),
        |old, new| match (old, new) {
            (Some(a), Some(b)) => {
                a.title != b.title || a.description != b.description || a.table != b.table || a.empty != b.empty
            }
            _ => true,
        },
    )
    .into()
}

/// Where the canvas stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drawing {
    Loading,
    /// An option or size is being drawn.
    Rendering,
    /// ECharts has finished drawing, animation included.
    Drawn,
    /// ECharts could not be loaded or refused the option.
    Unavailable,
}

impl Drawing {
    fn as_str(self) -> &'static str {
        match self {
            Drawing::Loading => "loading",
            Drawing::Rendering => "rendering",
            Drawing::Drawn => "drawn",
            Drawing::Unavailable => "unavailable",
        }
    }
}

/// A chart with its data table. `id` must be unique on the page: it names
/// the figure (`id`), its title (`{id}-title`) and its table (`{id}-table`).
#[component]
pub fn ChartFigure(
    /// What the chart draws, with its title, description and table.
    spec: Signal<ChartSpec>,
    /// Names the figure, its title and its table; unique on the page.
    id: &'static str,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let drawing = RwSignal::new(Drawing::Loading);
    // The instance exists (apart from `drawing`, which its events set).
    let live = RwSignal::new(false);
    let show_table = RwSignal::new(false);
    let chart = StoredValue::new_local(None::<Chart>);
    // The canvas' width: the legend wraps to fit it (kama_plan::present::charts::option_json).
    let width = RwSignal::new(0.0_f64);
    let alive = StoredValue::new(true);

    // Load ECharts once the container is in the page, then draw.
    Effect::new(move |_| {
        let Some(element) = container.get() else { return };
        leptos::task::spawn_local(async move {
            let loaded = echarts::load().await;
            // Left the page while loading: draw nothing (nothing to dispose).
            // Already drawn (the effect ran again): keep that instance.
            let drawn = chart.try_with_value(Option::is_some).unwrap_or(true);
            if alive.try_get_value() != Some(true) || !element.is_connected() || drawn {
                return;
            }
            // `try_set`: the observer may still report once the figure is gone.
            match loaded.and_then(|()| {
                Chart::init(
                    &element,
                    move |w| {
                        let _ = width.try_set(w);
                    },
                    move || {
                        let _ = drawing.try_set(Drawing::Drawn);
                    },
                )
            }) {
                Ok(c) => {
                    chart.set_value(Some(c));
                    drawing.set(Drawing::Rendering);
                    live.set(true);
                }
                Err(e) => unavailable(drawing, show_table, &e),
            }
        });
    });

    // Every change of the option (the spec, or a width that wraps the legend
    // differently) replaces the whole option; resizing alone does not.
    let json = Memo::new(move |_| spec.with(|s| option_json(s, width.get()).map_err(|e| e.to_string())));
    Effect::new(move |_| {
        // The instance first: before that the width is not known yet.
        if !live.get() || drawing.get_untracked() == Drawing::Unavailable {
            return;
        }
        drawing.set(Drawing::Rendering);
        let result = json.get().and_then(|json| {
            chart.with_value(|c| c.as_ref().map(|c| c.set_option(&json).map_err(|e| e.to_string())).unwrap_or(Ok(())))
        });
        if let Err(e) = result {
            unavailable(drawing, show_table, &e);
        }
    });

    on_cleanup(move || {
        alive.set_value(false);
        if let Some(c) = chart.try_update_value(|c| c.take()).flatten() {
            c.dispose();
        }
    });

    let title_id = format!("{id}-title");
    let table_id = format!("{id}-table");
    let description = move || spec.with(|s| s.description.clone());
    let toggle_label = move || if show_table.get() { i18n::CHART_HIDE_TABLE } else { i18n::CHART_SHOW_TABLE };
    let lang = i18n::use_lang();
    view! {
        <figure class="chart-figure" id=id data-chart-state=move || drawing.get().as_str()>
            <figcaption id=title_id.clone()>{move || spec.with(|s| s.title.clone())}</figcaption>
            <p class="hint chart-empty" hidden=move || !spec.with(|s| s.empty)>{t(i18n::CHART_EMPTY)}</p>
            <div
                class="chart-canvas"
                node_ref=container
                role="img"
                aria-label=description
                hidden=move || drawing.get() == Drawing::Unavailable
            ></div>
            <p class="chart-unavailable" role="status" hidden=move || drawing.get() != Drawing::Unavailable>
                {t(i18n::CHART_UNAVAILABLE)}
            </p>
            <button
                type="button"
                class="chart-table-toggle"
                aria-expanded=move || show_table.get().to_string()
                aria-controls=table_id.clone()
                on:click=move |_| show_table.update(|s| *s = !*s)
            >
                {move || toggle_label().get(lang.get())}
            </button>
            <div class="table-scroll chart-data" id=table_id role="region" tabindex="0" aria-labelledby=title_id hidden=move || !show_table.get()>
                {move || spec.with(|s| view! { <ChartTable table=s.table.clone() /> })}
            </div>
        </figure>
    }
}

fn unavailable(drawing: RwSignal<Drawing>, show_table: RwSignal<bool>, reason: &dyn std::fmt::Display) {
    leptos::logging::warn!("chart unavailable: {reason}");
    drawing.set(Drawing::Unavailable);
    show_table.set(true);
}

/// The chart's numbers: a caption with the unit, a header row, one row per
/// category; 「-」 where nothing is recorded.
#[component]
fn ChartTable(
    /// The chart's numbers, with their caption, unit and headers.
    table: DataTable,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let unit = table.unit.clone();
    let caption = move || match &unit {
        Some(u) => i18n::chart_caption_unit(lang.get(), &table.caption, u),
        None => table.caption.clone(),
    };
    view! {
        <table class="chart-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{table.row_header.clone()}</th>
                    {table
                        .columns
                        .iter()
                        .map(|c| {
                            view! {
                                <th scope="col" class="num" lang=quoted_lang(lang, c)>
                                    {c.clone()}
                                </th>
                            }
                        })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {table
                    .rows
                    .iter()
                    .map(|(header, values)| {
                        view! {
                            <tr>
                                <th scope="row" lang=quoted_lang(lang, header)>
                                    {header.clone()}
                                </th>
                                {values
                                    .iter()
                                    .map(|v| view! { <td class="num">{DataTable::format_value(*v)}</td> })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// `lang="ja"` for plan text (policy names, 実施方針区分) quoted in the
/// English interface, so screen readers read it in Japanese; nothing when the
/// page is Japanese or the text has no Japanese in it.
fn quoted_lang(lang: Signal<Lang>, text: &str) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let japanese =
        text.chars().any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}'));
    move || (japanese && lang.get() == Lang::En).then_some("ja")
}
