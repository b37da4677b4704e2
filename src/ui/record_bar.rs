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
    view! {
        <div class="record-bar no-print">
            <div class="record-actions">
                <button type="button" on:click=move |_| lazy::undo(progress, true) disabled=move || !progress.can_undo()>
                    "↶ " {t(i18n::UNDO)}
                </button>
                <button type="button" on:click=move |_| lazy::undo(progress, false) disabled=move || !progress.can_redo()>
                    "↷ " {t(i18n::REDO)}
                </button>
                <span class="save-state" role="status">
                    {move || (progress.health.get() == Health::Kept && progress.can_undo()).then(|| t(i18n::SAVED_HERE))}
                </span>
            </div>
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
