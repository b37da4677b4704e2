//! Always in view: undo/redo, whether the record is being kept, and plain
//! words about anything that went wrong with storage or files.

use leptos::prelude::*;

use super::lazy;
use crate::adapters::download;
use crate::i18n::{self, t};
use crate::state::progress::{Health, Published};
use crate::state::Progress;

#[component]
pub fn RecordBar(progress: Progress, on_show_conflicts: Callback<()>) -> impl IntoView {
    let lang = i18n::use_lang();
    let health_message = move || match progress.health.get() {
        Health::Opening | Health::Kept | Health::CodeMissing => None,
        Health::Unavailable => Some(i18n::STORAGE_UNAVAILABLE),
        Health::Full => Some(i18n::STORAGE_FULL),
        Health::NewerVersion(_) => Some(i18n::STORAGE_NEWER),
        Health::BackupFailed => Some(i18n::STORAGE_BACKUP_FAILED),
    };
    let setup_open = RwSignal::new(false);
    let close_setup = Callback::new(move |()| setup_open.set(false));
    let toggle_setup = Callback::new(move |()| setup_open.update(|o| *o = !*o));
    view! {
        <div class="record-bar no-print" role="region" aria-label=t(i18n::RECORD_BAR)>
            // Staff's controls are in the `staff` file, which visitors never fetch.
            {move || if progress.can_record() {
                lazy::show_panel(move || lazy::recorder_actions(progress, setup_open.into(), toggle_setup))
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
            {move || health_message().map(|m| view! { <p class="notice warning" role="alert">{m.get(lang.get())}</p> })}
            {move || (progress.health.get() == Health::CodeMissing).then(|| view! {
                <div class="notice warning" role="alert">
                    <p>{t(i18n::RECORD_LOAD_FAILED)}</p>
                    <button type="button" on:click=move |_| lazy::open_store(progress)>{t(i18n::VIEW_LOAD_RETRY)}</button>
                </div>
            })}
            <For each=move || progress.backups.get() key=|b| b.key.clone() let(backup)>
                <div class="notice warning" role="alert">
                    <p>
                        {t(i18n::BACKUP_FOUND)}
                        {backup.reason.clone().map(|r| view! { " (" {move || i18n::document_error(lang.get(), &r)} ")" })}
                    </p>
                    <button
                        type="button"
                        on:click={
                            let raw = backup.raw.clone();
                            let name = format!("{}.txt", backup.key.replace(':', "_"));
                            move |_| {
                                let _ = download::save(&name, "text/plain;charset=utf-8", raw.as_bytes());
                            }
                        }
                    >
                        {t(i18n::BACKUP_DOWNLOAD)}
                    </button>
                    <button
                        type="button"
                        on:click={
                            let key = backup.key.clone();
                            move |_| progress.delete_backup(&key)
                        }
                    >
                        {t(i18n::BACKUP_DELETE)}
                    </button>
                </div>
            </For>
            {move || {
                let reason = match progress.published.get() {
                    Published::Refused(e) => i18n::document_error(lang.get(), &e),
                    Published::Unreachable(detail) => detail,
                    _ => return None,
                };
                Some(view! { <p class="notice warning" role="alert">{t(i18n::PUBLISHED_REFUSED)} " (" {reason} ")"</p> })
            }}
            {move || (!progress.conflicts.with(Vec::is_empty)).then(|| view! {
                <p class="notice" role="status">
                    {t(i18n::CONFLICTS_FOUND)} " "
                    <button type="button" class="link-button" on:click=move |_| on_show_conflicts.run(())>
                        {t(i18n::SHOW_CONFLICTS)} " (" {move || progress.conflicts.with(Vec::len)} ")"
                    </button>
                </p>
            })}
        </div>
    }
}
