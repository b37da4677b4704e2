//! Code splitting. What a first visit does not show is not in the first wasm
//! file. Each `#[wasm_split(name)]` function below is a split point, and the
//! build (scripts/wasm-split/wasm-bindgen, scripts/link-split.mjs) moves the
//! code reachable only from the points of one name into
//! `split/split-<name>-<hash>.wasm` (code that two names share goes into a
//! `chunk-…` file of its own), fetched the first time one of them is called:
//! - `views`: the five views behind the tabs, one file (about as small as
//!   per-view files, since they share most of their code, and far fewer);
//! - `detail`: an opened initiative;
//! - `plan_export`: the plan's JSON and CSV encoders;
//! - `plan_json`: the plan file's JSON reader, for a plan other than the
//!   embedded one (`?plan=`);
//! - `sheet_import`: the spreadsheet readers, which share calamine: an
//!   imported 評価シート, and the plan tables of 「別の計画を開く」;
//! - `staff`: the record bar's controls for staff (undo, redo, who records)
//!   and their setup: visitors never fetch it;
//! - `store`: reading, checking, merging and saving the progress record
//!   (`Progress::open`), fetched at start-up beside the first paint, which
//!   shows none of the record.
//!
//! Only the app's root (`app`) calls this module: the components that show
//! or start a split part get it passed in, so which code is in which file is
//! decided here alone. The service worker precaches these files after the
//! first render, so every view still opens offline. Natively (`cargo test`)
//! the split functions are plain calls.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use kama_plan::plan_shelf::{self, OpenPlanError};
use kama_plan::progress::xlsx_import::{self, SheetError, SheetImport};
use kama_plan::progress::Record;
use kama_plan::view_state::View;
use kama_plan::{Initiative, Plan};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::adapters::pending::{self, Work};
use crate::state::progress::Health;
use crate::state::{Explore, Progress};
use crate::ui::loading::{ChunkFailed, Loaded};
use crate::ui::staff::Step;
use crate::ui::PlanRef;
use kama_plan::export::{self, PlanFileError, PlanFormat};

// `preload_views` loads the file of all five views.
#[wasm_split(views, wasm_split_path = leptos::wasm_split, fallible, preload(preload_views))]
pub fn timeline(explore: Explore) -> Loaded {
    Ok(view! { <crate::ui::views::timeline::TimelineView explore /> }.into_any())
}

#[wasm_split(views, wasm_split_path = leptos::wasm_split, fallible)]
pub fn progress(explore: Explore, progress: Progress) -> Loaded {
    Ok(view! {
        <crate::ui::views::progress_view::ProgressView explore progress read_sheet=sheet_reader read_plan=plan_reader />
    }
    .into_any())
}

#[wasm_split(views, wasm_split_path = leptos::wasm_split, fallible)]
pub fn report(explore: Explore, progress: Progress) -> Loaded {
    Ok(view! { <crate::ui::views::report::ReportView explore progress /> }.into_any())
}

#[wasm_split(views, wasm_split_path = leptos::wasm_split, fallible)]
pub fn kpis(explore: Explore, progress: Progress) -> Loaded {
    Ok(view! { <crate::ui::views::kpis::KpiView explore progress /> }.into_any())
}

#[wasm_split(views, wasm_split_path = leptos::wasm_split, fallible)]
pub fn charts(explore: Explore, progress: Progress) -> Loaded {
    let has_published = Signal::derive(move || progress.has_published());
    Ok(view! { <crate::ui::views::charts_view::ChartsView explore record=progress.shown has_published /> }.into_any())
}

#[wasm_split(detail, wasm_split_path = leptos::wasm_split, fallible, preload(preload_detail))]
pub fn initiative_detail(explore: Explore, progress: Progress, initiative: &'static Initiative) -> Loaded {
    Ok(view! { <crate::ui::opened::initiative::InitiativeDetail explore progress initiative /> }.into_any())
}

#[wasm_split(staff, wasm_split_path = leptos::wasm_split, fallible)]
pub fn recorder_actions(
    progress: Progress,
    setup_open: Signal<bool>,
    on_toggle_setup: Callback<()>,
    on_show_conflicts: Callback<()>,
) -> Loaded {
    let on_step = Callback::new(move |step| self::step(progress, step));
    Ok(view! { <crate::ui::staff::RecorderActions progress setup_open on_toggle_setup on_show_conflicts on_step /> }
        .into_any())
}

#[wasm_split(staff, wasm_split_path = leptos::wasm_split, fallible)]
pub fn staff_setup(progress: Progress, on_done: Callback<()>) -> Loaded {
    Ok(view! { <crate::ui::staff::StaffSetup progress on_done /> }.into_any())
}

/// The plan's JSON and CSV encoders, used only when a download is asked for.
#[wasm_split(plan_export, wasm_split_path = leptos::wasm_split, fallible)]
fn encode_plan(
    plan: PlanRef,
    chosen: Vec<&'static Initiative>,
    format: PlanFormat,
) -> Result<Result<Vec<u8>, PlanFileError>, ChunkFailed> {
    Ok(export::plan_file(plan, chosen, format))
}

/// [`encode_plan`] as the downloads panel takes it.
pub fn plan_encoder(
    plan: PlanRef,
    chosen: Vec<&'static Initiative>,
    format: PlanFormat,
) -> Pin<Box<dyn Future<Output = Result<Result<Vec<u8>, PlanFileError>, ChunkFailed>>>> {
    Box::pin(encode_plan(plan, chosen, format))
}

/// The plan file's JSON reader, used only to open another plan than the
/// embedded one (which is packed, and read by the first file).
#[wasm_split(plan_json, wasm_split_path = leptos::wasm_split, fallible)]
pub fn read_plan_json(json: String) -> Result<Result<Plan, String>, ChunkFailed> {
    Ok(Plan::from_json(&json).map_err(|e| e.to_string()))
}

/// The plan-table importers, used only when 「別の計画を開く」 reads a file.
#[wasm_split(sheet_import, wasm_split_path = leptos::wasm_split, fallible)]
fn read_plan(name: String, bytes: Vec<u8>, embedded_id: String) -> Result<Result<Plan, OpenPlanError>, ChunkFailed> {
    Ok(plan_shelf::open_file(&name, &bytes, &embedded_id))
}

/// [`read_plan`] as the plans panel takes it.
fn plan_reader(name: String, bytes: Vec<u8>) -> PlanRead {
    Box::pin(async move { read_plan(name, bytes, kama_plan::EMBEDDED_PLAN_ID.to_string()).await.ok() })
}

type PlanRead = Pin<Box<dyn Future<Output = Option<Result<Plan, OpenPlanError>>>>>;

/// The .xlsx reader, used only when a workbook is imported.
#[wasm_split(sheet_import, wasm_split_path = leptos::wasm_split, fallible)]
fn read_sheet(plan: PlanRef, record: Record, bytes: Vec<u8>) -> Result<Result<SheetImport, SheetError>, ChunkFailed> {
    Ok(xlsx_import::read_evaluation_sheet(plan, &record, &bytes))
}

/// [`read_sheet`] as the files panel takes it.
fn sheet_reader(plan: PlanRef, record: Record, bytes: Vec<u8>) -> SheetRead {
    Box::pin(async move { read_sheet(plan, record, bytes).await.ok() })
}

type SheetRead = Pin<Box<dyn Future<Output = Option<Result<SheetImport, SheetError>>>>>;

#[wasm_split(store, wasm_split_path = leptos::wasm_split, fallible)]
fn open_record(progress: Progress) -> Result<(), ChunkFailed> {
    progress.open();
    Ok(())
}

/// One step of undo or redo. Only reachable once an edit was made, so the
/// store's file is in by then.
#[wasm_split(store, wasm_split_path = leptos::wasm_split, fallible)]
fn step_record(progress: Progress, step: Step) -> Result<(), ChunkFailed> {
    match step {
        Step::Undo => progress.undo(),
        Step::Redo => progress.redo(),
    }
    Ok(())
}

/// Opens the record (`Progress::open`) once its file is in; if the file
/// cannot be had, says so (`Health::CodeMissing`), and a call again retries.
pub fn open_store(progress: Progress) {
    progress.health.set(Health::Opening);
    leptos::task::spawn_local(async move {
        if open_record(progress).await.is_err() {
            progress.health.set(Health::CodeMissing);
        }
    });
}

fn step(progress: Progress, step: Step) {
    leptos::task::spawn_local(async move {
        let _ = step_record(progress, step).await;
    });
}

/// Starts fetching a view's file when its tab (for the list: the list, whose
/// split-off part is an opened initiative) is pointed at or focused, so that
/// opening it is instant. Not at start-up: that would compete with the first
/// keystrokes. Once per page and file; a failure is reported when the view
/// is opened, which tries again.
pub fn preload(view: View) {
    let file = match view {
        View::List => SplitFile::Detail,
        View::Timeline | View::Progress | View::Report | View::Kpis | View::Charts => SplitFile::Views,
    };
    thread_local!(static ASKED: [Cell<bool>; 2] = const { [Cell::new(false), Cell::new(false)] });
    if ASKED.with(|asked| asked[file as usize].replace(true)) {
        return;
    }
    pending::begin(Work::Preload);
    leptos::task::spawn_local(async move {
        let _ = match file {
            SplitFile::Detail => preload_detail().await,
            SplitFile::Views => preload_views().await,
        };
        pending::end(Work::Preload);
    });
}

#[derive(Clone, Copy)]
enum SplitFile {
    Detail = 0,
    Views = 1,
}
