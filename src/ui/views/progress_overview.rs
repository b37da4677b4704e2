//! The progress view's summaries for one fiscal year: how many initiatives
//! stand at each status, which carry a note, and the gentle checks that
//! point at records worth a second look. All numbers and findings come from
//! the core (`overview`, `checks`); this file only words and links them.

use kama_plan::progress::checks::{self, Finding};
use kama_plan::progress::overview::{self, PolicyStatusCounts};
use kama_plan::progress::{sync, CellKey, InitiativeCell, Record, Status};
use kama_plan::view_state::View;
use kama_plan::scales::Scales;
use kama_plan::{FiscalYear, InitiativeId, KpiCode};
use leptos::prelude::*;

use crate::adapters::clock;
use crate::i18n::{self, t, Lang};
use crate::state::progress::Published;
use crate::state::{Explore, Progress};
use crate::ui::first::plan_tree::InitiativeLink;
use crate::ui::PlanRef;

/// 「印刷用の進捗報告を開く」: a real link (new tab works), switching in place
/// on a plain click.
#[component]
pub fn ReportLink(
    /// Gives the link the report's address and opens it on a plain click.
    explore: Explore,
) -> impl IntoView {
    view! {
        <p class="report-link">
            <a
                href=move || explore.href_view(View::Report)
                on:click=move |ev| {
                    if crate::ui::is_plain_click(&ev) {
                        ev.prevent_default();
                        explore.set_view(View::Report);
                    }
                }
            >
                {t(i18n::REPORT_OPEN)}
            </a>
        </p>
    }
}

/// Counts per status for each policy, as a data table (the numbers are the
/// point, and screen readers need the headers).
#[component]
pub fn StatusOverview(
    /// The plan whose policies are the rows.
    plan: PlanRef,
    /// The record counted.
    record: Memo<Record>,
    /// The fiscal year counted.
    year: Memo<FiscalYear>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let counts = Memo::new(move |_| record.with(|r| overview::status_counts(plan, r, year.get())));
    let totals = Memo::new(move |_| counts.with(|c| sum(c)));
    let caption =
        move || format!("{} {}", i18n::fiscal_year(lang.get(), year.get()), i18n::OVERVIEW_CAPTION.get(lang.get()));
    let shown = Memo::new(move |_| totals.with(|t| plan.evaluation.statuses_shown(|s| t.count(s) > 0)));
    let numbers = move |c: &PolicyStatusCounts| {
        shown
            .get()
            .into_iter()
            .map(|s| c.count(s))
            .chain([c.unrecorded, c.total])
            .map(|n| view! { <td class="num">{n}</td> })
            .collect_view()
    };
    view! {
        <section class="status-overview" aria-labelledby="status-overview-title">
            <h3 id="status-overview-title">{t(i18n::OVERVIEW_TITLE)}</h3>
            // Scrolls sideways on phones instead of squeezing the columns; a
            // scrolling region must be reachable by keyboard (and is named by
            // the caption, so it differs from the section's landmark).
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="status-overview-caption">
                <table class="status-table">
                    <caption id="status-overview-caption">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(i18n::OVERVIEW_POLICY.with_plan_word(plan.plan.levels().policy))}</th>
                            {move || {
                                shown
                                    .get()
                                    .into_iter()
                                    .map(|s| {
                                        let word = i18n::status(lang.get(), &plan.evaluation, s).to_string();
                                        view! { <th scope="col" class="num">{word}</th> }
                                    })
                                    .collect_view()
                            }}
                            <th scope="col" class="num">{t(i18n::OVERVIEW_UNRECORDED)}</th>
                            <th scope="col" class="num">{t(i18n::OVERVIEW_TOTAL)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            counts
                                .get()
                                .into_iter()
                                .map(|c| {
                                    let name = plan.policy(c.policy).map(|p| p.name.clone()).unwrap_or_default();
                                    view! {
                                        <tr data-policy=c.policy>
                                            <th scope="row">
                                                <span class="code">{c.policy}</span>
                                                " "
                                                <span lang="ja">{name}</span>
                                            </th>
                                            {numbers(&c)}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                    <tfoot>
                        <tr class="totals">
                            <th scope="row">{t(i18n::OVERVIEW_ALL_POLICIES)}</th>
                            {move || numbers(&totals.get())}
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p class="hint">{t(i18n::OVERVIEW_RELISTED_NOTE)}</p>
        </section>
    }
}

/// The totals row: every policy's counts added up (policy 0 = all).
fn sum(counts: &[PolicyStatusCounts]) -> PolicyStatusCounts {
    counts.iter().fold(PolicyStatusCounts { policy: 0, counts: [0; 6], unrecorded: 0, total: 0 }, |mut acc, c| {
        for (a, n) in acc.counts.iter_mut().zip(c.counts) {
            *a += n;
        }
        acc.unrecorded += c.unrecorded;
        acc.total += c.total;
        acc
    })
}

/// The initiatives with a note for the year, each linking to its record.
#[component]
pub fn NotedList(
    /// Links each noted initiative to its record.
    explore: Explore,
    /// The record whose notes are listed.
    progress: Progress,
    /// The fiscal year whose notes are listed.
    year: Memo<FiscalYear>,
) -> impl IntoView {
    let plan = progress.plan;
    // Owned copies: the memo outlives any borrow of the record.
    let noted = Memo::new(move |_| {
        progress.shown.with(|r| {
            overview::noted(plan, r, year.get()).into_iter().map(|(id, cell)| (id, cell.clone())).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="noted" aria-labelledby="noted-title">
            <h3 id="noted-title">{t(i18n::NOTED_TITLE)}</h3>
            {move || {
                let items = noted.get();
                if items.is_empty() {
                    view! { <p class="empty">{t(i18n::NOTED_NONE)}</p> }.into_any()
                } else {
                    let y = year.get();
                    view! {
                        <ul class="noted-list">
                            {items
                                .into_iter()
                                .map(|(id, cell)| view! { <NotedItem explore progress id year=y cell /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn NotedItem(
    /// Links the initiative to its record.
    explore: Explore,
    /// The plan, for the initiative's name, and whether the note is a local draft.
    progress: Progress,
    /// The noted initiative.
    id: InitiativeId,
    /// The fiscal year of the note.
    year: FiscalYear,
    /// The note, with its status and who wrote it when.
    cell: InitiativeCell,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let plan = progress.plan;
    let name = plan.initiative(id).map(|i| plan.display_name(i).to_string()).unwrap_or_default();
    let status = cell.status;
    let stamp = cell.stamp.clone();
    view! {
        <li class="noted-item" data-initiative-id=id.ascii()>
            <p class="noted-head">
                <InitiativeLink explore id>
                    <span class="id">{id.to_string()}</span>
                    " "
                    <span class="name" lang="ja">{name}</span>
                </InitiativeLink>
                " "
                <span class="badge status">{move || status_label(lang.get(), &plan.evaluation, status).to_string()}</span>
                {move || {
                    progress
                        .is_draft(CellKey::Initiative(id, year))
                        .then(|| view! { <span class="badge draft">{t(i18n::LOCAL_DRAFT)}</span> })
                }}
            </p>
            // Text node, never markup: notes are whatever someone typed or imported.
            <p class="note-text">{cell.note}</p>
            <p class="stamp">{t(i18n::UPDATED_BY)} ": " {move || i18n::stamp(lang.get(), &stamp)}</p>
        </li>
    }
}

/// 「実施中」 (as the plan words it), or 「未記録」 for a note without a status.
pub fn status_label(lang: Lang, scales: &Scales, status: Option<Status>) -> &str {
    match status {
        Some(s) => i18n::status(lang, scales, s),
        None => i18n::OVERVIEW_UNRECORDED.get(lang),
    }
}

/// One line of the checks list: a finding kind's items, compacted so an
/// initiative with several missing years takes one line.
#[derive(Debug, Clone, PartialEq)]
enum Subject {
    Initiative(InitiativeId),
    Kpi(KpiCode),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    NotStarted,
    Missing,
    Kpi,
}

impl Kind {
    fn of(f: Finding) -> (Kind, Subject) {
        match f {
            Finding::NotStartedAfterSchedule { id, .. } => (Kind::NotStarted, Subject::Initiative(id)),
            Finding::MissingStatus { id, .. } => (Kind::Missing, Subject::Initiative(id)),
            Finding::KpiActualMissing { code, .. } => (Kind::Kpi, Subject::Kpi(code)),
        }
    }

    fn heading(self) -> i18n::Msg {
        match self {
            Kind::NotStarted => i18n::CHECK_NOT_STARTED,
            Kind::Missing => i18n::CHECK_MISSING,
            Kind::Kpi => i18n::CHECK_KPI,
        }
    }

    fn explanation(self) -> i18n::Msg {
        match self {
            Kind::NotStarted => i18n::CHECK_NOT_STARTED_HINT,
            Kind::Missing => i18n::CHECK_MISSING_HINT,
            Kind::Kpi => i18n::CHECK_KPI_HINT,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Kind::NotStarted => "check-not-started",
            Kind::Missing => "check-missing-status",
            Kind::Kpi => "check-kpi-actual",
        }
    }
}

/// Findings of one kind, one entry per subject with its years in order.
fn group(findings: &[Finding], kind: Kind) -> Vec<(Subject, Vec<FiscalYear>)> {
    let mut out: Vec<(Subject, Vec<FiscalYear>)> = Vec::new();
    for &f in findings {
        let (k, subject) = Kind::of(f);
        if k != kind {
            continue;
        }
        match out.iter_mut().find(|(s, _)| *s == subject) {
            Some((_, years)) => years.push(f.year()),
            None => out.push((subject, vec![f.year()])),
        }
    }
    out
}

/// Lists longer than this start folded.
const FOLD_AFTER: usize = 10;

/// Reminders about closed years (never errors: nothing here blocks saving).
#[component]
pub fn Checks(
    /// Links each finding to the initiative or KPI to look at.
    explore: Explore,
    /// The record checked.
    progress: Progress,
) -> impl IntoView {
    let plan = progress.plan;
    let findings = Memo::new(move |_| progress.shown.with(|r| checks::run(plan, r, clock::today())));
    let section = move |kind: Kind| {
        move || {
            let items = findings.with(|f| group(f, kind));
            (!items.is_empty()).then(|| {
                let count = items.len();
                let list = view! {
                    <ul>
                        {items
                            .into_iter()
                            .map(|(subject, years)| view! { <CheckItem explore subject years /> })
                            .collect_view()}
                    </ul>
                };
                // A long list (every initiative, before anything is recorded)
                // folds, so the files and conflicts below stay within reach.
                let list = if count > FOLD_AFTER {
                    view! {
                        <details>
                            <summary>{t(i18n::CHECKS_SHOW_LIST)}</summary>
                            {list}
                        </details>
                    }
                    .into_any()
                } else {
                    list.into_any()
                };
                view! {
                    <section class=format!("check-group {}", kind.class())>
                        <h4>{t(kind.heading())} " (" {count} ")"</h4>
                        <p class="hint">{t(kind.explanation())}</p>
                        {list}
                    </section>
                }
            })
        }
    };
    view! {
        <section class="checks" aria-labelledby="checks-title">
            <h3 id="checks-title">{t(i18n::CHECKS_TITLE)}</h3>
            <p class="hint">{t(i18n::CHECKS_HINT)}</p>
            <p class="hint checks-relisted">{t(i18n::CHECKS_RELISTED_NOTE)}</p>
            <p class="empty checks-none" hidden=move || findings.with(|f| !f.is_empty())>{t(i18n::CHECKS_NONE)}</p>
            {section(Kind::NotStarted)}
            {section(Kind::Missing)}
            {section(Kind::Kpi)}
        </section>
    }
}

#[component]
fn CheckItem(
    /// Names the initiative or KPI and links to it.
    explore: Explore,
    /// The initiative or KPI the finding is about.
    subject: Subject,
    /// The fiscal years it was found for.
    years: Vec<FiscalYear>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let plan = explore.plan;
    let years_text = move || years.iter().map(|&y| i18n::fiscal_year(lang.get(), y)).collect::<Vec<_>>().join("、");
    let what = match subject {
        Subject::Initiative(id) => {
            let name = plan.initiative(id).map(|i| plan.display_name(i).to_string()).unwrap_or_default();
            view! {
                <InitiativeLink explore id>
                    <span class="id">{id.to_string()}</span>
                    " "
                    <span lang="ja">{name}</span>
                </InitiativeLink>
            }
            .into_any()
        }
        // The KPI's own page, where its values are entered.
        Subject::Kpi(code) => {
            let name = plan.kpi(code).map(|k| k.name.clone()).unwrap_or_default();
            view! {
                <a
                    class="kpi-name"
                    href=move || explore.href_kpi(Some(code))
                    on:click=move |ev| {
                        if crate::ui::is_plain_click(&ev) {
                            ev.prevent_default();
                            explore.open_kpi(Some(code));
                        }
                    }
                >
                    <span class="code">{code.to_string()}</span>
                    " "
                    <span lang="ja">{name}</span>
                </a>
            }
            .into_any()
        }
    };
    view! { <li>{what} <span class="check-years">" · " {years_text}</span></li> }
}

/// 公表版からの変更: every field this browser's record says differently from
/// the published `progress.json`, for the 事務局 to check before publishing.
#[component]
pub fn PublishedChanges(
    /// The plan the fields belong to.
    plan: PlanRef,
    /// The record shown.
    record: Memo<Record>,
    /// The published record, if the site has one.
    published: RwSignal<Published>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let changes = Memo::new(move |_| {
        let published = published.read();
        let Published::Loaded(published) = &*published else { return None };
        Some(record.with(|shown| sync::changes(published, shown)))
    });
    view! {
        <Show when=move || changes.with(Option::is_some)>
            <section class="published-changes" aria-labelledby="published-changes-title">
                <h3 id="published-changes-title">{t(i18n::PUBLISHED_CHANGES)}</h3>
                <p class="hint">{t(i18n::PUBLISHED_CHANGES_HINT)}</p>
                {move || {
                    let lang = lang.get();
                    let list = changes.get().unwrap_or_default();
                    if list.is_empty() {
                        return view! { <p class="empty">{i18n::PUBLISHED_CHANGES_NONE.get(lang)}</p> }.into_any();
                    }
                    let value = move |v: &str| if v.is_empty() { i18n::HISTORY_EMPTY.get(lang).to_string() } else { v.to_string() };
                    view! {
                        <ul class="plain change-list">
                            {list
                                .iter()
                                .map(|c| view! {
                                    <li>
                                        <span class="change-cell">{crate::ui::views::records::describe_key(plan, lang, c.key)}</span>
                                        " " <strong>{i18n::history_field(c.field).get(lang)}</strong> ": "
                                        <span class="before">{value(&c.published)}</span>
                                        " → "
                                        <span class="after">{value(&c.now)}</span>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </section>
        </Show>
    }
}
