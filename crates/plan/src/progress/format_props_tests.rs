//! Property tests of the record's files: the JSON document reads back what it
//! wrote and refuses any damaged text with a reason (never a panic), and the
//! CSV sheets read back, cell by cell, to what was recorded.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::Value;

use super::csv::{
    format_local, format_number, format_utc, initiatives_csv, kpis_csv, UtcOffset, INITIATIVE_HEADER, KPI_HEADER,
};
use super::document::{from_json, to_json, to_json_stored, DocumentError, MAX_IMPORT_BYTES};
use super::{Cell, Record, Status};
use crate::plan::{FiscalYear, InitiativeId, KpiCode};
use crate::test_strategies::*;

const FIXTURE: &str = include_str!("../../tests/fixtures/progress-v1.json");

fn read(text: &str) -> Result<Record, DocumentError> {
    from_json(text, &PLAN, MAX_IMPORT_BYTES)
}

/// The lossless form (the one storage keeps, clearings included).
fn write(record: &Record) -> String {
    to_json_stored(record, &PLAN.plan.id).expect("a record serialises")
}

/// What reading any text may give: a refusal, or a record of the plan's own
/// cells with nothing empty in it, which reads back the same once written.
fn check_read(text: &str) -> Result<(), TestCaseError> {
    let Ok(record) = read(text) else { return Ok(()) };
    for ((id, year), cell) in &record.initiatives {
        prop_assert!(PLAN.initiative(*id).is_some(), "{id} is not in the plan");
        prop_assert!(PLAN.plan.fiscal_years.contains(*year), "{year} is outside the plan");
        prop_assert!(!cell.is_empty(), "an empty cell was kept");
    }
    for ((code, year), cell) in &record.kpis {
        prop_assert!(PLAN.kpi(*code).is_some(), "{code} is not in the plan");
        prop_assert!(PLAN.plan.fiscal_years.contains(*year), "{year} is outside the plan");
        prop_assert!(!cell.is_empty(), "an empty cell was kept");
    }
    prop_assert_eq!(read(&write(&record)), Ok(record));
    Ok(())
}

/// Damage to a document's text.
#[derive(Debug, Clone)]
enum Damage {
    Delete { at: Index, chars: usize },
    Insert { at: Index, text: &'static str },
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
}

/// What JSON, this format and its checks are touchy about.
#[rustfmt::skip]
const JSON_BITS: &[&str] = &[
    "\"", "{", "}", "[", "]", ",", ":", "\\", "\\u0000", "\\ud800", "null", "true", "0", "-1", "1.5", "1e999",
    "18446744073709551616", "2022", "2031", "\"9-①-a\"", "\"2-①-a\"", "\"9-9\"", "\"完了\"", "\"たぶん\"",
    "\"version\": 2,", "\"year\": 2031,", "\"updated_at\": 1,", "\u{0}", "💥", "\u{FEFF}", "\n",
];

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<Index>(), 1..8usize).prop_map(|(at, chars)| Damage::Delete { at, chars }),
        (any::<Index>(), select(JSON_BITS)).prop_map(|(at, text)| Damage::Insert { at, text }),
        any::<Index>().prop_map(Damage::DeleteLine),
        any::<Index>().prop_map(Damage::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Damage::SwapLines(a, b)),
    ]
}

fn damaged(text: &str, damage: &[Damage]) -> String {
    let mut text = text.to_string();
    for d in damage {
        let chars: Vec<char> = text.chars().collect();
        let mut lines: Vec<&str> = text.split('\n').collect();
        text = match d {
            Damage::Delete { at, chars: n } => {
                let from = at.index(chars.len() + 1);
                chars[..from].iter().chain(chars.iter().skip(from + n)).collect()
            }
            Damage::Insert { at, text: bit } => {
                let at = at.index(chars.len() + 1);
                let (head, tail) = chars.split_at(at);
                format!("{}{bit}{}", head.iter().collect::<String>(), tail.iter().collect::<String>())
            }
            Damage::DeleteLine(at) => {
                lines.remove(at.index(lines.len()));
                lines.join("\n")
            }
            Damage::DuplicateLine(at) => {
                let at = at.index(lines.len());
                lines.insert(at, lines[at]);
                lines.join("\n")
            }
            Damage::SwapLines(a, b) => {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
                lines.join("\n")
            }
        };
    }
    text
}

/// The document of `record` as a JSON value, to change one field of one row.
fn document_value(record: &Record) -> Value {
    serde_json::from_str(&write(record)).expect("the document is JSON")
}

fn non_empty_record() -> impl Strategy<Value = Record> {
    record().prop_filter("a row to change", |r| !r.initiatives.is_empty() || !r.kpis.is_empty())
}

/// Which initiative or KPI row of a record's document: `(true, n)` is the
/// n-th KPI row.
fn pick_row(record: &Record, at: Index) -> (bool, usize) {
    let n = at.index(record.initiatives.len() + record.kpis.len());
    if n < record.initiatives.len() {
        (false, n)
    } else {
        (true, n - record.initiatives.len())
    }
}

fn row_mut(doc: &mut Value, kpi: bool, n: usize) -> &mut Value {
    &mut doc[if kpi { "kpis" } else { "initiatives" }][n]
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_record_reads_back_from_its_document(record in record(), exported_at in proptest::option::of(any::<i64>())) {
        prop_assert_eq!(read(&write(&record)), Ok(record.clone()));
        // An export file holds the cells, not what was cleared.
        let json = to_json(&record, &PLAN.plan.id, exported_at).expect("serialises");
        prop_assert_eq!(read(&json), Ok(Record { cleared: Default::default(), ..record }));
    }

    #[test]
    fn any_text_is_read_or_refused_never_a_panic(text in any::<String>()) {
        check_read(&text)?;
    }

    #[test]
    fn any_bytes_are_read_or_refused_never_a_panic(bytes in vec(any::<u8>(), 0..256)) {
        check_read(&String::from_utf8_lossy(&bytes))?;
    }
}

// Each case below builds and reads a whole document: fewer cases.
proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_damaged_document_is_read_or_refused_never_a_panic(
        record in record(),
        fixture in any::<bool>(),
        damage in vec(damage(), 1..4),
    ) {
        let text = if fixture { FIXTURE.to_string() } else { write(&record) };
        check_read(&damaged(&text, &damage))?;
    }

    #[test]
    fn a_file_over_the_limit_is_refused_unread_and_one_within_it_is_read(record in record(), max in 0..4096usize) {
        let json = write(&record);
        let got = from_json(&json, &PLAN, max);
        if json.len() > max {
            prop_assert_eq!(got, Err(DocumentError::TooLarge { bytes: json.len(), max }));
        } else {
            prop_assert_eq!(got, Ok(record));
        }
    }

    #[test]
    fn only_versions_up_to_the_current_are_read_and_a_newer_one_says_so(
        record in record(),
        version in prop_oneof![0..6u64, any::<u32>().prop_map(u64::from)],
    ) {
        let mut doc = document_value(&record);
        doc["version"] = version.into();
        let got = read(&doc.to_string());
        match version {
            1..=4 => prop_assert_eq!(got, Ok(record)),
            0 => prop_assert_eq!(got, Err(DocumentError::UnknownVersion(0))),
            v => prop_assert_eq!(got, Err(DocumentError::FutureVersion(v as u32))),
        }
    }

    #[test]
    fn a_row_moved_to_another_year_is_read_there_or_refused_by_name(
        record in non_empty_record(),
        at in any::<Index>(),
        year in prop_oneof![2020..2031u16, any::<u16>()],
    ) {
        let (kpi, n) = pick_row(&record, at);
        let mut doc = document_value(&record);
        row_mut(&mut doc, kpi, n)["year"] = year.into();
        let got = read(&doc.to_string());
        let year = FiscalYear(year);
        let mut want = record.clone();
        let taken = if kpi {
            let ((code, old), cell) = record.kpis.iter().nth(n).map(|(k, c)| (*k, c.clone())).expect("row n");
            want.kpis.remove(&(code, old));
            want.kpis.insert((code, year), cell).is_some() || want.cleared.kpis.contains_key(&(code, year))
        } else {
            let ((id, old), cell) = record.initiatives.iter().nth(n).map(|(k, c)| (*k, c.clone())).expect("row n");
            want.initiatives.remove(&(id, old));
            want.initiatives.insert((id, year), cell).is_some() || want.cleared.initiatives.contains_key(&(id, year))
        };
        if !PLAN.plan.fiscal_years.contains(year) {
            prop_assert_eq!(got, Err(DocumentError::YearOutsidePlan(year.0)));
        } else if taken {
            prop_assert!(matches!(got, Err(DocumentError::Duplicate(_))), "{:?}", got);
        } else {
            prop_assert_eq!(got, Ok(want));
        }
    }

    #[test]
    fn a_row_listed_twice_is_refused(record in non_empty_record(), at in any::<Index>()) {
        let (kpi, n) = pick_row(&record, at);
        let mut doc = document_value(&record);
        let row = row_mut(&mut doc, kpi, n).clone();
        if let Some(rows) = doc[if kpi { "kpis" } else { "initiatives" }].as_array_mut() {
            rows.push(row);
        }
        let got = read(&doc.to_string());
        prop_assert!(matches!(got, Err(DocumentError::Duplicate(_))), "{:?}", got);
    }

    #[test]
    fn a_row_of_something_not_in_the_plan_is_refused_by_name(
        record in non_empty_record(),
        at in any::<Index>(),
        (policy, sub, letter) in (1..=9u8, 1..=9u8, proptest::char::range('a', 'z')),
    ) {
        let (kpi, n) = pick_row(&record, at);
        let mut doc = document_value(&record);
        if kpi {
            let code = KpiCode { policy, number: sub };
            prop_assume!(PLAN.kpi(code).is_none());
            row_mut(&mut doc, kpi, n)["code"] = code.to_string().into();
            prop_assert_eq!(read(&doc.to_string()), Err(DocumentError::UnknownKpi(code.to_string())));
        } else {
            let id = InitiativeId { policy, sub, letter };
            prop_assume!(PLAN.initiative(id).is_none());
            row_mut(&mut doc, kpi, n)["id"] = id.to_string().into();
            prop_assert_eq!(read(&doc.to_string()), Err(DocumentError::UnknownInitiative(id.to_string())));
        }
    }
}

// ---------------------------------------------------------------------------
// CSV

/// The documented defusing (`export::defuse`, OWASP): text starting with
/// `= + - @ TAB CR` gets a leading `'`; anything else is written as it is.
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Reads a sheet as Excel would: BOM, then a header and rows of equal length.
fn read_sheet(bytes: &[u8]) -> Result<(Vec<String>, Vec<Vec<String>>), TestCaseError> {
    let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") else {
        return Err(TestCaseError::fail("no BOM"));
    };
    prop_assert!(body.ends_with(b"\r\n"), "the last row ends in CRLF");
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_reader(body);
    let mut rows = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| TestCaseError::fail(format!("unreadable CSV: {e}")))?;
        rows.push(row.iter().map(str::to_string).collect::<Vec<_>>());
    }
    prop_assert!(!rows.is_empty(), "no header");
    let header = rows.remove(0);
    Ok((header, rows))
}

/// A stamp column: `YYYY-MM-DDThh:mm:ssZ` (the year may be longer, or
/// negative) back to seconds since the epoch, by the inverse of the writer's
/// calendar (Howard Hinnant's `days_from_civil`), checking every field's range.
fn utc_seconds(text: &str) -> Result<i64, TestCaseError> {
    let bad = || TestCaseError::fail(format!("not a UTC time: {text:?}"));
    let (date, time) = text.strip_suffix('Z').and_then(|t| t.split_once('T')).ok_or_else(bad)?;
    let mut date = date.rsplitn(3, '-');
    let (day, month, year) = (date.next().ok_or_else(bad)?, date.next().ok_or_else(bad)?, date.next().ok_or_else(bad)?);
    let number = |s: &str, len: usize| -> Result<i64, TestCaseError> {
        if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    let year: i64 = year.parse().map_err(|_| bad())?;
    let (month, day) = (number(month, 2)?, number(day, 2)?);
    let mut clock = time.split(':');
    let mut part = || clock.next().ok_or_else(bad).and_then(|s| number(s, 2));
    let (h, m, s) = (part()?, part()?, part()?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    prop_assert!((1..=12).contains(&month), "month in {:?}", text);
    prop_assert!(day >= 1 && day <= month_days[(month - 1) as usize], "day in {:?}", text);
    prop_assert!(h < 24 && m < 60 && s < 60, "time in {:?}", text);
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Ok(days * 86_400 + h * 3600 + m * 60 + s)
}

/// A stamp column back to seconds: the UTC text, defused like any text
/// (a year before 1 BC starts with `-`).
fn stamp_minutes(written: &str) -> Result<i64, TestCaseError> {
    let text = written.strip_prefix("'-").map_or(written.to_string(), |rest| format!("-{rest}"));
    prop_assert_eq!(defused(&text), written);
    local_minutes(&text)
}

/// `2026-11-25 23:03 +09:00` back to minutes since the epoch (UTC).
fn local_minutes(text: &str) -> Result<i64, TestCaseError> {
    let bad = || TestCaseError::fail(format!("not a local time with its offset: {text:?}"));
    let (rest, offset) = text.rsplit_once(' ').ok_or_else(bad)?;
    let (date, time) = rest.rsplit_once(' ').ok_or_else(bad)?;
    let sign = match offset.chars().next() {
        Some('+') => 1,
        Some('-') => -1,
        _ => return Err(bad()),
    };
    let (oh, om) = offset[1..].split_once(':').ok_or_else(bad)?;
    let offset: i64 = sign * (oh.parse::<i64>().map_err(|_| bad())? * 60 + om.parse::<i64>().map_err(|_| bad())?);
    let local = utc_seconds(&format!("{date}T{time}:00Z"))? / 60;
    Ok(local - offset)
}

/// A KPI value column: empty, a plain decimal that reads back as exactly
/// the value (never `-0`, never an exponent, never defused), or for a value
/// a sheet cannot hold as a number, its text.
fn check_value(written: &str, value: Option<f64>) -> Result<(), TestCaseError> {
    match value {
        None => prop_assert_eq!(written, ""),
        Some(v) if v.is_finite() => {
            let plain = written.strip_prefix('-').unwrap_or(written);
            prop_assert!(
                !plain.is_empty()
                    && plain.split('.').count() <= 2
                    && plain.bytes().all(|b| b.is_ascii_digit() || b == b'.'),
                "{:?} is not plain decimal",
                written
            );
            prop_assert!(written != "-0", "negative zero");
            prop_assert_eq!(written.parse::<f64>().ok(), Some(v), "{:?} reads back", written);
        }
        Some(v) => prop_assert_eq!(written, defused(&v.to_string())),
    }
    Ok(())
}

/// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z, in milliseconds.
const FOUR_DIGIT_YEARS: std::ops::Range<i64> = -62_135_596_800_000..253_402_300_800_000;

fn plan_years() -> Vec<FiscalYear> {
    PLAN.plan.fiscal_years.years().collect()
}

// Each case writes and reads 430 or 135 rows: fewer cases, larger records.
proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn the_initiatives_sheet_reads_back_to_the_record(record in record()) {
        let (header, rows) = read_sheet(&initiatives_csv(&PLAN, &record, UtcOffset::JST).expect("written"))?;
        prop_assert_eq!(header, INITIATIVE_HEADER);
        let keys: Vec<(InitiativeId, FiscalYear)> =
            PLAN.initiatives.iter().flat_map(|i| plan_years().into_iter().map(move |y| (i.id, y))).collect();
        prop_assert_eq!(rows.len(), keys.len(), "every initiative × every year");
        for (row, (id, year)) in rows.iter().zip(keys) {
            prop_assert_eq!(row.len(), INITIATIVE_HEADER.len());
            prop_assert_eq!((&row[0], &row[2]), (&year.to_string(), &id.to_string()));
            let at = |name: &str| INITIATIVE_HEADER.iter().position(|h| *h == name).unwrap_or(usize::MAX);
            let owners = record.owners(&PLAN, id, year).map(|(_, o)| o.join("、")).unwrap_or_default();
            prop_assert_eq!(&row[at("担当")], &defused(&owners));
            match record.initiative(&PLAN, id, year) {
                None => prop_assert!(row[at("進捗状況")..].iter().all(String::is_empty), "{:?}", row),
                Some(cell) => {
                    prop_assert_eq!(&row[at("進捗状況")], cell.status.map_or("", Status::as_ja));
                    prop_assert_eq!(&row[at("実績")], &defused(&cell.results));
                    prop_assert_eq!(&row[at("自己評価")], &defused(cell.grade.as_ref().map_or("", |g| g.0.as_str())));
                    prop_assert_eq!(&row[at("課題")], &defused(&cell.challenges));
                    let way = cell.way_forward.as_ref().map_or("", |w| w.0.as_str());
                    prop_assert_eq!(&row[at("今後の方向性")], &defused(way));
                    prop_assert_eq!(&row[at("根拠")], &defused(&super::csv::links_text(&cell.links)));
                    prop_assert_eq!(&row[at("メモ")], &defused(&cell.note));
                    let written = cell.author_stamp();
                    prop_assert_eq!(&row[at("記入者")], &defused(written.author.as_deref().unwrap_or("")));
                    prop_assert_eq!(stamp_minutes(&row[at("更新日時")])?, written.updated_at.div_euclid(60_000));
                }
            }
        }
    }

    #[test]
    fn the_kpi_sheet_reads_back_to_the_record(record in record_with_non_finite()) {
        let (header, rows) = read_sheet(&kpis_csv(&PLAN, &record, UtcOffset::JST).expect("written"))?;
        prop_assert_eq!(header, KPI_HEADER);
        let keys: Vec<(KpiCode, FiscalYear)> =
            PLAN.kpis.iter().flat_map(|k| plan_years().into_iter().map(move |y| (k.code, y))).collect();
        prop_assert_eq!(rows.len(), keys.len(), "every KPI × every year");
        for (row, (code, year)) in rows.iter().zip(keys) {
            prop_assert_eq!(row.len(), KPI_HEADER.len());
            prop_assert_eq!((&row[0], &row[2]), (&year.to_string(), &code.to_string()));
            match record.kpis.get(&(code, year)) {
                None => prop_assert!(row[5..].iter().all(String::is_empty), "{:?}", row),
                Some(cell) => {
                    check_value(&row[5], cell.baseline)?;
                    check_value(&row[6], cell.target)?;
                    check_value(&row[7], cell.actual)?;
                    prop_assert_eq!(&row[8], &defused(&cell.note));
                    prop_assert_eq!(&row[9], &defused(cell.stamp.author.as_deref().unwrap_or("")));
                    prop_assert_eq!(stamp_minutes(&row[10])?, cell.stamp.updated_at.div_euclid(60_000));
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_number_is_written_plainly_and_reads_back_exactly(n in finite()) {
        check_value(&format_number(n), Some(n))?;
    }

    #[test]
    fn a_stamp_is_written_as_its_local_minute_with_the_offset(
        ms in FOUR_DIGIT_YEARS,
        offset in -12 * 60..=14 * 60i32,
    ) {
        prop_assert_eq!(local_minutes(&format_local(ms, UtcOffset(offset)))?, ms.div_euclid(60_000));
    }

    #[test]
    fn a_stamp_is_written_as_its_utc_second(ms in any::<i64>()) {
        prop_assert_eq!(utc_seconds(&format_utc(ms))?, ms.div_euclid(1000));
    }

    /// "A sheet sorted on this column is in time order", for four-digit years.
    #[test]
    fn stamps_sort_as_text_in_time_order(a in FOUR_DIGIT_YEARS, b in FOUR_DIGIT_YEARS) {
        let (early, late) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(format_utc(early) <= format_utc(late), "{} {}", format_utc(early), format_utc(late));
    }
}

// ---------------------------------------------------------------------------
// Format 1 → 2

/// Any row of the plan, re-listed ones included (format 1 kept them apart);
/// half the time an original or its re-listed row in two years, so that both
/// often hold an answer for the same year.
fn any_row_key() -> impl Strategy<Value = (InitiativeId, FiscalYear)> {
    let ids: Vec<InitiativeId> = PLAN.initiatives.iter().map(|i| i.id).collect();
    let pairs: Vec<InitiativeId> = PLAN
        .initiatives
        .iter()
        .filter_map(|i| i.relisted_from.map(|original| [original, i.id]))
        .take(2)
        .flatten()
        .collect();
    let years: Vec<FiscalYear> = PLAN.plan.fiscal_years.years().collect();
    prop_oneof![(select(ids), select(years.clone())), (select(pairs), select(years[..2].to_vec()))]
}

/// A document as the released app wrote it: format 1, status and note only.
fn v1_document(rows: &std::collections::BTreeMap<(InitiativeId, FiscalYear), (Option<Status>, String, i64)>) -> String {
    let rows: Vec<Value> = rows
        .iter()
        .map(|(&(id, year), (status, note, at))| {
            let mut row = serde_json::json!({ "id": id.to_string(), "year": year.0, "updated_at": at });
            if let Some(s) = status {
                row["status"] = s.as_ja().into();
            }
            if !note.is_empty() {
                row["note"] = note.as_str().into();
            }
            row
        })
        .collect();
    serde_json::json!({ "format": "kama-sme-progress", "version": 1, "plan_id": PLAN.plan.id, "initiatives": rows })
        .to_string()
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn every_answer_of_a_format_1_file_is_in_the_record_it_loads_into(
        rows in proptest::collection::btree_map(any_row_key(), (status(), note(), 0..4i64), 0..12),
    ) {
        let record = read(&v1_document(&rows)).expect("a format 1 file loads");
        prop_assert!(record.initiatives.keys().all(|&(id, _)| PLAN.record_id(id) == id), "a re-listed row kept a cell");
        for (&(id, year), (status, note, _)) in &rows {
            let Some(cell) = record.initiative(&PLAN, id, year) else {
                prop_assert!(status.is_none() && note.is_empty(), "{id} {year}: an answer was lost");
                continue;
            };
            if let Some(s) = status {
                let kept = cell.status == Some(*s) || cell.note.contains(&format!("進捗状況: {}", s.as_ja()));
                prop_assert!(kept, "{id} {year}: status {s:?} lost");
            }
            prop_assert!(cell.note.contains(note.as_str()), "{id} {year}: note {note:?} lost");
        }
        check_read(&write(&record))?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Histories (and cells taken from someone else) read back as written.
    #[test]
    fn a_record_with_its_history_reads_back_from_storage(
        start in record(),
        edits in vec((initiative_key(), status(), note(), stamp(0..1_000_000i64)), 0..10),
    ) {
        let mut record = start;
        for ((id, year), status, note, stamp) in edits {
            // An edit of a year the record has closed is refused: nothing to write.
            let text = super::edit::Change::Text(super::edit::TextField::Note, note);
            let _ = record.apply(&super::edit::Edit::Initiative { id, year, change: text }, stamp.clone());
            let status = super::edit::Change::Status(status);
            let _ = record.apply(&super::edit::Edit::Initiative { id, year, change: status }, stamp);
        }
        prop_assert_eq!(read(&write(&record)), Ok(record));
    }
}
