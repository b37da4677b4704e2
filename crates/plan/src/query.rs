//! Which initiatives match the explore view's filters and search, and how
//! many each facet value would leave.
//!
//! Within one facet the chosen values are alternatives (OR); facets and the
//! search words all have to hold together (AND). A facet value's count is
//! taken with every *other* facet applied, so it tells how many results the
//! user gets by adding that value.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::plan::{FiscalYear, Initiative, KpiCode, Plan, SubPolicyId};
use crate::search::{self, Query, Segment};

/// 実施方針区分 as a facet value: the table's own word(s), or not stated.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    Stated(String),
    /// Empty, `-` or `(再掲)` in the table (shown as 未記載).
    NotStated,
}

impl Direction {
    pub fn of(initiative: &Initiative) -> Direction {
        match &initiative.direction {
            Some(d) => Direction::Stated(d.clone()),
            None => Direction::NotStated,
        }
    }
}

/// The explore view's filters. `Default` shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub policies: BTreeSet<u8>,
    pub sub_policies: BTreeSet<SubPolicyId>,
    pub priority_only: bool,
    pub first_plan: BTreeSet<String>,
    pub directions: BTreeSet<Direction>,
    pub kpis: BTreeSet<KpiCode>,
    /// Initiatives with a schedule activity in one of these years.
    pub fiscal_years: BTreeSet<FiscalYear>,
    /// The search box, as typed.
    pub text: String,
    /// Hide re-listed rows (再掲): their originals stand for them.
    pub fold_relisted: bool,
}

impl Filters {
    /// Whether anything narrows the list (the "clear all" action is offered then).
    pub fn is_active(&self) -> bool {
        *self != Filters { fold_relisted: self.fold_relisted, ..Filters::default() }
    }
}

/// The facets, for counting "all other facets".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Policy,
    SubPolicy,
    Priority,
    FirstPlan,
    Direction,
    Kpi,
    FiscalYear,
}

const FACETS: [Facet; 7] = [
    Facet::Policy,
    Facet::SubPolicy,
    Facet::Priority,
    Facet::FirstPlan,
    Facet::Direction,
    Facet::Kpi,
    Facet::FiscalYear,
];

/// What search and facets need of each initiative, computed once per plan.
/// Facet values are stored as positions in the count lists, so counting is
/// O(1) per value whatever the plan's size.
#[derive(Debug, Clone)]
pub struct PlanIndex {
    entries: Vec<Entry>,
    /// Every distinct direction in table order of first appearance, then 未記載.
    directions: Vec<Direction>,
    /// The relation's values, as [`Plan::first_plan_values`] orders them.
    first_plan: Vec<String>,
}

#[derive(Debug, Clone)]
struct Entry {
    haystack: String,
    direction: Direction,
    years: Vec<FiscalYear>,
    kpis: Vec<KpiCode>,
    at: Positions,
}

/// Where an initiative's facet values sit in [`FacetCounts`]' lists.
#[derive(Debug, Clone, Default)]
struct Positions {
    policy: Option<usize>,
    sub_policy: Option<usize>,
    first_plan: Option<usize>,
    direction: Option<usize>,
    kpis: Vec<usize>,
    years: Vec<usize>,
}

impl PlanIndex {
    pub fn new(plan: &Plan) -> PlanIndex {
        let mut entries = plan.initiatives.iter().map(|i| Entry::new(plan, i)).collect::<Vec<_>>();
        let mut directions: Vec<Direction> = Vec::new();
        for e in &entries {
            if matches!(e.direction, Direction::Stated(_)) && !directions.contains(&e.direction) {
                directions.push(e.direction.clone());
            }
        }
        directions.push(Direction::NotStated);
        let first_plan: Vec<String> = plan.first_plan_values().into_iter().map(str::to_string).collect();
        let labels = FacetCounts::zero(plan, &directions, &first_plan);
        let position = |list: &[(u8, usize)], v: u8| list.iter().position(|(x, _)| *x == v);
        let subs: std::collections::HashMap<SubPolicyId, usize> =
            labels.sub_policies.iter().enumerate().map(|(n, (id, _))| (*id, n)).collect();
        for (i, e) in plan.initiatives.iter().zip(&mut entries) {
            e.at = Positions {
                policy: position(&labels.policies, i.policy),
                sub_policy: subs.get(&i.sub_policy_id()).copied(),
                first_plan: labels.first_plan.iter().position(|(f, _)| Some(f) == i.first_plan.as_ref()),
                direction: directions.iter().position(|d| *d == e.direction),
                kpis: e.kpis.iter().filter_map(|k| labels.kpis.iter().position(|(c, _)| c == k)).collect(),
                years: e.years.iter().filter_map(|y| labels.fiscal_years.iter().position(|(v, _)| v == y)).collect(),
            };
        }
        PlanIndex { entries, directions, first_plan }
    }

    /// Which initiatives contain every word of `query` (all, for an empty
    /// query). Kept apart from the facets so a facet click does not search
    /// the text again.
    pub fn text_hits(&self, query: &Query) -> TextHits {
        TextHits(self.entries.iter().map(|e| query.matches(&e.haystack)).collect())
    }
}

/// Per initiative (plan order): whether it contains the search words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextHits(Vec<bool>);

impl Entry {
    fn new(plan: &Plan, i: &Initiative) -> Entry {
        let mut text = String::new();
        let mut add = |s: &str| {
            text.push_str(s);
            text.push('\n');
        };
        add(&i.id.to_string());
        add(&i.text);
        add(&i.short_name);
        add(plan.display_name(i));
        add(&i.situation);
        if let Some(r) = &i.remarks {
            add(r);
        }
        for s in &i.schedule {
            add(&s.label);
        }
        for link in &i.kpis {
            add(&link.code.to_string());
            if let Some(k) = plan.kpi(link.code) {
                add(&k.name);
            }
        }
        let years = i
            .schedule
            .iter()
            .flat_map(|s| (s.from.0..=s.to.0).map(FiscalYear))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        Entry {
            haystack: search::fold(&text),
            direction: Direction::of(i),
            years,
            kpis: i.kpis.iter().map(|k| k.code).collect::<BTreeSet<_>>().into_iter().collect(),
            at: Positions::default(),
        }
    }
}

/// How many results each facet value would give, with every other facet applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub policies: Vec<(u8, usize)>,
    pub sub_policies: Vec<(SubPolicyId, usize)>,
    /// Results if 重点のみ were on.
    pub priority: usize,
    pub first_plan: Vec<(String, usize)>,
    pub directions: Vec<(Direction, usize)>,
    pub kpis: Vec<(KpiCode, usize)>,
    pub fiscal_years: Vec<(FiscalYear, usize)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryResult {
    /// Indices into `plan.initiatives`, in plan order.
    pub matches: Vec<usize>,
    pub counts: FacetCounts,
    /// Initiatives considered (after folding re-listed rows, before filters).
    pub total: usize,
}

impl QueryResult {
    pub fn initiatives<'s, 'p>(&'s self, plan: &'p Plan) -> impl Iterator<Item = &'p Initiative> + 's
    where
        'p: 's,
    {
        self.matches.iter().filter_map(move |&n| plan.initiatives.get(n))
    }
}

impl FacetCounts {
    /// Every facet value of `plan`, each with a count of 0.
    fn zero(plan: &Plan, directions: &[Direction], first_plan: &[String]) -> FacetCounts {
        FacetCounts {
            policies: plan.policies.iter().map(|p| (p.code, 0)).collect(),
            sub_policies: plan.policies.iter().flat_map(|p| &p.sub_policies).map(|s| (s.id, 0)).collect(),
            priority: 0,
            first_plan: first_plan.iter().map(|f| (f.clone(), 0)).collect(),
            directions: directions.iter().map(|d| (d.clone(), 0)).collect(),
            kpis: plan.kpis.iter().map(|k| (k.code, 0)).collect(),
            fiscal_years: plan.plan.fiscal_years.years().map(|y| (y, 0)).collect(),
        }
    }
}

/// Runs the filters and the search (convenience for callers that do not keep
/// [`TextHits`] between runs).
pub fn run(plan: &Plan, index: &PlanIndex, filters: &Filters) -> QueryResult {
    run_with(plan, index, filters, &index.text_hits(&Query::parse(&filters.text)))
}

/// Runs the filters over the initiatives that `hits` says contain the search
/// words. One pass over the plan; every count is an array bump.
pub fn run_with(plan: &Plan, index: &PlanIndex, filters: &Filters, hits: &TextHits) -> QueryResult {
    // The value lists come from the index: a keystroke does not scan the plan for them.
    let mut counts = FacetCounts::zero(plan, &index.directions, &index.first_plan);
    let mut matches = Vec::new();
    let mut total = 0;

    for (n, (initiative, entry)) in plan.initiatives.iter().zip(&index.entries).enumerate() {
        if filters.fold_relisted && initiative.relisted_from.is_some() {
            continue;
        }
        total += 1;
        if !hits.0.get(n).copied().unwrap_or(false) {
            continue;
        }
        let passes: [bool; FACETS.len()] = FACETS.map(|f| passes(filters, f, initiative, entry));
        let failing = passes.iter().filter(|p| !**p).count();
        if failing == 0 {
            matches.push(n);
        }
        // Counts for facet F need every facet but F to pass.
        for (k, facet) in FACETS.iter().enumerate() {
            let others_pass = failing == 0 || (failing == 1 && !passes[k]);
            if others_pass {
                count(&mut counts, *facet, initiative, &entry.at);
            }
        }
    }
    QueryResult { matches, counts, total }
}

fn passes(f: &Filters, facet: Facet, i: &Initiative, e: &Entry) -> bool {
    match facet {
        Facet::Policy => f.policies.is_empty() || f.policies.contains(&i.policy),
        Facet::SubPolicy => f.sub_policies.is_empty() || f.sub_policies.contains(&i.sub_policy_id()),
        Facet::Priority => !f.priority_only || i.priority,
        Facet::FirstPlan => f.first_plan.is_empty() || i.first_plan.as_ref().is_some_and(|p| f.first_plan.contains(p)),
        Facet::Direction => f.directions.is_empty() || f.directions.contains(&e.direction),
        Facet::Kpi => f.kpis.is_empty() || e.kpis.iter().any(|k| f.kpis.contains(k)),
        Facet::FiscalYear => f.fiscal_years.is_empty() || e.years.iter().any(|y| f.fiscal_years.contains(y)),
    }
}

fn bump<T>(list: &mut [(T, usize)], at: Option<usize>) {
    if let Some((_, n)) = at.and_then(|k| list.get_mut(k)) {
        *n += 1;
    }
}

fn count(c: &mut FacetCounts, facet: Facet, i: &Initiative, at: &Positions) {
    match facet {
        Facet::Policy => bump(&mut c.policies, at.policy),
        Facet::SubPolicy => bump(&mut c.sub_policies, at.sub_policy),
        Facet::Priority => c.priority += usize::from(i.priority),
        Facet::FirstPlan => bump(&mut c.first_plan, at.first_plan),
        Facet::Direction => bump(&mut c.directions, at.direction),
        Facet::Kpi => at.kpis.iter().for_each(|&k| bump(&mut c.kpis, Some(k))),
        Facet::FiscalYear => at.years.iter().for_each(|&y| bump(&mut c.fiscal_years, Some(y))),
    }
}

/// Where a search matched when the listed id and name do not show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Text,
    Situation,
    Remarks,
    Schedule,
    Kpi,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchContext {
    pub field: Field,
    pub segments: Vec<Segment>,
}

/// Characters of context either side of a hit in a result row's excerpt.
const CONTEXT_CHARS: usize = 16;

/// An excerpt explaining why `initiative` matched, for its row in the
/// results; `None` when the query is empty or the id or name already shows a hit.
pub fn match_context(plan: &Plan, initiative: &Initiative, query: &Query) -> Option<MatchContext> {
    if query.is_empty() {
        return None;
    }
    let (id, name) = listed_texts(plan, initiative);
    if [id.as_str(), name].iter().any(|v| !search::hit_ranges(v, query).is_empty()) {
        return None;
    }
    excerpt_fields(plan, initiative)
        .find_map(|(field, text)| Some(MatchContext { field, segments: search::snippet(&text, query, CONTEXT_CHARS)? }))
}

/// Folds, ahead of the first search, every text a result row may highlight
/// or quote (see [`search::prepare`]); `false` once there is no more room.
pub fn prepare_row_search(plan: &Plan, initiative: &Initiative) -> bool {
    let (id, name) = listed_texts(plan, initiative);
    search::prepare(&id)
        && search::prepare(name)
        && excerpt_fields(plan, initiative).all(|(_, text)| search::prepare(&text))
}

/// What a result row lists: the id and the name.
fn listed_texts<'a>(plan: &'a Plan, initiative: &'a Initiative) -> (String, &'a str) {
    (initiative.id.to_string(), plan.display_name(initiative))
}

/// The fields an excerpt may quote, in the order they are tried.
fn excerpt_fields<'a>(plan: &'a Plan, initiative: &'a Initiative) -> impl Iterator<Item = (Field, Cow<'a, str>)> {
    let kpi_names = initiative.kpis.iter().filter_map(|l| plan.kpi(l.code)).map(|k| format!("{} {}", k.code, k.name));
    // Borrowed where the plan has the text: this runs for every shown row on every keystroke.
    [
        (Field::Text, Some(initiative.text.as_str())),
        (Field::Situation, Some(initiative.situation.as_str())),
        (Field::Remarks, initiative.remarks.as_deref()),
    ]
    .into_iter()
    .filter_map(|(f, t)| Some((f, Cow::Borrowed(t?))))
    .chain(initiative.schedule.iter().map(|s| (Field::Schedule, Cow::Borrowed(s.label.as_str()))))
    .chain(kpi_names.map(|k| (Field::Kpi, Cow::Owned(k))))
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
