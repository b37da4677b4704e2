use kama_plan::{export, Initiative};
use leptos::prelude::*;

use super::lazy;
use super::PlanRef;
use crate::adapters::download;
use crate::i18n::{self, t};
use crate::state::Explore;

#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Whole,
    Filtered,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Format {
    Json,
    Csv,
}

/// The plan as open data: JSON (with its field documentation) and CSV for
/// Excel, of the whole plan or of what the filters show.
#[component]
pub fn Downloads(explore: Explore) -> impl IntoView {
    let plan = explore.plan;
    let error = RwSignal::new(None::<String>);
    let lang = i18n::use_lang();
    let save = move |format: Format, scope: Scope| {
        let chosen: Vec<&'static Initiative> = match scope {
            Scope::Whole => plan.initiatives.iter().collect(),
            Scope::Filtered => explore.result.with_untracked(|r| r.initiatives(plan).collect()),
        };
        let suffix = if scope == Scope::Filtered { "-filtered" } else { "" };
        // The encoders are split off (`lazy::plan_file`): their file may have to load first.
        leptos::task::spawn_local(async move {
            let outcome = match lazy::plan_file(plan, chosen, format).await {
                Ok(bytes) => bytes.and_then(|bytes| match format {
                    Format::Json => download::save(&format!("kama-sme-plan{suffix}.json"), "application/json", &bytes),
                    Format::Csv => {
                        download::save(&format!("kama-sme-plan{suffix}.csv"), "text/csv;charset=utf-8", &bytes)
                    }
                }),
                Err(lazy::ChunkFailed) => Err(i18n::CODE_LOAD_FAILED.get(lang.get_untracked()).to_string()),
            };
            error.set(outcome.err());
        });
    };
    view! {
        <section class="downloads" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{t(i18n::DOWNLOADS)}</h2>
            <ul class="plain">
                <li>
                    <button type="button" class="link-button" data-download="json-all" on:click=move |_| save(Format::Json, Scope::Whole)>{t(i18n::JSON_WHOLE)}</button>
                    " · "
                    <button type="button" class="link-button" data-download="json-filtered" on:click=move |_| save(Format::Json, Scope::Filtered)>{t(i18n::FILTERED_VIEW)}</button>
                </li>
                <li>
                    <button type="button" class="link-button" data-download="csv-all" on:click=move |_| save(Format::Csv, Scope::Whole)>{t(i18n::CSV_WHOLE)}</button>
                    " · "
                    <button type="button" class="link-button" data-download="csv-filtered" on:click=move |_| save(Format::Csv, Scope::Filtered)>{t(i18n::FILTERED_VIEW)}</button>
                </li>
                <li><a href="README.md">{t(i18n::OPEN_DATA_FIELDS)}</a></li>
            </ul>
            <p class="error" role="alert" hidden=move || error.with(Option::is_none)>
                {t(i18n::DOWNLOAD_FAILED)} " " {move || error.get()}
            </p>
        </section>
    }
}

/// The chosen initiatives as a file's bytes. Called through its split point,
/// `lazy::plan_file`.
pub(super) fn encode(plan: PlanRef, chosen: Vec<&'static Initiative>, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Json => {
            export::to_json(&export::plan_subset(plan, chosen)).map(String::into_bytes).map_err(|e| e.to_string())
        }
        Format::Csv => export::plan_csv(plan, chosen).map_err(|e| e.to_string()),
    }
}
