//! 「別の計画を開く」: another municipality's plan, from its table (.xlsx,
//! .csv, .tsv) or plan file (.json), previewed, then kept in this browser
//! and opened by its address (`plan=saved:<id>`, read at start-up by
//! `ui::app`); the plans kept, to switch back to or remove.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use kama_plan::plan_shelf::{OpenPlanError, ShelfEntry};
use kama_plan::plan_table::{PlanTableError, MAX_BYTES};
use kama_plan::view_state::PlanSource;
use kama_plan::workbook::WorkbookError;
use kama_plan::Plan;
use leptos::prelude::*;

use crate::adapters::file_input::{self, Unread};
use crate::adapters::plan_shelf as shelf;
use crate::i18n::{self, t};
use crate::ui::PlanRef;

/// Reads a chosen file's plan (in the `sheet_import` split file); `None`
/// when that file could not be had.
pub type ReadPlan = fn(String, Vec<u8>) -> Pin<Box<dyn Future<Output = Option<Result<Plan, OpenPlanError>>>>>;

/// What the panel shows about the file chosen last.
#[derive(Clone)]
enum Chosen {
    Nothing,
    Reading,
    Refused(String),
    Read(Arc<Plan>),
}

#[component]
pub fn PlanShelf(
    /// The plan shown, marked in the list of kept plans.
    plan: PlanRef,
    /// Reads the chosen file.
    read_plan: ReadPlan,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let chosen = RwSignal::new(Chosen::Nothing);
    let kept = RwSignal::new(shelf::kept());
    let on_change = move |ev: web_sys::Event| {
        let Some(file) = file_input::input_files(&ev).into_iter().next() else { return };
        chosen.set(Chosen::Reading);
        leptos::task::spawn_local(async move {
            let bytes = match file_input::read_bytes(&file, MAX_BYTES).await {
                Ok(bytes) => bytes,
                Err(Unread::TooLarge(bytes)) => {
                    let e = OpenPlanError::Table(PlanTableError::Workbook(WorkbookError::TooLarge {
                        bytes,
                        max: MAX_BYTES,
                    }));
                    chosen.set(Chosen::Refused(i18n::open_plan_error(lang.get_untracked(), &e)));
                    return;
                }
                Err(Unread::Unreadable(detail)) => {
                    chosen.set(Chosen::Refused(i18n::unreadable(lang.get_untracked(), &detail)));
                    return;
                }
            };
            chosen.set(match read_plan(file.name(), bytes).await {
                Some(Ok(plan)) => Chosen::Read(Arc::new(plan)),
                Some(Err(e)) => Chosen::Refused(i18n::open_plan_error(lang.get_untracked(), &e)),
                None => Chosen::Refused(i18n::CODE_LOAD_FAILED.get(lang.get_untracked()).to_string()),
            });
        });
    };
    let open = move |read: Arc<Plan>| match shelf::keep(&read) {
        Ok(id) => crate::adapters::history::go_to(&PlanSource::Saved(id).query()),
        Err(failure) => chosen.set(Chosen::Refused(i18n::keep_plan_failure(lang.get_untracked(), &failure))),
    };
    let remove = move |entry: ShelfEntry| match shelf::remove(&entry) {
        Ok(list) => kept.set(list),
        Err(failure) => chosen.set(Chosen::Refused(i18n::keep_plan_failure(lang.get_untracked(), &failure))),
    };
    let shown_id = plan.plan.id.clone();
    view! {
        <section class="plan-shelf no-print" aria-labelledby="plans">
            <h3 id="plans">{t(i18n::OPEN_OTHER_PLAN)}</h3>
            <p class="hint">
                {t(i18n::OPEN_OTHER_PLAN_HINT)} " "
                <a href="plan-template.xlsx" download="plan-template.xlsx">{t(i18n::PLAN_TEMPLATE)}</a>
                " (" <a href="plan-template.csv" download="plan-template.csv">"CSV"</a> ")"
            </p>
            <label class="file-button">
                {t(i18n::CHOOSE_PLAN_FILE)}
                <input type="file" id="plan-file" accept=".xlsx,.csv,.tsv,.txt,.json" on:change=on_change />
            </label>
            {move || match chosen.get() {
                Chosen::Nothing => ().into_any(),
                Chosen::Reading => view! { <p class="hint" role="status">{t(i18n::READING_PLAN)}</p> }.into_any(),
                Chosen::Refused(why) => view! { <p class="notice error plan-refused" role="alert">{why}</p> }.into_any(),
                Chosen::Read(read) => view! { <PlanPreview plan=read on_open=Callback::new(open) /> }.into_any(),
            }}
            <h4>{t(i18n::KEPT_PLANS)}</h4>
            <ul class="plain kept-plans">
                <li>
                    <a href="./">{t(i18n::DEFAULT_PLAN)}</a>
                    {(shown_id == kama_plan::EMBEDDED_PLAN_ID).then(|| view! { " " <span class="badge">{t(i18n::SHOWN_NOW)}</span> })}
                </li>
                {move || kept.get().into_iter().filter_map(|entry| {
                    let id = entry.saved_id()?;
                    let href = crate::adapters::history::href(&PlanSource::Saved(id).query());
                    let shown = entry.id == shown_id;
                    let label = format!("{} {}（{}）", entry.municipality, entry.title, entry.initiatives);
                    let for_remove = entry.clone();
                    Some(view! {
                        <li>
                            <a href=href lang="ja">{label}</a>
                            {shown.then(|| view! { " " <span class="badge">{t(i18n::SHOWN_NOW)}</span> })}
                            " "
                            <button type="button" class="small" hidden=shown on:click=move |_| remove(for_remove.clone())>
                                {t(i18n::REMOVE_PLAN)}
                            </button>
                        </li>
                    })
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The chosen plan, to check before it is opened: its name and how much it holds.
#[component]
fn PlanPreview(
    /// The plan read from the chosen file.
    plan: Arc<Plan>,
    /// Keeps it and opens it.
    on_open: Callback<Arc<Plan>>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let years = plan.plan.fiscal_years;
    let levels = plan.plan.levels();
    let sub_policies: usize = plan.policies.iter().map(|p| p.sub_policies.len()).sum();
    let mut counts = vec![(levels.policy.to_string(), plan.policies.len())];
    if let Some(sub) = levels.sub_policy {
        counts.push((sub.to_string(), sub_policies));
    }
    counts.push((levels.initiative.to_string(), plan.initiatives.len()));
    view! {
        <div class="plan-preview" role="status">
            <p class="plan-preview-name" lang="ja">{format!("{} {}", plan.plan.municipality, plan.plan.title)}</p>
            <p>{move || i18n::plan_period(lang.get(), years)}</p>
            <ul class="plain plan-preview-counts">
                {counts.into_iter().map(|(level, n)| view! { <li><span lang="ja">{level}</span> ": " {n}</li> }).collect_view()}
                <li>{t(i18n::KPIS)} ": " {plan.kpis.len()}</li>
            </ul>
            <button type="button" class="primary" on:click=move |_| on_open.run(plan.clone())>
                {t(i18n::OPEN_THIS_PLAN)}
            </button>
        </div>
    }
}
