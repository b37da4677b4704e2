//! Helpers the crate's tests share: the real plan and ids written as in the table.

use crate::plan::{InitiativeId, KpiCode, Plan};

pub fn plan() -> Plan {
    Plan::from_json(crate::PLAN_JSON).expect("plan.json parses")
}

/// `"2-①-a"` (or `"2-1-a"`) as an id.
pub fn id(s: &str) -> InitiativeId {
    s.parse().expect("a valid initiative id")
}

/// `"2-2"` as a KPI code.
pub fn code(s: &str) -> KpiCode {
    s.parse().expect("a valid KPI code")
}

/// A record's cells and clearings without its history: what merging decides,
/// compared where the histories of two sides are unioned.
pub fn cells(record: &crate::progress::Record) -> crate::progress::Record {
    crate::progress::Record { history: Default::default(), ..record.clone() }
}
