//! The progress record as CSV for Excel on Japanese Windows, one file for the
//! initiatives and one for the KPIs. Every initiative (or KPI) gets a row for
//! every fiscal year of the plan, recorded or not, so the sheet doubles as the
//! checklist of what is still to fill in.
//!
//! The rows themselves ([`initiative_rows`], [`kpi_rows`]) are shared with the
//! workbook (`progress::xlsx`), so the two downloads never disagree on columns.
//!
//! Like the plan's CSV, a code such as `2-2` may be turned into a date when
//! Excel opens the file; the workbook types its cells and so avoids that.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::edit::TextField;
use super::{join_owners, Cell, Link, Record, Stamp};
use crate::export::{defuse, write_row, ExportError, BOM};
use crate::kpi::{achievement, format_rate, format_value};
use crate::plan::{FiscalYear, Initiative, InitiativeId, KpiRole, Plan};

/// Columns of the initiatives sheet.
pub(crate) const INITIATIVE_HEADER: [&str; 16] = [
    "年度",
    "和暦",
    "ID",
    "体系分類1",
    "体系分類2",
    "取組",
    "担当",
    "進捗状況",
    "実績",
    "自己評価",
    "課題",
    "今後の方向性",
    "根拠",
    "メモ",
    "記入者",
    "更新日時",
];

/// Columns of the 評価シート: one year, one row per initiative, as councils read it.
pub(crate) const EVALUATION_HEADER: [&str; 10] =
    ["番号", "取組", "担当", "進捗状況", "実績", "自己評価", "課題", "今後の方向性", "関連する数値目標", "メモ"];

/// Columns of the KPI sheet.
pub(crate) const KPI_HEADER: [&str; 11] =
    ["年度", "和暦", "指標コード", "指標名", "単位", "基準値", "目標値", "実績値", "メモ", "記入者", "更新日時"];

/// One cell of a progress sheet, typed so that each format can write it
/// faithfully: the CSV neutralises text, the workbook keeps codes as text and
/// numbers as numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field<'a> {
    /// Plan text or staff's short text (empty when there is none).
    Text(Cow<'a, str>),
    /// Staff's free note: may span lines, so the workbook wraps it.
    Note(Cow<'a, str>),
    /// An id or code such as `2-2`, which spreadsheets would read as a date.
    Code(String),
    /// A year or a KPI value; always finite (see [`number`]).
    Number(f64),
}

/// Every initiative × every fiscal year of the plan, in plan order and then
/// year order, whether or not anything is recorded. A re-listed row (再掲)
/// shows its original's cell; 担当 is the one in force that year. Columns as
/// [`INITIATIVE_HEADER`].
pub(crate) fn initiative_rows<'a>(
    plan: &'a Plan,
    record: &'a Record,
    offset: UtcOffset,
) -> impl Iterator<Item = [Field<'a>; 16]> + 'a {
    let years = plan.plan.fiscal_years;
    plan.initiatives.iter().flat_map(move |initiative| {
        let policy = plan.policy(initiative.policy).map_or("", |p| p.name.as_str());
        let sub = plan.sub_policy(initiative.sub_policy_id()).map_or("", |s| s.name.as_str());
        let name = plan.display_name(initiative);
        years.years().map(move |year| {
            let cell = record.initiative(plan, initiative.id, year);
            let stamp = cell.map(|c| c.author_stamp());
            let [owners, status, results, grade, challenges, way_forward] =
                evaluation_fields(plan, record, initiative, year);
            [
                year_number(year),
                reiwa(year),
                Field::Code(initiative.id.to_string()),
                Field::Text(policy.into()),
                Field::Text(sub.into()),
                Field::Text(name.into()),
                owners,
                status,
                results,
                grade,
                challenges,
                way_forward,
                Field::Note(cell.map_or(String::new(), |c| links_text(&c.links)).into()),
                Field::Note(cell.map_or("", |c| c.note.as_str()).into()),
                author(stamp),
                updated_at(stamp, offset),
            ]
        })
    })
}

/// The 評価シート of `year`: every initiative in plan order (a re-listed row
/// shows its original's answers), or only those whose record is one of
/// `only` (a 担当's request), with its KPIs' target, actual and achievement
/// for the year. Columns as [`EVALUATION_HEADER`].
pub(crate) fn evaluation_rows<'a>(
    plan: &'a Plan,
    record: &'a Record,
    year: FiscalYear,
    only: Option<&'a BTreeSet<InitiativeId>>,
) -> impl Iterator<Item = [Field<'a>; 10]> + 'a {
    let asked = move |i: &&Initiative| only.is_none_or(|rows| rows.contains(&plan.record_id(i.id)));
    plan.initiatives.iter().filter(asked).map(move |initiative| {
        let cell = record.initiative(plan, initiative.id, year);
        let [owners, status, results, grade, challenges, way_forward] =
            evaluation_fields(plan, record, initiative, year);
        [
            Field::Code(initiative.id.to_string()),
            Field::Note(plan.display_name(initiative).into()),
            owners,
            status,
            results,
            grade,
            challenges,
            way_forward,
            Field::Note(kpis_text(plan, record, initiative, year).into()),
            Field::Note(cell.map_or("", |c| c.note.as_str()).into()),
        ]
    })
}

/// 担当 (as carried over), 進捗状況, 実績, 自己評価, 課題 and 今後の方向性 of one
/// initiative in `year`: the columns both sheets give in this order.
fn evaluation_fields<'a>(
    plan: &'a Plan,
    record: &'a Record,
    initiative: &Initiative,
    year: FiscalYear,
) -> [Field<'a>; 6] {
    let cell = record.initiative(plan, initiative.id, year);
    let text = |field: TextField| Field::Note(cell.map_or("", |c| c.text(field)).into());
    let owners = record.owners(plan, initiative.id, year).map(|(_, o)| join_owners(o)).unwrap_or_default();
    [
        Field::Text(owners.into()),
        Field::Text(cell.and_then(|c| c.status).map_or("", |s| plan.evaluation.status_ja(s)).into()),
        text(TextField::Results),
        Field::Code(cell.and_then(|c| c.grade.as_ref()).map_or(String::new(), |g| g.0.clone())),
        text(TextField::Challenges),
        Field::Text(cell.and_then(|c| c.way_forward.as_ref()).map_or("", |w| w.0.as_str()).into()),
    ]
}

/// 関連する数値目標 in one cell: a line per KPI the initiative names,
/// 「2-2 企業におけるデジタル化進捗割合: 目標値 30% / 実績値 31% / 達成率 103.3%」.
fn kpis_text(plan: &Plan, record: &Record, initiative: &Initiative, year: FiscalYear) -> String {
    let primary_first = initiative
        .kpis
        .iter()
        .filter(|k| k.role == KpiRole::Primary)
        .chain(initiative.kpis.iter().filter(|k| k.role == KpiRole::Related));
    let lines: Vec<String> = primary_first
        .filter_map(|link| plan.kpi(link.code))
        .map(|kpi| {
            let cell = record.kpis.get(&(kpi.code, year));
            let unit = kpi.unit.as_deref().unwrap_or("");
            let value = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{}{unit}", format_value(v)));
            let (target, actual) = (cell.and_then(|c| c.target), cell.and_then(|c| c.actual));
            let rate = achievement(actual, target).map_or_else(|| "—".to_string(), format_rate);
            format!("{} {}: 目標値 {} / 実績値 {} / 達成率 {rate}", kpi.code, kpi.name, value(target), value(actual))
        })
        .collect();
    lines.join("\n")
}

/// 根拠 in one cell: a line per link, its title (if any) then its address.
pub(crate) fn links_text(links: &[Link]) -> String {
    let lines: Vec<String> = links
        .iter()
        .map(|l| if l.title.is_empty() { l.url.clone() } else { format!("{} {}", l.title, l.url) })
        .collect();
    lines.join("\n")
}

/// Every KPI × every fiscal year of the plan, in plan order and then year
/// order. Columns as [`KPI_HEADER`].
pub(crate) fn kpi_rows<'a>(
    plan: &'a Plan,
    record: &'a Record,
    offset: UtcOffset,
) -> impl Iterator<Item = [Field<'a>; 11]> + 'a {
    let years = plan.plan.fiscal_years;
    plan.kpis.iter().flat_map(move |kpi| {
        years.years().map(move |year| {
            let cell = record.kpis.get(&(kpi.code, year));
            let stamp = cell.map(|c| c.author_stamp());
            [
                year_number(year),
                reiwa(year),
                Field::Code(kpi.code.to_string()),
                Field::Text(kpi.name.as_str().into()),
                Field::Text(kpi.unit.as_deref().unwrap_or("").into()),
                number(cell.and_then(|c| c.baseline)),
                number(cell.and_then(|c| c.target)),
                number(cell.and_then(|c| c.actual)),
                Field::Note(cell.map_or("", |c| c.note.as_str()).into()),
                author(stamp),
                updated_at(stamp, offset),
            ]
        })
    })
}

/// 取組進捗: one row per initiative and fiscal year (see [`initiative_rows`]).
pub fn initiatives_csv(plan: &Plan, record: &Record, offset: UtcOffset) -> Result<Vec<u8>, ExportError> {
    sheet_csv(INITIATIVE_HEADER, initiative_rows(plan, record, offset))
}

/// 数値目標: one row per KPI and fiscal year (see [`kpi_rows`]).
pub fn kpis_csv(plan: &Plan, record: &Record, offset: UtcOffset) -> Result<Vec<u8>, ExportError> {
    sheet_csv(KPI_HEADER, kpi_rows(plan, record, offset))
}

/// UTF-8 with BOM and CRLF, as the plan's own CSV.
fn sheet_csv<'a, const N: usize>(
    header: [&str; N],
    rows: impl Iterator<Item = [Field<'a>; N]>,
) -> Result<Vec<u8>, ExportError> {
    let mut out = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(BOM.to_vec());
    write_row(&mut out, header.iter().map(|h| h.to_string()).collect())?;
    for row in rows {
        let cells: Vec<Cow<'_, str>> = row.iter().map(csv_text).collect();
        out.write_record(cells.iter().map(|c| c.as_bytes()))?;
    }
    out.into_inner().map_err(|e| ExportError::Io(e.into_error()))
}

/// Text goes through `defuse` against formula injection. A number is left
/// alone: it is only digits, `.` and `-`, so a negative value stays a number
/// instead of becoming the text `'-5`.
fn csv_text<'f>(field: &'f Field<'_>) -> Cow<'f, str> {
    match field {
        Field::Text(text) | Field::Note(text) => defuse(text),
        Field::Code(code) => defuse(code),
        Field::Number(n) => Cow::Owned(format_number(*n)),
    }
}

/// `2023` rather than `2023.0`, `1234.5` as is: Rust prints the shortest text
/// that reads back as the same number, and never in exponent form.
pub(crate) fn format_number(n: f64) -> String {
    // `-0` would look like a typo in a sheet.
    if n == 0.0 {
        "0".to_string()
    } else {
        format!("{n}")
    }
}

/// A KPI value. Non-finite values cannot be numbers in a sheet (the workbook
/// would be refused by Excel), so they are written as text rather than lost.
fn number<'a>(value: Option<f64>) -> Field<'a> {
    match value {
        None => Field::Text(Cow::Borrowed("")),
        Some(n) if n.is_finite() => Field::Number(n),
        Some(n) => Field::Text(Cow::Owned(n.to_string())),
    }
}

fn year_number<'a>(year: FiscalYear) -> Field<'a> {
    Field::Number(f64::from(year.0))
}

/// `R5`: how staff name fiscal years in city documents.
fn reiwa<'a>(year: FiscalYear) -> Field<'a> {
    Field::Text(Cow::Owned(format!("R{}", year.reiwa())))
}

fn author<'a>(stamp: Option<&'a Stamp>) -> Field<'a> {
    Field::Text(stamp.and_then(|s| s.author.as_deref()).unwrap_or("").into())
}

fn updated_at<'a>(stamp: Option<&Stamp>, offset: UtcOffset) -> Field<'a> {
    Field::Text(stamp.map_or(Cow::Borrowed(""), |s| Cow::Owned(format_local(s.updated_at, offset))))
}

/// The time zone stamps are written in, as minutes east of UTC (Japan: +540).
/// The core reads no clock: the caller says where its staff are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcOffset(pub i32);

impl UtcOffset {
    pub const JST: UtcOffset = UtcOffset(9 * 60);
}

/// `2026-11-25 23:03 +09:00`: a stamp as local time with its offset, to the
/// minute, as staff read times; sorted as text it is in time order (one offset).
pub(crate) fn format_local(ms: i64, offset: UtcOffset) -> String {
    let local = ms.div_euclid(60_000).saturating_add(i64::from(offset.0));
    let days = local.div_euclid(1440);
    let of_day = local.rem_euclid(1440);
    let (year, month, day) = civil_from_days(days);
    let sign = if offset.0 < 0 { '-' } else { '+' };
    let off = offset.0.unsigned_abs();
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} {sign}{:02}:{:02}", of_day / 60, of_day % 60, off / 60, off % 60)
}

/// `20261125-2303`: local time to the minute, for file names.
pub(crate) fn format_local_compact(ms: i64, offset: UtcOffset) -> String {
    let local = ms.div_euclid(60_000).saturating_add(i64::from(offset.0));
    let (year, month, day) = civil_from_days(local.div_euclid(1440));
    let of_day = local.rem_euclid(1440);
    format!("{year:04}{month:02}{day:02}-{:02}{:02}", of_day / 60, of_day % 60)
}

/// `2026-11-25T14:03:00Z`: a stamp's milliseconds since the Unix epoch as UTC,
/// to the second. UTC because the stamp carries no time zone; a sheet sorted
/// on this column is in time order.
pub(crate) fn format_utc(ms: i64) -> String {
    let seconds = ms.div_euclid(1000);
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", of_day / 3600, of_day % 3600 / 60, of_day % 60)
}

/// Days since 1970-01-01 → proleptic Gregorian (year, month, day): Howard
/// Hinnant's `civil_from_days`, exact over the whole `i64` millisecond range.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
