//! Tests of `progress::assign`.

use super::*;
use crate::test_support::{id, plan};

pub(crate) fn with_owners(record: &mut Record, initiative: &str, year: u16, owners: &[&str]) {
    let cell = record.initiatives.entry((id(initiative), FiscalYear(year))).or_default();
    cell.owners = owners.iter().map(|o| o.to_string()).collect();
}

fn owner(name: &str) -> Owner {
    Owner::new(name).expect("a name")
}

#[test]
fn owners_are_trimmed_names_never_blanks() {
    assert_eq!(owner(" 商工会\u{3000}").as_str(), "商工会");
    assert_eq!(Owner::new(" \u{3000}\n"), None);
    assert!(serde_json::from_str::<Owner>("\"  \"").is_err());
    assert_eq!(serde_json::from_str::<Owner>("\" 商工会 \"").ok(), Some(owner("商工会")));
    assert_eq!(serde_json::to_string(&owner("商工会")).ok().as_deref(), Some("\"商工会\""));
}

#[test]
fn each_owner_gets_its_rows_in_plan_order_with_carry_over() {
    let plan = plan();
    let mut record = Record::default();
    with_owners(&mut record, "2-①-b", 2024, &["商工会"]);
    with_owners(&mut record, "1-①-a", 2023, &["商工観光課"]);
    // 2025's own 担当 replaces the carried one.
    with_owners(&mut record, "1-①-b", 2023, &["商工会"]);
    with_owners(&mut record, "1-①-b", 2025, &["商工観光課"]);
    // Two 担当: under both.
    with_owners(&mut record, "1-①-c", 2025, &["商工会", "商工会議所"]);
    // A later year's 担当 does not reach back.
    with_owners(&mut record, "1-①-d", 2026, &["商工会"]);

    let a = assignments(&plan, &record, FiscalYear(2025));
    assert_eq!(a.rows(&owner("商工会")), [id("1-①-c"), id("2-①-b")]);
    assert_eq!(a.rows(&owner("商工観光課")), [id("1-①-a"), id("1-①-b")]);
    assert_eq!(a.rows(&owner("商工会議所")), [id("1-①-c")]);
    assert_eq!(a.by_owner.len(), 3);
    assert!(a.unassigned.contains(&id("1-①-d")));
    assert!(!a.unassigned.contains(&id("1-①-a")));
}

#[test]
fn a_relisted_row_is_asked_once_as_its_original() {
    let plan = plan();
    let mut record = Record::default();
    // 4-①-a re-lists 3-①-a: the record is 3-①-a's.
    with_owners(&mut record, "3-①-a", 2025, &["商工会"]);
    let a = assignments(&plan, &record, FiscalYear(2025));
    assert_eq!(a.rows(&owner("商工会")), [id("3-①-a")]);
    let listed = a.by_owner.values().flatten().chain(&a.unassigned).count();
    assert_eq!(listed, 86 - 11, "every initiative once, re-listed rows as their originals");
    assert!(!a.unassigned.contains(&id("4-①-a")));
}

#[test]
fn an_empty_record_leaves_everything_unassigned() {
    let plan = plan();
    let a = assignments(&plan, &Record::default(), FiscalYear(2023));
    assert!(a.by_owner.is_empty());
    assert_eq!(a.unassigned.len(), 75);
    assert_eq!(a.rows(&owner("商工会")), [] as [InitiativeId; 0]);
}
