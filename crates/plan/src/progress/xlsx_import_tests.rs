//! Tests of `progress::xlsx_import`: our own export read back against other
//! records, small workbooks built here cell by cell for what a spreadsheet
//! does to cells (numbers, dates, booleans, error values, moved columns),
//! and a workbook LibreOffice wrote (`tests/fixtures/`).

use std::io::Write;

use super::*;
use crate::present::i18n::{sheet_error, Lang};
use crate::progress::csv::UtcOffset;
use crate::progress::edit::History;
use crate::progress::xlsx::workbook;
use crate::progress::{Cell, CellKey, Stamp, Status};
use crate::test_support::{id, plan};

const AT: i64 = 1_795_615_380_000;
const YEAR: FiscalYear = FiscalYear(2024);

fn export(plan: &Plan, record: &Record, year: FiscalYear) -> Vec<u8> {
    workbook(plan, record, year, AT, UtcOffset::JST).unwrap()
}

fn set(record: &mut Record, initiative: &str, year: FiscalYear, changes: Vec<Change>) {
    for change in changes {
        record.apply(&Edit::Initiative { id: id(initiative), year, change }, Stamp::default()).unwrap();
    }
}

/// A note of several thousand characters: Japanese, lines, markup.
fn long_note() -> String {
    (1..=400).map(|n| format!("{n}行目：支援<件数>&「報告」\n")).collect()
}

/// Record A: every imported field of 2-①-a in 2024, a re-listed initiative's
/// original (3-①-a, re-listed as 4-①-a) and 担当 carried over from 2023.
fn record_a() -> Record {
    let mut record = Record::default();
    set(
        &mut record,
        "2-①-a",
        YEAR,
        vec![
            Change::Status(Some(Status::Delayed)),
            Change::Text(TextField::Results, "セミナー3回\n延べ45名".into()),
            Change::Grade(Some(Grade("B".into()))),
            Change::Text(TextField::Challenges, "=固定化".into()),
            Change::WayForward(Some(WayForward("拡充".into()))),
            Change::Owners(vec!["商工観光課".into(), "商工会".into()]),
            Change::Text(TextField::Note, long_note()),
        ],
    );
    set(&mut record, "3-①-a", YEAR, vec![Change::Status(Some(Status::Done))]);
    set(&mut record, "1-①-a", FiscalYear(2023), vec![Change::Owners(vec!["企画課".into()])]);
    record
}

/// Record B: 2-①-a in another state, 1-①-b with a note A has not.
fn record_b() -> Record {
    let mut record = Record::default();
    set(
        &mut record,
        "2-①-a",
        YEAR,
        vec![Change::Status(Some(Status::InProgress)), Change::Text(TextField::Results, "セミナー1回".into())],
    );
    set(&mut record, "1-①-b", YEAR, vec![Change::Text(TextField::Note, "消える".into())]);
    set(&mut record, "1-①-a", FiscalYear(2023), vec![Change::Owners(vec!["企画課".into()])]);
    record
}

fn summary(import: &SheetImport) -> Vec<(String, Field, String, String)> {
    import.changes.iter().map(|c| (c.id.to_string(), c.field, c.current.clone(), c.incoming.clone())).collect()
}

fn s(text: &str) -> String {
    text.to_string()
}

#[test]
fn an_unchanged_export_reads_back_as_no_change() {
    let plan = plan();
    let record = record_a();
    let import = read_evaluation_sheet(&plan, &record, &export(&plan, &record, YEAR)).unwrap();
    assert_eq!(import.year, YEAR);
    assert_eq!(import.changes, []);
    assert_eq!(import.edit(), None);
    // Another year of the same record: nothing in it, nothing changed.
    let import = read_evaluation_sheet(&plan, &record, &export(&plan, &record, FiscalYear(2026))).unwrap();
    assert_eq!((import.year, import.changes.len()), (FiscalYear(2026), 0));
}

#[test]
fn a_sheet_read_against_another_record_gives_exactly_the_differences() {
    let plan = plan();
    let bytes = export(&plan, &record_a(), YEAR);
    let import = read_evaluation_sheet(&plan, &record_b(), &bytes).unwrap();
    assert_eq!(
        summary(&import),
        [
            (s("1-①-b"), Field::Note, s("消える"), s("")),
            (s("2-①-a"), Field::Owners, s(""), s("商工観光課、商工会")),
            (s("2-①-a"), Field::Status, s("実施中"), s("遅れ")),
            (s("2-①-a"), Field::Results, s("セミナー1回"), s("セミナー3回\n延べ45名")),
            (s("2-①-a"), Field::Grade, s(""), s("B")),
            (s("2-①-a"), Field::Challenges, s(""), s("=固定化")),
            (s("2-①-a"), Field::WayForward, s(""), s("拡充")),
            (s("2-①-a"), Field::Note, s(""), long_note()),
            // 4-①-a re-lists 3-①-a: one change, to the original.
            (s("3-①-a"), Field::Status, s(""), s("完了")),
        ]
    );
    assert!(long_note().chars().count() > 5000);
    let owners = &import.changes[1];
    assert_eq!(owners.change, Change::Owners(vec![s("商工観光課"), s("商工会")]));
    assert_eq!(import.changes[0].change, Change::Text(TextField::Note, String::new()));
    assert!(import.changes.iter().all(|c| c.year == YEAR));
}

#[test]
fn the_edit_is_one_step_of_undo_that_gives_the_sheets_values() {
    let plan = plan();
    let a = record_a();
    let mut b = record_b();
    let before = b.clone();
    let import = read_evaluation_sheet(&plan, &b, &export(&plan, &a, YEAR)).unwrap();
    let mut history = History::default();
    history.apply(&mut b, &import.edit().unwrap(), Stamp { author: Some(s("嘉麻 花子")), updated_at: AT }).unwrap();
    for initiative in &plan.initiatives {
        let (x, y) = (a.initiative(&plan, initiative.id, YEAR), b.initiative(&plan, initiative.id, YEAR));
        let fields = |c: Option<&InitiativeCell>| c.map(|c| c.fields()).unwrap_or_default();
        assert_eq!(fields(x), fields(y), "{}", initiative.id);
        assert_eq!(a.owners(&plan, initiative.id, YEAR), b.owners(&plan, initiative.id, YEAR));
    }
    let logged = &b.history[&CellKey::Initiative(id("2-①-a"), YEAR)].entries;
    assert!(logged.iter().any(|e| e.field == Field::Grade && e.after == "B"), "history records the import");
    assert!(history.undo(&mut b, Stamp::default()).unwrap());
    assert!(b.same_cells(&before), "one undo restores the record");
    assert!(!history.can_undo());
}

#[test]
fn a_change_typed_into_the_relisted_row_goes_to_the_original() {
    let plan = plan();
    let sheet = book(&[
        title(),
        header(),
        vec![t("3-①-a"), t("取組"), Blank, t("実施中")],
        vec![t("4-①-a"), t("取組"), Blank, t("完了")],
    ]);
    let mut record = Record::default();
    set(&mut record, "3-①-a", YEAR, vec![Change::Status(Some(Status::InProgress))]);
    let import = read_evaluation_sheet(&plan, &record, &sheet).unwrap();
    assert_eq!(summary(&import), [(s("3-①-a"), Field::Status, s("実施中"), s("完了"))]);

    // Both rows changed, differently: which is meant is unknown.
    let sheet = book(&[
        title(),
        header(),
        vec![t("3-①-a"), t("取組"), Blank, t("遅れ")],
        vec![t("4-①-a"), t("取組"), Blank, t("完了")],
    ]);
    let e = read_evaluation_sheet(&plan, &record, &sheet).unwrap_err();
    assert_eq!(
        sheet_error(Lang::Ja, &e),
        "「評価シート」に直すところが1か所あるため、何も読み込んでいません。\n評価シートの 4 行目「進捗状況」: \
         同じ取組（再掲）の 3 行目と違う内容に書き換えられています。どちらか一方だけにしてください"
    );
}

// ---------------------------------------------------------------------------
// Workbooks built cell by cell

#[derive(Debug, Clone)]
enum C {
    Blank,
    /// Text (an inline string).
    T(&'static str),
    /// A number in General format.
    N(f64),
    /// A date serial in a date format.
    D(f64),
    B(bool),
    /// An error value such as `#N/A`.
    E(&'static str),
}
use C::*;

fn t(text: &'static str) -> C {
    T(text)
}

fn title() -> Vec<C> {
    vec![t("第2次嘉麻市中小企業振興基本計画 評価シート 令和6年度（2024年度）")]
}

fn header() -> Vec<C> {
    ["番号", "取組", "担当", "進捗状況", "実績", "自己評価", "課題", "今後の方向性", "関連する数値目標", "メモ"]
        .into_iter()
        .map(T)
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A workbook of one sheet named 評価シート with `rows` from row 1.
fn book(rows: &[Vec<C>]) -> Vec<u8> {
    book_named("評価シート", rows)
}

fn book_named(name: &str, rows: &[Vec<C>]) -> Vec<u8> {
    let mut sheet = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    ));
    for (r, row) in (1..).zip(rows) {
        sheet.push_str(&format!("<row r=\"{r}\">"));
        for (c, cell) in (b'A'..).zip(row) {
            let at = format!("{}{r}", char::from(c));
            match cell {
                Blank => {}
                T(text) => sheet.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escape(text)
                )),
                N(n) => sheet.push_str(&format!("<c r=\"{at}\"><v>{n}</v></c>")),
                D(n) => sheet.push_str(&format!("<c r=\"{at}\" s=\"1\"><v>{n}</v></c>")),
                B(b) => sheet.push_str(&format!("<c r=\"{at}\" t=\"b\"><v>{}</v></c>", u8::from(*b))),
                E(code) => sheet.push_str(&format!("<c r=\"{at}\" t=\"e\"><v>{code}</v></c>")),
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("xl/workbook.xml", WORKBOOK.replace("NAME", name)),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_string()),
        ("xl/styles.xml", STYLES.to_string()),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in parts {
        zip.start_file(*name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
    "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
    "</Types>",
);

const ROOT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>",
    "</Relationships>",
);

const WORKBOOK: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"",
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
    "<sheets><sheet name=\"NAME\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
);

const WORKBOOK_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "</Relationships>",
);

/// Style 1 is built-in number format 14, a date.
const STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>",
    "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>",
    "<borders count=\"1\"><border/></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>",
    "</styleSheet>",
);

fn read(rows: &[Vec<C>]) -> Result<SheetImport, SheetError> {
    read_evaluation_sheet(&plan(), &Record::default(), &book(rows))
}

/// The Japanese message of a refused sheet.
fn refused(rows: &[Vec<C>]) -> String {
    sheet_error(Lang::Ja, &read(rows).unwrap_err())
}

#[test]
fn columns_are_found_by_title_in_any_order_and_extra_ones_ignored() {
    let rows = [
        vec![Blank, t("令和6年度 評価")],
        vec![],
        vec![t("メモ"), t("独自の欄"), t("自己評価"), t("進捗状況"), t("番号")],
        vec![t("メモ1"), t("無視"), t("A"), t("完了"), t("2-①-a")],
    ];
    let import = read(&rows).unwrap();
    assert_eq!(import.year, YEAR, "令和6年度 without the western year");
    assert_eq!(
        summary(&import),
        [
            (s("2-①-a"), Field::Status, s(""), s("完了")),
            (s("2-①-a"), Field::Grade, s(""), s("A")),
            (s("2-①-a"), Field::Note, s(""), s("メモ1")),
        ],
        "columns missing from the sheet are left as they are"
    );
}

#[test]
fn cells_a_spreadsheet_retyped_are_read_as_what_was_typed() {
    let rows = [
        title(),
        header(),
        // 12 typed into 実績 is a number; 3.0 shows as 3; a leading = is text.
        vec![
            t("2-1-a"),
            Blank,
            t("商工観光課, 商工会\n商工会"),
            t("Done"),
            N(12.0),
            t("Ａ"),
            N(3.0),
            t("継続"),
            N(9.0),
            t("=SUM(A1)"),
        ],
        vec![],
        // Ids as users write them; choices by their labels, any width and case.
        vec![
            t(" 2-①-b "),
            Blank,
            Blank,
            t("未着手"),
            t("\r\n行\r\n"),
            t("評価対象外"),
            Blank,
            t("Expand"),
            Blank,
            Blank,
        ],
    ];
    let import = read(&rows).unwrap();
    assert_eq!(
        summary(&import),
        [
            (s("2-①-a"), Field::Owners, s(""), s("商工観光課、商工会")),
            (s("2-①-a"), Field::Status, s(""), s("完了")),
            (s("2-①-a"), Field::Results, s(""), s("12")),
            (s("2-①-a"), Field::Grade, s(""), s("A")),
            (s("2-①-a"), Field::Challenges, s(""), s("3")),
            (s("2-①-a"), Field::WayForward, s(""), s("継続")),
            (s("2-①-a"), Field::Note, s(""), s("=SUM(A1)")),
            (s("2-①-b"), Field::Status, s(""), s("未着手")),
            (s("2-①-b"), Field::Results, s(""), s("\n行\n")),
            (s("2-①-b"), Field::Grade, s(""), s("対象外")),
            (s("2-①-b"), Field::WayForward, s(""), s("拡充")),
        ]
    );
}

#[test]
fn a_date_in_a_text_column_is_read_as_excel_shows_it() {
    let rows = [title(), header(), vec![t("2-①-a"), Blank, Blank, Blank, D(45748.0), Blank, D(45748.5)]];
    let import = read(&rows).unwrap();
    let incoming: Vec<&str> = import.changes.iter().map(|c| c.incoming.as_str()).collect();
    assert_eq!(incoming, ["2025/4/1", "2025/4/1 12:00"]);
}

#[test]
fn blank_rows_and_rows_of_plan_text_only_are_skipped() {
    let rows =
        [title(), header(), vec![], vec![Blank, t("取組の説明だけ")], vec![t("1-①-a"), Blank, Blank, t("実施中")]];
    assert_eq!(read(&rows).unwrap().changes.len(), 1);
}

#[test]
fn the_year_is_taken_from_the_title_and_must_be_in_the_plan() {
    let no_title = [header(), vec![t("1-①-a")]];
    let e = read(&no_title).unwrap_err();
    assert_eq!(e, SheetError::NoYear { sheet: s("評価シート") });
    assert_eq!(
        sheet_error(Lang::Ja, &e),
        "「評価シート」の見出しの上に年度（「令和7年度（2025年度）」のような表題）がないため、どの年度の評価か分かりません。"
    );
    let outside = [vec![t("2030年度")], header()];
    assert_eq!(read(&outside).unwrap_err(), SheetError::YearOutsidePlan { sheet: s("評価シート"), year: 2030 });
    // Full-width digits, and the year in any cell above the header.
    let wide = [vec![Blank, Blank, t("（２０２５年度）")], header()];
    assert_eq!(read(&wide).unwrap().year, FiscalYear(2025));
}

#[test]
fn a_sheet_with_another_name_is_found_by_its_header() {
    let rows = [title(), header(), vec![t("1-①-a"), Blank, Blank, t("完了")]];
    let bytes = book_named("Sheet1", &rows);
    assert_eq!(read_evaluation_sheet(&plan(), &Record::default(), &bytes).unwrap().changes.len(), 1);
    let not_ours = book_named("Sheet1", &[vec![t("年度"), t("ID")]]);
    let e = read_evaluation_sheet(&plan(), &Record::default(), &not_ours).unwrap_err();
    assert_eq!(e, SheetError::NoSheet);
    assert!(sheet_error(Lang::Ja, &e).contains("「評価シート」のシートがありません"));
    let no_header = read(&[title(), vec![t("番号"), t("取組")]]).unwrap_err();
    assert_eq!(no_header, SheetError::NoHeader { sheet: s("評価シート") });
}

#[test]
fn an_unknown_id_names_its_row_and_column() {
    let rows = [title(), header(), vec![t("1-①-a")], vec![t("9-①-z"), Blank, Blank, t("完了")]];
    assert_eq!(
        refused(&rows),
        "「評価シート」に直すところが1か所あるため、何も読み込んでいません。\n\
         評価シートの 4 行目「番号」: 「9-①-z」は計画の取組の番号にありません"
    );
    let e = read(&rows).unwrap_err();
    assert_eq!(
        sheet_error(Lang::En, &e),
        "nothing was read: sheet 「評価シート」 has 1 problems\nrow 4, 番号: \"9-①-z\" is not an initiative of the plan"
    );
}

#[test]
fn a_grade_outside_the_scale_is_refused_with_the_scale() {
    let rows = [title(), header(), vec![t("1-①-a"), Blank, Blank, Blank, Blank, t("E")]];
    assert_eq!(
        refused(&rows),
        "「評価シート」に直すところが1か所あるため、何も読み込んでいません。\n\
         評価シートの 3 行目「自己評価」: 「E」は自己評価の区分にありません（A, B, C, D, 対象外）"
    );
}

#[test]
fn a_date_in_the_id_column_is_refused_as_a_date() {
    // `2-1` typed into a General cell: Excel makes it 1 February.
    let rows = [title(), header(), vec![D(45689.0), Blank, Blank, t("完了")]];
    let e = read(&rows).unwrap_err();
    let SheetError::Rows { problems, more: 0, .. } = &e else { panic!("{e:?}") };
    assert_eq!(problems, &[RowProblem { row: 3, column: "番号", kind: ProblemKind::Date(s("2025/2/1")) }]);
    assert!(
        sheet_error(Lang::Ja, &e).ends_with(
            "評価シートの 3 行目「番号」: Excel などが日付・時刻（2025/2/1）に変えています。\
             セルの書式を「文字列」にして入力し直してください"
        ),
        "{}",
        sheet_error(Lang::Ja, &e)
    );
    assert!(e.to_string().contains("row 3, 番号: the spreadsheet turned this into a date or time (2025/2/1)"));
}

#[test]
fn booleans_dates_and_error_values_in_choice_columns_are_refused() {
    let rows = [
        title(),
        header(),
        vec![t("1-①-a"), Blank, Blank, B(true), Blank, D(45748.0), Blank, E("#N/A")],
        vec![t("1-①-b"), Blank, Blank, t("済み")],
    ];
    let SheetError::Rows { problems, .. } = read(&rows).unwrap_err() else { panic!() };
    let found: Vec<(u32, &str, ProblemKind)> = problems.into_iter().map(|p| (p.row, p.column, p.kind)).collect();
    let statuses = Status::ALL.iter().map(|s| s.as_ja().to_string()).collect();
    assert_eq!(
        found,
        [
            (3, "進捗状況", ProblemKind::Boolean(true)),
            (3, "自己評価", ProblemKind::Date(s("2025/4/1"))),
            (3, "今後の方向性", ProblemKind::ErrorValue(s("#N/A"))),
            (4, "進捗状況", ProblemKind::NotAChoice { found: s("済み"), allowed: statuses }),
        ]
    );
}

#[test]
fn a_duplicate_id_and_a_row_without_one_are_refused() {
    let rows = [
        title(),
        header(),
        vec![t("1-①-a"), Blank, Blank, t("完了")],
        vec![Blank, Blank, Blank, t("完了")],
        vec![t("1-1-a"), Blank, Blank, t("完了")],
    ];
    let SheetError::Rows { problems, .. } = read(&rows).unwrap_err() else { panic!() };
    let kinds: Vec<_> = problems.into_iter().map(|p| (p.row, p.kind)).collect();
    assert_eq!(kinds, [(4, ProblemKind::MissingId), (5, ProblemKind::Duplicate { first_row: 3 })]);
}

#[test]
fn every_problem_is_collected_and_the_list_capped() {
    let mut rows = vec![title(), header()];
    rows.extend((0..25).map(|_| vec![t("0-①-a")]));
    let e = read(&rows).unwrap_err();
    let SheetError::Rows { problems, more, .. } = &e else { panic!() };
    assert_eq!((problems.len(), *more), (MAX_PROBLEMS, 5));
    assert_eq!(problems.last().map(|p| p.row), Some(22));
    let ja = sheet_error(Lang::Ja, &e);
    assert!(ja.starts_with("「評価シート」に直すところが25か所あるため"), "{ja}");
    assert!(ja.ends_with("\nほか5か所"), "{ja}");
}

#[test]
fn what_is_not_a_workbook_is_refused() {
    let plan = plan();
    let record = Record::default();
    let read = |bytes: &[u8]| read_evaluation_sheet(&plan, &record, bytes).unwrap_err();
    assert_eq!(read(b""), SheetError::Workbook(WorkbookError::NotXlsx(s("the file is empty"))));
    assert!(matches!(read(b"{\"format\":\"kama-sme-progress\"}"), SheetError::Workbook(WorkbookError::NotXlsx(_))));
    assert!(sheet_error(Lang::Ja, &read(b"")).starts_with("Excel のブック（.xlsx）として読めないファイルです"));
    // A zip that is not a workbook.
    assert!(matches!(read(&zip_of(&[("a.txt", s("a"))])), SheetError::Workbook(WorkbookError::NotXlsx(_))));
    let big = vec![0; MAX_IMPORT_BYTES + 1];
    assert_eq!(
        read(&big),
        SheetError::Workbook(WorkbookError::TooLarge { bytes: MAX_IMPORT_BYTES + 1, max: MAX_IMPORT_BYTES })
    );
}

#[test]
fn a_zip_that_unpacks_to_too_much_is_refused_before_it_is_read() {
    // 65 MiB of one byte deflates to some 64 KB.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/sharedStrings.xml", deflated).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&chunk).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < MAX_IMPORT_BYTES);
    let e = read_evaluation_sheet(&plan(), &Record::default(), &bytes).unwrap_err();
    assert_eq!(e, SheetError::Workbook(WorkbookError::UnpacksTooLarge { bytes: 65 << 20, max: MAX_UNPACKED_BYTES }));
}

#[test]
fn a_sheet_longer_than_the_limit_is_refused() {
    let mut rows = vec![title(), header()];
    rows.resize(MAX_ROWS as usize, vec![]);
    rows.push(vec![t("1-①-a")]);
    let e = read(&rows).unwrap_err();
    assert_eq!(e, SheetError::TooManyRows { sheet: s("評価シート"), max: MAX_ROWS });
    rows.pop();
    assert!(read(&rows).is_ok(), "{MAX_ROWS} rows are read");
}

#[test]
fn the_imported_column_titles_are_the_exports() {
    use crate::progress::csv::EVALUATION_HEADER;
    for title in std::iter::once(ID).chain(COLUMNS.iter().map(|(t, _)| *t)) {
        assert!(EVALUATION_HEADER.contains(&title), "{title}");
    }
}

#[test]
fn the_year_is_found_in_titles_as_people_write_them() {
    assert_eq!(year_in("評価シート 令和7年度（2025年度）"), Some(2025));
    assert_eq!(year_in("令和元年度"), Some(2019));
    assert_eq!(year_in("令和6年度"), Some(2024));
    assert_eq!(year_in("12025年度"), None);
    assert_eq!(year_in("年度"), None);
    assert_eq!(year_in("平成31年度"), None);
}

// ---------------------------------------------------------------------------
// Workbooks LibreOffice wrote (made by tests/fixtures/make-evaluation-fixtures.sh)

/// Writes the export the fixtures start from: `record_a()`'s 評価シート of
/// 2024, to `$KAMA_FIXTURE_DIR/export.xlsx`.
#[test]
#[ignore = "writes the source of the LibreOffice fixtures; run by make-evaluation-fixtures.sh"]
fn write_fixture_source() {
    let dir = std::env::var("KAMA_FIXTURE_DIR").expect("KAMA_FIXTURE_DIR");
    std::fs::write(format!("{dir}/export.xlsx"), export(&plan(), &record_a(), YEAR)).unwrap();
}

const RESAVED: &[u8] = include_bytes!("../../tests/fixtures/evaluation-2024-libreoffice.xlsx");
const EDITED: &[u8] = include_bytes!("../../tests/fixtures/evaluation-2024-libreoffice-edited.xlsx");
const MANGLED: &[u8] = include_bytes!("../../tests/fixtures/evaluation-2024-libreoffice-mangled.xlsx");

#[test]
fn our_export_saved_again_by_libreoffice_reads_back_unchanged() {
    let plan = plan();
    let import = read_evaluation_sheet(&plan, &record_a(), RESAVED).unwrap();
    assert_eq!((import.year, import.changes.len()), (YEAR, 0));
    // Against the record it was not made from, its answers all come through.
    let import = read_evaluation_sheet(&plan, &record_b(), RESAVED).unwrap();
    let direct = read_evaluation_sheet(&plan, &record_b(), &export(&plan, &record_a(), YEAR)).unwrap();
    assert_eq!(import, direct);
}

#[test]
fn cells_a_user_typed_in_libreoffice_read_back_as_typed() {
    let plan = plan();
    let import = read_evaluation_sheet(&plan, &record_a(), EDITED).unwrap();
    assert_eq!(import.year, YEAR);
    assert_eq!(
        summary(&import),
        [
            // Stored by LibreOffice as the number 12 and the date 2025-04-01.
            (s("1-①-a"), Field::Results, s(""), s("12")),
            (s("1-①-a"), Field::Challenges, s(""), s("2025/4/1")),
            (s("2-①-a"), Field::Status, s("遅れ"), s("完了")),
            (s("2-①-a"), Field::Grade, s("B"), s("A")),
            (s("2-①-a"), Field::Challenges, s("=固定化"), s("固定化（見直し）")),
        ],
        "the long note, the 担当 carried from 2023 and every other cell are unchanged"
    );
}

#[test]
fn cells_libreoffice_turned_into_dates_and_booleans_are_refused() {
    let e = read_evaluation_sheet(&plan(), &record_a(), MANGLED).unwrap_err();
    let SheetError::Rows { problems, more: 0, .. } = &e else { panic!("{e:?}") };
    let found: Vec<(u32, &str, &ProblemKind)> = problems.iter().map(|p| (p.row, p.column, &p.kind)).collect();
    // 1-2 became 2 January of the year the fixture was made.
    let ProblemKind::Date(typed_id) = &problems[2].kind else { panic!("{e:?}") };
    assert!(typed_id.ends_with("/1/2"), "{typed_id}");
    assert_eq!(
        found,
        [
            (4, "自己評価", &ProblemKind::Date(s("2025/4/1"))),
            (5, "進捗状況", &ProblemKind::Boolean(true)),
            (6, "番号", &ProblemKind::Date(typed_id.clone())),
        ]
    );
    let ja = sheet_error(Lang::Ja, &e);
    assert!(
        ja.contains(&format!("評価シートの 6 行目「番号」: Excel などが日付・時刻（{typed_id}）に変えています。")),
        "{ja}"
    );
}
