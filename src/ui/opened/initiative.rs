//! An opened initiative: its texts, schedule, KPIs, related initiatives and
//! its progress editor. In the `detail` split file.

use kama_plan::search::Query;
use kama_plan::{Initiative, InitiativeId, KpiRole};
use leptos::html;
use leptos::prelude::*;

use crate::adapters::focus;
use crate::i18n::{self, t};
use crate::state::{Explore, Progress};
use crate::ui::first::badges::Badges;
use crate::ui::first::highlight::Highlighted;
use crate::ui::first::plan_tree::InitiativeLink;
use crate::ui::opened::progress_editor::{self, ProgressEditor};
use crate::ui::views::kpis::KpiLink;

#[component]
pub fn InitiativeDetail(
    /// The search words, the list around it and the year shown; closes it
    /// and opens others.
    explore: Explore,
    /// The record its progress editor writes to.
    progress: Progress,
    /// The initiative shown.
    initiative: &'static Initiative,
) -> impl IntoView {
    let plan = explore.plan;
    let query = explore.query;
    let close = move |_| explore.close();
    // A shared link or later filtering can leave the open initiative outside the list.
    let position = plan.initiatives.iter().position(|i| i.id == initiative.id);
    let in_results = Memo::new(move |_| explore.result.with(|r| position.is_some_and(|n| r.matches.contains(&n))));
    let heading = NodeRef::<html::H2>::new();
    // Land keyboard and screen-reader users on what they just opened: its
    // editor when they came from the previous one's 次の取組へ.
    let to_editor = progress_editor::take_focus_request();
    Effect::new(move |_| {
        if to_editor {
            focus::element(progress_editor::FIRST_FIELD);
        } else if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let year = explore.reported_year();
    let on_year = Callback::new(move |y| explore.set_year(y));
    let on_open = Callback::new(move |id| explore.open(id));
    // The initiatives before and after this one in the list as filtered now.
    let neighbours = explore.result.with_untracked(|r| {
        let at = position.and_then(|p| r.matches.iter().position(|&m| m == p));
        let id =
            |n: Option<usize>| n.and_then(|n| r.matches.get(n)).and_then(|&m| plan.initiatives.get(m)).map(|i| i.id);
        (id(at.and_then(|a| a.checked_sub(1))), id(at.map(|a| a + 1)))
    });
    let lang = i18n::use_lang();

    let policy = plan.policy(initiative.policy);
    let sub = plan.sub_policy(initiative.sub_policy_id());
    let crumbs = format!(
        "{} {} › {} {}",
        initiative.policy,
        policy.map(|p| p.name.as_str()).unwrap_or_default(),
        initiative.sub_policy_id(),
        sub.map(|s| s.name.as_str()).unwrap_or_default(),
    );

    view! {
        <article class="initiative-detail" data-detail-id=initiative.id.to_string()>
            <button type="button" class="back" on:click=close>
                "← " {t(i18n::BACK_TO_LIST)}
            </button>
            <p class="crumbs" lang="ja">{crumbs}</p>
            <h2 tabindex="-1" node_ref=heading lang="ja">
                <span class="id">{initiative.id.to_string()}</span> " " {plan.display_name(initiative).to_string()}
            </h2>
            <Badges initiative />
            // On a phone the editor is far below: one tap away.
            <p class="jump no-print">
                <button type="button" class="jump-to-record" on:click=move |_| focus::element(progress_editor::FIRST_FIELD)>
                    {move || i18n::jump_to_record(lang.get(), year.get())}
                </button>
            </p>
            <p class="note" hidden=move || in_results.get()>{t(i18n::NOT_IN_RESULTS)}</p>
            <dl class="fields">
                <dt>{t(i18n::TEXT.with_plan_word(plan.plan.levels().initiative))}</dt>
                <dd class="plan-text" lang="ja"><Highlighted text=initiative.text.clone() query /></dd>
                <dt>{t(i18n::SHORT_NAME)}</dt>
                <dd lang="ja">{initiative.short_name.clone()}</dd>
                <dt>{t(i18n::SITUATION)}</dt>
                <dd class="plan-text" lang="ja"><Highlighted text=or_dash(&initiative.situation) query /></dd>
                {plan.plan.flags.direction.as_deref().map(|word| view! {
                    <dt>{t(i18n::DIRECTION.with_plan_word(word))}</dt>
                    <dd>
                        {match initiative.direction.clone() {
                            Some(d) => view! { <span lang="ja">{d}</span> }.into_any(),
                            None => t(i18n::DIRECTION_NONE).into_any(),
                        }}
                    </dd>
                })}
                <dt>{t(i18n::KPIS)}</dt>
                <dd><KpiList explore initiative /></dd>
                <dt>{t(i18n::SCHEDULE)}</dt>
                <dd><ScheduleTable initiative query /></dd>
                {initiative.remarks.clone().map(|r| view! {
                    <dt>{t(i18n::REMARKS)}</dt>
                    <dd class="plan-text" lang="ja"><Highlighted text=r query /></dd>
                })}
                // The plan table's own columns (担当課, 目標値, …), titled as the table titles them.
                {plan.custom_fields(initiative).map(|(title, value)| view! {
                    <dt lang="ja">{title}</dt>
                    <dd class="plan-text" lang="ja"><Highlighted text=value.to_string() query /></dd>
                }).collect_view()}
                {initiative.relisted_from.map(|original| view! {
                    <dt>{t(i18n::RELISTED_FROM)}</dt>
                    <dd><RelatedLink explore id=original /></dd>
                })}
                {(!initiative.relisted_in.is_empty()).then(|| view! {
                    <dt>{t(i18n::RELISTED_IN)}</dt>
                    <dd>
                        <ul class="plain">
                            {initiative.relisted_in.iter().map(|&id| view! {
                                <li><RelatedLink explore id /></li>
                            }).collect_view()}
                        </ul>
                    </dd>
                })}
            </dl>
            <ProgressEditor progress id=initiative.id year on_year neighbours on_open />
        </article>
    }
}

fn or_dash(s: &str) -> String {
    if s.is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}

#[component]
fn RelatedLink(
    /// Names the initiative, links to it and opens it.
    explore: Explore,
    /// The related initiative.
    id: InitiativeId,
) -> impl IntoView {
    let plan = explore.plan;
    let name = plan.initiative(id).map(|i| plan.display_name(i).to_string()).unwrap_or_default();
    view! {
        <InitiativeLink explore id>
            <span class="id">{id.to_string()}</span> " " <span lang="ja">{name}</span>
        </InitiativeLink>
    }
}

#[component]
fn KpiList(
    /// Names the KPIs and links each to the KPI view.
    explore: Explore,
    /// The initiative whose KPIs are listed.
    initiative: &'static Initiative,
) -> impl IntoView {
    let plan = explore.plan;
    if initiative.kpis.is_empty() {
        return view! { <span>{t(i18n::KPI_NONE)}</span> }.into_any();
    }
    let items = initiative.kpis.iter().map(|link| {
        let kpi = plan.kpi(link.code);
        let name = kpi.map(|k| k.name.clone()).unwrap_or_default();
        let unit = kpi.and_then(|k| k.unit.clone()).map(|u| format!("（{u}）"));
        view! {
            <li data-kpi-code=link.code.to_string()>
                <KpiLink explore code=Some(link.code)>
                    <span class="id">{link.code.to_string()}</span> " " <span lang="ja">{name}</span>
                </KpiLink>
                {unit.map(|u| view! { <span lang="ja">{u}</span> })}
                {(link.role == KpiRole::Related).then(|| view! {
                    <span class="badge badge-related">{t(i18n::KPI_RELATED)}</span>
                })}
            </li>
        }
    });
    view! { <ul class="plain kpi-list">{items.collect_view()}</ul> }.into_any()
}

#[component]
fn ScheduleTable(
    /// The initiative whose schedule is tabled.
    initiative: &'static Initiative,
    /// The search words marked in the activities.
    query: Memo<Query>,
) -> impl IntoView {
    if initiative.schedule.is_empty() {
        return view! { <span>{t(i18n::SCHEDULE_NONE)}</span> }.into_any();
    }
    let any_inferred = initiative.schedule.iter().any(|s| s.inferred);
    let rows = initiative.schedule.iter().map(|item| {
        view! {
            <tr class:inferred=item.inferred>
                <td class="plan-text" lang="ja"><Highlighted text=item.label.clone() query /></td>
                <td class="period">
                    {item.period_label()}
                    {item.inferred.then(|| view! { <span class="inferred-mark" aria-hidden="true">"*"</span> })}
                </td>
            </tr>
        }
    });
    view! {
        <table class="schedule">
            <thead>
                <tr>
                    <th scope="col">{t(i18n::SCHEDULE_ACTIVITY)}</th>
                    <th scope="col">{t(i18n::SCHEDULE_PERIOD)}</th>
                </tr>
            </thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
        {any_inferred.then(|| view! { <p class="note">"* " {t(i18n::SCHEDULE_INFERRED)}</p> })}
    }
    .into_any()
}
