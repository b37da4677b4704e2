//! Property tests of `progress::xlsx`: for any record — notes and names full
//! of markup, control characters, characters XML 1.0 forbids, emoji and
//! text that looks like Excel's `_xHHHH_` escapes; values that are not
//! numbers — the workbook is a well-formed zip (walked here header by header,
//! independently of the `zip` crate, which reads it too), every part is
//! well-formed XML, and every recorded cell reads back as Excel would read
//! it: the text as typed less the characters XML cannot hold, numbers as
//! the same numbers.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::LazyLock;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

use super::*;
use crate::plan::FiscalYear;
use crate::progress::csv::{format_local, links_text, UtcOffset};
use crate::progress::Stamp;
use crate::test_strategies::*;

// ---------------------------------------------------------------------------
// A zip reader, written from APPNOTE.TXT without looking at the writer

/// CRC-32 (ISO-HDLC, as zip uses) by the usual byte-wise table.
fn reference_crc32(data: &[u8]) -> u32 {
    let table: Vec<u32> =
        (0..256u32).map(|n| (0..8).fold(n, |c, _| if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 })).collect();
    !data.iter().fold(!0u32, |crc, &b| table[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8))
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, String> {
    bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or(format!("no u16 at {at}"))
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, String> {
    bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok_or(format!("no u32 at {at}"))
}

/// The fields a local header repeats from the central directory.
#[derive(Debug, PartialEq)]
struct Header {
    version_needed: u16,
    flags: u16,
    method: u16,
    time: u16,
    date: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    name: Vec<u8>,
    extra: Vec<u8>,
}

/// `Header` from the bytes at `at`, where its version-needed field starts.
fn header_at(bytes: &[u8], at: usize, name_len_at: usize, name_at: usize) -> Result<(Header, usize), String> {
    let name_len = usize::from(u16_at(bytes, name_len_at)?);
    let extra_len = usize::from(u16_at(bytes, name_len_at + 2)?);
    let name = bytes.get(name_at..name_at + name_len).ok_or("name cut short")?.to_vec();
    let extra_at = name_at + name_len;
    let extra = bytes.get(extra_at..extra_at + extra_len).ok_or("extra field cut short")?.to_vec();
    let header = Header {
        version_needed: u16_at(bytes, at)?,
        flags: u16_at(bytes, at + 2)?,
        method: u16_at(bytes, at + 4)?,
        time: u16_at(bytes, at + 6)?,
        date: u16_at(bytes, at + 8)?,
        crc: u32_at(bytes, at + 10)?,
        compressed: u32_at(bytes, at + 14)?,
        size: u32_at(bytes, at + 18)?,
        name,
        extra,
    };
    Ok((header, extra_at + extra_len))
}

/// The entries of a zip of stored entries, in order, after checking that the
/// end record, the central directory and the local headers agree, that the
/// entries follow each other with nothing between or over them, and that
/// each entry's data has its CRC-32 and size.
fn read_zip(bytes: &[u8]) -> Result<Vec<(String, &[u8])>, String> {
    // 4.3.16 End of central directory record, with no comment.
    let end = bytes.len().checked_sub(22).ok_or("shorter than an end record")?;
    if u32_at(bytes, end)? != 0x0605_4b50 {
        return Err("no end of central directory record at the end".into());
    }
    let (disk, directory_disk) = (u16_at(bytes, end + 4)?, u16_at(bytes, end + 6)?);
    let (here, total) = (u16_at(bytes, end + 8)?, u16_at(bytes, end + 10)?);
    let directory_size = u32_at(bytes, end + 12)? as usize;
    let directory_at = u32_at(bytes, end + 16)? as usize;
    if (disk, directory_disk, here, u16_at(bytes, end + 20)?) != (0, 0, total, 0) {
        return Err("not one disk without a comment".into());
    }
    if directory_at + directory_size != end {
        return Err(format!("directory at {directory_at} + {directory_size} does not end at the end record {end}"));
    }

    let mut entries = Vec::new();
    let mut at = directory_at;
    let mut next_local = 0;
    for n in 0..total {
        // 4.3.12 Central directory header.
        if u32_at(bytes, at)? != 0x0201_4b50 {
            return Err(format!("central header {n}: bad signature"));
        }
        let made_by = u16_at(bytes, at + 4)?;
        let (central, after) = header_at(bytes, at + 6, at + 28, at + 46)?;
        let comment_len = usize::from(u16_at(bytes, at + 32)?);
        let start_disk = u16_at(bytes, at + 34)?;
        let local_at = u32_at(bytes, at + 42)? as usize;
        at = after + comment_len;
        if made_by >> 8 != 0 || start_disk != 0 {
            return Err(format!("central header {n}: made by {made_by:#x}, disk {start_disk}"));
        }

        // 4.3.7 Local file header, right after the previous entry's data.
        if local_at != next_local {
            return Err(format!("entry {n} at {local_at}, the previous one ended at {next_local}"));
        }
        if u32_at(bytes, local_at)? != 0x0403_4b50 {
            return Err(format!("local header {n}: bad signature"));
        }
        let (local, data_at) = header_at(bytes, local_at + 4, local_at + 26, local_at + 30)?;
        if local != central {
            return Err(format!("entry {n}: local header {local:?} ≠ central {central:?}"));
        }
        let name = String::from_utf8(central.name.clone()).map_err(|_| format!("entry {n}: name not UTF-8"))?;
        if central.method != 0 || central.compressed != central.size {
            return Err(format!("{name}: not stored"));
        }
        if central.flags & (1 << 3) != 0 || central.flags & (1 << 11) == 0 {
            return Err(format!("{name}: flags {:#x} (data descriptor, or name not marked UTF-8)", central.flags));
        }
        let data = bytes.get(data_at..data_at + central.size as usize).ok_or(format!("{name}: data cut short"))?;
        if reference_crc32(data) != central.crc {
            return Err(format!("{name}: CRC-32 {:#010x}, data has {:#010x}", central.crc, reference_crc32(data)));
        }
        next_local = data_at + data.len();
        entries.push((name, data));
    }
    if at != end {
        return Err(format!("the directory's {total} headers end at {at}, not at {end}"));
    }
    if next_local != directory_at {
        return Err(format!("the entries end at {next_local}, the directory starts at {directory_at}"));
    }
    Ok(entries)
}

// ---------------------------------------------------------------------------
// How Excel reads a cell back

/// XML 1.0's `Char` production.
fn xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// What Excel shows for a string cell's text: each `_xHHHH_` is the
/// character U+HHHH (ECMA-376 Part 1, ST_Xstring).
fn excel_text(xml_text: &str) -> String {
    let mut out = String::new();
    let mut rest = xml_text;
    while let Some(c) = rest.chars().next() {
        let b = rest.as_bytes();
        if b.len() >= 7 && &b[..2] == b"_x" && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_' {
            let code = u32::from_str_radix(&rest[2..6], 16).unwrap_or(0xFFFD);
            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            rest = &rest[7..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// A cell as read back: its text as Excel shows it, or its number.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Text(String),
    Number(f64),
}

/// The cells of a worksheet by reference, after checking that rows are
/// numbered 1, 2, 3… and each row's cells are on it, left to right.
fn read_sheet(xml: &str) -> Result<(BTreeMap<String, Shown>, usize), String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| e.to_string())?;
    let mut cells = BTreeMap::new();
    let mut rows = 0;
    for row in doc.descendants().filter(|n| n.has_tag_name("row")) {
        rows += 1;
        if row.attribute("r") != Some(rows.to_string().as_str()) {
            return Err(format!("row {rows} numbered {:?}", row.attribute("r")));
        }
        let mut last_column = 0;
        for c in row.children().filter(|n| n.is_element()) {
            let reference = c.attribute("r").ok_or("a cell without a reference")?;
            let letters: String = reference.chars().take_while(char::is_ascii_uppercase).collect();
            let column = letters.bytes().fold(0, |n, b| n * 26 + usize::from(b - b'A' + 1));
            if !c.has_tag_name("c") || reference[letters.len()..] != rows.to_string() || column <= last_column {
                return Err(format!("{reference} out of place in row {rows}"));
            }
            last_column = column;
            let read = match c.attribute("t") {
                Some("inlineStr") => {
                    let t: Vec<_> = c.descendants().filter(|n| n.has_tag_name("t")).collect();
                    let [t] = t[..] else { return Err(format!("{reference}: {} <t>", t.len())) };
                    let text: String = t.children().filter_map(|n| n.text()).collect();
                    Shown::Text(excel_text(&text))
                }
                None => {
                    let v = c.children().find(|n| n.has_tag_name("v")).and_then(|v| v.text()).unwrap_or("");
                    Shown::Number(v.parse().map_err(|_| format!("{reference}: {v:?} is not a number"))?)
                }
                Some(t) => return Err(format!("{reference}: type {t}")),
            };
            cells.insert(reference.to_string(), read);
        }
    }
    Ok((cells, rows))
}

// ---------------------------------------------------------------------------
// What each recorded cell must read back as

/// A text field as Excel must show it: as typed, less what XML cannot hold
/// (the documented replacement: those characters are dropped). Nothing
/// typed: no cell.
fn text(typed: &str) -> Option<Shown> {
    (!typed.is_empty()).then(|| Shown::Text(typed.chars().filter(|c| xml_char(*c)).collect()))
}

fn stamp_cells(stamp: &Stamp) -> [Option<Shown>; 2] {
    [stamp.author.as_deref().and_then(text), text(&format_local(stamp.updated_at, UtcOffset::JST))]
}

fn value_cell(v: Option<f64>) -> Option<Shown> {
    match v {
        None => None,
        Some(n) if n.is_finite() => Some(Shown::Number(n)),
        Some(n) => Some(Shown::Text(n.to_string())),
    }
}

/// Checks the recorded columns of both sheets (status to update time; values
/// to update time) against the record, row by row over the whole plan.
fn check_cells(
    plan: &Plan,
    record: &Record,
    initiatives: &BTreeMap<String, Shown>,
    kpis: &BTreeMap<String, Shown>,
) -> Result<(), TestCaseError> {
    let years: Vec<_> = plan.plan.fiscal_years.years().collect();
    let mut row = 1;
    for initiative in &plan.initiatives {
        for year in &years {
            row += 1;
            let cell = record.initiative(plan, initiative.id, *year);
            let owners = record.owners(plan, initiative.id, *year).and_then(|(_, o)| text(&o.join("、")));
            let want: [Option<Shown>; 10] = match cell {
                None => [owners, None, None, None, None, None, None, None, None, None],
                Some(c) => {
                    let [author, at] = stamp_cells(&c.stamp);
                    [
                        owners,
                        c.status.map(|s| Shown::Text(s.as_ja().to_string())),
                        text(&c.results),
                        c.grade.as_ref().and_then(|g| text(&g.0)),
                        text(&c.challenges),
                        c.way_forward.as_ref().and_then(|w| text(&w.0)),
                        text(&links_text(&c.links)),
                        text(&c.note),
                        author,
                        at,
                    ]
                }
            };
            for (column, want) in ["G", "H", "I", "J", "K", "L", "M", "N", "O", "P"].into_iter().zip(want) {
                let reference = format!("{column}{row}");
                prop_assert_eq!(
                    initiatives.get(&reference),
                    want.as_ref(),
                    "取組進捗!{} ({} {})",
                    reference,
                    initiative.id,
                    year
                );
            }
        }
    }
    let mut row = 1;
    for kpi in &plan.kpis {
        for year in &years {
            row += 1;
            let cell = record.kpis.get(&(kpi.code, *year));
            let want: [Option<Shown>; 6] = match cell {
                None => Default::default(),
                Some(c) => {
                    let [author, at] = stamp_cells(&c.stamp);
                    [value_cell(c.baseline), value_cell(c.target), value_cell(c.actual), text(&c.note), author, at]
                }
            };
            for (column, want) in ["F", "G", "H", "I", "J", "K"].into_iter().zip(want) {
                let reference = format!("{column}{row}");
                let got = kpis.get(&reference);
                // NaN is written as the text `NaN`, so `==` on what is read back is enough.
                prop_assert_eq!(got, want.as_ref(), "数値目標!{} ({} {})", reference, kpi.code, year);
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Strategies

/// What breaks XML and what Excel reads specially: markup, references typed
/// as text, CDATA ends, `_xHHHH_` and pieces of it, control and non-characters
/// XML forbids, the edges of the ranges it allows, line breaks, emoji.
#[rustfmt::skip]
const XML_BITS: &[&str] = &[
    "<", ">", "&", "\"", "'", "]]>", "&amp;", "&#1;", "&#x0;", "<![CDATA[", "<?xml", "</t>", "_x0041_", "_x000D_",
    "_xD800_", "_x005F_", "_x", "00", "41", "_", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{7F}",
    "\u{85}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{10FFFF}", "\r", "\n", "\r\n", "\t",
    " ", "\u{2028}", "😀", "👨\u{200D}👩\u{200D}👧", "説明会",
];

/// Characters XML 1.0 forbids, which the writer drops.
const NOT_XML: &[char] = &['\u{0}', '\u{1}', '\u{8}', '\u{B}', '\u{C}', '\u{1F}', '\u{FFFE}', '\u{FFFF}'];

/// `_xHHHH_` with characters XML forbids typed into it: once they are
/// dropped, what is left must still read as typed, not as U+HHHH.
fn broken_xstring() -> impl Strategy<Value = String> {
    let hex = vec(select("0123456789abcdefABCDEF".chars().collect::<Vec<_>>()), 4);
    (hex, vec((any::<proptest::sample::Index>(), select(NOT_XML)), 0..3)).prop_map(|(hex, inserts)| {
        let mut chars: Vec<char> = "_x".chars().chain(hex).chain(['_']).collect();
        for (at, c) in inserts {
            chars.insert(at.index(chars.len() + 1), c);
        }
        chars.into_iter().collect()
    })
}

fn xml_note() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => note(),
        3 => vec(select(XML_BITS), 1..8).prop_map(|parts| parts.concat()),
        1 => vec(prop_oneof![select(XML_BITS).prop_map(str::to_string), broken_xstring()], 1..4)
            .prop_map(|parts| parts.concat()),
    ]
}

fn xml_stamp() -> impl Strategy<Value = Stamp> {
    let author = prop_oneof![author(), xml_note().prop_map(Some)];
    (author, any::<i64>()).prop_map(|(author, updated_at)| Stamp { author, updated_at })
}

/// The real plan cut to a few initiatives and KPIs (a re-listed one among
/// them), so that a case writes and reads some kilobytes rather than the
/// whole checklist; the real plan's sheets get a few cases of their own.
static SMALL_PLAN: LazyLock<Plan> = LazyLock::new(|| {
    let mut plan = PLAN.clone();
    let relisted = plan.initiatives.iter().position(|i| i.relisted_from.is_some()).unwrap_or(0);
    let keep: Vec<usize> = [0, 1, relisted, plan.initiatives.len() - 1].into();
    plan.initiatives =
        plan.initiatives.iter().enumerate().filter(|(n, _)| keep.contains(n)).map(|(_, i)| i.clone()).collect();
    let last = plan.kpis.len() - 1;
    plan.kpis =
        plan.kpis.iter().enumerate().filter(|(n, _)| [0, 1, last].contains(n)).map(|(_, k)| k.clone()).collect();
    plan
});

fn years() -> Vec<FiscalYear> {
    PLAN.plan.fiscal_years.years().collect()
}

/// Any record of `plan`'s cells, with text and values of every kind.
fn xml_record(plan: &Plan) -> impl Strategy<Value = Record> {
    let ids: Vec<_> = plan.initiatives.iter().map(|i| i.id).collect();
    let codes: Vec<_> = plan.kpis.iter().map(|k| k.code).collect();
    record_of(
        (select(ids), select(years())),
        initiative_cell_with(status(), xml_note(), xml_stamp()),
        (select(codes), select(years())),
        kpi_cell_with(value_or_non_finite(), xml_note(), xml_stamp()),
        0..8,
    )
}

// ---------------------------------------------------------------------------
// Properties

/// The parts of every workbook, in the order written.
pub(super) const PARTS: [&str; 9] = [
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet3.xml",
];

fn check_workbook(plan: &Plan, record: &Record, at: i64) -> Result<(), TestCaseError> {
    let bytes =
        workbook(plan, record, FiscalYear(2024), at, UtcOffset::JST).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let entries = read_zip(&bytes).map_err(TestCaseError::fail)?;
    let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
    prop_assert_eq!(names, PARTS);

    // The `zip` crate reads the same entries (and checks their CRC-32 too).
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(archive.len(), entries.len());
    let mut parts = BTreeMap::new();
    for (index, (name, data)) in entries.iter().enumerate() {
        let mut file = archive.by_index(index).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let read_name = file.name().map(|n| n.into_owned()).ok();
        prop_assert_eq!(read_name.as_deref(), Some(name.as_str()));
        let mut read = Vec::new();
        file.read_to_end(&mut read).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        prop_assert_eq!(&read[..], *data, "{}", name);

        let xml = std::str::from_utf8(data).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        // The sheets are parsed below.
        if !name.starts_with("xl/worksheets/") {
            if let Err(e) = roxmltree::Document::parse(xml) {
                return Err(TestCaseError::fail(format!("{name} is not well-formed: {e}")));
            }
        }
        parts.insert(name.as_str(), xml);
    }

    let (initiatives, rows) = read_sheet(parts[PARTS[6]]).map_err(TestCaseError::fail)?;
    prop_assert_eq!(rows, 1 + plan.initiatives.len() * 5);
    let (kpis, rows) = read_sheet(parts[PARTS[7]]).map_err(TestCaseError::fail)?;
    prop_assert_eq!(rows, 1 + plan.kpis.len() * 5);
    // The 評価シート: a title row, the header, a row per initiative.
    let (evaluation, rows) = read_sheet(parts[PARTS[8]]).map_err(TestCaseError::fail)?;
    prop_assert_eq!(rows, 2 + plan.initiatives.len());
    prop_assert_eq!(evaluation.get("A1"), Some(&Shown::Text(evaluation_title(plan, FiscalYear(2024)))));
    prop_assert_eq!(evaluation.get("A2"), Some(&Shown::Text("番号".to_string())));
    check_cells(plan, record, &initiatives, &kpis)
}

#[test]
fn the_reference_crc_is_the_standard_one() {
    // So that agreeing with it means something.
    assert_eq!(reference_crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(reference_crc32(b""), 0);
    assert_eq!(reference_crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
}

#[test]
fn excel_reads_xstring_escapes_as_characters() {
    assert_eq!(excel_text("_x0041_b_x005F_x0041__x00"), "Ab_x0041__x00");
}

/// Found by `any_record_gives_…`: a forbidden character inside `_xHHHH_` was
/// dropped after the check for the escape, so what was left reached Excel
/// as an escape (`_x00\u{1}41_` shown as `A`, `_\0x0000_` as NUL).
#[test]
fn an_escape_that_dropping_forbidden_characters_leaves_is_protected_too() {
    let plan = &*SMALL_PLAN;
    let id = plan.initiatives[0].id;
    let notes = ["_x00\u{1}41_", "_\u{0}x0000_", "_xC239_\u{C}_x77fC\u{FFFE}_"];
    let mut record = Record::default();
    for (year, note) in years().into_iter().zip(notes) {
        let cell = crate::progress::InitiativeCell { note: note.to_string(), ..Default::default() };
        record.initiatives.insert((id, year), cell);
    }
    let bytes = workbook(plan, &record, FiscalYear(2024), 0, UtcOffset::JST).unwrap();
    let sheet = read_zip(&bytes).unwrap()[6].1;
    let xml = std::str::from_utf8(sheet).unwrap();
    for written in ["_x005F_x0041_", "_x005F_x0000_", "_x005F_xC239__x005F_x77fC_"] {
        assert!(xml.contains(&format!(">{written}<")), "{written} not in the sheet");
    }
    let (cells, _) = read_sheet(xml).unwrap();
    let shown: Vec<_> = ["N2", "N3", "N4"].into_iter().map(|r| cells[r].clone()).collect();
    let want = ["_x0041_", "_x0000_", "_xC239__x77fC_"].map(|t| Shown::Text(t.to_string()));
    assert_eq!(shown, want);
}

fn clock() -> impl Strategy<Value = i64> {
    prop_oneof![Just(1_795_615_380_000i64), any::<i64>()]
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_record_gives_a_valid_zip_of_well_formed_parts_that_reads_back(
        record in xml_record(&SMALL_PLAN),
        at in clock(),
    ) {
        check_workbook(&SMALL_PLAN, &record, at)?;
    }
}

proptest! {
    // The whole plan: some hundred kilobytes a case, in a debug build.
    #![proptest_config(config(3))]

    #[test]
    fn the_whole_plans_workbook_is_valid_and_reads_back(record in xml_record(&PLAN), at in clock()) {
        check_workbook(&PLAN, &record, at)?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_crc_is_crc32(data in vec(any::<u8>(), 0..64)) {
        prop_assert_eq!(crc32(&data), reference_crc32(&data));
    }
}
