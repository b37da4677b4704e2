use std::future::Future;
use std::pin::Pin;

use kama_plan::export::{PlanFileError, PlanFormat as Format};
use kama_plan::Initiative;
use leptos::prelude::*;

use crate::adapters::{download, BrowserError};
use crate::i18n::{self, t};
use crate::state::Explore;
use crate::ui::loading::ChunkFailed;
use crate::ui::PlanRef;

#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Whole,
    Filtered,
}

/// The encoders, from their split file (which may have to load first).
pub type EncodePlan = fn(
    PlanRef,
    Vec<&'static Initiative>,
    Format,
) -> Pin<Box<dyn Future<Output = Result<Result<Vec<u8>, PlanFileError>, ChunkFailed>>>>;

/// The plan as open data: JSON (with its field documentation) and CSV for
/// Excel, of the whole plan or of what the filters show.
#[component]
pub fn Downloads(
    /// The plan, and what the filters show now.
    explore: Explore,
    /// Encodes the chosen initiatives.
    encode: EncodePlan,
) -> impl IntoView {
    let plan = explore.plan;
    let error = RwSignal::new(None::<DownloadFailed>);
    let lang = i18n::use_lang();
    let save = move |format: Format, scope: Scope| {
        let chosen: Vec<&'static Initiative> = match scope {
            Scope::Whole => plan.initiatives.iter().collect(),
            Scope::Filtered => explore.result.with_untracked(|r| r.initiatives(plan).collect()),
        };
        let suffix = if scope == Scope::Filtered { "-filtered" } else { "" };
        leptos::task::spawn_local(async move {
            let outcome = match encode(plan, chosen, format).await {
                Ok(Ok(bytes)) => match format {
                    Format::Json => download::save(&format!("kama-sme-plan{suffix}.json"), "application/json", &bytes),
                    Format::Csv => {
                        download::save(&format!("kama-sme-plan{suffix}.csv"), "text/csv;charset=utf-8", &bytes)
                    }
                }
                .map_err(DownloadFailed::Save),
                Ok(Err(e)) => Err(DownloadFailed::Encode(e)),
                Err(ChunkFailed) => Err(DownloadFailed::CodeMissing),
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
                {t(i18n::DOWNLOAD_FAILED)} " " {move || error.with(|e| e.as_ref().map(|e| e.words(lang.get())))}
            </p>
        </section>
    }
}

/// Why a download of the plan failed.
#[derive(Debug, Clone)]
enum DownloadFailed {
    Encode(PlanFileError),
    /// The browser would not save it.
    Save(BrowserError),
    /// The encoders' file could not be loaded.
    CodeMissing,
}

impl DownloadFailed {
    fn words(&self, lang: i18n::Lang) -> String {
        match self {
            DownloadFailed::Encode(e) => i18n::plan_file_error(lang, e),
            DownloadFailed::Save(e) => e.to_string(),
            DownloadFailed::CodeMissing => i18n::CODE_LOAD_FAILED.get(lang).to_string(),
        }
    }
}
