//! The top of every page: the plan's name, the language switch and the view
//! tabs. Drawn by the app and, rendered natively, in the static first paint
//! (`crates/prerender`), from these same components.

use kama_plan::view_state::View;
use leptos::prelude::*;

use crate::adapters::{focus, prefs};
use crate::i18n::{self, t, Lang, UiLang};
use crate::state::Explore;
use crate::ui::PlanRef;

const TABS: [(View, i18n::Msg); 6] = [
    (View::List, i18n::VIEW_LIST),
    (View::Timeline, i18n::TIMELINE),
    (View::Progress, i18n::VIEW_PROGRESS),
    (View::Report, i18n::VIEW_REPORT),
    (View::Kpis, i18n::VIEW_KPIS),
    (View::Charts, i18n::VIEW_CHARTS),
];

#[component]
pub fn Masthead(
    /// The plan whose name and size are shown.
    plan: PlanRef,
    /// Drawn into the static first paint: the switch is inert until the app
    /// starts.
    #[prop(optional)]
    first_paint: bool,
) -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        <header class="masthead">
            <div class="masthead-text">
                <p class="masthead-org">
                    <span lang="ja">{plan.plan.municipality.clone()}</span> " · " {t(i18n::APP_NAME)}
                </p>
                <h1 lang="ja">{plan.plan.title.clone()}</h1>
                <p class="masthead-period">
                    {move || i18n::plan_period(lang.get(), plan.plan.fiscal_years)} " · "
                    {move || i18n::initiative_count(lang.get(), plan.initiatives.len(), plan.plan.levels().initiative)}
                </p>
            </div>
            <LanguageSwitch first_paint />
        </header>
    }
}

#[component]
pub fn ViewTabs(
    /// The shown view, and the addresses of the others.
    explore: Explore,
    /// A tab pointed at or focused: its view may be opened next.
    on_approach: Callback<View>,
    /// Drawn into the static first paint (`prerendered-tabs`: tests and
    /// `noscript.css` tell these from the app's).
    #[prop(optional)]
    first_paint: bool,
) -> impl IntoView {
    // On a phone the tabs are one scrolling row: the shown one is kept in it.
    Effect::new(move |_| {
        explore.view.track();
        focus::reveal_current_tab();
    });
    view! {
        <nav class="view-tabs" class:prerendered-tabs=first_paint aria-label=t(i18n::VIEWS)>
            {TABS.into_iter().map(|(target, label)| view! { <ViewTab explore target label on_approach /> }).collect_view()}
        </nav>
    }
}

#[component]
fn ViewTab(
    /// Marks the tab current, gives its address, and switches to its view.
    explore: Explore,
    /// The view the tab opens.
    target: View,
    /// The tab's name.
    label: i18n::Msg,
    /// The tab pointed at or focused: its view may be opened next.
    on_approach: Callback<View>,
) -> impl IntoView {
    view! {
        <a
            href=move || explore.href_view(target)
            aria-current=move || (explore.view.get() == target).then_some("page")
            on:pointerenter=move |_| on_approach.run(target)
            on:focus=move |_| on_approach.run(target)
            on:click=move |ev| {
                if crate::ui::is_plain_click(&ev) {
                    ev.prevent_default();
                    explore.set_view(target);
                }
            }
        >
            {t(label)}
        </a>
    }
}

/// 日本語 ⇄ English for the interface; remembered in this browser.
#[component]
fn LanguageSwitch(
    /// Drawn into the static first paint: the switch is inert until the app
    /// starts.
    first_paint: bool,
) -> impl IntoView {
    let lang = use_context::<UiLang>().map(|l| l.0);
    let current = i18n::use_lang();
    let other = move || match current.get() {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    view! {
        <button
            type="button"
            class="lang-switch"
            lang=move || other().code()
            disabled=first_paint
            on:click=move |_| {
                let next = other();
                if let Some(l) = lang {
                    l.set(next);
                }
                prefs::save_lang(next);
            }
        >
            {move || match other() {
                Lang::En => "English",
                Lang::Ja => "日本語",
            }}
        </button>
    }
}
