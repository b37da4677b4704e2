//! Tests of `progress::file_name`.

use proptest::prelude::*;

use super::*;
use crate::test_strategies::config;

/// 2026-05-15 09:30 in Japan.
const AT: i64 = 1_778_805_000_000;

#[test]
fn a_name_says_plan_contents_author_and_local_time() {
    let jst = UtcOffset::JST;
    assert_eq!(
        export_stem("kama-sme-2023-2027", Contents::Record, "嘉麻 太郎", AT, jst),
        "kama-sme-2023-2027-進捗-嘉麻太郎-20260515-0930"
    );
    assert_eq!(
        export_stem("kama-sme-2023-2027", Contents::EvaluationSheet(FiscalYear(2025)), "商工会", AT, jst),
        "kama-sme-2023-2027-評価シート2025-商工会-20260515-0930"
    );
    // No author: no empty part. Another offset: another local time.
    assert_eq!(export_stem("p", Contents::Record, "  ", AT, UtcOffset(0)), "p-進捗-20260515-0030");
    assert_eq!(
        export_stem("p", Contents::Record, "../a\\b:c*?\"<>|\u{7}", AT, jst),
        "p-進捗-abc-20260515-0930",
        "nothing that names a path or that Windows refuses"
    );
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_author_gives_a_name_of_safe_characters(author in any::<String>(), at in -1i64 << 45..1i64 << 45) {
        let stem = export_stem("kama-sme-2023-2027", Contents::Record, &author, at, UtcOffset::JST);
        prop_assert!(stem.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_'), "{}", stem);
        prop_assert!(!stem.contains("--"), "{}", stem);
        prop_assert!(stem.starts_with("kama-sme-2023-2027-進捗-"));
        prop_assert!(stem.chars().count() <= "kama-sme-2023-2027-進捗-".chars().count() + 24 + 1 + 16);
    }
}
