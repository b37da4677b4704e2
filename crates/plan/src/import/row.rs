//! One table row → its fields, read left to right by what each cell holds
//! rather than by fixed column numbers, because columns shift between pages
//! and within rows.

use super::error::{ImportError, Problem};
use super::kpi::looks_like_kpi;
use super::table::{Layout, SourceRow};
use crate::plan::{circled_to_number, KAMA_FIRST_PLAN};
use crate::text::same_words;

/// A row's cells sorted into fields; text still verbatim.
#[derive(Debug, Clone)]
pub(crate) struct RowFields {
    pub line: usize,
    pub serial: u16,
    pub policy: u8,
    pub policy_name: String,
    pub sub_policy: u8,
    pub sub_policy_name: String,
    pub letter: char,
    /// The 取組 cell repeated the sub-policy name, shifting the rest right.
    pub repeats_sub_policy_name: bool,
    pub text: String,
    pub short_name: String,
    pub priority: bool,
    /// One of [`KAMA_FIRST_PLAN`].
    pub first_plan: String,
    pub situation: String,
    /// `None` when the row has no cell for it at all (it collapsed away).
    pub direction_cell: Option<String>,
    pub kpi_cell: String,
    pub remarks_cell: String,
    /// Cells after 備考; index 0 is the first fiscal year.
    pub schedule_cells: Vec<String>,
}

struct Cursor<'a> {
    row: &'a SourceRow,
    next: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<&'a str> {
        self.row.cells.get(self.next).map(String::as_str)
    }

    fn take(&mut self, field: &'static str) -> Result<&'a str, ImportError> {
        let cell = self.peek().ok_or(self.error(Problem::MissingCell { field }))?;
        self.next += 1;
        Ok(cell)
    }

    /// Like `take`, but a row that simply ends here has an empty cell.
    fn take_or_empty(&mut self) -> &'a str {
        let cell = self.peek().unwrap_or_default();
        self.next += 1;
        cell
    }

    fn rest(&self) -> Vec<String> {
        self.row.cells.get(self.next..).unwrap_or_default().to_vec()
    }

    fn error(&self, problem: Problem) -> ImportError {
        ImportError::at(self.row.line, problem)
    }

    fn invalid(&self, field: &'static str, found: &str) -> ImportError {
        self.error(Problem::Invalid { field, found: found.to_string() })
    }
}

pub(crate) fn read_row(row: &SourceRow, layout: Layout) -> Result<RowFields, ImportError> {
    let mut c = Cursor { row, next: 0 };

    let serial_cell = c.take("昇順番号")?;
    let serial = serial_cell.parse().map_err(|_| c.invalid("昇順番号", serial_cell))?;
    let policy_cell = c.take("体系分類1コード")?;
    let policy = single_digit(policy_cell).ok_or_else(|| c.invalid("体系分類1コード", policy_cell))?;
    let policy_name = c.take("体系分類1")?.to_string();

    // Page 1 writes `① 創業希望者の…` in one cell; later pages split code and name.
    let sub_cell = c.take("体系分類2コード")?;
    let mut sub_chars = sub_cell.chars();
    let sub_policy =
        sub_chars.next().and_then(circled_to_number).ok_or_else(|| c.invalid("体系分類2コード", sub_cell))?;
    let inline_name = sub_chars.as_str().trim();
    let sub_policy_name =
        if inline_name.is_empty() { c.take("体系分類2")?.to_string() } else { inline_name.to_string() };

    let letter_cell = c.take("取組コード")?;
    let letter = match letter_cell.chars().collect::<Vec<_>>()[..] {
        [l] if l.is_ascii_lowercase() => l,
        _ => return Err(c.invalid("取組コード", letter_cell)),
    };

    let mut text = c.take("取組")?;
    let repeats_sub_policy_name = same_words(text, &sub_policy_name);
    if repeats_sub_policy_name {
        text = c.take("取組")?;
    }
    let short_name = c.take("取組略称")?.to_string();

    let (priority, first_plan) = read_priority_and_first_plan(&mut c, layout)?;
    let situation = c.take("現状")?.to_string();

    // Where both 実施方針区分 and one neighbour are empty the export may drop a
    // cell: a KPI in this position means the direction cell is gone.
    let direction_cell = match c.peek() {
        Some(cell) if looks_like_kpi(cell) => None,
        _ => Some(c.take_or_empty().to_string()),
    };
    let kpi_cell = c.take_or_empty().to_string();
    let remarks_cell = c.take_or_empty().to_string();
    let schedule_cells = c.rest();

    Ok(RowFields {
        line: row.line,
        serial,
        policy,
        policy_name,
        sub_policy,
        sub_policy_name,
        letter,
        repeats_sub_policy_name,
        text: text.to_string(),
        short_name,
        priority,
        first_plan,
        situation,
        direction_cell,
        kpi_cell,
        remarks_cell,
        schedule_cells,
    })
}

/// `重 新規` in one cell, `重` | `新規` in two, or `継続` alone.
fn read_priority_and_first_plan(c: &mut Cursor, layout: Layout) -> Result<(bool, String), ImportError> {
    const FIELD: &str = "重要課題/第1次計画";
    let first = c.take(FIELD)?;
    let words: Vec<&str> = first.split_whitespace().collect();
    let (priority, word, cells_used) = match words[..] {
        ["重", word] => (true, word, 1),
        ["重"] => (true, c.take(FIELD)?, 2),
        [word] => (false, word, 1),
        _ => return Err(c.invalid(FIELD, first)),
    };
    // Kama's table has these three words only: another is a misread row.
    let first_plan = KAMA_FIRST_PLAN.into_iter().find(|w| *w == word.trim()).ok_or_else(|| c.invalid(FIELD, word))?;
    if layout.separate_first_plan_column && cells_used == 1 {
        // The other of the two columns is left empty.
        let spare = c.take(FIELD)?;
        if !spare.is_empty() {
            return Err(c.invalid(FIELD, spare));
        }
    }
    Ok((priority, first_plan.to_string()))
}

fn single_digit(s: &str) -> Option<u8> {
    match s.as_bytes() {
        [d @ b'1'..=b'9'] => Some(d - b'0'),
        _ => None,
    }
}
