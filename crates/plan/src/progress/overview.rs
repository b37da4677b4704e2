//! One fiscal year at a glance: how many initiatives of each policy stand at
//! each status, and which initiatives carry a note.

use super::{InitiativeCell, Record, Status};
use crate::plan::{FiscalYear, Initiative, InitiativeId, Plan};

/// Statuses of one policy's initiatives in one fiscal year.
///
/// Re-listed rows (再掲, `relisted_from` set) are left out of every number:
/// they repeat an initiative listed elsewhere, and counting them would count
/// the same work twice. So `counts` plus `unrecorded` always add up to
/// `total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyStatusCounts {
    /// 基本施策 code, 1–6.
    pub policy: u8,
    /// Initiatives at each status, indexed like [`Status::ALL`].
    pub counts: [usize; 6],
    /// Initiatives with no status that year.
    pub unrecorded: usize,
    /// Initiatives of the policy, re-listed rows excepted.
    pub total: usize,
}

impl PolicyStatusCounts {
    pub fn count(&self, status: Status) -> usize {
        self.counts[status.index()]
    }

    /// Initiatives with a status that year.
    pub fn recorded(&self) -> usize {
        self.total - self.unrecorded
    }
}

/// One entry per policy, in plan order, for `year`.
pub fn status_counts(plan: &Plan, record: &Record, year: FiscalYear) -> Vec<PolicyStatusCounts> {
    plan.policies
        .iter()
        .map(|policy| {
            let mut counts = PolicyStatusCounts { policy: policy.code, counts: [0; 6], unrecorded: 0, total: 0 };
            let own = plan.initiatives.iter().filter(|i| i.policy == policy.code && !is_relisted(i));
            for initiative in own {
                counts.total += 1;
                match record.initiatives.get(&(initiative.id, year)).and_then(|c| c.status) {
                    Some(status) => counts.counts[status.index()] += 1,
                    None => counts.unrecorded += 1,
                }
            }
            counts
        })
        .collect()
}

/// Initiatives whose note for `year` says something (not only blanks), in
/// plan order. Re-listed rows are left out: their note is their original's.
pub fn noted<'r>(plan: &Plan, record: &'r Record, year: FiscalYear) -> Vec<(InitiativeId, &'r InitiativeCell)> {
    plan.initiatives
        .iter()
        .filter(|i| !is_relisted(i))
        .filter_map(|i| record.initiatives.get(&(i.id, year)).map(|cell| (i.id, cell)))
        .filter(|(_, cell)| !cell.note.trim().is_empty())
        .collect()
}

/// A re-listed row (再掲): it repeats an initiative listed elsewhere. The
/// checks (`super::checks`) leave these out as the counts here do.
pub(super) fn is_relisted(initiative: &Initiative) -> bool {
    initiative.relisted_from.is_some()
}

#[cfg(test)]
#[path = "overview_tests.rs"]
mod tests;
