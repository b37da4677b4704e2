//! The progress record as an Excel workbook: the same rows and columns as the
//! two CSVs (`progress::csv`), one sheet each, but with typed cells. Ids and
//! KPI codes are text cells in text-formatted columns, so Excel never turns
//! `2-2` into 2 February; years and KPI values are numbers, so staff can sum
//! and chart them. Strings are never evaluated as formulas in an .xlsx, so no
//! injection neutralising is needed (or wanted: it would alter notes).
//!
//! Written by hand rather than with a spreadsheet library, which would
//! multiply the app's wasm: the workbook is a handful of SpreadsheetML
//! parts (ECMA-376 Part 1) with inline strings, in a zip of stored
//! (uncompressed) entries (PKWARE APPNOTE.TXT), which is all Excel needs.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use super::csv::{
    evaluation_rows, format_number, format_utc, initiative_rows, kpi_rows, Field, UtcOffset, EVALUATION_HEADER,
    INITIATIVE_HEADER, KPI_HEADER,
};
use super::Record;
use crate::plan::{FiscalYear, InitiativeId, Plan};

/// Sheet of the initiatives' statuses and notes.
pub const INITIATIVE_SHEET: &str = "取組進捗";
/// Sheet of the KPIs' values and notes.
pub const KPI_SHEET: &str = "数値目標";
pub const EVALUATION_SHEET: &str = "評価シート";

/// Column widths in Excel's character units (a kanji takes about two).
const INITIATIVE_WIDTHS: [f64; 16] =
    [7.0, 6.0, 9.0, 28.0, 34.0, 34.0, 16.0, 10.0, 50.0, 8.0, 40.0, 12.0, 40.0, 40.0, 14.0, 22.0];
const EVALUATION_WIDTHS: [f64; 10] = [8.0, 24.0, 14.0, 9.0, 40.0, 7.0, 30.0, 10.0, 40.0, 24.0];
const KPI_WIDTHS: [f64; 11] = [7.0, 6.0, 10.0, 44.0, 7.0, 10.0, 10.0, 10.0, 50.0, 14.0, 22.0];

/// Excel's limit on the characters of one cell (UTF-16 code units).
const MAX_CELL_CHARS: usize = 32_767;

/// Why the workbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxError(pub(crate) Problem);

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A cell longer than Excel accepts (in practice a very long note).
    CellTooLong { sheet: &'static str, cell: String, chars: usize },
    /// More than a zip without the Zip64 extension can hold (4 GiB).
    TooLarge,
}

impl fmt::Display for XlsxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("could not write the workbook: ")?;
        match &self.0 {
            Problem::CellTooLong { sheet, cell, chars } => {
                write!(f, "cell {sheet}!{cell} holds {chars} characters, over Excel's limit of {MAX_CELL_CHARS}")
            }
            Problem::TooLarge => f.write_str("it would exceed the 4 GiB a zip file can hold"),
        }
    }
}

impl std::error::Error for XlsxError {}

/// The .xlsx bytes: 「評価シート」 of `year` (the council's layout, titled
/// with the plan and the year, which is what `xlsx_import` reads the year
/// back from; set up to print on A4 landscape with its title and header on
/// every page), then 「取組進捗」 and 「数値目標」 over every year, each with a
/// bold, frozen, filterable header row. `exported_at_ms` (the caller's clock, milliseconds since the Unix
/// epoch) is the file's creation time, so the same record exported at the
/// same moment gives the same bytes; stamps are written in `offset`'s time.
pub fn workbook(
    plan: &Plan,
    record: &Record,
    year: FiscalYear,
    exported_at_ms: i64,
    offset: UtcOffset,
) -> Result<Vec<u8>, XlsxError> {
    workbook_of(plan, record, year, None, exported_at_ms, offset)
}

/// As [`workbook`], with only `rows` in the 評価シート (a request's).
pub fn workbook_of_rows(
    plan: &Plan,
    record: &Record,
    year: FiscalYear,
    rows: &BTreeSet<InitiativeId>,
    exported_at_ms: i64,
    offset: UtcOffset,
) -> Result<Vec<u8>, XlsxError> {
    workbook_of(plan, record, year, Some(rows), exported_at_ms, offset)
}

fn workbook_of(
    plan: &Plan,
    record: &Record,
    year: FiscalYear,
    only: Option<&BTreeSet<InitiativeId>>,
    exported_at_ms: i64,
    offset: UtcOffset,
) -> Result<Vec<u8>, XlsxError> {
    let initiatives =
        sheet(INITIATIVE_SHEET, None, INITIATIVE_HEADER, &INITIATIVE_WIDTHS, initiative_rows(plan, record, offset))?;
    let kpis = sheet(KPI_SHEET, None, KPI_HEADER, &KPI_WIDTHS, kpi_rows(plan, record, offset))?;
    let title = evaluation_title(plan, year);
    let mut evaluation = sheet(
        EVALUATION_SHEET,
        Some(&title),
        EVALUATION_HEADER,
        &EVALUATION_WIDTHS,
        evaluation_rows(plan, record, year, only),
    )?;
    evaluation.printed = true;
    // In tab order; the parts keep their numbers (sheet3 is the 評価シート).
    let tabs = [&evaluation, &initiatives, &kpis];

    let mut zip = Zip::default();
    zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
    zip.add("_rels/.rels", ROOT_RELS.as_bytes())?;
    zip.add("docProps/core.xml", core_xml(&format!("{} 進捗記録", plan.plan.title), exported_at_ms).as_bytes())?;
    zip.add("xl/workbook.xml", workbook_xml(&tabs).as_bytes())?;
    zip.add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes())?;
    zip.add("xl/styles.xml", STYLES.as_bytes())?;
    zip.add("xl/worksheets/sheet1.xml", initiatives.xml(false).as_bytes())?;
    zip.add("xl/worksheets/sheet2.xml", kpis.xml(false).as_bytes())?;
    zip.add("xl/worksheets/sheet3.xml", evaluation.xml(true).as_bytes())?;
    zip.finish()
}

/// 「第2次嘉麻市中小企業振興基本計画 評価シート 令和7年度（2025年度）」: the
/// 評価シート's title row, which says which year its answers are for.
pub(crate) fn evaluation_title(plan: &Plan, year: FiscalYear) -> String {
    format!("{} {EVALUATION_SHEET} {}", plan.plan.title, year.label_ja())
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
    "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
    "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
    "<Override PartName=\"/xl/worksheets/sheet3.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
    "</Types>",
);

const ROOT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "</Relationships>",
);

const WORKBOOK_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet3.xml\"/>",
    "</Relationships>",
);

/// Cell formats (`cellXfs`), referred to by index as a cell's `s`.
const STYLE_HEADER: u8 = 1;
/// `@` (built-in number format 49): Excel's text format, kept for values
/// typed in later too.
const STYLE_CODE: u8 = 2;
/// Wrapped, top-aligned: notes may span lines.
const STYLE_NOTE: u8 = 3;

/// Fonts: normal and bold. Fills: the two Excel requires (none, gray125).
/// `cellXfs` in the order of the `STYLE_*` indices, 0 being the default.
const STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"2\">",
    "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
    "</fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"4\">",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
    "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">",
    "<alignment vertical=\"top\" wrapText=\"1\"/></xf>",
    "</cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>",
);

/// Dublin Core metadata. A clock outside the years 0000–9999 cannot be
/// written as a W3CDTF date; it is only metadata, so it is left out.
fn core_xml(title: &str, exported_at_ms: i64) -> String {
    /// 0000-01-01T00:00:00Z ..= 9999-12-31T23:59:59.999Z
    const W3CDTF_MS: std::ops::RangeInclusive<i64> = -62_167_219_200_000..=253_402_300_799_999;
    let mut xml = String::from(XML_DECLARATION);
    xml.push_str(concat!(
        "<cp:coreProperties",
        " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"",
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"",
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
        "<dc:title>",
    ));
    push_escaped(&mut xml, title);
    xml.push_str("</dc:title>");
    if W3CDTF_MS.contains(&exported_at_ms) {
        let at = format_utc(exported_at_ms);
        for element in ["created", "modified"] {
            xml.push_str(&format!("<dcterms:{element} xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:{element}>"));
        }
    }
    xml.push_str("</cp:coreProperties>");
    xml
}

/// The sheets in tab order, each with its header's autofilter (which Excel
/// records as the hidden name `_xlnm._FilterDatabase`), and a printed
/// sheet's title and header rows repeated on every page (`_xlnm.Print_Titles`).
fn workbook_xml(sheets: &[&Sheet]) -> String {
    let mut xml = String::from(XML_DECLARATION);
    xml.push_str(concat!(
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"",
        " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
        "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>",
    ));
    for (number, sheet) in (1..).zip(sheets) {
        xml.push_str("<sheet name=\"");
        push_escaped(&mut xml, sheet.name);
        xml.push_str(&format!("\" sheetId=\"{number}\" r:id=\"rId{}\"/>", relationship(sheet.name)));
    }
    xml.push_str("</sheets><definedNames>");
    for (index, sheet) in sheets.iter().enumerate() {
        // A quote inside a quoted sheet name is doubled.
        let quoted = sheet.name.replace('\'', "''");
        let (header, rows) = (sheet.header_row, sheet.rows);
        xml.push_str(&format!("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{index}\" hidden=\"1\">'"));
        push_escaped(&mut xml, &quoted);
        xml.push_str(&format!("'!$A${header}:${}${rows}</definedName>", column_name(sheet.column_styles.len())));
        if sheet.printed {
            xml.push_str(&format!("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{index}\">'"));
            push_escaped(&mut xml, &quoted);
            xml.push_str(&format!("'!$1:${header}</definedName>"));
        }
    }
    xml.push_str("</definedNames></workbook>");
    xml
}

/// The relationship id of a sheet's part (`WORKBOOK_RELS`).
fn relationship(sheet: &str) -> u8 {
    match sheet {
        INITIATIVE_SHEET => 1,
        KPI_SHEET => 2,
        _ => 4,
    }
}

/// One worksheet being written: an optional title row, then a bold header
/// frozen (with the title) above the data, autofilter over header and data,
/// column widths, and each code or note column formatted as its first row,
/// so blank cells typed into later match.
struct Sheet {
    name: &'static str,
    /// Column widths in Excel's character units, one per column.
    widths: &'static [f64],
    /// The `<sheetData>` rows so far.
    data: String,
    /// The header's row number: 2 under a title, else 1.
    header_row: usize,
    /// Rows written, the title and header included.
    rows: usize,
    column_styles: Vec<Option<u8>>,
    /// Set up to print: A4 landscape, fitted to the page's width.
    printed: bool,
}

/// Only this is generic over the column count and row iterator; the writing
/// is not, so the wasm holds one copy of it.
fn sheet<'a, const N: usize>(
    name: &'static str,
    title: Option<&str>,
    header: [&str; N],
    widths: &'static [f64; N],
    rows: impl Iterator<Item = [Field<'a>; N]>,
) -> Result<Sheet, XlsxError> {
    let mut sheet = Sheet::new(name, title, &header, widths)?;
    for fields in rows {
        sheet.push_row(&fields)?;
    }
    Ok(sheet)
}

impl Sheet {
    fn new(
        name: &'static str,
        title: Option<&str>,
        header: &[&str],
        widths: &'static [f64],
    ) -> Result<Sheet, XlsxError> {
        let mut data = String::new();
        let mut header_row = 1;
        if let Some(title) = title {
            data.push_str("<row r=\"1\">");
            push_string_cell(&mut data, name, 1, 1, title, Some(STYLE_HEADER))?;
            data.push_str("</row>");
            header_row = 2;
        }
        data.push_str(&format!("<row r=\"{header_row}\">"));
        for (column, text) in (1..).zip(header) {
            push_string_cell(&mut data, name, column, header_row, text, Some(STYLE_HEADER))?;
        }
        data.push_str("</row>");
        let column_styles = vec![None; header.len()];
        Ok(Sheet { name, widths, data, header_row, rows: header_row, column_styles, printed: false })
    }

    fn push_row(&mut self, fields: &[Field<'_>]) -> Result<(), XlsxError> {
        let row = self.rows + 1;
        let data = &mut self.data;
        data.push_str(&format!("<row r=\"{row}\">"));
        for ((column, field), style) in (1..).zip(fields).zip(&mut self.column_styles) {
            if row == self.header_row + 1 {
                *style = match field {
                    Field::Code(_) => Some(STYLE_CODE),
                    Field::Note(_) => Some(STYLE_NOTE),
                    Field::Text(_) | Field::Number(_) => None,
                };
            }
            match field {
                // Nothing recorded: left blank, not an empty string.
                Field::Text(text) | Field::Note(text) if text.is_empty() => {}
                Field::Code(code) if code.is_empty() => {}
                Field::Text(text) => push_string_cell(data, self.name, column, row, text, None)?,
                Field::Note(text) => push_string_cell(data, self.name, column, row, text, Some(STYLE_NOTE))?,
                Field::Code(code) => push_string_cell(data, self.name, column, row, code, Some(STYLE_CODE))?,
                Field::Number(n) => {
                    data.push_str(&format!("<c r=\"{}{row}\"><v>{}</v></c>", column_name(column), format_number(*n)));
                }
            }
        }
        data.push_str("</row>");
        self.rows = row;
        Ok(())
    }

    /// The worksheet part; `selected` for the sheet shown on opening.
    fn xml(&self, selected: bool) -> String {
        let last = format!("{}{}", column_name(self.column_styles.len()), self.rows);
        let header = self.header_row;
        let mut xml = String::from(XML_DECLARATION);
        xml.push_str(concat!(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"",
            " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
        ));
        if self.printed {
            xml.push_str("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
        }
        xml.push_str(&format!("<dimension ref=\"A1:{last}\"/>"));
        let first_data = format!("A{}", header + 1);
        xml.push_str(&format!(
            concat!(
                "<sheetViews><sheetView{} workbookViewId=\"0\">",
                "<pane ySplit=\"{}\" topLeftCell=\"{}\" activePane=\"bottomLeft\" state=\"frozen\"/>",
                "<selection pane=\"bottomLeft\" activeCell=\"{}\" sqref=\"{}\"/>",
                "</sheetView></sheetViews>",
            ),
            if selected { " tabSelected=\"1\"" } else { "" },
            header,
            first_data,
            first_data,
            first_data,
        ));
        xml.push_str("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for ((column, width), style) in (1..).zip(self.widths).zip(&self.column_styles) {
            xml.push_str(&format!("<col min=\"{column}\" max=\"{column}\" width=\"{}\"", stored_width(*width)));
            if let Some(style) = style {
                xml.push_str(&format!(" style=\"{style}\""));
            }
            xml.push_str(" customWidth=\"1\"/>");
        }
        xml.push_str("</cols><sheetData>");
        xml.push_str(&self.data);
        xml.push_str(&format!("</sheetData><autoFilter ref=\"A{header}:{last}\"/>"));
        xml.push_str(
            "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>",
        );
        if self.printed {
            // A4 (paperSize 9), landscape, as wide as the page and as long as it needs.
            xml.push_str("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>");
            xml.push_str("<headerFooter><oddFooter>&amp;P / &amp;N</oddFooter></headerFooter>");
        }
        xml.push_str("</worksheet>");
        xml
    }
}

/// A text cell as an inline string (`t="inlineStr"`): no shared-string
/// table to keep in step.
fn push_string_cell(
    xml: &mut String,
    sheet: &'static str,
    column: usize,
    row: usize,
    text: &str,
    style: Option<u8>,
) -> Result<(), XlsxError> {
    let cell = format!("{}{row}", column_name(column));
    let chars: usize = text.chars().filter(|c| xml_allowed(*c)).map(char::len_utf16).sum();
    if chars > MAX_CELL_CHARS {
        return Err(XlsxError(Problem::CellTooLong { sheet, cell, chars }));
    }
    xml.push_str(&format!("<c r=\"{cell}\""));
    if let Some(style) = style {
        xml.push_str(&format!(" s=\"{style}\""));
    }
    // `preserve`: leading or trailing spaces and line breaks are content.
    xml.push_str(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    push_escaped(xml, text);
    xml.push_str("</t></is></c>");
    Ok(())
}

/// Excel's column width as stored: the width typed in Excel's dialog, in
/// characters of the default font's 7-pixel digits, plus 5 pixels of padding,
/// truncated to 1/256 of a character (ECMA-376 Part 1, the `col` element).
fn stored_width(characters: f64) -> f64 {
    ((characters * 7.0 + 5.0) / 7.0 * 256.0).floor() / 256.0
}

/// `A`, …, `Z`, `AA`, …: the letters of a 1-based column.
fn column_name(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let digit = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// XML 1.0's `Char` production, less the surrogates a Rust `char` never is.
pub(crate) fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text as XML character data or an attribute value: markup characters
/// escaped, characters XML 1.0 forbids (control characters) dropped, CR kept
/// as a reference (a literal one would be read back as LF), and a literal
/// `_xHHHH_` protected, since Excel reads that as an escaped character
/// (ECMA-376 Part 1, the ST_Xstring type). The forbidden characters are
/// dropped first: `_x00\u{1}41_` becomes `_x0041_`, which must be protected
/// as well, or Excel would show it as `A`.
fn push_escaped(xml: &mut String, text: &str) {
    let kept: Cow<'_, str> = if text.chars().all(xml_allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| xml_allowed(*c)).collect())
    };
    for (index, c) in kept.char_indices() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            '\'' => xml.push_str("&apos;"),
            '\r' => xml.push_str("&#13;"),
            '_' if is_xstring_escape(&kept[index..]) => xml.push_str("_x005F_"),
            c => xml.push(c),
        }
    }
}

/// Whether `text` starts with `_xHHHH_`.
fn is_xstring_escape(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 7 && bytes[..2] == *b"_x" && bytes[2..6].iter().all(u8::is_ascii_hexdigit) && bytes[6] == b'_'
}

/// A zip archive of stored (uncompressed) entries, as PKWARE's APPNOTE.TXT
/// (6.3.x) describes: each entry a local file header then its data, then the
/// central directory, then the end of central directory record. Every entry
/// gets the same DOS timestamp, 1980-01-01 00:00, so the bytes depend only on
/// the content.
#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// Version made by and needed to extract: 2.0, the usual value; stored
/// entries need nothing later.
const ZIP_VERSION: u16 = 20;
/// General purpose bit 11: names are UTF-8.
const ZIP_UTF8: u16 = 1 << 11;
const ZIP_STORED: u16 = 0;
const DOS_TIME: u16 = 0;
/// (1980 − 1980) << 9 | month 1 << 5 | day 1.
const DOS_DATE: u16 = 1 << 5 | 1;

impl Zip {
    fn add(&mut self, name: &str, data: &[u8]) -> Result<(), XlsxError> {
        let too_large = |_| XlsxError(Problem::TooLarge);
        let offset = u32::try_from(self.out.len()).map_err(too_large)?;
        let size = u32::try_from(data.len()).map_err(too_large)?;
        let name_len = u16::try_from(name.len()).map_err(too_large)?;
        self.entries = self.entries.checked_add(1).ok_or(XlsxError(Problem::TooLarge))?;
        let crc = crc32(data);

        // 4.3.7 Local file header.
        let local = &mut self.out;
        put32(local, 0x0403_4b50);
        for field in [ZIP_VERSION, ZIP_UTF8, ZIP_STORED, DOS_TIME, DOS_DATE] {
            put16(local, field);
        }
        for field in [crc, size, size] {
            put32(local, field);
        }
        put16(local, name_len);
        put16(local, 0); // extra field length
        local.extend_from_slice(name.as_bytes());
        // 4.3.8 File data.
        local.extend_from_slice(data);

        // 4.3.12 Central directory header: version made by (2.0, MS-DOS
        // attributes), then as the local header, then no comment, disk 0,
        // no attributes, and where the local header is.
        let central = &mut self.central;
        put32(central, 0x0201_4b50);
        for field in [ZIP_VERSION, ZIP_VERSION, ZIP_UTF8, ZIP_STORED, DOS_TIME, DOS_DATE] {
            put16(central, field);
        }
        for field in [crc, size, size] {
            put32(central, field);
        }
        for field in [name_len, 0, 0, 0, 0] {
            put16(central, field); // name, extra field, comment lengths; disk; internal attributes
        }
        put32(central, 0); // external attributes
        put32(central, offset);
        central.extend_from_slice(name.as_bytes());
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        let too_large = |_| XlsxError(Problem::TooLarge);
        let central_offset = u32::try_from(self.out.len()).map_err(too_large)?;
        let central_size = u32::try_from(self.central.len()).map_err(too_large)?;
        // The offset plus the size must fit too: no Zip64 end record here.
        central_offset.checked_add(central_size).ok_or(XlsxError(Problem::TooLarge))?;
        self.out.append(&mut self.central);

        // 4.3.16 End of central directory record: one disk, no comment.
        let end = &mut self.out;
        put32(end, 0x0605_4b50);
        for field in [0, 0, self.entries, self.entries] {
            put16(end, field); // this disk, disk of the directory, entries here, entries in all
        }
        put32(end, central_size);
        put32(end, central_offset);
        put16(end, 0); // comment length
        Ok(self.out)
    }
}

/// Zip integers are little-endian (APPNOTE 4.4.1.1).
fn put16(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// The CRC-32 zip stores for each entry (APPNOTE 4.4.7): the reflected
/// polynomial 0xEDB88320, initial and final value all ones, bit by bit. A
/// crate such as `crc32fast` is faster but brings a lookup table, all of it
/// downloaded with the app, and a workbook is small enough for this.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            // Shift out the low bit, folding in the polynomial when it was 1.
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
#[path = "xlsx_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "xlsx_props_tests.rs"]
mod props_tests;
