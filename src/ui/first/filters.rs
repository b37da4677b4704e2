use std::collections::BTreeSet;

use kama_plan::query::{Direction, FacetCounts, Filters};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{self, t, Lang, Msg};
use crate::state::Explore;
use crate::ui::first::downloads::{Downloads, EncodePlan};

/// One checkbox of a facet, as the current results make it.
#[derive(Debug, Clone, Default, PartialEq)]
struct FacetOption {
    label: String,
    /// The label is the plan's own (Japanese) text, not interface text.
    plan_text: bool,
    count: usize,
    checked: bool,
}

/// A facet's options and the action that toggles the option at a position.
#[derive(Clone, Copy)]
struct Facet {
    options: Memo<Vec<FacetOption>>,
    toggle: Callback<usize>,
}

/// Builds a facet from where its counts and chosen values live. Options keep
/// the order of the counts list, so a position names the same value throughout.
fn facet<T: Ord + Clone + Send + Sync + 'static>(
    explore: Explore,
    counts: fn(&FacetCounts) -> &Vec<(T, usize)>,
    chosen: fn(&mut Filters) -> &mut BTreeSet<T>,
    label: impl Fn(&T, Lang) -> String + Send + Sync + 'static,
    plan_text: fn(&T) -> bool,
) -> Facet {
    let lang = i18n::use_lang();
    let (result, filters) = (explore.result, explore.filters);
    let options = Memo::new(move |_| {
        let mut f = filters.get();
        let lang = lang.get();
        let selected = chosen(&mut f);
        result.with(|r| {
            counts(&r.counts)
                .iter()
                .map(|(value, count)| FacetOption {
                    label: label(value, lang),
                    plan_text: plan_text(value),
                    count: *count,
                    checked: selected.contains(value),
                })
                .collect()
        })
    });
    let toggle = Callback::new(move |k: usize| {
        let Some(value) = result.with_untracked(|r| counts(&r.counts).get(k).map(|p| p.0.clone())) else { return };
        explore.update_filters(|f| {
            let set = chosen(f);
            if !set.remove(&value) {
                set.insert(value);
            }
        });
    });
    Facet { options, toggle }
}

/// Search box, facets with counts, result count, clear-all and downloads.
#[component]
pub fn FilterPanel(
    /// The filters, the search and their result.
    explore: Explore,
    /// The plan's encoders for the downloads.
    encode_plan: EncodePlan,
) -> impl IntoView {
    let plan = explore.plan;
    let (levels, flags) = (plan.plan.levels(), &plan.plan.flags);
    let lang = i18n::use_lang();
    let (result, filters) = (explore.result, explore.filters);
    let open_on_phone = RwSignal::new(false);

    let policies = facet(
        explore,
        |c| &c.policies,
        |f| &mut f.policies,
        move |code, _| format!("{code} {}", plan.policy(*code).map(|p| p.name.as_str()).unwrap_or_default()),
        |_| true,
    );
    let subs = facet(
        explore,
        |c| &c.sub_policies,
        |f| &mut f.sub_policies,
        move |id, _| format!("{id} {}", plan.sub_policy(*id).map(|s| s.name.as_str()).unwrap_or_default()),
        |_| true,
    );
    let first = facet(
        explore,
        |c| &c.first_plan,
        |f| &mut f.first_plan,
        |fp, lang| i18n::first_plan_label(lang, *fp),
        |_| false,
    );
    let directions = facet(
        explore,
        |c| &c.directions,
        |f| &mut f.directions,
        |d, lang| match d {
            Direction::Stated(s) => s.clone(),
            Direction::NotStated => i18n::DIRECTION_NONE.get(lang).to_string(),
        },
        |d| matches!(d, Direction::Stated(_)),
    );
    let kpis = facet(
        explore,
        |c| &c.kpis,
        |f| &mut f.kpis,
        move |code, _| format!("{code} {}", plan.kpi(*code).map(|k| k.name.as_str()).unwrap_or_default()),
        |_| true,
    );
    let years = facet(explore, |c| &c.fiscal_years, |f| &mut f.fiscal_years, |y, _| y.label(), |_| false);

    let count_text = move || result.with(|r| i18n::result_count(lang.get(), r.matches.len(), r.total));
    let set_text = move |text: String| explore.update_filters(|f| f.text = text);

    view! {
        <button
            type="button"
            class="filters-toggle"
            aria-expanded=move || open_on_phone.get().to_string()
            aria-controls="filters-panel"
            on:click=move |_| open_on_phone.update(|o| *o = !*o)
        >
            {t(i18n::FILTERS)} " · " {count_text}
        </button>
        <aside id="filters-panel" class="filters" class:open=move || open_on_phone.get() aria-label=t(i18n::FILTERS)>
            <div class="search">
                <label for="search-input">{t(i18n::SEARCH)}</label>
                <input
                    id="search-input"
                    type="search"
                    autocomplete="off"
                    placeholder=t(i18n::SEARCH_PLACEHOLDER)
                    prop:value=move || filters.with(|f| f.text.clone())
                    // An IME's unfinished text is not searched until it is committed.
                    on:input=move |ev| {
                        let composing = ev.dyn_ref::<web_sys::InputEvent>().is_some_and(|e| e.is_composing());
                        if !composing {
                            set_text(event_target_value(&ev));
                        }
                    }
                    on:compositionend=move |ev| set_text(event_target_value(&ev))
                />
            </div>
            <p class="result-count" role="status">{count_text}</p>
            <button
                type="button"
                class="clear"
                disabled=move || !filters.with(|f| f.is_active())
                on:click=move |_| explore.clear_filters()
            >
                {t(i18n::CLEAR_ALL)}
            </button>
            // Only the marks the plan uses, by the plan's words for them.
            {flags.priority.as_deref().map(|word| view! {
                <label class="facet-option standalone">
                    <input
                        type="checkbox"
                        prop:checked=move || filters.with(|f| f.priority_only)
                        disabled=move || result.with(|r| r.counts.priority == 0) && !filters.with(|f| f.priority_only)
                        on:change=move |_| explore.update_filters(|f| f.priority_only = !f.priority_only)
                    />
                    <span class="facet-label">{move || i18n::priority_only(lang.get(), word)}</span>
                    <span class="count">{move || result.with(|r| r.counts.priority)}</span>
                </label>
            })}
            <FacetGroup legend=i18n::POLICIES.with_plan_word(levels.policy) facet=policies open=true />
            // A plan of two levels has one sub-policy per policy, named as the policy.
            {levels.sub_policy.map(|word| view! { <FacetGroup legend=i18n::SUB_POLICIES.with_plan_word(word) facet=subs /> })}
            {flags.first_plan.as_deref().map(|word| view! { <FacetGroup legend=i18n::FIRST_PLAN.with_plan_word(word) facet=first open=true /> })}
            {flags.direction.as_deref().map(|word| view! { <FacetGroup legend=i18n::DIRECTION.with_plan_word(word) facet=directions open=true /> })}
            <FacetGroup legend=i18n::KPIS facet=kpis />
            <FacetGroup legend=i18n::FISCAL_YEAR facet=years open=true />
            <label class="facet-option standalone">
                <input
                    type="checkbox"
                    prop:checked=move || filters.with(|f| f.fold_relisted)
                    on:change=move |_| explore.update_filters(|f| f.fold_relisted = !f.fold_relisted)
                />
                <span class="facet-label">{t(i18n::FOLD_RELISTED)}</span>
            </label>
            <Downloads explore encode=encode_plan />
        </aside>
    }
}

/// A facet's checkboxes. The elements stay put while counts change, so focus
/// is not lost when a box is toggled.
#[component]
fn FacetGroup(
    /// The facet's name, on its summary and legend.
    legend: Msg,
    /// The options with their counts, and what toggles one.
    facet: Facet,
    /// Whether the group starts open (unset: closed, its options built when
    /// first opened).
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let Facet { options, toggle: on_toggle } = facet;
    let len = options.with_untracked(Vec::len);
    let chosen = move || options.with(|o| o.iter().filter(|o| o.checked).count());
    // A closed facet's options are built when it is first opened: the long
    // sub-policy and KPI lists cost nothing on the first render.
    let opened = RwSignal::new(open);
    let items = move || {
        (0..len)
            .map(|k| {
                // One memo per option: only options whose count or state changed touch the DOM.
                let option = Memo::new(move |_| options.with(|o| o.get(k).cloned().unwrap_or_default()));
                view! {
                    <li>
                        <label class="facet-option" class:zero=move || option.with(|o| o.count == 0)>
                            <input
                                type="checkbox"
                                prop:checked=move || option.with(|o| o.checked)
                                disabled=move || option.with(|o| o.count == 0 && !o.checked)
                                on:change=move |_| on_toggle.run(k)
                            />
                            <span class="facet-label" lang=move || option.with(|o| o.plan_text.then_some("ja"))>
                                {move || option.with(|o| o.label.clone())}
                            </span>
                            <span class="count">{move || option.with(|o| o.count)}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details
            class="facet"
            open=open
            on:toggle=move |ev| {
                let now_open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                if now_open && !opened.get_untracked() {
                    opened.set(true);
                }
            }
        >
            <summary>
                {t(legend)}
                <span class="chosen" hidden=move || chosen() == 0>{chosen}</span>
            </summary>
            <fieldset>
                <legend class="visually-hidden">{t(legend)}</legend>
                <ul class="facet-options">{move || opened.get().then(items)}</ul>
            </fieldset>
        </details>
    }
}
