//! Property tests of `progress::xlsx_import`: for any record and year, the
//! 評価シート exported and read back gives the record's answers — against an
//! empty record, against any other record, and as no change against itself.
//! Text is compared as the sheet can hold it: without carriage returns and
//! the control characters XML cannot carry.

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::select;

use super::*;
use crate::progress::csv::UtcOffset;
use crate::progress::xlsx::workbook;
use crate::progress::{Cell, Stamp};
use crate::test_strategies::*;

/// A few initiatives of the real plan, a re-listed one and its original
/// among them, so that a case is quick yet meets a shared record.
static SMALL_PLAN: LazyLock<Plan> = LazyLock::new(|| {
    let mut plan = PLAN.clone();
    let relisted = plan.initiatives.iter().find(|i| i.relisted_from.is_some()).map(|i| (i.id, i.relisted_from));
    let (relisted, original) = relisted.expect("the plan re-lists an initiative");
    let keep = |i: &crate::plan::Initiative| {
        i.id == relisted || Some(i.id) == original || plan.initiatives[..3].iter().any(|k| k.id == i.id)
    };
    let kept = plan.initiatives.iter().filter(|i| keep(i)).cloned().collect();
    plan.initiatives = kept;
    plan
});

fn small_record() -> impl Strategy<Value = Record> {
    let plan = &*SMALL_PLAN;
    let ids: Vec<_> = plan.initiatives.iter().map(|i| i.id).filter(|&id| plan.record_id(id) == id).collect();
    let years: Vec<_> = plan.plan.fiscal_years.years().collect();
    record_of((select(ids), select(years)), initiative_cell(), kpi_key(), kpi_cell(), 0..6)
}

fn year() -> impl Strategy<Value = FiscalYear> {
    select(SMALL_PLAN.plan.fiscal_years.years().collect::<Vec<_>>())
}

/// What the sheet can say of a text: no CR, nothing XML forbids.
fn as_written(text: &str) -> String {
    text.chars().filter(|&c| c != '\r' && xml_allowed(c)).collect()
}

/// The imported fields of initiative `id` in `year`, as the sheet shows them.
fn answers(plan: &Plan, record: &Record, id: InitiativeId, year: FiscalYear) -> Vec<(Field, String)> {
    let cell = record.initiative(plan, id, year).cloned().unwrap_or_default();
    cell.fields()
        .into_iter()
        .filter(|(field, _)| !matches!(field, Field::Links | Field::Owners))
        .map(|(field, text)| (field, as_written(&text)))
        .collect()
}

fn owners(plan: &Plan, record: &Record, id: InitiativeId, year: FiscalYear) -> Vec<String> {
    split_owners(&join_owners(record.owners(plan, id, year).map_or(&[][..], |(_, o)| o)))
}

fn read_into(record: &Record, sheet: &[u8]) -> Result<Record, TestCaseError> {
    let import = read_evaluation_sheet(&SMALL_PLAN, record, sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut applied = record.clone();
    if let Some(edit) = import.edit() {
        applied.apply(&edit, Stamp::default()).unwrap();
    }
    Ok(applied)
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn a_sheet_read_into_an_empty_record_gives_the_exported_answers(record in small_record(), year in year()) {
        let plan = &*SMALL_PLAN;
        let sheet = workbook(plan, &record, year, 0, UtcOffset::JST).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let applied = read_into(&Record::default(), &sheet)?;
        for initiative in &plan.initiatives {
            let id = initiative.id;
            prop_assert_eq!(answers(plan, &applied, id, year), answers(plan, &record, id, year), "{}", id);
            prop_assert_eq!(owners(plan, &applied, id, year), owners(plan, &record, id, year), "{}", id);
        }
        // Only the sheet's year is touched.
        prop_assert!(applied.initiatives.keys().all(|&(_, y)| y == year));
    }

    #[test]
    fn a_sheet_read_against_its_own_record_changes_nothing(record in small_record(), year in year()) {
        let sheet =
            workbook(&SMALL_PLAN, &record, year, 0, UtcOffset::JST).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let import = read_evaluation_sheet(&SMALL_PLAN, &record, &sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(import.year, year);
        prop_assert_eq!(import.changes, vec![]);
    }

    #[test]
    fn a_sheet_read_against_another_record_gives_the_sheets_answers(
        record in small_record(),
        other in small_record(),
        year in year(),
    ) {
        let plan = &*SMALL_PLAN;
        let sheet = workbook(plan, &record, year, 0, UtcOffset::JST).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let applied = read_into(&other, &sheet)?;
        for initiative in &plan.initiatives {
            let id = initiative.id;
            prop_assert_eq!(answers(plan, &applied, id, year), answers(plan, &record, id, year), "{}", id);
            // A blank 担当 means "as the year before", so it cannot empty one.
            if !owners(plan, &record, id, year).is_empty() {
                prop_assert_eq!(owners(plan, &applied, id, year), owners(plan, &record, id, year), "{}", id);
            }
        }
        // And read again, the sheet has nothing left to change.
        let again = read_evaluation_sheet(plan, &applied, &sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let left: Vec<_> = again.changes.iter().filter(|c| c.field != Field::Owners).collect();
        prop_assert!(left.is_empty(), "{:?}", left);
    }
}
