//! The explore view's state as a URL query, the one source of truth for
//! filters, search, the open initiative and the view shown.
//!
//! Parameters (a public interface: shared links depend on them):
//! `view=timeline|progress|report|kpis|charts`, `year=2024` (the fiscal year
//! the progress and report views show), `code=2-2` (the KPI open in the KPI
//! view), `policy=1,2`, `sub=2-3`, `priority=1`, `first=継続`,
//! `dir=継続/要検討` (`none` = 未記載), `kpi=2-3`, `fy=2024`, `q=…`,
//! `relisted=fold`, `id=2-1-a`. Several values of one facet are
//! comma-separated; repeating the parameter works too. Unknown parameters,
//! malformed values and values the plan does not have (`policy=9`) are
//! ignored, never an error, so a link can never hide rows behind a filter the
//! panel cannot show. Search text is capped at `MAX_QUERY_CHARS`.

use std::collections::BTreeSet;
use std::str::FromStr;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::plan::{FiscalYear, InitiativeId, KpiCode, Plan, SubPolicyId};
use crate::query::{Direction, Filters};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    List,
    Timeline,
    /// Recorded progress for one fiscal year: counts, notes, checks, files.
    Progress,
    /// The annual progress report (進捗報告), ready to print.
    Report,
    /// The KPI catalog, or one KPI's values (`code`).
    Kpis,
    /// Charts of the plan's composition and progress.
    Charts,
}

impl View {
    /// The view's name: its `view=` value, `list` for the list.
    pub fn name(self) -> &'static str {
        self.param().unwrap_or("list")
    }

    /// Whether records are edited here (in the list, through the open
    /// initiative). The timeline and the charts only show them, so staff's
    /// undo bar stays out of their way.
    pub fn edits_records(self) -> bool {
        !matches!(self, View::Timeline | View::Charts)
    }

    fn param(self) -> Option<&'static str> {
        match self {
            View::List => None,
            View::Timeline => Some("timeline"),
            View::Progress => Some("progress"),
            View::Report => Some("report"),
            View::Kpis => Some("kpis"),
            View::Charts => Some("charts"),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    pub filters: Filters,
    pub open: Option<InitiativeId>,
    /// The fiscal year of the progress and report views; `None` = the current one.
    pub year: Option<FiscalYear>,
    /// The KPI open in the KPI view.
    pub kpi: Option<KpiCode>,
    /// The plan shown instead of the embedded plan (`plan=`): kept in
    /// every address, so a click or a reload never falls back to the
    /// embedded plan (and its record) unnoticed.
    pub plan_source: Option<PlanSource>,
}

/// Where the shown plan comes from when it is not the embedded one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanSource {
    /// A plan file beside `index.html`: `plan=other-plan.json`.
    File(LinkedFile),
    /// A plan opened in this browser and kept in it: `plan=saved:<id>`.
    Saved(SavedPlanId),
}

const SAVED: &str = "saved:";

impl PlanSource {
    pub fn parse(value: &str) -> Option<PlanSource> {
        match value.strip_prefix(SAVED) {
            Some(id) => SavedPlanId::parse(id).map(PlanSource::Saved),
            None => LinkedFile::parse(value).map(PlanSource::File),
        }
    }

    /// The query that opens this plan's default view.
    pub fn query(self) -> String {
        ViewState { plan_source: Some(self), ..ViewState::default() }.to_query()
    }

    /// The address's value for it.
    pub fn param(&self) -> String {
        match self {
            PlanSource::File(file) => file.as_str().to_string(),
            PlanSource::Saved(id) => format!("{SAVED}{}", id.as_str()),
        }
    }
}

/// A plan id as an address and a storage key may carry it: ASCII letters,
/// digits, `-`, `_` and `.`, not starting with `.`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SavedPlanId(String);

/// Longer is no id a person or the importer writes.
pub const MAX_PLAN_ID_CHARS: usize = 100;

impl SavedPlanId {
    pub fn parse(id: &str) -> Option<SavedPlanId> {
        let fits = !id.is_empty() && id.len() <= MAX_PLAN_ID_CHARS && !id.starts_with('.');
        let safe = id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        (fits && safe).then(|| SavedPlanId(id.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where the query says the plan comes from (`plan=`), if from a place a
/// link may name.
pub fn plan_source(query: &str) -> Option<PlanSource> {
    pairs(query).find(|(key, _)| key == "plan").and_then(|(_, value)| PlanSource::parse(&value))
}

/// A file beside `index.html` named in the address (`plan=`, `open=`): a bare
/// `.json` name, so an address can never make the page fetch from elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedFile(String);

impl LinkedFile {
    pub fn parse(name: &str) -> Option<LinkedFile> {
        let bare = !name.starts_with('.')
            && !name.chars().any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '?' | '#' | '%' | '&'));
        (bare && name.ends_with(".json")).then(|| LinkedFile(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The file the query names with `param` (`plan`, `open`), if it is one a
/// link may name.
pub fn linked_file(query: &str, param: &str) -> Option<LinkedFile> {
    pairs(query).find(|(key, _)| key == param).and_then(|(_, value)| LinkedFile::parse(&value))
}

const NOT_STATED: &str = "none";
/// Longer text is no search a person types, and it makes links too long to share.
pub const MAX_QUERY_CHARS: usize = 256;
/// Kept readable in shared links: ids, years, codes and `継続/要検討` need no escaping of these.
const VALUE_ESCAPES: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b',').remove(b'/');

impl ViewState {
    /// Reads `?a=b&…` (the leading `?` is optional), keeping only values `plan` has.
    pub fn from_query(query: &str, plan: &Plan) -> ViewState {
        let mut s = ViewState::default();
        let f = &mut s.filters;
        for (key, value) in pairs(query) {
            match key.as_str() {
                "view" => {
                    if let Some(v) = [View::Timeline, View::Progress, View::Report, View::Kpis, View::Charts]
                        .into_iter()
                        .find(|v| v.param() == Some(value.as_str()))
                    {
                        s.view = v;
                    }
                }
                "code" => s.kpi = KpiCode::from_str(&value).ok().filter(|k| plan.kpi(*k).is_some()),
                "year" => {
                    s.year = value.parse().ok().map(FiscalYear).filter(|y| plan.plan.fiscal_years.contains(*y));
                }
                "policy" => extend(&mut f.policies, &value, |v| v.parse().ok().filter(|p| plan.policy(*p).is_some())),
                "sub" => extend(&mut f.sub_policies, &value, |v| {
                    v.parse::<SubPolicyId>().ok().filter(|s| plan.sub_policy(*s).is_some())
                }),
                "priority" => f.priority_only = value == "1",
                "first" => extend(&mut f.first_plan, &value, |v| {
                    plan.first_plan_values().contains(&v).then(|| v.to_string())
                }),
                "dir" => extend(&mut f.directions, &value, |v| match v {
                    NOT_STATED => Some(Direction::NotStated),
                    v => plan
                        .initiatives
                        .iter()
                        .any(|i| i.direction.as_deref() == Some(v))
                        .then(|| Direction::Stated(v.into())),
                }),
                "kpi" => extend(&mut f.kpis, &value, |v| KpiCode::from_str(v).ok().filter(|k| plan.kpi(*k).is_some())),
                "fy" => extend(&mut f.fiscal_years, &value, |v| {
                    v.parse().ok().map(FiscalYear).filter(|y| plan.plan.fiscal_years.contains(*y))
                }),
                "q" => f.text = value.chars().take(MAX_QUERY_CHARS).collect(),
                "relisted" => f.fold_relisted = value == "fold",
                "id" => s.open = value.parse().ok(),
                "plan" => s.plan_source = PlanSource::parse(&value),
                _ => {}
            }
        }
        s
    }

    /// `a=b&…` without the `?`; empty for the default state.
    pub fn to_query(&self) -> String {
        let f = &self.filters;
        let mut out: Vec<(&str, String)> = Vec::new();
        if let Some(source) = &self.plan_source {
            out.push(("plan", source.param()));
        }
        if let Some(v) = self.view.param() {
            out.push(("view", v.into()));
        }
        if let Some(y) = self.year {
            out.push(("year", y.to_string()));
        }
        // The open KPI belongs to the KPI view: other views' links (and the
        // printed report's URL) do not carry it.
        if let Some(k) = self.kpi.filter(|_| self.view == View::Kpis) {
            out.push(("code", k.to_string()));
        }
        push_list(&mut out, "policy", f.policies.iter().map(u8::to_string));
        push_list(&mut out, "sub", f.sub_policies.iter().map(|s| format!("{}-{}", s.policy, s.sub)));
        if f.priority_only {
            out.push(("priority", "1".into()));
        }
        push_list(&mut out, "first", f.first_plan.iter().cloned());
        push_list(
            &mut out,
            "dir",
            f.directions.iter().map(|d| match d {
                Direction::Stated(s) => s.clone(),
                Direction::NotStated => NOT_STATED.to_string(),
            }),
        );
        push_list(&mut out, "kpi", f.kpis.iter().map(KpiCode::to_string));
        push_list(&mut out, "fy", f.fiscal_years.iter().map(FiscalYear::to_string));
        if !f.text.is_empty() {
            out.push(("q", f.text.clone()));
        }
        if f.fold_relisted {
            out.push(("relisted", "fold".into()));
        }
        if let Some(id) = self.open {
            out.push(("id", id.ascii()));
        }
        out.iter().map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, VALUE_ESCAPES))).collect::<Vec<_>>().join("&")
    }
}

fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (decode(k), decode(v))
    })
}

/// `+` is a space in form-encoded queries; malformed escapes stay as text.
fn decode(s: &str) -> String {
    percent_decode_str(&s.replace('+', " ")).decode_utf8_lossy().into_owned()
}

fn extend<T: Ord>(set: &mut BTreeSet<T>, value: &str, parse: impl Fn(&str) -> Option<T>) {
    set.extend(value.split(',').map(str::trim).filter(|v| !v.is_empty()).filter_map(parse));
}

fn push_list(out: &mut Vec<(&'static str, String)>, key: &'static str, values: impl Iterator<Item = String>) {
    let joined = values.collect::<Vec<_>>().join(",");
    if !joined.is_empty() {
        out.push((key, joined));
    }
}

#[cfg(test)]
#[path = "view_state_tests.rs"]
mod tests;
