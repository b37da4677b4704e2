//! Tests of `kpi`.

use super::*;
use crate::plan::{KpiCode, Plan};

fn kpi(unit: Option<&str>, name: &str) -> Kpi {
    Kpi { code: KpiCode { policy: 1, number: 1 }, name: name.into(), unit: unit.map(Into::into), labels: vec![] }
}

#[test]
fn every_kpi_of_the_plan_has_a_kind() {
    let plan = Plan::from_json(crate::PLAN_JSON).expect("plan.json");
    let kinds: Vec<ValueKind> = plan.kpis.iter().map(ValueKind::of).collect();
    assert_eq!(kinds.iter().filter(|k| **k == ValueKind::Percent).count(), 3, "2-2, 3-2, 6-5");
    assert_eq!(kinds.iter().filter(|k| **k == ValueKind::Amount).count(), 2, "4-1 千円, 4-2 千人/年");
    assert_eq!(ValueKind::of(&kpi(None, "経営革新計画の策定事業者数の増")), ValueKind::Count);
}

#[test]
fn values_are_read_the_way_staff_type_them() {
    use ValueKind::*;
    assert_eq!(parse_value("", Count), Ok(None), "empty = not recorded");
    assert_eq!(parse_value("  ", Amount), Ok(None));
    assert_eq!(parse_value("12", Count), Ok(Some(12.0)));
    assert_eq!(parse_value("１２３", Count), Ok(Some(123.0)), "full-width digits");
    assert_eq!(parse_value("1,234", Count), Ok(Some(1234.0)));
    assert_eq!(parse_value("1，234．5", Amount), Ok(Some(1234.5)), "full-width comma and point");
    assert_eq!(parse_value("45.5", Percent), Ok(Some(45.5)));
    assert_eq!(parse_value("45.5%", Percent), Ok(Some(45.5)));
    assert_eq!(parse_value("0", Percent), Ok(Some(0.0)));
    assert_eq!(parse_value("100", Percent), Ok(Some(100.0)));
}

#[test]
fn values_outside_the_unit_are_refused() {
    use ValueKind::*;
    assert_eq!(parse_value("12.5", Count), Err(ValueError::NotWhole));
    assert_eq!(parse_value("-3", Count), Err(ValueError::Negative));
    assert_eq!(parse_value("-0.5", Amount), Err(ValueError::Negative));
    assert_eq!(parse_value("100.1", Percent), Err(ValueError::OverHundred));
    for bad in ["abc", "1e3", "inf", "NaN", "0x10", "1.2.3", ".5", "5.", "--1", "１２三", "=1+1"] {
        assert_eq!(parse_value(bad, Amount), Err(ValueError::NotANumber), "{bad}");
    }
}

#[test]
fn achievement_and_rating_follow_the_stated_thresholds() {
    assert_eq!(achievement(Some(50.0), Some(40.0)), Some(1.25));
    assert_eq!(achievement(None, Some(40.0)), None);
    assert_eq!(achievement(Some(3.0), None), None);
    assert_eq!(achievement(Some(3.0), Some(0.0)), None, "a target of 0 cannot be rated");
    let rate = |a, t| Rating::of(achievement(Some(a), Some(t)));
    assert_eq!(rate(100.0, 100.0), Rating::S);
    assert_eq!(rate(99.9, 100.0), Rating::A);
    assert_eq!(rate(80.0, 100.0), Rating::A);
    assert_eq!(rate(79.9, 100.0), Rating::B);
    assert_eq!(rate(50.0, 100.0), Rating::B);
    assert_eq!(rate(49.9, 100.0), Rating::C);
    assert_eq!(rate(0.0, 100.0), Rating::C);
    assert_eq!(Rating::of(None), Rating::Unrated);
    assert_eq!(Rating::Unrated.symbol(), "−");
}

#[test]
fn values_are_written_without_float_noise() {
    assert_eq!(format_value(12.0), "12");
    assert_eq!(format_value(1234.5), "1234.5");
    assert_eq!(format_value(0.0), "0");
}

#[test]
fn rates_round_half_up_like_a_report() {
    assert_eq!(format_rate(0.7625), "76.3%");
    assert_eq!(format_rate(1.0), "100.0%");
    assert_eq!(format_rate(0.0), "0.0%");
}

#[test]
fn a_number_too_long_to_hold_is_refused_not_read_as_infinity() {
    // Found by `props_tests`: it parsed to `inf`, which the document writes
    // as `null`, so the value vanished on the next load.
    let huge = format!("2{}", "0".repeat(308));
    assert_eq!(parse_value(&huge, ValueKind::Amount), Err(ValueError::NotANumber));
    let largest = format!("1{}", "0".repeat(308));
    assert_eq!(parse_value(&largest, ValueKind::Amount), Ok(Some(1e308)), "still finite");
}

#[test]
fn interim_targets_run_straight_from_the_baseline_to_the_final_target() {
    assert_eq!(interim_targets(10.0, 60.0, 5, ValueKind::Count), [20.0, 30.0, 40.0, 50.0, 60.0]);
    assert_eq!(interim_targets(40.0, 50.0, 3, ValueKind::Percent), [43.3, 46.7, 50.0]);
    assert_eq!(interim_targets(7.0, 9.0, 5, ValueKind::Count), [7.0, 8.0, 8.0, 9.0, 9.0], "whole counts");
    assert_eq!(interim_targets(100.0, 80.0, 2, ValueKind::Amount), [90.0, 80.0], "a target below the baseline");
    // Every one is a value the KPI accepts as typed.
    for v in interim_targets(0.0, 100.0, 3, ValueKind::Percent) {
        assert_eq!(parse_value(&format_value(v), ValueKind::Percent), Ok(Some(v)));
    }
}
