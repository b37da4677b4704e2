//! Tests of `progress::exchange`.

use super::*;
use crate::progress::document::MAX_IMPORT_BYTES as MAX;
use crate::progress::incoming::open;
use crate::test_support::plan;

#[test]
fn what_is_not_one_of_ours_says_so() {
    let plan = plan();
    assert!(matches!(sniff("{\"format\": \"kama-sme-request\"", MAX), Err(ExchangeError::NotJson(_))));
    assert!(matches!(sniff("<html></html>", MAX), Err(ExchangeError::NotJson(_))));
    assert_eq!(sniff("[1, 2]", MAX), Err(ExchangeError::UnknownFile));
    assert_eq!(sniff("{\"format\": \"other\", \"version\": 1}", MAX), Err(ExchangeError::UnknownFile));
    assert_eq!(sniff("{\"format\": \"kama-sme-answer\"}", MAX), Err(ExchangeError::UnknownFile));
    assert_eq!(
        sniff("{\"format\": \"kama-sme-answer\", \"version\": 99999999999}", MAX),
        Err(ExchangeError::FutureVersion { kind: FileKind::Answer, version: u32::MAX })
    );
    assert_eq!(
        sniff("{\"format\": \"kama-sme-request\", \"version\": 0}", MAX),
        Err(ExchangeError::UnknownVersion { kind: FileKind::Request, version: 0 })
    );
    assert_eq!(
        sniff(
            &format!("{{\"format\": \"kama-sme-progress\", \"version\": {}}}", crate::progress::document::VERSION + 1),
            MAX
        ),
        Err(ExchangeError::FutureVersion { kind: FileKind::Progress, version: crate::progress::document::VERSION + 1 })
    );
    assert_eq!(sniff("{}", 1), Err(ExchangeError::TooLarge { bytes: 2, max: 1 }));
    // A progress record refused by its own reader says why in its own terms.
    let other_plan = "{\"format\": \"kama-sme-progress\", \"version\": 3, \"plan_id\": \"x\"}";
    assert_eq!(
        open(other_plan, &plan, MAX),
        Err(ExchangeError::Progress(DocumentError::WrongPlan { found: "x".into(), expected: plan.plan.id.clone() }))
    );
}
