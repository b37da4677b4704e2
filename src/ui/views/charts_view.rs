//! Charts of the plan's composition (following the explore view's filters
//! and search) and of one fiscal year's progress. Each chart comes with its
//! data table (`ChartFigure`); ECharts is loaded when this view opens.

use kama_plan::present::charts::{composition_by_direction, composition_by_first_plan, progress_by_status};
use kama_plan::progress::Record;
use leptos::prelude::*;

use crate::i18n::{self, t};
use crate::state::Explore;
use crate::ui::views::chart::{chart_spec, use_chart_labels, ChartFigure};
use crate::ui::views::progress_view::YearPicker;

#[component]
pub fn ChartsView(
    /// The filtered initiatives the composition charts count, and the year
    /// the progress chart shows.
    explore: Explore,
    /// The record the progress chart counts.
    record: Memo<Record>,
    /// Whether that record includes the published one (a note says so).
    has_published: Signal<bool>,
) -> impl IntoView {
    let plan = explore.plan;
    let flags = &plan.plan.flags;
    let labels = use_chart_labels(plan);
    let lang = i18n::use_lang();
    let year = explore.reported_year();

    let by_direction =
        chart_spec(move || explore.result.with(|r| labels.with(|l| composition_by_direction(plan, &r.matches, l))));
    let by_first_plan =
        chart_spec(move || explore.result.with(|r| labels.with(|l| composition_by_first_plan(plan, &r.matches, l))));
    let by_status = chart_spec(move || {
        let year = year.get();
        record.with(|record| labels.with(|l| progress_by_status(plan, record, year, l)))
    });

    let counted = move || explore.result.with(|r| i18n::charts_follow_filters(lang.get(), r.matches.len(), r.total));
    view! {
        <section class="charts-view" aria-labelledby="charts-title">
            <h2 id="charts-title">{t(i18n::VIEW_CHARTS)}</h2>
            <p class="hint">{t(i18n::CHARTS_INTRO)}</p>
            // The plan's composition by the marks it uses; none for a plan without them.
            {(flags.direction.is_some() || flags.first_plan.is_some()).then(|| view! {
                <section class="charts-group" aria-labelledby="charts-plan-title">
                    <h3 id="charts-plan-title">{t(i18n::CHARTS_PLAN_TITLE)}</h3>
                    <p class="charts-filter-note" aria-live="polite">{counted}</p>
                    <div class="charts-grid">
                        {flags.direction.is_some().then(|| view! { <ChartFigure spec=by_direction id="chart-direction" /> })}
                        {flags.first_plan.is_some().then(|| view! { <ChartFigure spec=by_first_plan id="chart-first-plan" /> })}
                    </div>
                </section>
            })}
            <section class="charts-group" aria-labelledby="charts-progress-title">
                <h3 id="charts-progress-title">{t(i18n::CHARTS_PROGRESS_TITLE)}</h3>
                <YearPicker explore year />
                <p class="hint" hidden=move || !has_published.get()>{t(i18n::PUBLISHED_NOTE)}</p>
                <p class="hint">{t(i18n::OVERVIEW_RELISTED_NOTE)}</p>
                <ChartFigure spec=by_status id="chart-status" />
            </section>
        </section>
    }
}
