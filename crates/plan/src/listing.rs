//! The result list as rows: policy and sub-policy headings between the
//! matching initiatives, and — for plans too large to keep every row in the
//! DOM — which slice of those rows a scrolled window shows.
//!
//! At the real plan's size every row is rendered (browser find and printing
//! see them all); from [`WINDOWING_FROM`] initiatives on, only the rows in
//! view are, each of the same height so positions are arithmetic.

use crate::plan::{Plan, SubPolicyId};

/// Plans with at least this many initiatives get a windowed list.
pub const WINDOWING_FROM: usize = 1000;

/// One line of the result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Row {
    Policy(u8),
    SubPolicy(SubPolicyId),
    /// An index into `plan.initiatives`.
    Initiative(usize),
}

/// The rows for `matches` (indices into `plan.initiatives`, in plan order):
/// a heading wherever the policy or sub-policy changes. One pass.
pub fn rows(plan: &Plan, matches: &[usize]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(matches.len() + matches.len() / 4 + 2);
    let mut last: Option<SubPolicyId> = None;
    for &n in matches {
        let Some(i) = plan.initiatives.get(n) else { continue };
        let sub = i.sub_policy_id();
        if last.map(|l| l.policy) != Some(i.policy) {
            rows.push(Row::Policy(i.policy));
        }
        if last != Some(sub) {
            rows.push(Row::SubPolicy(sub));
        }
        last = Some(sub);
        rows.push(Row::Initiative(n));
    }
    rows
}

/// The rows a window shows: `start..end`, with `overscan` rows either side
/// so fast scrolling does not show blanks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
}

impl Window {
    /// For `total` rows of `row_height` px, scrolled by `scroll_top` px in a
    /// viewport of `viewport` px. Non-finite or negative inputs count as 0.
    pub fn of(total: usize, row_height: f64, scroll_top: f64, viewport: f64, overscan: usize) -> Window {
        let px = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
        if total == 0 || row_height <= 0.0 || !row_height.is_finite() {
            return Window { start: 0, end: 0 };
        }
        let first = (px(scroll_top) / row_height).floor() as usize;
        let shown = (px(viewport) / row_height).ceil() as usize + 1;
        let start = first.saturating_sub(overscan).min(total);
        let end = first.saturating_add(shown).saturating_add(overscan).min(total);
        Window { start, end }
    }

    /// Space above the first rendered row, in px.
    pub fn offset(&self, row_height: f64) -> f64 {
        self.start as f64 * row_height
    }
}

#[cfg(test)]
#[path = "listing_tests.rs"]
mod tests;
