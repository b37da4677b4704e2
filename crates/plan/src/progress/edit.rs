//! Edits as values. Every change — typing, undo, redo, an applied import —
//! is an `Edit` applied by `Record::apply`, which returns the edit that
//! undoes it; persistence and merge then only ever see records.

use std::collections::BTreeMap;

use super::history::Field;
use super::{Cell, CellKey, CouncilCell, Grade, InitiativeCell, KpiCell, Link, Record, Stamp, Status, WayForward};
use crate::kpi::{interim_targets, ValueKind};
use crate::plan::{FiscalYear, InitiativeId, Kpi, KpiCode, Plan, PolicyCode};

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
    /// Several edits as one step of undo (an import applied at once).
    Batch(Vec<Edit>),
}

impl Edit {
    /// The cell a single edit changes (`None` for a batch).
    pub fn key(&self) -> Option<CellKey> {
        match self {
            Edit::Initiative { id, year, .. } | Edit::ReplaceInitiative { id, year, .. } => {
                Some(CellKey::Initiative(*id, *year))
            }
            Edit::KpiValue { code, year, .. }
            | Edit::KpiNote { code, year, .. }
            | Edit::ReplaceKpi { code, year, .. } => Some(CellKey::Kpi(*code, *year)),
            Edit::Council { policy, year, .. } | Edit::ReplaceCouncil { policy, year, .. } => {
                Some(CellKey::Council(*policy, *year))
            }
            Edit::Batch(_) => None,
        }
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
    /// noted as cleared with the edit's stamp.
    pub fn apply(&mut self, edit: &Edit, stamp: Stamp) -> Edit {
        let Some(key) = edit.key() else { return self.apply_cells(edit, stamp) };
        let had = self.has_cell(key);
        let before = self.fields_at(key);
        let inverse = self.apply_cells(edit, stamp.clone());
        let after = self.fields_at(key);
        if before != after {
            // A cell set whole may hold someone else's words: say whose.
            let from = match edit {
                Edit::ReplaceInitiative { cell: Some(c), .. } => Some(c.author_stamp()),
                Edit::ReplaceKpi { cell: Some(c), .. } => Some(c.author_stamp()),
                Edit::ReplaceCouncil { cell: Some(c), .. } => Some(c.author_stamp()),
                _ => None,
            }
            .filter(|&from| *from != stamp);
            // A cell taken whole where there was none brings its own history.
            let arrived = from.is_some() && before.iter().all(|(_, value)| value.is_empty());
            if !arrived {
                self.history.entry(key).or_default().log(&before, &after, &stamp, from);
            }
        }
        match key {
            CellKey::Initiative(id, year) => {
                note_cleared(&self.initiatives, &mut self.cleared.initiatives, (id, year), had, stamp)
            }
            CellKey::Kpi(code, year) => note_cleared(&self.kpis, &mut self.cleared.kpis, (code, year), had, stamp),
            CellKey::Council(policy, year) => {
                note_cleared(&self.council, &mut self.cleared.council, (policy, year), had, stamp)
            }
        }
        inverse
    }

    /// The fields of the cell at `key` (all empty when there is none).
    fn fields_at(&self, key: CellKey) -> Vec<(Field, String)> {
        match key {
            CellKey::Initiative(id, year) => self.initiatives.get(&(id, year)).cloned().unwrap_or_default().fields(),
            CellKey::Kpi(code, year) => self.kpis.get(&(code, year)).cloned().unwrap_or_default().fields(),
            CellKey::Council(policy, year) => self.council.get(&(policy, year)).cloned().unwrap_or_default().fields(),
        }
    }

    fn apply_cells(&mut self, edit: &Edit, stamp: Stamp) -> Edit {
        match edit {
            Edit::Initiative { id, year, change } => {
                let previous = change_cell(&mut self.initiatives, (*id, *year), stamp, |c| change.swap(c));
                Edit::Initiative { id: *id, year: *year, change: previous }
            }
            Edit::KpiValue { code, year, field, value } => {
                let previous = change_cell(&mut self.kpis, (*code, *year), stamp, |c| {
                    std::mem::replace(c.value_mut(*field), *value)
                });
                Edit::KpiValue { code: *code, year: *year, field: *field, value: previous }
            }
            Edit::KpiNote { code, year, note } => {
                let previous = change_cell(&mut self.kpis, (*code, *year), stamp, |c| {
                    std::mem::replace(&mut c.note, note.clone())
                });
                Edit::KpiNote { code: *code, year: *year, note: previous }
            }
            Edit::ReplaceInitiative { id, year, cell } => {
                let previous = replace_cell(&mut self.initiatives, (*id, *year), cell.clone());
                Edit::ReplaceInitiative { id: *id, year: *year, cell: previous }
            }
            Edit::ReplaceKpi { code, year, cell } => {
                let previous = replace_cell(&mut self.kpis, (*code, *year), cell.clone());
                Edit::ReplaceKpi { code: *code, year: *year, cell: previous }
            }
            Edit::Council { policy, year, field, text } => {
                let previous = change_cell(&mut self.council, (*policy, *year), stamp, |c| {
                    std::mem::replace(c.text_mut(*field), text.clone())
                });
                Edit::Council { policy: *policy, year: *year, field: *field, text: previous }
            }
            Edit::ReplaceCouncil { policy, year, cell } => {
                let previous = replace_cell(&mut self.council, (*policy, *year), cell.clone());
                Edit::ReplaceCouncil { policy: *policy, year: *year, cell: previous }
            }
            Edit::Batch(edits) => {
                // Undone in reverse order, so overlapping edits restore exactly.
                let mut inverses: Vec<Edit> = edits.iter().map(|e| self.apply(e, stamp.clone())).collect();
                inverses.reverse();
                Edit::Batch(inverses)
            }
        }
    }
}

/// A cell that was there and is gone was cleared; a cell that is there is not.
fn note_cleared<K: Ord + Copy, C>(
    cells: &BTreeMap<K, C>,
    cleared: &mut BTreeMap<K, Stamp>,
    key: K,
    had: bool,
    stamp: Stamp,
) {
    if cells.contains_key(&key) {
        cleared.remove(&key);
    } else if had {
        cleared.insert(key, stamp);
    }
}

fn replace_cell<K: Ord + Copy, C: Cell>(cells: &mut BTreeMap<K, C>, key: K, cell: Option<C>) -> Option<C> {
    match cell.filter(|c| !c.is_empty()) {
        Some(c) => cells.insert(key, c),
        None => cells.remove(&key),
    }
}

/// Changes one cell through `change`, stamps it, and drops it if nothing is
/// left in it; returns what `change` returned (the previous value).
fn change_cell<K: Ord + Copy, C: Cell, T>(
    cells: &mut BTreeMap<K, C>,
    key: K,
    stamp: Stamp,
    change: impl FnOnce(&mut C) -> T,
) -> T {
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
    /// Applies a new edit; it can be undone, and it clears what could be redone.
    pub fn apply(&mut self, record: &mut Record, edit: &Edit, stamp: Stamp) {
        self.undo.push(record.apply(edit, stamp));
        self.redo.clear();
        self.typing = None;
    }

    /// Applies an edit made by typing: consecutive ones on the same field
    /// make one step of undo, until `seal` (the field lost focus) or any
    /// other edit.
    pub fn apply_typing(&mut self, record: &mut Record, edit: &Edit, stamp: Stamp) {
        let continues = self.typing.as_ref().is_some_and(|t| t.same_field(edit)) && !self.undo.is_empty();
        let inverse = record.apply(edit, stamp);
        if !continues {
            self.undo.push(inverse);
        }
        self.redo.clear();
        self.typing = Some(edit.clone());
    }

    /// Ends a run of typing: the next keystroke starts a new step of undo.
    pub fn seal(&mut self) {
        self.typing = None;
    }

    /// Undoes the last edit (stamped now: an undo is a change too). `false` if none.
    pub fn undo(&mut self, record: &mut Record, stamp: Stamp) -> bool {
        self.typing = None;
        let Some(inverse) = self.undo.pop() else { return false };
        self.redo.push(record.apply(&inverse, stamp));
        true
    }

    pub fn redo(&mut self, record: &mut Record, stamp: Stamp) -> bool {
        self.typing = None;
        let Some(edit) = self.redo.pop() else { return false };
        self.undo.push(record.apply(&edit, stamp));
        true
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
