use kama_plan::{export, Initiative};
use leptos::prelude::*;

use crate::adapters::download;
use crate::i18n::{self, t};
use crate::state::Explore;

#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Whole,
    Filtered,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
}

/// The plan as open data: JSON (with its field documentation) and CSV for
/// Excel, of the whole plan or of what the filters show.
#[component]
pub fn Downloads(explore: Explore) -> impl IntoView {
    let plan = explore.plan;
    let error = RwSignal::new(None::<String>);
    let save = move |format: Format, scope: Scope| {
        let chosen: Vec<&Initiative> = match scope {
            Scope::Whole => plan.initiatives.iter().collect(),
            Scope::Filtered => explore.result.with_untracked(|r| r.initiatives(plan).collect()),
        };
        let suffix = if scope == Scope::Filtered { "-filtered" } else { "" };
        let outcome = match format {
            Format::Json => {
                export::to_json(&export::plan_subset(plan, chosen)).map_err(|e| e.to_string()).and_then(|json| {
                    download::save(&format!("kama-sme-plan{suffix}.json"), "application/json", json.as_bytes())
                })
            }
            Format::Csv => export::plan_csv(plan, chosen)
                .map_err(|e| e.to_string())
                .and_then(|csv| download::save(&format!("kama-sme-plan{suffix}.csv"), "text/csv;charset=utf-8", &csv)),
        };
        error.set(outcome.err());
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
