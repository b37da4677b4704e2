//! What to do with the text found in browser storage. The decision is pure;
//! the app's storage adapter only reads and writes.

use super::document::{self, DocumentError};
use super::Record;
use crate::plan::Plan;

/// Browser storage holds at most a few megabytes; a stored record is read
/// whatever its size (the file-import limit is for files from elsewhere).
const NO_LIMIT: usize = usize::MAX;

// One value per read of storage, matched at once: a box would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    Record(Record),
    /// Written by a newer version of the app (another tab after an update):
    /// it must not be overwritten by this older one, nor read by it.
    Newer(u32),
    /// Unreadable: kept as it is under a backup key before anything is saved.
    Unreadable(DocumentError),
}

/// Reads what storage holds under the record's key.
pub fn load(raw: Option<&str>, plan: &Plan) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    match document::from_json(raw, plan, NO_LIMIT) {
        Ok(record) => Loaded::Record(record),
        Err(DocumentError::FutureVersion(v)) => Loaded::Newer(v),
        Err(e) => Loaded::Unreadable(e),
    }
}

/// The key a record for `plan_id` is kept under. One per plan, so a test plan
/// opened on the same site never meets the real plan's record.
pub fn storage_key(plan_id: &str) -> String {
    format!("kama-sme-tracker:progress:{plan_id}")
}

/// Unreadable records are moved here, one key each, never overwritten.
pub fn backup_key(plan_id: &str, now_ms: i64) -> String {
    format!("{}{now_ms}", backup_prefix(plan_id))
}

pub fn backup_prefix(plan_id: &str) -> String {
    format!("kama-sme-tracker:progress-backup:{plan_id}:")
}

#[cfg(test)]
#[path = "stored_tests.rs"]
mod tests;
