//! Tests of `progress::publish`.

use super::*;
use crate::plan::{FiscalYear, KpiCode, PolicyCode};
use crate::progress::edit::{Change, CouncilField, Edit, KpiField, TextField};
use crate::progress::review::{state, ReviewState};
use crate::progress::Stamp;
use crate::test_support::{id, plan};

const FY: FiscalYear = FiscalYear(2025);

fn by(who: &str, t: i64) -> Stamp {
    Stamp { author: Some(who.into()), updated_at: t }
}

/// 1-①-a confirmed, 2-①-a answered only, 3-①-a confirmed then changed; a
/// KPI value, the council's words, and the year closed.
fn compiled() -> Record {
    let mut record = Record::default();
    let note = |line: &str, text: &str| Edit::Initiative {
        id: id(line),
        year: FY,
        change: Change::Text(TextField::Note, text.into()),
    };
    let edits = [
        note("1-①-a", "実施"),
        note("2-①-a", "未確認の回答"),
        note("3-①-a", "確認時"),
        Edit::Submit { id: id("1-①-a"), year: FY, by: by("商工会", 1) },
        Edit::Submit { id: id("2-①-a"), year: FY, by: by("商工会", 1) },
        Edit::Confirm { id: id("1-①-a"), year: FY, comment: "内部のメモ".into() },
        Edit::Confirm { id: id("3-①-a"), year: FY, comment: String::new() },
        note("3-①-a", "確認後に変更"),
        Edit::KpiValue { code: KpiCode { policy: 2, number: 2 }, year: FY, field: KpiField::Actual, value: Some(3.0) },
        Edit::Council { policy: PolicyCode(2), year: FY, field: CouncilField::Opinion, text: "意見".into() },
        Edit::CloseYear { year: FY, reason: "取りまとめ完了".into() },
    ];
    for (t, edit) in edits.iter().enumerate() {
        record.apply(edit, by("事務局", 10 + t as i64)).unwrap();
    }
    record
}

#[test]
fn only_confirmed_lines_are_published_and_the_rest_is_listed() {
    let plan = plan();
    let record = compiled();
    let out = public_record(&record, &plan, Scope::ConfirmedOnly);
    assert_eq!(out.withheld, [CellKey::Initiative(id("2-①-a"), FY), CellKey::Initiative(id("3-①-a"), FY)]);
    assert_eq!(out.record.initiatives.keys().collect::<Vec<_>>(), [&(id("1-①-a"), FY)]);
    assert!(!out.record.history.contains_key(&CellKey::Initiative(id("3-①-a"), FY)), "its words stay here");
    assert_eq!(out.record.kpis, record.kpis, "KPI values have no review: published");
    assert_eq!(out.record.council, record.council, "nor have the council's words");
    assert_eq!(out.record.years, record.years, "the closing travels");
    // Visitors see 公表 for the published line; only its confirmation travels.
    assert_eq!(out.record.reviews.keys().collect::<Vec<_>>(), [&(id("1-①-a"), FY)]);
    let review = &out.record.reviews[&(id("1-①-a"), FY)];
    assert_eq!(review.submitted, None);
    assert_eq!(review.confirmed.as_ref().map(|c| c.comment.as_str()), Some(""));
    assert!(!out.record.history.keys().any(|k| matches!(k, CellKey::Review(..))));
    assert!(matches!(state(&out.record, &plan, id("1-①-a"), FY, Some(&out.record)), ReviewState::Published(_)));
    // Here, against what was published.
    assert!(matches!(state(&record, &plan, id("1-①-a"), FY, Some(&out.record)), ReviewState::Published(_)));
    assert!(matches!(state(&record, &plan, id("3-①-a"), FY, Some(&out.record)), ReviewState::Submitted { .. }));
}

#[test]
fn everything_publishes_every_line_and_withholds_nothing() {
    let plan = plan();
    let record = compiled();
    let out = public_record(&record, &plan, Scope::Everything);
    assert!(out.withheld.is_empty());
    assert_eq!(out.record.initiatives, record.initiatives);
    // Only confirmations that hold travel: 3-①-a changed after its own.
    assert_eq!(out.record.reviews.keys().collect::<Vec<_>>(), [&(id("1-①-a"), FY)]);
    assert!(out.record.cleared.is_empty());
}

#[test]
fn an_empty_record_publishes_nothing() {
    let out = public_record(&Record::default(), &plan(), Scope::ConfirmedOnly);
    assert_eq!(out, Published::default());
}
