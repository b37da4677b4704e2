//! What staff record about the plan's progress, per fiscal year: each
//! initiative's line of the 評価シート (status, results, grade, challenges, way
//! forward, owners, links, note), values and a note for each KPI, and the
//! council's opinion and the city's response for each policy. Plain data and
//! pure functions: edits are values applied by one function (`edit`), files
//! are versioned documents checked completely before use (`document`), and
//! two records combine without losing a cell (`merge`). Each initiative's
//! line also has a review state (`review`), each fiscal year can be closed
//! (`closing`), and what is published is filtered (`publish`).

pub mod answer;
pub mod assign;
pub mod board;
pub mod checks;
pub mod closing;
pub mod collect;
pub mod csv;
pub mod document;
pub mod edit;
pub mod exchange;
pub mod file_name;
pub mod history;
pub mod incoming;
pub mod merge;
pub mod overview;
pub mod publish;
pub mod report;
pub mod request;
pub mod review;
pub mod stored;
pub mod sync;
pub mod xlsx;
pub mod xlsx_import;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::plan::{FiscalYear, InitiativeId, KpiCode, Plan, PolicyCode};
pub use crate::scales::Status;
pub use closing::YearCell;
pub use review::ReviewCell;

/// 担当 as one line of text, as the sheets and the history show it.
pub fn join_owners(owners: &[String]) -> String {
    owners.join("、")
}

/// 担当 as typed or read from a sheet: bodies separated by 、, commas,
/// semicolons or line breaks (so what [`join_owners`] wrote reads back).
pub fn split_owners(text: &str) -> Vec<String> {
    distinct_owners(text.split(['、', ',', '，', '\n', ';']))
}

/// Owners trimmed, blanks dropped, each kept once in the order first seen:
/// how a cell keeps its 担当 however it came.
pub(crate) fn distinct_owners<'a>(owners: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for owner in owners.into_iter().map(str::trim).filter(|o| !o.is_empty()) {
        if !kept.iter().any(|o| o == owner) {
            kept.push(owner.to_string());
        }
    }
    kept
}

/// Who last changed a cell, and when (milliseconds since the Unix epoch, from
/// the caller's clock: the core never reads one).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stamp {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub updated_at: i64,
}

/// A code of the plan's 自己評価 scale (`Plan::evaluation.grades`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Grade(pub String);

/// A code of the plan's 今後の方向性 list (`Plan::evaluation.directions`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WayForward(pub String);

/// 根拠: a titled link to where the year's work is shown (a report on the
/// city's site). Only http(s) links are kept: see [`Link::new`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Link {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub url: String,
}

/// Why a link was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Not `http://` or `https://` (a `javascript:` or `file:` link would run
    /// or reveal something when a colleague clicks it).
    NotHttp,
    /// Spaces or control characters: not one address.
    Malformed,
    TooLong,
}

impl Link {
    pub const MAX_URL_CHARS: usize = 2048;

    /// A link to `url`, trimmed, if it is a plain http(s) address.
    pub fn new(title: &str, url: &str) -> Result<Link, LinkError> {
        let url = url.trim();
        let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            &url[8..]
        } else if lower.starts_with("http://") {
            &url[7..]
        } else {
            return Err(LinkError::NotHttp);
        };
        if url.chars().count() > Link::MAX_URL_CHARS {
            return Err(LinkError::TooLong);
        }
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(LinkError::Malformed);
        }
        Ok(Link { title: title.trim().to_string(), url: url.to_string() })
    }
}

/// One initiative in one fiscal year: its line of the 評価シート.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InitiativeCell {
    /// 進捗状況.
    pub status: Option<Status>,
    /// 実績: what was done that year.
    pub results: String,
    /// 自己評価.
    pub grade: Option<Grade>,
    /// 課題.
    pub challenges: String,
    /// 今後の方向性.
    pub way_forward: Option<WayForward>,
    /// 担当: who answers for the initiative. Empty means "as the year before"
    /// (see [`Record::owners`]).
    pub owners: Vec<String>,
    /// 根拠.
    pub links: Vec<Link>,
    /// メモ.
    pub note: String,
    /// The last change: what orders two edits of the cell.
    pub stamp: Stamp,
    /// Who wrote the content, when not the last change (a conflict's other
    /// side taken): shown and exported as the cell's author.
    pub written: Option<Stamp>,
}

/// One KPI in one fiscal year, in the KPI's unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KpiCell {
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub note: String,
    /// As [`InitiativeCell::stamp`].
    pub stamp: Stamp,
    /// As [`InitiativeCell::written`].
    pub written: Option<Stamp>,
}

/// One basic policy in one fiscal year: what the 振興会議 said of it and what
/// the city answers, printed under the policy's table in the report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CouncilCell {
    /// 振興会議の意見.
    pub opinion: String,
    /// 市の対応.
    pub response: String,
    /// As [`InitiativeCell::stamp`].
    pub stamp: Stamp,
    /// As [`InitiativeCell::written`].
    pub written: Option<Stamp>,
}

/// The `Cell` methods of a cell kept with a `stamp` (its last change) and
/// `written` (who wrote it, when not the last change).
macro_rules! stamped_cell {
    () => {
        fn stamp(&self) -> &Stamp {
            &self.stamp
        }

        fn stamp_mut(&mut self) -> &mut Stamp {
            &mut self.stamp
        }

        fn written_mut(&mut self) -> &mut Option<Stamp> {
            &mut self.written
        }

        fn author_stamp(&self) -> &Stamp {
            self.written.as_ref().unwrap_or(&self.stamp)
        }
    };
}
pub(crate) use stamped_cell;

/// What edits, documents and merging need of a cell.
pub trait Cell: Clone + Default {
    /// Nothing recorded: such a cell is not kept.
    fn is_empty(&self) -> bool;
    /// Equal in what was recorded, whoever recorded it and when.
    fn same_content(&self, other: &Self) -> bool;
    fn stamp(&self) -> &Stamp;
    fn stamp_mut(&mut self) -> &mut Stamp;
    /// The recorded content as text, only to order two edits made in the
    /// same millisecond the same way in every tab.
    fn content_key(&self) -> String;
    /// Each field with its value as text, in a fixed order: what history
    /// compares before and after a change.
    fn fields(&self) -> Vec<(history::Field, String)>;
    fn written_mut(&mut self) -> &mut Option<Stamp>;

    /// Who wrote the content, and when.
    fn author_stamp(&self) -> &Stamp;

    /// Whether this edit beats `other` when both changed one cell: the later
    /// one, with ties settled the same way wherever they are compared.
    fn wins_over(&self, other: &Self) -> bool {
        let a = (self.stamp().updated_at, &self.stamp().author);
        let b = (other.stamp().updated_at, &other.stamp().author);
        a > b || (a == b && self.content_key() > other.content_key())
    }
}

/// An initiative cell's recorded fields, borrowed.
type Content<'a> = (
    &'a Option<Status>,
    &'a str,
    &'a Option<Grade>,
    &'a str,
    &'a Option<WayForward>,
    &'a [String],
    &'a [Link],
    &'a str,
);

impl InitiativeCell {
    /// Everything recorded, without the stamps: what two cells compare on.
    fn content(&self) -> Content<'_> {
        (
            &self.status,
            &self.results,
            &self.grade,
            &self.challenges,
            &self.way_forward,
            &self.owners,
            &self.links,
            &self.note,
        )
    }
}

impl Cell for InitiativeCell {
    fn is_empty(&self) -> bool {
        self.content() == InitiativeCell::default().content()
    }

    fn fields(&self) -> Vec<(history::Field, String)> {
        use history::Field;
        vec![
            (Field::Status, self.status.map(Status::as_ja).unwrap_or_default().to_string()),
            (Field::Results, self.results.clone()),
            (Field::Grade, self.grade.as_ref().map(|g| g.0.clone()).unwrap_or_default()),
            (Field::Challenges, self.challenges.clone()),
            (Field::WayForward, self.way_forward.as_ref().map(|w| w.0.clone()).unwrap_or_default()),
            (Field::Owners, join_owners(&self.owners)),
            (Field::Links, csv::links_text(&self.links)),
            (Field::Note, self.note.clone()),
        ]
    }

    stamped_cell!();

    fn same_content(&self, other: &Self) -> bool {
        self.content() == other.content()
    }

    fn content_key(&self) -> String {
        format!("{:?}", self.content())
    }
}

impl Cell for KpiCell {
    fn is_empty(&self) -> bool {
        self.baseline.is_none() && self.target.is_none() && self.actual.is_none() && self.note.is_empty()
    }

    fn same_content(&self, other: &Self) -> bool {
        self.baseline == other.baseline
            && self.target == other.target
            && self.actual == other.actual
            && self.note == other.note
    }

    fn content_key(&self) -> String {
        format!("{:?}\u{0}{:?}\u{0}{:?}\u{0}{}", self.baseline, self.target, self.actual, self.note)
    }

    fn fields(&self) -> Vec<(history::Field, String)> {
        use history::Field;
        let value = |v: Option<f64>| v.map(csv::format_number).unwrap_or_default();
        vec![
            (Field::Baseline, value(self.baseline)),
            (Field::Target, value(self.target)),
            (Field::Actual, value(self.actual)),
            (Field::Note, self.note.clone()),
        ]
    }

    stamped_cell!();
}

impl Cell for CouncilCell {
    fn is_empty(&self) -> bool {
        self.opinion.is_empty() && self.response.is_empty()
    }

    fn same_content(&self, other: &Self) -> bool {
        (&self.opinion, &self.response) == (&other.opinion, &other.response)
    }

    fn content_key(&self) -> String {
        format!("{}\u{0}{}", self.opinion, self.response)
    }

    fn fields(&self) -> Vec<(history::Field, String)> {
        vec![(history::Field::Opinion, self.opinion.clone()), (history::Field::Response, self.response.clone())]
    }

    stamped_cell!();
}

/// Where a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CellKey {
    Initiative(InitiativeId, FiscalYear),
    Kpi(KpiCode, FiscalYear),
    Council(PolicyCode, FiscalYear),
    /// The review state of an initiative's line (`review`).
    Review(InitiativeId, FiscalYear),
    /// The year's closing and cycle settings (`closing`).
    Year(FiscalYear),
}

impl CellKey {
    /// The fiscal year the cell belongs to: its closing guards it.
    pub fn year(self) -> FiscalYear {
        match self {
            CellKey::Initiative(_, year)
            | CellKey::Kpi(_, year)
            | CellKey::Council(_, year)
            | CellKey::Review(_, year)
            | CellKey::Year(year) => year,
        }
    }
}

/// Runs `$body` with `$kind` the cell type of `$key` and `$k` its key in
/// that kind's map: code over one cell written once for every kind.
macro_rules! by_kind {
    ($key:expr, $kind:ident, $k:ident => $body:expr) => {
        match $key {
            $crate::progress::CellKey::Initiative(id, year) => {
                type $kind = $crate::progress::InitiativeCell;
                let $k = (id, year);
                $body
            }
            $crate::progress::CellKey::Kpi(code, year) => {
                type $kind = $crate::progress::KpiCell;
                let $k = (code, year);
                $body
            }
            $crate::progress::CellKey::Council(policy, year) => {
                type $kind = $crate::progress::CouncilCell;
                let $k = (policy, year);
                $body
            }
            $crate::progress::CellKey::Review(id, year) => {
                type $kind = $crate::progress::ReviewCell;
                let $k = (id, year);
                $body
            }
            $crate::progress::CellKey::Year(year) => {
                type $kind = $crate::progress::YearCell;
                let $k = year;
                $body
            }
        }
    };
}
pub(crate) use by_kind;

/// Calls `$f::<Kind>($args)` for every kind of cell, years first (merging
/// decides which years are closed before it meets their cells).
macro_rules! each_kind {
    ($f:ident ( $($arg:expr),* $(,)? )) => {{
        $f::<$crate::progress::YearCell>($($arg),*);
        $f::<$crate::progress::InitiativeCell>($($arg),*);
        $f::<$crate::progress::KpiCell>($($arg),*);
        $f::<$crate::progress::CouncilCell>($($arg),*);
        $f::<$crate::progress::ReviewCell>($($arg),*);
    }};
}
pub(crate) use each_kind;

/// Everything recorded. Empty cells are not kept: a cell emptied by an edit
/// leaves only its stamp, in `cleared`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    pub initiatives: BTreeMap<(InitiativeId, FiscalYear), InitiativeCell>,
    pub kpis: BTreeMap<(KpiCode, FiscalYear), KpiCell>,
    pub council: BTreeMap<(PolicyCode, FiscalYear), CouncilCell>,
    /// Keyed by the row the record keeps (`Plan::record_id`).
    pub reviews: BTreeMap<(InitiativeId, FiscalYear), ReviewCell>,
    pub years: BTreeMap<FiscalYear, YearCell>,
    pub cleared: Cleared,
    /// How each cell came to say what it says.
    pub history: history::Log,
}

/// Cells that were cleared, with who cleared them and when (tombstones).
/// Kept in the browser's storage, so that a tab can tell "another tab
/// cleared this cell" from "another tab saved without having seen it yet":
/// without them, two saves racing would drop a new cell. A key is never both
/// here and among the cells. Export files leave them out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cleared {
    pub initiatives: BTreeMap<(InitiativeId, FiscalYear), Stamp>,
    pub kpis: BTreeMap<(KpiCode, FiscalYear), Stamp>,
    pub council: BTreeMap<(PolicyCode, FiscalYear), Stamp>,
    pub reviews: BTreeMap<(InitiativeId, FiscalYear), Stamp>,
    pub years: BTreeMap<FiscalYear, Stamp>,
}

impl Cleared {
    pub fn is_empty(&self) -> bool {
        self.initiatives.is_empty()
            && self.kpis.is_empty()
            && self.council.is_empty()
            && self.reviews.is_empty()
            && self.years.is_empty()
    }
}

impl Record {
    /// Nothing recorded (cleared cells are not records).
    pub fn is_empty(&self) -> bool {
        self.cell_count() == 0
    }

    pub fn cell_count(&self) -> usize {
        self.initiatives.len() + self.kpis.len() + self.council.len() + self.reviews.len() + self.years.len()
    }

    pub fn has_cell(&self, key: CellKey) -> bool {
        by_kind!(key, C, k => C::cells(self).contains_key(&k))
    }

    /// The cell of initiative `id` in `year`, through its original when the
    /// row is re-listed (再掲): every view reads cells through here.
    pub fn initiative(&self, plan: &Plan, id: InitiativeId, year: FiscalYear) -> Option<&InitiativeCell> {
        self.initiatives.get(&(plan.record_id(id), year))
    }

    /// 担当 of initiative `id` in `year`: the year's own, or else the latest
    /// earlier year's (担当 carries over until changed), with that year.
    pub fn owners(&self, plan: &Plan, id: InitiativeId, year: FiscalYear) -> Option<(FiscalYear, &[String])> {
        let id = plan.record_id(id);
        self.initiatives
            .range((id, plan.plan.fiscal_years.from)..=(id, year))
            .rev()
            .find(|(_, c)| !c.owners.is_empty())
            .map(|(&(_, y), c)| (y, c.owners.as_slice()))
    }

    /// When the cell at `key` was cleared, if it was and has not been set since.
    pub fn cleared_at(&self, key: CellKey) -> Option<&Stamp> {
        by_kind!(key, C, k => C::cleared(self).get(&k))
    }

    /// The same cells, whatever was cleared: what a person would see.
    pub fn same_cells(&self, other: &Record) -> bool {
        self.initiatives == other.initiatives
            && self.kpis == other.kpis
            && self.council == other.council
            && self.reviews == other.reviews
            && self.years == other.years
    }

    /// Keeps `cleared` true to its name after cells were added or removed
    /// directly: a key with a cell is not cleared.
    pub(crate) fn drop_cleared_cells(&mut self) {
        fn drop<C: Kind>(record: &mut Record) {
            let cells = std::mem::take(C::cells_mut(record));
            C::cleared_mut(record).retain(|k, _| !cells.contains_key(k));
            *C::cells_mut(record) = cells;
        }
        each_kind!(drop(self));
    }
}

/// The `Kind` methods that reach a kind's cells and clearings, kept in the
/// record's (and its `cleared`'s) field `$field`.
macro_rules! kind_maps {
    ($field:ident) => {
        fn cells(record: &Record) -> &std::collections::BTreeMap<Self::Key, Self> {
            &record.$field
        }
        fn cells_mut(record: &mut Record) -> &mut std::collections::BTreeMap<Self::Key, Self> {
            &mut record.$field
        }
        fn cleared(record: &Record) -> &std::collections::BTreeMap<Self::Key, Stamp> {
            &record.cleared.$field
        }
        fn cleared_mut(record: &mut Record) -> &mut std::collections::BTreeMap<Self::Key, Stamp> {
            &mut record.cleared.$field
        }
    };
}

/// One kind of cell with its place in a record, so that code over both kinds
/// (merging, documents) is written once.
pub(crate) trait Kind: Cell + PartialEq + std::fmt::Debug {
    type Key: Ord + Copy + std::fmt::Debug;
    fn cells(record: &Record) -> &BTreeMap<Self::Key, Self>;
    fn cells_mut(record: &mut Record) -> &mut BTreeMap<Self::Key, Self>;
    fn cleared(record: &Record) -> &BTreeMap<Self::Key, Stamp>;
    fn cleared_mut(record: &mut Record) -> &mut BTreeMap<Self::Key, Stamp>;
    fn cell_key(key: Self::Key) -> CellKey;
    /// Whether the stamp itself is news: a cell that names an event (a
    /// closing) is taken from a file when newer, though it says the same.
    const STAMP_IS_NEWS: bool = false;
    /// The losing side of a clash over the cell at `key`, for the user.
    fn conflict(key: Self::Key, kept: Self, other: Self) -> merge::Conflict;
    /// The edit that sets the cell at `key` whole (`None` removes it).
    fn replace(key: Self::Key, cell: Option<Self>) -> edit::Edit;

    /// The cell at `key` as merging sees it: a cleared cell is an empty one
    /// carrying the clearing's stamp; `None` if the record never had it.
    fn slot(record: &Record, key: Self::Key) -> Option<Self> {
        Self::cells(record).get(&key).cloned().or_else(|| {
            Self::cleared(record).get(&key).map(|stamp| {
                let mut empty = Self::default();
                *empty.stamp_mut() = stamp.clone();
                empty
            })
        })
    }

    /// Puts a slot back: an empty cell becomes a tombstone.
    fn put(record: &mut Record, key: Self::Key, slot: Option<Self>) {
        match slot {
            Some(cell) if cell.is_empty() => {
                Self::cells_mut(record).remove(&key);
                Self::cleared_mut(record).insert(key, cell.stamp().clone());
            }
            Some(cell) => {
                Self::cleared_mut(record).remove(&key);
                Self::cells_mut(record).insert(key, cell);
            }
            None => {
                Self::cells_mut(record).remove(&key);
                Self::cleared_mut(record).remove(&key);
            }
        }
    }
}

impl Kind for InitiativeCell {
    type Key = (InitiativeId, FiscalYear);
    kind_maps!(initiatives);
    fn cell_key((id, year): Self::Key) -> CellKey {
        CellKey::Initiative(id, year)
    }
    fn conflict(key: Self::Key, kept: Self, other: Self) -> merge::Conflict {
        merge::Conflict::Initiative { key: Self::cell_key(key), kept, other }
    }
    fn replace((id, year): Self::Key, cell: Option<Self>) -> edit::Edit {
        edit::Edit::ReplaceInitiative { id, year, cell }
    }
}

impl Kind for KpiCell {
    type Key = (KpiCode, FiscalYear);
    kind_maps!(kpis);
    fn cell_key((code, year): Self::Key) -> CellKey {
        CellKey::Kpi(code, year)
    }
    fn conflict(key: Self::Key, kept: Self, other: Self) -> merge::Conflict {
        merge::Conflict::Kpi { key: Self::cell_key(key), kept, other }
    }
    fn replace((code, year): Self::Key, cell: Option<Self>) -> edit::Edit {
        edit::Edit::ReplaceKpi { code, year, cell }
    }
}

impl Kind for CouncilCell {
    type Key = (PolicyCode, FiscalYear);
    kind_maps!(council);
    fn cell_key((policy, year): Self::Key) -> CellKey {
        CellKey::Council(policy, year)
    }
    fn conflict(key: Self::Key, kept: Self, other: Self) -> merge::Conflict {
        merge::Conflict::Council { key: Self::cell_key(key), kept, other }
    }
    fn replace((policy, year): Self::Key, cell: Option<Self>) -> edit::Edit {
        edit::Edit::ReplaceCouncil { policy, year, cell }
    }
}

impl Kind for ReviewCell {
    type Key = (InitiativeId, FiscalYear);
    kind_maps!(reviews);
    fn cell_key((id, year): Self::Key) -> CellKey {
        CellKey::Review(id, year)
    }
    fn conflict(key: Self::Key, kept: Self, other: Self) -> merge::Conflict {
        merge::Conflict::Review { key: Self::cell_key(key), kept, other }
    }
    fn replace((id, year): Self::Key, cell: Option<Self>) -> edit::Edit {
        edit::Edit::ReplaceReview { id, year, cell }
    }
}

impl Kind for YearCell {
    type Key = FiscalYear;
    /// A year closed again after a reopening says the same as the first
    /// closing; which closing it is decides whose cells a file may bring.
    const STAMP_IS_NEWS: bool = true;
    kind_maps!(years);
    fn cell_key(year: Self::Key) -> CellKey {
        CellKey::Year(year)
    }
    fn conflict(key: Self::Key, kept: Self, other: Self) -> merge::Conflict {
        merge::Conflict::Year { key: Self::cell_key(key), kept, other }
    }
    fn replace(year: Self::Key, cell: Option<Self>) -> edit::Edit {
        edit::Edit::ReplaceYear { year, cell }
    }
}

#[cfg(test)]
mod format_props_tests;
#[cfg(test)]
mod merge_props_tests;
#[cfg(test)]
mod review_props_tests;
