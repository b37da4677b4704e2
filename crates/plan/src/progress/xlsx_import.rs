//! Reads back the 評価シート of a workbook this app wrote (`progress::xlsx`)
//! after staff filled it in with Excel or LibreOffice, as the changes it
//! makes to the record: one per field whose value differs from what the
//! record holds. The sheet is found by its name, its header by content and
//! its columns by their titles, so a sheet whose columns were moved, hidden
//! or added to still reads. Every problem is reported with the row and
//! column a clerk sees in Excel, and a sheet with any problem changes
//! nothing.
//!
//! Cells are read as they are stored, never evaluated: a text starting with
//! `=` is text, and a formula counts by the value Excel saved with it.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Cursor;

use calamine::{Reader, Xlsx};

use super::document::MAX_IMPORT_BYTES;
use super::edit::{Change, Edit, TextField};
use super::history::Field;
use super::xlsx::{xml_allowed, EVALUATION_SHEET};
use super::{join_owners, split_owners, Grade, InitiativeCell, Record, Status, WayForward};
use crate::plan::{FiscalYear, InitiativeId, Plan};
use crate::scales::{Choice, Scales};
use crate::text::{nfkc, same_words};
use crate::workbook::{self, bool_text, value, Value, WorkbookError};

/// What a workbook may unpack to. The whole plan's export unpacks to about
/// half a megabyte; this leaves room for long answers, LibreOffice's extra
/// parts and pictures pasted in, and bounds what a zip bomb can make calamine
/// hold (the zip reader stops an entry at its declared size).
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// Rows read on the sheet: the plan has under a hundred initiatives.
pub const MAX_ROWS: u32 = 1_000;
/// Problems listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;
/// Columns read: cells further right are ignored, as any extra column is.
const MAX_COLUMNS: u32 = 64;
/// Rows searched for the header.
const HEADER_ROWS: u32 = 10;

/// Column titles as the export writes them (`csv::EVALUATION_HEADER`).
const ID: &str = "番号";
const STATUS: &str = "進捗状況";
/// The columns imported besides 番号, with the field each sets. 取組 and
/// 関連する数値目標 are the plan's text and derived figures: not read.
const COLUMNS: [(&str, Field); 7] = [
    ("担当", Field::Owners),
    (STATUS, Field::Status),
    ("実績", Field::Results),
    ("自己評価", Field::Grade),
    ("課題", Field::Challenges),
    ("今後の方向性", Field::WayForward),
    ("メモ", Field::Note),
];

/// What a sheet would change: its year, and each field that differs.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetImport {
    pub year: FiscalYear,
    /// In the sheet's row order, then column order.
    pub changes: Vec<FieldChange>,
}

/// One field of one initiative in one year, as the record has it and as the
/// sheet says.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The row the record keeps (`Plan::record_id`).
    pub id: InitiativeId,
    pub year: FiscalYear,
    pub field: Field,
    /// The value as text ("" for nothing), as the sheet shows it.
    pub current: String,
    pub incoming: String,
    pub change: Change,
}

impl SheetImport {
    /// The changes as one edit, so that applying them is one step of undo;
    /// `None` when the sheet changes nothing.
    pub fn edit(&self) -> Option<Edit> {
        if self.changes.is_empty() {
            return None;
        }
        let edits = self
            .changes
            .iter()
            .map(|c| Edit::Initiative { id: c.id, year: c.year, change: c.change.clone() })
            .collect();
        Some(Edit::Batch(edits))
    }
}

/// Why a sheet was not read. Nothing of it was used.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetError {
    /// Too large, a zip bomb, or no workbook (unpacked at most [`MAX_UNPACKED_BYTES`]).
    Workbook(WorkbookError),
    /// No 「評価シート」, and no other sheet with its header.
    NoSheet,
    /// No row with 番号 and 進捗状況 among the first rows.
    NoHeader {
        sheet: String,
    },
    /// No 「(YYYY)年度」 above the header.
    NoYear {
        sheet: String,
    },
    YearOutsidePlan {
        sheet: String,
        year: u16,
    },
    TooManyRows {
        sheet: String,
        max: u32,
    },
    /// The first [`MAX_PROBLEMS`] problems, and how many more there are.
    Rows {
        sheet: String,
        problems: Vec<RowProblem>,
        more: usize,
    },
}

/// A cell the import could not use.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// 1-based, as Excel numbers rows.
    pub row: u32,
    /// The column's title.
    pub column: &'static str,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// Content in the row but no 番号.
    MissingId,
    UnknownInitiative(String),
    /// The same 番号 on an earlier row.
    Duplicate {
        first_row: u32,
    },
    /// A re-listed row (再掲) and its original, or the other way round,
    /// changed to different values: which one is meant is unknown.
    Conflict {
        other_row: u32,
    },
    /// Not one of the choices; `allowed` lists them as the sheet writes them.
    NotAChoice {
        found: String,
        allowed: Vec<String>,
    },
    /// The spreadsheet turned what was typed into a date or time.
    Date(String),
    /// The spreadsheet turned what was typed into TRUE or FALSE.
    Boolean(bool),
    /// An error value such as `#N/A`, left by a formula.
    ErrorValue(String),
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::Workbook(e) => e.fmt(f),
            SheetError::NoSheet => {
                write!(f, "the workbook has no sheet 「{EVALUATION_SHEET}」, nor one with columns {ID} and {STATUS}")
            }
            SheetError::NoHeader { sheet } => {
                write!(f, "sheet 「{sheet}」 has no header row with {ID} and {STATUS} in its first {HEADER_ROWS} rows")
            }
            SheetError::NoYear { sheet } => write!(
                f,
                "sheet 「{sheet}」 does not say its fiscal year above the header (as in 令和7年度（2025年度）)"
            ),
            SheetError::YearOutsidePlan { sheet, year } => {
                write!(f, "sheet 「{sheet}」 is for fiscal year {year}, outside the plan")
            }
            SheetError::TooManyRows { sheet, max } => write!(f, "sheet 「{sheet}」 has more than {max} rows"),
            SheetError::Rows { sheet, problems, more } => {
                write!(f, "nothing was read: sheet 「{sheet}」 has {} problems", problems.len() + more)?;
                for problem in problems {
                    write!(f, "\nrow {}, {}: {}", problem.row, problem.column, problem.kind)?;
                }
                if *more > 0 {
                    write!(f, "\nand {more} more")?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::MissingId => write!(f, "the row has content but no {ID}"),
            ProblemKind::UnknownInitiative(id) => write!(f, "{id:?} is not an initiative of the plan"),
            ProblemKind::Duplicate { first_row } => write!(f, "the same initiative is on row {first_row}"),
            ProblemKind::Conflict { other_row } => {
                write!(f, "row {other_row} holds the same initiative (再掲) with a different change")
            }
            ProblemKind::NotAChoice { found, allowed } => {
                write!(f, "{found:?} is not one of the choices ({})", allowed.join(", "))
            }
            ProblemKind::Date(shown) => {
                write!(f, "the spreadsheet turned this into a date or time ({shown}); format the cell as text")
            }
            ProblemKind::Boolean(b) => write!(f, "the spreadsheet turned this into {}", bool_text(*b)),
            ProblemKind::ErrorValue(code) => write!(f, "the cell holds the error value {code}"),
        }
    }
}

impl std::error::Error for SheetError {}

/// The changes the 評価シート in `bytes` would make to `record`: for each
/// initiative on the sheet, each imported field whose value differs from
/// the record's for the sheet's year (担当 from the one carried over).
pub fn read_evaluation_sheet(plan: &Plan, record: &Record, bytes: &[u8]) -> Result<SheetImport, SheetError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(SheetError::Workbook(WorkbookError::TooLarge { bytes: bytes.len(), max: MAX_IMPORT_BYTES }));
    }
    workbook::check_unpacked_size(bytes, MAX_UNPACKED_BYTES).map_err(SheetError::Workbook)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| not_xlsx(e.to_string()))?;
    let (sheet, cells, header_row) = find_sheet(&mut book)?;
    let year = sheet_year(plan, &sheet, &cells, header_row)?;
    let rows = Rows { plan, record, year, header: header_columns(&cells, header_row) };
    rows.changes(&sheet, &cells, header_row).map(|changes| SheetImport { year, changes })
}

fn not_xlsx(detail: String) -> SheetError {
    SheetError::Workbook(WorkbookError::NotXlsx(detail))
}

/// The cells read, by 0-based (row, column).
type Cells = BTreeMap<(u32, u32), Value>;

/// The 評価シート, or else the first sheet with its header: its name, its
/// cells and the header's row.
fn find_sheet(book: &mut Xlsx<Cursor<&[u8]>>) -> Result<(String, Cells, u32), SheetError> {
    let names = book.sheet_names();
    if let Some(name) = names.iter().find(|n| same_words(n, EVALUATION_SHEET)) {
        let cells = read_cells(book, name, true)?;
        let header = header_row(&cells).ok_or_else(|| SheetError::NoHeader { sheet: name.clone() })?;
        return Ok((name.clone(), cells, header));
    }
    for name in &names {
        // Only the top is read to choose: another sheet may be long.
        if header_row(&read_cells(book, name, false)?).is_some() {
            let cells = read_cells(book, name, true)?;
            let header = header_row(&cells).ok_or(SheetError::NoSheet)?;
            return Ok((name.clone(), cells, header));
        }
    }
    Err(SheetError::NoSheet)
}

/// The non-empty cells of sheet `name` in its first [`MAX_COLUMNS`]
/// columns: all of them (a sheet longer than [`MAX_ROWS`] is refused), or
/// only the first [`HEADER_ROWS`] rows.
fn read_cells(book: &mut Xlsx<Cursor<&[u8]>>, name: &str, whole: bool) -> Result<Cells, SheetError> {
    let not_xlsx = |e: calamine::XlsxError| not_xlsx(e.to_string());
    let stop = if whole { MAX_ROWS } else { HEADER_ROWS };
    let mut reader = book.worksheet_cells_reader(name).map_err(not_xlsx)?;
    let mut cells = Cells::new();
    while let Some(cell) = reader.next_cell().map_err(not_xlsx)? {
        let (row, column) = cell.get_position();
        let Some(value) = value(cell.get_value()) else { continue };
        if row >= stop {
            if whole {
                return Err(SheetError::TooManyRows { sheet: name.to_string(), max: MAX_ROWS });
            }
            break;
        }
        if column < MAX_COLUMNS {
            cells.insert((row, column), value);
        }
    }
    Ok(cells)
}

/// A cell's text as typed, for matching titles and choices.
fn text_of(value: &Value) -> Option<&str> {
    match value {
        Value::Text(s) | Value::Number(s) => Some(s),
        _ => None,
    }
}

/// The first row among the first [`HEADER_ROWS`] with 番号 and 進捗状況.
fn header_row(cells: &Cells) -> Option<u32> {
    (0..HEADER_ROWS).find(|&row| {
        let titles: Vec<&str> = cells.range((row, 0)..(row + 1, 0)).filter_map(|(_, v)| text_of(v)).collect();
        [ID, STATUS].iter().all(|want| titles.iter().any(|t| same_words(t, want)))
    })
}

/// Each imported column's index, by title (the leftmost if one repeats).
fn header_columns(cells: &Cells, header_row: u32) -> BTreeMap<&'static str, u32> {
    let mut columns = BTreeMap::new();
    for (&(_, column), value) in cells.range((header_row, 0)..(header_row + 1, 0)) {
        let Some(title) = text_of(value) else { continue };
        let mut known = std::iter::once(ID).chain(COLUMNS.iter().map(|(t, _)| *t));
        if let Some(name) = known.find(|name| same_words(title, name)) {
            columns.entry(name).or_insert(column);
        }
    }
    columns
}

/// The year in the title above the header: `2025年度`, or else `令和7年度`.
fn sheet_year(plan: &Plan, sheet: &str, cells: &Cells, header_row: u32) -> Result<FiscalYear, SheetError> {
    let year = cells
        .range(..(header_row, 0))
        .filter_map(|(_, v)| text_of(v))
        .find_map(|text| year_in(&nfkc(text)))
        .ok_or_else(|| SheetError::NoYear { sheet: sheet.to_string() })?;
    let year = FiscalYear(year);
    if !plan.plan.fiscal_years.contains(year) {
        return Err(SheetError::YearOutsidePlan { sheet: sheet.to_string(), year: year.0 });
    }
    Ok(year)
}

/// The first `(\d{4})年度` in `text`, or else the first `令和(\d+|元)年度`.
fn year_in(text: &str) -> Option<u16> {
    let digits_before = |end: usize| {
        let start = text[..end].trim_end_matches(|c: char| c.is_ascii_digit()).len();
        &text[start..end]
    };
    let ends = || text.match_indices("年度").map(|(at, _)| at);
    ends().find_map(|at| Some(digits_before(at)).filter(|d| d.len() == 4).and_then(|d| d.parse().ok())).or_else(|| {
        ends().find_map(|at| {
            let era = text[..at].strip_suffix('元').map(|before| (before, 1)).or_else(|| {
                let digits = digits_before(at);
                Some((&text[..at - digits.len()], digits.parse::<u16>().ok()?))
            })?;
            if era.0.ends_with("令和") {
                2018u16.checked_add(era.1)
            } else {
                None
            }
        })
    })
}

/// What the rows are read against.
struct Rows<'a> {
    plan: &'a Plan,
    record: &'a Record,
    year: FiscalYear,
    header: BTreeMap<&'static str, u32>,
}

impl Rows<'_> {
    /// Every row under the header read, checked and compared with the record.
    fn changes(&self, sheet: &str, cells: &Cells, header_row: u32) -> Result<Vec<FieldChange>, SheetError> {
        let mut problems = Vec::new();
        let mut changes: Vec<FieldChange> = Vec::new();
        // Where each 番号, and each record id's changed field, was seen first.
        let mut ids: BTreeMap<InitiativeId, u32> = BTreeMap::new();
        let mut changed: BTreeMap<(InitiativeId, Field), (u32, usize)> = BTreeMap::new();
        let last = cells.keys().next_back().map_or(0, |(row, _)| *row);
        for row in header_row + 1..=last {
            let shown = row + 1;
            let cell = |title: &str| self.header.get(title).and_then(|&column| cells.get(&(row, column)));
            let Some(id_cell) = cell(ID) else {
                if COLUMNS.iter().any(|(title, _)| cell(title).is_some()) {
                    problems.push(RowProblem { row: shown, column: ID, kind: ProblemKind::MissingId });
                }
                continue;
            };
            let id = match self.initiative(id_cell) {
                Ok(id) => id,
                Err(kind) => {
                    problems.push(RowProblem { row: shown, column: ID, kind });
                    continue;
                }
            };
            if let Some(&first_row) = ids.get(&id) {
                problems.push(RowProblem { row: shown, column: ID, kind: ProblemKind::Duplicate { first_row } });
                continue;
            }
            ids.insert(id, shown);
            let id = self.plan.record_id(id);
            for &(title, field) in &COLUMNS {
                if !self.header.contains_key(title) {
                    continue;
                }
                // A blank cell clears the field, as emptying it in the app would.
                let change = match cell(title).map(|value| self.change(field, value)) {
                    None => blank(field),
                    Some(Ok(change)) => change,
                    Some(Err(kind)) => {
                        problems.push(RowProblem { row: shown, column: title, kind });
                        continue;
                    }
                };
                let Some(found) = self.compare(id, field, change) else { continue };
                match changed.get(&(id, field)) {
                    None => {
                        changed.insert((id, field), (shown, changes.len()));
                        changes.push(found);
                    }
                    Some(&(_, index)) if changes[index].change == found.change => {}
                    Some(&(other_row, _)) => problems.push(RowProblem {
                        row: shown,
                        column: title,
                        kind: ProblemKind::Conflict { other_row },
                    }),
                }
            }
        }
        if problems.is_empty() {
            return Ok(changes);
        }
        let more = problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
        Err(SheetError::Rows { sheet: sheet.to_string(), problems, more })
    }

    /// The initiative a 番号 cell names.
    fn initiative(&self, value: &Value) -> Result<InitiativeId, ProblemKind> {
        let text = match value {
            Value::Text(s) | Value::Number(s) => s.trim(),
            other => return Err(unusable(other).unwrap_or(ProblemKind::MissingId)),
        };
        if text.is_empty() {
            return Err(ProblemKind::MissingId);
        }
        text.parse::<InitiativeId>()
            .ok()
            .filter(|id| self.plan.initiative(*id).is_some())
            .ok_or_else(|| ProblemKind::UnknownInitiative(text.to_string()))
    }

    /// The change a non-empty cell of `field`'s column asks for.
    fn change(&self, field: Field, value: &Value) -> Result<Change, ProblemKind> {
        let text = match (field, value) {
            (_, Value::Error(code)) => return Err(ProblemKind::ErrorValue(code.clone())),
            (_, Value::Text(s) | Value::Number(s)) => s.clone(),
            // Free text keeps what the spreadsheet shows; a choice cannot be a date.
            (Field::Results | Field::Challenges | Field::Note | Field::Owners, Value::Date(shown)) => shown.clone(),
            (Field::Results | Field::Challenges | Field::Note | Field::Owners, Value::Bool(b)) => {
                bool_text(*b).to_string()
            }
            (_, other) => return Err(unusable(other).unwrap_or(ProblemKind::MissingId)),
        };
        let scales = &self.plan.evaluation;
        let not_a_choice = |allowed: Vec<String>| ProblemKind::NotAChoice { found: text.trim().to_string(), allowed };
        let blank = text.trim().is_empty();
        Ok(match field {
            Field::Status if blank => Change::Status(None),
            Field::Status => Change::Status(Some(
                status(scales, &text).ok_or_else(|| {
                    not_a_choice(scales.statuses.iter().map(|c| c.ja.clone()).collect())
                })?,
            )),
            Field::Grade if blank => Change::Grade(None),
            Field::Grade => Change::Grade(Some(Grade(
                choice(&scales.grades, &text).ok_or_else(|| not_a_choice(codes(&scales.grades)))?,
            ))),
            Field::WayForward if blank => Change::WayForward(None),
            Field::WayForward => Change::WayForward(Some(WayForward(
                choice(&scales.directions, &text).ok_or_else(|| not_a_choice(codes(&scales.directions)))?,
            ))),
            Field::Owners => Change::Owners(split_owners(&text)),
            Field::Results => Change::Text(TextField::Results, text.replace('\r', "")),
            Field::Challenges => Change::Text(TextField::Challenges, text.replace('\r', "")),
            _ => Change::Text(TextField::Note, text.replace('\r', "")),
        })
    }

    /// `change` as a [`FieldChange`] if it differs from what the sheet would
    /// show for the record now (text as written to the sheet, 担当 as
    /// carried over and split back): an untouched cell is no change.
    fn compare(&self, id: InitiativeId, field: Field, change: Change) -> Option<FieldChange> {
        let empty = InitiativeCell::default();
        let cell = self.record.initiatives.get(&(id, self.year)).unwrap_or(&empty);
        let choice_text = |v: Option<&str>| v.unwrap_or("").to_string();
        let (current, incoming) = match &change {
            Change::Status(v) => {
                let word = |s: Status| self.plan.evaluation.status_ja(s);
                (choice_text(cell.status.map(word)), choice_text(v.map(word)))
            }
            Change::Grade(v) => {
                (choice_text(cell.grade.as_ref().map(|g| g.0.as_str())), choice_text(v.as_ref().map(|g| g.0.as_str())))
            }
            Change::WayForward(v) => (
                choice_text(cell.way_forward.as_ref().map(|w| w.0.as_str())),
                choice_text(v.as_ref().map(|w| w.0.as_str())),
            ),
            Change::Text(text_field, v) => (cell.text(*text_field).to_string(), v.clone()),
            Change::Owners(owners) => {
                let carried = self.record.owners(self.plan, id, self.year).map_or(&[][..], |(_, o)| o);
                let shown = split_owners(&join_owners(carried));
                // A blank 担当 means "as the year before" unless this year has its own.
                if *owners == shown || (owners.is_empty() && cell.owners.is_empty()) {
                    return None;
                }
                (join_owners(carried), join_owners(owners))
            }
            Change::Links(_) => return None,
        };
        if let Change::Text(..) = change {
            let written: String = current.chars().filter(|&c| c != '\r' && xml_allowed(c)).collect();
            if written == incoming {
                return None;
            }
        } else if current == incoming {
            return None;
        }
        Some(FieldChange { id, year: self.year, field, current, incoming, change })
    }
}

/// The change a blank cell of `field`'s column asks for.
fn blank(field: Field) -> Change {
    match field {
        Field::Status => Change::Status(None),
        Field::Grade => Change::Grade(None),
        Field::WayForward => Change::WayForward(None),
        Field::Owners => Change::Owners(Vec::new()),
        Field::Results => Change::Text(TextField::Results, String::new()),
        Field::Challenges => Change::Text(TextField::Challenges, String::new()),
        _ => Change::Text(TextField::Note, String::new()),
    }
}

/// Why a date, boolean or error cannot stand for a code.
fn unusable(value: &Value) -> Option<ProblemKind> {
    match value {
        Value::Date(shown) => Some(ProblemKind::Date(shown.clone())),
        Value::Bool(b) => Some(ProblemKind::Boolean(*b)),
        Value::Error(code) => Some(ProblemKind::ErrorValue(code.clone())),
        Value::Text(_) | Value::Number(_) => None,
    }
}

/// Folded for comparing choices: full-width forms, spaces and case ignored.
fn fold(text: &str) -> String {
    nfkc(text).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// The status written as the export writes it (the plan's Japanese word), in
/// the plan's English, by its standard name in either language, or as the
/// enum's name.
fn status(scales: &Scales, text: &str) -> Option<Status> {
    let folded = fold(text);
    let names = |s: Status| {
        [scales.status_ja(s), scales.status_en(s), s.as_ja(), s.as_en()].map(str::to_string).into_iter().chain([format!("{s:?}")])
    };
    Status::ALL.into_iter().find(|&s| names(s).any(|name| fold(&name) == folded))
}

/// The code of the choice written as its code or either label.
fn choice(choices: &[Choice], text: &str) -> Option<String> {
    let folded = fold(text);
    choices.iter().find(|c| [&c.code, &c.ja, &c.en].iter().any(|name| fold(name) == folded)).map(|c| c.code.clone())
}

fn codes(choices: &[Choice]) -> Vec<String> {
    choices.iter().map(|c| c.code.clone()).collect()
}

#[cfg(test)]
#[path = "xlsx_import_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "xlsx_import_props_tests.rs"]
mod props_tests;
