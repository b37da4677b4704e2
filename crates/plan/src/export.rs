//! The plan offered for download: the JSON of `data/plan.json` and a CSV for
//! Excel on Japanese Windows, of the whole plan or of a filtered view.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use crate::plan::{Initiative, KpiCode, KpiRole, Plan, Policy, SubPolicy};

/// Pretty JSON in the format of `data/plan.json`, newline-terminated.
/// The importer's own writer, so downloads and the committed file never drift.
pub use crate::import::to_json;

/// The plan reduced to `initiatives`, in the order given (pass them in plan
/// order), for a download of the current view in the same JSON format.
///
/// `policies` keeps only the policies and sub-policies that still have an
/// initiative; `kpis` only the KPIs the kept initiatives reference.
/// `relisted_from`/`relisted_in` are left as published: they name ids, which
/// may point to initiatives outside the subset.
pub fn plan_subset<'a>(plan: &Plan, initiatives: impl IntoIterator<Item = &'a Initiative>) -> Plan {
    let initiatives: Vec<Initiative> = initiatives.into_iter().cloned().collect();
    let sub_policies: HashSet<_> = initiatives.iter().map(Initiative::sub_policy_id).collect();
    let kpi_codes: HashSet<KpiCode> =
        initiatives.iter().flat_map(|i| i.kpis.iter().map(|k| k.code)).collect();

    let policies = plan
        .policies
        .iter()
        .filter_map(|p| {
            let subs: Vec<SubPolicy> =
                p.sub_policies.iter().filter(|s| sub_policies.contains(&s.id)).cloned().collect();
            (!subs.is_empty()).then(|| Policy { code: p.code, name: p.name.clone(), sub_policies: subs })
        })
        .collect();

    Plan {
        plan: plan.plan.clone(),
        policies,
        kpis: plan.kpis.iter().filter(|k| kpi_codes.contains(&k.code)).cloned().collect(),
        initiatives,
    }
}

/// Why the CSV could not be written. Writing into memory leaves little room
/// for failure, but the `csv` writer's API still reports it.
#[derive(Debug)]
pub enum ExportError {
    Csv(csv::Error),
    Io(std::io::Error),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Csv(e) => write!(f, "could not write the CSV: {e}"),
            ExportError::Io(e) => write!(f, "could not finish the CSV: {e}"),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Csv(e) => Some(e),
            ExportError::Io(e) => Some(e),
        }
    }
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError::Csv(e)
    }
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Io(e)
    }
}

/// Excel reads a UTF-8 CSV as Shift_JIS unless it starts with this BOM.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Line breaks inside a cell: Excel's own (Alt+Enter) is a bare LF; rows end
/// in CRLF.
const IN_CELL: &str = "\n";

/// CSV of `initiatives` (one row each, in the order given) for Excel on
/// Japanese Windows: UTF-8 with BOM, CRLF, Japanese header, one column per
/// fiscal year of the plan (「2023年度」…, Western years).
///
/// Codes such as `2-①-a` are safe from Excel's auto-conversion because of the
/// circled digit, but a plain `2-2`-like code may still be turned into a
/// date when the file is opened; the .xlsx export (a later issue) types cells
/// and so avoids that.
pub fn plan_csv<'a>(
    plan: &Plan,
    initiatives: impl IntoIterator<Item = &'a Initiative>,
) -> Result<Vec<u8>, ExportError> {
    let years: Vec<_> = plan.plan.fiscal_years.years().collect();
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());

    let mut header: Vec<String> = FIXED_HEADER.iter().map(|h| h.to_string()).collect();
    header.extend(years.iter().map(|y| format!("{y}年度")));
    header.push("備考".to_string());
    write_row(&mut out, header)?;

    for i in initiatives {
        let sub_id = i.sub_policy_id();
        let mut row = vec![
            i.serial.to_string(),
            i.id.to_string(),
            i.policy.to_string(),
            plan.policy(i.policy).map(|p| p.name.clone()).unwrap_or_default(),
            sub_id.to_string(),
            plan.sub_policy(sub_id).map(|s| s.name.clone()).unwrap_or_default(),
            i.code.clone(),
            i.text.clone(),
            i.short_name.clone(),
            if i.priority { "重".to_string() } else { String::new() },
            i.first_plan.as_ja().to_string(),
            i.direction.clone().unwrap_or_default(),
            i.situation.clone(),
            kpi_cell(plan, i, KpiRole::Primary),
            kpi_cell(plan, i, KpiRole::Related),
            i.relisted_from.map(|id| id.to_string()).unwrap_or_default(),
            i.relisted_in.iter().map(|id| id.to_string()).collect::<Vec<_>>().join("、"),
            i.schedule
                .iter()
                .map(|s| {
                    let mark = if s.inferred { "※推定" } else { "" };
                    format!("{}（{}）{mark}", s.label, s.period_label())
                })
                .collect::<Vec<_>>()
                .join(IN_CELL),
        ];
        // Inferred spans count as running: the schedule column marks them ※推定.
        row.extend(years.iter().map(|&y| {
            i.schedule
                .iter()
                .filter(|s| s.from <= y && y <= s.to)
                .map(|s| s.label.as_str())
                .collect::<Vec<_>>()
                .join(IN_CELL)
        }));
        row.push(i.remarks.clone().unwrap_or_default());
        write_row(&mut out, row)?;
    }

    out.into_inner().map_err(|e| ExportError::Io(e.into_error()))
}

/// The columns before the per-year ones.
const FIXED_HEADER: [&str; 18] = [
    "昇順番号",
    "ID",
    "体系分類1コード",
    "体系分類1",
    "体系分類2コード",
    "体系分類2",
    "取組コード",
    "取組",
    "取組略称",
    "重要課題",
    "第1次計画との関連",
    "実施方針区分",
    "現状",
    "数値目標",
    "関連目標",
    "再掲元",
    "再掲先",
    "年次別実行スケジュール",
];

/// Every cell goes through `defuse`, so no column can be forgotten.
fn write_row(out: &mut csv::Writer<Vec<u8>>, row: Vec<String>) -> Result<(), csv::Error> {
    let cells: Vec<Cow<'_, str>> = row.iter().map(|c| defuse(c)).collect();
    out.write_record(cells.iter().map(|c| c.as_bytes()))
}

/// CSV/formula injection (OWASP): Excel evaluates a cell starting with one of
/// these as a formula, so it gets a leading `'`. The plan's own 現状 cells can
/// be a bare `-`, which would otherwise be read as the start of a formula.
fn defuse(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// `2-2 企業におけるデジタル化進捗割合(%)`, one line per KPI of `role`.
/// A code missing from `plan.kpis` is still written, alone, rather than dropped.
fn kpi_cell(plan: &Plan, initiative: &Initiative, role: KpiRole) -> String {
    initiative
        .kpis
        .iter()
        .filter(|k| k.role == role)
        .map(|k| match plan.kpi(k.code) {
            Some(kpi) => match &kpi.unit {
                Some(unit) => format!("{} {}({unit})", kpi.code, kpi.name),
                None => format!("{} {}", kpi.code, kpi.name),
            },
            None => k.code.to_string(),
        })
        .collect::<Vec<_>>()
        .join(IN_CELL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::InitiativeId;
    use crate::PLAN_JSON;

    const COLUMNS: usize = 18 + 5 + 1;

    fn plan() -> Plan {
        Plan::from_json(PLAN_JSON).unwrap()
    }

    fn id(s: &str) -> InitiativeId {
        s.parse().unwrap()
    }

    /// Parses CSV bytes as Excel would after the BOM: header plus records.
    fn read(bytes: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
        let body = bytes.strip_prefix(BOM).expect("BOM");
        let mut reader = csv::ReaderBuilder::new().from_reader(body);
        let header = reader.headers().unwrap().clone();
        let records = reader.records().collect::<Result<Vec<_>, _>>().unwrap();
        (header, records)
    }

    fn cell<'r>(header: &csv::StringRecord, row: &'r csv::StringRecord, name: &str) -> &'r str {
        let at = header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
        &row[at]
    }

    fn row_of<'r>(header: &csv::StringRecord, rows: &'r [csv::StringRecord], id: &str) -> &'r csv::StringRecord {
        rows.iter().find(|r| cell(header, r, "ID") == id).unwrap_or_else(|| panic!("no row {id}"))
    }

    #[test]
    fn csv_starts_with_the_bom_and_ends_rows_in_crlf() {
        let plan = plan();
        let bytes = plan_csv(&plan, &plan.initiatives).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        assert!(bytes.ends_with(b"\r\n"));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(text.starts_with("昇順番号,ID,体系分類1コード,"));
        assert!(text.contains("2027年度,備考\r\n"));
    }

    #[test]
    fn whole_plan_reads_back_as_86_rows() {
        let plan = plan();
        let (header, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
        assert_eq!(header.len(), COLUMNS);
        assert_eq!(rows.len(), 86);
        assert!(rows.iter().all(|r| r.len() == COLUMNS));
        let years: Vec<_> = header.iter().skip(18).take(5).collect();
        assert_eq!(years, ["2023年度", "2024年度", "2025年度", "2026年度", "2027年度"]);
        assert_eq!(&header[COLUMNS - 1], "備考");
    }

    #[test]
    fn known_row_has_its_schedule_by_year() {
        let plan = plan();
        let (h, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
        let r = row_of(&h, &rows, "5-③-b");
        assert_eq!(cell(&h, r, "昇順番号"), "70");
        assert_eq!(cell(&h, r, "体系分類2コード"), "5-③");
        assert_eq!(cell(&h, r, "重要課題"), "重");
        assert_eq!(cell(&h, r, "実施方針区分"), "要検討");
        assert_eq!(
            cell(&h, r, "年次別実行スケジュール"),
            "関係機関連携協議（2023 (R5)）\n支援策の実施（2024 (R6)〜2027 (R9)）"
        );
        assert_eq!(cell(&h, r, "2023年度"), "関係機関連携協議");
        assert_eq!(cell(&h, r, "2024年度"), "支援策の実施");
        assert_eq!(cell(&h, r, "2027年度"), "支援策の実施");
    }

    #[test]
    fn kpis_and_relists_are_written_by_code_and_name() {
        let plan = plan();
        let (h, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
        let r = row_of(&h, &rows, "2-③-a");
        assert_eq!(cell(&h, r, "数値目標"), "2-5 事業計画の策定事業者数(社)");
        // 2-4 has no unit in the table: no brackets.
        assert_eq!(cell(&h, r, "関連目標"), "2-3 商工会・商工会議所の相談・指導件数(件)\n2-4 経営革新計画の策定事業者数の増");
        assert_eq!(cell(&h, r, "再掲先"), "4-①-d");
        let r = row_of(&h, &rows, "2-①-a");
        assert_eq!(cell(&h, r, "数値目標"), "2-2 企業におけるデジタル化進捗割合(%)");
        let r = row_of(&h, &rows, "6-②-e");
        assert_eq!(cell(&h, r, "再掲元"), "2-①-a");
        assert_eq!(cell(&h, r, "重要課題"), "");
    }

    #[test]
    fn formula_like_cells_get_an_apostrophe() {
        let plan = plan();
        let (h, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
        assert_eq!(cell(&h, row_of(&h, &rows, "1-①-d"), "現状"), "'-");
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(defuse(bad), format!("'{bad}"));
        }
        for fine in ["", "・企業", "2-①-a", "'-", "a=b"] {
            assert_eq!(defuse(fine), fine);
        }
    }

    #[test]
    fn commas_quotes_and_newlines_round_trip() {
        let mut plan = plan();
        let tricky = "a, \"b\"\r\nc,\nd\"";
        let i = plan.initiatives.iter_mut().find(|i| i.id == id("5-③-b")).unwrap();
        i.text = tricky.to_string();
        i.remarks = Some("=HYPERLINK(\"x\")".to_string());
        let (h, rows) = read(&plan_csv(&plan, &plan.initiatives).unwrap());
        assert_eq!(rows.len(), 86);
        let r = row_of(&h, &rows, "5-③-b");
        assert_eq!(cell(&h, r, "取組"), tricky);
        assert_eq!(cell(&h, r, "備考"), "'=HYPERLINK(\"x\")");
    }

    #[test]
    fn a_subset_gives_only_its_rows() {
        let plan = plan();
        let some: Vec<_> = plan.initiatives.iter().filter(|i| i.policy == 5).take(3).collect();
        let (_, rows) = read(&plan_csv(&plan, some.iter().copied()).unwrap());
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn plan_subset_keeps_only_what_its_initiatives_need() {
        let plan = plan();
        let ids = [id("2-①-a"), id("2-③-a"), id("5-③-b")];
        let subset = plan_subset(&plan, plan.initiatives.iter().filter(|i| ids.contains(&i.id)));
        assert_eq!(subset.initiatives.iter().map(|i| i.id).collect::<Vec<_>>(), ids);
        assert_eq!(subset.plan, plan.plan);
        let policies: Vec<(u8, Vec<String>)> = subset
            .policies
            .iter()
            .map(|p| (p.code, p.sub_policies.iter().map(|s| s.id.to_string()).collect()))
            .collect();
        assert_eq!(
            policies,
            [(2, vec!["2-①".to_string(), "2-③".to_string()]), (5, vec!["5-③".to_string()])]
        );
        let kpis: Vec<String> = subset.kpis.iter().map(|k| k.code.to_string()).collect();
        assert_eq!(kpis, ["2-2", "2-3", "2-4", "2-5"]);
        // Re-list pointers still name rows outside the subset.
        assert_eq!(subset.initiatives[0].relisted_in, [id("6-②-e")]);

        let json = to_json(&subset).unwrap();
        assert!(json.ends_with("}\n"));
        assert_eq!(Plan::from_json(&json).unwrap(), subset);
    }

    #[test]
    fn whole_plan_subset_is_the_plan() {
        let plan = plan();
        assert_eq!(plan_subset(&plan, &plan.initiatives), plan);
        assert_eq!(to_json(&plan).unwrap(), PLAN_JSON);
    }

    #[test]
    fn empty_subset_gives_a_header_and_empty_arrays() {
        let plan = plan();
        let bytes = plan_csv(&plan, []).unwrap();
        let (header, rows) = read(&bytes);
        assert_eq!(header.len(), COLUMNS);
        assert!(rows.is_empty());

        let subset = plan_subset(&plan, []);
        let json = to_json(&subset).unwrap();
        let back = Plan::from_json(&json).unwrap();
        assert!(back.policies.is_empty() && back.kpis.is_empty() && back.initiatives.is_empty());
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        for key in ["policies", "kpis", "initiatives"] {
            assert_eq!(value[key], serde_json::json!([]), "{key}");
        }
    }
}
