//! The plan offered for download: the JSON of `data/plan.json` and a CSV for
//! Excel on Japanese Windows, of the whole plan or of a filtered view.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use crate::plan::{Initiative, KpiCode, KpiRole, Plan, Policy, SubPolicy};

/// Pretty JSON in the format of `data/plan.json`, newline-terminated.
/// The importer's own writer, so downloads and the committed file never drift.
pub use crate::import::to_json;

/// A file format the plan is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFormat {
    /// The plan file's own JSON, with only the chosen initiatives.
    Json,
    /// One row per initiative, for Excel.
    Csv,
}

/// The chosen initiatives as a file's bytes.
pub fn plan_file<'a>(
    plan: &Plan,
    chosen: impl IntoIterator<Item = &'a Initiative>,
    format: PlanFormat,
) -> Result<Vec<u8>, PlanFileError> {
    match format {
        PlanFormat::Json => {
            to_json(&plan_subset(plan, chosen)).map(String::into_bytes).map_err(|e| PlanFileError::Json(e.to_string()))
        }
        PlanFormat::Csv => plan_csv(plan, chosen).map_err(|e| PlanFileError::Csv(e.to_string())),
    }
}

/// Why a file of the plan could not be made, in its encoder's words (in
/// practice, never).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanFileError {
    Json(String),
    Csv(String),
}

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
    let kpi_codes: HashSet<KpiCode> = initiatives.iter().flat_map(|i| i.kpis.iter().map(|k| k.code)).collect();

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
        evaluation: plan.evaluation.clone(),
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
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

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
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BOM.to_vec());

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
            i.first_plan.clone().unwrap_or_default(),
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
pub(crate) fn write_row(out: &mut csv::Writer<Vec<u8>>, row: Vec<String>) -> Result<(), csv::Error> {
    let cells: Vec<Cow<'_, str>> = row.iter().map(|c| defuse(c)).collect();
    out.write_record(cells.iter().map(|c| c.as_bytes()))
}

/// CSV/formula injection (OWASP): Excel evaluates a cell starting with one of
/// these as a formula, so it gets a leading `'`. The plan's own 現状 cells can
/// be a bare `-`, which would otherwise be read as the start of a formula.
pub(crate) fn defuse(cell: &str) -> Cow<'_, str> {
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
#[path = "export_tests.rs"]
mod tests;
