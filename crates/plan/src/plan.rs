//! The plan as data: the types behind `data/plan.json` (documented field by
//! field in `data/README.md`). Plan text is kept verbatim; only codes are typed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::scales::Scales;

/// The whole plan, exactly as serialised to `data/plan.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub plan: PlanMeta,
    pub policies: Vec<Policy>,
    pub kpis: Vec<Kpi>,
    pub initiatives: Vec<Initiative>,
    /// The yearly evaluation's scales; a plan that states none uses Kama's.
    #[serde(default, skip_serializing_if = "Scales::is_default")]
    pub evaluation: Scales,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanMeta {
    /// Stable identifier; annotation files name the plan they belong to.
    pub id: String,
    pub title: String,
    pub municipality: String,
    pub fiscal_years: FiscalYearRange,
    /// Path of the source table inside the repository, or the name of the
    /// file a plan table was imported from.
    pub source: String,
    /// What the plan calls its levels, from the top: two names, or three
    /// (Kama's 基本施策 / 施策 / 取組); read through [`PlanMeta::levels`].
    /// Plain strings: the first file already has the code that reads them.
    #[serde(default = "kama_levels", rename = "levels")]
    pub level_names: Vec<String>,
    /// The titles of the plan table's other columns (担当課, 目標値, …);
    /// each initiative's `extra` holds its values in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<String>,
    /// The marks the plan gives its initiatives, each named by its table.
    #[serde(default = "Flags::kama")]
    pub flags: Flags,
}

/// The marks a plan gives its initiatives, each by the title its table gives
/// it (Kama's 重点 / 第1次計画との関連 / 実施方針区分). A mark the plan does
/// not use is `None`: the interface then offers no filter, legend or chart
/// for it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Flags {
    /// [`Initiative::priority`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// [`Initiative::first_plan`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_plan: Option<String>,
    /// [`Initiative::direction`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
}

impl Flags {
    /// Kama's, which plan files written before flags were named are.
    pub fn kama() -> Flags {
        Flags {
            priority: Some("重点".into()),
            first_plan: Some("第1次計画との関連".into()),
            direction: Some("実施方針区分".into()),
        }
    }
}

/// Plan files written before the levels were named are Kama's.
fn kama_levels() -> Vec<String> {
    vec!["基本施策".into(), "施策".into(), "取組".into()]
}

/// The names of a plan's levels, as its own table heads them: Kama's
/// 基本施策 / 施策 / 取組, elsewhere 基本目標 / 施策 / 事業.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Levels<'a> {
    pub policy: &'a str,
    /// `None` for a plan of two levels: each policy then holds one
    /// sub-policy of its own name, so that every initiative has a place.
    pub sub_policy: Option<&'a str>,
    pub initiative: &'a str,
}

impl PlanMeta {
    pub fn levels(&self) -> Levels<'_> {
        match self.level_names.as_slice() {
            [policy, initiative] => Levels { policy, sub_policy: None, initiative },
            [policy, sub, initiative, ..] => Levels { policy, sub_policy: Some(sub), initiative },
            _ => Levels { policy: "基本施策", sub_policy: Some("施策"), initiative: "取組" },
        }
    }
}

/// A Japanese fiscal year (年度), named by the calendar year it starts in:
/// FY2023 runs from 1 April 2023 to 31 March 2024 and is 令和5年度.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FiscalYear(pub u16);

impl FiscalYear {
    /// 令和7年度（2025年度）, as Japanese documents name a year.
    pub fn label_ja(self) -> String {
        format!("令和{}年度（{}年度）", self.reiwa(), self.0)
    }

    /// Reiwa era year (令和), valid from FY2019 (R1).
    pub fn reiwa(self) -> u16 {
        self.0.saturating_sub(2018)
    }

    /// The table's own column label, e.g. `2023 (R5)`.
    pub fn label(self) -> String {
        format!("{} (R{})", self.0, self.reiwa())
    }

    pub fn next(self) -> FiscalYear {
        FiscalYear(self.0 + 1)
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiscalYearRange {
    pub from: FiscalYear,
    pub to: FiscalYear,
}

impl FiscalYearRange {
    pub fn years(self) -> impl Iterator<Item = FiscalYear> {
        (self.from.0..=self.to.0).map(FiscalYear)
    }

    pub fn contains(self, year: FiscalYear) -> bool {
        self.from <= year && year <= self.to
    }

    /// `2023 (R5)〜2027 (R9)`, or one year.
    pub fn label(self) -> String {
        if self.from == self.to {
            self.from.label()
        } else {
            format!("{}〜{}", self.from.label(), self.to.label())
        }
    }
}

/// 基本施策 (体系分類1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// 1–6.
    pub code: u8,
    pub name: String,
    pub sub_policies: Vec<SubPolicy>,
}

/// 施策 (体系分類2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubPolicy {
    /// `"2-①"`: policy code and circled sub-policy number, as the plan writes it.
    pub id: SubPolicyId,
    /// 1–6 within its policy.
    pub code: u8,
    pub name: String,
}

/// A numeric target (数値目標) such as `2-2_企業におけるデジタル化進捗割合(%)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub code: KpiCode,
    pub name: String,
    /// 人/件/%/社/回/千円/千人/年, or `None` where the table never states it.
    pub unit: Option<String>,
    /// Every distinct spelling of this KPI in the table, verbatim.
    pub labels: Vec<String>,
}

/// 取組: one row of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: InitiativeId,
    /// 昇順番号, 1–86.
    pub serial: u16,
    pub policy: u8,
    pub sub_policy: u8,
    /// The initiative letter within its sub-policy, `"a"`.
    pub code: String,
    /// 取組, verbatim.
    pub text: String,
    /// 取組略称, verbatim (`"(再掲)"` on some re-listed rows).
    pub short_name: String,
    /// 重要課題 (重).
    pub priority: bool,
    /// The relation to a previous plan (Kama's 第1次計画との関連: 継続, 新規,
    /// 改), verbatim; `None` where the plan does not relate its initiatives
    /// to a previous one or the cell is empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_plan: Option<String>,
    /// 実施方針区分, verbatim; `None` when the table leaves it empty or says `-`/`(再掲)`.
    pub direction: Option<String>,
    /// 現状, verbatim.
    pub situation: String,
    pub kpis: Vec<KpiLink>,
    /// The initiative this row re-lists (再掲), from the row's own `（3-①-aの再掲）` note.
    pub relisted_from: Option<InitiativeId>,
    /// Rows that re-list this one (the inverse of `relisted_from`).
    pub relisted_in: Vec<InitiativeId>,
    pub schedule: Vec<ScheduleItem>,
    /// 備考 text not consumed as a KPI marker, verbatim.
    pub remarks: Option<String>,
    /// 1-based line of the row in the source table, for provenance.
    pub source_line: usize,
    /// The values of the plan's custom fields ([`PlanMeta::custom_fields`]),
    /// in that order, as written; empty where the row's cell is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<String>,
}

impl Initiative {
    pub fn sub_policy_id(&self) -> SubPolicyId {
        SubPolicyId { policy: self.policy, sub: self.sub_policy }
    }
}

/// The relation to a previous plan in the words of Kama's table
/// (第1次計画との関連), in the order its legend gives them. Another plan's
/// words are its own ([`Plan::first_plan_values`]).
pub const KAMA_FIRST_PLAN: [&str; 3] = ["継続", "新規", "改"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiLink {
    pub code: KpiCode,
    pub role: KpiRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KpiRole {
    /// The target the row names first.
    Primary,
    /// Named under 備考's `(関連目標)`.
    Related,
}

/// One activity of the 年次別実行スケジュール.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleItem {
    pub label: String,
    pub from: FiscalYear,
    pub to: FiscalYear,
    /// `true` where the table's layout does not settle the span and the
    /// importer assumed it (see `data/README.md`).
    pub inferred: bool,
}

/// What the table writes in a re-listed row's cells.
pub const RELISTED_MARK: &str = "(再掲)";

impl ScheduleItem {
    pub fn period_label(&self) -> String {
        FiscalYearRange { from: self.from, to: self.to }.label()
    }
}

// ---------------------------------------------------------------------------
// Codes

const CIRCLED: [char; 9] = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];

/// `①` → 1.
pub fn circled_to_number(c: char) -> Option<u8> {
    CIRCLED.iter().position(|&x| x == c).map(|i| i as u8 + 1)
}

/// 1 → `①`.
pub fn number_to_circled(n: u8) -> Option<char> {
    CIRCLED.get(usize::from(n).checked_sub(1)?).copied()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeError(pub String);

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid code: {:?}", self.0)
    }
}

impl std::error::Error for CodeError {}

/// A sub-policy: `2-①`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SubPolicyId {
    pub policy: u8,
    pub sub: u8,
}

impl fmt::Display for SubPolicyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match number_to_circled(self.sub) {
            Some(c) => write!(f, "{}-{}", self.policy, c),
            None => write!(f, "{}-{}", self.policy, self.sub),
        }
    }
}

/// An initiative: `2-①-a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InitiativeId {
    pub policy: u8,
    pub sub: u8,
    pub letter: char,
}

impl InitiativeId {
    pub fn sub_policy(self) -> SubPolicyId {
        SubPolicyId { policy: self.policy, sub: self.sub }
    }

    /// `2-1-a`: the ASCII spelling, for URLs and file names.
    pub fn ascii(self) -> String {
        format!("{}-{}-{}", self.policy, self.sub, self.letter)
    }
}

impl fmt::Display for InitiativeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.sub_policy(), self.letter)
    }
}

/// Accepts the canonical `2-①-a` and the spellings the table and users write:
/// `2-1-a`, `2-①のa`, full-width digits and any dash (‐ - － − ー).
impl FromStr for InitiativeId {
    type Err = CodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || CodeError(s.to_string());
        let folded = fold_code(s);
        let mut parts = folded.split('-');
        let (Some(p), Some(sub), Some(letter), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(err());
        };
        let policy = parse_small_number(p).ok_or_else(err)?;
        let sub = parse_sub_number(sub).ok_or_else(err)?;
        let mut letters = letter.chars();
        match (letters.next(), letters.next()) {
            (Some(l), None) if l.is_ascii_lowercase() => Ok(InitiativeId { policy, sub, letter: l }),
            _ => Err(err()),
        }
    }
}

impl FromStr for SubPolicyId {
    type Err = CodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || CodeError(s.to_string());
        let folded = fold_code(s);
        let (p, sub) = folded.split_once('-').ok_or_else(err)?;
        Ok(SubPolicyId { policy: parse_small_number(p).ok_or_else(err)?, sub: parse_sub_number(sub).ok_or_else(err)? })
    }
}

/// A basic policy's number (基本施策 1–6): where the council's opinion on the
/// policy is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PolicyCode(pub u8);

impl fmt::Display for PolicyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A KPI code: `2-2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KpiCode {
    pub policy: u8,
    pub number: u8,
}

impl fmt::Display for KpiCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.policy, self.number)
    }
}

impl FromStr for KpiCode {
    type Err = CodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || CodeError(s.to_string());
        let folded = fold_code(s);
        let (p, n) = folded.split_once('-').ok_or_else(err)?;
        Ok(KpiCode { policy: parse_small_number(p).ok_or_else(err)?, number: parse_small_number(n).ok_or_else(err)? })
    }
}

/// ①–⑳ as their numbers (what NFKC gives them).
fn circled_number(c: char) -> Option<u32> {
    let n = u32::from(c).checked_sub(0x2460)?;
    (n < 20).then_some(n + 1)
}

/// Folds width, case, whitespace and every dash-like character (and the
/// table's `の` separator) so that code spellings compare equal.
fn fold_code(s: &str) -> String {
    code_nfkc(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if crate::text::is_dash(c) || c == 'の' { '-' } else { c.to_ascii_lowercase() })
        .collect()
}

/// NFKC of a code. Codes as the plan writes them (`2-①-a`) are ASCII but for
/// the circled number, which NFKC only turns into digits, so they skip the
/// normaliser (in the browser, a call into JS for each of the plan's few
/// hundred codes at start-up).
fn code_nfkc(s: &str) -> String {
    if !s.chars().all(|c| c.is_ascii() || circled_number(c).is_some()) {
        return crate::text::nfkc(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match circled_number(c) {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push(c),
        }
    }
    out
}

fn parse_small_number(s: &str) -> Option<u8> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| *n > 0)
}

/// A sub-policy number as `①` or `1`. (NFKC has already turned `①` into `1`.)
fn parse_sub_number(s: &str) -> Option<u8> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => circled_to_number(c).or_else(|| parse_small_number(s)),
        _ => parse_small_number(s),
    }
}

macro_rules! serde_via_display {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

serde_via_display!(InitiativeId, SubPolicyId, KpiCode);

// ---------------------------------------------------------------------------
// Lookups

impl Plan {
    /// The values of the relation to a previous plan that the initiatives
    /// use: Kama's words in their order, then any other in order of first use.
    /// Facets and charts list them in this order, so each keeps its place.
    pub fn first_plan_values(&self) -> Vec<&str> {
        let used = |word: &str| self.initiatives.iter().any(|i| i.first_plan.as_deref() == Some(word));
        let mut values: Vec<&str> = KAMA_FIRST_PLAN.into_iter().filter(|w| used(w)).collect();
        for initiative in &self.initiatives {
            if let Some(word) = initiative.first_plan.as_deref() {
                if !values.contains(&word) {
                    values.push(word);
                }
            }
        }
        values
    }

    /// Parses `data/plan.json` (or any file in its format).
    pub fn from_json(json: &str) -> Result<Plan, serde_json::Error> {
        serde_json::from_str(json)
    }

    pub fn initiative(&self, id: InitiativeId) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    pub fn kpi(&self, code: KpiCode) -> Option<&Kpi> {
        self.kpis.iter().find(|k| k.code == code)
    }

    pub fn policy(&self, code: u8) -> Option<&Policy> {
        self.policies.iter().find(|p| p.code == code)
    }

    pub fn sub_policy(&self, id: SubPolicyId) -> Option<&SubPolicy> {
        self.policy(id.policy)?.sub_policies.iter().find(|s| s.id == id)
    }

    /// The name to list an initiative under. A re-listed row whose 取組略称
    /// cell only says `(再掲)` is listed under its original's short name; the
    /// cell itself stays as published in `short_name`.
    pub fn display_name<'a>(&'a self, initiative: &'a Initiative) -> &'a str {
        match initiative.relisted_from.and_then(|id| self.initiative(id)) {
            Some(original) if initiative.short_name == RELISTED_MARK => &original.short_name,
            _ => &initiative.short_name,
        }
    }

    /// The initiative whose record `id` shares: a re-listed row (再掲) has
    /// no answers of its own, so that no view can show two for one initiative.
    pub fn record_id(&self, id: InitiativeId) -> InitiativeId {
        match self.initiative(id).and_then(|i| i.relisted_from) {
            Some(original) if self.initiative(original).is_some() => original,
            _ => id,
        }
    }

    /// An initiative's custom fields that have a value: (title, value).
    pub fn custom_fields<'a>(&'a self, initiative: &'a Initiative) -> impl Iterator<Item = (&'a str, &'a str)> {
        let titles = self.plan.custom_fields.iter().map(String::as_str);
        titles.zip(initiative.extra.iter().map(String::as_str)).filter(|(_, value)| !value.is_empty())
    }

    /// Initiatives of one sub-policy, in table order.
    pub fn initiatives_of(&self, id: SubPolicyId) -> impl Iterator<Item = &Initiative> {
        self.initiatives.iter().filter(move |i| i.sub_policy_id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initiative_ids_parse_from_every_spelling_in_the_table() {
        let want = InitiativeId { policy: 2, sub: 1, letter: 'a' };
        for s in ["2-①-a", "2-1-a", "2-①のa", "２－１－ａ", "2‐①‐a", "2ー1ーa", " 2 - ① - a "] {
            assert_eq!(s.parse::<InitiativeId>(), Ok(want), "{s}");
        }
        assert_eq!(want.to_string(), "2-①-a");
    }

    #[test]
    fn the_fast_path_for_codes_is_nfkc() {
        for c in ('\u{2460}'..='\u{2473}').chain(['a', '-', '1', ' ', 'の', '⑴', '㉑']) {
            let s = format!("2-{c}-a");
            assert_eq!(code_nfkc(&s), crate::text::nfkc(&s), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn malformed_ids_are_errors_not_panics() {
        for s in ["", "2", "2-①", "2-①-", "2-①-ab", "x-1-a", "2-0-a", "2-①-a-b", "999-1-a"] {
            assert!(s.parse::<InitiativeId>().is_err(), "{s}");
        }
    }

    #[test]
    fn kpi_and_sub_policy_codes_round_trip() {
        let k = KpiCode { policy: 2, number: 2 };
        assert_eq!("2-2".parse(), Ok(k));
        assert_eq!("２－２".parse(), Ok(k));
        assert_eq!(k.to_string(), "2-2");
        let s = SubPolicyId { policy: 2, sub: 3 };
        assert_eq!("2-3".parse(), Ok(s));
        assert_eq!(s.to_string(), "2-③");
        assert_eq!("2-③".parse::<SubPolicyId>(), Ok(s));
        assert!("2".parse::<KpiCode>().is_err());
        assert!("2-x".parse::<KpiCode>().is_err());
    }

    #[test]
    fn schedule_periods_read_like_the_table() {
        let item = |from, to| ScheduleItem {
            label: String::new(),
            from: FiscalYear(from),
            to: FiscalYear(to),
            inferred: false,
        };
        assert_eq!(item(2023, 2027).period_label(), "2023 (R5)〜2027 (R9)");
        assert_eq!(item(2024, 2024).period_label(), "2024 (R6)");
    }

    #[test]
    fn fiscal_year_labels_follow_the_table() {
        assert_eq!(FiscalYear(2023).label(), "2023 (R5)");
        assert_eq!(FiscalYear(2027).reiwa(), 9);
    }
}
