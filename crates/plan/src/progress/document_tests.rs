//! Tests of `progress::document`.

use super::*;
use crate::progress::edit::{Change, CouncilField, Edit, KpiField, TextField};
use crate::progress::CellKey;
use crate::test_support::plan;

fn sample() -> Record {
    let mut record = Record::default();
    let stamp = |t| Stamp { author: Some("嘉麻 花子".into()), updated_at: t };
    let id = InitiativeId { policy: 2, sub: 1, letter: 'a' };
    record
        .apply(
            &Edit::Initiative { id, year: FiscalYear(2024), change: Change::Status(Some(Status::Delayed)) },
            stamp(10),
        )
        .unwrap();
    record
        .apply(
            &Edit::Initiative {
                id,
                year: FiscalYear(2024),
                change: Change::Text(TextField::Note, "=SUM(A1) \"引用\"\n改行".into()),
            },
            stamp(11),
        )
        .unwrap();
    let code = KpiCode { policy: 4, number: 1 };
    record
        .apply(
            &Edit::KpiValue { code, year: FiscalYear(2023), field: KpiField::Actual, value: Some(1234.5) },
            stamp(12),
        )
        .unwrap();
    record
}

#[test]
fn a_record_round_trips_through_its_document() {
    let plan = plan();
    let json = to_json(&sample(), &plan.plan.id, Some(99)).expect("serialises");
    assert!(json.contains("\"format\": \"kama-sme-progress\""));
    assert!(json.contains("\"status\": \"遅れ\""));
    assert_eq!(from_json(&json, &plan, MAX_IMPORT_BYTES), Ok(sample()));
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let plan = plan();
    let good = to_json(&sample(), &plan.plan.id, None).expect("serialises");
    let refuse = |text: &str| from_json(text, &plan, MAX_IMPORT_BYTES).expect_err("refused");
    assert!(matches!(refuse("not json"), DocumentError::NotJson(_)));
    let truncated: String = good.chars().take(good.chars().count() / 2).collect();
    assert!(matches!(refuse(&truncated), DocumentError::NotJson(_)), "truncated");
    assert_eq!(refuse("{\"hello\": 1}"), DocumentError::NotAProgressFile);
    let version = format!("\"version\": {VERSION}");
    assert_eq!(refuse(&good.replace(&version, "\"version\": 7")), DocumentError::FutureVersion(7));
    assert_eq!(refuse(&good.replace(&version, "\"version\": 0")), DocumentError::UnknownVersion(0));
    assert!(matches!(refuse(&good.replace(&plan.plan.id, "other-plan")), DocumentError::WrongPlan { .. }));
    assert_eq!(refuse(&good.replace("2-①-a", "9-①-a")), DocumentError::UnknownInitiative("9-①-a".into()));
    assert_eq!(refuse(&good.replace("\"4-1\"", "\"4-9\"")), DocumentError::UnknownKpi("4-9".into()));
    assert_eq!(refuse(&good.replace("2024", "2031")), DocumentError::YearOutsidePlan(2031));
    assert!(matches!(refuse(&good.replace("\"遅れ\"", "\"たぶん\"")), DocumentError::Shape(_)));
    let err = from_json(&good, &plan, 10).expect_err("too large");
    assert!(matches!(err, DocumentError::TooLarge { max: 10, .. }));
}

#[test]
fn a_cell_listed_twice_is_refused_not_silently_merged() {
    let plan = plan();
    let row = r#"{"id": "2-①-a", "year": 2024, "note": "x", "updated_at": 1}"#;
    let doc = format!(
        r#"{{"format": "kama-sme-progress", "version": 1, "plan_id": "{}", "initiatives": [{row}, {row}]}}"#,
        plan.plan.id
    );
    assert!(matches!(from_json(&doc, &plan, MAX_IMPORT_BYTES), Err(DocumentError::Duplicate(_))));
}

#[test]
fn kpi_values_read_back_to_the_last_bit() {
    // Found by `format_props_tests`: without serde_json's `float_roundtrip`
    // these read back one unit in the last place off.
    let plan = plan();
    let code = KpiCode { policy: 1, number: 1 };
    for value in [-1.1402304334215525e145, 8.991924909975781e-13, 3.864496743743758e-196, -1.8374229494653363e292] {
        let mut record = Record::default();
        record
            .apply(
                &Edit::KpiValue { code, year: FiscalYear(2023), field: KpiField::Actual, value: Some(value) },
                Stamp::default(),
            )
            .unwrap();
        let json = to_json(&record, &plan.plan.id, None).expect("serialises");
        assert_eq!(from_json(&json, &plan, MAX_IMPORT_BYTES), Ok(record), "{value:e}");
    }
}

#[test]
fn the_compact_form_for_storage_reads_back_the_same_and_is_smaller() {
    let plan = plan();
    let record = crate::generate::full_record(&plan, 200);
    let compact = to_json_stored(&record, &plan.plan.id).expect("serialises");
    let pretty = to_json(&record, &plan.plan.id, None).expect("serialises");
    assert!(compact.len() < pretty.len(), "{} vs {}", compact.len(), pretty.len());
    assert_eq!(from_json(&compact, &plan, MAX_IMPORT_BYTES), Ok(record));
}

#[test]
fn json_that_is_not_an_object_is_not_a_progress_file_and_broken_json_says_so() {
    let plan = plan();
    for text in ["[]", "42", "\"text\"", "null", "{\"format\": 3}"] {
        assert_eq!(from_json(text, &plan, MAX_IMPORT_BYTES), Err(DocumentError::NotAProgressFile), "{text}");
    }
    for text in ["", "{", "{\"format\": \"kama-sme-progress\",", "not json"] {
        assert!(matches!(from_json(text, &plan, MAX_IMPORT_BYTES), Err(DocumentError::NotJson(_))), "{text}");
    }
}

#[test]
fn storage_keeps_clearings_and_export_files_leave_them_out() {
    let plan = plan();
    let id = InitiativeId { policy: 2, sub: 1, letter: 'a' };
    let mut record = sample();
    record
        .apply(
            &Edit::Initiative { id, year: FiscalYear(2024), change: Change::Text(TextField::Note, String::new()) },
            Stamp::default(),
        )
        .unwrap();
    record
        .apply(
            &Edit::Initiative { id, year: FiscalYear(2024), change: Change::Status(None) },
            Stamp { author: None, updated_at: 20 },
        )
        .unwrap();
    assert_eq!(record.cleared.initiatives.len(), 1);
    let stored = to_json_stored(&record, &plan.plan.id).expect("serialises");
    assert!(stored.contains(r#"{"id":"2-①-a","year":2024,"updated_at":20,"history":["#), "{stored}");
    assert_eq!(from_json(&stored, &plan, MAX_IMPORT_BYTES), Ok(record.clone()));
    let export = to_json(&record, &plan.plan.id, Some(30)).expect("serialises");
    let exported = from_json(&export, &plan, MAX_IMPORT_BYTES).expect("reads");
    assert!(exported.cleared.is_empty() && exported.same_cells(&record));
}

#[test]
fn a_cell_and_a_clearing_of_the_same_key_are_a_duplicate() {
    let plan = plan();
    let stored = to_json_stored(&sample(), &plan.plan.id).expect("serialises");
    let doubled = stored.replace(r#""initiatives":["#, r#""initiatives":[{"id":"2-①-a","year":2024,"updated_at":1},"#);
    assert_ne!(doubled, stored);
    assert!(matches!(from_json(&doubled, &plan, MAX_IMPORT_BYTES), Err(DocumentError::Duplicate(_))));
}

// ---------------------------------------------------------------------------
// Format 1 → 2

const V1_EXPORT: &str = include_str!("../../tests/fixtures/progress-v1-export.json");
const V1_STORED: &str = include_str!("../../tests/fixtures/progress-v1-stored.json");

fn cell_at<'r>(record: &'r Record, at: &str, year: u16) -> &'r InitiativeCell {
    let plan = plan();
    record.initiative(&plan, at.parse().unwrap(), FiscalYear(year)).unwrap_or_else(|| panic!("no cell {at} {year}"))
}

#[test]
fn an_export_of_the_released_app_loads_into_format_2_with_nothing_lost() {
    // Written by the release before format 2 (its `document::to_json`): 2-①-a
    // and its re-listed row 6-②-e answered differently for 2024.
    let plan = plan();
    let record = from_json(V1_EXPORT, &plan, MAX_IMPORT_BYTES).expect("a format 1 export loads");
    // Re-listed rows keep no cells of their own: both rows read one cell.
    assert!(record.initiatives.keys().all(|&(id, _)| plan.record_id(id) == id));
    assert_eq!(cell_at(&record, "6-②-e", 2024), cell_at(&record, "2-①-a", 2024));
    // The later answer (商工会's, on 6-②-e) is kept; the other is added to the
    // note, named by its row and author.
    let joined = cell_at(&record, "2-①-a", 2024);
    assert_eq!(joined.status, Some(Status::Stopped));
    assert_eq!(joined.stamp.author.as_deref(), Some("商工会"));
    assert_eq!(
        joined.note,
        "=事業者の申請なし\n\n【2-①-a に記録されていた内容（商工観光課）】\n進捗状況: 実施中\nメモ: 補助金説明会を開催"
    );
    // An answer only the re-listed row had moves to the original, unchanged.
    let moved = cell_at(&record, "2-①-a", 2023);
    assert_eq!((moved.status, moved.stamp.updated_at), (Some(Status::Done), 1_745_000_000_005));
    assert_eq!(cell_at(&record, "3-①-a", 2025).note, "改行\r\nと\"引用\"");
    // Written again in today's format, it reads back the same.
    let now = to_json(&record, &plan.plan.id, None).expect("serialises");
    assert!(now.contains(&format!("\"version\": {VERSION}")));
    assert_eq!(from_json(&now, &plan, MAX_IMPORT_BYTES), Ok(record));
}

#[test]
fn a_record_the_released_app_stored_loads_with_its_clearings() {
    let plan = plan();
    let record = from_json(V1_STORED, &plan, MAX_IMPORT_BYTES).expect("a format 1 stored record loads");
    let exported = from_json(V1_EXPORT, &plan, MAX_IMPORT_BYTES).expect("loads");
    assert!(record.same_cells(&exported));
    let key = CellKey::Initiative("1-①-b".parse().unwrap(), FiscalYear(2024));
    assert_eq!(record.cleared_at(key).and_then(|s| s.author.as_deref()), Some("市"));
    let stored = to_json_stored(&record, &plan.plan.id).expect("serialises");
    assert_eq!(from_json(&stored, &plan, MAX_IMPORT_BYTES), Ok(record));
}

#[test]
fn the_evaluation_fields_round_trip_and_values_off_the_scale_are_refused_by_name() {
    let plan = plan();
    let id: InitiativeId = "2-①-a".parse().unwrap();
    let year = FiscalYear(2025);
    let mut record = Record::default();
    let by = Stamp { author: Some("商工観光課".into()), updated_at: 5 };
    for change in [
        Change::Text(TextField::Results, "セミナー3回\n延べ45名".into()),
        Change::Grade(Some(Grade("B".into()))),
        Change::Text(TextField::Challenges, "参加者の固定化".into()),
        Change::WayForward(Some(WayForward("継続".into()))),
        Change::Owners(vec!["商工観光課".into(), "商工会".into()]),
        Change::Links(vec![Link::new("報告", "https://www.city.kama.lg.jp/a").unwrap()]),
    ] {
        record.apply(&Edit::Initiative { id, year, change }, by.clone()).unwrap();
    }
    let json = to_json(&record, &plan.plan.id, None).expect("serialises");
    assert_eq!(from_json(&json, &plan, MAX_IMPORT_BYTES), Ok(record));
    let refuse = |text: &str| from_json(text, &plan, MAX_IMPORT_BYTES).expect_err("refused");
    assert_eq!(
        refuse(&json.replace("\"grade\": \"B\"", "\"grade\": \"S\"")),
        DocumentError::UnknownGrade { at: "2-①-a 2025".into(), code: "S".into() }
    );
    assert_eq!(
        refuse(&json.replace("\"継続\"", "\"たぶん\"")),
        DocumentError::UnknownWayForward { at: "2-①-a 2025".into(), code: "たぶん".into() }
    );
    for (url, why) in [
        ("javascript:alert(1)", LinkError::NotHttp),
        ("file:///C:/secret.xlsx", LinkError::NotHttp),
        ("https://", LinkError::Malformed),
        ("https://a b", LinkError::Malformed),
    ] {
        let bad = json.replace("https://www.city.kama.lg.jp/a", url);
        assert_eq!(refuse(&bad), DocumentError::BadLink { at: "2-①-a 2025".into(), url: url.into(), why }, "{url}");
    }
}

#[test]
fn owners_are_kept_trimmed_and_once() {
    let plan = plan();
    let doc = format!(
        r#"{{"format": "kama-sme-progress", "version": 2, "plan_id": "{}", "initiatives": [
            {{"id": "1-①-a", "year": 2024, "owners": [" 商工会", "商工会", "", "商工観光課 "], "updated_at": 1}}]}}"#,
        plan.plan.id
    );
    let record = from_json(&doc, &plan, MAX_IMPORT_BYTES).expect("reads");
    assert_eq!(cell_at(&record, "1-①-a", 2024).owners, ["商工会", "商工観光課"]);
}

// ---------------------------------------------------------------------------
// Format 2 → 3

/// 2-①-a in 2025 as the format 2 and 3 fixtures hold it: every field of the
/// 評価シート filled in by 商工観光課.
fn assert_every_field_of_2_1_a_in_2025(record: &Record) {
    let cell = cell_at(record, "2-①-a", 2025);
    assert_eq!(cell.status, Some(Status::InProgress));
    assert_eq!(cell.results, "セミナー3回\n延べ45名");
    assert_eq!(cell.grade, Some(Grade("B".into())));
    assert_eq!(cell.challenges, "参加者の固定化");
    assert_eq!(cell.way_forward, Some(WayForward("継続".into())));
    assert_eq!(cell.owners, ["商工観光課", "商工会"]);
    assert_eq!(cell.links, [Link::new("報告", "https://www.city.kama.lg.jp/a").unwrap()]);
    assert_eq!(cell.note, "<b>HTML</b> & =1+1");
    assert_eq!(cell.stamp, Stamp { author: Some("商工観光課".into()), updated_at: 1_760_004_200_000 });
}

const V2_EXPORT: &str = include_str!("../../tests/fixtures/progress-v2-export.json");
const V2_STORED: &str = include_str!("../../tests/fixtures/progress-v2-stored.json");

#[test]
fn files_the_format_2_app_wrote_load_with_every_field_and_entry() {
    // Written by the release of format 2 (its `to_json` and `to_json_stored`).
    let plan = plan();
    let exported = from_json(V2_EXPORT, &plan, MAX_IMPORT_BYTES).expect("a format 2 export loads");
    let stored = from_json(V2_STORED, &plan, MAX_IMPORT_BYTES).expect("a format 2 stored record loads");
    assert!(stored.same_cells(&exported));
    assert_every_field_of_2_1_a_in_2025(&exported);
    let key = CellKey::Initiative("2-①-a".parse().unwrap(), FiscalYear(2025));
    assert_eq!(exported.history.get(&key).map(|h| h.entries.len()), Some(8));
    let target = exported.kpis.get(&(KpiCode { policy: 2, number: 2 }, FiscalYear(2025))).expect("the KPI cell");
    assert_eq!(target.target, Some(40.0));
    // The stored record keeps its clearing, and its history.
    let cleared = CellKey::Initiative("3-①-a".parse().unwrap(), FiscalYear(2025));
    assert_eq!(stored.cleared_at(cleared).and_then(|s| s.author.as_deref()), Some("市"));
    assert_eq!(stored.history.get(&cleared).map(|h| h.entries.len()), Some(2));
    assert!(exported.council.is_empty());
    // Written in today's format, both read back the same.
    for (record, text) in
        [(&exported, to_json(&exported, &plan.plan.id, None)), (&stored, to_json_stored(&stored, &plan.plan.id))]
    {
        let text = text.expect("serialises");
        assert_eq!(from_json(&text, &plan, MAX_IMPORT_BYTES).as_ref(), Ok(record));
    }
}

#[test]
fn the_council_s_words_round_trip_and_a_policy_outside_the_plan_is_refused() {
    let plan = plan();
    let mut record = sample();
    let policy = PolicyCode(2);
    let year = FiscalYear(2025);
    let by = |t| Stamp { author: Some("事務局".into()), updated_at: t };
    let opinion = "デジタル化の支援を\n小規模事業者にも広げること。";
    record.apply(&Edit::Council { policy, year, field: CouncilField::Opinion, text: opinion.into() }, by(20)).unwrap();
    record
        .apply(&Edit::Council { policy, year, field: CouncilField::Response, text: "出張相談を始める".into() }, by(21))
        .unwrap();
    let cell = record.council.get(&(policy, year)).expect("kept");
    assert_eq!((cell.opinion.as_str(), cell.response.as_str()), (opinion, "出張相談を始める"));
    assert_eq!(record.history.get(&CellKey::Council(policy, year)).map(|h| h.entries.len()), Some(2));
    let json = to_json(&record, &plan.plan.id, None).expect("serialises");
    assert!(json.contains("\"council\""));
    assert_eq!(from_json(&json, &plan, MAX_IMPORT_BYTES).as_ref(), Ok(&record));
    let refuse = |text: &str| from_json(text, &plan, MAX_IMPORT_BYTES).expect_err("refused");
    assert_eq!(refuse(&json.replace("\"policy\": 2", "\"policy\": 9")), DocumentError::UnknownPolicy(9));
    // Emptied, the cell is gone and noted as cleared.
    record.apply(&Edit::Council { policy, year, field: CouncilField::Opinion, text: String::new() }, by(22)).unwrap();
    record.apply(&Edit::Council { policy, year, field: CouncilField::Response, text: String::new() }, by(23)).unwrap();
    assert!(record.council.is_empty());
    assert_eq!(record.cleared_at(CellKey::Council(policy, year)), Some(&by(23)));
}

// ---------------------------------------------------------------------------
// Format 3 → 4

const V3_EXPORT: &str = include_str!("../../tests/fixtures/progress-v3-export.json");
const V3_STORED: &str = include_str!("../../tests/fixtures/progress-v3-stored.json");

#[test]
fn files_the_format_3_app_wrote_load_with_every_field_and_entry() {
    // Written by the release of format 3 (`make-progress-v3-fixtures.sh`).
    let plan = plan();
    let exported = from_json(V3_EXPORT, &plan, MAX_IMPORT_BYTES).expect("a format 3 export loads");
    let stored = from_json(V3_STORED, &plan, MAX_IMPORT_BYTES).expect("a format 3 stored record loads");
    assert!(stored.same_cells(&exported));
    assert_every_field_of_2_1_a_in_2025(&exported);
    let key = CellKey::Initiative("2-①-a".parse().unwrap(), FiscalYear(2025));
    let fields: Vec<Field> = exported.history[&key].entries.iter().map(|e| e.field).collect();
    use crate::progress::history::Field;
    assert_eq!(
        fields,
        [
            Field::Status,
            Field::Results,
            Field::Grade,
            Field::Challenges,
            Field::WayForward,
            Field::Owners,
            Field::Links,
            Field::Note
        ]
    );
    let earlier = cell_at(&exported, "2-①-a", 2024);
    assert_eq!((earlier.status, earlier.note.as_str()), (Some(Status::Delayed), "=SUM(A1) \"引用\"\n改行"));
    let target = exported.kpis.get(&(KpiCode { policy: 2, number: 2 }, FiscalYear(2025))).expect("the KPI cell");
    assert_eq!((target.target, target.stamp.author.as_deref()), (Some(40.0), Some("市")));
    assert_eq!(
        exported.kpis.get(&(KpiCode { policy: 4, number: 1 }, FiscalYear(2023))).and_then(|c| c.actual),
        Some(1234.5)
    );
    let council = exported.council.get(&(PolicyCode(2), FiscalYear(2025))).expect("the council's cell");
    assert_eq!(council.opinion, "デジタル化の支援を\n小規模事業者にも広げること。");
    assert_eq!(council.response, "出張相談を始める");
    assert_eq!(council.stamp, Stamp { author: Some("事務局".into()), updated_at: 1_760_100_000_001 });
    let council_key = CellKey::Council(PolicyCode(2), FiscalYear(2025));
    assert_eq!(exported.history[&council_key].entries.len(), 2);
    // The stored record keeps its clearing, and its history.
    let cleared = CellKey::Initiative("3-①-a".parse().unwrap(), FiscalYear(2025));
    assert_eq!(stored.cleared_at(cleared).and_then(|s| s.author.as_deref()), Some("市"));
    assert_eq!(stored.history.get(&cleared).map(|h| h.entries.len()), Some(2));
    assert!(exported.cleared.is_empty());
    // Nothing of format 4 in them.
    assert!(exported.reviews.is_empty() && exported.years.is_empty());
    // Written in today's format, both read back the same.
    for (record, text) in
        [(&exported, to_json(&exported, &plan.plan.id, None)), (&stored, to_json_stored(&stored, &plan.plan.id))]
    {
        let text = text.expect("serialises");
        assert!(text.contains(&format!("\"version\":{VERSION}")) || text.contains(&format!("\"version\": {VERSION}")));
        assert_eq!(from_json(&text, &plan, MAX_IMPORT_BYTES).as_ref(), Ok(record));
    }
}

/// `sample()` with a line answered, confirmed and a year closed after its
/// settings were set and it was reopened once.
fn reviewed() -> Record {
    let mut record = sample();
    let id: InitiativeId = "2-①-a".parse().unwrap();
    let year = FiscalYear(2024);
    let office = |t| Stamp { author: Some("事務局".into()), updated_at: t };
    let deadline = crate::timeline::CalendarDate::parse("2025-05-31").ok();
    for (t, edit) in [
        Edit::YearSettings { year, deadline, instructions: "実績は数値で\n記入してください".into() },
        Edit::Submit { id, year, by: Stamp { author: Some("商工会".into()), updated_at: 15 } },
        Edit::Confirm { id, year, comment: "確認しました".into() },
        Edit::CloseYear { year, reason: String::new() },
        Edit::ReopenYear { year, reason: "数値の訂正".into() },
        Edit::CloseYear { year, reason: "訂正済み".into() },
    ]
    .into_iter()
    .enumerate()
    {
        record.apply(&edit, office(20 + t as i64)).unwrap();
    }
    record
}

#[test]
fn reviews_and_years_round_trip_with_their_history() {
    let plan = plan();
    let record = reviewed();
    let json = to_json(&record, &plan.plan.id, None).expect("serialises");
    assert!(json.contains("\"reviews\"") && json.contains("\"years\""), "{json}");
    assert!(json.contains("\"deadline\": \"2025-05-31\""));
    let read = from_json(&json, &plan, MAX_IMPORT_BYTES).expect("reads");
    assert_eq!(read, record);
    let id: InitiativeId = "2-①-a".parse().unwrap();
    assert!(crate::progress::review::is_confirmed(&read, &plan, id, FiscalYear(2024)));
    assert!(read.is_closed(FiscalYear(2024)));
    // Cleared reviews and years are kept by storage, as other cells are.
    let mut cleared = record.clone();
    let (year, open) =
        (FiscalYear(2025), Edit::YearSettings { year: FiscalYear(2025), deadline: None, instructions: "x".into() });
    cleared.apply(&open, Stamp::default()).unwrap();
    let later = Stamp { author: Some("事務局".into()), updated_at: 1 };
    cleared.apply(&Edit::YearSettings { year, deadline: None, instructions: String::new() }, later).unwrap();
    assert!(cleared.cleared_at(CellKey::Year(year)).is_some());
    let stored = to_json_stored(&cleared, &plan.plan.id).expect("serialises");
    assert_eq!(from_json(&stored, &plan, MAX_IMPORT_BYTES), Ok(cleared));
}

#[test]
fn bad_reviews_and_years_are_refused_by_name() {
    let plan = plan();
    let json = to_json(&reviewed(), &plan.plan.id, None).expect("serialises");
    let refuse = |text: &str| from_json(text, &plan, MAX_IMPORT_BYTES).expect_err("refused");
    assert!(matches!(refuse(&json.replace("2025-05-31", "2025-02-30")), DocumentError::Shape(_)));
    assert!(matches!(
        refuse(&json.replace("\"deadline\": \"2025-05-31\"", "\"deadline\": \"5/31\"")),
        DocumentError::Shape(_)
    ));
    let fingerprint = reviewed().reviews.values().find_map(|c| c.confirmed.as_ref()).map(|c| c.fingerprint.to_string());
    let fingerprint = fingerprint.expect("confirmed");
    assert!(matches!(refuse(&json.replace(&fingerprint, "xyz")), DocumentError::Shape(_)));
    let years = json.find("\"years\"").expect("years");
    let (head, tail) = json.split_at(years);
    assert_eq!(
        refuse(&format!("{head}{}", tail.replace("\"year\": 2024", "\"year\": 2031"))),
        DocumentError::YearOutsidePlan(2031)
    );
    let reviews = json.find("\"reviews\"").expect("reviews");
    let (head, tail) = json.split_at(reviews);
    let unknown = format!("{head}{}", tail.replacen("\"2-①-a\"", "\"9-①-a\"", 1));
    assert_eq!(refuse(&unknown), DocumentError::UnknownInitiative("9-①-a".into()));
}

#[test]
fn files_with_reviews_or_years_say_format_4_so_a_format_3_page_refuses_them_as_newer() {
    // The released reader refuses any version above its own 3 (`FutureVersion`).
    let plan = plan();
    let json = to_json(&reviewed(), &plan.plan.id, None).expect("serialises");
    assert!(json.contains("\"version\": 4"), "{json}");
    let stored = to_json_stored(&reviewed(), &plan.plan.id).expect("serialises");
    assert!(stored.contains("\"version\":4"), "{stored}");
}
