//! What staff have recorded, kept in this browser and in step with its other
//! tabs, over the city's published record. Every change is an `Edit` applied
//! through `edit` (or undo/redo); saving reads what storage holds, merges
//! (three-way, so another tab's edits are never overwritten), then writes.
//! Nothing read from storage or a file is trusted: the core checks it.
//!
//! Reading, checking, merging and writing the record is code the first screen
//! does not need: `Progress::new` only makes the signals, and `open` (the
//! `store` split file, src/ui/splits.rs, fetched beside the first paint) reads
//! the record and starts following other tabs. Until it has, nothing is saved.

use std::collections::BTreeSet;
use std::time::Duration;

use kama_plan::progress::document::{self, DocumentError};
use kama_plan::progress::edit::{Edit, EditError, History};
use kama_plan::progress::file_name::ExportError;
use kama_plan::progress::merge::{self, Conflict, MergeOutcome};
use kama_plan::progress::stored::{self, Loaded};
use kama_plan::progress::{csv, history as cell_history, sync, xlsx};
use kama_plan::progress::{CellKey, Record, Stamp};
use kama_plan::staff::Profile;
use kama_plan::{FiscalYear, Plan};
use leptos::prelude::*;

use crate::adapters::pending::{self, Work};
use crate::adapters::storage::{self, StorageFailure};
use crate::adapters::timing;
use crate::adapters::{clock, fetch, lifecycle, prefs};

/// Whether the record is being kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Health {
    /// The store's code and the stored record are on their way: nothing is
    /// read or saved yet.
    Opening,
    /// The store's code could not be fetched (offline before the service
    /// worker kept it): nothing is read or saved until it is tried again.
    CodeMissing,
    /// Kept (the last save, or nothing to save yet).
    Kept,
    /// This browser keeps nothing: edits live until the page closes.
    Unavailable,
    /// Storage is full: the latest edits are in memory only.
    Full,
    /// Another tab of a newer version saved the record; this one must not
    /// overwrite it, so it stops saving.
    NewerVersion(u32),
    /// The stored record was unreadable and could not be put aside, so it is
    /// left untouched and nothing is saved over it.
    BackupFailed,
}

impl Health {
    pub fn saving(&self) -> bool {
        matches!(self, Health::Kept | Health::Full)
    }
}

/// An unreadable record found in storage, kept as it was under its own key.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub key: String,
    pub raw: String,
    /// Why it could not be read, when found in this session.
    pub reason: Option<DocumentError>,
}

/// The city's published record (`progress.json` beside the page).
#[derive(Debug, Clone, PartialEq)]
pub enum Published {
    Loading,
    /// No file: the usual case before the city publishes.
    Absent,
    Loaded(Record),
    /// The file is there but was refused; it is ignored.
    Refused(DocumentError),
    /// The host answered with an error (not a 404), or none.
    Unreachable(fetch::FetchError),
}

/// An import checked and waiting for the user to apply or cancel it.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    pub file_name: String,
    /// What the preview shows.
    pub outcome: MergeOutcome,
    /// The file's record, merged again when applied: another tab may have
    /// changed a cell since the preview.
    incoming: Record,
    /// Applied with the merge, in the same step of undo (answers marked 提出済).
    also: Vec<Edit>,
    /// Cells the file may replace without listing a conflict (answers over
    /// lines untouched here since their request).
    settled: BTreeSet<CellKey>,
}

#[derive(Clone, Copy)]
pub struct Progress {
    pub plan: &'static Plan,
    key: StoredValue<String>,
    /// This browser's own cells.
    local: RwSignal<Record>,
    /// The stored record as this tab last read or wrote it: the base of the
    /// three-way merge with other tabs.
    base: StoredValue<Record>,
    history: StoredValue<History>,
    /// Bumped whenever undo/redo availability may have changed.
    history_rev: RwSignal<u32>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
    /// Persistent storage is asked for once, after the first record is saved.
    persist_asked: StoredValue<bool>,
    pub published: RwSignal<Published>,
    /// How `shown` lays this browser's cells over the published ones
    /// (`sync::overlay`), set by `open`: its code is then in the store's
    /// file, not the first visit's.
    overlay: StoredValue<Option<Overlay>>,
    /// What everyone sees: published cells with this browser's over them.
    pub shown: Memo<Record>,
    pub health: RwSignal<Health>,
    pub backups: RwSignal<Vec<Backup>>,
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// The last edit refused (a closed year), until the next one is applied:
    /// shown with `i18n::edit_error`.
    pub refused: RwSignal<Option<EditError>>,
    /// Who records in this browser: edits carry the name, and none are
    /// made without one.
    pub staff: RwSignal<Profile>,
    pub import: RwSignal<Option<PendingImport>>,
    /// When the record was last saved to a file from this browser.
    pub last_export: RwSignal<Option<i64>>,
}

/// What everyone sees: published cells (if any) with local ones over them
/// (`sync::overlay`).
type Overlay = fn(Option<&Record>, &Record) -> Record;

fn overlay(published: Option<&Record>, local: &Record) -> Record {
    match published {
        Some(published) => sync::overlay(published, local),
        None => local.clone(),
    }
}

impl Progress {
    /// The signals, empty until `open` has read the record.
    /// `with_published`: look for the city's `progress.json` (not for test
    /// plans loaded by URL, which it could not belong to).
    pub fn new(plan: &'static Plan, with_published: bool) -> Progress {
        let key = stored::storage_key(&plan.plan.id);
        let local = RwSignal::new(Record::default());
        let published = RwSignal::new(if with_published { Published::Loading } else { Published::Absent });
        let overlay = StoredValue::new(None::<Overlay>);
        // Nothing is shown before `open` has read the record (an edit made
        // earlier shows then). Records are never compared: a recomputed one
        // is news. Both keep the record's code out of the first visit.
        let shown = Memo::new_with_compare(
            move |_| match overlay.get_value() {
                Some(overlay) => published.with(|p| {
                    let p = match p {
                        Published::Loaded(p) => Some(p),
                        _ => None,
                    };
                    local.with(|l| overlay(p, l))
                }),
                None => {
                    // Followed already, so that `open`'s first change shows.
                    local.track();
                    published.track();
                    Record::default()
                }
            },
            |_, _| true,
        );
        Progress {
            plan,
            key: StoredValue::new(key),
            local,
            base: StoredValue::new(Record::default()),
            history: StoredValue::new(History::default()),
            history_rev: RwSignal::new(0),
            pending_save: StoredValue::new(None),
            persist_asked: StoredValue::new(false),
            published,
            overlay,
            shown,
            health: RwSignal::new(Health::Opening),
            backups: RwSignal::new(Vec::new()),
            conflicts: RwSignal::new(Vec::new()),
            refused: RwSignal::new(None),
            staff: RwSignal::new(prefs::load_profile()),
            import: RwSignal::new(None),
            last_export: RwSignal::new(prefs::load_last_export()),
        }
    }

    /// Reads the record from storage, starts following other tabs and looks
    /// for the published record. Once per page, in the `store` split file
    /// (src/ui/splits.rs).
    pub fn open(self) {
        self.overlay.set_value(Some(overlay));
        // `shown` is computed from now on.
        self.local.update(|_| {});
        self.health.set(Health::Kept);
        timing::measure("kama:store-load", || self.read_stored());
        // An edit made before the record was read was merged into it, unsaved.
        if self.base.with_value(|base| self.local.with_untracked(|l| l != base)) {
            self.schedule_save();
        }
        storage::on_change_elsewhere(self.key.get_value(), move |raw| self.taken_from_other_tab(raw));
        // Whoever is set as recorder in another tab records in this one too.
        for key in prefs::PROFILE_KEYS {
            storage::on_change_elsewhere(key.to_string(), move |_| self.staff.set(prefs::load_profile()));
        }
        lifecycle::on_page_hide(move || self.flush());
        if self.published.with_untracked(|p| matches!(p, Published::Loading)) {
            let (plan, published) = (self.plan, self.published);
            leptos::task::spawn_local(async move {
                let found = fetch::text_if_present("progress.json").await;
                published.set(match found {
                    Ok(None) => Published::Absent,
                    Ok(Some(text)) => match document::from_json(&text, plan, document::MAX_IMPORT_BYTES) {
                        Ok(record) => Published::Loaded(record),
                        Err(e) => Published::Refused(e),
                    },
                    Err(e) => Published::Unreachable(e),
                });
            });
        }
    }

    /// Whether nothing of the record is on its way: the store is open (or its
    /// code could not be had) and the published record has been looked for.
    pub fn settled(self) -> bool {
        match self.health.get() {
            Health::Opening => false,
            Health::CodeMissing => true,
            _ => self.published.with(|p| !matches!(p, Published::Loading)),
        }
    }

    fn read_stored(self) {
        let key = self.key.get_value();
        let prefix = stored::backup_prefix(&self.plan.plan.id);
        let backups = storage::keys_with_prefix(&prefix)
            .into_iter()
            .filter_map(|k| storage::read(&k).ok().flatten().map(|raw| Backup { key: k, raw, reason: None }))
            .collect::<Vec<_>>();
        self.backups.set(backups);
        let raw = match storage::read(&key) {
            Ok(raw) => raw,
            Err(_) => {
                self.health.set(Health::Unavailable);
                return;
            }
        };
        match stored::load(raw.as_deref(), self.plan) {
            Loaded::Empty => {}
            Loaded::Record(record) if self.local.with_untracked(|l| *l == Record::default()) => {
                self.base.set_value(record.clone());
                self.local.set(record);
            }
            // Edits made while the store was opening go on top.
            Loaded::Record(record) => self.merge_from_storage(record),
            Loaded::Newer(v) => self.health.set(Health::NewerVersion(v)),
            Loaded::Unreadable(reason) => self.put_aside(raw.unwrap_or_default(), reason),
        }
    }

    /// Keeps an unreadable stored record under a backup key of its own, so
    /// the next save cannot overwrite it.
    fn put_aside(self, raw: String, reason: DocumentError) {
        let backup = stored::backup_key(&self.plan.plan.id, clock::now_ms());
        match storage::write(&backup, &raw) {
            Ok(()) => {
                // Safe under its own key now; the record key starts afresh.
                storage::remove(&self.key.get_value());
                self.backups.update(|b| b.push(Backup { key: backup, raw, reason: Some(reason) }));
                self.base.set_value(Record::default());
            }
            Err(_) => self.health.set(Health::BackupFailed),
        }
    }

    /// Applies one edit made by the user (`typing`: part of a run of
    /// keystrokes in one field, one step of undo). A refused edit (a closed
    /// year) changes nothing and is kept in `refused` for the page to say why.
    pub fn edit(self, edit: Edit, typing: bool) {
        // The editors are disabled then; this keeps a stray event from
        // making an edit without an author.
        if !self.staff.with_untracked(Profile::can_record) {
            return;
        }
        let stamp = self.stamp();
        let mut result = Ok(());
        self.local.update(|local| {
            if let Published::Loaded(published) = &*self.published.read_untracked() {
                // The city's closings hold here too.
                sync::seed_years(local, published);
                if let Some(key) = edit.key() {
                    sync::seed(local, published, key);
                }
            }
            self.history.update_value(|h| {
                result = if typing { h.apply_typing(local, &edit, stamp) } else { h.apply(local, &edit, stamp) };
            });
        });
        self.refused.set(result.err());
        self.changed();
    }

    /// A text field lost focus: the next keystroke starts a new undo step.
    pub fn seal_typing(self) {
        self.history.update_value(History::seal);
    }

    pub fn undo(self) {
        self.step(History::undo);
    }

    pub fn redo(self) {
        self.step(History::redo);
    }

    fn step(self, walk: fn(&mut History, &mut Record, Stamp) -> Result<bool, EditError>) {
        let stamp = self.stamp();
        let mut moved = Ok(false);
        self.local.update(|local| {
            if let Published::Loaded(published) = &*self.published.read_untracked() {
                sync::seed_years(local, published);
            }
            self.history.update_value(|h| moved = walk(h, local, stamp));
        });
        match moved {
            Ok(true) => {
                self.refused.set(None);
                self.changed();
            }
            Ok(false) => {}
            Err(e) => self.refused.set(Some(e)),
        }
    }

    pub fn can_undo(self) -> bool {
        self.history_rev.track();
        self.history.with_value(History::can_undo)
    }

    pub fn can_redo(self) -> bool {
        self.history_rev.track();
        self.history.with_value(History::can_redo)
    }

    fn stamp(self) -> Stamp {
        let author = self.staff.with_untracked(|s| s.author().map(str::to_string));
        Stamp { author, updated_at: clock::now_ms() }
    }

    /// Whether this browser records: the editors are enabled only then.
    pub fn can_record(self) -> bool {
        self.staff.with(Profile::can_record)
    }

    /// Whether the cells of `year` can be edited here: recording, and the
    /// year not closed (締め).
    pub fn can_edit(self, year: FiscalYear) -> bool {
        self.can_record() && !self.shown.with(|r| r.is_closed(year))
    }

    fn changed(self) {
        self.history_rev.update(|r| *r = r.wrapping_add(1));
        self.schedule_save();
    }

    /// Whether the cell at `key` is a local draft over the published record.
    pub fn is_draft(self, key: CellKey) -> bool {
        let published = self.published.read();
        let Published::Loaded(published) = &*published else { return false };
        self.local.with(|local| sync::is_draft(published, local, key))
    }

    pub fn has_published(self) -> bool {
        matches!(*self.published.read(), Published::Loaded(_))
    }

    /// Keeps the profile as typed, at once: a name typed and not yet
    /// confirmed is not lost with the tab.
    pub fn set_staff(self, profile: Profile) {
        prefs::save_profile(&profile);
        self.staff.set(profile);
    }

    // ---- Saving, and other tabs ----

    /// Saves soon: a burst of keystrokes makes one write.
    fn schedule_save(self) {
        let waiting = self.pending_save.get_value();
        if let Some(handle) = waiting {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), Duration::from_millis(300)).ok();
        match (waiting.is_some(), handle.is_some()) {
            (false, true) => pending::begin(Work::Save),
            (true, false) => pending::end(Work::Save),
            _ => {}
        }
        self.pending_save.set_value(handle);
    }

    /// Saves now if anything is waiting (also on leaving the page).
    pub fn flush(self) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
            self.pending_save.set_value(None);
            self.save();
            pending::end(Work::Save);
        }
    }

    fn save(self) {
        timing::measure("kama:store-save", || self.write_stored());
    }

    fn write_stored(self) {
        if !self.health.with_untracked(Health::saving) {
            return;
        }
        let key = self.key.get_value();
        // Another tab may have saved since this one last looked: merge first.
        let raw = match storage::read(&key) {
            Ok(raw) => raw,
            Err(_) => return self.health.set(Health::Unavailable),
        };
        match stored::load(raw.as_deref(), self.plan) {
            Loaded::Empty => self.merge_from_storage(Record::default()),
            Loaded::Record(theirs) => self.merge_from_storage(theirs),
            Loaded::Newer(v) => return self.health.set(Health::NewerVersion(v)),
            Loaded::Unreadable(reason) => {
                self.put_aside(raw.unwrap_or_default(), reason);
                if !self.health.with_untracked(Health::saving) {
                    return;
                }
            }
        }
        let json = self.local.with_untracked(|local| document::to_json_stored(local, &self.plan.plan.id));
        let Ok(json) = json else { return self.health.set(Health::Unavailable) };
        match storage::write(&key, &json) {
            Ok(()) => {
                self.base.set_value(self.local.get_untracked());
                self.health.set(Health::Kept);
                if !self.persist_asked.get_value() && self.local.with_untracked(|l| !l.is_empty()) {
                    self.persist_asked.set_value(true);
                    storage::ask_to_persist();
                }
            }
            Err(StorageFailure::Full) => self.health.set(Health::Full),
            Err(StorageFailure::Unavailable(_)) => self.health.set(Health::Unavailable),
        }
    }

    /// Takes what another tab saved into this one (and keeps the base in step).
    fn merge_from_storage(self, theirs: Record) {
        let out = self.local.with_untracked(|ours| sync::merge3(&self.base.get_value(), ours, &theirs));
        self.base.set_value(theirs);
        self.add_conflicts(out.conflicts);
        if self.local.with_untracked(|l| *l != out.merged) {
            self.local.set(out.merged);
        }
    }

    fn taken_from_other_tab(self, raw: Option<String>) {
        match stored::load(raw.as_deref(), self.plan) {
            Loaded::Empty => self.merge_from_storage(Record::default()),
            Loaded::Record(theirs) => self.merge_from_storage(theirs),
            Loaded::Newer(v) => return self.health.set(Health::NewerVersion(v)),
            // The writing tab keeps its own record; this tab's next save puts it aside.
            Loaded::Unreadable(_) => return,
        }
        // Our unsaved edits, if any, now go on top of theirs.
        if self.local.with_untracked(|l| *l != self.base.get_value()) {
            self.schedule_save();
        }
    }

    // ---- Conflicts ----

    /// Lists losing edits once: a storage event can arrive after this tab
    /// already met the same record while saving.
    fn add_conflicts(self, new: Vec<Conflict>) {
        if new.is_empty() {
            return;
        }
        self.conflicts.update(|list| {
            for c in new {
                if !list.iter().any(|l| l.key() == c.key() && l.other_stamp() == c.other_stamp()) {
                    list.push(c);
                }
            }
        });
    }

    /// Takes the side that lost instead (a decision now, so stamped now).
    pub fn take_other(self, index: usize) {
        let Some(conflict) = self.conflicts.with_untracked(|c| c.get(index).cloned()) else { return };
        let Some(edit) = conflict.take_other(self.stamp()) else { return };
        self.edit(edit, false);
        self.dismiss_conflict(index);
    }

    pub fn dismiss_conflict(self, index: usize) {
        self.conflicts.update(|c| {
            if index < c.len() {
                c.remove(index);
            }
        });
    }

    // ---- Files ----

    /// The record as shown (published + local drafts), as an export file:
    /// lossless JSON (to import or publish as `progress.json`).
    pub fn export_json(self) -> Result<Vec<u8>, ExportError> {
        let now = clock::now_ms();
        let json = self.shown.with_untracked(|r| document::to_json(r, &self.plan.plan.id, Some(now)))?;
        Ok(json.into_bytes())
    }

    /// CSV for Excel, one row per initiative × fiscal year.
    pub fn export_csv(self) -> Result<Vec<u8>, ExportError> {
        Ok(self.shown.with_untracked(|r| csv::initiatives_csv(self.plan, r, clock::utc_offset()))?)
    }

    /// An Excel workbook: the 評価シート of `year`, then every year's
    /// initiatives and KPIs, ids typed as text.
    pub fn export_xlsx(self, year: FiscalYear) -> Result<Vec<u8>, ExportError> {
        Ok(self.shown.with_untracked(|r| xlsx::workbook(self.plan, r, year, clock::now_ms(), clock::utc_offset()))?)
    }

    pub fn exported(self) {
        let now = clock::now_ms();
        prefs::save_last_export(now);
        self.last_export.set(Some(now));
    }

    /// Checks a colleague's file completely and shows what it would change;
    /// nothing changes until `apply_import`.
    pub fn preview_import(self, file_name: String, text: &str) -> Result<(), DocumentError> {
        let incoming = document::from_json(text, self.plan, document::MAX_IMPORT_BYTES)?;
        self.preview_record(file_name, incoming, Vec::new(), BTreeSet::new());
        Ok(())
    }

    /// Shows what merging `incoming` (already checked) would change; nothing
    /// changes until `apply_import`, which also applies `also`. Replacing a
    /// cell of `settled` lists no conflict.
    pub fn preview_record(self, file_name: String, incoming: Record, also: Vec<Edit>, settled: BTreeSet<CellKey>) {
        let outcome = self.shown.with_untracked(|shown| merge::merge(shown, &incoming));
        self.import.set(Some(PendingImport { file_name, outcome, incoming, also, settled }));
    }

    /// The fiscal years closed (締め) in the record shown.
    pub fn closed_years(self) -> BTreeSet<FiscalYear> {
        self.shown.with_untracked(|r| r.years.iter().filter(|(_, c)| c.closed).map(|(y, _)| *y).collect())
    }

    /// Applies the previewed import as one step of undo; the cells it
    /// replaced go to the conflict list, where they can still be taken back.
    pub fn apply_import(self) {
        let Some(pending) = self.import.get_untracked() else { return };
        let outcome = self.shown.with_untracked(|shown| merge::merge(shown, &pending.incoming));
        let edits: Vec<Edit> = outcome.edit().into_iter().chain(pending.also).collect();
        if !edits.is_empty() {
            self.edit(Edit::Batch(edits), false);
        }
        // The file's history travels with it (entries are facts: an undo of
        // the import does not take them back), but for the cells refused.
        if !pending.incoming.history.is_empty() {
            let taken = outcome.history_taken(&pending.incoming);
            self.local.update(|local| cell_history::union(&mut local.history, &taken));
            self.changed();
        }
        let settled = pending.settled;
        self.add_conflicts(outcome.conflicts.into_iter().filter(|c| !settled.contains(&c.key())).collect());
        self.import.set(None);
    }

    pub fn cancel_import(self) {
        self.import.set(None);
    }

    /// Forgets a backup the user has saved (or no longer wants).
    pub fn delete_backup(self, key: &str) {
        storage::remove(key);
        self.backups.update(|b| b.retain(|x| x.key != key));
    }
}
