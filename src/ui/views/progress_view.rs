//! The progress view: for one fiscal year, where things stand, what to look
//! at, and the record's files and conflicts.

use crate::ui::views::plan_shelf::{PlanShelf, ReadPlan};
use kama_plan::FiscalYear;
use leptos::prelude::*;

use crate::i18n::{self, t};
use crate::state::cycle::Cycle;
use crate::state::{Explore, Progress};
use crate::ui::views::cycle::CyclePanel;
use crate::ui::views::progress_overview::{Checks, NotedList, PublishedChanges, ReportLink, StatusOverview};
use crate::ui::views::records::{ConflictList, FilesPanel, ReadSheet};

#[component]
pub fn YearPicker(
    /// The plan's fiscal years offered, and where the chosen one is set.
    explore: Explore,
    /// The fiscal year shown, selected in the list.
    year: Memo<FiscalYear>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let years: Vec<FiscalYear> = explore.plan.plan.fiscal_years.years().collect();
    view! {
        <label class="year-picker no-print">
            <span>{t(i18n::YEAR)}</span>
            <select
                prop:value=move || year.get().0.to_string()
                on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse() {
                        explore.set_year(FiscalYear(y));
                    }
                }
            >
                {years
                    .into_iter()
                    .map(|y| {
                        view! {
                            <option value=y.0.to_string() selected=move || year.get() == y>
                                {move || i18n::fiscal_year(lang.get(), y)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
pub fn ProgressView(
    /// The view state: the year shown.
    explore: Explore,
    /// The record, its files and its author.
    progress: Progress,
    /// Reads an imported workbook's 評価シート.
    read_sheet: ReadSheet,
    /// Reads a plan table or plan file chosen in 「別の計画を開く」.
    read_plan: ReadPlan,
) -> impl IntoView {
    let year = explore.reported_year();
    let cycle = Cycle::new(progress);
    cycle.open_linked(progress);
    view! {
        <section class="progress-view" aria-labelledby="progress-title">
            <h2 id="progress-title">{t(i18n::VIEW_PROGRESS)}</h2>
            <YearPicker explore year />
            <p class="hint" hidden=move || !progress.has_published()>{t(i18n::PUBLISHED_NOTE)}</p>
            <ReportLink explore />
            // Staff come here for their files: the way there is at the top.
            <p class="jump no-print"><a href="#files-title">{t(i18n::JUMP_TO_FILES)}</a></p>
            // Conflicts wait for a decision, so they come first.
            <ConflictList progress />
            <CyclePanel explore progress cycle year />
            <StatusOverview plan=progress.plan record=progress.shown year />
            <NotedList explore progress year />
            <Checks explore progress />
            <PublishedChanges plan=progress.plan record=progress.shown published=progress.published />
            <FilesPanel progress cycle year read_sheet />
            <PlanShelf plan=progress.plan read_plan />
        </section>
    }
}
