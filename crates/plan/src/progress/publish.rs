//! What goes into the published record (`progress.json`): with
//! [`Scope::ConfirmedOnly`], only the lines the 事務局 has confirmed.

use std::collections::BTreeSet;

use super::review;
use super::{CellKey, Record};
use crate::plan::Plan;

/// Which initiative lines are published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only lines that say what was confirmed (確認済). KPI values and the
    /// council's words have no review state and are always published.
    ConfirmedOnly,
    /// Every line, confirmed or not (the 事務局's choice, with a warning).
    Everything,
}

/// A record fit to publish, and the lines left out of it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Published {
    /// The cells to publish: the years (closings) and the confirmations
    /// travel with them, so a visitor's page can show 公表 and closed years.
    /// Clearings and the history of what was left out stay in the browser.
    pub record: Record,
    /// Initiative lines not confirmed, left out (`ConfirmedOnly`), in key order.
    pub withheld: Vec<CellKey>,
}

/// The record to publish from `record` (what this browser shows).
pub fn public_record(record: &Record, plan: &Plan, scope: Scope) -> Published {
    let mut out = Record { cleared: Default::default(), ..record.clone() };
    let mut withheld = Vec::new();
    for &(id, year) in record.initiatives.keys() {
        if scope == Scope::ConfirmedOnly && !review::is_confirmed(record, plan, id, year) {
            let key = CellKey::Initiative(id, year);
            out.initiatives.remove(&(id, year));
            // Its history holds the words left out.
            out.history.remove(&key);
            withheld.push(key);
        }
    }
    // Visitors need only the confirmations that hold for what is published:
    // who confirmed, when. Who answered and the comments to the 担当 are
    // the office's own, and so is the history of those.
    let holds: BTreeSet<_> =
        out.reviews.keys().filter(|&&(id, year)| review::is_confirmed(&out, plan, id, year)).copied().collect();
    out.reviews.retain(|key, cell| {
        cell.submitted = None;
        if let Some(c) = &mut cell.confirmed {
            c.comment.clear();
        }
        holds.contains(key)
    });
    out.history.retain(|key, _| !matches!(key, CellKey::Review(..)));
    Published { record: out, withheld }
}

#[cfg(test)]
#[path = "publish_tests.rs"]
mod tests;
