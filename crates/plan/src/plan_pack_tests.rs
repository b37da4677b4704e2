use proptest::prelude::*;

use super::*;
use crate::test_strategies::config;
use crate::test_support::plan as kama;

#[test]
fn kamas_plan_comes_back_whole() {
    let plan = kama();
    assert_eq!(unpack(&pack(&plan)), Ok(plan));
}

#[test]
fn the_embedded_pack_is_the_embedded_plan() {
    let embedded = Plan::from_json(crate::EMBEDDED_PLAN_JSON).expect("the embedded plan parses");
    assert_eq!(unpack(crate::EMBEDDED_PLAN_PACK), Ok(embedded));
}

#[test]
fn a_plan_of_two_levels_with_its_own_words_and_no_marks_comes_back_whole() {
    let mut plan = kama();
    plan.plan.level_names = vec!["施策".into(), "事業".into()];
    plan.plan.custom_fields = vec!["担当課".into(), "".into()];
    plan.plan.flags = Flags::default();
    plan.initiatives[0].extra = vec!["商工観光課".into(), "".into()];
    plan.initiatives[0].first_plan = None;
    plan.initiatives[1].relisted_from = Some(plan.initiatives[0].id);
    plan.evaluation.grades.truncate(1);
    plan.evaluation.statuses = crate::test_support::plan_with_own_statuses().evaluation.statuses;
    assert_eq!(unpack(&pack(&plan)), Ok(plan));
}

#[test]
fn every_cut_short_pack_is_refused() {
    let bytes = pack(&kama());
    // Every prefix would take long; a spread of them, the last byte included.
    for len in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
        assert_eq!(unpack(&bytes[..len]), Err(UnpackError::Truncated), "cut at {len}");
    }
}

#[test]
fn bytes_after_the_plan_are_refused() {
    let mut bytes = pack(&kama());
    bytes.push(0);
    assert_eq!(unpack(&bytes), Err(UnpackError::TrailingBytes));
}

#[test]
fn values_out_of_range_are_named() {
    // The numbers' length, too long for the bytes.
    assert_eq!(unpack(&[0xff, 0xff, 0x03]), Err(UnpackError::Truncated));
    // A number longer than 64 bits.
    assert_eq!(unpack(&[0xff; 11]), Err(UnpackError::Invalid("number")));
    // The plan's id is its first field: its column without the id's end.
    let mut bytes = vec![0; 1 + COLUMNS];
    let id = usize::from(column_of("PlanMeta.id"));
    bytes[1 + id] = 1;
    bytes.push(b'x');
    assert_eq!(unpack(&bytes), Err(UnpackError::Truncated));
    // The id, not UTF-8.
    bytes[1 + id] = 3;
    bytes.truncate(1 + COLUMNS);
    bytes.extend([0xc3, 0x28, 0xff]);
    assert_eq!(unpack(&bytes), Err(UnpackError::Invalid("String")));
}

proptest! {
    #![proptest_config(config(24))]

    /// The benchmark's plans of any size (policy codes past 9, hundreds of
    /// initiatives) come back whole. Tables of every shape: `plan_table`'s
    /// property tests.
    #[test]
    fn generated_plans_come_back_whole(initiatives in 1usize..1200) {
        let plan = crate::generate::multiply(&kama(), initiatives).expect("a plan of that size");
        prop_assert_eq!(unpack(&pack(&plan)), Ok(plan));
    }

    /// Bytes changed anywhere give a plan or an error, never a panic.
    #[test]
    fn corrupted_packs_are_read_or_refused(at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = pack(&kama());
        let at = at.index(bytes.len());
        bytes[at] = byte;
        let _ = unpack(&bytes);
    }
}
