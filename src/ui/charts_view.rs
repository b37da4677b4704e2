//! Charts of the plan's composition and progress (placeholder).

use leptos::prelude::*;

use crate::i18n::{self, t};
use crate::state::{Explore, Progress};

#[component]
pub fn ChartsView(explore: Explore, progress: Progress) -> impl IntoView {
    let _ = (explore, progress);
    view! {
        <section class="charts-view">
            <h2>{t(i18n::VIEW_CHARTS)}</h2>
        </section>
    }
}
