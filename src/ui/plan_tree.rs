use kama_plan::{Initiative, InitiativeId};
use leptos::prelude::*;

use super::badges::Badges;
use super::highlight::{Highlighted, MatchExcerpt};
use crate::i18n::{self, t};
use crate::state::Explore;

/// Policies → sub-policies → the initiatives that match the filters. At the
/// real plan's size every match is in the DOM, so the browser's find and
/// printing see them all.
#[component]
pub fn PlanTree(explore: Explore) -> impl IntoView {
    let plan = explore.plan;
    let in_results = move |keep: &dyn Fn(&Initiative) -> bool| -> Vec<&'static Initiative> {
        explore.result.with(|r| r.matches.iter().filter_map(|&n| plan.initiatives.get(n)).filter(|i| keep(i)).collect())
    };
    let policies = plan.policies.iter().map(move |policy| {
        let code = policy.code;
        let subs = policy.sub_policies.iter().map(move |sub| {
            let id = sub.id;
            let rows = Memo::new(move |_| in_results(&|i| i.sub_policy_id() == id));
            view! {
                <section class="sub-policy" hidden=move || rows.with(Vec::is_empty)>
                    <h3 lang="ja"><span class="code">{id.to_string()}</span> " " {sub.name.clone()}</h3>
                    <ul class="initiatives">
                        <For
                            each=move || rows.get()
                            key=|i| i.id
                            children=move |initiative| view! { <InitiativeRow explore initiative /> }
                        />
                    </ul>
                </section>
            }
        });
        let any = Memo::new(move |_| {
            explore
                .result
                .with(|r| r.matches.iter().any(|&n| plan.initiatives.get(n).is_some_and(|i| i.policy == code)))
        });
        view! {
            <section class="policy" hidden=move || !any.get()>
                <h2 lang="ja"><span class="code">{code}</span> " " {policy.name.clone()}</h2>
                {subs.collect_view()}
            </section>
        }
    });
    view! {
        <nav class="plan-tree" aria-label=t(i18n::PLAN_STRUCTURE)>
            {policies.collect_view()}
            <p class="empty" hidden=move || explore.result.with(|r| !r.matches.is_empty())>
                {t(i18n::NO_MATCHES)} " "
                <button type="button" class="link-button" on:click=move |_| explore.clear_filters()>
                    {t(i18n::CLEAR_ALL)}
                </button>
            </p>
        </nav>
    }
}

#[component]
fn InitiativeRow(explore: Explore, initiative: &'static Initiative) -> impl IntoView {
    let id = initiative.id;
    view! {
        <li class="initiative-row" data-initiative-id=id.to_string()>
            <InitiativeLink explore id current=Signal::derive(move || explore.open.get() == Some(id))>
                <span class="id"><Highlighted text=id.to_string() query=explore.query /></span>
                <span class="name" lang="ja"><Highlighted text=explore.plan.display_name(initiative).to_string() query=explore.query /></span>
                <Badges initiative />
                <MatchExcerpt plan=explore.plan initiative query=explore.query />
            </InitiativeLink>
        </li>
    }
}

/// A real link (`?…&id=…`): keyboard, middle-click and "open in new tab"
/// work; a plain click opens the initiative in place.
#[component]
pub fn InitiativeLink(
    explore: Explore,
    id: InitiativeId,
    #[prop(optional, into)] current: Signal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <a
            href=move || explore.href_open(id)
            aria-current=move || current.get().then_some("true")
            on:click=move |ev| {
                if super::is_plain_click(&ev) {
                    ev.prevent_default();
                    explore.open(id);
                }
            }
        >
            {children()}
        </a>
    }
}
