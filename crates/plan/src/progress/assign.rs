//! Who answers for what in a fiscal year: the 事務局 sends each 担当 its
//! own rows (照会), so the rows are grouped by 担当 as the record has them,
//! carried over from earlier years until changed ([`Record::owners`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::Record;
use crate::plan::{FiscalYear, InitiativeId, Plan};

/// A 担当 (a 課, the 商工会, …) as the record names it: trimmed, never empty,
/// so that a request, an answer and the board agree on who is meant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Owner(String);

/// A 担当 that is only blanks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmptyOwner;

impl fmt::Display for EmptyOwner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no 担当 is named")
    }
}

impl Owner {
    /// `name` trimmed, unless nothing is left.
    pub fn new(name: &str) -> Option<Owner> {
        let name = name.trim();
        (!name.is_empty()).then(|| Owner(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Owner {
    type Error = EmptyOwner;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        Owner::new(&name).ok_or(EmptyOwner)
    }
}

impl From<Owner> for String {
    fn from(owner: Owner) -> Self {
        owner.0
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The rows of a year by 担当.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assignments {
    /// Each 担当's initiatives, in plan order. An initiative with two 担当
    /// is under both: each answers for it.
    pub by_owner: BTreeMap<Owner, Vec<InitiativeId>>,
    /// Initiatives no 担当 answers for, this year or earlier: nobody would
    /// be asked, so the 事務局 must see them.
    pub unassigned: Vec<InitiativeId>,
}

impl Assignments {
    /// The initiatives `owner` answers for (none if it answers for nothing).
    pub fn rows(&self, owner: &Owner) -> &[InitiativeId] {
        self.by_owner.get(owner).map_or(&[], Vec::as_slice)
    }
}

/// Who answers for each initiative in `year`. A re-listed row (再掲) shares
/// its original's record, so it is listed once, as the original.
pub fn assignments(plan: &Plan, record: &Record, year: FiscalYear) -> Assignments {
    let mut out = Assignments::default();
    for initiative in plan.initiatives.iter().filter(|i| plan.record_id(i.id) == i.id) {
        let owners: Vec<Owner> = record
            .owners(plan, initiative.id, year)
            .map(|(_, names)| names.iter().filter_map(|n| Owner::new(n)).collect())
            .unwrap_or_default();
        if owners.is_empty() {
            out.unassigned.push(initiative.id);
        }
        for owner in owners {
            let rows = out.by_owner.entry(owner).or_default();
            if !rows.contains(&initiative.id) {
                rows.push(initiative.id);
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "assign_tests.rs"]
mod tests;
