//! Exported files: what one is called — the plan, what the file holds, who
//! exported it and when, so that two colleagues' files of one day do not
//! collide, in characters that file systems and mail keep — and why one
//! could not be written.

use std::fmt;

use super::assign::Owner;
use super::csv::{format_local_compact, UtcOffset};
use super::xlsx::XlsxError;
use crate::plan::FiscalYear;

/// Why the record could not be written as a file: nothing was downloaded.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    /// The JSON encoder's complaint (in practice, never).
    Json(String),
    /// The CSV writer's complaint.
    Csv(String),
    Workbook(XlsxError),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Json(e) => write!(f, "could not write the JSON: {e}"),
            ExportError::Csv(e) => write!(f, "could not write the CSV: {e}"),
            ExportError::Workbook(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ExportError {}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Json(e.to_string())
    }
}

impl From<crate::export::ExportError> for ExportError {
    fn from(e: crate::export::ExportError) -> Self {
        ExportError::Csv(e.to_string())
    }
}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        ExportError::Workbook(e)
    }
}

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    /// The whole record (JSON, CSV).
    Record,
    /// A workbook opening on the 評価シート of a year.
    EvaluationSheet(FiscalYear),
}

/// Characters of a name part kept from staff's text: past this, the name
/// says no more that helps.
const MAX_PART_CHARS: usize = 24;

/// `kama-sme-2023-2027-進捗-嘉麻太郎-20260515-0930` (the extension is the
/// caller's): the plan's id, what the file holds, the author when there is
/// one, and the local time to the minute.
pub fn export_stem(plan_id: &str, contents: Contents, author: &str, at_ms: i64, offset: UtcOffset) -> String {
    let what = match contents {
        Contents::Record => "進捗".to_string(),
        Contents::EvaluationSheet(year) => format!("評価シート{}", year.0),
    };
    stem(vec![safe(plan_id), what], author, at_ms, offset)
}

/// A file of a year's round of requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundFile {
    /// 照会: named by the 担当 it is sent to, who at the 事務局 made it and when.
    Request,
    /// 回答: named by the 担当 answering, its author and when.
    Answer,
}

/// `kama-sme-2023-2027-2025年度-商工会-照会-嘉麻花子-20260401-0900`, or
/// `…-商工会-回答-嘉麻太郎-20260515-0930`.
pub fn round_stem(
    file: RoundFile,
    plan_id: &str,
    year: FiscalYear,
    owner: &Owner,
    author: &str,
    at_ms: i64,
    offset: UtcOffset,
) -> String {
    let kind = match file {
        RoundFile::Request => "照会",
        RoundFile::Answer => "回答",
    };
    stem(vec![safe(plan_id), format!("{}年度", year.0), safe(owner.as_str()), kind.to_string()], author, at_ms, offset)
}

/// `parts`, the author when there is one, and the local time, joined by `-`.
fn stem(mut parts: Vec<String>, author: &str, at_ms: i64, offset: UtcOffset) -> String {
    parts.push(safe(author));
    parts.push(format_local_compact(at_ms, offset));
    parts.retain(|p| !p.is_empty());
    parts.join("-")
}

/// Letters and digits of any script, `_` and single inner `-`s (the
/// separator): no spaces, path separators, characters Windows refuses
/// (`<>:"/\|?*`) or controls.
fn safe(text: &str) -> String {
    let kept: String =
        text.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_')).take(MAX_PART_CHARS).collect();
    kept.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
#[path = "file_name_tests.rs"]
mod tests;
