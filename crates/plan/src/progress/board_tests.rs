//! Tests of `progress::board`.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::progress::request::{make_requests, Issue};
use crate::progress::{Stamp, Status};
use crate::test_strategies::{config, record, PLAN};
use crate::test_support::{id, plan, round_record};

const YEAR: FiscalYear = FiscalYear(2025);

fn day(d: u8) -> CalendarDate {
    CalendarDate { year: 2026, month: 5, day: d }
}

fn due(today: u8) -> Option<Due> {
    Some(Due { deadline: day(15), today: day(today) })
}

/// The round record with 商工会's 1-①-b answered, 3-①-a half done (a status,
/// no 実績) and 1-①-c holding only its 担当.
fn answered() -> Record {
    let mut record = round_record();
    let cell = InitiativeCell {
        status: Some(Status::Done),
        results: "相談会を12回開催".into(),
        stamp: Stamp { author: Some("商工会".into()), updated_at: 9 },
        ..InitiativeCell::default()
    };
    record.initiatives.insert((id("1-①-b"), YEAR), cell);
    record
}

#[test]
fn a_row_is_answered_once_status_and_results_are_there() {
    let with = |f: &dyn Fn(&mut InitiativeCell)| {
        let mut cell = InitiativeCell::default();
        f(&mut cell);
        row_state(Some(&cell))
    };
    assert_eq!(row_state(None), RowState::Empty);
    assert_eq!(with(&|c| c.owners = vec!["商工会".into()]), RowState::Empty, "a 担当 alone is no answer");
    assert_eq!(with(&|c| c.results = " \n".into()), RowState::Empty);
    assert_eq!(with(&|c| c.status = Some(Status::Done)), RowState::Partial);
    assert_eq!(with(&|c| c.note = "確認中".into()), RowState::Partial);
    assert_eq!(
        with(&|c| {
            c.status = Some(Status::Done);
            c.results = "実施".into();
        }),
        RowState::Answered
    );
}

#[test]
fn the_board_counts_each_owners_rows_most_missing_first() {
    let plan = plan();
    let conflicts =
        BTreeSet::from([CellKey::Initiative(id("1-①-c"), YEAR), CellKey::Kpi(crate::test_support::code("1-1"), YEAR)]);
    let submitted = BTreeMap::from([(id("1-①-b"), 500), (id("3-①-a"), 700), (id("1-①-a"), 100)]);
    let board = board(&plan, &answered(), YEAR, due(16), &conflicts, |i| submitted.get(&i).copied());

    let summary: Vec<_> = board
        .owners
        .iter()
        .map(|o| {
            (o.owner.as_str(), o.requested(), o.answered, o.partial, o.empty, o.in_conflict, o.overdue, o.last_answer)
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("商工会", 3, 1, 1, 1, 1, 2, Some(700)),
            ("商工会議所", 1, 0, 0, 1, 1, 1, None),
            ("商工観光課", 1, 0, 0, 1, 0, 1, Some(100)),
        ]
    );
    let rows = &board.owners[0].rows;
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [id("1-①-b"), id("1-①-c"), id("3-①-a")]);
    assert_eq!(
        rows[0],
        BoardRow {
            id: id("1-①-b"),
            state: RowState::Answered,
            in_conflict: false,
            overdue: false,
            submitted_at: Some(500)
        }
    );
    assert_eq!(board.unassigned.len(), 75 - 4);
    assert!(board.unassigned.iter().all(|r| r.state == RowState::Empty && r.overdue));
}

#[test]
fn nothing_is_overdue_on_the_deadline_or_without_one() {
    let plan = plan();
    let none = BTreeSet::new();
    for due in [due(15), due(1), None] {
        let board = board(&plan, &answered(), YEAR, due, &none, |_| None);
        assert!(board.owners.iter().all(|o| o.overdue == 0), "{due:?}");
    }
}

#[test]
fn a_request_opened_lists_its_rows_to_do() {
    let plan = plan();
    let issue =
        Issue { year: YEAR, deadline: day(15), instructions: String::new(), issued_by: "市".into(), issued_at: 1 };
    let requests = make_requests(&plan, &round_record(), &issue, &BTreeMap::new());
    let request = requests.iter().find(|r| r.owner.as_str() == "商工会").expect("asked");
    let rows = to_do(&answered(), request, due(20));
    let states: Vec<_> = rows.iter().map(|r| (r.id, r.state, r.overdue)).collect();
    assert_eq!(
        states,
        [
            (id("1-①-b"), RowState::Answered, false),
            (id("1-①-c"), RowState::Empty, true),
            (id("3-①-a"), RowState::Partial, true)
        ]
    );
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn counts_add_up_and_missing_comes_first(record in record(), today in 1u8..28) {
        let plan = &*PLAN;
        for year in plan.plan.fiscal_years.years() {
            let board = board(plan, &record, year, due(today), &BTreeSet::new(), |_| None);
            for o in &board.owners {
                prop_assert_eq!(o.answered + o.partial + o.empty, o.requested());
                prop_assert_eq!(o.overdue, if today > 15 { o.missing() } else { 0 });
            }
            prop_assert!(board.owners.windows(2).all(|w| w[0].missing() >= w[1].missing()));
            let listed: BTreeSet<InitiativeId> =
                board.owners.iter().flat_map(|o| &o.rows).chain(&board.unassigned).map(|r| r.id).collect();
            prop_assert_eq!(listed.len(), 75, "every row is somewhere");
        }
    }
}
