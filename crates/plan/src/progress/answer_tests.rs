//! Tests of `progress::answer`.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;
use crate::progress::document::{DocumentError, MAX_IMPORT_BYTES as MAX};
use crate::progress::exchange::ExchangeError as E;
use crate::progress::history::{CellHistory, Entry, Field};
use crate::progress::request::{make_requests, Issue};
use crate::progress::{InitiativeCell, KpiCell, Stamp, Status};
use crate::test_strategies::{config, record, PLAN};
use crate::test_support::{code, edited, id, plan, round_record};
use crate::timeline::CalendarDate;

fn owner(name: &str) -> Owner {
    Owner::new(name).expect("a name")
}

fn issue(year: u16) -> Issue {
    Issue {
        year: FiscalYear(year),
        deadline: CalendarDate { year: 2026, month: 5, day: 15 },
        instructions: String::new(),
        issued_by: "市".into(),
        issued_at: 1_000,
    }
}

fn request_to(name: &str) -> Request {
    make_requests(&plan(), &round_record(), &issue(2025), &BTreeMap::new())
        .into_iter()
        .find(|r| r.owner == owner(name))
        .expect("asked")
}

/// 商工会's record after filling in its 2025 rows (and one it was not asked).
fn filled() -> Record {
    let mut record = round_record();
    let mut put = |initiative: &str, results: &str| {
        let cell = InitiativeCell {
            status: Some(Status::InProgress),
            results: results.to_string(),
            stamp: Stamp { author: Some("商工会 太郎".into()), updated_at: 2_000 },
            ..InitiativeCell::default()
        };
        record.initiatives.insert((id(initiative), FiscalYear(2025)), cell);
    };
    put("1-①-b", "相談会を<b>12回</b>開催");
    put("3-①-a", "");
    put("2-①-a", "頼まれていない行");
    let key = CellKey::Initiative(id("1-①-b"), FiscalYear(2025));
    let entry = Entry {
        field: Field::Results,
        before: String::new(),
        after: "相談会を<b>12回</b>開催".into(),
        stamp: Stamp { author: Some("商工会 太郎".into()), updated_at: 2_000 },
        from: None,
    };
    record.history.insert(key, CellHistory { entries: vec![entry], omitted: 0 });
    record
}

#[test]
fn an_answer_holds_exactly_the_rows_asked_for_that_year() {
    let request = request_to("商工会");
    let answer = make_answer(&request, &filled(), " 商工会 太郎 ", 3_000);
    let keys: Vec<_> = answer.record.initiatives.keys().map(|(i, y)| (i.to_string(), y.0)).collect();
    // 1-①-c holds only its 担当 (still the 担当's row); 2-①-a was not asked.
    assert_eq!(keys, [("1-①-b".into(), 2025), ("1-①-c".into(), 2025), ("3-①-a".into(), 2025)]);
    assert_eq!(answer.record.history.len(), 1);
    assert!(answer.record.kpis.is_empty());
    assert_eq!(answer.author, "商工会 太郎");
    assert_eq!(answer.request, request.id());
    assert_eq!((answer.owner.as_str(), answer.year, answer.answered_at), ("商工会", FiscalYear(2025), 3_000));
}

#[test]
fn an_answer_reads_back_as_written() {
    let plan = plan();
    let answer = make_answer(&request_to("商工会"), &filled(), "商工会 太郎", 3_000);
    let json = answer.to_json().expect("writes");
    assert_eq!(read_answer(&json, &plan, MAX), Ok(answer));
    assert!(json.contains("\"format\": \"kama-sme-answer\""));
    assert!(json.contains("相談会を<b>12回</b>開催"));
}

fn refused(change: impl FnOnce(&mut serde_json::Value)) -> E {
    let answer = make_answer(&request_to("商工会"), &filled(), "商工会 太郎", 3_000);
    read_answer(&edited(&answer.to_json().expect("writes"), change), &plan(), MAX).expect_err("refused")
}

#[test]
fn hostile_answers_are_refused_with_what_is_wrong() {
    use serde_json::json;
    assert_eq!(
        refused(|v| v["plan"] = json!("x")),
        E::WrongPlan { found: "x".into(), expected: "kama-sme-2023-2027".into() }
    );
    assert_eq!(refused(|v| v["version"] = json!(7)), E::FutureVersion { kind: FileKind::Answer, version: 7 });
    assert_eq!(refused(|v| v["owner"] = json!("")), E::NoOwner);
    assert_eq!(
        refused(|v| v["owner"] = json!("商工会議所")),
        E::OwnerMismatch { answer: "商工会議所".into(), request: "商工会".into() }
    );
    assert!(matches!(refused(|v| v["request"] = json!("商工会")), E::Shape(_)));
    assert_eq!(
        refused(|v| v["record"]["initiatives"][0]["id"] = json!("7-①-a")),
        E::Record(DocumentError::UnknownInitiative("7-①-a".into()))
    );
    assert!(matches!(refused(|v| v["record"]["initiatives"][0]["status"] = json!("<b>")), E::Record(_)));
    assert_eq!(
        refused(|v| v["format"] = json!("kama-sme-request")),
        E::WrongKind { expected: FileKind::Answer, found: FileKind::Request }
    );
}

fn asked(name: &str) -> Asked {
    Asked::from(&request_to(name))
}

#[test]
fn an_answer_for_another_plan_year_or_owner_changes_nothing() {
    let plan = plan();
    let none = BTreeSet::new();
    let answer = make_answer(&request_to("商工会"), &filled(), "商工会 太郎", 3_000);
    let other_plan = Answer { plan_id: "x".into(), ..answer.clone() };
    assert_eq!(
        check_answer(&plan, &other_plan, None, &none),
        Err(AnswerError::WrongPlan { found: "x".into(), expected: plan.plan.id.clone() })
    );
    let last_year = Asked { year: FiscalYear(2024), ..asked("商工会") };
    assert_eq!(
        check_answer(&plan, &answer, Some(&last_year), &none),
        Err(AnswerError::WrongYear { asked: FiscalYear(2024), answered: FiscalYear(2025) })
    );
    assert_eq!(
        check_answer(&plan, &answer, Some(&asked("商工会議所")), &none),
        Err(AnswerError::WrongOwner { asked: owner("商工会議所"), answered: owner("商工会") })
    );
    let closed = BTreeSet::from([FiscalYear(2025)]);
    assert_eq!(
        check_answer(&plan, &answer, Some(&asked("商工会")), &closed),
        Err(AnswerError::YearClosed(FiscalYear(2025)))
    );
}

#[test]
fn what_was_not_asked_is_listed_not_merged() {
    let plan = plan();
    let mut answer = make_answer(&request_to("商工会"), &filled(), "商工会 太郎", 3_000);
    let extra = filled().initiatives[&(id("2-①-a"), FiscalYear(2025))].clone();
    answer.record.initiatives.insert((id("2-①-a"), FiscalYear(2025)), extra.clone());
    answer.record.initiatives.insert((id("1-①-b"), FiscalYear(2024)), extra);
    answer.record.kpis.insert((code("1-1"), FiscalYear(2025)), KpiCell { actual: Some(1.0), ..KpiCell::default() });
    answer.record.initiatives.remove(&(id("1-①-c"), FiscalYear(2025)));
    answer.record.cleared.initiatives.insert((id("1-①-c"), FiscalYear(2025)), Stamp::default());

    let check = check_answer(&plan, &answer, Some(&asked("商工会")), &BTreeSet::new()).expect("accepted");
    let applied: Vec<_> = check.record.initiatives.keys().map(|(i, y)| (i.to_string(), y.0)).collect();
    assert_eq!(applied, [("1-①-b".into(), 2025), ("3-①-a".into(), 2025)]);
    assert!(check.record.history.contains_key(&CellKey::Initiative(id("1-①-b"), FiscalYear(2025))));
    assert_eq!(
        check.not_applied,
        [
            (CellKey::Initiative(id("1-①-b"), FiscalYear(2024)), NotApplied::OtherYear { answered: FiscalYear(2025) }),
            (CellKey::Initiative(id("1-①-c"), FiscalYear(2025)), NotApplied::Clearing),
            (CellKey::Initiative(id("2-①-a"), FiscalYear(2025)), NotApplied::NotRequested),
            (CellKey::Kpi(code("1-1"), FiscalYear(2025)), NotApplied::NotARow),
        ]
    );

    // Without the request, every row of the year is taken.
    let check = check_answer(&plan, &answer, None, &BTreeSet::new()).expect("accepted");
    assert!(check.record.initiatives.contains_key(&(id("2-①-a"), FiscalYear(2025))));
    assert_eq!(check.not_applied.len(), 3);
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn any_answer_reads_back_and_applies_whole(record in record(), at in any::<i64>()) {
        let plan = &*PLAN;
        for year in plan.plan.fiscal_years.years() {
            for request in make_requests(plan, &record, &issue(year.0), &BTreeMap::new()) {
                let answer = make_answer(&request, &record, "商工会", at);
                let json = answer.to_json().expect("writes");
                let back = read_answer(&json, plan, MAX);
                prop_assert_eq!(back.as_ref(), Ok(&answer));
                let check = check_answer(plan, &answer, Some(&Asked::from(&request)), &BTreeSet::new());
                let check = check.expect("its own request");
                prop_assert!(check.not_applied.is_empty());
                prop_assert!(check.record.same_cells(&answer.record));
            }
        }
    }
}

const REQUEST_V1: &str = include_str!("../../tests/fixtures/request-v1.json");
const ANSWER_V1: &str = include_str!("../../tests/fixtures/answer-v1.json");

/// The fixture as written now: byte for byte, except that the record inside
/// is written in the progress format's current version.
fn written_now(fixture: &str) -> String {
    let embedded =
        format!("\"format\": \"kama-sme-progress\",\n    \"version\": {}", crate::progress::document::VERSION);
    fixture.replace("\"format\": \"kama-sme-progress\",\n    \"version\": 3", &embedded)
}

#[test]
fn the_first_versions_files_read_and_write_back_byte_for_byte() {
    let plan = plan();
    let request = crate::progress::request::read_request(REQUEST_V1, &plan, MAX).expect("the request fixture reads");
    let answer = read_answer(ANSWER_V1, &plan, MAX).expect("the answer fixture reads");
    assert_eq!(request.to_json().ok(), Some(written_now(REQUEST_V1)));
    assert_eq!(answer.to_json().ok(), Some(written_now(ANSWER_V1)));
    assert_eq!(answer.request, request.id());
    let check = check_answer(&plan, &answer, Some(&Asked::from(&request)), &BTreeSet::new()).expect("answers it");
    assert!(check.not_applied.is_empty());
    assert_eq!(check.record.initiatives.len(), 3);
}

#[test]
fn a_request_as_a_workbook_holds_only_its_rows_and_reads_back_as_it_was_sent() {
    let plan = plan();
    let request = request_to("商工会");
    let bytes = request.workbook(&plan, 1_000, crate::progress::csv::UtcOffset::JST).expect("written");
    let sheet = crate::progress::xlsx_import::read_evaluation_sheet(&plan, &request.start, &bytes).expect("read back");
    assert_eq!(sheet.year, request.year);
    assert!(sheet.changes.is_empty(), "unchanged, it changes nothing: {:?}", sheet.changes);
    // Read against a record without the answers it starts from, it brings
    // the request's rows that hold something (担当 carried over included),
    // and nothing else.
    let brought: BTreeSet<_> = crate::progress::xlsx_import::read_evaluation_sheet(&plan, &Record::default(), &bytes)
        .expect("read back")
        .changes
        .into_iter()
        .map(|c| c.id)
        .collect();
    let asked: BTreeSet<_> = request.rows.iter().copied().collect();
    let filled: BTreeSet<_> =
        request.start.initiatives.keys().filter(|(_, y)| *y == request.year).map(|(id, _)| *id).collect();
    assert!(!filled.is_empty());
    assert!(filled.is_subset(&brought));
    assert!(brought.is_subset(&asked));
    assert!(asked.len() < plan.initiatives.len(), "not the whole plan");
}

#[test]
fn lines_untouched_here_since_the_request_are_no_conflict_to_settle() {
    let request = request_to("商工会");
    let answer = make_answer(&request, &filled(), "商工会 太郎", 3_000);
    let mut local = round_record();
    let untouched = unchanged_since_request(&local, &answer);
    let answered: BTreeSet<_> = answer.record.initiatives.keys().map(|&(id, y)| CellKey::Initiative(id, y)).collect();
    assert_eq!(untouched, answered, "nothing changed here since the request was issued");
    // The 事務局 edits one line after issuing the request: that one is a conflict.
    let (&key, cell) =
        local.initiatives.iter_mut().find(|(k, _)| answer.record.initiatives.contains_key(*k)).expect("a line");
    cell.stamp.updated_at = request.issued_at + 1;
    let untouched = unchanged_since_request(&local, &answer);
    assert!(!untouched.contains(&CellKey::Initiative(key.0, key.1)));
    assert_eq!(untouched.len(), answered.len() - 1);
}
