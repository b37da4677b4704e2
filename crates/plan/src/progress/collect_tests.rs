//! Tests of `progress::collect`.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::*;
use crate::progress::request::RequestId;
use crate::progress::{Record, Stamp, Status};
use crate::test_strategies::{config, small_record};
use crate::test_support::id;

fn owner(name: &str) -> Owner {
    Owner::new(name).expect("a name")
}

fn answer(name: &str, answered_at: i64, cells: &[(&str, &str)]) -> Answer {
    let mut record = Record::default();
    for (initiative, results) in cells {
        let cell = InitiativeCell {
            status: Some(Status::InProgress),
            results: results.to_string(),
            stamp: Stamp { author: Some(name.into()), updated_at: answered_at },
            ..InitiativeCell::default()
        };
        record.initiatives.insert((id(initiative), FiscalYear(2025)), cell);
    }
    Answer {
        plan_id: "kama-sme-2023-2027".into(),
        year: FiscalYear(2025),
        owner: owner(name),
        author: format!("{name}の人"),
        answered_at,
        request: RequestId { owner: owner(name), issued_at: 1 },
        record,
    }
}

fn received(file: &str, answer: Answer) -> Received {
    Received { file: file.into(), answer }
}

fn files(collected: &Collected) -> Vec<&str> {
    collected.answers.iter().map(|r| r.file.as_str()).collect()
}

#[test]
fn a_later_answer_of_the_same_owner_wins_cell_by_cell() {
    let early = answer("商工会", 100, &[("1-①-b", "初回"), ("1-①-c", "そのまま"), ("3-①-a", "同じ")]);
    let late = answer("商工会", 200, &[("1-①-b", "訂正"), ("3-①-a", "同じ")]);
    let other = answer("商工会議所", 150, &[("1-①-c", "議所の回答")]);
    let collected = collect(vec![
        received("late.json", late.clone()),
        received("other.json", other),
        received("early.json", early),
    ]);

    assert_eq!(files(&collected), ["early.json", "other.json", "late.json"], "oldest first");
    let early_left: Vec<_> =
        collected.answers[0].answer.record.initiatives.keys().map(|(i, _)| i.to_string()).collect();
    assert_eq!(early_left, ["1-①-c"], "only what the later answer does not hold");
    assert_eq!(collected.answers[2].answer, late);
    assert_eq!(
        collected.superseded,
        [Superseded {
            key: CellKey::Initiative(id("1-①-b"), FiscalYear(2025)),
            file: "early.json".into(),
            by: "late.json".into()
        }],
        "3-①-a said the same: nothing is lost"
    );
    assert!(collected.duplicates.is_empty());
}

#[test]
fn the_same_answer_twice_is_reported_not_applied_twice() {
    let a = answer("商工会", 100, &[("1-①-b", "回答")]);
    let edited = answer("商工会", 100, &[("1-①-b", "手で直した回答")]);
    let collected = collect(vec![
        received("回答 (1).json", a.clone()),
        received("回答.json", a.clone()),
        received("回答-編集.json", edited),
    ]);
    assert_eq!(files(&collected), ["回答 (1).json"]);
    assert_eq!(
        collected.duplicates,
        [
            DuplicateFile { file: "回答-編集.json".into(), same_as: "回答 (1).json".into(), identical: false },
            DuplicateFile { file: "回答.json".into(), same_as: "回答 (1).json".into(), identical: true },
        ]
    );
    assert!(collected.superseded.is_empty());
}

#[test]
fn nothing_comes_of_nothing() {
    assert_eq!(collect(Vec::new()), Collected::default());
}

fn any_answer() -> impl Strategy<Value = Received> {
    let names = select(vec!["商工会", "商工会議所"]);
    let files = select(vec!["a.json", "b.json", "c.json"]);
    (files, names, 0..3i64, small_record(0..3)).prop_map(|(file, name, at, record)| {
        let mut answer = answer(name, at, &[]);
        answer.record = Record { initiatives: record.initiatives, ..Record::default() };
        received(file, answer)
    })
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn the_order_files_are_chosen_in_changes_nothing(
        (inputs, shuffled) in vec(any_answer(), 0..6).prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        prop_assert_eq!(collect(inputs), collect(shuffled));
    }

    #[test]
    fn every_cell_is_kept_superseded_or_in_a_reported_duplicate(inputs in vec(any_answer(), 0..6)) {
        let collected = collect(inputs.clone());
        prop_assert_eq!(collected.answers.len() + collected.duplicates.len(), inputs.len());
        for input in &inputs {
            let duplicate = collected.duplicates.iter().any(|d| d.file == input.file);
            for (&(id, year), cell) in &input.answer.record.initiatives {
                let key = CellKey::Initiative(id, year);
                let kept = collected.answers.iter().any(|r| {
                    r.answer.owner == input.answer.owner
                        && r.answer.record.initiatives.get(&(id, year)).is_some_and(|c| c.same_content(cell))
                });
                let superseded = collected.superseded.iter().any(|s| s.key == key && s.file == input.file);
                prop_assert!(kept || superseded || duplicate, "{} {:?} lost", input.file, key);
            }
        }
    }
}
