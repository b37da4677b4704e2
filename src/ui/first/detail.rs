//! The side of the list: the open initiative (its own split file, passed in
//! by the app's root), or the plan overview when none is open.

use kama_plan::Initiative;
use leptos::prelude::*;

use crate::i18n::{self, t};
use crate::state::Explore;
use crate::ui::ready::{self, Part};
use crate::ui::PlanRef;

/// The open initiative, or the plan overview when none is open.
#[component]
pub fn Detail(
    /// The plan and the open initiative.
    explore: Explore,
    /// An initiative's own view (from its split file), once it is open.
    opened: Callback<&'static Initiative, AnyView>,
) -> impl IntoView {
    let plan = explore.plan;
    view! {
        <section id="detail" class="detail" aria-label=t(i18n::DETAIL)>
            {move || match explore.open.get().map(|id| (id, plan.initiative(id))) {
                None => view! { <Overview plan /> }.into_any(),
                Some((id, None)) => {
                    ready::rendered(Part::Detail(id));
                    view! { <p class="prompt" role="alert">{t(i18n::NOT_FOUND)}</p> }.into_any()
                }
                Some((_, Some(initiative))) => opened.run(initiative),
            }}
        </section>
    }
}

/// Shown while no initiative is open: the plan in numbers and how to read the labels.
#[component]
fn Overview(
    /// The plan counted in the numbers.
    plan: PlanRef,
) -> impl IntoView {
    let (levels, flags) = (plan.plan.levels(), &plan.plan.flags);
    let stats = [
        Some((i18n::POLICIES.with_plan_word(levels.policy), plan.policies.len())),
        levels.sub_policy.map(|word| {
            (i18n::SUB_POLICIES.with_plan_word(word), plan.policies.iter().map(|p| p.sub_policies.len()).sum())
        }),
        Some((i18n::INITIATIVES.with_plan_word(levels.initiative), plan.initiatives.len())),
        flags.priority.as_deref().map(|word| {
            (i18n::PRIORITY_INITIATIVES.with_plan_word(word), plan.initiatives.iter().filter(|i| i.priority).count())
        }),
        Some((i18n::KPI_COUNT, plan.kpis.len())),
    ];
    view! {
        <div class="overview">
            <p class="prompt">{t(i18n::SELECT_PROMPT)}</p>
            <h2>{t(i18n::OVERVIEW)}</h2>
            <dl class="stats">
                {stats.into_iter().flatten().map(|(label, n)| view! {
                    <div><dt>{t(label)}</dt><dd>{n}</dd></div>
                }).collect_view()}
            </dl>
            <h2>{t(i18n::LEGEND)}</h2>
            <ul class="plain legend">
                // Only the marks the plan uses, by the plan's words for them.
                {flags.priority.as_deref().map(|word| view! {
                    <li><span class="badge badge-priority">{t(i18n::PRIORITY)}</span> " " {t(i18n::LEGEND_PRIORITY.with_plan_word(word))}</li>
                })}
                {flags.first_plan.as_deref().map(|word| view! {
                    <li><span class="badge badge-first"><span class="badge-key">{t(i18n::FIRST_PLAN_SHORT)}</span><span lang="ja">"継続"</span></span> " " {t(i18n::LEGEND_FIRST_PLAN.with_plan_word(word))}</li>
                })}
                {flags.direction.as_deref().map(|word| view! {
                    <li><span class="badge badge-direction"><span class="badge-key">{t(i18n::DIRECTION_SHORT)}</span><span lang="ja">"強化"</span></span> " " {t(i18n::LEGEND_DIRECTION.with_plan_word(word))}</li>
                })}
                <li><span class="badge badge-relisted">{t(i18n::RELISTED)}</span> " " {t(i18n::LEGEND_RELISTED)}</li>
            </ul>
        </div>
    }
}
