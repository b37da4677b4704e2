//! Tests of `i18n`: the request round's messages name what they are about.

use super::*;
use crate::plan::FiscalYear;
use crate::progress::answer::{AnswerError, NotApplied};
use crate::progress::assign::Owner;
use crate::progress::exchange::{ExchangeError, FileKind};
use crate::progress::CellKey;
use crate::test_support::id;

#[test]
fn refusals_name_the_row_and_the_values_compared() {
    let key = CellKey::Initiative(id("2-①-a"), FiscalYear(2024));
    let ja = exchange_error(Lang::Ja, &ExchangeError::CellOutside(key));
    assert!(ja.contains("取組 2-①-a（2024年度）"), "{ja}");
    let en = exchange_error(Lang::En, &ExchangeError::CellOutside(key));
    assert!(en.contains("initiative 2-①-a, FY2024"), "{en}");
    let kind = ExchangeError::WrongKind { expected: FileKind::Answer, found: FileKind::Request };
    assert_eq!(exchange_error(Lang::Ja, &kind), "照会ファイルです。ここでは回答ファイルを選んでください。");

    let owner = |n: &str| Owner::new(n).expect("a name");
    let wrong = AnswerError::WrongOwner { asked: owner("商工会"), answered: owner("商工会議所") };
    assert_eq!(answer_error(Lang::Ja, &wrong), "「商工会議所」からの回答ですが、照会は「商工会」あてです。");
    let year = AnswerError::WrongYear { asked: FiscalYear(2025), answered: FiscalYear(2024) };
    assert!(answer_error(Lang::En, &year).contains("FY2024") && answer_error(Lang::En, &year).contains("FY2025"));
    let why = not_applied(Lang::Ja, key, NotApplied::NotRequested);
    assert!(why.starts_with("取組 2-①-a（2024年度）: "), "{why}");
}
