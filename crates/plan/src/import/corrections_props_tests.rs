//! Property tests of the corrections file (`data/corrections.toml`, read as
//! TOML by the `toml` crate): whatever the text — anything at all, lines of
//! the file's own syntax, or the real file with lines deleted, repeated,
//! swapped or typed into — it gives corrections that print and read back the
//! same, or an error naming a line of the text (never a line of the source
//! table) with a message. Never a panic. A file printed from generated
//! corrections, in any of TOML's spellings, reads back to them; comments,
//! blank lines, indentation, trailing whitespace, CRLF line endings and a BOM
//! (what Windows editors leave) change nothing.

use std::sync::LazyLock;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};

use super::*;
use crate::test_strategies::{any_text, config};

const REAL: &str = include_str!("../../../../data/corrections.toml");

static REAL_PARSED: LazyLock<Summary> =
    LazyLock::new(|| summary(&Corrections::parse(REAL).expect("the corrections file parses")));

/// Corrections as comparable values (the types themselves need no `PartialEq`).
#[derive(Debug, Clone, PartialEq)]
struct Summary {
    schedule_in_remarks: Vec<(InitiativeId, String, String)>,
    forward_pointer: Vec<(InitiativeId, String, InitiativeId, String)>,
}

fn summary(c: &Corrections) -> Summary {
    Summary {
        schedule_in_remarks: c.schedule_in_remarks.iter().map(|s| (s.id, s.text.clone(), s.reason.clone())).collect(),
        forward_pointer: c
            .forward_pointer
            .iter()
            .map(|f| (f.id, f.says.clone(), f.relisted_in, f.reason.clone()))
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// A printer of corrections files, in the many ways TOML lets one write them

/// How an id is spelled: `2-①-a`, `2-1-a` or in full-width forms (`２－１－ａ`).
#[derive(Debug, Clone, Copy)]
enum Spelling {
    Canonical,
    Ascii,
    FullWidth,
}

/// How a string is quoted. The multi-line forms put line breaks into the file
/// itself; layouts (which work line by line) are only applied without them.
#[derive(Debug, Clone, Copy)]
enum Quoting {
    Basic,
    /// Basic, with every n-th character written as `\uXXXX`, `\UXXXXXXXX` or
    /// its short escape.
    EscapeEvery(usize),
    /// `'…'` where the text allows it (no `'`, no control character but tab).
    Literal,
    MultiLineBasic,
    MultiLineLiteral,
}

#[derive(Debug, Clone)]
enum Value {
    Id(InitiativeId, Spelling),
    Text(String, Quoting),
}

/// One `[[schedule_in_remarks]]` or `[[forward_pointer]]` entry, its keys in
/// the order given (TOML tables are unordered).
#[derive(Debug, Clone)]
struct Entry {
    pointer: bool,
    fields: Vec<(&'static str, Value)>,
    quoted_keys: bool,
}

/// A corrections file: its entries, and for each array whether it is written
/// as `[[tables]]` or as one inline array of inline tables.
#[derive(Debug, Clone)]
struct Doc {
    entries: Vec<Entry>,
    inline_remarks: bool,
    inline_pointers: bool,
}

impl Doc {
    fn expected(&self) -> Summary {
        let mut out = Summary { schedule_in_remarks: Vec::new(), forward_pointer: Vec::new() };
        for e in &self.entries {
            let id = |key| match e.fields.iter().find(|(k, _)| *k == key) {
                Some((_, Value::Id(id, _))) => *id,
                other => panic!("{key}: {other:?}"),
            };
            let text = |key| match e.fields.iter().find(|(k, _)| *k == key) {
                Some((_, Value::Text(t, _))) => t.clone(),
                other => panic!("{key}: {other:?}"),
            };
            if e.pointer {
                out.forward_pointer.push((id("id"), text("says"), id("relisted_in"), text("reason")));
            } else {
                out.schedule_in_remarks.push((id("id"), text("text"), text("reason")));
            }
        }
        out
    }

    /// The file's text, lines separated by `\n`. `single_line`: only quoting
    /// that keeps each value on its line.
    fn print(&self, single_line: bool) -> String {
        let mut lines = Vec::new();
        for (pointer, inline) in [(false, self.inline_remarks), (true, self.inline_pointers)] {
            if !inline {
                continue;
            }
            lines.push(format!("{} = [", array_name(pointer)));
            for e in self.entries.iter().filter(|e| e.pointer == pointer) {
                let fields: Vec<String> =
                    e.fields.iter().map(|(k, v)| key_value(k, v, e.quoted_keys, single_line)).collect();
                lines.push(format!("{{ {} }},", fields.join(", ")));
            }
            lines.push("]".to_string());
        }
        for e in &self.entries {
            if if e.pointer { self.inline_pointers } else { self.inline_remarks } {
                continue;
            }
            lines.push(String::new());
            lines.push(format!("[[{}]]", array_name(e.pointer)));
            lines.extend(e.fields.iter().map(|(k, v)| key_value(k, v, e.quoted_keys, single_line)));
        }
        lines.join("\n")
    }
}

fn array_name(pointer: bool) -> &'static str {
    if pointer {
        "forward_pointer"
    } else {
        "schedule_in_remarks"
    }
}

fn key_value(key: &str, value: &Value, quoted: bool, single_line: bool) -> String {
    let key = if quoted { format!("\"{key}\"") } else { key.to_string() };
    let value = match value {
        Value::Id(id, spelling) => basic(&spell(*id, *spelling), None),
        Value::Text(text, quoting) => quote(text, *quoting, single_line),
    };
    format!("{key} = {value}")
}

fn spell(id: InitiativeId, spelling: Spelling) -> String {
    match spelling {
        Spelling::Canonical => id.to_string(),
        Spelling::Ascii => id.ascii(),
        Spelling::FullWidth => id
            .ascii()
            .chars()
            .map(|c| match c {
                '-' => '－',
                c => char::from_u32(u32::from(c) - 0x21 + 0xFF01).unwrap_or(c),
            })
            .collect(),
    }
}

/// TOML forbids these unescaped in basic strings (and in literal strings at all).
fn must_escape(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{A}'..='\u{1F}' | '\u{7F}')
}

fn quote(text: &str, quoting: Quoting, single_line: bool) -> String {
    let literal_ok = !text.contains('\'') && !text.chars().any(must_escape);
    let multi_literal_ok = !text.contains('\'') && !text.chars().any(|c| must_escape(c) && c != '\n');
    match quoting {
        Quoting::EscapeEvery(n) => basic(text, Some(n)),
        Quoting::Literal if literal_ok => format!("'{text}'"),
        Quoting::MultiLineBasic if !single_line => {
            // The line break right after the opening quotes is not content.
            let mut out = String::from("\"\"\"\n");
            for c in text.chars() {
                match c {
                    '\n' => out.push('\n'),
                    c => push_basic_char(&mut out, c, false),
                }
            }
            out + "\"\"\""
        }
        Quoting::MultiLineLiteral if !single_line && multi_literal_ok => format!("'''\n{text}'''"),
        _ => basic(text, None),
    }
}

fn basic(text: &str, escape_every: Option<usize>) -> String {
    let mut out = String::from("\"");
    for (i, c) in text.chars().enumerate() {
        push_basic_char(&mut out, c, escape_every.is_some_and(|n| i % n == 0));
    }
    out + "\""
}

fn push_basic_char(out: &mut String, c: char, force: bool) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\u{8}' => out.push_str("\\b"),
        '\u{C}' => out.push_str("\\f"),
        '\t' if force => out.push_str("\\t"),
        c if must_escape(c) || (force && u32::from(c) <= 0xFFFF) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
        c if force => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        c => out.push(c),
    }
}

/// The corrections in the plainest form.
fn plain(c: &Summary) -> String {
    let mut entries = Vec::new();
    for (id, text, reason) in &c.schedule_in_remarks {
        entries.push(Entry {
            pointer: false,
            fields: vec![
                ("id", Value::Id(*id, Spelling::Canonical)),
                ("text", Value::Text(text.clone(), Quoting::Basic)),
                ("reason", Value::Text(reason.clone(), Quoting::Basic)),
            ],
            quoted_keys: false,
        });
    }
    for (id, says, relisted_in, reason) in &c.forward_pointer {
        entries.push(Entry {
            pointer: true,
            fields: vec![
                ("id", Value::Id(*id, Spelling::Canonical)),
                ("says", Value::Text(says.clone(), Quoting::Basic)),
                ("relisted_in", Value::Id(*relisted_in, Spelling::Canonical)),
                ("reason", Value::Text(reason.clone(), Quoting::Basic)),
            ],
            quoted_keys: false,
        });
    }
    Doc { entries, inline_remarks: false, inline_pointers: false }.print(true)
}

// ---------------------------------------------------------------------------
// Strategies

/// What TOML strings and this file are touchy about.
#[rustfmt::skip]
const TEXT_BITS: &[&str] = &[
    "\"", "\\", "'", "'''", "\"\"\"", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "#", "=",
    "[[", "]]", "{", "}", ",", " ", "\u{3000}", "\u{FEFF}", "😀", "\\u0041", "\\n", "(巡回指導や窓口相談の実施)",
    "4-1-b", "（再掲）", "\u{FFFF}", "\u{10FFFF}", " \n", "\t\n", "\\\n",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        3 => vec(select(TEXT_BITS), 1..5).prop_map(|parts| parts.concat()),
        2 => any_text(),
    ]
}

fn quoting() -> impl Strategy<Value = Quoting> {
    prop_oneof![
        Just(Quoting::Basic),
        (1..4usize).prop_map(Quoting::EscapeEvery),
        Just(Quoting::Literal),
        Just(Quoting::MultiLineBasic),
        Just(Quoting::MultiLineLiteral),
    ]
}

fn initiative_id() -> impl Strategy<Value = InitiativeId> {
    (1..=99u8, 1..=99u8, proptest::char::range('a', 'z')).prop_map(|(policy, sub, letter)| InitiativeId {
        policy,
        sub,
        letter,
    })
}

fn id_value() -> impl Strategy<Value = Value> {
    let spelling = select(vec![Spelling::Canonical, Spelling::Ascii, Spelling::FullWidth]);
    (initiative_id(), spelling).prop_map(|(id, s)| Value::Id(id, s))
}

fn text_value() -> impl Strategy<Value = Value> {
    (text(), quoting()).prop_map(|(t, q)| Value::Text(t, q))
}

fn entry() -> impl Strategy<Value = Entry> {
    let remarks = (id_value(), text_value(), text_value())
        .prop_map(|(id, text, reason)| (false, vec![("id", id), ("text", text), ("reason", reason)]));
    let pointer = (id_value(), text_value(), id_value(), text_value()).prop_map(|(id, says, relisted_in, reason)| {
        (true, vec![("id", id), ("says", says), ("relisted_in", relisted_in), ("reason", reason)])
    });
    (prop_oneof![remarks, pointer], any::<Index>(), any::<bool>(), any::<bool>()).prop_map(
        |((pointer, mut fields), rotate, reverse, quoted_keys)| {
            let n = fields.len();
            fields.rotate_left(rotate.index(n));
            if reverse {
                fields.reverse();
            }
            Entry { pointer, fields, quoted_keys }
        },
    )
}

fn doc() -> impl Strategy<Value = Doc> {
    (vec(entry(), 0..6), any::<bool>(), any::<bool>()).prop_map(|(entries, inline_remarks, inline_pointers)| Doc {
        entries,
        inline_remarks,
        inline_pointers,
    })
}

/// What a person or an editor does to the layout of a file without changing
/// what it says: applied line by line to a file whose values each sit on
/// one line.
#[derive(Debug, Clone)]
struct Layout {
    bom: bool,
    crlf: bool,
    /// Used in turn, one per line.
    lines: Vec<LineLayout>,
    /// Blank and comment lines at the end.
    tail: Vec<String>,
}

#[derive(Debug, Clone)]
struct LineLayout {
    indent: &'static str,
    trailing: &'static str,
    comment: Option<String>,
    /// Lines (blank, white or comments) put before this one.
    before: Vec<String>,
}

/// Comment text: anything TOML allows there (no control character but tab).
fn comment() -> impl Strategy<Value = String> {
    let body = prop_oneof![vec(select(TEXT_BITS), 0..4).prop_map(|parts| parts.concat()), any_text()];
    body.prop_map(|t| format!("#{}", t.chars().map(|c| if must_escape(c) { '?' } else { c }).collect::<String>()))
}

fn extra_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        select(vec![" ", "\t", " \t  "]).prop_map(str::to_string),
        comment(),
        (select(vec!["", "  ", "\t"]), comment()).prop_map(|(indent, c)| format!("{indent}{c}")),
    ]
}

fn layout() -> impl Strategy<Value = Layout> {
    let whitespace = select(vec!["", "", " ", "\t", "  \t "]);
    let line = (whitespace.clone(), whitespace, proptest::option::of(comment()), vec(extra_line(), 0..2))
        .prop_map(|(indent, trailing, comment, before)| LineLayout { indent, trailing, comment, before });
    (any::<bool>(), any::<bool>(), vec(line, 1..6), vec(extra_line(), 0..2))
        .prop_map(|(bom, crlf, lines, tail)| Layout { bom, crlf, lines, tail })
}

/// `text` (values on one line each) laid out as `layout` says.
fn laid_out(text: &str, layout: &Layout) -> String {
    let mut lines = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        let l = &layout.lines[n % layout.lines.len()];
        lines.extend(l.before.iter().cloned());
        let comment = l.comment.as_deref().map(|c| format!(" {c}")).unwrap_or_default();
        lines.push(format!("{}{line}{}{comment}", l.indent, l.trailing));
    }
    lines.extend(layout.tail.iter().cloned());
    let mut out = String::from(if layout.bom { "\u{FEFF}" } else { "" });
    out.push_str(&lines.join(if layout.crlf { "\r\n" } else { "\n" }));
    out
}

// ---------------------------------------------------------------------------
// Damaged text

/// Lines of the file's own syntax and near misses.
#[rustfmt::skip]
const LINES: &[&str] = &[
    "", "# comment", "[[schedule_in_remarks]]", "[[forward_pointer]]", "[schedule_in_remarks]", "[[other]]",
    "id = \"6-①-c\"", "id = \"2-1-a\"", "id = \"6-x-c\"", "id = \"\"", "id = 6", "id = [\"6-①-c\"]",
    "text = \"(情報提供や窓口相談の実施)\"", "text = '''", "text = \"\"\"", "'''", "\"\"\"", "reason = \"r\"",
    "reason = 'r'", "says = \"4-1-b\"", "relisted_in = \"4-①-d\"", "relisted_in = \"9-9-z\"", "extra = 1",
    "schedule_in_remarks = []", "forward_pointer = [{ id = \"2-1-a\" }]", "\"id\" = \"1-1-a\"", "id.x = 1",
    "id = \"1-1-a\" # note", "text = \"\\u0000\"", "text = \"\\uD800\"", "text = \"\\q\"", "text = \"\u{0}\"",
    "\u{FEFF}", "\r", "= \"x\"", "[[", "]]", "id = \"1-1-a\" extra",
];

fn syntax_line() -> impl Strategy<Value = String> {
    prop_oneof![4 => select(LINES).prop_map(str::to_string), 1 => any_text()]
}

/// Lines of the file's syntax, joined by any line ending.
fn syntax_text() -> impl Strategy<Value = String> {
    (vec(syntax_line(), 0..12), select(vec!["\n", "\r\n", "\r"])).prop_map(|(lines, end)| lines.join(end))
}

#[derive(Debug, Clone)]
enum Damage {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    InsertLine(Index, String),
    InsertChar { line: Index, at: Index, ch: char },
    DeleteChar { line: Index, at: Index },
}

fn damage() -> impl Strategy<Value = Damage> {
    let file_chars = "\"'\\#=[]{}., \t\r\n-①ａ\u{0}\u{FEFF}".chars().collect::<Vec<_>>();
    let ch = prop_oneof![select(file_chars), any::<char>()];
    prop_oneof![
        any::<Index>().prop_map(Damage::DeleteLine),
        any::<Index>().prop_map(Damage::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Damage::SwapLines(a, b)),
        (any::<Index>(), syntax_line()).prop_map(|(at, line)| Damage::InsertLine(at, line)),
        (any::<Index>(), any::<Index>(), ch).prop_map(|(line, at, ch)| Damage::InsertChar { line, at, ch }),
        (any::<Index>(), any::<Index>()).prop_map(|(line, at)| Damage::DeleteChar { line, at }),
    ]
}

fn damaged(text: &str, damage: &[Damage]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for d in damage {
        let n = lines.len();
        match d {
            Damage::DeleteLine(at) => {
                lines.remove(at.index(n));
                if lines.is_empty() {
                    lines.push(String::new());
                }
            }
            Damage::DuplicateLine(at) => {
                let at = at.index(n);
                lines.insert(at, lines[at].clone());
            }
            Damage::SwapLines(a, b) => lines.swap(a.index(n), b.index(n)),
            Damage::InsertLine(at, line) => lines.insert(at.index(n + 1), line.clone()),
            Damage::InsertChar { line, at, ch } => {
                let line = &mut lines[line.index(n)];
                let mut chars: Vec<char> = line.chars().collect();
                chars.insert(at.index(chars.len() + 1), *ch);
                *line = chars.into_iter().collect();
            }
            Damage::DeleteChar { line, at } => {
                let line = &mut lines[line.index(n)];
                let mut chars: Vec<char> = line.chars().collect();
                if !chars.is_empty() {
                    chars.remove(at.index(chars.len()));
                }
                *line = chars.into_iter().collect();
            }
        }
    }
    lines.join("\n")
}

// ---------------------------------------------------------------------------
// Properties

/// `TOML parse error at line N, column M` in an error's message.
fn position(message: &str) -> Option<(usize, usize)> {
    let rest = message.split_once("at line ")?.1;
    let (line, rest) = rest.split_once(", column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// What any text may give: corrections that print and read back the same,
/// or an error that names a line and column of the text, says what is wrong
/// and does not pretend to be about a line of the source table.
fn check_parse(text: &str) -> Result<(), TestCaseError> {
    match Corrections::parse(text) {
        Ok(c) => {
            let c = summary(&c);
            let again = Corrections::parse(&plain(&c)).map(|c| summary(&c));
            prop_assert_eq!(again, Ok(c), "what was read prints and reads back");
        }
        Err(e) => {
            prop_assert_eq!(e.line, None, "a corrections error is not on a line of the table: {}", e);
            let Problem::Corrections(message) = &e.problem else {
                return Err(TestCaseError::fail(format!("not a corrections problem: {e:?}")));
            };
            let Some((line, column)) = position(message) else {
                return Err(TestCaseError::fail(format!("no line in {message:?}")));
            };
            let lines: Vec<&str> = text.split('\n').collect();
            prop_assert!((1..=lines.len()).contains(&line), "line {} of {}: {}", line, lines.len(), message);
            let width = lines[line - 1].len();
            // At the end of the text, the column may be past the last line's
            // break (`text = '''` then a line break: line 1, column 12).
            prop_assert!((1..=width + 2).contains(&column), "column {} of {} bytes: {}", column, width, message);
            // Besides the position, the message says what is wrong.
            let said = message.lines().last().unwrap_or("");
            prop_assert!(!said.trim().is_empty() && !said.contains(" | "), "no reason in {:?}", message);
            prop_assert!(e.to_string().starts_with("data/corrections.toml: TOML parse error at line "), "{}", e);
        }
    }
    Ok(())
}

#[test]
fn the_real_file_reads_and_its_layout_does_not_matter() {
    assert_eq!(REAL_PARSED.schedule_in_remarks.len(), 5);
    assert_eq!(REAL_PARSED.forward_pointer.len(), 1);
    check_parse(REAL).unwrap();
    let windows = format!("\u{FEFF}{}", REAL.replace('\n', "\r\n"));
    assert_eq!(Corrections::parse(&windows).map(|c| summary(&c)), Ok(REAL_PARSED.clone()));
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn any_text_reads_or_is_refused_with_its_line(text in any::<String>()) {
        check_parse(&text)?;
    }

    #[test]
    fn lines_of_the_files_syntax_read_or_are_refused_with_their_line(text in syntax_text()) {
        check_parse(&text)?;
    }

    #[test]
    fn the_real_file_damaged_reads_or_is_refused_with_its_line(damage in vec(damage(), 1..4)) {
        check_parse(&damaged(REAL, &damage))?;
    }

    #[test]
    fn printed_corrections_read_back(doc in doc()) {
        let expected = doc.expected();
        let text = doc.print(false);
        prop_assert_eq!(Corrections::parse(&text).map(|c| summary(&c)), Ok(expected), "{}", text);
    }

    #[test]
    fn comments_blank_lines_whitespace_crlf_and_a_bom_change_nothing(doc in doc(), layout in layout()) {
        let expected = doc.expected();
        let text = laid_out(&doc.print(true), &layout);
        prop_assert_eq!(Corrections::parse(&text).map(|c| summary(&c)), Ok(expected), "{:?}", text);
    }

    #[test]
    fn the_real_file_laid_out_otherwise_reads_the_same(layout in layout()) {
        let text = laid_out(REAL, &layout);
        prop_assert_eq!(Corrections::parse(&text).map(|c| summary(&c)), Ok(REAL_PARSED.clone()), "{:?}", text);
    }
}
