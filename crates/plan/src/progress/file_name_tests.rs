//! Tests of `progress::file_name`.

use proptest::prelude::*;

use super::*;
use crate::progress::answer::Answer;
use crate::progress::request::{Request, RequestId};
use crate::progress::Record;
use crate::test_strategies::{any_text, config};
use crate::timeline::CalendarDate;

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
        prop_assert!(is_safe_name(&stem), "{}", stem);
        prop_assert!(stem.starts_with("kama-sme-2023-2027-進捗-"));
        prop_assert!(stem.chars().count() <= "kama-sme-2023-2027-進捗-".chars().count() + 24 + 1 + 16);
    }
}

fn answer(owner: &str, author: &str, at: i64) -> Answer {
    let owner = Owner::new(owner).unwrap_or_else(|| Owner::new("x").expect("a name"));
    Answer {
        plan_id: "kama-sme-2023-2027".into(),
        year: FiscalYear(2025),
        request: RequestId { owner: owner.clone(), issued_at: 0 },
        owner,
        author: author.into(),
        answered_at: at,
        record: Record::default(),
    }
}

fn request(owner: &str, issued_by: &str, at: i64) -> Request {
    Request {
        plan_id: "kama-sme-2023-2027".into(),
        year: FiscalYear(2025),
        owner: Owner::new(owner).unwrap_or_else(|| Owner::new("x").expect("a name")),
        deadline: CalendarDate { year: 2026, month: 5, day: 31 },
        instructions: String::new(),
        issued_by: issued_by.into(),
        issued_at: at,
        rows: Vec::new(),
        comments: Default::default(),
        start: Record::default(),
    }
}

#[test]
fn requests_and_answers_say_year_owner_kind_author_and_time() {
    let jst = UtcOffset::JST;
    assert_eq!(
        answer("商工会", "嘉麻 太郎", AT).file_stem(jst),
        "kama-sme-2023-2027-2025年度-商工会-回答-嘉麻太郎-20260515-0930"
    );
    assert_eq!(
        request("商工観光課", "", AT).file_stem(jst),
        "kama-sme-2023-2027-2025年度-商工観光課-照会-20260515-0930"
    );
    assert_eq!(
        answer("../商工会\\<b>", "a:b", AT).file_stem(jst),
        "kama-sme-2023-2027-2025年度-商工会b-回答-ab-20260515-0930"
    );
}

/// Nothing a file system or mail client would refuse or read as a path.
fn is_safe_name(stem: &str) -> bool {
    let reserved = |c: char| matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*');
    !stem.chars().any(|c| c.is_control() || c.is_whitespace() || reserved(c) || c == '.')
        && !stem.contains("--")
        && !stem.starts_with('-')
        && !stem.ends_with('-')
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_owner_and_author_give_a_safe_bounded_name(owner in any_text(), author in any_text(), at in -1i64 << 45..1i64 << 45) {
        for stem in [answer(&owner, &author, at).file_stem(UtcOffset::JST), request(&owner, &author, at).file_stem(UtcOffset(-300))] {
            prop_assert!(is_safe_name(&stem), "{}", stem);
            prop_assert!(stem.starts_with("kama-sme-2023-2027-2025年度-"), "{}", stem);
            prop_assert!(stem.chars().count() <= 24 + 1 + 7 + 1 + 24 + 1 + 2 + 1 + 24 + 1 + 16, "{}", stem);
        }
    }
}
