use kama_plan::{InitiativeId, Plan, PLAN_JSON};
use leptos::prelude::*;

use super::detail::Detail;
use super::plan_tree::PlanTree;
use super::PlanRef;
use crate::adapters::{focus, history};
use crate::i18n::{self, t, Lang, UiLang};

#[component]
pub fn App() -> impl IntoView {
    provide_context(UiLang(RwSignal::new(Lang::Ja)));
    match Plan::from_json(PLAN_JSON) {
        // Leaked once per mount: the plan lives as long as the page.
        Ok(plan) => view! { <Tracker plan=Box::leak(Box::new(plan)) /> }.into_any(),
        Err(err) => view! { <LoadError detail=err.to_string() /> }.into_any(),
    }
}

/// What a user opens: the plan's structure beside the open initiative.
#[component]
fn Tracker(plan: PlanRef) -> impl IntoView {
    let selected = RwSignal::new(history::current_id());
    history::on_navigate(move |id| selected.set(id));

    let on_open = Callback::new(move |id: InitiativeId| {
        history::push_id(Some(id));
        selected.set(Some(id));
    });
    let on_close = Callback::new(move |()| {
        let was = selected.get_untracked();
        history::push_id(None);
        selected.set(None);
        // Keyboard users return to the row they came from.
        if let Some(id) = was {
            focus::row_link(id);
        }
    });
    let meta = &plan.plan;

    view! {
        <a class="skip-link" href="#detail">{t(i18n::SKIP_TO_DETAIL)}</a>
        <header class="masthead">
            <p class="masthead-org">{t(i18n::MUNICIPALITY)} " · " {t(i18n::APP_NAME)}</p>
            <h1>{meta.title.clone()}</h1>
            <p class="masthead-period">
                {t(i18n::PLAN_PERIOD)} " · " {plan.initiatives.len()} {t(i18n::INITIATIVE_COUNT_SUFFIX)}
            </p>
        </header>
        <main class="layout" class:detail-open=move || selected.get().is_some()>
            <PlanTree plan selected on_open />
            <Detail plan selected on_open on_close />
        </main>
        <footer class="site-footer">
            <p>{t(i18n::SOURCE_NOTE)}</p>
            <p>
                <a href="plan.json" download="kama-sme-plan.json">{t(i18n::OPEN_DATA)}</a>
                " · "
                <a href="README.md">{t(i18n::OPEN_DATA_FIELDS)}</a>
            </p>
        </footer>
    }
}

#[component]
fn LoadError(detail: String) -> impl IntoView {
    view! {
        <main class="load-error" role="alert">
            <h1>{t(i18n::LOAD_ERROR)}</h1>
            <pre>{detail}</pre>
        </main>
    }
}
