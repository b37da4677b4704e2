//! 照会と取りまとめ at the top of the progress view, for staff: the request a
//! 担当 opened, with its to-do list and the answer file; for the 事務局, one
//! request file per 担当 and the board of who has answered. Files come in
//! through the files panel's one input (`records.rs`), which hands request
//! and answer files to the cycle (`state::cycle`).

use std::collections::BTreeSet;

use kama_plan::progress::answer::make_answer;
use kama_plan::progress::assign::assignments;
use kama_plan::progress::board::{self, BoardRow, Due, RowState};
use kama_plan::progress::csv::UtcOffset;
use kama_plan::progress::document::{DocumentError, MAX_IMPORT_BYTES};
use kama_plan::progress::edit::Edit;
use kama_plan::progress::file_name::ExportError;
use kama_plan::progress::request::{make_requests, Issue, Request};
use kama_plan::progress::review::{self, ReviewState};
use kama_plan::staff::Role;
use kama_plan::timeline::CalendarDate;
use kama_plan::FiscalYear;
use leptos::prelude::*;

use crate::adapters::{clock, download};
use crate::i18n::{self, t, Lang};
use crate::state::cycle::{Cycle, FileRefusal};
use crate::state::progress::Published;
use crate::state::{Explore, Progress};
use crate::ui::first::plan_tree::InitiativeLink;

const JSON: &str = "application/json";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[component]
pub fn CyclePanel(
    /// Opens an initiative from a to-do list or the board.
    explore: Explore,
    /// The record, its recorder and its files.
    progress: Progress,
    /// The request opened here and the answers read.
    cycle: Cycle,
    /// The fiscal year the progress view shows.
    year: Memo<FiscalYear>,
) -> impl IntoView {
    let secretariat = move || progress.staff.with(|s| s.role == Role::Secretariat);
    // The year's 回答期限 as recorded (it travels with the record): it marks
    // overdue rows on the board.
    let deadline = Memo::new(move |_| progress.shown.with(|r| r.years.get(&year.get()).and_then(|c| c.deadline)));
    view! {
        <section class="cycle no-print" aria-labelledby="cycle-title" hidden=move || !progress.can_record()>
            <h2 id="cycle-title">{t(i18n::CYCLE_TITLE)}</h2>
            <p class="hint">{t(i18n::CYCLE_HINT)}</p>
            <AnswersRead cycle />
            {move || cycle.request.get().map(|request| view! { <OpenedRequest explore progress cycle request /> })}
            {move || secretariat().then(|| view! {
                <MakeRequests progress year />
                <AnswerBoard explore progress year deadline />
                <crate::ui::views::publishing::YearClosing progress year />
                <crate::ui::views::publishing::PublishFile progress />
            })}
        </section>
    }
}

/// What the last answer files gave: which were taken, and what was not.
#[component]
fn AnswersRead(
    /// The answer files last read, and the files refused.
    cycle: Cycle,
) -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        {move || cycle.answers.get().map(|a| {
            let lang = lang.get();
            let notes: Vec<String> = a.collected.duplicates.iter().map(|d| i18n::duplicate_file(lang, d))
                .chain(a.collected.superseded.iter().map(|s| i18n::superseded(lang, s)))
                .chain(a.not_applied.iter().map(|(file, key, why)| i18n::about_file(lang, file, &i18n::not_applied(lang, *key, *why))))
                .collect();
            view! {
                <div class="answers-read" role="status">
                    <h3>{t(i18n::ANSWERS_TITLE)}</h3>
                    <ul class="answers-taken">{a.taken.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                    {(!notes.is_empty()).then(|| view! {
                        <h4>{t(i18n::ANSWER_NOT_APPLIED)}</h4>
                        <ul class="answers-not-applied">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    })}
                    <p class="hint">{t(i18n::ANSWERS_APPLY_HINT)}</p>
                </div>
            }
        })}
        {move || (!cycle.refused.with(Vec::is_empty)).then(|| view! {
            <div class="notice warning files-refused" role="alert">
                <p>{t(i18n::FILES_REFUSED)}</p>
                <ul>
                    {move || cycle.refused.get().into_iter().map(|(file, why)| {
                        view! { <li>{move || i18n::about_file(lang.get(), &file, &refusal_text(lang.get(), &why))}</li> }
                    }).collect_view()}
                </ul>
            </div>
        })}
    }
}

fn refusal_text(lang: Lang, refusal: &FileRefusal) -> String {
    match refusal {
        FileRefusal::File(e) => i18n::exchange_error(lang, e),
        FileRefusal::Answer(e) => i18n::answer_error(lang, e),
        FileRefusal::Workbook => i18n::SHEET_ALONE.get(lang).to_string(),
        FileRefusal::Unreadable(e) => i18n::unreadable(lang, e),
        FileRefusal::NotFetched(e) => i18n::fetch_error(lang, e),
        FileRefusal::TooLarge { bytes } => {
            i18n::document_error(lang, &DocumentError::TooLarge { bytes: *bytes, max: MAX_IMPORT_BYTES })
        }
    }
}

/// The request this browser answers: what is asked, the rows as filled so
/// far, and the answer file.
#[component]
fn OpenedRequest(
    /// Links each to-do row to its initiative.
    explore: Explore,
    /// The record the rows and the answer are read from, and who answers.
    progress: Progress,
    /// Forgets the request when it is closed.
    cycle: Cycle,
    /// The request answered: what is asked, its rows and its comments.
    request: Request,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let today = clock::today();
    let due = Some(Due { deadline: request.deadline, today });
    let warnings = request.warnings(today, &progress.closed_years());
    let rows = {
        let request = request.clone();
        Memo::new(move |_| progress.shown.with(|r| board::to_do(r, &request, due)))
    };
    let saved = RwSignal::new(None::<Result<(), Failure>>);
    let answer = {
        let request = request.clone();
        move |_| {
            let author = progress.staff.with_untracked(|s| s.author().unwrap_or_default().to_string());
            let answer = progress.shown.with_untracked(|r| make_answer(&request, r, &author, clock::now_ms()));
            let name = format!("{}.json", answer.file_stem(clock::utc_offset()));
            saved.set(Some(save(&name, JSON, answer.to_json().map(String::into_bytes))));
        }
    };
    let (year, owner, deadline) = (request.year, request.owner.to_string(), request.deadline);
    let heading = move || i18n::request_heading(lang.get(), year, &owner, deadline);
    let comments = request.comments.clone();
    view! {
        <section class="opened-request" aria-labelledby="opened-request-title">
            <h3 id="opened-request-title">{t(i18n::REQUEST_OPENED)} ": " {heading}</h3>
            <p class="hint">{t(i18n::REQUEST_FROM)} ": " {request.issued_by.clone()}</p>
            {warnings.into_iter().map(|w| view! { <p class="notice warning">{move || i18n::request_warning(lang.get(), &w)}</p> }).collect_view()}
            {(!request.instructions.is_empty()).then(|| view! {
                <h4>{t(i18n::REQUEST_INSTRUCTIONS)}</h4>
                <p class="request-instructions">{request.instructions.clone()}</p>
            })}
            <h4>{t(i18n::REQUEST_TODO)}</h4>
            <ul class="to-do">
                {move || rows.get().into_iter().map(|row| {
                    let comment = comments.get(&row.id).cloned();
                    view! { <ToDoRow explore row comment /> }
                }).collect_view()}
            </ul>
            <div class="actions">
                <button type="button" class="primary make-answer" on:click=answer>{t(i18n::ANSWER_MAKE)}</button>
                <button type="button" class="secondary" on:click=move |_| cycle.forget_request(progress)>{t(i18n::REQUEST_CLOSE)}</button>
            </div>
            <SaveOutcome saved done=i18n::ANSWER_MADE />
        </section>
    }
}

#[component]
fn ToDoRow(
    /// Names the initiative and links to it.
    explore: Explore,
    /// The initiative and how far its answer has got.
    row: BoardRow,
    /// The 事務局's comment on it, sent with the request.
    comment: Option<String>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let name = explore.plan.initiative(row.id).map(|i| explore.plan.display_name(i).to_string()).unwrap_or_default();
    view! {
        <li class="to-do-row" data-initiative-id=row.id.to_string() data-state=state_code(row.state)>
            <InitiativeLink explore id=row.id>
                <span class="code" lang="ja">{row.id.to_string()}</span> " " <span lang="ja">{name}</span>
            </InitiativeLink>
            " " <span class=format!("badge row-{}", state_code(row.state))>{move || i18n::row_state(lang.get(), row.state)}</span>
            {row.overdue.then(|| view! { " " <span class="badge overdue">{t(i18n::BOARD_OVERDUE)}</span> })}
            {comment.map(|c| view! { <p class="request-comment">{t(i18n::REQUEST_COMMENTS)} ": " {c}</p> })}
        </li>
    }
}

fn state_code(state: RowState) -> &'static str {
    match state {
        RowState::Answered => "answered",
        RowState::Partial => "partial",
        RowState::Empty => "empty",
    }
}

/// Why a file could not be saved.
#[derive(Debug, Clone)]
enum Failure {
    Encode(ExportError),
    Download,
}

fn save(name: &str, mime: &str, bytes: Result<Vec<u8>, ExportError>) -> Result<(), Failure> {
    let bytes = bytes.map_err(Failure::Encode)?;
    download::save(name, mime, &bytes).map_err(|_| Failure::Download)
}

#[component]
fn SaveOutcome(
    /// How the last save went, once a file has been saved.
    saved: RwSignal<Option<Result<(), Failure>>>,
    /// What is said when the file was saved.
    done: i18n::Msg,
) -> impl IntoView {
    let lang = i18n::use_lang();
    move || {
        saved.get().map(|outcome| match outcome {
            Ok(()) => view! { <p class="notice saved" role="status">{t(done)}</p> }.into_any(),
            Err(e) => {
                let detail = match e {
                    Failure::Encode(e) => i18n::export_error(lang.get_untracked(), &e),
                    Failure::Download => String::new(),
                };
                view! { <p class="notice warning" role="alert">{t(i18n::DOWNLOAD_FAILED)} " " {detail}</p> }.into_any()
            }
        })
    }
}

/// The 事務局's request files for the year: one per 担当, each with its rows,
/// last year's answers to start from, the deadline and the instructions.
#[component]
fn MakeRequests(
    /// The record the requests are made from, where the year's settings are
    /// kept, and who issues them.
    progress: Progress,
    /// The fiscal year asked about.
    year: Memo<FiscalYear>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    // Drafts of the year's settings, from the record; recorded when the requests are made.
    let settings =
        move || progress.shown.with_untracked(|r| r.years.get(&year.get_untracked()).cloned().unwrap_or_default());
    let deadline = RwSignal::new(settings().deadline);
    let instructions = RwSignal::new(settings().instructions);
    let made = RwSignal::new(Vec::<Request>::new());
    let tried = RwSignal::new(false);
    let saved = RwSignal::new(None::<Result<(), Failure>>);
    let make = move |_| {
        tried.set(true);
        let Some(deadline) = deadline.get_untracked() else { return };
        let year = year.get_untracked();
        progress.edit(
            Edit::YearSettings { year, deadline: Some(deadline), instructions: instructions.get_untracked() },
            false,
        );
        let issue = Issue {
            year,
            deadline,
            instructions: instructions.get_untracked(),
            issued_by: progress.staff.with_untracked(|s| s.author().unwrap_or_default().to_string()),
            issued_at: clock::now_ms(),
        };
        made.set(progress.shown.with_untracked(|r| {
            // The 事務局's comments on confirmed lines go back with the next request.
            let comments = r
                .reviews
                .iter()
                .filter(|((_, y), _)| *y == year)
                .filter_map(|(&(id, _), c)| {
                    c.confirmed.as_ref().filter(|c| !c.comment.is_empty()).map(|c| (id, c.comment.clone()))
                })
                .collect();
            make_requests(progress.plan, r, &issue, &comments)
        }));
    };
    let no_owners = move || progress.shown.with(|r| assignments(progress.plan, r, year.get()).by_owner.is_empty());
    view! {
        <section class="make-requests" aria-labelledby="make-requests-title">
            <h3 id="make-requests-title">{t(i18n::REQUEST_MAKE_TITLE)}</h3>
            {move || no_owners().then(|| view! { <p class="notice">{t(i18n::REQUEST_NO_OWNERS)}</p> })}
            <label class="field">
                <span>{t(i18n::REQUEST_DEADLINE)}</span>
                <input
                    type="date"
                    id="request-deadline"
                    prop:value=move || deadline.get().map(|d| d.iso()).unwrap_or_default()
                    on:input=move |ev| deadline.set(CalendarDate::parse(&event_target_value(&ev)).ok())
                />
            </label>
            <label class="field">
                <span>{t(i18n::REQUEST_INSTRUCTIONS)}</span>
                <textarea id="request-instructions" rows="3" prop:value=instructions on:input=move |ev| instructions.set(event_target_value(&ev))></textarea>
            </label>
            {move || (tried.get() && deadline.get().is_none()).then(|| view! { <p class="field-error" role="alert">{t(i18n::REQUEST_NO_DEADLINE)}</p> })}
            <button type="button" class="primary" on:click=make disabled=no_owners>{t(i18n::REQUEST_MAKE)}</button>
            {move || (!made.with(Vec::is_empty)).then(|| view! {
                <h4>{t(i18n::REQUEST_MADE)}</h4>
                <ul class="requests-made">
                    {move || made.get().into_iter().map(|request| {
                        let owner = request.owner.to_string();
                        let rows = request.rows.len();
                        view! {
                            <li data-owner=owner.clone()>
                                <strong>{owner.clone()}</strong> " · " {rows} {move || i18n::REQUEST_ROWS.get(lang.get())} " "
                                <button
                                    type="button"
                                    class="request-json"
                                    on:click={
                                        let request = request.clone();
                                        move |_| {
                                            let name = format!("{}.json", request.file_stem(UtcOffset::JST));
                                            saved.set(Some(save(&name, JSON, request.to_json().map(String::into_bytes))));
                                        }
                                    }
                                >
                                    {t(i18n::REQUEST_DOWNLOAD)}
                                </button>
                                " "
                                // For a 担当 who answers in Excel: its rows of the 評価シート.
                                <button
                                    type="button"
                                    class="request-xlsx"
                                    on:click=move |_| {
                                        let name = format!("{}.xlsx", request.file_stem(UtcOffset::JST));
                                        let bytes = request.workbook(progress.plan, clock::now_ms(), UtcOffset::JST);
                                        saved.set(Some(save(&name, XLSX, bytes.map_err(ExportError::from))));
                                    }
                                >
                                    {t(i18n::REQUEST_DOWNLOAD_XLSX)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <SaveOutcome saved done=i18n::REQUEST_SAVED />
            })}
        </section>
    }
}

/// Who has answered for the year: per 担当 the rows asked, answered, partly
/// filled, empty, in conflict and overdue, each row linking to its initiative.
#[component]
fn AnswerBoard(
    /// Links each row to its initiative.
    explore: Explore,
    /// The record counted, its conflicts, and where checks are recorded.
    progress: Progress,
    /// The fiscal year counted.
    year: Memo<FiscalYear>,
    /// The year's 回答期限, which marks rows overdue.
    deadline: Memo<Option<CalendarDate>>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let today = clock::today();
    let board = Memo::new(move |_| {
        let conflicts: BTreeSet<_> = progress.conflicts.with(|c| c.iter().map(|c| c.key()).collect());
        let due = deadline.get().map(|deadline| Due { deadline, today });
        progress.shown.with(|r| {
            let year = year.get();
            let submitted = |id| {
                r.reviews
                    .get(&(progress.plan.record_id(id), year))
                    .and_then(|c| c.submitted.as_ref())
                    .map(|s| s.updated_at)
            };
            board::board(progress.plan, r, year, due, &conflicts, submitted)
        })
    });
    let header = |msg: i18n::Msg| view! { <th scope="col">{t(msg)}</th> };
    view! {
        <section class="answer-board" aria-labelledby="answer-board-title">
            <h3 id="answer-board-title">{t(i18n::BOARD_TITLE)}</h3>
            <p class="hint">{t(i18n::BOARD_ANSWERED_RULE)}</p>
            <div class="table-scroll">
                <table class="board">
                    <thead>
                        <tr>
                            {header(i18n::BOARD_OWNER)}
                            {header(i18n::BOARD_REQUESTED)}
                            {header(i18n::BOARD_ANSWERED)}
                            {header(i18n::BOARD_PARTIAL)}
                            {header(i18n::BOARD_EMPTY)}
                            {header(i18n::BOARD_CONFLICT)}
                            {header(i18n::BOARD_OVERDUE)}
                            {header(i18n::BOARD_LAST_ANSWER)}
                        </tr>
                    </thead>
                    <tbody>
                        {move || board.get().owners.into_iter().map(|o| {
                            let last = o.last_answer.map(|ms| i18n::date_time(lang.get_untracked(), clock::local_time(ms)));
                            view! {
                                <tr data-owner=o.owner.to_string()>
                                    <th scope="row">{o.owner.to_string()}</th>
                                    <td class="num requested">{o.requested()}</td>
                                    <td class="num answered">{o.answered}</td>
                                    <td class="num partial">{o.partial}</td>
                                    <td class="num empty">{o.empty}</td>
                                    <td class="num conflict">{o.in_conflict}</td>
                                    <td class="num overdue">{o.overdue}</td>
                                    <td>{last.unwrap_or_else(|| "—".into())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || board.get().owners.into_iter().map(|o| {
                let owner = o.owner.to_string();
                view! {
                    <details class="board-rows" data-owner=owner.clone()>
                        <summary>{owner.clone()} " (" {o.rows.len()} ")"</summary>
                        <ul class="review-rows">
                            {o.rows.into_iter().map(|row| view! { <ReviewRow explore progress row year=year.get_untracked() /> }).collect_view()}
                        </ul>
                    </details>
                }
            }).collect_view()}
            {move || {
                let unassigned = board.get().unassigned;
                (!unassigned.is_empty()).then(|| view! {
                    <details class="board-unassigned">
                        <summary>{t(i18n::BOARD_UNASSIGNED)} " (" {unassigned.len()} ")"</summary>
                        <ul class="to-do">{unassigned.into_iter().map(|row| view! { <ToDoRow explore row comment=None /> }).collect_view()}</ul>
                    </details>
                })
            }}
        </section>
    }
}

/// One line on the board: how far it has got, and the 事務局's check of it
/// (確認, with a comment sent back in the next request, or its withdrawal).
#[component]
fn ReviewRow(
    /// Links the line to its initiative.
    explore: Explore,
    /// The record the line's check is read from and recorded in.
    progress: Progress,
    /// The initiative and how far its answer has got.
    row: BoardRow,
    /// The fiscal year checked.
    year: FiscalYear,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let plan = progress.plan;
    let id = row.id;
    let state = Memo::new(move |_| {
        let published = progress.published.read();
        let published = match &*published {
            Published::Loaded(p) => Some(p),
            _ => None,
        };
        progress.shown.with(|r| review::state(r, plan, id, year, published))
    });
    let comment = RwSignal::new(String::new());
    let closed = move || progress.shown.with(|r| r.is_closed(year));
    let state_code = move || match state.get() {
        ReviewState::Drafting => "drafting",
        ReviewState::Submitted { .. } => "submitted",
        ReviewState::Confirmed(_) => "confirmed",
        ReviewState::Published(_) => "published",
    };
    let why = move || match state.get() {
        ReviewState::Submitted { changed_after_confirmation: Some(c), .. } => {
            let lang = lang.get();
            let changed = c.changed.as_ref().map(|s| i18n::stamp(lang, s));
            Some(i18n::changed_after_confirmation(lang, changed.as_deref(), &i18n::stamp(lang, &c.confirmation.by)))
        }
        _ => None,
    };
    let confirmable = move || {
        matches!(state.get(), ReviewState::Submitted { .. } | ReviewState::Drafting) && row.state != RowState::Empty
    };
    let key = plan.record_id(id);
    view! {
        <li class="review-row" data-initiative-id=id.to_string() data-review=state_code>
            <ToDoRow explore row comment=None />
            " " <span class="badge review">{move || i18n::review_state(&state.get()).get(lang.get())}</span>
            {move || why().map(|w| view! { <p class="notice changed-after-confirmation">{w}</p> })}
            {move || match state.get() {
                ReviewState::Confirmed(c) | ReviewState::Published(c) => view! {
                    <p class="confirmed-by">
                        {move || i18n::stamp(lang.get(), &c.by)}
                        {(!c.comment.is_empty()).then(|| format!(" · {}", c.comment))}
                        " "
                        <button type="button" class="link-button" disabled=closed on:click=move |_| progress.edit(Edit::Unconfirm { id: key, year }, false)>
                            {t(i18n::REVIEW_UNCONFIRM)}
                        </button>
                    </p>
                }.into_any(),
                _ => view! {
                    <div class="confirm" hidden=move || !confirmable()>
                        <label>
                            <span class="visually-hidden">{t(i18n::REVIEW_COMMENT)}</span>
                            <input type="text" class="review-comment" prop:value=comment placeholder=move || i18n::REVIEW_COMMENT.get(lang.get()) on:input=move |ev| comment.set(event_target_value(&ev)) />
                        </label>
                        <button
                            type="button"
                            class="confirm-row"
                            disabled=closed
                            on:click=move |_| progress.edit(Edit::Confirm { id: key, year, comment: comment.get_untracked() }, false)
                        >
                            {t(i18n::REVIEW_CONFIRM)}
                        </button>
                    </div>
                }.into_any(),
            }}
        </li>
    }
}
