//! Always in view: for a visitor, that the record is read only and the way
//! to record; for staff, their controls (the `staff` file, `ui::staff`).
//! Whether the store's code and the published record could be had is said
//! to everyone.

use leptos::prelude::*;

use crate::i18n::{self, t};
use crate::state::progress::{Health, Published};
use crate::state::Progress;

/// For a visitor: the record is read only, and the way to record. Also in
/// the static first paint (`crates/prerender`).
#[component]
pub fn ReadOnlyNote(
    /// Whether the setup of who records is open.
    setup_open: Signal<bool>,
    /// Opens (or closes) that setup.
    on_start: Callback<()>,
    /// Drawn into the static first paint: the button is inert until the app
    /// starts.
    #[prop(optional)]
    first_paint: bool,
) -> impl IntoView {
    view! {
        <div class="record-actions read-only">
            <span class="read-only-note">{t(i18n::READ_ONLY_RECORD)}</span>
            <button
                type="button"
                id="start-recording"
                aria-expanded=move || setup_open.get().to_string()
                disabled=first_paint
                on:click=move |_| on_start.run(())
            >
                {t(i18n::START_RECORDING)}
            </button>
        </div>
    }
}

/// The setup panel's state, as the staff controls that open it see it.
#[derive(Clone, Copy)]
pub struct SetupToggle {
    pub open: Signal<bool>,
    pub toggle: Callback<()>,
}

#[component]
pub fn RecordBar(
    /// Who records, and how keeping the record goes.
    progress: Progress,
    /// Staff's controls (undo, redo, who records), from their split file.
    recorder_actions: Callback<SetupToggle, AnyView>,
    /// The setup of who records (from the same file), given what closes it.
    staff_setup: Callback<Callback<()>, AnyView>,
    /// Tries again to load the store's code.
    on_retry_store: Callback<()>,
    /// Whether the shown view edits records: elsewhere the bar keeps only
    /// what it has to say (a refused file, a storage problem).
    edits_here: Signal<bool>,
) -> impl IntoView {
    let setup_open = RwSignal::new(false);
    let close_setup = Callback::new(move |()| setup_open.set(false));
    let toggle_setup = Callback::new(move |()| setup_open.update(|o| *o = !*o));
    view! {
        <div class="record-bar no-print" class:quiet=move || !edits_here.get() role="region" aria-label=t(i18n::RECORD_BAR)>
            // Staff's controls are in the `staff` file, which visitors never fetch.
            {move || if progress.can_record() {
                recorder_actions.run(SetupToggle { open: setup_open.into(), toggle: toggle_setup })
            } else {
                view! { <ReadOnlyNote setup_open=setup_open.into() on_start=toggle_setup /> }.into_any()
            }}
            {move || setup_open.get().then(|| staff_setup.run(close_setup))}
            {move || (progress.health.get() == Health::CodeMissing).then(|| view! {
                <div class="notice warning" role="alert">
                    <p>{t(i18n::RECORD_LOAD_FAILED)}</p>
                    <button type="button" on:click=move |_| on_retry_store.run(())>{t(i18n::VIEW_LOAD_RETRY)}</button>
                </div>
            })}
            // Recorders are told why by their own controls; a visitor, who can
            // do nothing about it, that the published record is not used.
            {move || {
                let failed = matches!(progress.published.get(), Published::Refused(_) | Published::Unreachable(_));
                (failed && !progress.can_record())
                    .then(|| view! { <p class="notice warning" role="alert">{t(i18n::PUBLISHED_REFUSED)}</p> })
            }}
        </div>
    }
}
