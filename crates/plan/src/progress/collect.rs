//! Many answer files at once (取りまとめ): the 事務局 chooses or drops a
//! batch of files, in whatever order the file dialog gives them. The result
//! depends only on the files, never on that order:
//!
//! - Two files of the same 担当, year and `answered_at` are one answer sent
//!   twice (or edited without being answered again): the first by file name
//!   is kept, the others are reported as duplicates, saying whether they are
//!   identical.
//! - Two answers of one 担当 for one year: the later `answered_at` is that
//!   担当's word. Each cell the later answer also holds is taken from it; the
//!   earlier one's cell is left out and reported as superseded when it said
//!   something else. A cell only the earlier answer holds is kept: files carry
//!   no clearings, so a missing cell is not an answer.
//! - Answers of different 担当 (an initiative with two) are all kept: where
//!   they differ, merging them one after the other in [`Collected::answers`]'s
//!   order reports the conflict (`merge::merge`).
//!
//! Checking each answer against its request (`answer::check_answer`) comes
//! after: it only removes whole answers or cells, so superseding within one
//! 担当's answers stays right.

use std::collections::BTreeMap;

use super::answer::Answer;
use super::assign::Owner;
use super::{Cell, CellKey, InitiativeCell};
use crate::plan::{FiscalYear, InitiativeId};

/// One answer file, by the name it was chosen under.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    pub file: String,
    pub answer: Answer,
}

/// A file left out because another file is the same answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateFile {
    pub file: String,
    /// The file kept in its place.
    pub same_as: String,
    /// Byte for byte the same answer; otherwise the same 担当 and time with
    /// other contents, which the 事務局 should look at.
    pub identical: bool,
}

/// A cell of an earlier answer that a later answer of the same 担当 replaces.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Superseded {
    pub key: CellKey,
    pub file: String,
    /// The later file, whose cell is taken.
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Collected {
    /// The answers to check and merge, oldest first; each holds only the
    /// cells no later answer of its 担当 replaces.
    pub answers: Vec<Received>,
    pub duplicates: Vec<DuplicateFile>,
    pub superseded: Vec<Superseded>,
}

/// The answers of one 担当 for one year of one plan.
type Sender = (String, FiscalYear, Owner);

fn sender(answer: &Answer) -> Sender {
    (answer.plan_id.clone(), answer.year, answer.owner.clone())
}

/// Combines a batch of answer files (see the module's rules).
pub fn collect(files: Vec<Received>) -> Collected {
    // The whole answer as text settles the order of files that agree on
    // everything else, so that no input order shows through.
    let mut files: Vec<(String, Received)> =
        files.into_iter().map(|r| (r.answer.to_json().unwrap_or_default(), r)).collect();
    files.sort_by(|(a_text, a), (b_text, b)| {
        let key = |r: &Received| (r.answer.answered_at, sender(&r.answer), r.file.clone());
        key(a).cmp(&key(b)).then_with(|| a_text.cmp(b_text))
    });

    let mut out = Collected::default();
    let mut kept: Vec<(String, Received)> = Vec::with_capacity(files.len());
    for (text, received) in files {
        let same = kept.iter().find(|(_, k)| {
            sender(&k.answer) == sender(&received.answer) && k.answer.answered_at == received.answer.answered_at
        });
        match same {
            Some((kept_text, k)) => out.duplicates.push(DuplicateFile {
                file: received.file,
                same_as: k.file.clone(),
                identical: *kept_text == text,
            }),
            None => kept.push((text, received)),
        }
    }

    // Latest first: each cell is claimed by the latest answer of its sender.
    let mut claimed: BTreeMap<(Sender, InitiativeId, FiscalYear), (String, InitiativeCell)> = BTreeMap::new();
    for (_, received) in kept.iter_mut().rev() {
        let from = sender(&received.answer);
        let cells = &mut received.answer.record.initiatives;
        let mut replaced = Vec::new();
        for (&(id, year), cell) in cells.iter() {
            match claimed.get(&(from.clone(), id, year)) {
                Some((by, later)) => {
                    if !later.same_content(cell) {
                        let key = CellKey::Initiative(id, year);
                        out.superseded.push(Superseded { key, file: received.file.clone(), by: by.clone() });
                    }
                    replaced.push((id, year));
                }
                None => {
                    claimed.insert((from.clone(), id, year), (received.file.clone(), cell.clone()));
                }
            }
        }
        for key in replaced {
            cells.remove(&key);
        }
    }
    out.superseded.sort();
    out.answers = kept.into_iter().map(|(_, r)| r).collect();
    out
}

#[cfg(test)]
#[path = "collect_tests.rs"]
mod tests;
