//! Tests of `progress::incoming`.

use std::collections::BTreeMap;

use super::*;
use crate::plan::FiscalYear;
use crate::progress::answer::make_answer;
use crate::progress::assign::Owner;
use crate::progress::document::MAX_IMPORT_BYTES as MAX;
use crate::progress::exchange::sniff;
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
