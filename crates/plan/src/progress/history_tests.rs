//! Tests of `progress::history`.

use proptest::prelude::*;

use super::*;
use crate::plan::FiscalYear;
use crate::progress::edit::{Change, Edit, TextField};
use crate::progress::{Cell, InitiativeCell, Record, Status};
use crate::test_strategies::config;
use crate::test_support::id;

const FY: FiscalYear = FiscalYear(2025);

fn by(author: &str, at: i64) -> Stamp {
    Stamp { author: Some(author.into()), updated_at: at }
}

fn key() -> CellKey {
    CellKey::Initiative(id("2-①-a"), FY)
}

fn note(text: &str) -> Edit {
    Edit::Initiative { id: id("2-①-a"), year: FY, change: Change::Text(TextField::Note, text.into()) }
}

fn entries(record: &Record) -> Vec<(Field, &str, &str, Option<&str>, i64)> {
    record.history.get(&key()).map_or(Vec::new(), |h| {
        h.entries
            .iter()
            .map(|e| (e.field, e.before.as_str(), e.after.as_str(), e.stamp.author.as_deref(), e.stamp.updated_at))
            .collect()
    })
}

#[test]
fn each_changed_field_is_one_entry_with_before_after_who_and_when() {
    let mut record = Record::default();
    let status = Edit::Initiative { id: id("2-①-a"), year: FY, change: Change::Status(Some(Status::Delayed)) };
    record.apply(&status, by("商工観光課", 1_000)).unwrap();
    record.apply(&status, by("商工観光課", 2_000)).unwrap();
    let done = Edit::Initiative { id: id("2-①-a"), year: FY, change: Change::Status(Some(Status::Done)) };
    record.apply(&done, by("商工会", 3_000)).unwrap();
    assert_eq!(
        entries(&record),
        [
            (Field::Status, "", "遅れ", Some("商工観光課"), 1_000),
            (Field::Status, "遅れ", "完了", Some("商工会"), 3_000),
        ],
        "setting the same value again is no change"
    );
}

#[test]
fn typing_is_one_entry_per_person_and_pause_and_typing_back_is_none() {
    let mut record = Record::default();
    for (n, text) in ["説", "説明", "説明会"].into_iter().enumerate() {
        record.apply(&note(text), by("A", 1_000 + n as i64 * 500)).unwrap();
    }
    assert_eq!(entries(&record), [(Field::Note, "", "説明会", Some("A"), 2_000)]);
    // Someone else, or the same person after a pause: a new entry.
    record.apply(&note("説明会を開催"), by("B", 3_000)).unwrap();
    record.apply(&note("説明会を2回開催"), by("B", 3_000 + TYPING_SPAN_MS)).unwrap();
    assert_eq!(entries(&record).len(), 3);
    // Typed and erased again at once: nothing is left to tell.
    let mut erased = Record::default();
    erased.apply(&note("x"), by("A", 1)).unwrap();
    erased.apply(&note(""), by("A", 2)).unwrap();
    assert!(entries(&erased).is_empty());
}

#[test]
fn a_cell_keeps_its_latest_entries_and_counts_the_rest() {
    let mut record = Record::default();
    for n in 0..(MAX_ENTRIES as i64 + 7) {
        record.apply(&note(&n.to_string()), by(&format!("記入者{n}"), n)).unwrap();
    }
    let history = &record.history[&key()];
    assert_eq!(history.entries.len(), MAX_ENTRIES);
    assert_eq!(history.omitted, 7);
    assert_eq!(history.entries[0].after, "7");
}

#[test]
fn a_cell_taken_from_someone_else_says_whose_words_they_are() {
    let mut record = Record::default();
    record.apply(&note("自分の記録"), by("市", 1)).unwrap();
    let theirs =
        InitiativeCell { note: "同僚の記録".into(), stamp: by("商工会", 5), ..InitiativeCell::default() };
    let taken = InitiativeCell { stamp: by("市", 9), written: Some(theirs.stamp.clone()), ..theirs.clone() };
    record.apply(&Edit::ReplaceInitiative { id: id("2-①-a"), year: FY, cell: Some(taken) }, by("市", 9)).unwrap();
    let last = record.history[&key()].entries.last().cloned().unwrap();
    assert_eq!((last.before.as_str(), last.after.as_str()), ("自分の記録", "同僚の記録"));
    assert_eq!(last.stamp, by("市", 9), "who decided, and when");
    assert_eq!(last.from, Some(by("商工会", 5)), "whose words");
    let cell = &record.initiatives[&(id("2-①-a"), FY)];
    assert_eq!(cell.author_stamp(), &by("商工会", 5), "the cell's author is still the colleague");
}

fn entry() -> impl Strategy<Value = Entry> {
    let field = proptest::sample::select(vec![Field::Status, Field::Note, Field::Results]);
    let text = proptest::sample::select(vec!["", "a", "b"]).prop_map(str::to_string);
    let author = proptest::sample::select(vec!["市", "商工会"]).prop_map(|a| Some(a.to_string()));
    (field, text.clone(), text, author, 0..20i64).prop_map(|(field, before, after, author, at)| Entry {
        field,
        before,
        after,
        stamp: Stamp { author, updated_at: at },
        from: None,
    })
}

fn history() -> impl Strategy<Value = CellHistory> {
    proptest::collection::vec(entry(), 0..12).prop_map(|entries| {
        let mut h = CellHistory::default();
        h.union(&CellHistory { entries, omitted: 0 });
        h
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn histories_combine_without_duplicates_in_any_order(a in history(), b in history()) {
        let mut ab = a.clone();
        ab.union(&b);
        let mut ba = b.clone();
        ba.union(&a);
        prop_assert_eq!(&ab, &ba, "the same, whichever side merges");
        let mut again = ab.clone();
        again.union(&b);
        prop_assert_eq!(&again, &ab, "merging twice adds nothing");
        for (n, e) in ab.entries.iter().enumerate() {
            prop_assert!(!ab.entries[n + 1..].contains(e), "a duplicate entry");
        }
        for e in a.entries.iter().chain(&b.entries) {
            prop_assert!(ab.entries.contains(e), "an entry was lost");
        }
        prop_assert!(ab.entries.windows(2).all(|w| w[0].stamp.updated_at <= w[1].stamp.updated_at), "time order");
    }
}

#[test]
fn a_cell_imported_where_there_was_none_brings_only_its_own_history() {
    let theirs =
        InitiativeCell { note: "同僚の記録".into(), stamp: by("商工会", 5), ..InitiativeCell::default() };
    let mut record = Record::default();
    record.apply(&Edit::ReplaceInitiative { id: id("2-①-a"), year: FY, cell: Some(theirs) }, by("市", 9)).unwrap();
    assert!(entries(&record).is_empty(), "the file's own entries say how it came to be");
}

#[test]
fn a_field_is_named_as_files_name_it() {
    for field in [Field::Status, Field::WayForward, Field::Opinion, Field::Actual] {
        let json = serde_json::to_string(&field).expect("serialises");
        assert_eq!(json, format!("\"{}\"", field.name()));
    }
}
