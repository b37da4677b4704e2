//! The explore view's state as a URL query, the one source of truth for
//! filters, search, the open initiative and the view shown.
//!
//! Parameters (a public interface: shared links depend on them):
//! `view=timeline`, `policy=1,2`, `sub=2-3`, `priority=1`, `first=継続`,
//! `dir=継続/要検討` (`none` = 未記載), `kpi=2-3`, `fy=2024`, `q=…`,
//! `relisted=fold`, `id=2-1-a`. Several values of one facet are
//! comma-separated; repeating the parameter works too. Unknown parameters,
//! malformed values and values the plan does not have (`policy=9`) are
//! ignored, never an error, so a link can never hide rows behind a filter the
//! panel cannot show. Search text is capped at `MAX_QUERY_CHARS`.

use std::collections::BTreeSet;
use std::str::FromStr;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::plan::{FirstPlan, FiscalYear, InitiativeId, KpiCode, Plan, SubPolicyId};
use crate::query::{Direction, Filters};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    List,
    Timeline,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    pub filters: Filters,
    pub open: Option<InitiativeId>,
}

const NOT_STATED: &str = "none";
/// Longer text is no search a person types, and it makes links too long to share.
pub const MAX_QUERY_CHARS: usize = 256;
/// Kept readable in shared links: ids, years, codes and `継続/要検討` need no escaping of these.
const VALUE_ESCAPES: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b',').remove(b'/');

impl ViewState {
    /// Reads `?a=b&…` (the leading `?` is optional), keeping only values `plan` has.
    pub fn from_query(query: &str, plan: &Plan) -> ViewState {
        let mut s = ViewState::default();
        let f = &mut s.filters;
        for (key, value) in pairs(query) {
            match key.as_str() {
                "view" if value == "timeline" => s.view = View::Timeline,
                "policy" => extend(&mut f.policies, &value, |v| v.parse().ok().filter(|p| plan.policy(*p).is_some())),
                "sub" => extend(&mut f.sub_policies, &value, |v| {
                    v.parse::<SubPolicyId>().ok().filter(|s| plan.sub_policy(*s).is_some())
                }),
                "priority" => f.priority_only = value == "1",
                "first" => extend(&mut f.first_plan, &value, FirstPlan::from_ja),
                "dir" => extend(&mut f.directions, &value, |v| match v {
                    NOT_STATED => Some(Direction::NotStated),
                    v => plan.initiatives.iter().any(|i| i.direction.as_deref() == Some(v)).then(|| Direction::Stated(v.into())),
                }),
                "kpi" => extend(&mut f.kpis, &value, |v| KpiCode::from_str(v).ok().filter(|k| plan.kpi(*k).is_some())),
                "fy" => extend(&mut f.fiscal_years, &value, |v| {
                    v.parse().ok().map(FiscalYear).filter(|y| plan.plan.fiscal_years.contains(*y))
                }),
                "q" => f.text = value.chars().take(MAX_QUERY_CHARS).collect(),
                "relisted" => f.fold_relisted = value == "fold",
                "id" => s.open = value.parse().ok(),
                _ => {}
            }
        }
        s
    }

    /// `a=b&…` without the `?`; empty for the default state.
    pub fn to_query(&self) -> String {
        let f = &self.filters;
        let mut out: Vec<(&str, String)> = Vec::new();
        if self.view == View::Timeline {
            out.push(("view", "timeline".into()));
        }
        push_list(&mut out, "policy", f.policies.iter().map(u8::to_string));
        push_list(&mut out, "sub", f.sub_policies.iter().map(|s| format!("{}-{}", s.policy, s.sub)));
        if f.priority_only {
            out.push(("priority", "1".into()));
        }
        push_list(&mut out, "first", f.first_plan.iter().map(|p| p.as_ja().to_string()));
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
        out.iter()
            .map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, VALUE_ESCAPES)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
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
mod tests {
    use super::*;

    fn read(q: &str) -> ViewState {
        let plan = Plan::from_json(crate::PLAN_JSON).expect("plan.json");
        ViewState::from_query(q, &plan)
    }

    #[test]
    fn every_parameter_round_trips() {
        let state = ViewState {
            view: View::Timeline,
            filters: Filters {
                policies: BTreeSet::from([1, 2]),
                sub_policies: BTreeSet::from([SubPolicyId { policy: 2, sub: 3 }]),
                priority_only: true,
                first_plan: BTreeSet::from([FirstPlan::Continued, FirstPlan::Revised]),
                directions: BTreeSet::from([Direction::Stated("継続/要検討".into()), Direction::NotStated]),
                kpis: BTreeSet::from([KpiCode { policy: 2, number: 3 }]),
                fiscal_years: BTreeSet::from([FiscalYear(2024), FiscalYear(2025)]),
                text: "デジタル 補助金 & 100%".into(),
                fold_relisted: true,
            },
            open: Some(InitiativeId { policy: 2, sub: 1, letter: 'a' }),
        };
        let query = state.to_query();
        assert_eq!(read(&query), state, "{query}");
        assert!(query.contains("policy=1,2"), "{query}");
        assert!(query.contains("sub=2-3"));
        assert!(query.contains("fy=2024,2025"));
        assert!(query.ends_with("id=2-1-a"));
        assert_eq!(read(&format!("?{query}")), state, "leading ? is fine");
    }

    #[test]
    fn the_open_initiative_is_the_last_parameter() {
        // The app appends `&id=…` to the rest of the query for every row's link.
        let mut s = read("policy=2&q=x&view=timeline");
        s.view = View::List;
        let base = s.to_query();
        s.open = Some(InitiativeId { policy: 2, sub: 1, letter: 'a' });
        assert_eq!(s.to_query(), format!("{base}&id=2-1-a"));
    }

    #[test]
    fn the_default_state_is_the_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(read(""), ViewState::default());
        assert_eq!(read("?"), ViewState::default());
    }

    #[test]
    fn repeated_parameters_and_other_spellings_are_read() {
        let s = read("policy=1&policy=3&sub=2-%E2%91%A2&id=2-%E2%91%A0-a&q=%E3%83%87%E3%82%B8+%E5%8C%96");
        assert_eq!(s.filters.policies, BTreeSet::from([1, 3]));
        assert_eq!(s.filters.sub_policies, BTreeSet::from([SubPolicyId { policy: 2, sub: 3 }]));
        assert_eq!(s.open, Some(InitiativeId { policy: 2, sub: 1, letter: 'a' }));
        assert_eq!(s.filters.text, "デジ 化");
    }

    #[test]
    fn malformed_and_unknown_parameters_are_ignored() {
        let s = read("policy=x,2,,99&sub=zz&first=maybe&fy=1999,2024,abc&kpi=2&id=%ZZ&unknown=1&=&&priority=yes&view=gallery&q=%E0%A4%A");
        assert_eq!(s.filters.policies, BTreeSet::from([2]));
        assert!(s.filters.sub_policies.is_empty());
        assert!(s.filters.first_plan.is_empty());
        assert_eq!(s.filters.fiscal_years, BTreeSet::from([FiscalYear(2024)]));
        assert!(s.filters.kpis.is_empty());
        assert_eq!(s.open, None);
        assert!(!s.filters.priority_only);
        assert_eq!(s.view, View::List);
        assert!(!s.filters.text.is_empty(), "a broken escape is kept as text, not a crash");
    }

    #[test]
    fn values_the_plan_does_not_have_are_dropped() {
        let s = read("policy=7,2&sub=9-9,2-1&kpi=9-9,2-2&dir=foo,強化&fy=2030");
        assert_eq!(s.filters.policies, BTreeSet::from([2]));
        assert_eq!(s.filters.sub_policies, BTreeSet::from([SubPolicyId { policy: 2, sub: 1 }]));
        assert_eq!(s.filters.kpis, BTreeSet::from([KpiCode { policy: 2, number: 2 }]));
        assert_eq!(s.filters.directions, BTreeSet::from([Direction::Stated("強化".into())]));
        assert!(s.filters.fiscal_years.is_empty());
        let long = "あ".repeat(1000);
        assert_eq!(read(&format!("q={long}")).filters.text.chars().count(), MAX_QUERY_CHARS);
    }
}
