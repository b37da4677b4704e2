//! Always in view: for a visitor, that the record is read only and the way
//! to record; for staff, their controls (the `staff` file, `ui::staff`).
//! Whether the store's code and the published record could be had is said
//! to everyone.

use leptos::prelude::*;

use super::lazy;
use crate::i18n::{self, t};
use crate::state::progress::{Health, Published};
use crate::state::Progress;

#[component]
pub fn RecordBar(progress: Progress, on_show_conflicts: Callback<()>) -> impl IntoView {
    let lang = i18n::use_lang();
    let setup_open = RwSignal::new(false);
    let close_setup = Callback::new(move |()| setup_open.set(false));
    let toggle_setup = Callback::new(move |()| setup_open.update(|o| *o = !*o));
    view! {
        <div class="record-bar no-print" role="region" aria-label=t(i18n::RECORD_BAR)>
            // Staff's controls are in the `staff` file, which visitors never fetch.
            {move || if progress.can_record() {
                lazy::show_panel(move || lazy::recorder_actions(progress, setup_open.into(), toggle_setup, on_show_conflicts))
            } else {
                view! {
                    <div class="record-actions read-only">
                        <span class="read-only-note">{t(i18n::READ_ONLY_RECORD)}</span>
                        <button type="button" id="start-recording" aria-expanded=move || setup_open.get().to_string() on:click=move |_| toggle_setup.run(())>
                            {t(i18n::START_RECORDING)}
                        </button>
                    </div>
                }.into_any()
            }}
            {move || setup_open.get().then(|| lazy::show_panel(move || lazy::staff_setup(progress, close_setup)))}
            {move || (progress.health.get() == Health::CodeMissing).then(|| view! {
                <div class="notice warning" role="alert">
                    <p>{t(i18n::RECORD_LOAD_FAILED)}</p>
                    <button type="button" on:click=move |_| lazy::open_store(progress)>{t(i18n::VIEW_LOAD_RETRY)}</button>
                </div>
            })}
            {move || {
                let reason = match progress.published.get() {
                    Published::Refused(e) => i18n::document_error(lang.get(), &e),
                    Published::Unreachable(detail) => detail,
                    _ => return None,
                };
                Some(view! { <p class="notice warning" role="alert">{t(i18n::PUBLISHED_REFUSED)} " (" {reason} ")"</p> })
            }}
        </div>
    }
}
