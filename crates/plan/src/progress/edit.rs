//! Edits as values. Every change — typing, undo, redo, an applied import —
//! is an `Edit` applied by `Record::apply`, which returns the edit that
//! undoes it; persistence and merge then only ever see records. An edit
//! of a closed year's cell is refused (`EditError`), never applied.

use std::collections::BTreeSet;
use std::fmt;

use super::closing::YearCell;
use super::history::Field;
use super::review::{Confirmation, Fingerprint, ReviewCell};
use super::WayForward;
use super::{by_kind, Cell, CellKey, CouncilCell, Grade, InitiativeCell, Kind, KpiCell, Link, Record, Stamp, Status};
use crate::kpi::{interim_targets, ValueKind};
use crate::plan::{FiscalYear, InitiativeId, Kpi, KpiCode, Plan, PolicyCode};
use crate::timeline::CalendarDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiField {
    Baseline,
    Target,
    Actual,
}

/// The two texts kept per policy and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CouncilField {
    /// 振興会議の意見.
    Opinion,
    /// 市の対応.
    Response,
}

impl CouncilCell {
    pub fn text(&self, field: CouncilField) -> &str {
        match field {
            CouncilField::Opinion => &self.opinion,
            CouncilField::Response => &self.response,
        }
    }

    fn text_mut(&mut self, field: CouncilField) -> &mut String {
        match field {
            CouncilField::Opinion => &mut self.opinion,
            CouncilField::Response => &mut self.response,
        }
    }
}

/// A new value for one field of an initiative's cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Status(Option<Status>),
    Text(TextField, String),
    Grade(Option<Grade>),
    WayForward(Option<WayForward>),
    Owners(Vec<String>),
    Links(Vec<Link>),
}

/// The free-text fields of an initiative's cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    /// 実績.
    Results,
    /// 課題.
    Challenges,
    /// メモ.
    Note,
}

impl Change {
    /// Puts this value into `cell` and returns the one it replaced.
    fn swap(&self, cell: &mut InitiativeCell) -> Change {
        match self {
            Change::Status(v) => Change::Status(std::mem::replace(&mut cell.status, *v)),
            Change::Text(field, v) => Change::Text(*field, std::mem::replace(cell.text_mut(*field), v.clone())),
            Change::Grade(v) => Change::Grade(std::mem::replace(&mut cell.grade, v.clone())),
            Change::WayForward(v) => Change::WayForward(std::mem::replace(&mut cell.way_forward, v.clone())),
            Change::Owners(v) => Change::Owners(std::mem::replace(&mut cell.owners, v.clone())),
            Change::Links(v) => Change::Links(std::mem::replace(&mut cell.links, v.clone())),
        }
    }

    /// Typed text: consecutive changes of one text field are one step of undo.
    fn is_typing_in(&self, other: &Change) -> bool {
        matches!((self, other), (Change::Text(a, _), Change::Text(b, _)) if a == b)
    }
}

impl InitiativeCell {
    pub fn text(&self, field: TextField) -> &str {
        match field {
            TextField::Results => &self.results,
            TextField::Challenges => &self.challenges,
            TextField::Note => &self.note,
        }
    }

    fn text_mut(&mut self, field: TextField) -> &mut String {
        match field {
            TextField::Results => &mut self.results,
            TextField::Challenges => &mut self.challenges,
            TextField::Note => &mut self.note,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// One field of an initiative's cell in one year. `id` is the row the
    /// record keeps (`Plan::record_id`): a re-listed row edits its original.
    Initiative {
        id: InitiativeId,
        year: FiscalYear,
        change: Change,
    },
    KpiValue {
        code: KpiCode,
        year: FiscalYear,
        field: KpiField,
        value: Option<f64>,
    },
    KpiNote {
        code: KpiCode,
        year: FiscalYear,
        note: String,
    },
    /// One text of a policy's council cell in one year.
    Council {
        policy: PolicyCode,
        year: FiscalYear,
        field: CouncilField,
        text: String,
    },
    /// Sets a whole cell as given, stamp included (an applied import, a
    /// conflict resolved by taking the other side). `None` removes it.
    ReplaceInitiative {
        id: InitiativeId,
        year: FiscalYear,
        cell: Option<InitiativeCell>,
    },
    ReplaceKpi {
        code: KpiCode,
        year: FiscalYear,
        cell: Option<KpiCell>,
    },
    ReplaceCouncil {
        policy: PolicyCode,
        year: FiscalYear,
        cell: Option<CouncilCell>,
    },
    /// 提出済: the 担当's answer for the line came (`by`: the answer's author
    /// and time). `id` as in [`Edit::Initiative`].
    Submit {
        id: InitiativeId,
        year: FiscalYear,
        by: Stamp,
    },
    /// 確認済: the line, as it is when the edit is applied, is confirmed by
    /// whoever applies it, with a comment for the 担当.
    Confirm {
        id: InitiativeId,
        year: FiscalYear,
        comment: String,
    },
    /// Takes a confirmation back (the line goes back to 提出済 or 記入中).
    Unconfirm {
        id: InitiativeId,
        year: FiscalYear,
    },
    /// Sets a line's review as given: what undoing a review edit restores.
    SetReview {
        id: InitiativeId,
        year: FiscalYear,
        submitted: Option<Stamp>,
        confirmed: Option<Confirmation>,
    },
    ReplaceReview {
        id: InitiativeId,
        year: FiscalYear,
        cell: Option<ReviewCell>,
    },
    /// 締め: the year's cells take no more edits. The reason may be empty.
    CloseYear {
        year: FiscalYear,
        reason: String,
    },
    /// Opens a closed year again; a reason is required.
    ReopenYear {
        year: FiscalYear,
        reason: String,
    },
    /// The year's 回答期限 and the 事務局's instructions (an open year only).
    YearSettings {
        year: FiscalYear,
        deadline: Option<CalendarDate>,
        instructions: String,
    },
    /// Sets a year's cell content as given: what undoing a year edit restores.
    SetYear {
        year: FiscalYear,
        closed: bool,
        reason: String,
        deadline: Option<CalendarDate>,
        instructions: String,
    },
    ReplaceYear {
        year: FiscalYear,
        cell: Option<YearCell>,
    },
    /// Several edits as one step of undo (an import applied at once): all
    /// applied, or none when one is refused.
    Batch(Vec<Edit>),
}

/// Why an edit was refused. Nothing of it was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The year is closed: its cells take no edit until it is reopened.
    YearClosed(FiscalYear),
    /// Closing a year that is already closed.
    AlreadyClosed(FiscalYear),
    /// Reopening a year that is not closed.
    NotClosed(FiscalYear),
    /// Reopening needs a reason: it is kept in the year's history.
    ReasonRequired(FiscalYear),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::YearClosed(y) => write!(f, "fiscal year {y} is closed; reopen it to change it"),
            EditError::AlreadyClosed(y) => write!(f, "fiscal year {y} is already closed"),
            EditError::NotClosed(y) => write!(f, "fiscal year {y} is not closed"),
            EditError::ReasonRequired(y) => write!(f, "reopening fiscal year {y} needs a reason"),
        }
    }
}

impl std::error::Error for EditError {}

impl Edit {
    /// The cell a single edit changes (`None` for a batch).
    pub fn key(&self) -> Option<CellKey> {
        self.target().ok()
    }

    /// The cell a single edit changes, or a batch's edits.
    fn target(&self) -> Result<CellKey, &[Edit]> {
        Ok(match self {
            Edit::Initiative { id, year, .. } | Edit::ReplaceInitiative { id, year, .. } => {
                CellKey::Initiative(*id, *year)
            }
            Edit::KpiValue { code, year, .. }
            | Edit::KpiNote { code, year, .. }
            | Edit::ReplaceKpi { code, year, .. } => CellKey::Kpi(*code, *year),
            Edit::Council { policy, year, .. } | Edit::ReplaceCouncil { policy, year, .. } => {
                CellKey::Council(*policy, *year)
            }
            Edit::Submit { id, year, .. }
            | Edit::Confirm { id, year, .. }
            | Edit::Unconfirm { id, year }
            | Edit::SetReview { id, year, .. }
            | Edit::ReplaceReview { id, year, .. } => CellKey::Review(*id, *year),
            Edit::CloseYear { year, .. }
            | Edit::ReopenYear { year, .. }
            | Edit::YearSettings { year, .. }
            | Edit::SetYear { year, .. }
            | Edit::ReplaceYear { year, .. } => CellKey::Year(*year),
            Edit::Batch(edits) => return Err(edits),
        })
    }

    /// Typing in a note (or a value) comes as one edit per keystroke; those
    /// in a row on the same field are one step of undo.
    fn same_field(&self, other: &Edit) -> bool {
        match (self, other) {
            (Edit::Initiative { change: a, .. }, Edit::Initiative { change: b, .. }) => {
                a.is_typing_in(b) && self.key() == other.key()
            }
            (Edit::KpiNote { .. }, Edit::KpiNote { .. }) => self.key() == other.key(),
            (Edit::KpiValue { field: a, .. }, Edit::KpiValue { field: b, .. }) => a == b && self.key() == other.key(),
            (Edit::Council { field: a, .. }, Edit::Council { field: b, .. }) => a == b && self.key() == other.key(),
            _ => false,
        }
    }
}

impl Record {
    /// Applies `edit`, stamping the cell, and returns the edit that restores
    /// the previous value. A cell left with nothing in it is removed, and
    /// noted as cleared with the edit's stamp. Refused, with nothing changed,
    /// when it edits a cell of a closed year or misuses a year's closing.
    pub fn apply(&mut self, edit: &Edit, stamp: Stamp) -> Result<Edit, EditError> {
        self.apply_within(edit, stamp, &BTreeSet::new())
    }

    /// `apply`, where cells set whole of the years in `taken` are allowed
    /// even while those years are closed: a batch that also sets those
    /// years' cells whole takes a closed year together with its cells (an
    /// applied merge of the closer's file, or its undo).
    fn apply_within(&mut self, edit: &Edit, stamp: Stamp, taken: &BTreeSet<FiscalYear>) -> Result<Edit, EditError> {
        let key = match edit.target() {
            Ok(key) => key,
            Err(edits) => return self.apply_batch(edits, stamp, taken),
        };
        self.check(edit, key, taken)?;
        let had = self.has_cell(key);
        let before = self.fields_at(key);
        let inverse = self.apply_cell(edit, stamp.clone());
        let after = self.fields_at(key);
        if before != after {
            // A cell set whole may hold someone else's words: say whose.
            let from = match edit {
                Edit::ReplaceInitiative { cell: Some(c), .. } => Some(c.author_stamp()),
                Edit::ReplaceKpi { cell: Some(c), .. } => Some(c.author_stamp()),
                Edit::ReplaceCouncil { cell: Some(c), .. } => Some(c.author_stamp()),
                Edit::ReplaceReview { cell: Some(c), .. } => Some(c.author_stamp()),
                Edit::ReplaceYear { cell: Some(c), .. } => Some(c.author_stamp()),
                _ => None,
            }
            .filter(|&from| *from != stamp);
            // A cell taken whole where there was none brings its own history.
            let arrived = from.is_some() && before.iter().all(|(_, value)| value.is_empty());
            if !arrived {
                self.history.entry(key).or_default().log(&before, &after, &stamp, from);
            }
        }
        by_kind!(key, C, k => note_cleared::<C>(self, k, had, stamp));
        Ok(inverse)
    }

    /// All the edits or none: applied to a copy, kept only if none was refused.
    fn apply_batch(&mut self, edits: &[Edit], stamp: Stamp, taken: &BTreeSet<FiscalYear>) -> Result<Edit, EditError> {
        let mut taken = taken.clone();
        taken.extend(edits.iter().filter_map(|e| match e {
            Edit::ReplaceYear { year, .. } => Some(*year),
            _ => None,
        }));
        let mut copy = self.clone();
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            inverses.push(copy.apply_within(edit, stamp.clone(), &taken)?);
        }
        *self = copy;
        // Undone in reverse order, so overlapping edits restore exactly.
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }

    /// Whether `edit`, of the cell at `key`, may be applied now.
    fn check(&self, edit: &Edit, key: CellKey, taken: &BTreeSet<FiscalYear>) -> Result<(), EditError> {
        let year = key.year();
        let closing = self.closing(year);
        let closed = closing.is_some();
        match edit {
            Edit::CloseYear { .. } if closed => Err(EditError::AlreadyClosed(year)),
            Edit::ReopenYear { .. } if !closed => Err(EditError::NotClosed(year)),
            Edit::ReopenYear { reason, .. } if reason.trim().is_empty() => Err(EditError::ReasonRequired(year)),
            // A year cell set whole opens a closed year only with a later
            // decision (a file's newer reopening), never by going back to an
            // older one (undoing an import that came before the closing).
            Edit::ReplaceYear { cell, .. }
                if closing.is_some_and(|now| {
                    !cell.as_ref().is_some_and(|c| c.closed || c.stamp.updated_at > now.stamp.updated_at)
                }) =>
            {
                Err(EditError::YearClosed(year))
            }
            Edit::CloseYear { .. } | Edit::ReopenYear { .. } | Edit::SetYear { .. } | Edit::ReplaceYear { .. } => {
                Ok(())
            }
            Edit::ReplaceInitiative { .. }
            | Edit::ReplaceKpi { .. }
            | Edit::ReplaceCouncil { .. }
            | Edit::ReplaceReview { .. }
                if taken.contains(&year) =>
            {
                Ok(())
            }
            _ if closed => Err(EditError::YearClosed(year)),
            _ => Ok(()),
        }
    }

    /// The fields of the cell at `key` (all empty when there is none).
    fn fields_at(&self, key: CellKey) -> Vec<(Field, String)> {
        by_kind!(key, C, k => C::cells(self).get(&k).cloned().unwrap_or_default().fields())
    }

    /// Applies an edit of one cell (not a batch), checked.
    fn apply_cell(&mut self, edit: &Edit, stamp: Stamp) -> Edit {
        match edit {
            Edit::Initiative { id, year, change } => {
                let previous = change_cell(self, (*id, *year), stamp, |c: &mut InitiativeCell| change.swap(c));
                Edit::Initiative { id: *id, year: *year, change: previous }
            }
            Edit::KpiValue { code, year, field, value } => {
                let previous = change_cell(self, (*code, *year), stamp, |c: &mut KpiCell| {
                    std::mem::replace(c.value_mut(*field), *value)
                });
                Edit::KpiValue { code: *code, year: *year, field: *field, value: previous }
            }
            Edit::KpiNote { code, year, note } => {
                let previous = change_cell(self, (*code, *year), stamp, |c: &mut KpiCell| {
                    std::mem::replace(&mut c.note, note.clone())
                });
                Edit::KpiNote { code: *code, year: *year, note: previous }
            }
            Edit::Council { policy, year, field, text } => {
                let previous = change_cell(self, (*policy, *year), stamp, |c: &mut CouncilCell| {
                    std::mem::replace(c.text_mut(*field), text.clone())
                });
                Edit::Council { policy: *policy, year: *year, field: *field, text: previous }
            }
            Edit::ReplaceInitiative { id, year, cell } => replace_cell(self, (*id, *year), cell.clone()),
            Edit::ReplaceKpi { code, year, cell } => replace_cell(self, (*code, *year), cell.clone()),
            Edit::ReplaceCouncil { policy, year, cell } => replace_cell(self, (*policy, *year), cell.clone()),
            Edit::ReplaceReview { id, year, cell } => replace_cell(self, (*id, *year), cell.clone()),
            Edit::ReplaceYear { year, cell } => replace_cell(self, *year, cell.clone()),
            Edit::Submit { id, year, by } => self.review(*id, *year, stamp, |c| c.submitted = Some(by.clone())),
            Edit::Confirm { id, year, comment } => {
                let fingerprint = Fingerprint::of(self.initiatives.get(&(*id, *year)));
                let confirmation = Confirmation { fingerprint, by: stamp.clone(), comment: comment.clone() };
                self.review(*id, *year, stamp, |c| c.confirmed = Some(confirmation))
            }
            Edit::Unconfirm { id, year } => self.review(*id, *year, stamp, |c| c.confirmed = None),
            Edit::SetReview { id, year, submitted, confirmed } => self.review(*id, *year, stamp, |c| {
                c.submitted = submitted.clone();
                c.confirmed = confirmed.clone();
            }),
            Edit::CloseYear { year, reason } => self.year(*year, stamp, |c| {
                c.closed = true;
                c.reason = reason.clone();
            }),
            Edit::ReopenYear { year, reason } => self.year(*year, stamp, |c| {
                c.closed = false;
                c.reason = reason.clone();
            }),
            Edit::YearSettings { year, deadline, instructions } => self.year(*year, stamp, |c| {
                c.deadline = *deadline;
                c.instructions = instructions.clone();
            }),
            Edit::SetYear { year, closed, reason, deadline, instructions } => self.year(*year, stamp, |c| {
                *c = YearCell {
                    closed: *closed,
                    reason: reason.clone(),
                    deadline: *deadline,
                    instructions: instructions.clone(),
                    ..YearCell::default()
                };
            }),
            // Never met: `apply_within` takes batches apart.
            Edit::Batch(_) => Edit::Batch(Vec::new()),
        }
    }

    /// Changes a line's review; returns the edit that restores it.
    fn review(&mut self, id: InitiativeId, year: FiscalYear, stamp: Stamp, set: impl FnOnce(&mut ReviewCell)) -> Edit {
        change_cell(self, (id, year), stamp, |c: &mut ReviewCell| {
            let (submitted, confirmed) = (c.submitted.clone(), c.confirmed.clone());
            set(c);
            Edit::SetReview { id, year, submitted, confirmed }
        })
    }

    /// Changes a year's cell; returns the edit that restores it.
    fn year(&mut self, year: FiscalYear, stamp: Stamp, set: impl FnOnce(&mut YearCell)) -> Edit {
        change_cell(self, year, stamp, |c: &mut YearCell| {
            let YearCell { closed, reason, deadline, instructions, .. } = c.clone();
            set(c);
            Edit::SetYear { year, closed, reason, deadline, instructions }
        })
    }
}

/// A cell that was there and is gone was cleared; a cell that is there is not.
fn note_cleared<C: Kind>(record: &mut Record, key: C::Key, had: bool, stamp: Stamp) {
    if C::cells(record).contains_key(&key) {
        C::cleared_mut(record).remove(&key);
    } else if had {
        C::cleared_mut(record).insert(key, stamp);
    }
}

/// Sets the cell at `key` whole; returns the edit that sets back the one it replaced.
fn replace_cell<C: Kind>(record: &mut Record, key: C::Key, cell: Option<C>) -> Edit {
    let cells = C::cells_mut(record);
    let previous = match cell.filter(|c| !c.is_empty()) {
        Some(c) => cells.insert(key, c),
        None => cells.remove(&key),
    };
    C::replace(key, previous)
}

/// Changes one cell through `change`, stamps it, and drops it if nothing is
/// left in it; returns what `change` returned (the previous value).
fn change_cell<C: Kind, T>(record: &mut Record, key: C::Key, stamp: Stamp, change: impl FnOnce(&mut C) -> T) -> T {
    let cells = C::cells_mut(record);
    let cell = cells.entry(key).or_default();
    let previous = change(cell);
    *cell.stamp_mut() = stamp;
    // The content is now the editor's own.
    *cell.written_mut() = None;
    if cell.is_empty() {
        cells.remove(&key);
    }
    previous
}

/// The edit that fills the years of `kpi` without a target with steps on a
/// straight line from its baseline (the first year that has one) to the
/// final year's target (`kpi::interim_targets`), as one step of undo; years
/// already given a target keep it. `None` without a baseline and a final
/// target, or when every year has a target.
pub fn fill_targets(plan: &Plan, record: &Record, kpi: &Kpi) -> Option<Edit> {
    let code = kpi.code;
    let years: Vec<FiscalYear> = plan.plan.fiscal_years.years().collect();
    let cell = |y: &FiscalYear| record.kpis.get(&(code, *y));
    let baseline = years.iter().find_map(|y| cell(y).and_then(|c| c.baseline))?;
    let target = years.last().and_then(cell).and_then(|c| c.target)?;
    let steps = interim_targets(baseline, target, years.len(), ValueKind::of(kpi));
    let edits: Vec<Edit> = years
        .iter()
        .zip(steps)
        .filter(|(y, _)| cell(y).and_then(|c| c.target).is_none())
        .map(|(&year, value)| Edit::KpiValue { code, year, field: KpiField::Target, value: Some(value) })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

impl KpiCell {
    pub fn value(&self, field: KpiField) -> Option<f64> {
        match field {
            KpiField::Baseline => self.baseline,
            KpiField::Target => self.target,
            KpiField::Actual => self.actual,
        }
    }

    fn value_mut(&mut self, field: KpiField) -> &mut Option<f64> {
        match field {
            KpiField::Baseline => &mut self.baseline,
            KpiField::Target => &mut self.target,
            KpiField::Actual => &mut self.actual,
        }
    }
}

/// Undo and redo stacks of inverse edits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// The last edit applied, while typing may still continue it.
    typing: Option<Edit>,
}

impl History {
    /// Applies a new edit; it can be undone, and it clears what could be
    /// redone. A refused edit changes nothing, here or in `record`.
    pub fn apply(&mut self, record: &mut Record, edit: &Edit, stamp: Stamp) -> Result<(), EditError> {
        self.undo.push(record.apply(edit, stamp)?);
        self.redo.clear();
        self.typing = None;
        Ok(())
    }

    /// Applies an edit made by typing: consecutive ones on the same field
    /// make one step of undo, until `seal` (the field lost focus) or any
    /// other edit.
    pub fn apply_typing(&mut self, record: &mut Record, edit: &Edit, stamp: Stamp) -> Result<(), EditError> {
        let continues = self.typing.as_ref().is_some_and(|t| t.same_field(edit)) && !self.undo.is_empty();
        let inverse = record.apply(edit, stamp)?;
        if !continues {
            self.undo.push(inverse);
        }
        self.redo.clear();
        self.typing = Some(edit.clone());
        Ok(())
    }

    /// Ends a run of typing: the next keystroke starts a new step of undo.
    pub fn seal(&mut self) {
        self.typing = None;
    }

    /// Undoes the last edit (stamped now: an undo is a change too). `false`
    /// if there is none; refused (and kept, to undo once the year is
    /// reopened) when it would change a closed year.
    pub fn undo(&mut self, record: &mut Record, stamp: Stamp) -> Result<bool, EditError> {
        Self::step(&mut self.undo, &mut self.redo, &mut self.typing, record, stamp)
    }

    pub fn redo(&mut self, record: &mut Record, stamp: Stamp) -> Result<bool, EditError> {
        Self::step(&mut self.redo, &mut self.undo, &mut self.typing, record, stamp)
    }

    /// Applies the top of `from`, pushing its inverse onto `to`.
    fn step(
        from: &mut Vec<Edit>,
        to: &mut Vec<Edit>,
        typing: &mut Option<Edit>,
        record: &mut Record,
        stamp: Stamp,
    ) -> Result<bool, EditError> {
        *typing = None;
        let Some(edit) = from.last() else { return Ok(false) };
        let inverse = record.apply(edit, stamp)?;
        from.pop();
        to.push(inverse);
        Ok(true)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
