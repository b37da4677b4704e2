use kama_plan::listing::{self, Row, Window, WINDOWING_FROM};
use kama_plan::search::Query;
use kama_plan::{Initiative, InitiativeId};
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{self, t};
use crate::state::Explore;
use crate::ui::first::badges::Badges;
use crate::ui::first::highlight::{Highlighted, MatchExcerpt};
use crate::ui::PlanRef;

/// Policies → sub-policies → the initiatives that match the filters. At the
/// real plan's size every match is in the DOM, so the browser's find and
/// printing see them all; large plans get a windowed list instead.
#[component]
pub fn PlanTree(
    /// The plan, the filters' result and the open initiative.
    explore: Explore,
    /// Pointing at or tabbing into the list: a row may be opened next.
    on_approach: Callback<()>,
) -> impl IntoView {
    let rows = if explore.plan.initiatives.len() >= WINDOWING_FROM {
        view! { <WindowedRows explore /> }.into_any()
    } else {
        view! { <AllRows explore /> }.into_any()
    };
    view! {
        <nav
            class="plan-tree"
            aria-label=t(i18n::PLAN_STRUCTURE)
            on:pointerover=move |_| on_approach.run(())
            on:focusin=move |_| on_approach.run(())
        >
            {rows}
            <p class="empty" hidden=move || explore.result.with(|r| !r.matches.is_empty())>
                {t(i18n::NO_MATCHES)} " "
                <button type="button" class="link-button" on:click=move |_| explore.clear_filters()>
                    {t(i18n::CLEAR_ALL)}
                </button>
            </p>
        </nav>
    }
}

/// Every initiative, in sections; those that don't match are hidden, not
/// removed. A keystroke or a facet click then sets a few `hidden` attributes
/// instead of removing and rebuilding rows (DOM removal, insertion and
/// string decoding are what a keystroke would cost), and a hidden row's link
/// and marks wait until it shows again.
#[component]
fn AllRows(
    /// The plan listed, and the filters' result that hides rows and sections.
    explore: Explore,
) -> impl IntoView {
    let plan = explore.plan;
    let count = plan.initiatives.len();
    let shown_now = move |matches: &[usize]| {
        let mut shown = vec![false; count];
        for &n in matches {
            if let Some(s) = shown.get_mut(n) {
                *s = true;
            }
        }
        shown
    };
    // Whether each row, and each section, shows: a signal each, set by the
    // one effect below only when it changes. A memo per row would notify
    // every row on every change, and notifying clones the subscriber set.
    let initial = explore.result.with_untracked(|r| shown_now(&r.matches));
    let rows_shown: Vec<RwSignal<bool>> = initial.iter().map(|&s| RwSignal::new(s)).collect();
    let mut sections: Vec<(Vec<usize>, RwSignal<bool>)> = Vec::new();
    let mut section = |members: Vec<usize>| {
        let open = RwSignal::new(members.iter().any(|&n| initial.get(n).copied().unwrap_or(false)));
        sections.push((members, open));
        open
    };
    let policies: Vec<_> = plan
        .policies
        .iter()
        .map(|policy| {
            let mut in_policy = Vec::new();
            let subs: Vec<_> = policy
                .sub_policies
                .iter()
                .map(|sub| {
                    let members: Vec<usize> =
                        (0..count).filter(|&n| plan.initiatives[n].sub_policy_id() == sub.id).collect();
                    in_policy.extend(&members);
                    (sub, members.clone(), section(members))
                })
                .collect();
            (policy, subs, section(in_policy))
        })
        .collect();
    let signals = rows_shown.clone();
    Effect::new(move |_| {
        explore.result.with(|r| {
            let now = shown_now(&r.matches);
            for (signal, &shown) in signals.iter().zip(&now) {
                if signal.get_untracked() != shown {
                    signal.set(shown);
                }
            }
            for (members, open) in &sections {
                let shown = members.iter().any(|&n| now.get(n).copied().unwrap_or(false));
                if open.get_untracked() != shown {
                    open.set(shown);
                }
            }
        })
    });
    policies
        .into_iter()
        .map(|(policy, subs, open)| {
            let code = policy.code;
            let subs = subs
                .into_iter()
                .map(|(sub, members, open)| {
                    let rows: Vec<_> = members
                        .iter()
                        .map(|&n| {
                            let visible = Signal::from(rows_shown[n]);
                            view! { <InitiativeRow explore initiative=&plan.initiatives[n] visible /> }
                        })
                        .collect();
                    view! {
                        <section class="sub-policy" hidden=move || !open.get()>
                            <h3 lang="ja"><span class="code">{sub.id.to_string()}</span> " " {sub.name.clone()}</h3>
                            <ul class="initiatives">{rows}</ul>
                        </section>
                    }
                })
                .collect_view();
            view! {
                <section class="policy" hidden=move || !open.get()>
                    <h2 lang="ja"><span class="code">{code}</span> " " {policy.name.clone()}</h2>
                    {subs}
                </section>
            }
        })
        .collect_view()
}

/// Height of every row of the windowed list, in px; `.plan-window` rows in
/// styles.css have exactly this height.
const ROW_PX: f64 = 56.0;
/// Rows rendered beyond each edge of the window.
const OVERSCAN: usize = 6;

/// Large plans: the same rows, but only those scrolled into view are in the
/// DOM, in a box of fixed-height rows.
#[component]
fn WindowedRows(
    /// The plan and the filters' result, listed as rows.
    explore: Explore,
) -> impl IntoView {
    let plan = explore.plan;
    let rows = Memo::new(move |_| explore.result.with(|r| listing::rows(plan, &r.matches)));
    let viewport = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1000.0);
    // (scroll top, box height) in px.
    let scroll = RwSignal::new((0.0, viewport));
    let window_rows = Memo::new(move |_| {
        let (top, height) = scroll.get();
        rows.with(|r| Window::of(r.len(), ROW_PX, top, height, OVERSCAN))
    });
    let shown = Memo::new(move |_| {
        let w = window_rows.get();
        rows.with(|r| {
            let total = r.len();
            let slice = r.get(w.start..w.end).unwrap_or_default();
            slice.iter().enumerate().map(|(k, &row)| (w.start + k, row, total)).collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| rows.with(Vec::len));
    let container = NodeRef::<html::Div>::new();
    // New results start at the top. Only when scrolled: setting scrollTop
    // forces a layout, which a keystroke in a large plan would pay each time.
    Effect::new(move |_| {
        rows.track();
        if scroll.with_untracked(|s| s.0 > 0.0) {
            if let Some(el) = container.get_untracked() {
                el.set_scroll_top(0);
            }
            scroll.update(|s| s.0 = 0.0);
        }
    });
    // Whole pixels (rows are ROW_PX high): formatting an integer keeps f64
    // formatting, which only the split-off views need, out of the first visit.
    let px = |v: f64| format!("{}px", v.round() as i64);
    view! {
        <div
            class="plan-window"
            node_ref=container
            on:scroll=move |_| {
                if let Some(el) = container.get_untracked() {
                    scroll.set((f64::from(el.scroll_top()), f64::from(el.client_height())));
                }
            }
        >
            <ul
                class="window-rows"
                style:height=move || px(total.get() as f64 * ROW_PX)
                style:padding-top=move || px(window_rows.get().offset(ROW_PX))
            >
                <For
                    each=move || shown.get()
                    key=|entry| *entry
                    children=move |(pos, row, total)| view! { <WindowRow explore row pos total /> }
                />
            </ul>
        </div>
    }
}

/// One row of the windowed list; its position is announced, since most
/// of the list is not in the DOM. (Keyed by position and size too, so a
/// row is rebuilt rather than left with a stale position.)
#[component]
fn WindowRow(
    /// The plan, for the headings' names, and what an initiative row links to.
    explore: Explore,
    /// The heading or initiative the row shows.
    row: Row,
    /// The row's place in the list (0-based), announced.
    pos: usize,
    /// How many rows the list has, announced.
    total: usize,
) -> impl IntoView {
    let plan: PlanRef = explore.plan;
    let (size, at) = (total, pos + 1);
    match row {
        Row::Policy(code) => {
            let name = plan.policies.iter().find(|p| p.code == code).map(|p| p.name.clone()).unwrap_or_default();
            view! {
                <li class="window-heading policy" aria-setsize=size aria-posinset=at>
                    <h2 lang="ja"><span class="code">{code}</span> " " {name}</h2>
                </li>
            }
            .into_any()
        }
        Row::SubPolicy(id) => {
            let name = plan.sub_policy(id).map(|s| s.name.clone()).unwrap_or_default();
            view! {
                <li class="window-heading sub-policy" aria-setsize=size aria-posinset=at>
                    <h3 lang="ja"><span class="code">{id.to_string()}</span> " " {name}</h3>
                </li>
            }
            .into_any()
        }
        Row::Initiative(n) => match plan.initiatives.get(n) {
            Some(initiative) => view! { <InitiativeRow explore initiative position=(at, size) /> }.into_any(),
            None => ().into_any(),
        },
    }
}

#[component]
fn InitiativeRow(
    /// Links the row to its initiative, marks it when open, and highlights
    /// the search words.
    explore: Explore,
    /// The initiative the row lists.
    initiative: &'static Initiative,
    /// In a windowed list: (1-based position, rows in the list).
    #[prop(optional)]
    position: Option<(usize, usize)>,
    /// In the full list: whether the row matches (it is hidden otherwise).
    #[prop(optional)]
    visible: Option<Signal<bool>>,
) -> impl IntoView {
    let id = initiative.id;
    let showing = move || visible.is_none_or(|v| v.get());
    // While hidden, the row keeps its last marks instead of following the search.
    let query = Memo::new(move |last: Option<&Query>| match last {
        Some(last) if !showing() => last.clone(),
        _ => explore.query.get(),
    });
    view! {
        <li
            class="initiative-row"
            data-initiative-id=id.to_string()
            hidden=move || !showing()
            aria-setsize=position.map(|(_, size)| size)
            aria-posinset=position.map(|(at, _)| at)
        >
            <InitiativeLink explore id current=Signal::derive(move || explore.open.get() == Some(id)) live=Signal::derive(showing)>
                <span class="id"><Highlighted text=id.to_string() query /></span>
                <span class="name" lang="ja"><Highlighted text=explore.plan.display_name(initiative).to_string() query /></span>
                <Badges initiative />
                <MatchExcerpt plan=explore.plan initiative query />
            </InitiativeLink>
        </li>
    }
}

/// A real link (`?…&id=…`): keyboard, middle-click and "open in new tab"
/// work; a plain click opens the initiative in place.
#[component]
pub fn InitiativeLink(
    /// Gives the link its address and opens the initiative on a plain click.
    explore: Explore,
    /// The initiative linked to.
    id: InitiativeId,
    /// Whether it is the open initiative (marked `aria-current`).
    #[prop(optional, into)]
    current: Signal<bool>,
    /// While false, the link keeps its last address instead of following
    /// every filter change (a hidden row; unset: always follows).
    #[prop(optional, into)]
    live: Option<Signal<bool>>,
    /// What the link shows.
    children: Children,
) -> impl IntoView {
    let href = Memo::new(move |last: Option<&String>| match last {
        Some(last) if live.is_some_and(|l| !l.get()) => last.clone(),
        _ => explore.href_open(id),
    });
    view! {
        <a
            href=href
            aria-current=move || current.get().then_some("true")
            on:click=move |ev| {
                if crate::ui::is_plain_click(&ev) {
                    ev.prevent_default();
                    explore.open(id);
                }
            }
        >
            {children()}
        </a>
    }
}
