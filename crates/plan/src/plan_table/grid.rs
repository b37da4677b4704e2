//! A plan table's bytes → rows of cells: .xlsx through calamine, .csv and
//! .tsv decoded from UTF-8 (with or without BOM), UTF-16 (what Excel's
//! 「Unicode テキスト」 writes) or Shift_JIS (what Japanese Excel's CSV writes).

use std::io::Cursor;

use calamine::{Reader, Xlsx};

use super::error::PlanTableError;
use crate::workbook::{self, Value, WorkbookError};

/// What a plan file or table may weigh. A kept plan lives in the browser's
/// storage, which holds a few megabytes for the whole site; a table of the
/// most rows below, with long texts, fits. The page reads a file on its main
/// thread, so the bounds also keep a hostile file from freezing it.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// What a workbook may unpack to (a zip bomb is refused before inflating).
pub const MAX_UNPACKED_BYTES: u64 = 32 * 1024 * 1024;
/// Rows read, the header and title rows included: a basic plan has tens to
/// hundreds of initiatives.
pub const MAX_ROWS: usize = 5_000;
/// Columns read: cells further right are ignored.
pub const MAX_COLUMNS: usize = 128;

/// The kinds of file a plan table comes in, told by the file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Xlsx,
    Csv,
    Tsv,
}

impl TableFormat {
    /// By extension, whatever its case: `.xlsx`, `.csv`, `.tsv` or `.txt`
    /// (Excel's tab-separated text).
    pub fn of_name(name: &str) -> Option<TableFormat> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "xlsx" => Some(TableFormat::Xlsx),
            "csv" => Some(TableFormat::Csv),
            "tsv" | "txt" => Some(TableFormat::Tsv),
            _ => None,
        }
    }
}

/// One row: its cells by 0-based column, `None` where empty.
pub type Row = Vec<Option<Value>>;

/// The rows of the table's first sheet (of a workbook: the first sheet
/// with a header the importer knows, chosen by the caller from these).
pub fn read(format: TableFormat, bytes: &[u8]) -> Result<Vec<(String, Vec<Row>)>, PlanTableError> {
    if bytes.len() > MAX_BYTES {
        return Err(PlanTableError::Workbook(WorkbookError::TooLarge { bytes: bytes.len(), max: MAX_BYTES }));
    }
    match format {
        TableFormat::Xlsx => read_workbook(bytes),
        TableFormat::Csv => Ok(vec![(String::new(), read_text(&decode(bytes)?, b',')?)]),
        TableFormat::Tsv => Ok(vec![(String::new(), read_text(&decode(bytes)?, b'\t')?)]),
    }
}

/// The text of a CSV or TSV file. UTF-8 is tried first: Shift_JIS bytes
/// are almost never valid UTF-8, while UTF-8 Japanese is not valid Shift_JIS.
fn decode(bytes: &[u8]) -> Result<String, PlanTableError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return if had_errors { Err(PlanTableError::NotText) } else { Ok(text.into_owned()) };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
    if had_errors || text.contains('\0') {
        return Err(PlanTableError::NotText);
    }
    Ok(text.into_owned())
}

/// The rows of a CSV or TSV text, numbered as a spreadsheet numbers them:
/// the csv reader skips empty lines, which are rows there.
fn read_text(text: &str, delimiter: u8) -> Result<Vec<Row>, PlanTableError> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows: Vec<Row> = Vec::new();
    // The line the next record starts on if no empty line comes before it.
    let mut next_line = 1u64;
    for record in reader.records() {
        let record = record.map_err(|e| PlanTableError::Csv { row: rows.len() + 1, detail: e.to_string() })?;
        let line = record.position().map_or(next_line, |p| p.line());
        let skipped = usize::try_from(line.saturating_sub(next_line)).unwrap_or(usize::MAX);
        if rows.len().saturating_add(skipped) >= MAX_ROWS {
            return Err(PlanTableError::TooManyRows { max: MAX_ROWS });
        }
        rows.resize(rows.len() + skipped, Vec::new());
        let newlines: usize = record.iter().map(|cell| cell.matches('\n').count()).sum();
        next_line = line + 1 + newlines as u64;
        rows.push(
            record
                .iter()
                .take(MAX_COLUMNS)
                .map(csv_value)
                .collect(),
        );
    }
    Ok(rows)
}

/// Error values a spreadsheet writes into a CSV where a formula failed.
const ERROR_VALUES: [&str; 8] = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!"];

/// A CSV cell as the workbook reader gives one: empty as none, and a
/// formula's error value as that error, not as text (it is reported).
fn csv_value(cell: &str) -> Option<Value> {
    let trimmed = cell.trim();
    match trimmed {
        "" => None,
        _ if ERROR_VALUES.contains(&trimmed) => Some(Value::Error(trimmed.to_string())),
        _ => Some(Value::Text(cell.to_string())),
    }
}

fn read_workbook(bytes: &[u8]) -> Result<Vec<(String, Vec<Row>)>, PlanTableError> {
    workbook::check_unpacked_size(bytes, MAX_UNPACKED_BYTES).map_err(PlanTableError::Workbook)?;
    let not_xlsx = |e: calamine::XlsxError| PlanTableError::Workbook(WorkbookError::NotXlsx(e.to_string()));
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(not_xlsx)?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let mut reader = book.worksheet_cells_reader(&name).map_err(not_xlsx)?;
        let mut rows: Vec<Row> = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(not_xlsx)? {
            let (row, column) = cell.get_position();
            let (row, column) = (row as usize, column as usize);
            let Some(value) = workbook::value(cell.get_value()) else { continue };
            if row >= MAX_ROWS {
                return Err(PlanTableError::TooManyRows { max: MAX_ROWS });
            }
            if column >= MAX_COLUMNS {
                continue;
            }
            if rows.len() <= row {
                rows.resize(row + 1, Vec::new());
            }
            let cells = &mut rows[row];
            if cells.len() <= column {
                cells.resize(column + 1, None);
            }
            cells[column] = Some(value);
        }
        sheets.push((name, rows));
    }
    Ok(sheets)
}
