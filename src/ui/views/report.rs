//! The annual progress report (進捗報告) for one fiscal year, laid out as a
//! document that prints on A4: policy → sub-policy → initiative with what
//! was recorded and the linked KPIs' values. The model is `report::build`;
//! print rules are in `public/styles.css` ("Progress report (print)").

use std::collections::HashSet;
use std::sync::Arc;

use kama_plan::kpi::{achievement, format_rate, Rating};
use kama_plan::progress::edit::{CouncilField, Edit};
use kama_plan::progress::report::{self, PolicySummary, ReportInitiative, ReportKpi, ReportPolicy};
use kama_plan::progress::{Cell as _, CellKey, Record};
use kama_plan::timeline::CalendarDate;
use kama_plan::{FiscalYear, Initiative, InitiativeId, KpiRole, Plan, Policy, PolicyCode};
use leptos::prelude::*;

use crate::adapters::clock;
use crate::i18n::{self, t, Lang};
use crate::state::{Explore, Progress};
use crate::ui::views::progress_overview::{status_label, StatusOverview};
use crate::ui::views::progress_view::YearPicker;

#[component]
pub fn ReportView(
    /// The year reported, the filters that narrow the report, and its address.
    explore: Explore,
    /// The record reported, and where the council's notes are kept.
    progress: Progress,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let plan = progress.plan;
    let year = explore.reported_year();
    let today = clock::today();
    // The plan's title as published (marked Japanese), then the interface's words.
    let title = move || {
        let y = i18n::fiscal_year(lang.get(), year.get());
        format!("{} {y}", i18n::VIEW_REPORT.get(lang.get()))
    };
    let as_of = move || as_of(lang.get(), today);
    let total = plan.initiatives.len();
    let narrowed = move || {
        let shown = explore.result.with(|r| r.matches.len());
        (shown < total).then_some((shown, total))
    };
    // The address printed on every page: the state's, which the address bar
    // shows too once it has caught up.
    let href = move || explore.address();
    let print = move |_| {
        // Printing refused (some embedded browsers) leaves the page as it was.
        let _ = window().print();
    };
    view! {
        <article class="report" aria-labelledby="report-title">
            <div class="report-controls no-print">
                <YearPicker explore year />
                <button type="button" class="print-button" on:click=print>
                    {t(i18n::REPORT_PRINT)}
                </button>
            </div>
            <header class="report-head">
                <h2 id="report-title"><span lang="ja">{plan.plan.title.clone()}</span> " " {title}</h2>
                <p class="report-as-of">{as_of}</p>
            </header>
            <p class="report-narrowed" hidden=move || narrowed().is_none()>
                {move || narrowed().map(|(shown, total)| i18n::report_narrowed(lang.get(), shown, total))}
                " "
                <button type="button" class="no-print" on:click=move |_| explore.clear_filters()>
                    {t(i18n::REPORT_SHOW_ALL)}
                </button>
            </p>
            <StatusOverview plan=progress.plan record=progress.shown year />
            {move || {
                let y = year.get();
                // The list's filters narrow the report (`?view=report&policy=2`).
                let kept: Arc<HashSet<InitiativeId>> = Arc::new(explore.result.with(|r| {
                    r.matches.iter().filter_map(|&n| plan.initiatives.get(n)).map(|i| i.id).collect()
                }));
                let policies: Vec<&'static Policy> = plan
                    .policies
                    .iter()
                    .filter(|p| plan.initiatives.iter().any(|i| i.id.policy == p.code && kept.contains(&i.id)))
                    .collect();
                let summary = {
                    let kept = Arc::clone(&kept);
                    move || {
                        progress.shown.with(|record| {
                            let report = report::build_for(plan, record, y, |i| kept.contains(&i.id));
                            summary_table(plan, &report::summary(plan, record, &report), lang.get())
                        })
                    }
                };
                // Each policy's table follows the record; its council notes are
                // outside that, so typing in them never redraws the field.
                let sections = policies
                    .into_iter()
                    .map(|policy| {
                        let kept = Arc::clone(&kept);
                        let table = move || {
                            progress.shown.with(|record| {
                                let keep = |i: &Initiative| i.id.policy == policy.code && kept.contains(&i.id);
                                report::build_for(plan, record, y, keep).policies.first().map(|p| {
                                    policy_table(plan, record, p, y, lang.get(), move |key| progress.is_draft(key))
                                })
                            })
                        };
                        let heading = format!("report-policy-{}", policy.code);
                        view! {
                            <section class="report-policy" data-policy=policy.code>
                                <h3 lang="ja" id=heading.clone()>
                                    <span class="code">{policy.code}</span>
                                    " "
                                    {policy.name.clone()}
                                </h3>
                                <div class="table-scroll" tabindex="0" role="region" aria-labelledby=heading>
                                    {table}
                                </div>
                                <CouncilNotes progress policy=PolicyCode(policy.code) year=y />
                            </section>
                        }
                    })
                    .collect_view();
                view! {
                    {summary}
                    {sections}
                }
            }}
            // Shown only in print; a fixed element repeats on every page.
            <footer class="report-print-footer">
                <span class="report-as-of">{as_of}</span>
                <span class="report-url">{href}</span>
            </footer>
        </article>
    }
}

/// 「2026年11月25日時点」 / "As of 25 Nov 2026" (the local date).
fn as_of(lang: Lang, d: CalendarDate) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let suffix = i18n::REPORT_AS_OF.get(lang);
    match lang {
        Lang::Ja => format!("{}年{}月{}日{suffix}", d.year, d.month, d.day),
        Lang::En => {
            let month = MONTHS.get(usize::from(d.month).wrapping_sub(1)).copied().unwrap_or_default();
            format!("{suffix} {} {month} {}", d.day, d.year)
        }
    }
}

/// Per policy: the initiatives at each grade of the plan's scale, and the
/// KPIs at each achievement rating.
fn summary_table(plan: &'static Plan, summary: &[PolicySummary], lang: Lang) -> impl IntoView {
    let grades = &plan.evaluation.grades;
    let ratings = [Rating::S, Rating::A, Rating::B, Rating::C, Rating::Unrated];
    let rows = summary
        .iter()
        .map(|line| {
            let name = plan.policy(line.policy).map(|p| p.name.clone()).unwrap_or_default();
            view! {
                <tr data-policy=line.policy>
                    <th scope="row"><span class="code">{line.policy}</span> " " <span lang="ja">{name}</span></th>
                    {line.grades.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view()}
                    <td class="num">{line.ungraded}</td>
                    {line.ratings.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        // Not a landmark of its own: its table's scroll region is, by the same name.
        <section class="report-summary">
            <h3 id="report-summary-title">{i18n::REPORT_SUMMARY.get(lang)}</h3>
            // Focusable, so that keyboard users can scroll a table wider than the screen.
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="report-summary-title">
                <table class="status-table summary-table">
                    <thead>
                        <tr>
                            <td></td>
                            <th scope="colgroup" colspan=grades.len() + 1>{i18n::REPORT_SUMMARY_GRADES.get(lang)}</th>
                            <th scope="colgroup" colspan="5">{i18n::REPORT_SUMMARY_RATINGS.get(lang)}</th>
                        </tr>
                        <tr>
                            <th scope="col">{i18n::OVERVIEW_POLICY.with_plan_word(plan.plan.levels().policy).get(lang)}</th>
                            {grades.iter().map(|g| view! { <th scope="col" class="num" title=i18n::choice(lang, g) lang="ja">{g.code.clone()}</th> }).collect_view()}
                            <th scope="col" class="num">{i18n::REPORT_UNGRADED.get(lang)}</th>
                            {ratings.iter().map(|r| view! { <th scope="col" class="num">{r.symbol()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One policy as the council reads it: a table, one row per initiative.
fn policy_table(
    plan: &'static Plan,
    record: &Record,
    p: &ReportPolicy,
    year: FiscalYear,
    lang: Lang,
    is_draft: impl Fn(CellKey) -> bool + Copy,
) -> impl IntoView {
    let columns = [
        i18n::REPORT_NUMBER,
        i18n::TEXT,
        i18n::OWNERS,
        i18n::STATUS,
        i18n::RESULTS,
        i18n::GRADE,
        i18n::CHALLENGES,
        i18n::WAY_FORWARD,
        i18n::KPIS,
        i18n::REPORT_NOTE_STAMP,
    ];
    let width = columns.len();
    let subs = p
        .subs
        .iter()
        .map(|s| {
            let rows =
                s.initiatives.iter().map(|i| initiative_row(plan, record, i, year, lang, is_draft)).collect_view();
            view! {
                <tbody class="report-sub">
                    <tr>
                        <th scope="colgroup" colspan=width lang="ja">
                            <span class="code">{s.sub.id.to_string()}</span> " " {s.sub.name.clone()}
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <table class="evaluation-table">
            <thead>
                <tr>{columns.iter().map(|c| view! { <th scope="col">{c.get(lang)}</th> }).collect_view()}</tr>
            </thead>
            {subs}
        </table>
    }
}

/// 振興会議の意見 and 市の対応 on one policy in one year, under its table:
/// fields on screen, their text in print.
#[component]
fn CouncilNotes(
    /// The record the notes are kept in.
    progress: Progress,
    /// The basic policy the notes are about.
    policy: PolicyCode,
    /// The fiscal year they are about.
    year: FiscalYear,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let field = move |field: CouncilField, label: i18n::Msg, class: &'static str| {
        let id = format!("council-{class}-{policy}");
        let text = Memo::new(move |_| {
            progress
                .shown
                .with(|r| r.council.get(&(policy, year)).map(|c| c.text(field).to_string()).unwrap_or_default())
        });
        view! {
            <div class=format!("council-field council-{class}")>
                <label for=id.clone()>{t(label)}</label>
                <textarea
                    id=id
                    class="no-print"
                    rows="3"
                    disabled=move || !progress.can_edit(year)
                    prop:value=text
                    on:input=move |ev| {
                        let edit = Edit::Council { policy, year, field, text: event_target_value(&ev) };
                        progress.edit(edit, true)
                    }
                    on:blur=move |_| progress.seal_typing()
                ></textarea>
                <p class="council-text print-only">
                    {move || {
                        let text = text.get();
                        if text.is_empty() { i18n::COUNCIL_NONE.get(lang.get()).to_string() } else { text }
                    }}
                </p>
            </div>
        }
    };
    view! {
        <div class="council-notes">
            {field(CouncilField::Opinion, i18n::COUNCIL_OPINION, "opinion")}
            {field(CouncilField::Response, i18n::COUNCIL_RESPONSE, "response")}
        </div>
    }
}

fn initiative_row(
    plan: &'static Plan,
    record: &Record,
    r: &ReportInitiative,
    year: FiscalYear,
    lang: Lang,
    is_draft: impl Fn(CellKey) -> bool + Copy,
) -> impl IntoView {
    let id = r.initiative.id;
    let cell = r.cell;
    let status = status_label(lang, &plan.evaluation, cell.and_then(|c| c.status));
    let text = |t: Option<&str>| t.filter(|t| !t.trim().is_empty()).map(str::to_string).unwrap_or_else(|| "—".into());
    let results = text(cell.map(|c| c.results.as_str()));
    let challenges = text(cell.map(|c| c.challenges.as_str()));
    let note = text(cell.map(|c| c.note.as_str()));
    let grade = cell.and_then(|c| c.grade.as_ref()).map_or_else(|| "—".to_string(), |g| g.0.clone());
    let way = cell.and_then(|c| c.way_forward.as_ref()).map_or_else(|| "—".to_string(), |w| w.0.clone());
    let owners = record.owners(plan, id, year).map_or_else(|| "—".to_string(), |(_, o)| o.join("、"));
    let stamp = cell.map(|c| i18n::stamp(lang, c.author_stamp()));
    let draft = is_draft(CellKey::Initiative(plan.record_id(id), year));
    let relisted = r.initiative.relisted_from.map(|from| format!("{} {from}", i18n::RELISTED_FROM.get(lang)));
    let kpis = (!r.kpis.is_empty()).then(|| kpi_table(&r.kpis, lang));
    view! {
        <tr class="report-initiative" data-initiative-id=id.ascii()>
            <td class="id">{id.to_string()}</td>
            <th scope="row">
                <span lang="ja">{r.name.to_string()}</span>
                {relisted.map(|text| view! { " " <span class="badge badge-relisted">{text}</span> })}
                // On screen only: the printed report is the document itself.
                {draft.then(|| view! { " " <span class="badge draft no-print">{i18n::LOCAL_DRAFT.get(lang)}</span> })}
            </th>
            <td lang="ja">{owners}</td>
            <td class="report-status">{status}</td>
            // Text nodes, never markup: whatever someone typed or imported.
            <td class="report-text report-results">{results}</td>
            <td class="report-grade" lang="ja">{grade}</td>
            <td class="report-text report-challenges">{challenges}</td>
            <td class="report-way-forward" lang="ja">{way}</td>
            <td class="report-kpi-cell">{kpis}</td>
            <td>
                <span class="note-text">{note}</span>
                {stamp.map(|s| view! { <span class="report-stamp">{s}</span> })}
            </td>
        </tr>
    }
}

/// The linked KPIs' target, actual and achievement for the year, in the KPI's unit.
fn kpi_table(kpis: &[ReportKpi], lang: Lang) -> impl IntoView {
    let rows = kpis
        .iter()
        .map(|k| {
            let unit = k.kpi.unit.clone().unwrap_or_default();
            let value = |v: Option<f64>| match v {
                Some(v) => format!("{}{unit}", number(v)),
                None => "—".to_string(),
            };
            let (target, actual) = (k.cell.and_then(|c| c.target), k.cell.and_then(|c| c.actual));
            let rate = achievement(actual, target).map_or_else(|| "—".to_string(), format_rate);
            view! {
                <tr data-kpi=k.kpi.code.to_string()>
                    <th scope="row">
                        <span class="code">{k.kpi.code.to_string()}</span>
                        " "
                        <span lang="ja">{k.kpi.name.clone()}</span>
                        {(k.role == KpiRole::Related).then(|| view! {
                            " " <span class="badge badge-related">{i18n::KPI_RELATED.get(lang)}</span>
                        })}
                    </th>
                    <td class="num kpi-target">{value(target)}</td>
                    <td class="num kpi-actual">{value(actual)}</td>
                    <td class="num kpi-rate">{rate}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="report-kpis">
            <thead>
                <tr>
                    <th scope="col">{i18n::REPORT_KPI.get(lang)}</th>
                    <th scope="col" class="num">{i18n::REPORT_KPI_TARGET.get(lang)}</th>
                    <th scope="col" class="num">{i18n::REPORT_KPI_ACTUAL.get(lang)}</th>
                    <th scope="col" class="num">{i18n::REPORT_KPI_RATE.get(lang)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// `12000` → `12,000`, `2.5` → `2.5`: digits grouped as Japanese reports
/// write them, with no rounding of what was recorded.
fn number(v: f64) -> String {
    let text = v.to_string();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    // Only plain digits are grouped (not "inf" or "NaN", which the document
    // format refuses anyway).
    if !int.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (n, c) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_never_rounded() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(1234567.0), "1,234,567");
        assert_eq!(number(-1234.5), "-1,234.5");
        assert_eq!(number(0.125), "0.125");
        assert_eq!(number(100.0), "100");
    }

    #[test]
    fn as_of_is_the_local_date() {
        let d = CalendarDate { year: 2026, month: 11, day: 25 };
        assert_eq!(as_of(Lang::Ja, d), "2026年11月25日時点");
        assert_eq!(as_of(Lang::En, d), "As of 25 Nov 2026");
    }
}
