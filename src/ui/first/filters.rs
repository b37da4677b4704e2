use kama_plan::present::facets::{self, FacetKind, FacetOption};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::first_paint::SEARCH_ID;
use crate::i18n::{self, t, Msg};
use crate::state::Explore;
use crate::ui::first::downloads::{Downloads, EncodePlan};

/// A facet's options and the action that toggles the option at a position.
#[derive(Clone, Copy)]
struct Facet {
    options: Memo<Vec<FacetOption>>,
    toggle: Callback<usize>,
}

/// Facet `kind` as the results and filters make it (`present::facets`).
fn facet(explore: Explore, kind: FacetKind) -> Facet {
    let lang = i18n::use_lang();
    let (plan, result, filters) = (explore.plan, explore.result, explore.filters);
    let options = Memo::new(move |_| {
        let lang = lang.get();
        filters.with(|f| result.with(|r| facets::options(kind, plan, &r.counts, f, lang)))
    });
    let toggle = Callback::new(move |position: usize| {
        explore.update_filters(|f| result.with_untracked(|r| facets::toggle(kind, &r.counts, f, position)));
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

    let [policies, subs, first, directions, kpis, years] = FacetKind::ALL.map(|kind| facet(explore, kind));

    view! {
        <aside id="filters-panel" class="filters" aria-label=t(i18n::FILTERS)>
            <FilterBar explore open_on_phone />
            <div id="filter-options" class="filter-options" class:open=move || open_on_phone.get()>
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
            </div>
        </aside>
    }
}

/// The top of the filter panel: the search box, the result count and, on
/// narrow screens, the button that unfolds the rest. Always in view, and
/// drawn by the first paint too (`crates/prerender`), so that a visitor can
/// type before the app has started (`adapters::first_paint` carries it over).
#[component]
pub fn FilterBar(
    /// The search text and the result it counts.
    explore: Explore,
    /// Whether the rest of the panel is unfolded on a narrow screen.
    open_on_phone: RwSignal<bool>,
    /// Drawn into the static first paint, which has no rest to unfold: the
    /// button is inert until the app starts (the search box is not).
    #[prop(optional)]
    first_paint: bool,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let (result, filters) = (explore.result, explore.filters);
    let count_text = move || result.with(|r| i18n::result_count(lang.get(), r.matches.len(), r.total));
    let set_text = move |text: String| explore.update_filters(|f| f.text = text);
    view! {
        <div class="search">
            <label for=SEARCH_ID>{t(i18n::SEARCH)}</label>
            <input
                id=SEARCH_ID
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
            class="filters-toggle"
            aria-expanded=move || open_on_phone.get().to_string()
            aria-controls=(!first_paint).then_some("filter-options")
            disabled=first_paint
            on:click=move |_| open_on_phone.update(|o| *o = !*o)
        >
            {t(i18n::FILTER_OPTIONS)}
        </button>
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
