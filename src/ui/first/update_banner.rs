//! 「新しい版があります」: shown when a new deployment is installed and waiting
//! (see `adapters::offline`); 「再読み込み」 switches to it.

use leptos::prelude::*;

use crate::adapters::offline;
use crate::i18n::{self, t};

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let waiting = offline::watch_updates();
    // The live region is always in the page and only its content appears, so
    // screen readers announce it.
    view! {
        <div class="update-status" role="status">
            <Show when=move || waiting.get()>
                <div class="update-banner">
                    <p>{t(i18n::UPDATE_AVAILABLE)}</p>
                    <button type="button" on:click=move |_| offline::apply_update()>
                        {t(i18n::UPDATE_RELOAD)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
