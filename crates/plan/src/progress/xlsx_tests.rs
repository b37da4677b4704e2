//! Tests of `progress::xlsx`: the workbook is unzipped with the `zip` crate
//! and its XML parsed back with `roxmltree`, to check that it is well-formed
//! and how cells are typed.

use std::io::Read;

use super::*;
use crate::plan::{FiscalYear, InitiativeId, KpiCode};
use crate::progress::{InitiativeCell, KpiCell, Stamp, Status};
use crate::test_support::plan;

const AT: i64 = 1_795_615_380_000; // 2026-11-25T14:03:00Z

const INITIATIVES: &str = "xl/worksheets/sheet1.xml";
const KPIS: &str = "xl/worksheets/sheet2.xml";

fn sample() -> Record {
    sample_with_note("=1+1 は式ではなく文字\n二行目")
}

/// One recorded initiative cell (2-①-a, FY2024) with `note`, and one KPI
/// cell (2-2, FY2023).
fn sample_with_note(note: &str) -> Record {
    let mut record = Record::default();
    let stamp = Stamp { author: Some("嘉麻 花子".to_string()), updated_at: AT };
    let id: InitiativeId = "2-①-a".parse().unwrap();
    record.initiatives.insert(
        (id, FiscalYear(2024)),
        InitiativeCell {
            status: Some(Status::Delayed),
            note: note.to_string(),
            stamp: stamp.clone(),
            ..InitiativeCell::default()
        },
    );
    let code: KpiCode = "2-2".parse().unwrap();
    record.kpis.insert(
        (code, FiscalYear(2023)),
        KpiCell {
            baseline: Some(40.0),
            target: Some(55.5),
            actual: None,
            note: "見込み".to_string(),
            stamp,
            written: None,
        },
    );
    record
}

/// Row of 2-①-a in FY2024 on the initiative sheet.
fn sample_initiative_row(plan: &Plan) -> usize {
    let index = plan.initiatives.iter().position(|i| i.id.to_string() == "2-①-a").unwrap();
    2 + index * 5 + 1
}

/// The names of the zip's entries, in order.
fn entries(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    archive.file_names().map(|name| name.unwrap().into_owned()).collect()
}

/// One file of the workbook's zip, as text (read to the end, so its CRC is
/// checked).
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).unwrap_or_else(|_| panic!("no {name}"));
    assert_eq!(file.compression(), zip::CompressionMethod::Stored);
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

/// The `<c r="…">` element of one cell.
fn cell<'d>(doc: &'d roxmltree::Document<'_>, reference: &str) -> roxmltree::Node<'d, 'd> {
    doc.descendants()
        .find(|n| n.has_tag_name("c") && n.attribute("r") == Some(reference))
        .unwrap_or_else(|| panic!("no cell {reference}"))
}

fn has_cell(xml: &str, reference: &str) -> bool {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants().any(|n| n.has_tag_name("c") && n.attribute("r") == Some(reference))
}

/// A string cell's text and style; panics on a number cell.
fn string_cell(bytes: &[u8], sheet: &str, reference: &str) -> (String, Option<u8>) {
    let xml = part(bytes, sheet);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let c = cell(&doc, reference);
    assert_eq!(c.attribute("t"), Some("inlineStr"), "{reference} is not a string cell");
    let t = c.descendants().find(|n| n.has_tag_name("t")).unwrap();
    let style = c.attribute("s").map(|s| s.parse().unwrap());
    (t.text().unwrap_or("").to_string(), style)
}

fn string_value(bytes: &[u8], sheet: &str, reference: &str) -> String {
    string_cell(bytes, sheet, reference).0
}

fn number_value(bytes: &[u8], sheet: &str, reference: &str) -> f64 {
    let xml = part(bytes, sheet);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let c = cell(&doc, reference);
    assert_eq!(c.attribute("t"), None, "{reference} is not a number cell");
    let v = c.children().find(|n| n.has_tag_name("v")).unwrap();
    v.text().unwrap().parse().unwrap()
}

/// The column letter of the initiatives sheet's column `name`.
fn col(name: &str) -> String {
    let at = INITIATIVE_HEADER.iter().position(|h| *h == name).unwrap_or_else(|| panic!("no column {name}"));
    column_name(at + 1)
}

#[test]
fn the_workbook_is_a_zip_of_stored_well_formed_parts() {
    let bytes = workbook(&plan(), &sample(), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let names = entries(&bytes);
    assert_eq!(names, super::props_tests::PARTS);
    for name in &names {
        let xml = part(&bytes, name);
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // Fixed DOS timestamp (1980-01-01 00:00) and the UTF-8 name flag.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let file = archive.by_index(0).unwrap();
    let modified = file.last_modified().unwrap();
    assert_eq!((modified.year(), modified.month(), modified.day()), (1980, 1, 1));
    assert_eq!(u16::from_le_bytes([bytes[6], bytes[7]]), 1 << 11);
}

#[test]
fn the_sheets_are_named_in_japanese_in_order() {
    let bytes = workbook(&plan(), &sample(), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    let book = part(&bytes, "xl/workbook.xml");
    let doc = roxmltree::Document::parse(&book).unwrap();
    let sheets: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("sheet")).filter_map(|n| n.attribute("name")).collect();
    assert_eq!(sheets, [EVALUATION_SHEET, INITIATIVE_SHEET, KPI_SHEET]);
    assert_eq!(sheets, ["評価シート", "取組進捗", "数値目標"]);
    let filters: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("definedName")).filter_map(|n| n.text()).collect();
    assert_eq!(
        filters,
        ["'評価シート'!$A$2:$J$88", "'評価シート'!$1:$2", "'取組進捗'!$A$1:$P$431", "'数値目標'!$A$1:$K$136"],
        "filters from each header row, and the 評価シート's title and header printed on every page"
    );
}

#[test]
fn the_evaluation_sheet_is_the_years_council_table_set_up_to_print() {
    use crate::progress::edit::{Change, Edit, TextField};
    use crate::progress::{Grade, WayForward};
    let plan = plan();
    let mut record = sample();
    let id: InitiativeId = "2-①-a".parse().unwrap();
    let year = FiscalYear(2024);
    for change in [
        Change::Text(TextField::Results, "セミナー3回\n延べ45名".into()),
        Change::Grade(Some(Grade("B".into()))),
        Change::Text(TextField::Challenges, "=固定化".into()),
        Change::WayForward(Some(WayForward("拡充".into()))),
        Change::Owners(vec!["商工観光課".into(), "商工会".into()]),
    ] {
        record.apply(&Edit::Initiative { id, year, change }, Stamp::default()).unwrap();
    }
    record.kpis.insert(
        ("2-2".parse().unwrap(), year),
        KpiCell { target: Some(30.0), actual: Some(31.0), ..KpiCell::default() },
    );
    let bytes = workbook(&plan, &record, year, AT, UtcOffset::JST).unwrap();
    const SHEET: &str = "xl/worksheets/sheet3.xml";
    assert_eq!(
        string_cell(&bytes, SHEET, "A1"),
        ("第2次嘉麻市中小企業振興基本計画 評価シート 令和6年度（2024年度）".to_string(), Some(STYLE_HEADER)),
        "the title says the year, which an import reads back"
    );
    assert!(!has_cell(&part(&bytes, SHEET), "B1"), "the title is one cell");
    let header: Vec<String> = (1..=10).map(|c| string_value(&bytes, SHEET, &format!("{}2", column_name(c)))).collect();
    assert_eq!(header, EVALUATION_HEADER);
    let row = 3 + plan.initiatives.iter().position(|i| i.id == id).unwrap();
    let at = |c: &str| string_value(&bytes, SHEET, &format!("{c}{row}"));
    assert_eq!(at("A"), "2-①-a");
    assert_eq!(at("C"), "商工観光課、商工会");
    assert_eq!(at("E"), "セミナー3回\n延べ45名");
    assert_eq!(at("F"), "B");
    assert_eq!(at("G"), "=固定化", "kept as typed: an .xlsx never evaluates a string");
    assert_eq!(at("H"), "拡充");
    assert!(
        at("I").contains("2-2 企業におけるデジタル化進捗割合: 目標値 30% / 実績値 31% / 達成率 103.3%"),
        "{}",
        at("I")
    );
    let xml = part(&bytes, SHEET);
    assert!(xml.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"));
    assert!(xml.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"));
    assert!(xml.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    assert!(xml.contains("<selection pane=\"bottomLeft\" activeCell=\"A3\" sqref=\"A3\"/>"));
    assert!(xml.contains("<autoFilter ref=\"A2:J88\"/>"), "filters from the header, not the title");
    assert!(xml.contains("<dimension ref=\"A1:J88\"/>"));
    assert!(xml.contains("tabSelected=\"1\""), "opens on the 評価シート");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    // Column formats come from the first data row, not from the title's.
    let styles: Vec<Option<&str>> =
        doc.descendants().filter(|n| n.has_tag_name("col")).map(|c| c.attribute("style")).collect();
    let (code, note) = (Some("2"), Some("3"));
    assert_eq!(styles, [code, note, None, None, note, code, note, None, note, note]);
}

#[test]
fn kpi_codes_and_ids_are_text_cells_and_values_numbers() {
    let plan = plan();
    let bytes = workbook(&plan, &sample(), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    // 数値目標: header, then 5 rows per KPI in plan order; 2-2 in FY2023.
    let kpi_index = plan.kpis.iter().position(|k| k.code.to_string() == "2-2").unwrap();
    let row = 2 + kpi_index * 5;
    assert_eq!(string_cell(&bytes, KPIS, &format!("C{row}")), ("2-2".to_string(), Some(STYLE_CODE)));
    assert_eq!(number_value(&bytes, KPIS, &format!("A{row}")), 2023.0);
    assert_eq!(string_value(&bytes, KPIS, &format!("B{row}")), "R5");
    assert_eq!(number_value(&bytes, KPIS, &format!("F{row}")), 40.0);
    assert_eq!(number_value(&bytes, KPIS, &format!("G{row}")), 55.5);
    assert!(!has_cell(&part(&bytes, KPIS), &format!("H{row}")), "no actual value: blank");
    assert_eq!(string_cell(&bytes, KPIS, &format!("I{row}")), ("見込み".to_string(), Some(STYLE_NOTE)));
    assert_eq!(string_value(&bytes, KPIS, &format!("K{row}")), "2026-11-25 23:03 +09:00");
    // Every code cell of the sheet is a text-formatted string, whatever its shape.
    for row in 2..=1 + plan.kpis.len() * 5 {
        assert_eq!(string_cell(&bytes, KPIS, &format!("C{row}")).1, Some(STYLE_CODE), "C{row}");
    }
    assert_eq!(string_value(&bytes, INITIATIVES, "C2"), plan.initiatives[0].id.to_string());
}

#[test]
fn the_text_style_is_excels_at_sign_format_and_the_header_bold() {
    let bytes = workbook(&plan(), &sample(), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    let styles = part(&bytes, "xl/styles.xml");
    let doc = roxmltree::Document::parse(&styles).unwrap();
    let cell_xfs = doc.descendants().find(|n| n.has_tag_name("cellXfs")).unwrap();
    let xfs: Vec<_> = cell_xfs.children().filter(|n| n.has_tag_name("xf")).collect();
    assert_eq!(cell_xfs.attribute("count"), Some("4"));
    assert_eq!(xfs.len(), 4);
    assert_eq!(xfs[usize::from(STYLE_CODE)].attribute("numFmtId"), Some("49"), "built-in 49 is `@`");
    let fonts: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("font")).collect();
    let header_font: usize = xfs[usize::from(STYLE_HEADER)].attribute("fontId").unwrap().parse().unwrap();
    assert!(fonts[header_font].children().any(|n| n.has_tag_name("b")));
    let note = xfs[usize::from(STYLE_NOTE)].children().find(|n| n.has_tag_name("alignment")).unwrap();
    assert_eq!(note.attribute("wrapText"), Some("1"));
    assert_eq!(string_cell(&bytes, KPIS, "C1"), ("指標コード".to_string(), Some(STYLE_HEADER)));
}

#[test]
fn the_initiative_sheet_has_every_row_and_the_recorded_text() {
    let plan = plan();
    let bytes = workbook(&plan, &sample(), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    let xml = part(&bytes, INITIATIVES);
    assert!(has_cell(&xml, "A431"), "86 × 5 rows after the header");
    assert!(!has_cell(&xml, "A432"));
    assert!(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    assert!(xml.contains("<autoFilter ref=\"A1:P431\"/>"));
    assert!(xml.contains("<dimension ref=\"A1:P431\"/>"));
    assert_eq!(string_cell(&bytes, INITIATIVES, "A1"), ("年度".to_string(), Some(STYLE_HEADER)));
    assert_eq!(string_value(&bytes, INITIATIVES, &format!("{}1", col("メモ"))), "メモ");
    let row = sample_initiative_row(&plan);
    assert_eq!(string_value(&bytes, INITIATIVES, &format!("C{row}")), "2-①-a");
    assert_eq!(string_value(&bytes, INITIATIVES, &format!("{}{row}", col("進捗状況"))), "遅れ");
    // Stored as a plain string, not neutralised: an .xlsx never evaluates it.
    assert_eq!(
        string_cell(&bytes, INITIATIVES, &format!("{}{row}", col("メモ"))),
        ("=1+1 は式ではなく文字\n二行目".to_string(), Some(STYLE_NOTE))
    );
    assert_eq!(string_value(&bytes, INITIATIVES, &format!("{}{row}", col("記入者"))), "嘉麻 花子");
}

#[test]
fn columns_have_widths_and_code_and_note_columns_their_format() {
    let bytes = workbook(&plan(), &sample(), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    let xml = part(&bytes, INITIATIVES);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let cols: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("col")).collect();
    assert_eq!(cols.len(), INITIATIVE_HEADER.len());
    let at = |name: &str| INITIATIVE_HEADER.iter().position(|h| *h == name).unwrap();
    // Excel shows 7 for a stored 7.7109375 (padding added, as Excel does).
    assert_eq!(cols[0].attribute("width"), Some("7.7109375"));
    assert_eq!(cols[at("実績")].attribute("width"), Some("50.7109375"));
    let styles: Vec<Option<&str>> = cols.iter().map(|c| c.attribute("style")).collect();
    let code = STYLE_CODE.to_string();
    let note = STYLE_NOTE.to_string();
    let mut want = [None; INITIATIVE_HEADER.len()];
    for name in ["ID", "自己評価"] {
        want[at(name)] = Some(code.as_str());
    }
    for name in ["実績", "課題", "根拠", "メモ"] {
        want[at(name)] = Some(note.as_str());
    }
    assert_eq!(styles, want);
}

#[test]
fn an_empty_record_still_gives_the_full_checklist() {
    let plan = plan();
    let bytes = workbook(&plan, &Record::default(), FiscalYear(2024), 0, UtcOffset::JST).unwrap();
    let xml = part(&bytes, INITIATIVES);
    assert!(has_cell(&xml, "C431"));
    for name in ["担当", "進捗状況", "実績", "自己評価", "メモ"] {
        assert!(!has_cell(&xml, &format!("{}2", col(name))), "nothing recorded: blank, not an empty string");
    }
}

#[test]
fn the_same_record_and_moment_give_the_same_bytes() {
    let plan = plan();
    let bytes = workbook(&plan, &sample(), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    assert_eq!(bytes, workbook(&plan, &sample(), FiscalYear(2024), AT, UtcOffset::JST).unwrap());
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-25T14:03:00Z</dcterms:created>"),
        "{core}"
    );
    assert!(core.contains("<dc:title>"), "{core}");
    assert_ne!(bytes, workbook(&plan, &sample(), FiscalYear(2024), AT + 1000, UtcOffset::JST).unwrap());
}

#[test]
fn a_clock_beyond_the_year_9999_leaves_the_creation_time_out() {
    let plan = plan();
    for at in [i64::MAX, i64::MIN, 253_402_300_800_000] {
        let core =
            part(&workbook(&plan, &sample(), FiscalYear(2024), at, UtcOffset::JST).unwrap(), "docProps/core.xml");
        assert!(!core.contains("dcterms:created"), "{at}: {core}");
    }
    let core = part(
        &workbook(&plan, &sample(), FiscalYear(2024), 253_402_300_799_999, UtcOffset::JST).unwrap(),
        "docProps/core.xml",
    );
    assert!(core.contains(">9999-12-31T23:59:59Z<"), "{core}");
}

#[test]
fn markup_and_control_characters_in_a_note_still_give_a_valid_file() {
    let plan = plan();
    let note = "<script>alert(\"x\" & 'y')</script>\u{1}\u{b}\u{fffe}\ttab\r\nCRLF _x0041_ ]]>";
    let bytes = workbook(&plan, &sample_with_note(note), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    let xml = part(&bytes, INITIATIVES);
    roxmltree::Document::parse(&xml).unwrap();
    assert!(!xml.contains("<script>"));
    assert!(!xml.contains('\u{1}'));
    let row = sample_initiative_row(&plan);
    // Forbidden characters dropped, tab and CR kept; `_x0041_` is protected
    // as `_x005F_x0041_` so Excel shows it as typed, not as `A`.
    assert_eq!(
        string_value(&bytes, INITIATIVES, &format!("{}{row}", col("メモ"))),
        "<script>alert(\"x\" & 'y')</script>\ttab\r\nCRLF _x005F_x0041_ ]]>"
    );
}

#[test]
fn spaces_around_a_note_are_kept() {
    let plan = plan();
    let bytes = workbook(&plan, &sample_with_note("  字下げ\n"), FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    let row = sample_initiative_row(&plan);
    assert_eq!(string_value(&bytes, INITIATIVES, &format!("{}{row}", col("メモ"))), "  字下げ\n");
}

#[test]
fn a_note_over_excels_cell_limit_is_refused_with_a_sentence() {
    let plan = plan();
    assert!(workbook(&plan, &sample_with_note(&"あ".repeat(32_767)), FiscalYear(2024), AT, UtcOffset::JST).is_ok());
    let error =
        workbook(&plan, &sample_with_note(&"あ".repeat(32_768)), FiscalYear(2024), AT, UtcOffset::JST).unwrap_err();
    let row = sample_initiative_row(&plan);
    assert_eq!(
        error.to_string(),
        format!(
            "could not write the workbook: cell 取組進捗!{}{row} holds 32768 characters, over Excel's limit of 32767",
            col("メモ")
        )
    );
    // Worded in Japanese, the cell is named as Excel names it, and the way out.
    let export = crate::progress::file_name::ExportError::from(error.clone());
    assert_eq!(
        crate::present::i18n::export_error(crate::present::i18n::Lang::Ja, &export),
        format!(
            "「取組進捗」の {}{row} のセルが長すぎて Excel のファイルに書けません（32768文字。Excel の上限は32,767文字）。その欄を短くするか、JSON で書き出してください。",
            col("メモ")
        )
    );
    // Excel counts UTF-16 units: a character outside the BMP counts twice.
    assert!(workbook(&plan, &sample_with_note(&"😀".repeat(16_384)), FiscalYear(2024), AT, UtcOffset::JST).is_err());
    let error: Box<dyn std::error::Error> = Box::new(error);
    assert!(error.source().is_none());
}

#[test]
fn a_value_that_is_not_a_finite_number_is_written_as_text() {
    let plan = plan();
    let mut record = sample();
    for cell in record.kpis.values_mut() {
        cell.actual = Some(f64::INFINITY);
        cell.baseline = Some(-0.0);
    }
    let bytes = workbook(&plan, &record, FiscalYear(2024), AT, UtcOffset::JST).unwrap();
    let kpi_index = plan.kpis.iter().position(|k| k.code.to_string() == "2-2").unwrap();
    let row = 2 + kpi_index * 5;
    assert_eq!(string_value(&bytes, KPIS, &format!("H{row}")), "inf");
    let xml = part(&bytes, KPIS);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let baseline = cell(&doc, &format!("F{row}"));
    assert_eq!(baseline.children().find(|n| n.has_tag_name("v")).unwrap().text(), Some("0"), "not `-0`");
}

#[test]
fn column_names_run_past_z() {
    let names: Vec<String> = [1, 2, 26, 27, 52, 53, 702, 703].into_iter().map(column_name).collect();
    assert_eq!(names, ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
}

#[test]
fn the_zip_crc_is_the_standard_crc32() {
    // The check value of CRC-32/ISO-HDLC, the CRC zip uses, and two more
    // from Python's `zlib.crc32`. (Reading each part to its end in `part`
    // has the `zip` crate check every entry's CRC as well.)
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
    assert_eq!(crc32("取組進捗".as_bytes()), 0x45A8_415A);
}
