use kama_plan::listing::WINDOWING_FROM;
use kama_plan::timeline::{self, Timeline};
use leptos::prelude::*;

use crate::adapters::clock;
use crate::i18n::{self, t};
use crate::state::Explore;
use crate::ui::first::plan_tree::InitiativeLink;

/// Rows the timeline of a large plan draws.
const TIMELINE_ROWS_LARGE: usize = 300;

/// 年次別実行スケジュール as a Gantt chart of the filtered initiatives, drawn
/// with CSS grid from the core's layout (prints as it shows).
///
/// Positions are set as single properties (`style:name=…`, `style=(name, …)`),
/// which Leptos applies with `style.setProperty`: the page's CSP has no
/// `'unsafe-inline'` for styles, and blocks a whole `style="…"` attribute.
#[component]
pub fn TimelineView(
    /// The filtered initiatives drawn, each linking to its initiative.
    explore: Explore,
) -> impl IntoView {
    let plan = explore.plan;
    let today = clock::today();
    // A large plan's timeline draws its first rows only (every bar is DOM).
    let limit = if plan.initiatives.len() >= WINDOWING_FROM { TIMELINE_ROWS_LARGE } else { usize::MAX };
    let layout =
        Memo::new(move |_| explore.result.with(|r| timeline::layout(plan, r.initiatives(plan).take(limit), today)));
    let lang = i18n::use_lang();
    let limited = move || {
        let total = explore.result.with(|r| r.matches.len());
        (total > limit)
            .then(|| view! { <p class="notice">{move || i18n::timeline_limited(lang.get(), limit, total)}</p> })
    };
    view! {
        // The heading is for the outline: on a phone the filter panel (with
        // its h2) is folded away, and the policies' h3 would follow the h1.
        <section class="timeline-view" aria-labelledby="timeline-title">
            <h2 id="timeline-title" class="visually-hidden">{t(i18n::TIMELINE)}</h2>
            {limited}
            {move || layout.with(|l| render(explore, l))}
        </section>
    }
}

fn render(explore: Explore, layout: &Timeline) -> AnyView {
    let header = layout
        .years
        .iter()
        .map(|y| {
            view! {
                <div class="tl-year" class:current=y.is_current style:grid-column=y.grid_column.to_string()>
                    {y.label.clone()}
                    {y.is_current.then(|| view! { <span class="tl-now-label">{t(i18n::CURRENT_FY)}</span> })}
                </div>
            }
        })
        .collect_view();
    let now_column = layout.years.iter().find(|y| y.is_current).map(|y| y.grid_column);
    let groups = layout.groups.iter().map(|g| {
        let subs = g.subs.iter().map(|s| {
            let rows = s.rows.iter().map(|row| {
                let id = row.id;
                let name = row.name.clone();
                let bars = row.bars.iter().map(|b| {
                    let column = format!("{} / {}", b.grid_column_start, b.grid_column_end);
                    view! {
                        <span class="tl-bar" lang="ja" class:inferred=b.inferred style=("--lane", b.lane.to_string()) style:grid-column=column>
                            {b.label.clone()}
                            <span class="visually-hidden">
                                " (" {b.period_label()} {b.inferred.then(|| t(i18n::INFERRED_SHORT))} ")"
                            </span>
                        </span>
                    }
                }).collect_view();
                let empty = row.bars.is_empty();
                view! {
                    <li class="tl-row" data-initiative-id=id.to_string() style=("--lanes", row.lane_count.max(1).to_string())>
                        <span class="tl-label" lang="ja">
                            <InitiativeLink explore id>
                                <span class="id">{id.to_string()}</span> " " {name}
                            </InitiativeLink>
                        </span>
                        {now_column.map(|c| view! { <span class="tl-now" aria-hidden="true" style:grid-column=c.to_string()></span> })}
                        {bars}
                        {empty.then(|| view! { <span class="tl-none">{t(i18n::SCHEDULE_NONE)}</span> })}
                    </li>
                }
            }).collect_view();
            view! {
                <h4 class="tl-sub" lang="ja"><span class="code">{s.id.to_string()}</span> " " {s.name.clone()}</h4>
                <ul class="tl-rows">{rows}</ul>
            }
        }).collect_view();
        view! {
            <section class="tl-policy">
                <h3 lang="ja"><span class="code">{g.code}</span> " " {g.name.clone()}</h3>
                {subs}
            </section>
        }
    }).collect_view();
    let legend = layout.legend_needed_for_inferred();
    view! {
        <div class="tl-legend">
            <span class="tl-bar tl-sample">{t(i18n::LEGEND_BAR)}</span>
            {legend.then(|| view! { <span class="tl-bar tl-sample inferred">{t(i18n::LEGEND_INFERRED_BAR)}</span> })}
            <span class="tl-sample-now">{t(i18n::LEGEND_CURRENT_FY)}</span>
        </div>
        <div class="tl-head" aria-hidden="true">{header}</div>
        {groups}
        <p class="empty" hidden=layout.row_count > 0>{t(i18n::NO_MATCHES)}</p>
    }
    .into_any()
}
