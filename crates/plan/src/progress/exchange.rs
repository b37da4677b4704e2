//! What the files staff exchange in a fiscal year's round of requests share:
//! the 事務局's request (照会, `request`) and a 担当's answer (回答,
//! `answer`), beside the progress document: their kinds, header, checks and
//! refusals. `incoming` tells the three apart.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::document::{self, DocumentError};
use super::{CellKey, Record};
use crate::plan::{FiscalYear, InitiativeId, Plan};

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A progress record (`document`): an export, a backup, `progress.json`.
    Progress,
    /// A 照会 from the 事務局 to one 担当.
    Request,
    /// A 担当's 回答 to a request.
    Answer,
}

impl FileKind {
    /// What the file's `format` field says.
    pub const fn format(self) -> &'static str {
        match self {
            FileKind::Progress => document::FORMAT,
            FileKind::Request => "kama-sme-request",
            FileKind::Answer => "kama-sme-answer",
        }
    }

    /// The newest version of the kind this app reads and writes. Bump a
    /// kind's when its shape changes: [`header`] refuses newer files.
    pub const fn version(self) -> u32 {
        match self {
            FileKind::Progress => document::VERSION,
            FileKind::Request => 1,
            FileKind::Answer => 1,
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Progress => "progress record",
            FileKind::Request => "request",
            FileKind::Answer => "answer",
        })
    }
}

/// Why a file was refused. Nothing of it was used.
#[derive(Debug, Clone, PartialEq)]
pub enum ExchangeError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    NotJson(String),
    /// JSON, but none of this app's files.
    UnknownFile,
    /// A file of another kind than the one asked for.
    WrongKind {
        expected: FileKind,
        found: FileKind,
    },
    FutureVersion {
        kind: FileKind,
        version: u32,
    },
    UnknownVersion {
        kind: FileKind,
        version: u32,
    },
    WrongPlan {
        found: String,
        expected: String,
    },
    Shape(String),
    YearOutsidePlan(u16),
    /// The file names no 担当.
    NoOwner,
    /// A deadline that is not a day written `2026-05-15`.
    BadDeadline(String),
    UnknownInitiative(InitiativeId),
    DuplicateRow(InitiativeId),
    /// A review comment on a row the request does not ask for.
    CommentOutsideRows(InitiativeId),
    /// An answer whose `owner` is not the 担当 its request was sent to.
    OwnerMismatch {
        answer: String,
        request: String,
    },
    /// A progress record, refused by its own reader.
    Progress(DocumentError),
    /// The record inside a request or answer was refused.
    Record(DocumentError),
    /// A cell in the record inside a request that the request does not cover
    /// (another row, year or kind of cell).
    CellOutside(CellKey),
}

impl fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ExchangeError::*;
        match self {
            TooLarge { bytes, max } => write!(f, "the file is {bytes} bytes; at most {max} are accepted"),
            NotJson(e) => write!(f, "the file is not JSON: {e}"),
            UnknownFile => write!(f, "the file is not a progress record, request or answer of this app"),
            WrongKind { expected, found } => write!(f, "the file is a {found}, not a {expected}"),
            FutureVersion { kind, version } => {
                write!(f, "the {kind} is from a newer version of the app (format {version})")
            }
            UnknownVersion { kind, version } => write!(f, "{kind} format version {version} is unknown"),
            WrongPlan { found, expected } => write!(f, "the file belongs to plan {found:?}, not {expected:?}"),
            Shape(e) => write!(f, "the file's contents are malformed: {e}"),
            YearOutsidePlan(y) => write!(f, "fiscal year {y} is outside the plan"),
            NoOwner => write!(f, "the file names no 担当"),
            BadDeadline(text) => write!(f, "the deadline {text:?} is not a date written YYYY-MM-DD"),
            UnknownInitiative(id) => write!(f, "initiative {id} is not in the plan"),
            DuplicateRow(id) => write!(f, "initiative {id} is asked for twice"),
            CommentOutsideRows(id) => write!(f, "a comment on {id}, which the request does not ask for"),
            OwnerMismatch { answer, request } => {
                write!(f, "the answer is from {answer}, but its request was sent to {request}")
            }
            Progress(e) => e.fmt(f),
            Record(e) => write!(f, "the record in the file: {e}"),
            CellOutside(key) => {
                write!(f, "the record in the file holds {}, which the request does not cover", cell_en(*key))
            }
        }
    }
}

impl std::error::Error for ExchangeError {}

/// `initiative 2-①-a, FY2024`: a cell as the English messages name it.
pub(crate) fn cell_en(key: CellKey) -> String {
    match key {
        CellKey::Initiative(id, year) => format!("initiative {id}, FY{year}"),
        CellKey::Kpi(code, year) => format!("KPI {code}, FY{year}"),
        CellKey::Council(policy, year) => format!("the council's opinion on basic policy {policy}, FY{year}"),
        CellKey::Review(id, year) => format!("the review of initiative {id}, FY{year}"),
        CellKey::Year(year) => format!("the closing and request settings of FY{year}"),
    }
}

/// The fields that say what a file is, read before the rest.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: serde_json::Value,
    #[serde(default)]
    version: serde_json::Value,
}

/// The kind of file `text` is, from its `format` alone (the rest is not
/// checked), so the UI can say what it was given before reading it.
pub fn sniff(text: &str, max_bytes: usize) -> Result<FileKind, ExchangeError> {
    header(text, max_bytes)
}

/// The kind of a file, refusing one that is too large, not JSON, none of
/// ours, or newer than this app. Only `format` and `version` are kept: the
/// rest is skipped over, not built. (A progress record's own reader reads
/// its header again: `document` is not this module's to change.)
pub(super) fn header(text: &str, max_bytes: usize) -> Result<FileKind, ExchangeError> {
    if text.len() > max_bytes {
        return Err(ExchangeError::TooLarge { bytes: text.len(), max: max_bytes });
    }
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ExchangeError::UnknownFile,
        _ => ExchangeError::NotJson(e.to_string()),
    })?;
    let kind = [FileKind::Progress, FileKind::Request, FileKind::Answer]
        .into_iter()
        .find(|k| header.format.as_str() == Some(k.format()))
        .ok_or(ExchangeError::UnknownFile)?;
    let version = header.version.as_u64().ok_or(ExchangeError::UnknownFile)?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > kind.version() {
        return Err(ExchangeError::FutureVersion { kind, version });
    }
    if version == 0 {
        return Err(ExchangeError::UnknownVersion { kind, version });
    }
    Ok(kind)
}

/// A file that must be of `kind`, read by that kind's `parse` once its
/// header says so.
pub(super) fn read_as<T>(
    kind: FileKind,
    parse: fn(&str, &Plan, usize) -> Result<T, ExchangeError>,
    text: &str,
    plan: &Plan,
    max_bytes: usize,
) -> Result<T, ExchangeError> {
    match header(text, max_bytes)? {
        found if found == kind => parse(text, plan, max_bytes),
        found => Err(ExchangeError::WrongKind { expected: kind, found }),
    }
}

/// The checks every exchanged file's own fields share: the plan and the year.
pub(super) fn check_plan_year(plan: &Plan, found: &str, year: FiscalYear) -> Result<(), ExchangeError> {
    if found != plan.plan.id {
        return Err(ExchangeError::WrongPlan { found: found.to_string(), expected: plan.plan.id.clone() });
    }
    if !plan.plan.fiscal_years.contains(year) {
        return Err(ExchangeError::YearOutsidePlan(year.0));
    }
    Ok(())
}

/// The record embedded in an exchanged file, read by the document's own
/// reader (the same checks as an import).
pub(super) fn embedded_record(
    raw: &serde_json::value::RawValue,
    plan: &Plan,
    max_bytes: usize,
) -> Result<Record, ExchangeError> {
    document::from_json(raw.get(), plan, max_bytes).map_err(ExchangeError::Record)
}

/// The record as a document embedded one level deep in a pretty-printed
/// file, indented to match for whoever opens the file in an editor (a line
/// break inside a JSON string is always escaped, so every one in the text
/// is between tokens).
pub(super) fn embed(record: &Record, plan_id: &str) -> Result<Box<serde_json::value::RawValue>, serde_json::Error> {
    let text = document::to_json(record, plan_id, None)?.replace('\n', "\n  ");
    serde_json::value::RawValue::from_string(text)
}

/// A JSON object read into a map, refusing a key written twice (a plain
/// map would keep the last one and drop the other unseen).
pub(super) fn unique_keys<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(PhantomData<(K, V)>);

    impl<'de, K: Deserialize<'de> + Ord + fmt::Display, V: Deserialize<'de>> Visitor<'de> for Unique<K, V> {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut map = BTreeMap::new();
            while let Some((key, value)) = access.next_entry::<K, V>()? {
                if map.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!("{key} appears twice")));
                }
                map.insert(key, value);
            }
            Ok(map)
        }
    }

    deserializer.deserialize_map(Unique(PhantomData))
}

#[cfg(test)]
#[path = "exchange_tests.rs"]
mod tests;
