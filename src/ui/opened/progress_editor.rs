//! Recording an initiative's line of the 評価シート for one fiscal year:
//! 進捗状況, 実績, 自己評価, 課題, 今後の方向性, 担当, 根拠 and メモ, and who
//! recorded it when. The year is the URL's (`year=`), so moving to the next
//! initiative keeps it. A re-listed row (再掲) edits its original's record.
//! Every change is an `Edit` through the progress store.

use std::cell::Cell;

use kama_plan::progress::edit::{Change, Edit, TextField};
use kama_plan::progress::{
    split_owners, Cell as _, CellKey, Grade, InitiativeCell, Link, LinkError, Record, Status, WayForward,
};
use kama_plan::scales::Choice;
use kama_plan::{FiscalYear, InitiativeId};
use leptos::prelude::*;

use crate::adapters::clock;
use crate::i18n::{self, t};
use crate::state::Progress;

thread_local! {
    /// Set by 次の取組へ / 前の取組へ: the next detail to open puts the
    /// keyboard in its editor rather than on its heading.
    static FOCUS_EDITOR: Cell<bool> = const { Cell::new(false) };
}

/// Whether the detail being opened should focus its editor (asked once).
pub fn take_focus_request() -> bool {
    FOCUS_EDITOR.with(|f| f.replace(false))
}

/// The id of the editor's first field, for focusing it.
pub const FIRST_FIELD: &str = "editor-status";

#[component]
pub fn ProgressEditor(
    /// The record, its edits and its stamps.
    progress: Progress,
    /// The initiative shown (a re-listed row edits its original's record).
    id: InitiativeId,
    /// The fiscal year being recorded.
    year: Memo<FiscalYear>,
    /// Chooses another year.
    on_year: Callback<FiscalYear>,
    /// The initiatives before and after this one in the list, if any.
    neighbours: (Option<InitiativeId>, Option<InitiativeId>),
    /// Opens another initiative.
    on_open: Callback<InitiativeId>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let plan = progress.plan;
    let key = plan.record_id(id);
    let years: Vec<FiscalYear> = plan.plan.fiscal_years.years().collect();
    let current = kama_plan::timeline::fiscal_year_of(clock::today());
    let go = move |to: InitiativeId| {
        FOCUS_EDITOR.with(|f| f.set(true));
        on_open.run(to);
    };
    let (previous, next) = neighbours;
    view! {
        <section id="progress-editor" class="progress-editor" aria-labelledby="progress-editor-title">
            <h3 id="progress-editor-title" tabindex="-1">{t(i18n::PROGRESS_RECORD)}</h3>
            <p class="hint">{t(i18n::PROGRESS_RECORD_HINT)}</p>
            {(key != id).then(|| view! { <p class="hint relisted-shares">{move || i18n::relisted_shares(lang.get(), key)}</p> })}
            <div class="year-tabs" role="group" aria-label=t(i18n::RECORD_YEAR)>
                {years
                    .into_iter()
                    .map(|y| {
                        view! {
                            <button
                                type="button"
                                class="year-tab"
                                class:current-fy=y == current
                                aria-pressed=move || (year.get() == y).to_string()
                                data-year=y.0
                                on:click=move |_| on_year.run(y)
                            >
                                {y.0}
                                {(y == current).then(|| view! { <span class="badge current">{t(i18n::CURRENT_FY)}</span> })}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                let year = year.get();
                view! { <YearForm progress id=key year /> }
            }}
            <nav class="editor-steps" aria-label=t(i18n::PROGRESS_RECORD)>
                {previous.map(|p| view! {
                    <button type="button" class="previous-initiative" on:click=move |_| go(p)>
                        "← " {t(i18n::PREVIOUS_INITIATIVE)} " " <span lang="ja">{p.to_string()}</span>
                    </button>
                })}
                {next.map(|n| view! {
                    <button type="button" class="next-initiative" on:click=move |_| go(n)>
                        {t(i18n::NEXT_INITIATIVE)} " " <span lang="ja">{n.to_string()}</span> " →"
                    </button>
                })}
            </nav>
        </section>
    }
}

/// The fields of one year. Labels are a public interface (tests, screen
/// readers): 進捗状況, 実績, 自己評価, 課題, 今後の方向性, 担当, 根拠, メモ.
#[component]
fn YearForm(
    /// The record, its edits and its stamps.
    progress: Progress,
    /// The initiative whose record this is (never a re-listed row).
    id: InitiativeId,
    /// The fiscal year shown.
    year: FiscalYear,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let plan = progress.plan;
    let cell = Memo::new(move |_| progress.shown.with(|r| r.initiatives.get(&(id, year)).cloned()));
    let read = move |f: fn(&InitiativeCell) -> String| cell.with(|c| c.as_ref().map(f).unwrap_or_default());
    let edit = move |change: Change, typing: bool| progress.edit(Edit::Initiative { id, year, change }, typing);
    let draft = move || progress.is_draft(CellKey::Initiative(id, year));
    let carried = Memo::new(move |_| {
        progress.shown.with(|r| match r.owners(plan, id, year) {
            Some((from, owners)) if from != year => Some((from, owners.join("、"))),
            _ => None,
        })
    });
    let stamp = move || {
        cell.with(|c| {
            c.as_ref().map(|c| {
                let written = i18n::stamp(lang.get(), c.author_stamp());
                match &c.written {
                    // Someone else's words, taken by the last change's author.
                    Some(_) => {
                        let when = i18n::date_time(lang.get(), clock::local_time(c.stamp.updated_at));
                        format!("{written}（{}）", i18n::taken_by(lang.get(), c.stamp.author.as_deref(), &when))
                    }
                    None => written,
                }
            })
        })
    };
    let text_area = move |field: TextField, label: i18n::Msg, rows: &'static str| {
        let input_id = format!("editor-{}", text_field_slug(field));
        view! {
            <label for=input_id.clone()>{t(label)}</label>
            <textarea
                id=input_id
                class=format!("{}-input", text_field_slug(field))
                rows=rows
                prop:value=move || cell.with(|c| c.as_ref().map(|c| c.text(field).to_string()).unwrap_or_default())
                on:input=move |ev| edit(Change::Text(field, event_target_value(&ev)), true)
                on:blur=move |_| progress.seal_typing()
            ></textarea>
        }
    };
    let unlisted = Memo::new(move |_| {
        cell.with(|c| c.as_ref().and_then(|c| c.status)).filter(|&s| !plan.evaluation.lists_status(s))
    });
    view! {
        // Visitors read the record in the same form, unchangeable.
        <fieldset class="year-card" data-year=year.0 disabled=move || !progress.can_edit(year)>
            <legend>{move || i18n::fiscal_year(lang.get(), year)}</legend>
            {move || progress.shown.with(|r| r.closing(year).map(|c| {
                let notice = i18n::year_closed_notice(lang.get(), year, &i18n::stamp(lang.get(), c.author_stamp()), &c.reason);
                view! { <p class="notice year-closed">{notice}</p> }
            }))}
            <label for=FIRST_FIELD>{t(i18n::STATUS)}</label>
            <select
                id=FIRST_FIELD
                class="status-select"
                prop:value=move || read(|c| c.status.map(Status::as_ja).unwrap_or_default().to_string())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Change::Status(Status::ALL.into_iter().find(|s| s.as_ja() == value)), false);
                }
            >
                <option value="">{t(i18n::STATUS_NONE)}</option>
                // The plan's statuses, and one it does not list if the record holds it.
                {move || {
                    let held = unlisted.get();
                    plan.evaluation
                        .statuses_shown(|s| held == Some(s))
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.as_ja() selected=held == Some(s)>
                                    {move || i18n::status(lang.get(), &plan.evaluation, s).to_string()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {text_area(TextField::Results, i18n::RESULTS, "4")}
            <ChoiceSelect
                id="editor-grade"
                label=i18n::GRADE
                none=i18n::GRADE_NONE
                choices=&plan.evaluation.grades
                with_code=true
                value=Signal::derive(move || read(|c| c.grade.as_ref().map(|g| g.0.clone()).unwrap_or_default()))
                on_change=Callback::new(move |code: Option<String>| edit(Change::Grade(code.map(Grade)), false))
            />
            {text_area(TextField::Challenges, i18n::CHALLENGES, "3")}
            <ChoiceSelect
                id="editor-way-forward"
                label=i18n::WAY_FORWARD
                none=i18n::WAY_FORWARD_NONE
                choices=&plan.evaluation.directions
                with_code=false
                value=Signal::derive(move || read(|c| c.way_forward.as_ref().map(|w| w.0.clone()).unwrap_or_default()))
                on_change=Callback::new(move |code: Option<String>| edit(Change::WayForward(code.map(WayForward)), false))
            />
            <label for="editor-owners">{t(i18n::OWNERS)}</label>
            <input
                id="editor-owners"
                class="owners-input"
                type="text"
                aria-describedby="editor-owners-hint"
                prop:value=move || read(|c| c.owners.join("、"))
                prop:placeholder=move || carried.get().map(|(from, o)| i18n::owners_carried(lang.get(), &o, from)).unwrap_or_default()
                on:change=move |ev| edit(Change::Owners(split_owners(&event_target_value(&ev))), false)
            />
            <p id="editor-owners-hint" class="hint">
                {move || carried.get().map(|(from, o)| format!("{} ", i18n::owners_carried(lang.get(), &o, from)))}
                {t(i18n::OWNERS_HINT)}
            </p>
            <Links progress id year cell />
            {text_area(TextField::Note, i18n::NOTE, "3")}
            <p class="stamp">
                {move || stamp().map(|s| view! { <span>{t(i18n::UPDATED_BY)} ": " {s}</span> })}
                {move || draft().then(|| view! { <span class="badge draft">{t(i18n::LOCAL_DRAFT)}</span> })}
            </p>
            <CellHistoryList record=progress.shown key=CellKey::Initiative(id, year) />
        </fieldset>
    }
}

/// How the cell came to say what it says, newest first, on demand.
#[component]
fn CellHistoryList(
    /// The record holding the history.
    record: Memo<Record>,
    /// The cell whose history is shown.
    key: CellKey,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let history = Memo::new(move |_| record.with(|r| r.history.get(&key).cloned().unwrap_or_default()));
    view! {
        <Show when=move || history.with(|h| !h.entries.is_empty())>
            <details class="cell-history">
                <summary>{t(i18n::HISTORY)} " (" {move || history.with(|h| h.entries.len())} ")"</summary>
                <ol class="plain">
                    {move || {
                        let lang = lang.get();
                        history.with(|h| {
                            h.entries
                                .iter()
                                .rev()
                                .map(|e| {
                                    let value = |v: &str| if v.is_empty() { i18n::HISTORY_EMPTY.get(lang).to_string() } else { v.to_string() };
                                    let from = e.from.as_ref().map(|f| format!("（{}）", i18n::stamp(lang, f)));
                                    view! {
                                        <li>
                                            <span class="history-when">{i18n::stamp(lang, &e.stamp)}</span>
                                            " " <strong>{i18n::history_field(e.field).get(lang)}</strong> ": "
                                            <span class="before">{value(&e.before)}</span>
                                            " → "
                                            <span class="after">{value(&e.after)}</span>
                                            {from}
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </ol>
                {move || history.with(|h| (h.omitted > 0).then(|| view! { <p class="hint">{i18n::history_omitted(lang.get(), h.omitted)}</p> }))}
            </details>
        </Show>
    }
}

/// 根拠: the year's links, each removable, and a form to add one.
#[component]
fn Links(
    /// The record the links are edited in.
    progress: Progress,
    /// The initiative whose record this is.
    id: InitiativeId,
    /// The fiscal year shown.
    year: FiscalYear,
    /// The year's cell as shown.
    cell: Memo<Option<InitiativeCell>>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let links = Memo::new(move |_| cell.with(|c| c.as_ref().map(|c| c.links.clone()).unwrap_or_default()));
    let title = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<LinkError>);
    let set = move |links: Vec<Link>| progress.edit(Edit::Initiative { id, year, change: Change::Links(links) }, false);
    let add = move || match Link::new(&title.get_untracked(), &url.get_untracked()) {
        Ok(link) => {
            let mut all = links.get_untracked();
            if !all.contains(&link) {
                all.push(link);
            }
            set(all);
            title.set(String::new());
            url.set(String::new());
            refused.set(None);
        }
        Err(e) => refused.set(Some(e)),
    };
    view! {
        <fieldset class="links">
            <legend>{t(i18n::LINKS)}</legend>
            {move || {
                let all = links.get();
                if all.is_empty() {
                    return view! { <p class="hint">{t(i18n::LINKS_NONE)}</p> }.into_any();
                }
                view! {
                    <ul class="plain link-list">
                        {all
                            .iter()
                            .enumerate()
                            .map(|(n, link)| {
                                let shown = if link.title.is_empty() { link.url.clone() } else { link.title.clone() };
                                view! {
                                    <li>
                                        <a href=link.url.clone() target="_blank" rel="noopener noreferrer">{shown}</a>
                                        " "
                                        <button
                                            type="button"
                                            class="link-remove"
                                            on:click=move |_| {
                                                let mut rest = links.get_untracked();
                                                if n < rest.len() {
                                                    rest.remove(n);
                                                }
                                                set(rest);
                                            }
                                        >
                                            {t(i18n::LINK_REMOVE)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <div class="link-add">
                <label>
                    <span>{t(i18n::LINK_TITLE)}</span>
                    <input type="text" class="link-title" bind:value=title />
                </label>
                <label>
                    <span>{t(i18n::LINK_URL)}</span>
                    <input
                        type="url"
                        class="link-url"
                        inputmode="url"
                        bind:value=url
                        aria-invalid=move || refused.get().is_some().to_string()
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add();
                            }
                        }
                    />
                </label>
                <button type="button" class="link-add-button" on:click=move |_| add()>{t(i18n::LINK_ADD)}</button>
            </div>
            <p class="error" role="alert">{move || refused.get().map(|e| i18n::link_error(lang.get(), e))}</p>
        </fieldset>
    }
}

/// A select over one of the plan's scales, with a "none" first.
#[component]
fn ChoiceSelect(
    /// The select's id (its label points at it).
    id: &'static str,
    /// Its accessible label.
    label: i18n::Msg,
    /// The option for "nothing chosen".
    none: i18n::Msg,
    /// The scale.
    choices: &'static [Choice],
    /// Whether options read `A — 計画どおり以上に実施` (a code that is not its meaning).
    with_code: bool,
    /// The chosen code ("" for none).
    value: Signal<String>,
    /// Called with the new code (`None` for none).
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        <label for=id>{t(label)}</label>
        <select
            id=id
            prop:value=move || value.get()
            on:change=move |ev| {
                let code = event_target_value(&ev);
                on_change.run((!code.is_empty()).then_some(code));
            }
        >
            <option value="">{t(none)}</option>
            {choices
                .iter()
                .map(|choice| {
                    let label = move || {
                        let meaning = i18n::choice(lang.get(), choice);
                        if with_code && meaning != choice.code {
                            format!("{} — {meaning}", choice.code)
                        } else {
                            meaning.to_string()
                        }
                    };
                    view! { <option value=choice.code.clone()>{label}</option> }
                })
                .collect_view()}
        </select>
    }
}

fn text_field_slug(field: TextField) -> &'static str {
    match field {
        TextField::Results => "results",
        TextField::Challenges => "challenges",
        TextField::Note => "note",
    }
}
