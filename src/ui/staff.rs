//! Staff's controls in the record bar: undo and redo, who is recording, what
//! went wrong with keeping the record (storage, backups, conflicts), and the
//! one place where the recorder is set (name, 担当 and role, kept as typed). In
//! the `staff` split file: visitors never fetch it.

use kama_plan::staff::{ProfileField, Role};
use leptos::prelude::*;

use crate::adapters::download;
use crate::i18n::{self, t};
use crate::state::progress::{Health, Published};
use crate::state::Progress;

/// A step through the record's history.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    Undo,
    Redo,
}

#[component]
pub fn RecorderActions(
    /// The record whose history undo and redo step through, and its recorder.
    progress: Progress,
    /// Whether the setup panel is open.
    setup_open: Signal<bool>,
    /// Opens or closes the setup panel.
    on_toggle_setup: Callback<()>,
    /// Shows the list of conflicting cells.
    on_show_conflicts: Callback<()>,
    /// Undoes or redoes one edit.
    on_step: Callback<Step>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    // What goes wrong with keeping the record concerns only those who record.
    let health_message = move || match progress.health.get() {
        Health::Opening | Health::Kept | Health::CodeMissing => None,
        Health::Unavailable => Some(i18n::STORAGE_UNAVAILABLE),
        Health::Full => Some(i18n::STORAGE_FULL),
        Health::NewerVersion(_) => Some(i18n::STORAGE_NEWER),
        Health::BackupFailed => Some(i18n::STORAGE_BACKUP_FAILED),
    };

    let who = move || progress.staff.with(|s| i18n::recorder(s.name.trim(), s.owner()));
    let secretariat = move || progress.staff.with(|s| s.role == Role::Secretariat);
    view! {
        <div class="record-actions">
            <button type="button" on:click=move |_| on_step.run(Step::Undo) disabled=move || !progress.can_undo()>
                "↶ " <span class="step-label">{t(i18n::UNDO)}</span>
            </button>
            <button type="button" on:click=move |_| on_step.run(Step::Redo) disabled=move || !progress.can_redo()>
                "↷ " <span class="step-label">{t(i18n::REDO)}</span>
            </button>
            <span class="save-state" role="status">
                {move || (progress.health.get() == Health::Kept && progress.can_undo()).then(|| t(i18n::SAVED_HERE))}
            </span>
            // The whole chip opens the setup: at 360 px it is cut, not wrapped.
            <button
                type="button"
                class="staff-chip"
                aria-expanded=move || setup_open.get().to_string()
                on:click=move |_| on_toggle_setup.run(())
            >
                {t(i18n::RECORDING_AS)} ": " <span class="staff-name" lang="ja">{who}</span>
                {move || secretariat().then(|| view! { " · " {t(i18n::ROLE_SECRETARIAT_SHORT)} })}
            </button>
        </div>
        // Only recorders edit, so only they are told an edit was refused.
        {move || progress.refused.get().map(|e| view! { <p class="notice warning edit-refused" role="alert">{i18n::edit_error(lang.get(), &e)}</p> })}
        {move || health_message().map(|m| view! { <p class="notice warning" role="alert">{m.get(lang.get())}</p> })}
        {move || {
            let reason = match progress.published.get() {
                Published::Refused(e) => i18n::document_error(lang.get(), &e),
                Published::Unreachable(e) => i18n::fetch_error(lang.get(), &e),
                _ => return None,
            };
            Some(view! { <p class="notice warning" role="alert">{t(i18n::PUBLISHED_REFUSED)} " (" {reason} ")"</p> })
        }}
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
        {move || (!progress.conflicts.with(Vec::is_empty)).then(|| view! {
            <p class="notice" role="status">
                {t(i18n::CONFLICTS_FOUND)} " "
                <button type="button" class="link-button" on:click=move |_| on_show_conflicts.run(())>
                    {t(i18n::SHOW_CONFLICTS)} " (" {move || progress.conflicts.with(Vec::len)} ")"
                </button>
            </p>
        })}
    }
}

#[component]
pub fn StaffSetup(
    /// The record, whose `staff` profile this edits, and whose 担当 are offered.
    progress: Progress,
    /// Closes the panel.
    on_done: Callback<()>,
) -> impl IntoView {
    let profile = progress.staff;
    // The role a visitor will start with; a recorder's changes at once.
    let chosen = RwSignal::new(match profile.get_untracked().role {
        Role::Visitor => Role::Recorder,
        role => role,
    });
    let recording = move || profile.with(|p| p.role.records());
    let missing = move || profile.with(|p| p.missing());
    let choose = move |role: Role| {
        chosen.set(role);
        if recording() {
            progress.set_staff(profile.get_untracked().with_role(role));
        }
    };
    let start = move |_| {
        if missing().is_empty() {
            progress.set_staff(profile.get_untracked().with_role(chosen.get_untracked()));
            on_done.run(());
        }
    };
    // 担当 already named in the record, offered as the name is typed.
    let known_owners = move || {
        let mut owners: Vec<String> =
            progress.shown.with(|r| r.initiatives.values().flat_map(|c| c.owners.iter().cloned()).collect());
        owners.sort();
        owners.dedup();
        owners
    };
    let role_option = move |role: Role, label: i18n::Msg| {
        view! {
            <label class="role-option">
                <input type="radio" name="staff-role" prop:checked=move || chosen.get() == role on:change=move |_| choose(role) />
                <span>{t(label)}</span>
            </label>
        }
    };
    view! {
        <section class="staff-setup" aria-labelledby="staff-setup-title">
            <h2 id="staff-setup-title">{t(i18n::STAFF_SETUP)}</h2>
            <p class="hint">{t(i18n::STAFF_SETUP_HINT)}</p>
            <label class="field">
                <span>{t(i18n::AUTHOR)}</span>
                <input
                    id="staff-name"
                    type="text"
                    autocomplete="name"
                    maxlength=kama_plan::staff::Profile::MAX_CHARS
                    prop:value=move || profile.with(|p| p.name.clone())
                    on:input=move |ev| progress.set_staff(profile.get_untracked().with_name(&event_target_value(&ev)))
                />
            </label>
            <label class="field">
                <span>{t(i18n::STAFF_OWNER)}</span>
                <input
                    id="staff-owner"
                    type="text"
                    list="staff-owners"
                    autocomplete="organization"
                    maxlength=kama_plan::staff::Profile::MAX_CHARS
                    prop:value=move || profile.with(|p| p.owner.clone())
                    on:input=move |ev| progress.set_staff(profile.get_untracked().with_owner(&event_target_value(&ev)))
                />
                <datalist id="staff-owners">
                    {move || known_owners().into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
                </datalist>
            </label>
            <fieldset class="roles">
                <legend>{t(i18n::STAFF_ROLE)}</legend>
                {role_option(Role::Recorder, i18n::ROLE_RECORDER)}
                {role_option(Role::Secretariat, i18n::ROLE_SECRETARIAT)}
                <p class="hint">{t(i18n::ROLE_NOT_A_PASSWORD)}</p>
            </fieldset>
            <ul class="missing" aria-live="polite">
                {move || missing().into_iter().map(|field| {
                    let msg = match field {
                        ProfileField::Name => i18n::STAFF_NAME_MISSING,
                        ProfileField::Owner => i18n::STAFF_OWNER_MISSING,
                    };
                    view! { <li>{t(msg)}</li> }
                }).collect_view()}
            </ul>
            <div class="actions">
                {move || if recording() {
                    view! {
                        <button type="button" on:click=move |_| on_done.run(())>{t(i18n::STAFF_DONE)}</button>
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| {
                                progress.set_staff(profile.get_untracked().with_role(Role::Visitor));
                                on_done.run(());
                            }
                        >
                            {t(i18n::STAFF_STOP)}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="primary" id="staff-start" on:click=start disabled=move || !missing().is_empty()>
                            {t(i18n::STAFF_START)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| on_done.run(())>{t(i18n::STAFF_DONE)}</button>
                    }.into_any()
                }}
            </div>
        </section>
    }
}
