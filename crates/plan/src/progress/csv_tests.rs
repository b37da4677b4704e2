//! Tests of `progress::csv`.

use super::*;
use crate::plan::InitiativeId;
use crate::progress::{Grade, InitiativeCell, KpiCell, Link, Status, WayForward};
use crate::test_support::{code, id, plan};

const AT: i64 = 1_795_615_380_000; // 2026-11-25T14:03:00Z

fn stamp(author: &str) -> Stamp {
    Stamp { author: Some(author.to_string()), updated_at: AT }
}

fn initiative_cell(status: Option<Status>, note: &str, author: &str) -> InitiativeCell {
    InitiativeCell { status, note: note.to_string(), stamp: stamp(author), ..InitiativeCell::default() }
}

/// Parses CSV bytes as Excel would after the BOM: header plus records.
fn read(bytes: &[u8]) -> (::csv::StringRecord, Vec<::csv::StringRecord>) {
    let body = bytes.strip_prefix(BOM).expect("BOM");
    let mut reader = ::csv::ReaderBuilder::new().from_reader(body);
    let header = reader.headers().unwrap().clone();
    let records = reader.records().collect::<Result<Vec<_>, _>>().unwrap();
    (header, records)
}

/// The position of the initiatives sheet's column `name`.
fn c(name: &str) -> usize {
    INITIATIVE_HEADER.iter().position(|h| *h == name).unwrap_or_else(|| panic!("no column {name}"))
}

fn row<'r>(rows: &'r [::csv::StringRecord], id: &str, year: &str) -> &'r ::csv::StringRecord {
    rows.iter().find(|r| &r[2] == id && &r[0] == year).unwrap_or_else(|| panic!("no row {id} {year}"))
}

#[test]
fn initiatives_csv_is_excel_ready_with_a_japanese_header() {
    let plan = plan();
    let bytes = initiatives_csv(&plan, &Record::default(), UtcOffset::JST).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    assert!(bytes.ends_with(b"\r\n"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with(
        "年度,和暦,ID,体系分類1,体系分類2,取組,担当,進捗状況,実績,自己評価,課題,今後の方向性,根拠,メモ,記入者,更新日時\r\n"
    ));
    // Every line ends in CRLF: no bare LF outside quoted notes (none here).
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
}

#[test]
fn every_initiative_has_a_row_for_every_year_even_when_nothing_is_recorded() {
    let plan = plan();
    let (header, rows) = read(&initiatives_csv(&plan, &Record::default(), UtcOffset::JST).unwrap());
    assert_eq!(header.len(), 16);
    assert_eq!(rows.len(), 86 * 5);
    assert_eq!(rows.len(), 430);
    assert!(rows.iter().all(|r| r.len() == 16));
    // Plan order, then year order.
    let keys: Vec<(String, String)> = rows.iter().map(|r| (r[2].to_string(), r[0].to_string())).collect();
    let want: Vec<(String, String)> =
        plan.initiatives.iter().flat_map(|i| (2023..=2027).map(move |y| (i.id.to_string(), y.to_string()))).collect();
    assert_eq!(keys, want);
    let first = &rows[0];
    assert_eq!(&first[0], "2023");
    assert_eq!(&first[1], "R5");
    assert!(first.iter().skip(6).all(str::is_empty), "nothing recorded: {first:?}");
    assert_eq!(&rows[4][1], "R9");
}

#[test]
fn recorded_cells_fill_their_row_with_japanese_text_intact() {
    let plan = plan();
    let mut record = Record::default();
    let note = "商工会と連携し、説明会を２回開催。\n次年度は出張相談を予定";
    record
        .initiatives
        .insert((id("2-①-a"), FiscalYear(2024)), initiative_cell(Some(Status::InProgress), note, "嘉麻 花子"));
    let (_, rows) = read(&initiatives_csv(&plan, &record, UtcOffset::JST).unwrap());
    let r = row(&rows, "2-①-a", "2024");
    let initiative = plan.initiative(id("2-①-a")).unwrap();
    assert_eq!(&r[1], "R6");
    assert_eq!(&r[3], plan.policy(2).unwrap().name);
    assert_eq!(&r[4], plan.sub_policy(initiative.sub_policy_id()).unwrap().name);
    assert_eq!(&r[5], plan.display_name(initiative));
    assert_eq!(&r[c("進捗状況")], "実施中");
    assert_eq!(&r[c("メモ")], note);
    assert_eq!(&r[c("記入者")], "嘉麻 花子");
    assert_eq!(&r[c("更新日時")], "2026-11-25 23:03 +09:00", "local time, with its offset");
    // The other years of the same initiative stay empty.
    assert_eq!(&row(&rows, "2-①-a", "2023")[c("進捗状況")], "");
}

#[test]
fn every_field_of_the_evaluation_has_its_column_and_a_relisted_row_shows_its_originals() {
    let plan = plan();
    let mut record = Record::default();
    let cell = InitiativeCell {
        status: Some(Status::Done),
        results: "セミナー3回\n延べ45名".into(),
        grade: Some(Grade("B".into())),
        challenges: "=参加者の固定化".into(),
        way_forward: Some(WayForward("継続".into())),
        owners: vec!["商工観光課".into(), "商工会".into()],
        links: vec![Link::new("報告書", "https://www.city.kama.lg.jp/r.html").unwrap()],
        note: String::new(),
        stamp: stamp("嘉麻 花子"),
        written: None,
    };
    record.initiatives.insert((id("2-①-a"), FiscalYear(2024)), cell);
    let (_, rows) = read(&initiatives_csv(&plan, &record, UtcOffset::JST).unwrap());
    let relisted = plan.initiatives.iter().find(|i| i.relisted_from == Some(id("2-①-a"))).unwrap().id.to_string();
    for shown in ["2-①-a", relisted.as_str()] {
        let r = row(&rows, shown, "2024");
        assert_eq!(&r[c("実績")], "セミナー3回\n延べ45名");
        assert_eq!(&r[c("自己評価")], "B");
        assert_eq!(&r[c("課題")], "'=参加者の固定化");
        assert_eq!(&r[c("今後の方向性")], "継続");
        assert_eq!(&r[c("担当")], "商工観光課、商工会");
        assert_eq!(&r[c("根拠")], "報告書 https://www.city.kama.lg.jp/r.html");
    }
    // 担当 carries over to the following years until changed.
    assert_eq!(&row(&rows, "2-①-a", "2025")[c("担当")], "商工観光課、商工会");
    assert_eq!(&row(&rows, "2-①-a", "2023")[c("担当")], "");
}

#[test]
fn a_relisted_row_is_named_like_its_original() {
    let plan = plan();
    let (_, rows) = read(&initiatives_csv(&plan, &Record::default(), UtcOffset::JST).unwrap());
    let original = plan.initiative(id("3-①-d")).unwrap();
    assert_eq!(&row(&rows, "4-①-h", "2023")[5], original.short_name);
}

#[test]
fn formula_payloads_in_notes_and_authors_are_neutralised() {
    let plan = plan();
    let payloads = ["=1+1", "+1", "-1", "@SUM(A1:A2)", "\tcmd", "\rcmd"];
    let initiatives: Vec<InitiativeId> = plan.initiatives.iter().map(|i| i.id).take(payloads.len()).collect();
    let mut record = Record::default();
    for (&id, payload) in initiatives.iter().zip(payloads) {
        record.initiatives.insert((id, FiscalYear(2023)), initiative_cell(None, payload, payload));
    }
    let (_, rows) = read(&initiatives_csv(&plan, &record, UtcOffset::JST).unwrap());
    for (&id, payload) in initiatives.iter().zip(payloads) {
        let r = row(&rows, &id.to_string(), "2023");
        assert_eq!(&r[c("メモ")], format!("'{payload}"), "note {payload:?}");
        assert_eq!(&r[c("記入者")], format!("'{payload}"), "author {payload:?}");
    }
}

#[test]
fn a_note_with_comma_quote_and_newline_round_trips() {
    let plan = plan();
    let note = "説明会, 2回 \"盛況\"\r\n次回: 6月\n以上";
    let mut record = Record::default();
    record.initiatives.insert((id("1-①-a"), FiscalYear(2025)), initiative_cell(Some(Status::Done), note, "A"));
    let (_, rows) = read(&initiatives_csv(&plan, &record, UtcOffset::JST).unwrap());
    assert_eq!(rows.len(), 430);
    assert_eq!(&row(&rows, "1-①-a", "2025")[c("メモ")], note);
}

#[test]
fn kpis_csv_has_a_row_per_kpi_and_year_with_plain_numbers() {
    let plan = plan();
    let mut record = Record::default();
    record.kpis.insert(
        (code("2-2"), FiscalYear(2023)),
        KpiCell {
            baseline: Some(40.0),
            target: Some(55.5),
            actual: Some(-3.0),
            note: "=HYPERLINK(\"x\")".to_string(),
            stamp: stamp("@admin"),
            written: None,
        },
    );
    let bytes = kpis_csv(&plan, &record, UtcOffset::JST).unwrap();
    assert!(bytes.starts_with(BOM));
    let (header, rows) = read(&bytes);
    let header: Vec<&str> = header.iter().collect();
    assert_eq!(header, KPI_HEADER);
    assert_eq!(rows.len(), plan.kpis.len() * 5);
    let r = row(&rows, "2-2", "2023");
    let kpi = plan.kpi(code("2-2")).unwrap();
    assert_eq!(&r[1], "R5");
    assert_eq!(&r[3], kpi.name);
    assert_eq!(&r[4], "%");
    assert_eq!((&r[5], &r[6], &r[7]), ("40", "55.5", "-3"), "numbers are not neutralised");
    assert_eq!(&r[8], "'=HYPERLINK(\"x\")");
    assert_eq!(&r[9], "'@admin");
    assert_eq!(&r[10], "2026-11-25 23:03 +09:00");
    let unrecorded = row(&rows, "2-2", "2024");
    assert!(unrecorded.iter().skip(5).all(str::is_empty));
    // A KPI without a unit leaves the column empty.
    assert_eq!(&row(&rows, "2-4", "2023")[4], "");
}

#[test]
fn numbers_print_without_a_trailing_zero_and_non_finite_values_as_text() {
    assert_eq!(format_number(2023.0), "2023");
    assert_eq!(format_number(1234.5), "1234.5");
    assert_eq!(format_number(0.1), "0.1");
    assert_eq!(format_number(-0.0), "0");
    assert_eq!(format_number(1e21), "1000000000000000000000");
    assert_eq!(number(Some(f64::NAN)), Field::Text("NaN".into()));
    assert_eq!(number(Some(f64::INFINITY)), Field::Text("inf".into()));
    assert_eq!(number(None), Field::Text("".into()));
}

#[test]
fn stamps_format_as_utc_to_the_second() {
    assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
    assert_eq!(format_utc(AT), "2026-11-25T14:03:00Z");
    assert_eq!(format_utc(AT + 999), "2026-11-25T14:03:00Z");
    assert_eq!(format_utc(1_709_251_199_000), "2024-02-29T23:59:59Z");
    assert_eq!(format_utc(951_868_800_000), "2000-03-01T00:00:00Z");
    assert_eq!(format_utc(-1), "1969-12-31T23:59:59Z");
}
