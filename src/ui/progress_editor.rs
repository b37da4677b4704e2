//! Recording an initiative's progress, one fiscal year per group: a status,
//! a note, and who recorded it when. Every change is an `Edit` through the
//! progress store.

use kama_plan::progress::edit::Edit;
use kama_plan::progress::edit::{Change, TextField};
use kama_plan::progress::{CellKey, Status};
use kama_plan::{FiscalYear, InitiativeId};
use leptos::prelude::*;

use crate::adapters::clock;
use crate::i18n::{self, t};
use crate::state::Progress;

#[component]
pub fn ProgressEditor(progress: Progress, id: InitiativeId) -> impl IntoView {
    let years: Vec<FiscalYear> = progress.plan.plan.fiscal_years.years().collect();
    let current = kama_plan::timeline::fiscal_year_of(clock::today());
    view! {
        <section class="progress-editor" aria-labelledby="progress-editor-title">
            <h3 id="progress-editor-title">{t(i18n::PROGRESS_RECORD)}</h3>
            <p class="hint">{t(i18n::PROGRESS_RECORD_HINT)}</p>
            <div class="year-cards">
                {years
                    .into_iter()
                    .map(|year| view! { <YearCard progress id year current=year == current /> })
                    .collect_view()}
            </div>
        </section>
    }
}

#[component]
fn YearCard(progress: Progress, id: InitiativeId, year: FiscalYear, current: bool) -> impl IntoView {
    let lang = i18n::use_lang();
    let cell = Memo::new(move |_| progress.shown.with(|r| r.initiatives.get(&(id, year)).cloned()));
    let status = move || cell.with(|c| c.as_ref().and_then(|c| c.status));
    let note = move || cell.with(|c| c.as_ref().map(|c| c.note.clone()).unwrap_or_default());
    let draft = move || progress.is_draft(CellKey::Initiative(id, year));
    let slug = format!("{}-{}", id.ascii(), year.0);
    let status_id = format!("status-{slug}");
    let note_id = format!("note-{slug}");
    let year_label = move || i18n::fiscal_year(lang.get(), year);
    let stamp = move || {
        cell.with(|c| {
            c.as_ref().map(|c| {
                let when = i18n::date_time(lang.get(), clock::local_time(c.stamp.updated_at));
                match &c.stamp.author {
                    Some(a) => format!("{a} · {when}"),
                    None => when,
                }
            })
        })
    };
    view! {
        <fieldset class="year-card" class:current-fy=current data-year=year.0>
            <legend>
                {year_label}
                {current.then(|| view! { <span class="badge current">{t(i18n::CURRENT_FY)}</span> })}
            </legend>
            <label for=status_id.clone()>{t(i18n::STATUS)}</label>
            <select
                id=status_id
                class="status-select"
                prop:value=move || status().map(Status::as_ja).unwrap_or_default()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let status = Status::ALL.into_iter().find(|s| s.as_ja() == value);
                    progress.edit(Edit::Initiative { id, year, change: Change::Status(status) }, false);
                }
            >
                <option value="">{t(i18n::STATUS_NONE)}</option>
                {Status::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <option value=s.as_ja() selected=move || status() == Some(s)>
                                {move || i18n::status(lang.get(), s)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <label for=note_id.clone()>{t(i18n::NOTE)}</label>
            <textarea
                id=note_id
                class="note-input"
                rows="3"
                prop:value=note
                on:input=move |ev| {
                    progress.edit(Edit::Initiative { id, year, change: Change::Text(TextField::Note, event_target_value(&ev)) }, true);
                }
                on:blur=move |_| progress.seal_typing()
            ></textarea>
            <p class="stamp">
                {move || stamp().map(|s| view! { <span>{t(i18n::UPDATED_BY)} ": " {s}</span> })}
                {move || draft().then(|| view! { <span class="badge draft">{t(i18n::LOCAL_DRAFT)}</span> })}
            </p>
        </fieldset>
    }
}
