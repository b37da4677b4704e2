//! Property tests of the importer: whatever the text — anything at all, rows
//! built from the table's own kinds of cells, or the real table with lines
//! and cells deleted, repeated, swapped or typed into — it returns a plan
//! that holds together, or an error that points into the text. Never a panic.

use std::collections::HashSet;
use std::sync::LazyLock;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};

use super::*;
use crate::test_strategies::{any_text, config};

const SOURCE: &str = include_str!("../../../../data/source/kama-sme-plan-r5-r9.txt");
const CORRECTIONS_TOML: &str = include_str!("../../../../data/corrections.toml");

static CORRECTIONS: LazyLock<Corrections> =
    LazyLock::new(|| Corrections::parse(CORRECTIONS_TOML).expect("the corrections file parses"));

/// Everything the importer promises of a plan it returns.
fn check_plan(plan: &Plan, source: &str) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = source.lines().collect();
    let years = plan.plan.fiscal_years;
    prop_assert_eq!(years.years().count(), 5, "five fiscal years");

    let serials: Vec<u16> = plan.initiatives.iter().map(|i| i.serial).collect();
    prop_assert_eq!(serials, (1..=plan.initiatives.len() as u16).collect::<Vec<_>>(), "serials run 1, 2, 3…");
    let ids: HashSet<InitiativeId> = plan.initiatives.iter().map(|i| i.id).collect();
    prop_assert_eq!(ids.len(), plan.initiatives.len(), "ids are unique");

    let mut policy_codes = HashSet::new();
    for p in &plan.policies {
        prop_assert!(policy_codes.insert(p.code), "policy {} listed twice", p.code);
        let subs: HashSet<_> = p.sub_policies.iter().map(|s| s.id).collect();
        prop_assert_eq!(subs.len(), p.sub_policies.len(), "a sub-policy listed twice");
        prop_assert!(p.sub_policies.iter().all(|s| s.id.policy == p.code && s.id.sub == s.code));
    }
    let kpi_codes: Vec<KpiCode> = plan.kpis.iter().map(|k| k.code).collect();
    prop_assert!(kpi_codes.windows(2).all(|w| w[0] < w[1]), "KPIs in code order, once each");

    for i in &plan.initiatives {
        prop_assert_eq!(i.id, InitiativeId { policy: i.policy, sub: i.sub_policy, letter: i.id.letter });
        prop_assert_eq!(&i.code, &i.id.letter.to_string());
        prop_assert!(plan.sub_policy(i.sub_policy_id()).is_some(), "{}: sub-policy listed", i.id);
        for s in &i.schedule {
            prop_assert!(years.contains(s.from) && years.contains(s.to) && s.from <= s.to, "{}: {:?}", i.id, s);
            prop_assert!(!s.inferred || (s.from, s.to) == (years.from, years.to), "{}: inferred spans the plan", i.id);
            prop_assert!(!s.label.is_empty() && s.label != "-", "{}: {:?}", i.id, s);
        }
        let kpis: HashSet<KpiCode> = i.kpis.iter().map(|k| k.code).collect();
        prop_assert_eq!(kpis.len(), i.kpis.len(), "{}: a KPI linked twice", i.id);
        prop_assert!(kpis.iter().all(|c| plan.kpi(*c).is_some()), "{}: KPI not in the catalogue", i.id);
        if let Some(original) = i.relisted_from {
            prop_assert!(plan.initiative(original).is_some(), "{}: re-lists {}, not in the plan", i.id, original);
        }
        let relists: Vec<InitiativeId> =
            plan.initiatives.iter().filter(|j| j.relisted_from == Some(i.id)).map(|j| j.id).collect();
        prop_assert_eq!(&i.relisted_in, &relists, "{}: relisted_in is the inverse of relisted_from", i.id);
        prop_assert!(!matches!(i.remarks.as_deref(), Some("" | "-")), "{}: blank remarks kept", i.id);
        prop_assert!(
            !matches!(i.direction.as_deref(), Some("" | "-" | RELISTED_MARK)),
            "{}: blank direction kept",
            i.id
        );
        let line = i.source_line.checked_sub(1).and_then(|n| lines.get(n));
        let serial_cell = line.and_then(|l| l.split('\t').next()).map(str::trim);
        prop_assert_eq!(serial_cell.and_then(|c| c.parse::<u16>().ok()), Some(i.serial), "{}: source_line", i.id);
    }
    // What the app loads is what the importer wrote.
    let json = to_json(plan).expect("a plan serialises");
    prop_assert_eq!(&Plan::from_json(&json).expect("plan.json parses"), plan);
    Ok(())
}

/// What any text may give: a plan that holds together, or an error whose
/// line (if it names one) is in the text, and which can be shown.
fn check_import(source: &str, corrections: &Corrections) -> Result<(), TestCaseError> {
    match import(source, corrections) {
        Ok((plan, _)) => check_plan(&plan, source),
        Err(e) => {
            let lines = source.lines().count();
            prop_assert!(e.line.is_none_or(|l| (1..=lines).contains(&l)), "line {:?} of {}", e.line, lines);
            prop_assert!(!e.to_string().is_empty());
            Ok(())
        }
    }
}

#[test]
fn the_real_table_imports_and_holds_together() {
    let (plan, _) = import(SOURCE, &CORRECTIONS).expect("the real table imports");
    assert_eq!(plan.initiatives.len(), 86);
    if let Err(e) = check_plan(&plan, SOURCE) {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------------
// Generated text

/// The kinds of cell the table holds, and near misses.
#[rustfmt::skip]
const CELLS: &[&str] = &[
    "", "-", " ", "1", "2", "3", "86", "0", "+1", "65535", "99999", "6", "9", "①", "②", "⑨", "⑩", "① 創業",
    "a", "b", "z", "ab", "A", "中小企業の創業の促進を図る", "創業希望者の発掘・確保及び育成", "継続", "新規", "改",
    "重", "重 新規", "重 継続", "重 重", "継続 重", "現状", "強化", "(再掲)", "（3-①-aの再掲）", "(2-①のaの再掲)",
    "(1-①-aの再掲)", "(4-1-bで再掲)", "(1-①-bに再掲)", "(9-①-aに再掲)", "再掲", "1-1_創業塾（人）",
    "2-2_割合 (%)", "4-2_客数（千人/年）", "3-3_回数の増(市)", "1-1_a 1-2_b (再掲)", "(関連目標)",
    "(関連目標) 3-3_x", "(関連目標) 1-_", "9-99_x", "1-123_x", "2023 (R5)", "2027 (R9)", "2030 (R12)",
    "65535 (R1)", "65531 (R9)", "0 (R0)", "昇順 番号", "昇順", "窓口相談の実施", "(情報提供や窓口相談の実施)", "(",
    "（", "）", "_", "\u{FEFF}", "😀",
];

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![4 => select(CELLS).prop_map(str::to_string), 1 => any_text()]
}

fn row() -> impl Strategy<Value = String> {
    vec(cell(), 0..22).prop_map(|cells| cells.join("\t"))
}

fn real_lines() -> Vec<&'static str> {
    SOURCE.lines().collect()
}

/// A table made of the table's own kinds of cells, headers and real rows.
fn table() -> impl Strategy<Value = String> {
    let header = select(
        real_lines()
            .into_iter()
            .filter(|l| l.trim_start().starts_with("昇順") || l.starts_with('\t'))
            .collect::<Vec<_>>(),
    );
    let real = select(real_lines()).prop_map(str::to_string);
    vec(prop_oneof![3 => row(), 1 => header.prop_map(str::to_string), 1 => real], 0..24)
        .prop_map(|lines| lines.join("\n"))
}

/// What can happen to the real table's text.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    InsertLine(Index, String),
    InsertChar { line: Index, at: Index, ch: char },
    DeleteCell { line: Index, cell: Index },
    DuplicateCell { line: Index, cell: Index },
    ReplaceCell { line: Index, cell: Index, with: String },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let table_chars = "\t\n\r ()（）-_①⑩重再掲19a\u{FEFF}".chars().collect::<Vec<_>>();
    let ch = prop_oneof![select(table_chars), any::<char>()];
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteLine),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<Index>(), row()).prop_map(|(at, text)| Mutation::InsertLine(at, text)),
        (any::<Index>(), any::<Index>(), ch).prop_map(|(line, at, ch)| Mutation::InsertChar { line, at, ch }),
        (any::<Index>(), any::<Index>()).prop_map(|(line, cell)| Mutation::DeleteCell { line, cell }),
        (any::<Index>(), any::<Index>()).prop_map(|(line, cell)| Mutation::DuplicateCell { line, cell }),
        (any::<Index>(), any::<Index>(), cell()).prop_map(|(line, cell, with)| Mutation::ReplaceCell {
            line,
            cell,
            with
        }),
    ]
}

fn mutated(source: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    for m in mutations {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let n = lines.len();
        match m {
            Mutation::DeleteLine(at) => {
                lines.remove(at.index(n));
            }
            Mutation::DuplicateLine(at) => {
                let at = at.index(n);
                lines.insert(at, lines[at].clone());
            }
            Mutation::SwapLines(a, b) => lines.swap(a.index(n), b.index(n)),
            Mutation::InsertLine(at, text) => lines.insert(at.index(n + 1), text.clone()),
            Mutation::InsertChar { line, at, ch } => {
                let line = &mut lines[line.index(n)];
                let mut chars: Vec<char> = line.chars().collect();
                chars.insert(at.index(chars.len() + 1), *ch);
                *line = chars.into_iter().collect();
            }
            Mutation::DeleteCell { line, cell }
            | Mutation::DuplicateCell { line, cell }
            | Mutation::ReplaceCell { line, cell, .. } => {
                let line = &mut lines[line.index(n)];
                let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
                let at = cell.index(cells.len());
                match m {
                    Mutation::DeleteCell { .. } => {
                        cells.remove(at);
                    }
                    Mutation::DuplicateCell { .. } => cells.insert(at, cells[at].clone()),
                    Mutation::ReplaceCell { with, .. } => cells[at] = with.clone(),
                    _ => unreachable!("a cell mutation"),
                }
                *line = cells.join("\t");
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_text_imports_or_is_refused_never_a_panic(text in any::<String>()) {
        check_import(&text, &CORRECTIONS)?;
    }

    #[test]
    fn a_table_of_the_tables_own_cells_imports_or_is_refused(text in table(), corrected in any::<bool>()) {
        let none = Corrections::default();
        check_import(&text, if corrected { &CORRECTIONS } else { &none })?;
    }

    #[test]
    fn the_real_table_damaged_imports_or_is_refused(mutations in vec(mutation(), 1..5)) {
        check_import(&mutated(SOURCE, &mutations), &CORRECTIONS)?;
    }
}
