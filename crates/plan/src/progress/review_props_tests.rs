//! The review state's promise, as a property: no sequence of edits, undo
//! and redo, imports (files included), conflicts taken, tab syncs, closings
//! and reopenings leaves a line 確認済 that says anything other than what
//! was confirmed, nor one that says it and is not 確認済. Also: an import's
//! edit is never refused, whatever is closed where.

use std::collections::BTreeMap;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::document::{from_json, to_json, MAX_IMPORT_BYTES};
use super::edit::{Change, Edit, History, TextField};
use super::merge::{merge, Conflict};
use super::review::{state, ReviewState};
use super::sync::merge3;
use super::{Cell, InitiativeCell, Record, Stamp, Status};
use crate::plan::{FiscalYear, InitiativeId};
use crate::test_strategies::{config, PLAN};

/// Three records: two tabs of one browser (`A`, `Tab`), and a colleague's (`B`).
#[derive(Debug, Clone, Copy)]
enum Side {
    A,
    Tab,
    B,
}

impl Side {
    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone)]
enum Op {
    Note { on: Side, line: usize, text: &'static str },
    Status { on: Side, line: usize, done: bool },
    Submit { on: Side, line: usize },
    Confirm { on: Side, line: usize },
    Unconfirm { on: Side, line: usize },
    Close { on: Side, year: usize },
    Reopen { on: Side, year: usize },
    Import { from: Side, to: Side, through_file: bool },
    TakeOther { on: Side },
    SyncTabs,
    Undo { on: Side },
    Redo { on: Side },
}

fn side() -> impl Strategy<Value = Side> {
    select(vec![Side::A, Side::Tab, Side::B])
}

fn op() -> impl Strategy<Value = Op> {
    let line = 0..LINES.len();
    let year = 0..YEARS.len();
    prop_oneof![
        3 => (side(), line.clone(), select(vec!["", "A", "B"])).prop_map(|(on, line, text)| Op::Note { on, line, text }),
        1 => (side(), line.clone(), any::<bool>()).prop_map(|(on, line, done)| Op::Status { on, line, done }),
        2 => (side(), line.clone()).prop_map(|(on, line)| Op::Submit { on, line }),
        3 => (side(), line.clone()).prop_map(|(on, line)| Op::Confirm { on, line }),
        1 => (side(), line).prop_map(|(on, line)| Op::Unconfirm { on, line }),
        2 => (side(), year.clone()).prop_map(|(on, year)| Op::Close { on, year }),
        1 => (side(), year).prop_map(|(on, year)| Op::Reopen { on, year }),
        3 => (side(), side(), any::<bool>()).prop_map(|(from, to, through_file)| Op::Import { from, to, through_file }),
        1 => side().prop_map(|on| Op::TakeOther { on }),
        2 => Just(Op::SyncTabs),
        1 => side().prop_map(|on| Op::Undo { on }),
        1 => side().prop_map(|on| Op::Redo { on }),
    ]
}

const LINES: [&str; 2] = ["1-①-a", "2-①-a"];
const YEARS: [FiscalYear; 2] = [FiscalYear(2024), FiscalYear(2025)];

/// Every line: 2 initiatives × 2 years.
fn lines() -> Vec<(InitiativeId, FiscalYear)> {
    LINES.iter().flat_map(|id| YEARS.map(|y| (crate::test_support::id(id), y))).collect()
}

#[derive(Default)]
struct World {
    records: [Record; 3],
    histories: [History; 3],
    conflicts: [Vec<Conflict>; 3],
    /// What the browser's storage holds, and what each tab last saw of it.
    stored: Record,
    bases: [Record; 2],
    /// What each confirmation confirmed, by when it was made and where.
    confirmed: BTreeMap<(i64, (InitiativeId, FiscalYear)), InitiativeCell>,
    clock: i64,
}

impl World {
    fn stamp(&mut self, on: Side) -> Stamp {
        self.clock += 1;
        let who = ["市", "市", "商工会"][on.index()];
        Stamp { author: Some(who.into()), updated_at: self.clock }
    }

    /// Applies an edit as the page does; a refusal (a closed year) is fine.
    fn edit(&mut self, on: Side, edit: &Edit) -> Result<(), super::edit::EditError> {
        let stamp = self.stamp(on);
        let i = on.index();
        self.histories[i].apply(&mut self.records[i], edit, stamp)
    }

    fn run(&mut self, op: &Op) -> Result<(), TestCaseError> {
        let line = |n: usize| crate::test_support::id(LINES[n]);
        match *op {
            Op::Note { on, line: n, text } => {
                let change = Change::Text(TextField::Note, text.into());
                for year in YEARS {
                    let _ = self.edit(on, &Edit::Initiative { id: line(n), year, change: change.clone() });
                }
            }
            Op::Status { on, line: n, done } => {
                let status = Some(if done { Status::Done } else { Status::InProgress });
                let _ =
                    self.edit(on, &Edit::Initiative { id: line(n), year: YEARS[0], change: Change::Status(status) });
            }
            Op::Submit { on, line: n } => {
                let by = self.stamp(Side::B);
                let _ = self.edit(on, &Edit::Submit { id: line(n), year: YEARS[0], by });
            }
            Op::Confirm { on, line: n } => {
                for year in YEARS {
                    let key = (line(n), year);
                    let before = self.records[on.index()].initiatives.get(&key).cloned().unwrap_or_default();
                    if self.edit(on, &Edit::Confirm { id: key.0, year, comment: "確認".into() }).is_ok() {
                        self.confirmed.insert((self.clock, key), before);
                    }
                }
            }
            Op::Unconfirm { on, line: n } => {
                let _ = self.edit(on, &Edit::Unconfirm { id: line(n), year: YEARS[1] });
            }
            Op::Close { on, year } => {
                let _ = self.edit(on, &Edit::CloseYear { year: YEARS[year], reason: String::new() });
            }
            Op::Reopen { on, year } => {
                let _ = self.edit(on, &Edit::ReopenYear { year: YEARS[year], reason: "訂正".into() });
            }
            Op::Import { from, to, through_file } => {
                let mut incoming = self.records[from.index()].clone();
                if through_file {
                    let text = to_json(&incoming, &PLAN.plan.id, None).expect("serialises");
                    incoming = from_json(&text, &PLAN, MAX_IMPORT_BYTES).expect("reads back");
                }
                let out = merge(&self.records[to.index()], &incoming);
                if let Some(edit) = out.edit() {
                    let applied = self.edit(to, &edit);
                    prop_assert_eq!(applied, Ok(()), "an import's edit is never refused: {:?}", edit);
                }
                self.conflicts[to.index()] = out.conflicts;
            }
            Op::TakeOther { on } => {
                let stamp = self.stamp(on);
                if let Some(edit) = self.conflicts[on.index()].first().and_then(|c| c.take_other(stamp)) {
                    let _ = self.edit(on, &edit);
                }
            }
            Op::SyncTabs => {
                // A saves, the tab sees that and saves, A sees the tab's save.
                for tab in [0, 1, 0] {
                    let merged = merge3(&self.bases[tab], &self.records[tab], &self.stored).merged;
                    self.records[tab] = merged.clone();
                    self.bases[tab] = merged.clone();
                    self.stored = merged;
                }
                // A closing in one tab closes the year in the other.
                for year in YEARS {
                    prop_assert_eq!(self.records[0].is_closed(year), self.records[1].is_closed(year));
                }
            }
            Op::Undo { on } => {
                let stamp = self.stamp(on);
                let i = on.index();
                let _ = self.histories[i].undo(&mut self.records[i], stamp);
            }
            Op::Redo { on } => {
                let stamp = self.stamp(on);
                let i = on.index();
                let _ = self.histories[i].redo(&mut self.records[i], stamp);
            }
        }
        Ok(())
    }

    /// 確認済 exactly where the line says what its confirmation confirmed.
    fn check(&self) -> Result<(), TestCaseError> {
        for record in &self.records {
            for key in lines() {
                let now = record.initiatives.get(&key).cloned().unwrap_or_default();
                let state = state(record, &PLAN, key.0, key.1, None);
                let Some(confirmation) = record.reviews.get(&key).and_then(|r| r.confirmed.as_ref()) else {
                    prop_assert!(!matches!(state, ReviewState::Confirmed(_)), "{:?}", key);
                    continue;
                };
                let Some(was) = self.confirmed.get(&(confirmation.by.updated_at, key)) else {
                    return Err(TestCaseError::fail(format!("{key:?}: a confirmation nobody made")));
                };
                prop_assert_eq!(
                    matches!(state, ReviewState::Confirmed(_)),
                    was.same_content(&now),
                    "{:?}: confirmed {:?}, now {:?}, state {:?}",
                    key,
                    was,
                    now,
                    state
                );
            }
        }
        Ok(())
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_confirmed_line_always_says_what_was_confirmed(ops in vec(op(), 1..40)) {
        let mut world = World::default();
        for op in &ops {
            world.run(op)?;
            world.check()?;
        }
    }
}
