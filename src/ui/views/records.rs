//! Exchanging records as files, and settling conflicts: exports (JSON, CSV,
//! .xlsx, named with the recorder's name), an import checked and previewed before it
//! changes anything, and the list of cells changed in two places.

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;

use kama_plan::progress::document::{DocumentError, MAX_IMPORT_BYTES};
use kama_plan::progress::edit::Edit;
use kama_plan::progress::exchange::{self, FileKind};
use kama_plan::progress::file_name::{self, Contents, ExportError};
use kama_plan::progress::history::Field;
use kama_plan::progress::merge::{self, Conflict};
use kama_plan::progress::xlsx_import::{SheetError, SheetImport};
use kama_plan::progress::{join_owners, Record};
use kama_plan::progress::{Cell, CellKey, InitiativeCell, KpiCell, Stamp};
use kama_plan::staff::Role;
use kama_plan::scales::Scales;
use kama_plan::{FiscalYear, Plan};
use leptos::prelude::*;

use crate::adapters::file_input::{self, Picked};
use crate::adapters::{clock, download, BrowserError};
use crate::i18n::{self, t, Lang};
use crate::state::cycle::Cycle;
use crate::state::Progress;

use crate::ui::PlanRef;

#[component]
pub fn FilesPanel(
    /// The record, its files and its recorder.
    progress: Progress,
    /// Takes request and answer files, and several files picked at once.
    cycle: Cycle,
    /// The fiscal year the 評価シート of an .xlsx export shows.
    year: Memo<FiscalYear>,
    /// Reads an imported workbook's 評価シート.
    read_sheet: ReadSheet,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let refused = RwSignal::new(None::<Refusal>);
    let failed = RwSignal::new(None::<Failure>);
    let done = RwSignal::new(false);
    let sheet = RwSignal::new(None::<PendingSheet>);
    let save = move |name: &str, mime: &str, bytes: Result<Vec<u8>, ExportError>| {
        let outcome = match bytes {
            Ok(b) => download::save(name, mime, &b).map_err(|_| Failure::Download),
            Err(e) => Err(Failure::Encode(e)),
        };
        if outcome.is_ok() {
            progress.exported();
        }
        failed.set(outcome.err());
    };
    let stem = move |contents: Contents| {
        let author = progress.staff.with_untracked(|s| s.author().unwrap_or_default().to_string());
        file_name::export_stem(&progress.plan.plan.id, contents, &author, clock::now_ms(), clock::utc_offset())
    };
    // Picked or dropped, files take one way in.
    let take = move |files: Vec<web_sys::File>| {
        refused.set(None);
        done.set(false);
        sheet.set(None);
        progress.cancel_import();
        cycle.clear();
        leptos::task::spawn_local(async move {
            let mut picked = file_input::read_all(files, MAX_IMPORT_BYTES).await;
            // Several files, or a request or answer: the round of 照会 takes them.
            if picked.len() != 1 || picked.first().is_some_and(is_exchange) {
                cycle.open(progress, picked);
                return;
            }
            let refusal = match picked.pop() {
                None => None,
                Some(Picked::TooLarge { bytes, .. }) => {
                    Some(Refusal::File(DocumentError::TooLarge { bytes, max: MAX_IMPORT_BYTES }))
                }
                Some(Picked::Text { name, text }) => progress.preview_import(name, &text).err().map(Refusal::File),
                Some(Picked::Unreadable { detail, .. }) => Some(Refusal::Unreadable(detail)),
                Some(Picked::Workbook { name, bytes }) => {
                    let record = progress.shown.get_untracked();
                    match read_sheet(progress.plan, record, bytes).await {
                        Some(Ok(import)) => {
                            sheet.set(Some(PendingSheet { file_name: name, import }));
                            None
                        }
                        Some(Err(e)) => Some(Refusal::Sheet(e)),
                        None => Some(Refusal::ReaderUnavailable),
                    }
                }
            };
            refused.set(refusal);
        });
    };
    let on_file = move |ev: web_sys::Event| take(file_input::input_files(&ev));
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if progress.can_record() {
            take(file_input::dropped_files(&ev));
        }
    };
    view! {
        <section
            class="files-panel"
            class:dragging=dragging
            aria-labelledby="files-title"
            on:dragover=move |ev: web_sys::DragEvent| {
                // Accepting the drag is what lets the drop happen.
                ev.prevent_default();
                dragging.set(progress.can_record());
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2 id="files-title">{t(i18n::FILES)}</h2>
            <div class="export-buttons">
                {EXPORTS
                    .into_iter()
                    .map(|(label, class, ext, mime, contents, build)| {
                        view! {
                            <button
                                type="button"
                                class=class
                                on:click=move |_| {
                                    let year = year.get_untracked();
                                    save(&format!("{}.{ext}", stem(contents(year))), mime, build(progress, year))
                                }
                            >
                                {t(label)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="hint" role="status">
                {move || match progress.last_export.get() {
                    Some(ms) => format!("{}: {}", i18n::LAST_EXPORT.get(lang.get()), i18n::date_time(lang.get(), clock::local_time(ms))),
                    None => i18n::NOT_EXPORTED.get(lang.get()).to_string(),
                }}
            </p>
            <p class="notice warning export-failed" role="alert" hidden=move || failed.with(Option::is_none)>
                {t(i18n::DOWNLOAD_FAILED)}
                {move || failed.with(|f| match f {
                    Some(Failure::Encode(e)) => format!(" {}", i18n::export_error(lang.get(), e)),
                    _ => String::new(),
                })}
            </p>
            // Importing changes the record: only for those recording.
            <label class="import" hidden=move || !progress.can_record()>
                <span>{t(i18n::IMPORT)}</span>
                <input
                    type="file"
                    multiple
                    accept=".json,application/json,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-describedby="import-hint"
                    on:change=on_file
                />
            </label>
            <p id="import-hint" class="hint" hidden=move || !progress.can_record()>{t(i18n::IMPORT_HINT)}</p>
            {move || refused.get().map(|e| view! {
                <p class="notice warning import-refused" role="alert">
                    {t(i18n::IMPORT_REFUSED)} " " {move || refusal_text(lang.get(), &e)}
                </p>
            })}
            <p class="notice" role="status" hidden=move || !done.get()>{t(i18n::IMPORT_DONE)}</p>
            <ImportPreview progress done />
            <SheetPreview progress sheet done />
        </section>
    }
}

#[component]
fn ImportPreview(
    /// The import waiting to be checked, applied or cancelled.
    progress: Progress,
    /// Set once the import is applied.
    done: RwSignal<bool>,
) -> impl IntoView {
    let plan = progress.plan;
    let lang = i18n::use_lang();
    move || {
        progress.import.get().map(|pending| {
            let o = pending.outcome;
            let nothing = o.changes_nothing();
            let kept: Vec<CellKey> = o.conflicts.iter().map(Conflict::key).filter(|k| !o.changed.contains(k)).collect();
            // Cells both sides changed: both values, before anything is applied.
            let sides = o.conflicts.clone();
            let changed = o.changed.clone();
            let both = move |key: CellKey, lang: Lang| {
                sides.iter().find(|c| c.key() == key).map(|c| {
                    let (winner, loser) = conflict_sides(lang, &progress.plan.evaluation, c);
                    // Where the file wins, the loser is this browser's.
                    if changed.contains(&key) {
                        (loser, winner)
                    } else {
                        (winner, loser)
                    }
                })
            };
            let list = move |title: i18n::Msg, keys: Vec<CellKey>, class: &'static str| {
                let both = both.clone();
                (!keys.is_empty()).then(|| {
                    view! {
                        <h4>{t(title)} " (" {keys.len()} ")"</h4>
                        <ul class=class>
                            {keys
                                .into_iter()
                                .map(|k| {
                                    let sides = both(k, lang.get_untracked()).map(|(local, incoming)| view! {
                                        <dl class="import-sides">
                                            <dt>{t(i18n::IMPORT_LOCAL)}</dt>
                                            <dd class="local">{local}</dd>
                                            <dt>{t(i18n::IMPORT_INCOMING)}</dt>
                                            <dd class="incoming">{incoming}</dd>
                                        </dl>
                                    });
                                    view! { <li>{move || describe_key(plan, lang.get(), k)} {sides}</li> }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
            };
            view! {
                <section class="import-preview" aria-labelledby="import-preview-title">
                    <h3 id="import-preview-title">{t(i18n::IMPORT_PREVIEW)} ": " {pending.file_name}</h3>
                    {nothing.then(|| view! { <p>{t(i18n::IMPORT_NOTHING)}</p> })}
                    {list(i18n::IMPORT_ADDED, o.added, "import-added")}
                    {list(i18n::IMPORT_CHANGED, o.changed, "import-changed")}
                    {list(i18n::IMPORT_CONFLICTS, kept, "import-kept")}
                    // What a closed year keeps out: listed, never dropped silently.
                    {(!o.refused.is_empty()).then(|| view! {
                        <h4>{t(i18n::IMPORT_REFUSED_CELLS)} " (" {o.refused.len()} ")"</h4>
                        <ul class="import-refused-cells">
                            {o.refused.iter().map(|r| {
                                let (key, why) = (r.key, r.why.clone());
                                view! {
                                    <li>
                                        {move || describe_key(plan, lang.get(), key)} " "
                                        {move || {
                                            let lang = lang.get();
                                            let merge::Refusal::YearClosed { closing, .. } = &why;
                                            i18n::refusal(lang, &why, &i18n::stamp(lang, closing.author_stamp()))
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                    <div class="actions">
                        <button
                            type="button"
                            class="primary"
                            disabled=nothing
                            on:click=move |_| {
                                progress.apply_import();
                                done.set(true);
                            }
                        >
                            {t(i18n::IMPORT_APPLY)}
                        </button>
                        <button type="button" on:click=move |_| progress.cancel_import()>
                            {t(i18n::IMPORT_CANCEL)}
                        </button>
                    </div>
                </section>
            }
        })
    }
}

/// Reads a workbook's 評価シート against a record; `None` when the reader's
/// file cannot be had. The app's root knows where the reader is loaded from.
pub type ReadSheet =
    fn(PlanRef, Record, Vec<u8>) -> Pin<Box<dyn Future<Output = Option<Result<SheetImport, SheetError>>>>>;

/// Why a download did not happen.
#[derive(Debug, Clone)]
enum Failure {
    /// The record could not be written as that kind of file.
    Encode(ExportError),
    /// The browser refused the download.
    Download,
}

/// Why a picked file was not previewed.
#[derive(Debug, Clone)]
enum Refusal {
    /// A JSON record file, or any file too large to read.
    File(DocumentError),
    /// A workbook whose 評価シート cannot be used.
    Sheet(SheetError),
    /// The browser could not read the file.
    Unreadable(BrowserError),
    /// The .xlsx reader's file could not be fetched (offline before the
    /// service worker had it).
    ReaderUnavailable,
}

/// A request or answer file (the cycle's), by its header alone.
fn is_exchange(picked: &Picked) -> bool {
    matches!(picked, Picked::Text { text, .. } if matches!(exchange::sniff(text, MAX_IMPORT_BYTES), Ok(FileKind::Request | FileKind::Answer)))
}

fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    match refusal {
        Refusal::File(e) => i18n::document_error(lang, e),
        Refusal::Sheet(e) => i18n::sheet_error(lang, e),
        Refusal::Unreadable(e) => i18n::unreadable(lang, e),
        Refusal::ReaderUnavailable => i18n::VIEW_LOAD_FAILED.get(lang).to_string(),
    }
}

/// A 評価シート read and not yet applied.
#[derive(Debug, Clone)]
struct PendingSheet {
    file_name: String,
    import: SheetImport,
}

/// What an edited 評価シート would change, field by field with this
/// browser's value beside the sheet's; applied on 読み込む as one step of undo.
#[component]
fn SheetPreview(
    /// The record the sheet is applied to.
    progress: Progress,
    /// The sheet being previewed; cleared when applied or cancelled.
    sheet: RwSignal<Option<PendingSheet>>,
    /// Set once the sheet is applied.
    done: RwSignal<bool>,
) -> impl IntoView {
    let plan = progress.plan;
    let lang = i18n::use_lang();
    let apply = move |_| {
        let Some((edit, lines)) = sheet.with_untracked(|s| {
            let import = &s.as_ref()?.import;
            let lines: BTreeSet<_> = import.changes.iter().map(|c| (c.id, c.year)).collect();
            Some((import.edit()?, lines))
        }) else {
            sheet.set(None);
            return;
        };
        // The 事務局 importing a 担当's sheet takes it as that 担当's answer:
        // its lines become 提出済, answered by their 担当 (as the sheet has them).
        let submitted: Vec<Edit> = if progress.staff.with_untracked(|s| s.role == Role::Secretariat) {
            let now = clock::now_ms();
            lines
                .into_iter()
                .map(|(id, year)| {
                    let owners = sheet.with_untracked(|s| {
                        s.as_ref().and_then(|s| {
                            s.import
                                .changes
                                .iter()
                                .find(|c| c.id == id && c.year == year && c.field == Field::Owners)
                                .map(|c| c.incoming.clone())
                        })
                    });
                    let owners = owners.or_else(|| {
                        progress.shown.with_untracked(|r| r.owners(plan, id, year).map(|(_, o)| join_owners(o)))
                    });
                    Edit::Submit { id, year, by: Stamp { author: owners.filter(|o| !o.is_empty()), updated_at: now } }
                })
                .collect()
        } else {
            Vec::new()
        };
        progress.edit(Edit::Batch(std::iter::once(edit).chain(submitted).collect()), false);
        done.set(true);
        sheet.set(None);
    };
    move || {
        sheet.get().map(|PendingSheet { file_name, import }| {
            let nothing = import.changes.is_empty();
            let rows = import
                .changes
                .into_iter()
                .map(|c| {
                    let key = CellKey::Initiative(c.id, c.year);
                    view! {
                        <tr data-initiative-id=c.id.ascii() data-field=c.field.name()>
                            <th scope="row">{move || describe_key(plan, lang.get(), key)}</th>
                            <td>{t(i18n::history_field(c.field))}</td>
                            <td class="local">{c.current}</td>
                            <td class="incoming">{c.incoming}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                // Not a landmark of its own: its table's scroll region is, by the same name.
                <section class="import-preview sheet-preview">
                    <h3 id="sheet-preview-title">
                        {t(i18n::IMPORT_PREVIEW)} ": " {file_name} " · " {move || i18n::fiscal_year(lang.get(), import.year)}
                    </h3>
                    {nothing.then(|| view! { <p>{t(i18n::IMPORT_NOTHING)}</p> })}
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sheet-preview-title" hidden=nothing>
                        <table class="sheet-changes">
                            <thead>
                                <tr>
                                    <th scope="col">{t(i18n::TEXT)}</th>
                                    <th scope="col">{t(i18n::IMPORT_FIELD)}</th>
                                    <th scope="col">{t(i18n::IMPORT_LOCAL)}</th>
                                    <th scope="col">{t(i18n::IMPORT_INCOMING)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <div class="actions">
                        <button type="button" class="primary" disabled=nothing on:click=apply>
                            {t(i18n::IMPORT_APPLY)}
                        </button>
                        <button type="button" on:click=move |_| sheet.set(None)>
                            {t(i18n::IMPORT_CANCEL)}
                        </button>
                    </div>
                </section>
            }
        })
    }
}

/// A download: its label, class, extension, type, what it holds (for its
/// name), and how the record becomes its bytes (given the year the progress
/// view shows, for the 評価シート).
type Export = (
    i18n::Msg,
    &'static str,
    &'static str,
    &'static str,
    fn(FiscalYear) -> Contents,
    fn(Progress, FiscalYear) -> Result<Vec<u8>, ExportError>,
);
const EXPORTS: [Export; 3] = [
    // JSON and CSV hold every year: the year is the 評価シート's only.
    (i18n::EXPORT_JSON, "export-json", "json", "application/json", |_| Contents::Record, |p, _| p.export_json()),
    (i18n::EXPORT_CSV, "export-csv", "csv", "text/csv;charset=utf-8", |_| Contents::Record, |p, _| p.export_csv()),
    (
        i18n::EXPORT_XLSX,
        "export-xlsx",
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Contents::EvaluationSheet,
        Progress::export_xlsx,
    ),
];

/// Cells changed in two places: the newer is shown; the other can be taken.
#[component]
pub fn ConflictList(
    /// The record whose conflicting cells are listed and resolved.
    progress: Progress,
) -> impl IntoView {
    let plan = progress.plan;
    let lang = i18n::use_lang();
    view! {
        <section id="conflicts" class="conflicts" aria-labelledby="conflicts-title" tabindex="-1"
            hidden=move || progress.conflicts.with(Vec::is_empty)>
            <h2 id="conflicts-title">{t(i18n::CONFLICTS)}</h2>
            <ol>
                {move || {
                    progress
                        .conflicts
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let (kept, other) = conflict_sides(lang.get(), &progress.plan.evaluation, &c);
                            view! {
                                <li class="conflict">
                                    <p class="conflict-cell">{describe_key(plan, lang.get(), c.key())}</p>
                                    <dl>
                                        <dt>{t(i18n::CONFLICT_KEPT)}</dt>
                                        <dd class="kept">{kept}</dd>
                                        <dt>{t(i18n::CONFLICT_OTHER)}</dt>
                                        <dd class="other">{other}</dd>
                                    </dl>
                                    <button type="button" on:click=move |_| progress.take_other(i)>
                                        {t(i18n::CONFLICT_TAKE_OTHER)}
                                    </button>
                                    <button type="button" on:click=move |_| progress.dismiss_conflict(i)>
                                        {t(i18n::CONFLICT_DISMISS)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

/// 「2-①-a デジタル化… · 令和6年度（2024年度）」.
pub fn describe_key(plan: &Plan, lang: Lang, key: CellKey) -> String {
    match key {
        CellKey::Initiative(id, year) => {
            let name = plan.initiative(id).map(|i| plan.display_name(i)).unwrap_or_default();
            format!("{id} {name} · {}", i18n::fiscal_year(lang, year))
        }
        CellKey::Kpi(code, year) => {
            let name = plan.kpi(code).map(|k| k.name.as_str()).unwrap_or_default();
            format!("{code} {name} · {}", i18n::fiscal_year(lang, year))
        }
        CellKey::Council(policy, year) => {
            let name = plan.policies.iter().find(|p| p.code == policy.0).map(|p| p.name.as_str()).unwrap_or_default();
            format!("{policy} {name} · {} · {}", i18n::COUNCIL_OPINION.get(lang), i18n::fiscal_year(lang, year))
        }
        CellKey::Review(id, year) => {
            let name = plan.initiative(id).map(|i| plan.display_name(i)).unwrap_or_default();
            format!("{id} {name} · {} · {}", i18n::REVIEW_STATE.get(lang), i18n::fiscal_year(lang, year))
        }
        CellKey::Year(year) => format!("{} · {}", i18n::fiscal_year(lang, year), i18n::YEAR_CELL.get(lang)),
    }
}

/// A conflict's two sides in words: the one kept, then the other.
fn conflict_sides(lang: Lang, scales: &Scales, conflict: &Conflict) -> (String, String) {
    match conflict {
        Conflict::Initiative { kept, other, .. } => (initiative_summary(lang, scales, kept), initiative_summary(lang, scales, other)),
        Conflict::Kpi { kept, other, .. } => (kpi_summary(lang, kept), kpi_summary(lang, other)),
        Conflict::Council { kept, other, .. } => (fields_summary(lang, kept), fields_summary(lang, other)),
        Conflict::Review { kept, other, .. } => (fields_summary(lang, kept), fields_summary(lang, other)),
        Conflict::Year { kept, other, .. } => (fields_summary(lang, kept), fields_summary(lang, other)),
    }
}

/// 「遅れ / 実績: … / 自己評価: B / メモ (記入者, 日時)」: the status, each other
/// field that holds something, then the note and who wrote it.
fn initiative_summary(lang: Lang, scales: &Scales, cell: &InitiativeCell) -> String {
    let status = cell.status.map(|s| i18n::status(lang, scales, s)).unwrap_or("—");
    let mut parts = vec![status.to_string()];
    for (field, value) in cell.fields() {
        if !value.is_empty() && !matches!(field, Field::Status | Field::Note) {
            parts.push(format!("{}: {value}", i18n::history_field(field).get(lang)));
        }
    }
    parts.push(cell.note.clone());
    format!("{} ({})", parts.join(" / "), stamp_summary(lang, cell.author_stamp()))
}

fn kpi_summary(lang: Lang, cell: &KpiCell) -> String {
    let n = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_else(|| "—".into());
    let values = format!("{} / {} / {}", n(cell.baseline), n(cell.target), n(cell.actual));
    format!("{values} / {} ({})", cell.note, stamp_summary(lang, cell.author_stamp()))
}

/// 「field: value / …」 of the fields that hold something, and who wrote them.
fn fields_summary(lang: Lang, cell: &impl Cell) -> String {
    let parts: Vec<String> = cell
        .fields()
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(field, value)| format!("{}: {value}", i18n::history_field(field).get(lang)))
        .collect();
    format!("{} ({})", parts.join(" / "), stamp_summary(lang, cell.author_stamp()))
}

fn stamp_summary(lang: Lang, stamp: &Stamp) -> String {
    let when = i18n::date_time(lang, clock::local_time(stamp.updated_at));
    match &stamp.author {
        Some(a) => format!("{a}, {when}"),
        None => when,
    }
}
