//! The year's round of 照会 and 取りまとめ, as this browser takes part in it:
//! the request a 担当 opened (kept in this browser until its answer is
//! sent), and the answer files the 事務局 picked, checked and combined into
//! one preview. The rules are the core's (`progress::{request, answer,
//! collect, board}`); this keeps their results in signals and storage.

use std::collections::BTreeSet;

use kama_plan::progress::answer::{check_answer, unchanged_since_request, Answer, AnswerError, Asked, NotApplied};
use kama_plan::progress::assign::assignments;
use kama_plan::progress::collect::{self, Collected, Received};
use kama_plan::progress::document::MAX_IMPORT_BYTES;
use kama_plan::progress::edit::Edit;
use kama_plan::progress::exchange::ExchangeError;
use kama_plan::progress::incoming::{self, Opened};
use kama_plan::progress::merge;
use kama_plan::progress::request::{self, Request};
use kama_plan::progress::{CellKey, Record, Stamp};
use leptos::prelude::*;

use super::Progress;
use crate::adapters::fetch::{self, FetchError};
use crate::adapters::file_input::Picked;
use crate::adapters::{linked_file, storage, BrowserError};

/// A file of a batch that was not taken, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum FileRefusal {
    /// Unreadable, or not a file of this plan.
    File(ExchangeError),
    /// An answer that does not fit what was asked.
    Answer(AnswerError),
    /// An Excel workbook: those import through the files panel.
    Workbook,
    /// Could not be read from the disk.
    Unreadable(BrowserError),
    /// A file linked with `?open=` that could not be had from the site.
    NotFetched(FetchError),
    TooLarge {
        bytes: usize,
    },
}

/// The answer files picked together, as the preview shows them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers {
    /// The files taken, in the order they apply.
    pub taken: Vec<String>,
    /// Cells the taken answers hold that are not taken, and why.
    pub not_applied: Vec<(String, CellKey, NotApplied)>,
    /// Duplicate and superseded answers among the files.
    pub collected: Collected,
}

/// What the 担当 of `answer` is asked in its year, as this browser's record
/// assigns the rows now.
fn asked_of(plan: &kama_plan::Plan, shown: &Record, answer: &Answer) -> Asked {
    let rows = assignments(plan, shown, answer.year).rows(&answer.owner).iter().copied().collect();
    Asked { year: answer.year, owner: answer.owner.clone(), rows }
}

#[derive(Clone, Copy)]
pub struct Cycle {
    /// The request this browser is answering, if one was opened.
    pub request: RwSignal<Option<Request>>,
    /// Answer files waiting to be applied.
    pub answers: RwSignal<Option<Answers>>,
    /// Files of the last pick that were not taken, with the reason.
    pub refused: RwSignal<Vec<(String, FileRefusal)>>,
}

impl Cycle {
    /// The cycle of `progress`'s plan, with the request kept in this browser.
    pub fn new(progress: Progress) -> Cycle {
        let plan = progress.plan;
        let kept = storage::read(&request_key(&plan.plan.id)).ok().flatten();
        // A kept request that no longer reads (another plan version) is dropped
        // from view but left in storage: it can be opened again from its file.
        let request = kept.and_then(|text| request::read_request(&text, plan, MAX_IMPORT_BYTES).ok());
        Cycle { request: RwSignal::new(request), answers: RwSignal::new(None), refused: RwSignal::new(Vec::new()) }
    }

    /// Opens the files picked together: one request (kept, and its starting
    /// cells previewed as an import), or any number of answers (checked and
    /// combined into one preview), or one progress record (the usual import).
    pub fn open(self, progress: Progress, files: Vec<Picked>) {
        let mut refused = Vec::new();
        let mut received = Vec::new();
        for file in files {
            let (name, text) = match file {
                Picked::Text { name, text } => (name, text),
                Picked::TooLarge { name, bytes } => {
                    refused.push((name, FileRefusal::TooLarge { bytes }));
                    continue;
                }
                // 評価シート workbooks import through the files panel, one at a time.
                Picked::Workbook { name, .. } => {
                    refused.push((name, FileRefusal::Workbook));
                    continue;
                }
                Picked::Unreadable { name, detail } => {
                    refused.push((name, FileRefusal::Unreadable(detail)));
                    continue;
                }
            };
            match incoming::open(&text, progress.plan, MAX_IMPORT_BYTES) {
                Ok(Opened::Answer(answer)) => received.push(Received { file: name, answer }),
                Ok(Opened::Request(request)) => self.keep_request(progress, name, request),
                Ok(Opened::Progress(_)) => {
                    if let Err(e) = progress.preview_import(name.clone(), &text) {
                        refused.push((name, FileRefusal::File(ExchangeError::Progress(e))));
                    }
                }
                Err(e) => refused.push((name, FileRefusal::File(e))),
            }
        }
        if received.is_empty() {
            self.answers.set(None);
        } else {
            let (answers, record, submitted, settled) = self.check(progress, received, &mut refused);
            progress.preview_record(answers.taken.join("、"), record, submitted, settled);
            self.answers.set(Some(answers));
        }
        self.refused.set(refused);
    }

    /// Checks each answer against what its 担当 is asked; the cells taken
    /// from all of them come back as one record (later answers over earlier),
    /// with each answered line marked 提出済 by its answer, and the lines an
    /// answer may replace without a conflict.
    fn check(
        self,
        progress: Progress,
        received: Vec<Received>,
        refused: &mut Vec<(String, FileRefusal)>,
    ) -> (Answers, Record, Vec<Edit>, BTreeSet<CellKey>) {
        let plan = progress.plan;
        let collected = collect::collect(received);
        let closed = progress.closed_years();
        let mut answers = Answers::default();
        let mut record = Record::default();
        let mut submitted = Vec::new();
        let mut settled = BTreeSet::new();
        progress.shown.with_untracked(|shown| {
            for Received { file, answer } in &collected.answers {
                match check_answer(plan, answer, Some(&asked_of(plan, shown, answer)), &closed) {
                    Ok(check) => {
                        answers
                            .not_applied
                            .extend(check.not_applied.into_iter().map(|(k, why)| (file.clone(), k, why)));
                        let by = Stamp { author: Some(answer.author.clone()), updated_at: answer.answered_at };
                        submitted.extend(check.record.initiatives.keys().map(|&(id, year)| Edit::Submit {
                            id,
                            year,
                            by: by.clone(),
                        }));
                        settled.extend(unchanged_since_request(shown, answer));
                        record = merge::merge(&record, &check.record).merged;
                        answers.taken.push(file.clone());
                    }
                    Err(e) => refused.push((file.clone(), FileRefusal::Answer(e))),
                }
            }
        });
        answers.collected = collected;
        (answers, record, submitted, settled)
    }

    fn keep_request(self, progress: Progress, name: String, request: Request) {
        if let Ok(json) = request.to_json() {
            let _ = storage::write(&request_key(&progress.plan.plan.id), &json);
        }
        // Last year's answers and anything already written for the year, to start from.
        progress.preview_record(name, request.start.clone(), Vec::new(), BTreeSet::new());
        self.request.set(Some(request));
    }

    /// Opens the file a link names (`?open=`), once per page: fetched from
    /// beside `index.html`, then checked like a picked file.
    pub fn open_linked(self, progress: Progress) {
        thread_local!(static OPENED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
        let Some(name) = linked_file::opened() else { return };
        if OPENED.with(|o| o.replace(true)) {
            return;
        }
        leptos::task::spawn_local(async move {
            match fetch::text(&name).await {
                Ok(text) => self.open(progress, vec![Picked::Text { name, text }]),
                Err(e) => self.refused.set(vec![(name, FileRefusal::NotFetched(e))]),
            }
        });
    }

    /// Forgets what the last pick gave, before the next one is read.
    pub fn clear(self) {
        self.answers.set(None);
        self.refused.set(Vec::new());
    }

    /// Puts the request away (its answer was sent, or it was opened by mistake).
    pub fn forget_request(self, progress: Progress) {
        storage::remove(&request_key(&progress.plan.plan.id));
        self.request.set(None);
    }
}

fn request_key(plan_id: &str) -> String {
    format!("kama-sme-tracker:request:{plan_id}")
}
