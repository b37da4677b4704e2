//! The cells of an .xlsx workbook as the imports read them: as they are
//! stored, never evaluated. A text starting with `=` is text, and a formula
//! counts by the value the spreadsheet saved with it.

use std::fmt;
use std::io::Cursor;

use calamine::{DataRef, ExcelDateTime};

use crate::progress::csv::format_number;

/// A cell's content as an import reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    /// As Excel shows a general number: `3`, not `3.0`.
    Number(String),
    /// As Japanese Excel shows it: `2025/4/1`, `9:30`.
    Date(String),
    Bool(bool),
    Error(String),
}

/// `None` for an empty cell.
pub fn value(data: &DataRef<'_>) -> Option<Value> {
    Some(match data {
        DataRef::Empty => return None,
        DataRef::String(s) if s.is_empty() => return None,
        DataRef::SharedString("") => return None,
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) => Value::Text((*s).to_string()),
        DataRef::Int(n) => Value::Number(n.to_string()),
        DataRef::Float(n) => Value::Number(format_number(*n)),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) => Value::Date(date_text(d)),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Date(s.clone()),
        DataRef::Error(e) => Value::Error(e.to_string()),
    })
}

fn date_text(date: &ExcelDateTime) -> String {
    let (year, month, day, hour, minute, _, _) = date.to_ymd_hms_milli();
    let time = format!("{hour}:{minute:02}");
    if date.is_duration() || date.as_f64().abs() < 1.0 {
        time
    } else if (hour, minute) == (0, 0) {
        format!("{year}/{month}/{day}")
    } else {
        format!("{year}/{month}/{day} {time}")
    }
}

/// As the spreadsheet shows a boolean.
pub fn bool_text(b: bool) -> &'static str {
    if b {
        "TRUE"
    } else {
        "FALSE"
    }
}

/// What the zip's entries add up to unpacked, read from its central
/// directory before anything is inflated (calamine holds whole parts in
/// memory, so a zip bomb is refused by this sum). The error is the zip
/// reader's detail.
pub fn unpacked_size(bytes: &[u8]) -> Result<u64, String> {
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut total = 0u64;
    for index in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(index).map_err(|e| e.to_string())?.size());
    }
    Ok(total)
}

/// Why a file was not read as a workbook, before any sheet was looked at.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// The zip's entries add up to more than the import allows.
    UnpacksTooLarge {
        bytes: u64,
        max: u64,
    },
    /// Not a zip, or not a workbook calamine can read; the detail is its.
    NotXlsx(String),
}

impl fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkbookError::TooLarge { bytes, max } => {
                write!(f, "the file is {bytes} bytes; at most {max} are accepted")
            }
            WorkbookError::UnpacksTooLarge { bytes, max } => {
                write!(f, "the workbook unpacks to {bytes} bytes; at most {max} are accepted")
            }
            WorkbookError::NotXlsx(detail) => write!(f, "the file is not an Excel workbook (.xlsx): {detail}"),
        }
    }
}

/// Refuses a zip whose entries would unpack to more than `max`, before
/// anything is inflated.
pub fn check_unpacked_size(bytes: &[u8], max: u64) -> Result<(), WorkbookError> {
    let total = unpacked_size(bytes).map_err(WorkbookError::NotXlsx)?;
    if total > max {
        return Err(WorkbookError::UnpacksTooLarge { bytes: total, max });
    }
    Ok(())
}
