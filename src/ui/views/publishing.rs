//! 締めと公表, for the 事務局: closing a fiscal year (its cells take no edit
//! wherever the record goes; reopening needs a reason, kept in the history)
//! and writing `progress.json` for the city's site, with only confirmed lines
//! unless the 事務局 chooses otherwise.

use kama_plan::progress::document;
use kama_plan::progress::edit::{Edit, EditError};
use kama_plan::progress::file_name::ExportError;
use kama_plan::progress::publish::{public_record, Scope};
use kama_plan::progress::Cell as _;
use kama_plan::FiscalYear;
use leptos::prelude::*;

use crate::adapters::{clock, download};
use crate::i18n::{self, t};
use crate::state::Progress;

#[component]
pub fn YearClosing(
    /// The record whose year is closed or reopened.
    progress: Progress,
    /// The fiscal year the progress view shows.
    year: Memo<FiscalYear>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let reason = RwSignal::new(String::new());
    let closing = Memo::new(move |_| progress.shown.with(|r| r.closing(year.get()).cloned()));
    // Said here, where the reason is typed (the record bar says the rest).
    let missing_reason = RwSignal::new(None::<EditError>);
    let act = move |_| {
        let (year, reason_text) = (year.get_untracked(), reason.get_untracked());
        let reopening = closing.with_untracked(Option::is_some);
        if reopening && reason_text.trim().is_empty() {
            missing_reason.set(Some(EditError::ReasonRequired(year)));
            return;
        }
        missing_reason.set(None);
        let edit = if reopening {
            Edit::ReopenYear { year, reason: reason_text }
        } else {
            Edit::CloseYear { year, reason: reason_text }
        };
        progress.edit(edit, false);
        if progress.refused.with_untracked(Option::is_none) {
            reason.set(String::new());
        }
    };
    view! {
        <section class="year-closing" aria-labelledby="year-closing-title">
            <h3 id="year-closing-title">{t(i18n::YEAR_CLOSING_TITLE)}</h3>
            {move || match closing.get() {
                Some(c) => view! {
                    <p class="notice year-closed" role="status">
                        {move || i18n::year_closed_notice(lang.get(), year.get(), &i18n::stamp(lang.get(), c.author_stamp()), &c.reason)}
                    </p>
                }.into_any(),
                None => view! { <p class="hint">{t(i18n::YEAR_CLOSE_HINT)}</p> }.into_any(),
            }}
            <label class="field">
                <span>{t(i18n::YEAR_REASON)}</span>
                <input type="text" id="year-reason" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev)) />
            </label>
            <button type="button" class="year-close-button" on:click=act>
                {move || t(if closing.with(Option::is_some) { i18n::YEAR_REOPEN } else { i18n::YEAR_CLOSE })()}
            </button>
            {move || missing_reason.get().map(|e| view! { <p class="field-error" role="alert">{i18n::edit_error(lang.get(), &e)}</p> })}
        </section>
    }
}

/// `progress.json` for the city's site.
#[component]
pub fn PublishFile(
    /// The record published.
    progress: Progress,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let everything = RwSignal::new(false);
    let preview = Memo::new(move |_| {
        let scope = if everything.get() { Scope::Everything } else { Scope::ConfirmedOnly };
        progress.shown.with(|r| public_record(r, progress.plan, scope))
    });
    let failed = RwSignal::new(None::<Option<ExportError>>);
    let write = move |_| {
        let json =
            preview.with_untracked(|p| document::to_json(&p.record, &progress.plan.plan.id, Some(clock::now_ms())));
        let outcome = match json {
            Ok(json) => download::save("progress.json", "application/json", json.as_bytes()).map_err(|_| None),
            Err(e) => Err(Some(ExportError::from(e))),
        };
        failed.set(outcome.err());
    };
    view! {
        <section class="publish" aria-labelledby="publish-title">
            <h3 id="publish-title">{t(i18n::PUBLISH_TITLE)}</h3>
            <p class="hint">{t(i18n::PUBLISH_HINT)}</p>
            <fieldset class="roles">
                <legend>{t(i18n::PUBLISH_SCOPE)}</legend>
                <label class="role-option">
                    <input type="radio" name="publish-scope" prop:checked=move || !everything.get() on:change=move |_| everything.set(false) />
                    <span>{t(i18n::PUBLISH_CONFIRMED)}</span>
                </label>
                <label class="role-option">
                    <input type="radio" name="publish-scope" prop:checked=everything on:change=move |_| everything.set(true) />
                    <span>{t(i18n::PUBLISH_EVERYTHING)}</span>
                </label>
            </fieldset>
            {move || everything.get().then(|| view! { <p class="notice warning" role="alert">{t(i18n::PUBLISH_EVERYTHING_WARNING)}</p> })}
            <p class="publish-withheld" role="status">
                {move || i18n::publish_withheld(lang.get(), preview.with(|p| p.withheld.len()))}
            </p>
            <button type="button" class="primary publish-button" on:click=write>{t(i18n::PUBLISH_WRITE)}</button>
            {move || failed.get().map(|e| view! {
                <p class="notice warning" role="alert">
                    {t(i18n::DOWNLOAD_FAILED)} " " {e.map(|e| i18n::export_error(lang.get(), &e))}
                </p>
            })}
        </section>
    }
}
