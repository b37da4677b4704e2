//! Property tests of `kpi::parse_value`, the parser of what staff type into
//! a KPI's value fields: whatever the text, a refusal or a value the record
//! can keep; and what `format_value` shows reads back as the same value.

use proptest::prelude::*;
use proptest::sample::select;

use super::*;
use crate::test_strategies::{config, finite};

fn kind() -> impl Strategy<Value = ValueKind> {
    select(vec![ValueKind::Percent, ValueKind::Count, ValueKind::Amount])
}

/// Text near what staff type: digits of either width, separators, signs,
/// exponents and words that `str::parse::<f64>` would accept, long runs of
/// digits, and anything at all.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[-+0-9０-９.,，．%％ eE]{0,24}",
        "(inf|NaN|infinity|1e5|0x1)",
        "[1-9][0-9]{0,400}(\\.[0-9]{0,20})?",
        "[0-9]{1,3}(,[0-9]{3}){0,5}(\\.[0-9]{1,6})?%?",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    /// A value is finite, not negative, and fits its kind; anything else is
    /// refused. (A non-finite value would be written to the document as
    /// `null` and silently lost on the next load.)
    #[test]
    fn a_typed_value_is_one_the_record_can_keep(text in typed(), kind in kind()) {
        if let Ok(Some(v)) = parse_value(&text, kind) {
            prop_assert!(v.is_finite(), "{:?} read as {}", text, v);
            prop_assert!(v >= 0.0, "{:?} read as {}", text, v);
            match kind {
                ValueKind::Count => prop_assert_eq!(v.fract(), 0.0),
                ValueKind::Percent => prop_assert!(v <= 100.0),
                ValueKind::Amount => {}
            }
            prop_assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{:?}: letters are no number", text);
        }
    }

    /// What the page shows for a recorded amount reads back as exactly it.
    #[test]
    fn a_shown_value_reads_back_as_itself(v in finite().prop_map(f64::abs)) {
        prop_assert_eq!(parse_value(&format_value(v), ValueKind::Amount), Ok(Some(v)));
    }
}
