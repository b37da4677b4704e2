//! The annual progress report (進捗報告) for one fiscal year, laid out as a
//! document that prints on A4: policy → sub-policy → initiative with what
//! was recorded and the linked KPIs' values. The model is `report::build`;
//! print rules are in `public/styles.css` ("Progress report (print)").

use kama_plan::progress::report::{self, ReportInitiative, ReportKpi, ReportPolicy, ReportSub};
use kama_plan::progress::{CellKey, Record};
use kama_plan::timeline::CalendarDate;
use kama_plan::{FiscalYear, KpiRole, Plan};
use leptos::prelude::*;

use super::progress_overview::{stamp_text, status_label, StatusOverview};
use super::progress_view::YearPicker;
use crate::adapters::clock;
use crate::i18n::{self, t, Lang};
use crate::state::{Explore, Progress};

#[component]
pub fn ReportView(explore: Explore, progress: Progress) -> impl IntoView {
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
            <StatusOverview progress year />
            {move || {
                let y = year.get();
                progress
                    .shown
                    .with(|record| {
                        report_body(plan, record, y, lang.get(), move |key| progress.is_draft(key))
                    })
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

/// The report's policies, rendered once per change of the record or year:
/// the model borrows the record, so the views take owned copies.
fn report_body(
    plan: &'static Plan,
    record: &Record,
    year: FiscalYear,
    lang: Lang,
    is_draft: impl Fn(CellKey) -> bool + Copy,
) -> impl IntoView {
    let report = report::build(plan, record, year);
    report.policies.iter().map(|p| policy_view(p, year, lang, is_draft)).collect_view()
}

fn policy_view(
    p: &ReportPolicy,
    year: FiscalYear,
    lang: Lang,
    is_draft: impl Fn(CellKey) -> bool + Copy,
) -> impl IntoView {
    view! {
        <section class="report-policy" data-policy=p.policy.code>
            <h3 lang="ja">
                <span class="code">{p.policy.code}</span>
                " "
                {p.policy.name.clone()}
            </h3>
            {p.subs.iter().map(|s| sub_view(s, year, lang, is_draft)).collect_view()}
        </section>
    }
}

fn sub_view(s: &ReportSub, year: FiscalYear, lang: Lang, is_draft: impl Fn(CellKey) -> bool + Copy) -> impl IntoView {
    view! {
        <section class="report-sub">
            <h4 lang="ja">
                <span class="code">{s.sub.id.to_string()}</span>
                " "
                {s.sub.name.clone()}
            </h4>
            {s.initiatives.iter().map(|i| initiative_view(i, year, lang, is_draft)).collect_view()}
        </section>
    }
}

fn initiative_view(
    r: &ReportInitiative,
    year: FiscalYear,
    lang: Lang,
    is_draft: impl Fn(CellKey) -> bool + Copy,
) -> impl IntoView {
    let id = r.initiative.id;
    let status = status_label(lang, r.cell.and_then(|c| c.status));
    let note = r.cell.map(|c| c.note.clone()).filter(|n| !n.trim().is_empty());
    let stamp = r.cell.map(|c| stamp_text(lang, &c.stamp));
    let draft = is_draft(CellKey::Initiative(id, year));
    let relisted = r.initiative.relisted_from.map(|from| format!("{} {from}", i18n::RELISTED_FROM.get(lang)));
    let kpis = (!r.kpis.is_empty()).then(|| kpi_table(&r.kpis, lang));
    view! {
        <section class="report-initiative" data-initiative-id=id.ascii()>
            <h5>
                <span class="id">{id.to_string()}</span>
                " "
                <span lang="ja">{r.name.to_string()}</span>
                {relisted.map(|text| view! { " " <span class="badge badge-relisted">{text}</span> })}
                // On screen only: the printed report is the document itself.
                {draft.then(|| view! { " " <span class="badge draft no-print">{i18n::LOCAL_DRAFT.get(lang)}</span> })}
            </h5>
            <dl class="report-fields">
                <dt>{i18n::STATUS.get(lang)}</dt>
                <dd class="report-status">{status}</dd>
                <dt>{i18n::NOTE.get(lang)}</dt>
                // Text node, never markup: notes are whatever someone typed or imported.
                <dd class="note-text">{note.unwrap_or_else(|| "—".into())}</dd>
                {stamp.map(|s| view! {
                    <dt>{i18n::UPDATED_BY.get(lang)}</dt>
                    <dd class="report-stamp">{s}</dd>
                })}
            </dl>
            {kpis}
        </section>
    }
}

/// The linked KPIs' target and actual for the year, in the KPI's unit.
fn kpi_table(kpis: &[ReportKpi], lang: Lang) -> impl IntoView {
    let rows = kpis
        .iter()
        .map(|k| {
            let unit = k.kpi.unit.clone().unwrap_or_default();
            let value = |v: Option<f64>| match v {
                Some(v) => format!("{}{unit}", number(v)),
                None => "—".to_string(),
            };
            let target = value(k.cell.and_then(|c| c.target));
            let actual = value(k.cell.and_then(|c| c.actual));
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
                    <td class="num kpi-target">{target}</td>
                    <td class="num kpi-actual">{actual}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="report-kpis">
            <caption>{i18n::KPIS.get(lang)}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n::REPORT_KPI.get(lang)}</th>
                    <th scope="col" class="num">{i18n::REPORT_KPI_TARGET.get(lang)}</th>
                    <th scope="col" class="num">{i18n::REPORT_KPI_ACTUAL.get(lang)}</th>
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
