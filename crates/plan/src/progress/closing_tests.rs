//! Tests of `progress::closing`: dates, closing and reopening a year, and
//! how edits, batches, undo, imports and other tabs meet a closed year.

use super::*;
use crate::plan::{InitiativeId, KpiCode, PolicyCode};
use crate::progress::edit::{Change, CouncilField, Edit, EditError, History, KpiField, TextField};
use crate::progress::merge::{merge, Refusal, Refused};
use crate::progress::sync::merge3;
use crate::progress::{Cell, CellKey, InitiativeCell};
use crate::test_support::{code, id};
use crate::timeline::DateError;

const FY: FiscalYear = FiscalYear(2024);

fn by(who: &str, t: i64) -> Stamp {
    Stamp { author: Some(who.into()), updated_at: t }
}

fn note(id: InitiativeId, year: FiscalYear, text: &str) -> Edit {
    Edit::Initiative { id, year, change: Change::Text(TextField::Note, text.into()) }
}

fn close(year: FiscalYear) -> Edit {
    Edit::CloseYear { year, reason: "取りまとめ完了".into() }
}

#[test]
fn dates_are_read_as_yyyy_mm_dd_and_only_days_of_the_calendar() {
    assert_eq!(CalendarDate::parse("2025-05-31").map(|d| d.to_string()), Ok("2025-05-31".into()));
    assert_eq!(CalendarDate::parse(" 2024-02-29 ").map(|d| (d.year, d.month, d.day)), Ok((2024, 2, 29)));
    for bad in ["2025-5-31", "2025/05/31", "20250531", "", "２０２５-05-31", "2025-05-3a", "+025-05-31", "2025-05-31x"]
    {
        assert_eq!(CalendarDate::parse(bad), Err(DateError::Format(bad.into())), "{bad}");
    }
    for missing in ["2025-02-29", "2100-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01"] {
        assert_eq!(CalendarDate::parse(missing), Err(DateError::NoSuchDay(missing.into())), "{missing}");
    }
    assert!(CalendarDate::parse("2000-02-29").is_ok());
    assert_eq!(serde_json::from_str::<CalendarDate>("\"2025-05-31\"").ok(), CalendarDate::new(2025, 5, 31));
    assert!(serde_json::from_str::<CalendarDate>("\"2025-02-30\"").is_err());
}

#[test]
fn a_closed_year_refuses_every_edit_of_its_cells_and_names_the_year() {
    let a = id("2-①-a");
    let mut record = Record::default();
    record.apply(&note(a, FY, "実施"), by("商工会", 1)).unwrap();
    record.apply(&close(FY), by("事務局", 2)).unwrap();
    assert!(record.is_closed(FY));
    let before = record.clone();
    let k = code("2-2");
    let refused = [
        note(a, FY, "直した"),
        Edit::ReplaceInitiative { id: a, year: FY, cell: None },
        Edit::KpiValue { code: k, year: FY, field: KpiField::Actual, value: Some(1.0) },
        Edit::KpiNote { code: k, year: FY, note: "x".into() },
        Edit::Council { policy: PolicyCode(2), year: FY, field: CouncilField::Opinion, text: "x".into() },
        Edit::Submit { id: a, year: FY, by: by("商工会", 3) },
        Edit::Confirm { id: a, year: FY, comment: String::new() },
        Edit::Unconfirm { id: a, year: FY },
        Edit::YearSettings { year: FY, deadline: None, instructions: "x".into() },
        // A batch is refused whole, its open year's edit included.
        Edit::Batch(vec![note(a, FiscalYear(2025), "翌年度"), note(a, FY, "直した")]),
    ];
    for edit in &refused {
        assert_eq!(record.apply(edit, by("商工会", 3)), Err(EditError::YearClosed(FY)), "{edit:?}");
        assert_eq!(record, before, "{edit:?} changed nothing");
    }
    assert_eq!(record.apply(&close(FY), by("事務局", 3)), Err(EditError::AlreadyClosed(FY)));
    // Other years stay open.
    record.apply(&note(a, FiscalYear(2025), "翌年度"), by("商工会", 4)).unwrap();
}

#[test]
fn reopening_needs_a_reason_and_the_history_says_who_why_and_when() {
    let a = id("2-①-a");
    let mut record = Record::default();
    assert_eq!(
        record.apply(&Edit::ReopenYear { year: FY, reason: "訂正".into() }, by("山田", 1)),
        Err(EditError::NotClosed(FY))
    );
    record.apply(&close(FY), by("事務局", 2)).unwrap();
    for blank in ["", " \u{3000}\n"] {
        let reopen = Edit::ReopenYear { year: FY, reason: blank.into() };
        assert_eq!(record.apply(&reopen, by("山田", 3)), Err(EditError::ReasonRequired(FY)));
    }
    record.apply(&Edit::ReopenYear { year: FY, reason: "数値の訂正".into() }, by("山田", 4)).unwrap();
    assert!(!record.is_closed(FY));
    record.apply(&note(a, FY, "訂正後"), by("山田", 5)).unwrap();
    let year = &record.years[&FY];
    assert_eq!((year.closed, year.reason.as_str(), &year.stamp), (false, "数値の訂正", &by("山田", 4)));
    let log = &record.history[&CellKey::Year(FY)].entries;
    let reopened: Vec<_> =
        log.iter().filter(|e| e.stamp == by("山田", 4)).map(|e| (e.field, e.after.as_str())).collect();
    assert_eq!(reopened, [(Field::Closed, ""), (Field::Reason, "数値の訂正")]);
    assert!(log.iter().any(|e| e.field == Field::Closed && e.after == "締め" && e.stamp == by("事務局", 2)));
}

#[test]
fn the_year_s_settings_are_kept_and_undone_like_any_edit() {
    let mut record = Record::default();
    let deadline = CalendarDate::parse("2025-05-31").ok();
    let settings = Edit::YearSettings { year: FY, deadline, instructions: "実績は数値で".into() };
    let undo = record.apply(&settings, by("事務局", 1)).unwrap();
    assert_eq!(record.years[&FY].deadline, deadline);
    let log = &record.history[&CellKey::Year(FY)].entries;
    assert!(log.iter().any(|e| e.field == Field::Deadline && e.after == "2025-05-31"));
    record.apply(&undo, by("事務局", 2)).unwrap();
    assert!(record.years.is_empty(), "nothing set: no year cell is kept");
}

#[test]
fn undo_across_a_closing_is_refused_and_kept_until_the_year_reopens() {
    let a = id("2-①-a");
    let mut record = Record::default();
    let mut history = History::default();
    history.apply(&mut record, &note(a, FY, "実施"), by("商工会", 1)).unwrap();
    // Closed from elsewhere (another tab, an import): not on this undo stack.
    record.apply(&close(FY), by("事務局", 2)).unwrap();
    let closed = record.clone();
    assert_eq!(history.undo(&mut record, by("商工会", 3)), Err(EditError::YearClosed(FY)));
    assert_eq!(record, closed);
    assert!(history.can_undo(), "the step is kept");
    record.apply(&Edit::ReopenYear { year: FY, reason: "訂正".into() }, by("事務局", 4)).unwrap();
    assert_eq!(history.undo(&mut record, by("商工会", 5)), Ok(true));
    assert!(record.initiatives.is_empty());
    // Closing is undone like any step of its own.
    history.apply(&mut record, &close(FY), by("事務局", 6)).unwrap();
    assert_eq!(history.undo(&mut record, by("事務局", 7)), Ok(true));
    assert!(!record.is_closed(FY));
    assert_eq!(
        history.apply(&mut record, &Edit::Batch(vec![close(FY), note(a, FY, "後")]), by("x", 8)),
        Err(EditError::YearClosed(FY))
    );
    assert!(!record.is_closed(FY), "a refused batch closes nothing");
}

/// 2-①-a's note in 2024 and the year's cell, as a colleague's record.
fn colleague(text: &str, t: i64, closing: Option<YearCell>) -> Record {
    let mut record = Record::default();
    let cell = InitiativeCell { note: text.into(), stamp: by("商工会", t), ..InitiativeCell::default() };
    record.initiatives.insert((id("2-①-a"), FY), cell);
    if let Some(year) = closing {
        record.years.insert(FY, year);
    }
    record
}

fn closed_year(t: i64) -> YearCell {
    YearCell { closed: true, reason: "取りまとめ完了".into(), stamp: by("事務局", t), ..YearCell::default() }
}

#[test]
fn a_file_does_not_change_a_closed_year_and_says_so() {
    let a = id("2-①-a");
    let local = colleague("確定", 1, Some(closed_year(5)));
    // Newer and older answers alike, and a cell the year did not have.
    let mut incoming = colleague("遅れて届いた回答", 9, None);
    incoming.initiatives.insert((id("1-①-a"), FY), InitiativeCell { note: "新規".into(), ..InitiativeCell::default() });
    incoming
        .initiatives
        .insert((a, FiscalYear(2025)), InitiativeCell { note: "翌年度".into(), ..InitiativeCell::default() });
    let out = merge(&local, &incoming);
    let why = Refusal::YearClosed { year: FY, closing: closed_year(5) };
    assert_eq!(
        out.refused,
        [
            Refused { key: CellKey::Initiative(id("1-①-a"), FY), why: why.clone() },
            Refused { key: CellKey::Initiative(a, FY), why },
        ]
    );
    assert_eq!(out.added, [CellKey::Initiative(a, FiscalYear(2025))], "other years are merged");
    assert!(out.changed.is_empty() && out.conflicts.is_empty());
    assert_eq!(out.merged.initiatives[&(a, FY)].note, "確定");
    // A file whose own closing is older (or another one) is no closer's file.
    let stale_closer = colleague("遅れて届いた回答", 9, Some(closed_year(4)));
    assert_eq!(merge(&local, &stale_closer).refused.len(), 1);
    let mut applied = local.clone();
    applied.apply(&out.edit().expect("the other year is added"), by("事務局", 10)).unwrap();
    assert!(applied.same_cells(&out.merged));
}

#[test]
fn the_closer_s_own_file_brings_the_closed_year_with_its_cells() {
    let a = id("2-①-a");
    // Here: the year as first closed. The file: reopened, corrected and
    // closed again by the office.
    let local = colleague("確定", 1, Some(closed_year(5)));
    let incoming = colleague("訂正済み", 7, Some(closed_year(8)));
    let out = merge(&local, &incoming);
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert_eq!(out.changed, [CellKey::Year(FY), CellKey::Initiative(a, FY)]);
    assert_eq!(out.merged.initiatives[&(a, FY)].note, "訂正済み");
    // Applied as one edit though the year is closed before and after; undone too.
    let mut applied = local.clone();
    let undo = applied.apply(&out.edit().expect("changes"), by("事務局", 10)).unwrap();
    assert!(applied.same_cells(&out.merged));
    applied.apply(&undo, by("事務局", 11)).unwrap();
    assert!(applied.same_cells(&local));
    // A file that reopens the year, newer: the year opens and its cells come.
    let reopened =
        YearCell { closed: false, reason: "訂正".into(), stamp: by("事務局", 6), ..YearCell::default() };
    let out = merge(&local, &colleague("訂正中", 6, Some(reopened)));
    assert!(out.refused.is_empty() && !out.merged.is_closed(FY));
    let mut applied = local.clone();
    applied.apply(&out.edit().expect("changes"), by("事務局", 10)).unwrap();
    assert_eq!(applied.initiatives[&(a, FY)].note, "訂正中");
    // A year closed by the file where it is open here: the closer's cells come.
    let open_here = colleague("下書き", 1, None);
    let out = merge(&open_here, &colleague("確定", 3, Some(closed_year(5))));
    assert!(out.refused.is_empty() && out.merged.is_closed(FY));
    let mut applied = open_here.clone();
    applied.apply(&out.edit().expect("changes"), by("事務局", 10)).unwrap();
    assert!(applied.same_cells(&out.merged));
}

#[test]
fn two_tabs_converge_on_a_closing_and_an_edit_made_before_it_was_seen() {
    let a = id("2-①-a");
    let base = colleague("下書き", 1, None);
    let mut closing_tab = base.clone();
    closing_tab.apply(&close(FY), by("事務局", 5)).unwrap();
    let mut typing_tab = base.clone();
    typing_tab.apply(&note(a, FY, "追記"), by("事務局", 6)).unwrap();
    let here = merge3(&base, &closing_tab, &typing_tab).merged;
    let there = merge3(&base, &typing_tab, &closing_tab).merged;
    assert_eq!(here, there);
    assert!(here.is_closed(FY));
    assert_eq!(here.initiatives[&(a, FY)].note, "追記");
    let mut after = here.clone();
    assert_eq!(after.apply(&note(a, FY, "さらに"), by("事務局", 7)), Err(EditError::YearClosed(FY)));
}

#[test]
fn a_year_cell_is_empty_only_with_nothing_set() {
    assert!(YearCell::default().is_empty());
    assert!(!YearCell { reason: "訂正".into(), ..YearCell::default() }.is_empty(), "a reopening's reason is kept");
    assert!(!YearCell { deadline: CalendarDate::new(2025, 5, 31), ..YearCell::default() }.is_empty());
    let _: KpiCode = code("2-2");
}

#[test]
fn undoing_an_import_made_before_a_closing_does_not_reopen_the_year() {
    let a = id("2-①-a");
    let mut record = Record::default();
    let mut history = History::default();
    // A file that set the year's deadline and a line, imported while open.
    let mut file = colleague("回答", 1, None);
    let deadline =
        YearCell { deadline: CalendarDate::new(2025, 5, 31), stamp: by("事務局", 1), ..YearCell::default() };
    file.years.insert(FY, deadline);
    let import = merge(&record, &file).edit().expect("changes");
    history.apply(&mut record, &import, by("事務局", 2)).unwrap();
    assert_eq!(record.initiatives[&(a, FY)].note, "回答");
    // Closed from another tab; the import's undo would set the year back.
    record.apply(&close(FY), by("事務局", 3)).unwrap();
    let closed = record.clone();
    assert_eq!(history.undo(&mut record, by("事務局", 4)), Err(EditError::YearClosed(FY)));
    assert_eq!(record, closed);
}
