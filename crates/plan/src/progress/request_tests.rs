//! Tests of `progress::request`.

use proptest::prelude::*;

use super::*;
use crate::progress::document::{DocumentError, MAX_IMPORT_BYTES};
use crate::progress::exchange::ExchangeError as E;
use crate::test_strategies::{config, record, PLAN};
use crate::test_support::{edited, id, plan, round_record};

const MAX: usize = MAX_IMPORT_BYTES;

pub(crate) fn issue() -> Issue {
    Issue {
        year: FiscalYear(2025),
        deadline: CalendarDate { year: 2026, month: 5, day: 15 },
        instructions: "5月15日までにご回答ください。<br>不明な点は商工観光課へ。".to_string(),
        issued_by: "嘉麻 花子".to_string(),
        issued_at: 1_778_000_000_000,
    }
}

fn owner(name: &str) -> Owner {
    Owner::new(name).expect("a name")
}

/// The requests of the round record's 2025, by 担当.
pub(crate) fn requests() -> BTreeMap<Owner, Request> {
    let comments = BTreeMap::from([
        (id("1-①-b"), "昨年度の実績に件数を添えてください。".to_string()),
        (id("2-①-a"), "担当のいない取組への意見".to_string()),
    ]);
    make_requests(&plan(), &round_record(), &issue(), &comments).into_iter().map(|r| (r.owner.clone(), r)).collect()
}

#[test]
fn each_owner_gets_its_rows_comments_and_last_years_cells() {
    let requests = requests();
    let owners: Vec<&str> = requests.keys().map(Owner::as_str).collect();
    assert_eq!(owners, ["商工会", "商工会議所", "商工観光課"]);

    let shokokai = &requests[&owner("商工会")];
    assert_eq!(shokokai.rows, [id("1-①-b"), id("1-①-c"), id("3-①-a")]);
    assert_eq!(shokokai.year, FiscalYear(2025));
    assert_eq!(shokokai.plan_id, "kama-sme-2023-2027");
    assert_eq!(shokokai.comments.keys().copied().collect::<Vec<_>>(), [id("1-①-b")]);
    let start: Vec<_> = shokokai.start.initiatives.keys().map(|(i, y)| (i.to_string(), y.0)).collect();
    assert_eq!(start, [("1-①-b".into(), 2024), ("1-①-c".into(), 2025), ("3-①-a".into(), 2025)]);
    assert!(shokokai.start.kpis.is_empty() && shokokai.start.history.is_empty());

    // 2023 is not last year: only 2024's cell of 1-①-a, whose 担当 carried over.
    let city = &requests[&owner("商工観光課")];
    assert_eq!(city.rows, [id("1-①-a")]);
    let years: Vec<u16> = city.start.initiatives.keys().map(|(_, y)| y.0).collect();
    assert_eq!(years, [2024]);
    assert!(city.comments.is_empty());
    assert_eq!(city.id(), RequestId { owner: owner("商工観光課"), issued_at: 1_778_000_000_000 });
}

#[test]
fn the_first_year_starts_from_itself_only() {
    let plan = plan();
    let requests =
        make_requests(&plan, &round_record(), &Issue { year: FiscalYear(2023), ..issue() }, &BTreeMap::new());
    let city = requests.iter().find(|r| r.owner == owner("商工観光課")).expect("asked");
    let years: Vec<u16> = city.start.initiatives.keys().map(|(_, y)| y.0).collect();
    assert_eq!(years, [2023]);
}

#[test]
fn a_request_reads_back_as_written_markup_and_all() {
    let plan = plan();
    for request in requests().values() {
        let json = request.to_json().expect("writes");
        assert_eq!(read_request(&json, &plan, MAX).as_ref(), Ok(request));
    }
    let json = requests()[&owner("商工会")].to_json().expect("writes");
    let back = read_request(&json, &plan, MAX).expect("reads");
    assert_eq!(
        back.start.initiatives[&(id("1-①-b"), FiscalYear(2024))].results,
        "<b>相談会</b> & \"窓口\" <script>x</script>"
    );
    assert!(back.instructions.contains("<br>"));
    assert!(json.contains("\"format\": \"kama-sme-request\""));
    assert!(json.contains("\"deadline\": \"2026-05-15\""));
}

fn refused(change: impl FnOnce(&mut serde_json::Value)) -> ExchangeError {
    let json = edited(&requests()[&owner("商工会")].to_json().expect("writes"), change);
    read_request(&json, &plan(), MAX).expect_err("refused")
}

#[test]
fn hostile_requests_are_refused_with_what_is_wrong() {
    use serde_json::json;
    assert_eq!(
        refused(|v| v["plan"] = json!("other-plan")),
        E::WrongPlan { found: "other-plan".into(), expected: "kama-sme-2023-2027".into() }
    );
    assert_eq!(refused(|v| v["version"] = json!(2)), E::FutureVersion { kind: FileKind::Request, version: 2 });
    assert_eq!(refused(|v| v["year"] = json!(2031)), E::YearOutsidePlan(2031));
    assert_eq!(refused(|v| v["owner"] = json!(" \u{3000}")), E::NoOwner);
    assert_eq!(refused(|v| v["deadline"] = json!("2026-02-30")), E::BadDeadline("2026-02-30".into()));
    assert_eq!(refused(|v| v["deadline"] = json!("2026/05/15")), E::BadDeadline("2026/05/15".into()));
    assert_eq!(refused(|v| v["rows"] = json!(["1-①-b", "9-①-a"])), E::UnknownInitiative(id("9-①-a")));
    assert_eq!(refused(|v| v["rows"] = json!(["1-①-b", "1-1-b"])), E::DuplicateRow(id("1-①-b")));
    assert_eq!(
        refused(|v| v["rows"] = json!(["3-①-a", "4-①-a"])),
        E::DuplicateRow(id("4-①-a")),
        "再掲 is its original"
    );
    assert_eq!(refused(|v| v["comments"] = json!({"1-①-a": "x"})), E::CommentOutsideRows(id("1-①-a")));
    assert!(matches!(refused(|v| v["rows"] = json!(["no-such"])), E::Shape(_)));
    assert!(matches!(refused(|v| v["issued_at"] = json!("today")), E::Shape(_)));
    assert!(matches!(refused(|v| v["start"] = json!([])), E::Record(DocumentError::NotAProgressFile)));
    assert_eq!(
        refused(|v| v["start"]["plan_id"] = json!("other")),
        E::Record(DocumentError::WrongPlan { found: "other".into(), expected: "kama-sme-2023-2027".into() })
    );
    assert_eq!(
        refused(|v| v["start"]["initiatives"][0]["id"] = json!("2-①-a")),
        E::CellOutside(CellKey::Initiative(id("2-①-a"), FiscalYear(2024)))
    );
    assert_eq!(
        refused(|v| v["start"]["initiatives"][0]["year"] = json!(2023)),
        E::CellOutside(CellKey::Initiative(id("1-①-b"), FiscalYear(2023)))
    );
}

#[test]
fn a_comment_written_twice_is_refused_not_half_read() {
    let json = requests()[&owner("商工会")].to_json().expect("writes");
    let twice = json.replacen("\"comments\": {", "\"comments\": {\n    \"1-①-b\": \"もう一つ\",", 1);
    assert!(matches!(read_request(&twice, &plan(), MAX), Err(E::Shape(e)) if e.contains("appears twice")), "{twice}");
}

#[test]
fn size_and_kind_are_checked_before_anything_else() {
    let plan = plan();
    let json = requests()[&owner("商工会")].to_json().expect("writes");
    assert_eq!(read_request(&json, &plan, 100), Err(E::TooLarge { bytes: json.len(), max: 100 }));
    let huge = format!("{{\"format\":\"kama-sme-request\",\"pad\":\"{}\"}}", "x".repeat(MAX));
    assert!(matches!(read_request(&huge, &plan, MAX), Err(E::TooLarge { .. })));
    let record = crate::progress::document::to_json(&round_record(), &plan.plan.id, None).expect("writes");
    assert_eq!(
        read_request(&record, &plan, MAX),
        Err(E::WrongKind { expected: FileKind::Request, found: FileKind::Progress })
    );
}

#[test]
fn a_late_request_still_opens_with_a_warning() {
    let request = &requests()[&owner("商工会")];
    let day = |d| CalendarDate { year: 2026, month: 5, day: d };
    let none = BTreeSet::new();
    assert_eq!(request.warnings(day(15), &none), [], "the deadline day itself is in time");
    assert_eq!(
        request.warnings(day(16), &none),
        [RequestWarning::DeadlinePassed { deadline: day(15), today: day(16) }]
    );
    let closed = BTreeSet::from([FiscalYear(2025)]);
    assert_eq!(request.warnings(day(1), &closed), [RequestWarning::YearClosed(FiscalYear(2025))]);
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn any_record_gives_requests_that_read_back(record in record(), comment in crate::test_strategies::note()) {
        let plan = &*PLAN;
        let comments = plan.initiatives.iter().map(|i| (i.id, comment.clone())).collect();
        for year in plan.plan.fiscal_years.years() {
            for request in make_requests(plan, &record, &Issue { year, ..issue() }, &comments) {
                let json = request.to_json().expect("writes");
                let back = read_request(&json, plan, MAX);
                prop_assert_eq!(back.as_ref(), Ok(&request));
            }
        }
    }
}
