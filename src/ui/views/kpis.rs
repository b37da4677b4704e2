//! The 27 numeric targets (数値目標): a catalog grouped by policy, and one
//! KPI's baseline / target / actual per fiscal year, editable by staff
//! through the progress store (so undo, saving, export and merge apply).

use kama_plan::kpi::{self, Rating, ValueError, ValueKind};
use kama_plan::present::charts::kpi_target_vs_actual;
use kama_plan::progress::edit::{self, Edit, KpiField};
use kama_plan::progress::{CellKey, KpiCell, Record};
use kama_plan::{FiscalYear, Kpi, KpiCode, KpiRole};
use leptos::prelude::*;

use crate::i18n::{self, t, Lang};
use crate::state::{Explore, Progress};
use crate::ui::first::plan_tree::InitiativeLink;
use crate::ui::views::chart::{chart_spec, use_chart_labels, ChartFigure};
use crate::ui::PlanRef;

#[component]
pub fn KpiView(
    /// The KPI open, if any, and the links to KPIs and initiatives.
    explore: Explore,
    /// The record whose values are shown and edited.
    progress: Progress,
) -> impl IntoView {
    let plan = explore.plan;
    move || match explore.kpi.get().map(|code| (code, plan.kpi(code))) {
        None => view! { <KpiCatalog explore progress /> }.into_any(),
        Some((_, Some(kpi))) => view! { <KpiDetail explore progress kpi /> }.into_any(),
        Some((_, None)) => view! { <p class="prompt" role="alert">{t(i18n::NOT_FOUND)}</p> }.into_any(),
    }
}

/// A real link to one KPI's page; a plain click opens it in place.
#[component]
pub fn KpiLink(
    /// Gives the link its address and opens the KPI on a plain click.
    explore: Explore,
    /// The KPI linked to (`None`: the catalog).
    code: Option<KpiCode>,
    /// What the link shows.
    children: Children,
) -> impl IntoView {
    view! {
        <a
            href=move || explore.href_kpi(code)
            on:click=move |ev| {
                if crate::ui::is_plain_click(&ev) {
                    ev.prevent_default();
                    explore.open_kpi(code);
                }
            }
        >
            {children()}
        </a>
    }
}

#[component]
fn KpiCatalog(
    /// The plan's policies and KPIs, and the links to them and their initiatives.
    explore: Explore,
    /// The record whose actuals the sparklines draw.
    progress: Progress,
) -> impl IntoView {
    let plan = explore.plan;
    let policies = plan.policies.iter().map(move |policy| {
        let kpis = plan.kpis.iter().filter(|k| k.code.policy == policy.code).map(move |kpi| {
            view! {
                <li class="kpi-card" data-kpi-code=kpi.code.to_string()>
                    <h4>
                        <KpiLink explore code=Some(kpi.code)>
                            <span class="id">{kpi.code.to_string()}</span> " "
                            <span lang="ja">{kpi.name.clone()}</span>
                        </KpiLink>
                        {kpi.unit.clone().map(|u| view! { <span class="unit" lang="ja">"（" {u} "）"</span> })}
                    </h4>
                    <Sparkline plan=progress.plan record=progress.shown kpi />
                    <NamingInitiatives explore code=kpi.code />
                </li>
            }
        });
        view! {
            <section class="kpi-policy">
                <h3 lang="ja"><span class="code">{policy.code}</span> " " {policy.name.clone()}</h3>
                <ul class="kpi-cards">{kpis.collect_view()}</ul>
            </section>
        }
    });
    view! {
        <section class="kpi-view" aria-labelledby="kpi-title">
            <h2 id="kpi-title">{t(i18n::VIEW_KPIS)} " (" {plan.kpis.len()} ")"</h2>
            <p class="hint">{t(i18n::KPI_CATALOG_HINT)}</p>
            {policies.collect_view()}
        </section>
    }
}

/// The initiatives that name a KPI, primary first.
#[component]
fn NamingInitiatives(
    /// The plan's initiatives, searched for the KPI and linked to.
    explore: Explore,
    /// The KPI named.
    code: KpiCode,
) -> impl IntoView {
    let plan = explore.plan;
    let all: Vec<_> =
        plan.initiatives.iter().filter_map(|i| i.kpis.iter().find(|k| k.code == code).map(|k| (k.role, i))).collect();
    // Primary first, each group in plan order (a partition, not a sort: each
    // sort instantiation costs kilobytes of wasm).
    let (mut naming, related): (Vec<_>, Vec<_>) = all.into_iter().partition(|(role, _)| *role != KpiRole::Related);
    naming.extend(related);
    if naming.is_empty() {
        return view! { <p class="hint">{t(i18n::KPI_NO_INITIATIVES)}</p> }.into_any();
    }
    view! {
        <ul class="plain kpi-initiatives">
            {naming
                .into_iter()
                .map(|(role, i)| {
                    view! {
                        <li>
                            <InitiativeLink explore id=i.id>
                                <span class="id">{i.id.to_string()}</span> " "
                                <span lang="ja">{plan.display_name(i).to_string()}</span>
                            </InitiativeLink>
                            {(role == KpiRole::Related).then(|| view! {
                                <span class="badge badge-related">{t(i18n::KPI_RELATED)}</span>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// Recorded actuals over the plan years, as a small line (no chart library:
/// the catalog must not load one). The numbers are in its label.
#[component]
fn Sparkline(
    /// The plan, for its fiscal years.
    plan: PlanRef,
    /// The record whose actuals are drawn.
    record: Memo<Record>,
    /// The KPI.
    kpi: &'static Kpi,
) -> impl IntoView {
    let code = kpi.code;
    let years: Vec<FiscalYear> = plan.plan.fiscal_years.years().collect();
    let lang = i18n::use_lang();
    let actuals = Memo::new(move |_| {
        record.with(|r| years.iter().map(|y| (*y, r.kpis.get(&(code, *y)).and_then(|c| c.actual))).collect::<Vec<_>>())
    });
    move || {
        let values = actuals.get();
        let recorded: Vec<(usize, f64)> =
            values.iter().enumerate().filter_map(|(i, (_, v))| v.map(|v| (i, v))).collect();
        if recorded.is_empty() {
            return view! { <p class="sparkline-empty hint">{t(i18n::KPI_NO_ACTUALS)}</p> }.into_any();
        }
        let label = format!(
            "{}: {}",
            i18n::KPI_ACTUAL.get(lang.get()),
            values
                .iter()
                .map(|(y, v)| format!("{} {}", y.0, v.map(kpi::format_value).unwrap_or_else(|| "—".into())))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let (w, h, pad) = (120.0, 32.0, 3.0);
        let max = recorded.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max).max(1e-9);
        let step = (w - 2.0 * pad) / (values.len().max(2) - 1) as f64;
        if let [(index, value)] = recorded[..] {
            return single_value(lang.get(), kpi, values[index].0, value, (index, values.len()), (w, h, pad, step));
        }
        let point = |(i, v): (usize, f64)| (pad + step * i as f64, h - pad - (h - 2.0 * pad) * v / max);
        let points: Vec<String> = recorded.iter().map(|&p| point(p)).map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let dots = recorded.iter().map(|&p| {
            let (x, y) = point(p);
            view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="2.5" /> }
        });
        view! {
            <svg class="sparkline" viewBox=format!("0 0 {w} {h}") width=w height=h role="img" aria-label=label>
                <polyline points=points.join(" ") />
                {dots.collect_view()}
            </svg>
        }
        .into_any()
    }
}

/// One recorded actual: a line of one point would be a lone dot, so its year
/// and value are written out, beside a dot at its year on a line marking the
/// plan's years (decoration: the text says it all).
fn single_value(
    lang: Lang,
    kpi: &'static Kpi,
    year: FiscalYear,
    value: f64,
    (index, years): (usize, usize),
    (w, h, pad, step): (f64, f64, f64, f64),
) -> AnyView {
    let mid = h / 2.0;
    let x = |i: usize| format!("{:.1}", pad + step * i as f64);
    let ticks = (0..years).map(|i| {
        view! { <line class="tick" x1=x(i) x2=x(i) y1=format!("{:.1}", mid - 4.0) y2=format!("{:.1}", mid + 4.0) /> }
    });
    let label = i18n::kpi_single_actual(lang, year);
    view! {
        <p class="sparkline-single">
            <svg class="sparkline" viewBox=format!("0 0 {w} {h}") width=w height=h aria-hidden="true" focusable="false">
                <line class="axis" x1=x(0) x2=x(years.saturating_sub(1)) y1=format!("{mid:.1}") y2=format!("{mid:.1}") />
                {ticks.collect_view()}
                <circle cx=x(index) cy=format!("{mid:.1}") r="3.5" />
            </svg>
            <span class="sparkline-value">
                {label}
                <strong class="num">{kpi::format_value(value)}</strong>
                {kpi.unit.clone().map(|u| view! { <span lang="ja">{u}</span> })}
            </span>
        </p>
    }
    .into_any()
}

#[component]
fn KpiDetail(
    /// Links back to the catalog and to the initiatives naming the KPI.
    explore: Explore,
    /// The record whose values are shown and edited.
    progress: Progress,
    /// The KPI shown.
    kpi: &'static Kpi,
) -> impl IntoView {
    let kind = ValueKind::of(kpi);
    let years: Vec<FiscalYear> = progress.plan.plan.fiscal_years.years().collect();
    let unit = kpi.unit.clone();
    view! {
        <article class="kpi-view kpi-detail" data-kpi-code=kpi.code.to_string()>
            <KpiLink explore code=None>"← " {t(i18n::KPI_BACK)}</KpiLink>
            <h2 lang="ja">
                <span class="id">{kpi.code.to_string()}</span> " " {kpi.name.clone()}
                {unit.clone().map(|u| view! { <span class="unit" lang="ja">"（" {u} "）"</span> })}
            </h2>
            <p class="hint">{move || kind_hint(kind).get(i18n::use_lang().get())}</p>
            // On a phone each year's row is drawn as a card (styles.css); the
            // explicit roles keep it a table for screen readers, which drop the
            // semantics of tables whose CSS display changes (Safari). Still in
            // a scrolling region, focusable, for very large text.
            <div class="table-scroll" tabindex="0" role="region" aria-label=t(i18n::KPI_VALUES)>
            <table class="kpi-values" role="table">
                <caption>{t(i18n::KPI_VALUES)}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{t(i18n::YEAR)}</th>
                        <th scope="col" role="columnheader">{t(i18n::KPI_BASELINE)}</th>
                        <th scope="col" role="columnheader">{t(i18n::KPI_TARGET)}</th>
                        <th scope="col" role="columnheader">{t(i18n::KPI_ACTUAL)}</th>
                        <th scope="col" role="columnheader">{t(i18n::KPI_ACHIEVEMENT)}</th>
                        <th scope="col" role="columnheader">{t(i18n::KPI_RATING)}</th>
                        <th scope="col" role="columnheader">{t(i18n::NOTE)}</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {years.into_iter().map(|year| view! { <KpiYearRow progress code=kpi.code kind year /> }).collect_view()}
                </tbody>
            </table>
            </div>
            <p class="hint rating-thresholds">{t(i18n::KPI_RATING_RULE)}</p>
            <FillTargets progress kpi />
            <KpiChart plan=progress.plan record=progress.shown kpi />
            <h3>{t(i18n::KPI_NAMED_BY)}</h3>
            <NamingInitiatives explore code=kpi.code />
        </article>
    }
}

/// Fills the years without a target (`edit::fill_targets`).
#[component]
fn FillTargets(
    /// The record the targets are written to.
    progress: Progress,
    /// The KPI.
    kpi: &'static Kpi,
) -> impl IntoView {
    let edit = Memo::new(move |_| progress.shown.with(|r| edit::fill_targets(progress.plan, r, kpi)));
    view! {
        <p class="fill-targets no-print" hidden=move || !progress.can_record()>
            <button
                type="button"
                aria-describedby="fill-targets-hint"
                disabled=move || edit.with(Option::is_none)
                on:click=move |_| {
                    if let Some(edit) = edit.get_untracked() {
                        progress.edit(edit, false);
                    }
                }
            >
                {t(i18n::KPI_FILL_TARGETS)}
            </button>
            <span id="fill-targets-hint" class="hint">{t(i18n::KPI_FILL_TARGETS_HINT)}</span>
        </p>
    }
}

/// Target vs actual by year; ECharts is loaded when this page opens.
#[component]
fn KpiChart(
    /// The plan the KPI is in.
    plan: PlanRef,
    /// The record whose values are drawn.
    record: Memo<Record>,
    /// The KPI.
    kpi: &'static Kpi,
) -> impl IntoView {
    let code = kpi.code;
    let labels = use_chart_labels(plan);
    let build = move || record.with(|r| labels.with(|l| kpi_target_vs_actual(plan, r, code, l)));
    // `None` only for a KPI the plan lacks, and this page is only shown for one it has.
    let Some(first) = untrack(build) else { return ().into_any() };
    let spec = chart_spec(move || build().unwrap_or_else(|| first.clone()));
    view! { <ChartFigure spec id="chart-kpi" /> }.into_any()
}

fn kind_hint(kind: ValueKind) -> i18n::Msg {
    match kind {
        ValueKind::Percent => i18n::KPI_KIND_PERCENT,
        ValueKind::Count => i18n::KPI_KIND_COUNT,
        ValueKind::Amount => i18n::KPI_KIND_AMOUNT,
    }
}

#[component]
fn KpiYearRow(
    /// The record the year's values and note are read from and written to.
    progress: Progress,
    /// The KPI.
    code: KpiCode,
    /// What numbers the KPI takes, for checking what is typed.
    kind: ValueKind,
    /// The fiscal year of the row.
    year: FiscalYear,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let cell = Memo::new(move |_| progress.shown.with(|r| r.kpis.get(&(code, year)).cloned()));
    let rate = move || cell.with(|c| c.as_ref().and_then(|c| kpi::achievement(c.actual, c.target)));
    let draft = move || progress.is_draft(CellKey::Kpi(code, year));
    let note_id = format!("kpi-note-{code}-{}", year.0);
    // `cell-label`: the column's name inside the cell, shown only where the
    // rows are cards (a phone); hidden from screen readers, which announce
    // the column header.
    view! {
        <tr data-year=year.0 role="row">
            <th scope="row" role="rowheader">
                {move || i18n::fiscal_year(lang.get(), year)}
                {move || draft().then(|| view! { <span class="badge draft">{t(i18n::LOCAL_DRAFT)}</span> })}
            </th>
            <td role="cell"><ValueInput progress code year kind field=KpiField::Baseline cell /></td>
            <td role="cell"><ValueInput progress code year kind field=KpiField::Target cell /></td>
            <td role="cell"><ValueInput progress code year kind field=KpiField::Actual cell /></td>
            <td role="cell" class="num">
                <span class="cell-label" aria-hidden="true">{t(i18n::KPI_ACHIEVEMENT)}</span>
                <span class="cell-value">{move || rate().map(kpi::format_rate).unwrap_or_else(|| "—".into())}</span>
            </td>
            <td role="cell" class="rating">
                <span class="cell-label" aria-hidden="true">{t(i18n::KPI_RATING)}</span>
                <span class="cell-value">{move || Rating::of(rate()).symbol()}</span>
            </td>
            <td role="cell" class="note-cell">
                <label class="field-label" for=note_id.clone()>
                    <span class="visually-hidden">{move || i18n::fiscal_year(lang.get(), year)} " "</span>
                    {t(i18n::NOTE)}
                </label>
                <textarea
                    id=note_id
                    class="kpi-note"
                    rows="2"
                    disabled=move || !progress.can_edit(year)
                    prop:value=move || cell.with(|c| c.as_ref().map(|c| c.note.clone()).unwrap_or_default())
                    on:input=move |ev| progress.edit(Edit::KpiNote { code, year, note: event_target_value(&ev) }, true)
                    on:blur=move |_| progress.seal_typing()
                ></textarea>
            </td>
        </tr>
    }
}

/// One number. Checked when the user leaves the field (or presses Enter):
/// a value the unit does not allow shows why, next to the field, and is not
/// saved; the field keeps what was typed so it can be corrected.
#[component]
fn ValueInput(
    /// The record the value is written to, and whether the year may be edited.
    progress: Progress,
    /// The KPI, for the edit and the field's id.
    code: KpiCode,
    /// The fiscal year, for the edit, the field's id and its label.
    year: FiscalYear,
    /// What numbers the KPI takes, for checking what is typed.
    kind: ValueKind,
    /// Which of the values this is: baseline, target or actual.
    field: KpiField,
    /// The year's recorded values, from which this one is shown.
    cell: Memo<Option<KpiCell>>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let error = RwSignal::new(None::<ValueError>);
    let current = move || cell.with(|c| c.as_ref().and_then(|c| c.value(field)));
    let stored = move || current().map(kpi::format_value).unwrap_or_default();
    let (label, class) = match field {
        KpiField::Baseline => (i18n::KPI_BASELINE, "baseline"),
        KpiField::Target => (i18n::KPI_TARGET, "target"),
        KpiField::Actual => (i18n::KPI_ACTUAL, "actual"),
    };
    let id = format!("kpi-{class}-{code}-{}", year.0);
    let error_id = format!("{id}-error");
    let commit = move |text: String| match kpi::parse_value(&text, kind) {
        Ok(value) => {
            error.set(None);
            if untrack(current) != value {
                progress.edit(Edit::KpiValue { code, year, field, value }, false);
            }
        }
        Err(e) => error.set(Some(e)),
    };
    // The label is visible where the rows are cards; the year, said by the
    // row header, only to screen readers.
    view! {
        <label class="field-label" for=id.clone()>
            <span class="visually-hidden">{move || i18n::fiscal_year(lang.get(), year)} " "</span>
            {move || label.get(lang.get())}
        </label>
        <input
            id=id
            type="text"
            inputmode="decimal"
            class=format!("kpi-input {class}")
            disabled=move || !progress.can_edit(year)
            prop:value=stored
            aria-invalid=move || error.get().map(|_| "true")
            aria-describedby=move || error.get().map(|_| error_id.clone())
            on:change=move |ev| commit(event_target_value(&ev))
        />
        {move || error.get().map(|e| view! {
            <span class="field-error" id=format!("kpi-{class}-{code}-{}-error", year.0) role="alert">
                {value_error(lang.get(), e)}
            </span>
        })}
    }
}

fn value_error(lang: Lang, e: ValueError) -> &'static str {
    let msg = match e {
        ValueError::NotANumber => i18n::KPI_ERR_NUMBER,
        ValueError::Negative => i18n::KPI_ERR_NEGATIVE,
        ValueError::NotWhole => i18n::KPI_ERR_WHOLE,
        ValueError::OverHundred => i18n::KPI_ERR_PERCENT,
    };
    msg.get(lang)
}
