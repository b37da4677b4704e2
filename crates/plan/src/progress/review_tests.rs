//! Tests of `progress::review`.

use super::*;
use crate::progress::edit::{Change, Edit, TextField};
use crate::progress::{CellKey, Grade, Status};
use crate::test_support::{id, plan};

const FY: FiscalYear = FiscalYear(2025);

fn by(who: &str, t: i64) -> Stamp {
    Stamp { author: Some(who.into()), updated_at: t }
}

fn note(id: InitiativeId, text: &str) -> Edit {
    Edit::Initiative { id, year: FY, change: Change::Text(TextField::Note, text.into()) }
}

#[test]
fn fnv1a_is_the_published_function() {
    // Test vectors of the FNV reference (isthe.com/chongo/tech/comp/fnv).
    assert_eq!(fnv1a(Fingerprint::OFFSET, b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(Fingerprint::OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a(Fingerprint::OFFSET, b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn a_line_s_fingerprint_is_pinned_and_ignores_who_wrote_it() {
    let cell = InitiativeCell {
        status: Some(Status::Done),
        results: "セミナー3回\n延べ45名".into(),
        grade: Some(Grade("B".into())),
        owners: vec!["商工観光課".into(), "商工会".into()],
        stamp: by("商工会", 1),
        ..InitiativeCell::default()
    };
    // Files keep fingerprints: this value must never change.
    assert_eq!(Fingerprint::of(Some(&cell)).to_string(), "d368e70c86fd37bb");
    let restamped = InitiativeCell { stamp: by("市", 2), written: Some(by("商工会", 1)), ..cell.clone() };
    assert_eq!(Fingerprint::of(Some(&restamped)), Fingerprint::of(Some(&cell)));
    assert_eq!(Fingerprint::of(None), Fingerprint::of(Some(&InitiativeCell::default())));
    assert_eq!(Fingerprint::of(None).to_string(), "cbf29ce484222325");
    // Moving text from one field to another is a change.
    let moved = InitiativeCell { results: String::new(), note: cell.results.clone(), ..cell.clone() };
    assert_ne!(Fingerprint::of(Some(&moved)), Fingerprint::of(Some(&cell)));
}

#[test]
fn fingerprints_are_16_hex_digits_in_files() {
    let f = Fingerprint(0x00ab_0000_0000_0001);
    let json = serde_json::to_string(&f).expect("serialises");
    assert_eq!(json, "\"00ab000000000001\"");
    assert_eq!(serde_json::from_str::<Fingerprint>(&json).ok(), Some(f));
    for bad in ["\"ab\"", "\"00ab00000000000g\"", "\"+0ab000000000001\"", "1", "\"00ab0000000000011\""] {
        assert!(serde_json::from_str::<Fingerprint>(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_line_goes_from_drafting_to_published_and_back_to_submitted_when_changed() {
    let plan = plan();
    let a = id("2-①-a");
    let mut record = Record::default();
    let state = |r: &Record, published: Option<&Record>| super::state(r, &plan, a, FY, published);
    assert_eq!(state(&record, None), ReviewState::Drafting);
    record.apply(&note(a, "説明会を実施"), by("商工会", 1)).unwrap();
    assert_eq!(state(&record, None), ReviewState::Drafting, "typing is no answer");
    record.apply(&Edit::Submit { id: a, year: FY, by: by("商工会", 2) }, by("事務局", 3)).unwrap();
    assert_eq!(
        state(&record, None),
        ReviewState::Submitted { answer: Some(by("商工会", 2)), changed_after_confirmation: None }
    );
    record.apply(&Edit::Confirm { id: a, year: FY, comment: "数値を確認".into() }, by("事務局", 4)).unwrap();
    let confirmation = Confirmation {
        fingerprint: Fingerprint::of(record.initiatives.get(&(a, FY))),
        by: by("事務局", 4),
        comment: "数値を確認".into(),
    };
    assert_eq!(state(&record, None), ReviewState::Confirmed(confirmation.clone()));
    assert!(is_confirmed(&record, &plan, a, FY));
    // Published: the published file says the same (whoever stamped it).
    let mut published = record.clone();
    published.initiatives.values_mut().for_each(|c| c.stamp = by("公表", 9));
    assert_eq!(state(&record, Some(&published)), ReviewState::Published(confirmation.clone()));
    assert_eq!(state(&record, Some(&Record::default())), ReviewState::Confirmed(confirmation.clone()));
    // A change after the confirmation: back to 提出済, saying who changed it.
    record.apply(&note(a, "説明会を2回実施"), by("商工会", 5)).unwrap();
    let back = ReviewState::Submitted {
        answer: Some(by("商工会", 2)),
        changed_after_confirmation: Some(ChangedAfterConfirmation {
            confirmation: confirmation.clone(),
            changed: Some(by("商工会", 5)),
        }),
    };
    assert_eq!(state(&record, Some(&published)), back);
    // Changed back to what was confirmed: confirmed again.
    record.apply(&note(a, "説明会を実施"), by("商工会", 6)).unwrap();
    assert_eq!(state(&record, None), ReviewState::Confirmed(confirmation));
    // Cleared after the confirmation: the clearing says who.
    record.apply(&note(a, ""), by("市", 7)).unwrap();
    let ReviewState::Submitted { changed_after_confirmation: Some(why), .. } = state(&record, None) else {
        panic!("{:?}", state(&record, None))
    };
    assert_eq!(why.changed, Some(by("市", 7)));
}

#[test]
fn confirming_and_unconfirming_undo_exactly_and_are_in_the_history() {
    let plan = plan();
    let a = id("2-①-a");
    let mut record = Record::default();
    record.apply(&note(a, "実施"), by("商工会", 1)).unwrap();
    record.apply(&Edit::Submit { id: a, year: FY, by: by("商工会", 1) }, by("事務局", 2)).unwrap();
    let submitted = record.clone();
    let undo = record.apply(&Edit::Confirm { id: a, year: FY, comment: "了解".into() }, by("事務局", 3)).unwrap();
    let confirmed = record.clone();
    record.apply(&undo, by("事務局", 4)).unwrap();
    assert_eq!(
        record.reviews,
        submitted.reviews.iter().map(|(k, c)| (*k, ReviewCell { stamp: by("事務局", 4), ..c.clone() })).collect()
    );
    let unconfirm = record.apply(&Edit::Unconfirm { id: a, year: FY }, by("事務局", 5)).unwrap();
    assert!(matches!(state(&record, &plan, a, FY, None), ReviewState::Submitted { .. }));
    record.apply(&Edit::Confirm { id: a, year: FY, comment: "了解".into() }, by("事務局", 3)).unwrap();
    assert_eq!(record.reviews, confirmed.reviews);
    record.apply(&unconfirm, by("事務局", 6)).unwrap();
    let log = &record.history[&CellKey::Review(a, FY)].entries;
    let steps: Vec<(&str, &str)> =
        log.iter().filter(|e| e.field == Field::Review).map(|e| (e.before.as_str(), e.after.as_str())).collect();
    let back_and_forth = [("確認済", "提出済"), ("提出済", "確認済"), ("確認済", "提出済")];
    assert_eq!(steps[..2], [("", "提出済"), ("提出済", "確認済")]);
    assert_eq!(steps[2..], back_and_forth, "decisions are never folded together as keystrokes are");
    assert!(log.iter().any(|e| e.field == Field::ReviewComment && e.after == "了解"));
    // Nothing answered nor confirmed: no review cell is kept.
    record.apply(&Edit::SetReview { id: a, year: FY, submitted: None, confirmed: None }, by("事務局", 7)).unwrap();
    assert!(record.reviews.is_empty());
    assert_eq!(record.cleared_at(CellKey::Review(a, FY)), Some(&by("事務局", 7)));
}

#[test]
fn a_re_listed_row_reads_its_original_s_review() {
    let plan = plan();
    let relisted = plan.initiatives.iter().find(|i| plan.record_id(i.id) != i.id).expect("the plan re-lists rows");
    let original = plan.record_id(relisted.id);
    let mut record = Record::default();
    record.apply(&note(original, "実施"), by("商工会", 1)).unwrap();
    record.apply(&Edit::Confirm { id: original, year: FY, comment: String::new() }, by("事務局", 2)).unwrap();
    assert!(is_confirmed(&record, &plan, relisted.id, FY));
    assert_eq!(state(&record, &plan, relisted.id, FY, None), state(&record, &plan, original, FY, None));
}
