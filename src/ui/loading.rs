//! How a part in a split file shows (`splits` has the split points): nothing
//! until its file is in, "loading" if that takes a moment, then the part; if
//! the file cannot be had, a plain message and a button to try again.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::{self, t};
use crate::ui::ready::{self, Part};

/// A split file could not be fetched or instantiated: offline before the
/// service worker had it, or the site was redeployed meanwhile.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

pub type Loaded = Result<AnyView, ChunkFailed>;

type LoadView = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Loaded> + Send>> + Send + Sync>;

/// A split view, e.g. `loading::show(part, move || splits::timeline(explore))`: nothing
/// until its file has loaded ("loading" if that takes a moment, see
/// `.view-loading`), then the view; if the file cannot be had, a plain
/// message and a button to try again. `part` says when it has rendered.
pub fn show<F>(part: Part, load: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Loaded> + Send + 'static,
{
    // Boxed here, so that the rendering below exists once, not once per view.
    shown(Some(part), Arc::new(move || Box::pin(load())))
}

/// As [`show`], for a panel that no test interface waits on (its controls
/// appearing are the sign it is there).
pub fn show_panel<F>(load: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Loaded> + Send + 'static,
{
    shown(None, Arc::new(move || Box::pin(load())))
}

fn shown(part: Option<Part>, load: LoadView) -> AnyView {
    let retry = Trigger::new();
    let pending = RwSignal::new(true);
    view! {
        {move || pending.get().then(|| view! { <p class="prompt view-loading" role="status">{t(i18n::VIEW_LOADING)}</p> })}
        {move || {
            retry.track();
            let loading = load();
            // `Suspend` builds the view under this component's owner once the file is in.
            Suspend::new(async move {
                let loaded = loading.await;
                pending.set(false);
                match loaded {
                    Ok(content) => {
                        if let Some(part) = part {
                            ready::rendered(part);
                        }
                        content
                    }
                    Err(ChunkFailed) => failed(retry, pending),
                }
            })
        }}
    }
    .into_any()
}

fn failed(retry: Trigger, pending: RwSignal<bool>) -> AnyView {
    let again = move |_| {
        pending.set(true);
        retry.notify();
    };
    view! {
        <div class="notice warning view-load-failed" role="alert">
            <p>{t(i18n::VIEW_LOAD_FAILED)}</p>
            <button type="button" on:click=again>{t(i18n::VIEW_LOAD_RETRY)}</button>
        </div>
    }
    .into_any()
}
