//! The record as a versioned JSON document: what LocalStorage keeps and what
//! staff exchange as files. A document is checked completely — size, format,
//! version, plan, every id, year and number — before anything is used, so a
//! bad file changes nothing.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::closing::YearCell;
use super::history::{CellHistory, Entry};
use super::review::{Confirmation, ReviewCell};
use super::{
    distinct_owners, Cell, CellKey, Cleared, CouncilCell, Grade, InitiativeCell, Kind, KpiCell, Link, LinkError,
    Record, Stamp, Status, WayForward,
};
use crate::plan::{FiscalYear, InitiativeId, KpiCode, Plan, PolicyCode};
use crate::timeline::CalendarDate;

pub const FORMAT: &str = "kama-sme-progress";
/// Bump when the shape changes, and add a migration from the old version.
/// 2: the 評価シート's fields (results, grade, challenges, way forward,
/// owners, links) beside status and note.
/// 3: the council's opinion and the city's response per policy and year
/// (a version 2 app would drop them unread: it must say the file is newer).
/// 4: each line's review (`reviews`) and each year's closing and cycle
/// settings (`years`).
pub const VERSION: u32 = 4;
/// Files from colleagues larger than this are refused unread.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The fields that say what a file is, read before the rest.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: serde_json::Value,
    #[serde(default)]
    version: serde_json::Value,
}

#[derive(Debug, Serialize, Deserialize)]
struct Document {
    format: String,
    version: u32,
    plan_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported_at: Option<i64>,
    #[serde(default)]
    initiatives: Vec<InitiativeRow>,
    #[serde(default)]
    kpis: Vec<KpiRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    council: Vec<CouncilRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reviews: Vec<ReviewRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    years: Vec<YearRow>,
}

#[derive(Debug, Serialize, Deserialize)]
struct InitiativeRow {
    id: InitiativeId,
    year: FiscalYear,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    results: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    grade: Option<Grade>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    challenges: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    way_forward: Option<WayForward>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    owners: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    updated_at: i64,
    /// Who wrote the content, when not the last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    written: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<Entry>,
    #[serde(default, skip_serializing_if = "is_zero")]
    history_omitted: u32,
}

impl InitiativeRow {
    fn new(id: InitiativeId, year: FiscalYear, cell: InitiativeCell, history: Option<&CellHistory>) -> InitiativeRow {
        let InitiativeCell { status, results, grade, challenges, way_forward, owners, links, note, stamp, written } =
            cell;
        let history = history.cloned().unwrap_or_default();
        InitiativeRow {
            id,
            year,
            status,
            results,
            grade,
            challenges,
            way_forward,
            owners,
            links,
            note,
            author: stamp.author,
            updated_at: stamp.updated_at,
            written,
            history: history.entries,
            history_omitted: history.omitted,
        }
    }

    /// The row's cell, checked against the plan's scales; owners trimmed.
    fn cell(self, plan: &Plan) -> Result<InitiativeCell, DocumentError> {
        let at = || format!("{} {}", self.id, self.year);
        if let Some(Grade(code)) = &self.grade {
            if plan.evaluation.grade(code).is_none() {
                return Err(DocumentError::UnknownGrade { at: at(), code: code.clone() });
            }
        }
        if let Some(WayForward(code)) = &self.way_forward {
            if plan.evaluation.direction(code).is_none() {
                return Err(DocumentError::UnknownWayForward { at: at(), code: code.clone() });
            }
        }
        let mut links = Vec::with_capacity(self.links.len());
        for link in &self.links {
            let checked = Link::new(&link.title, &link.url).map_err(|why| DocumentError::BadLink {
                at: at(),
                url: link.url.clone(),
                why,
            })?;
            links.push(checked);
        }
        let owners = distinct_owners(self.owners.iter().map(String::as_str));
        Ok(InitiativeCell {
            status: self.status,
            results: self.results,
            grade: self.grade,
            challenges: self.challenges,
            way_forward: self.way_forward,
            owners,
            links,
            note: self.note,
            stamp: Stamp { author: self.author, updated_at: self.updated_at },
            written: self.written,
        })
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct KpiRow {
    code: KpiCode,
    year: FiscalYear,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    actual: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    updated_at: i64,
    /// Who wrote the content, when not the last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    written: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<Entry>,
    #[serde(default, skip_serializing_if = "is_zero")]
    history_omitted: u32,
}

impl KpiRow {
    fn new(code: KpiCode, year: FiscalYear, cell: KpiCell, history: Option<&CellHistory>) -> KpiRow {
        let KpiCell { baseline, target, actual, note, stamp, written } = cell;
        let history = history.cloned().unwrap_or_default();
        KpiRow {
            code,
            year,
            baseline,
            target,
            actual,
            note,
            author: stamp.author,
            updated_at: stamp.updated_at,
            written,
            history: history.entries,
            history_omitted: history.omitted,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct CouncilRow {
    policy: PolicyCode,
    year: FiscalYear,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    opinion: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    response: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    updated_at: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    written: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<Entry>,
    #[serde(default, skip_serializing_if = "is_zero")]
    history_omitted: u32,
}

impl CouncilRow {
    fn new(policy: PolicyCode, year: FiscalYear, cell: CouncilCell, history: Option<&CellHistory>) -> CouncilRow {
        let CouncilCell { opinion, response, stamp, written } = cell;
        let history = history.cloned().unwrap_or_default();
        CouncilRow {
            policy,
            year,
            opinion,
            response,
            author: stamp.author,
            updated_at: stamp.updated_at,
            written,
            history: history.entries,
            history_omitted: history.omitted,
        }
    }
}

/// What every row of the later kinds keeps beside its content: the stamps
/// and the cell's history. The first three kinds keep these fields inline:
/// `flatten` buffers each row before reading it, and their rows are most of
/// a file.
#[derive(Debug, Serialize, Deserialize)]
struct RowMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    updated_at: i64,
    /// Who wrote the content, when not the last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    written: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<Entry>,
    #[serde(default, skip_serializing_if = "is_zero")]
    history_omitted: u32,
}

impl RowMeta {
    fn new(stamp: Stamp, written: Option<Stamp>, history: Option<&CellHistory>) -> RowMeta {
        let history = history.cloned().unwrap_or_default();
        RowMeta {
            author: stamp.author,
            updated_at: stamp.updated_at,
            written,
            history: history.entries,
            history_omitted: history.omitted,
        }
    }

    /// The stamps, and the history (kept apart: it goes beside the cell).
    fn split(self) -> (Stamp, Option<Stamp>, CellHistory) {
        let stamp = Stamp { author: self.author, updated_at: self.updated_at };
        (stamp, self.written, CellHistory { entries: self.history, omitted: self.history_omitted })
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct ReviewRow {
    id: InitiativeId,
    year: FiscalYear,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    submitted: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    confirmed: Option<Confirmation>,
    #[serde(flatten)]
    meta: RowMeta,
}

#[derive(Debug, Serialize, Deserialize)]
struct YearRow {
    year: FiscalYear,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    closed: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deadline: Option<CalendarDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    instructions: String,
    #[serde(flatten)]
    meta: RowMeta,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Why a document was refused. Nothing of it was used.
#[derive(Debug, Clone, PartialEq)]
pub enum DocumentError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    NotJson(String),
    NotAProgressFile,
    FutureVersion(u32),
    UnknownVersion(u32),
    WrongPlan {
        found: String,
        expected: String,
    },
    Shape(String),
    UnknownInitiative(String),
    UnknownKpi(String),
    UnknownPolicy(u8),
    YearOutsidePlan(u16),
    Duplicate(String),
    /// A 自己評価 not on the plan's scale; `at` is `initiative year`.
    UnknownGrade {
        at: String,
        code: String,
    },
    /// A 今後の方向性 not in the plan's list.
    UnknownWayForward {
        at: String,
        code: String,
    },
    /// A 根拠 that is not a plain http(s) address.
    BadLink {
        at: String,
        url: String,
        why: LinkError,
    },
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::TooLarge { bytes, max } => {
                write!(f, "the file is {bytes} bytes; at most {max} are accepted")
            }
            DocumentError::NotJson(e) => write!(f, "the file is not JSON: {e}"),
            DocumentError::NotAProgressFile => write!(f, "the file is not a progress record of this app"),
            DocumentError::FutureVersion(v) => write!(f, "the file is from a newer version of the app (format {v})"),
            DocumentError::UnknownVersion(v) => write!(f, "format version {v} is unknown"),
            DocumentError::WrongPlan { found, expected } => {
                write!(f, "the file belongs to plan {found:?}, not {expected:?}")
            }
            DocumentError::Shape(e) => write!(f, "the file's contents are malformed: {e}"),
            DocumentError::UnknownInitiative(id) => write!(f, "initiative {id} is not in the plan"),
            DocumentError::UnknownKpi(code) => write!(f, "KPI {code} is not in the plan"),
            DocumentError::UnknownPolicy(code) => write!(f, "basic policy {code} is not in the plan"),
            DocumentError::YearOutsidePlan(y) => write!(f, "fiscal year {y} is outside the plan"),
            DocumentError::Duplicate(what) => write!(f, "{what} appears twice"),
            DocumentError::UnknownGrade { at, code } => write!(f, "{at}: grade {code:?} is not on the plan's scale"),
            DocumentError::UnknownWayForward { at, code } => {
                write!(f, "{at}: way forward {code:?} is not in the plan's list")
            }
            DocumentError::BadLink { at, url, .. } => write!(f, "{at}: {url:?} is not an http(s) link"),
        }
    }
}

impl std::error::Error for DocumentError {}

/// The record as an export file for `plan_id`, exported at `exported_at`:
/// its cells, without what was cleared (a colleague's merge never takes a
/// clearing, and a published file has no use for one).
pub fn to_json(record: &Record, plan_id: &str, exported_at: Option<i64>) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&document(record, plan_id, exported_at, false))
}

/// The record as the browser's storage keeps it: without indentation (8%
/// smaller for a full record with long notes; less to write and read), and
/// with the cleared cells, as rows holding only their stamp, so that other
/// tabs see the clearing. Older versions of the app read such a row as an
/// empty cell and drop it: the format is unchanged.
pub fn to_json_stored(record: &Record, plan_id: &str) -> Result<String, serde_json::Error> {
    serde_json::to_string(&document(record, plan_id, None, true))
}

fn document(record: &Record, plan_id: &str, exported_at: Option<i64>, with_cleared: bool) -> Document {
    let cleared = if with_cleared { record.cleared.clone() } else { Cleared::default() };
    let log = |key: CellKey| record.history.get(&key);
    let initiative_rows = record
        .initiatives
        .iter()
        .map(|(&(id, year), c)| InitiativeRow::new(id, year, c.clone(), log(CellKey::Initiative(id, year))));
    let cleared_initiatives = cleared.initiatives.into_iter().map(|((id, year), stamp)| {
        let cell = InitiativeCell { stamp, ..InitiativeCell::default() };
        InitiativeRow::new(id, year, cell, log(CellKey::Initiative(id, year)))
    });
    let kpi_rows =
        record.kpis.iter().map(|(&(code, year), c)| KpiRow::new(code, year, c.clone(), log(CellKey::Kpi(code, year))));
    let cleared_kpis = cleared.kpis.into_iter().map(|((code, year), stamp)| {
        KpiRow::new(code, year, KpiCell { stamp, ..KpiCell::default() }, log(CellKey::Kpi(code, year)))
    });
    let council_rows = record
        .council
        .iter()
        .map(|(&(policy, year), c)| CouncilRow::new(policy, year, c.clone(), log(CellKey::Council(policy, year))));
    let cleared_council = cleared.council.into_iter().map(|((policy, year), stamp)| {
        CouncilRow::new(
            policy,
            year,
            CouncilCell { stamp, ..CouncilCell::default() },
            log(CellKey::Council(policy, year)),
        )
    });
    let reviews = rows_of::<ReviewCell, _>(record, with_cleared, |(id, year), c, meta| {
        let ReviewCell { submitted, confirmed, .. } = c;
        ReviewRow { id, year, submitted, confirmed, meta }
    });
    let years = rows_of::<YearCell, _>(record, with_cleared, |year, c, meta| {
        let YearCell { closed, reason, deadline, instructions, .. } = c;
        YearRow { year, closed, reason, deadline, instructions, meta }
    });
    Document {
        format: FORMAT.to_string(),
        version: VERSION,
        plan_id: plan_id.to_string(),
        exported_at,
        initiatives: initiative_rows.chain(cleared_initiatives).collect(),
        kpis: kpi_rows.chain(cleared_kpis).collect(),
        council: council_rows.chain(cleared_council).collect(),
        reviews,
        years,
    }
}

/// One kind's cells, then (`with_cleared`) its clearings as empty cells
/// with their stamp, each as a row made by `row` with the cell's stamps and
/// history.
fn rows_of<C: Kind, R>(record: &Record, with_cleared: bool, row: impl Fn(C::Key, C, RowMeta) -> R) -> Vec<R> {
    let cells = C::cells(record).iter().map(|(k, c)| (*k, c.clone()));
    let cleared = C::cleared(record).iter().filter(|_| with_cleared).map(|(k, stamp)| {
        let mut empty = C::default();
        *empty.stamp_mut() = stamp.clone();
        (*k, empty)
    });
    cells
        .chain(cleared)
        .map(|(k, mut c)| {
            let stamp = std::mem::take(c.stamp_mut());
            let written = c.written_mut().take();
            row(k, c, RowMeta::new(stamp, written, record.history.get(&C::cell_key(k))))
        })
        .collect()
}

/// Reads and checks a document against `plan`.
pub fn from_json(text: &str, plan: &Plan, max_bytes: usize) -> Result<Record, DocumentError> {
    if text.len() > max_bytes {
        return Err(DocumentError::TooLarge { bytes: text.len(), max: max_bytes });
    }
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        // Valid JSON that is not an object: not our file.
        serde_json::error::Category::Data => DocumentError::NotAProgressFile,
        _ => DocumentError::NotJson(e.to_string()),
    })?;
    // Format and version first, so a newer file says so instead of "malformed".
    if header.format.as_str() != Some(FORMAT) {
        return Err(DocumentError::NotAProgressFile);
    }
    let version = header.version.as_u64().ok_or(DocumentError::NotAProgressFile)?;
    let version = u32::try_from(version).map_err(|_| DocumentError::UnknownVersion(u32::MAX))?;
    if version > VERSION {
        return Err(DocumentError::FutureVersion(version));
    }
    // The current version is read straight into its rows, and so is any
    // older one whose rows are a subset of today's (`reads_as_current`); only
    // a change of shape would go through a JSON tree to be migrated (a tree of
    // a full record costs several times the parse, and its reader would be in
    // the first visit's wasm).
    let doc: Document = if reads_as_current(version) {
        serde_json::from_str(text)
    } else {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| DocumentError::NotJson(e.to_string()))?;
        serde_json::from_value(migrate(value, version)?)
    }
    .map_err(|e| DocumentError::Shape(e.to_string()))?;
    if doc.plan_id != plan.plan.id {
        return Err(DocumentError::WrongPlan { found: doc.plan_id, expected: plan.plan.id.clone() });
    }
    let year_ok = |y: FiscalYear| {
        if plan.plan.fiscal_years.contains(y) {
            Ok(())
        } else {
            Err(DocumentError::YearOutsidePlan(y.0))
        }
    };
    let mut record = Record::default();
    for mut row in doc.initiatives {
        if plan.initiative(row.id).is_none() {
            return Err(DocumentError::UnknownInitiative(row.id.to_string()));
        }
        year_ok(row.year)?;
        let key = (row.id, row.year);
        let history = CellHistory { entries: std::mem::take(&mut row.history), omitted: row.history_omitted };
        if !add(&mut record, key, row.cell(plan)?) {
            return Err(DocumentError::Duplicate(format!("{} {}", key.0, key.1)));
        }
        keep_history(&mut record, CellKey::Initiative(key.0, key.1), history);
    }
    for row in doc.kpis {
        if plan.kpi(row.code).is_none() {
            return Err(DocumentError::UnknownKpi(row.code.to_string()));
        }
        year_ok(row.year)?;
        let history = CellHistory { entries: row.history, omitted: row.history_omitted };
        let cell = KpiCell {
            baseline: row.baseline,
            target: row.target,
            actual: row.actual,
            note: row.note,
            stamp: Stamp { author: row.author, updated_at: row.updated_at },
            written: row.written,
        };
        if !add(&mut record, (row.code, row.year), cell) {
            return Err(DocumentError::Duplicate(format!("KPI {} {}", row.code, row.year)));
        }
        keep_history(&mut record, CellKey::Kpi(row.code, row.year), history);
    }
    for row in doc.council {
        if !plan.policies.iter().any(|p| p.code == row.policy.0) {
            return Err(DocumentError::UnknownPolicy(row.policy.0));
        }
        year_ok(row.year)?;
        let history = CellHistory { entries: row.history, omitted: row.history_omitted };
        let cell = CouncilCell {
            opinion: row.opinion,
            response: row.response,
            stamp: Stamp { author: row.author, updated_at: row.updated_at },
            written: row.written,
        };
        if !add(&mut record, (row.policy, row.year), cell) {
            return Err(DocumentError::Duplicate(format!("基本施策 {} {}", row.policy, row.year)));
        }
        keep_history(&mut record, CellKey::Council(row.policy, row.year), history);
    }
    for row in doc.reviews {
        if plan.initiative(row.id).is_none() {
            return Err(DocumentError::UnknownInitiative(row.id.to_string()));
        }
        year_ok(row.year)?;
        // Reviews are kept by the row the record keeps, as its lines are.
        let key = (plan.record_id(row.id), row.year);
        let ReviewRow { submitted, confirmed, meta, .. } = row;
        let (stamp, written, history) = meta.split();
        let cell = ReviewCell { submitted, confirmed, stamp, written };
        if !add(&mut record, key, cell) {
            return Err(DocumentError::Duplicate(format!("照会 {} {}", key.0, key.1)));
        }
        keep_history(&mut record, CellKey::Review(key.0, key.1), history);
    }
    for row in doc.years {
        year_ok(row.year)?;
        let YearRow { year, closed, reason, deadline, instructions, meta } = row;
        let (stamp, written, history) = meta.split();
        let cell = YearCell { closed, reason, deadline, instructions, stamp, written };
        if !add(&mut record, year, cell) {
            return Err(DocumentError::Duplicate(format!("年度 {year}")));
        }
        keep_history(&mut record, CellKey::Year(year), history);
    }
    fold_relisted(&mut record, plan);
    Ok(record)
}

/// Moves the cells of re-listed rows (再掲) to their originals, which hold
/// the one answer of both (files of format 1 kept them apart). Where both
/// rows had a cell, the later one is kept and what only the other one said is
/// added to it, marked with the row it came from: nothing is lost, and the
/// reader sees that two answers were joined.
fn fold_relisted(record: &mut Record, plan: &Plan) {
    for initiative in &plan.initiatives {
        let original = plan.record_id(initiative.id);
        if original == initiative.id {
            continue;
        }
        for year in plan.plan.fiscal_years.years() {
            let copy = InitiativeCell::slot(record, (initiative.id, year));
            InitiativeCell::put(record, (initiative.id, year), None);
            if let Some(moved) = record.history.remove(&CellKey::Initiative(initiative.id, year)) {
                record.history.entry(CellKey::Initiative(original, year)).or_default().union(&moved);
            }
            let Some(copy) = copy else { continue };
            let joined = match InitiativeCell::slot(record, (original, year)) {
                None => copy,
                Some(kept) if kept.is_empty() && copy.is_empty() => {
                    if copy.wins_over(&kept) {
                        copy
                    } else {
                        kept
                    }
                }
                Some(kept) if copy.is_empty() => kept,
                Some(kept) if kept.is_empty() => copy,
                Some(kept) if kept.wins_over(&copy) => join(kept, copy, initiative.id),
                Some(kept) => join(copy, kept, original),
            };
            InitiativeCell::put(record, (original, year), Some(joined));
        }
    }
}

/// `kept`, with what `other` (the cell of row `from`) says and `kept` does not.
fn join(mut kept: InitiativeCell, other: InitiativeCell, from: InitiativeId) -> InitiativeCell {
    let mut also: Vec<String> = Vec::new();
    let text = |mine: &mut String, theirs: String, label: &str, also: &mut Vec<String>| {
        if mine.is_empty() {
            *mine = theirs;
        } else if !theirs.is_empty() && *mine != theirs {
            also.push(format!("{label}: {theirs}"));
        }
    };
    text(&mut kept.results, other.results, "実績", &mut also);
    text(&mut kept.challenges, other.challenges, "課題", &mut also);
    match (kept.status, other.status) {
        (None, theirs) => kept.status = theirs,
        (Some(mine), Some(theirs)) if mine != theirs => also.push(format!("進捗状況: {}", theirs.as_ja())),
        _ => {}
    }
    match (&kept.grade, other.grade) {
        (None, theirs) => kept.grade = theirs,
        (Some(mine), Some(theirs)) if *mine != theirs => also.push(format!("自己評価: {}", theirs.0)),
        _ => {}
    }
    match (&kept.way_forward, other.way_forward) {
        (None, theirs) => kept.way_forward = theirs,
        (Some(mine), Some(theirs)) if *mine != theirs => also.push(format!("今後の方向性: {}", theirs.0)),
        _ => {}
    }
    for owner in other.owners {
        if !kept.owners.contains(&owner) {
            kept.owners.push(owner);
        }
    }
    for link in other.links {
        if !kept.links.contains(&link) {
            kept.links.push(link);
        }
    }
    let mut note = std::mem::take(&mut kept.note);
    text(&mut note, other.note, "メモ", &mut also);
    if !also.is_empty() {
        let by = other.stamp.author.as_deref().map(|a| format!("（{a}）")).unwrap_or_default();
        let joined = format!("【{from} に記録されていた内容{by}】\n{}", also.join("\n"));
        note = if note.is_empty() { joined } else { format!("{note}\n\n{joined}") };
    }
    kept.note = note;
    kept
}

/// Keeps a row's history as written, within the bound a record keeps.
fn keep_history(record: &mut Record, key: CellKey, mut history: CellHistory) {
    if history.entries.is_empty() && history.omitted == 0 {
        return;
    }
    history.bound();
    record.history.insert(key, history);
}

/// Adds a row's cell (an empty one is a clearing); `false` if its key was
/// already there, as a cell or a clearing.
fn add<C: Kind>(record: &mut Record, key: C::Key, cell: C) -> bool {
    if C::slot(record, key).is_some() {
        return false;
    }
    C::put(record, key, Some(cell));
    true
}

/// Versions whose rows today's rows read as they are: version 2 only added
/// fields, all optional, to version 1's, version 3 an optional list and
/// version 4 two more (re-listed rows are joined with their originals by
/// `from_json` whatever the version). Tested over files that versions 1, 2
/// and 3 wrote.
fn reads_as_current(version: u32) -> bool {
    matches!(version, 1..=3 | VERSION)
}

/// Brings an older document whose shape changed up to `VERSION`, one version
/// at a time; each step has a test over real files of its version. None has
/// yet: see `reads_as_current`.
fn migrate(value: serde_json::Value, version: u32) -> Result<serde_json::Value, DocumentError> {
    match version {
        VERSION => Ok(value),
        other => Err(DocumentError::UnknownVersion(other)),
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
