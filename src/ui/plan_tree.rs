use kama_plan::{Initiative, InitiativeId};
use leptos::prelude::*;

use super::badges::Badges;
use super::PlanRef;
use crate::adapters::history;
use crate::i18n::{self, t};

/// Policies → sub-policies → initiatives. Every initiative is in the DOM, so
/// the browser's find and printing see the whole plan.
#[component]
pub fn PlanTree(
    plan: PlanRef,
    selected: RwSignal<Option<InitiativeId>>,
    on_open: Callback<InitiativeId>,
) -> impl IntoView {
    let policies = plan.policies.iter().map(|policy| {
        let subs = policy.sub_policies.iter().map(|sub| {
            let rows = plan
                .initiatives_of(sub.id)
                .map(|initiative| view! { <InitiativeRow plan initiative selected on_open /> })
                .collect_view();
            view! {
                <section class="sub-policy">
                    <h3><span class="code">{sub.id.to_string()}</span> " " {sub.name.clone()}</h3>
                    <ul class="initiatives">{rows}</ul>
                </section>
            }
        });
        view! {
            <section class="policy">
                <h2><span class="code">{policy.code}</span> " " {policy.name.clone()}</h2>
                {subs.collect_view()}
            </section>
        }
    });
    view! {
        <nav class="plan-tree" aria-label=t(i18n::PLAN_STRUCTURE)>
            {policies.collect_view()}
        </nav>
    }
}

#[component]
fn InitiativeRow(
    plan: PlanRef,
    initiative: &'static Initiative,
    selected: RwSignal<Option<InitiativeId>>,
    on_open: Callback<InitiativeId>,
) -> impl IntoView {
    let id = initiative.id;
    view! {
        <li class="initiative-row" data-initiative-id=id.to_string()>
            <InitiativeLink id on_open current=Signal::derive(move || selected.get() == Some(id))>
                <span class="id">{id.to_string()}</span>
                <span class="name">{plan.display_name(initiative).to_string()}</span>
                <Badges initiative />
            </InitiativeLink>
        </li>
    }
}

/// A real link (`?id=…`): keyboard, middle-click and "open in new tab" work;
/// a plain click opens the initiative in place.
#[component]
pub fn InitiativeLink(
    id: InitiativeId,
    on_open: Callback<InitiativeId>,
    #[prop(optional, into)] current: Signal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <a
            href=history::href_for(id)
            aria-current=move || current.get().then_some("true")
            on:click=move |ev| {
                let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0;
                if !modified {
                    ev.prevent_default();
                    on_open.run(id);
                }
            }
        >
            {children()}
        </a>
    }
}
