//! Tests of `progress::exchange`.

use super::*;
use crate::progress::answer::make_answer;
use crate::progress::assign::Owner;
use crate::progress::document::MAX_IMPORT_BYTES as MAX;
use crate::progress::request::{make_requests, Issue};
use crate::test_support::{plan, round_record};
use crate::timeline::CalendarDate;

fn request() -> Request {
    let issue = Issue {
        year: FiscalYear(2025),
        deadline: CalendarDate { year: 2026, month: 5, day: 15 },
        instructions: String::new(),
        issued_by: "市".into(),
        issued_at: 10,
    };
    let requests = make_requests(&plan(), &round_record(), &issue, &BTreeMap::new());
    let owner = Owner::new("商工会");
    requests.into_iter().find(|r| Some(&r.owner) == owner.as_ref()).expect("商工会 is asked")
}

#[test]
fn one_input_takes_all_three_kinds() {
    let plan = plan();
    let record = document::to_json(&round_record(), &plan.plan.id, None).expect("writes");
    let request = request();
    let answer = make_answer(&request, &round_record(), "商工会 太郎", 20);
    let request_json = request.to_json().expect("writes");
    let answer_json = answer.to_json().expect("writes");

    assert_eq!(sniff(&record, MAX), Ok(FileKind::Progress));
    assert_eq!(sniff(&request_json, MAX), Ok(FileKind::Request));
    assert_eq!(sniff(&answer_json, MAX), Ok(FileKind::Answer));
    assert_eq!(
        open(&record, &plan, MAX),
        Ok(Opened::Progress(document::from_json(&record, &plan, MAX).expect("reads")))
    );
    assert_eq!(open(&request_json, &plan, MAX), Ok(Opened::Request(request)));
    assert_eq!(open(&answer_json, &plan, MAX), Ok(Opened::Answer(answer)));
}

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
