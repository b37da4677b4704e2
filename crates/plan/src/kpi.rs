//! What a KPI's numbers may be, and how far an actual goes towards its
//! target: value checks by unit, the achievement rate and the S/A/B/C/−
//! rating shown beside each fiscal year.

use std::fmt;

use crate::plan::Kpi;
use crate::text::nfkc;

/// What kind of number a KPI counts, from its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// `%`: 0–100, decimals allowed.
    Percent,
    /// 人, 件, 社, 回: whole numbers from 0.
    Count,
    /// 千円, 千人/年: amounts in thousands, decimals allowed, from 0.
    Amount,
}

impl ValueKind {
    /// The two KPIs whose unit the table never states (「…策定事業者数の増」)
    /// count businesses, so a name with 数 is read as a count.
    pub fn of(kpi: &Kpi) -> ValueKind {
        match kpi.unit.as_deref() {
            Some("%") => ValueKind::Percent,
            Some("千円" | "千人/年") => ValueKind::Amount,
            Some(_) => ValueKind::Count,
            None if kpi.name.contains('数') => ValueKind::Count,
            None => ValueKind::Amount,
        }
    }
}

/// Why typed text is not a value for this KPI. Nothing is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueError {
    NotANumber,
    Negative,
    NotWhole,
    OverHundred,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueError::NotANumber => "not a number",
            ValueError::Negative => "must not be negative",
            ValueError::NotWhole => "must be a whole number",
            ValueError::OverHundred => "a percentage must be between 0 and 100",
        })
    }
}

/// Reads what staff typed: empty means "not recorded"; full-width digits,
/// thousands separators (`1,234` / `1，234`) and surrounding spaces are
/// accepted, as Japanese input methods produce them.
pub fn parse_value(text: &str, kind: ValueKind) -> Result<Option<f64>, ValueError> {
    let folded: String = nfkc(text).chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
    let folded = folded.trim_end_matches('%');
    if folded.is_empty() {
        return Ok(None);
    }
    // Only plain decimal notation: no `inf`, `NaN`, exponents or hex.
    let plain = folded.strip_prefix('-').unwrap_or(folded);
    let mut parts = plain.split('.');
    let digits_ok = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let int_ok = digits_ok(parts.next());
    let frac = parts.next();
    if !int_ok || frac.is_some_and(|f| !digits_ok(Some(f))) || parts.next().is_some() {
        return Err(ValueError::NotANumber);
    }
    let value: f64 = folded.parse().map_err(|_| ValueError::NotANumber)?;
    // 309 digits and more can read as infinity, which no document can hold.
    if !value.is_finite() {
        return Err(ValueError::NotANumber);
    }
    if value < 0.0 {
        return Err(ValueError::Negative);
    }
    match kind {
        ValueKind::Count if value.fract() != 0.0 => Err(ValueError::NotWhole),
        ValueKind::Percent if value > 100.0 => Err(ValueError::OverHundred),
        _ => Ok(Some(value)),
    }
}

/// Actual ÷ target, where both are recorded and the target is not zero.
pub fn achievement(actual: Option<f64>, target: Option<f64>) -> Option<f64> {
    match (actual, target) {
        (Some(a), Some(t)) if t > 0.0 => Some(a / t),
        _ => None,
    }
}

/// 達成度評価. The thresholds are shown on the KPI page (`THRESHOLDS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// 目標達成 (100% or more).
    S,
    /// 80% or more.
    A,
    /// 50% or more.
    B,
    /// Under 50%.
    C,
    /// Not rated: target or actual not recorded, or a target of 0.
    Unrated,
}

/// Lower bounds of S, A and B, as fractions of the target.
pub const THRESHOLDS: [(Rating, f64); 3] = [(Rating::S, 1.0), (Rating::A, 0.8), (Rating::B, 0.5)];

impl Rating {
    pub fn of(achievement: Option<f64>) -> Rating {
        let Some(rate) = achievement else { return Rating::Unrated };
        THRESHOLDS.iter().find(|(_, min)| rate >= *min).map(|(r, _)| *r).unwrap_or(Rating::C)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Rating::S => "S",
            Rating::A => "A",
            Rating::B => "B",
            Rating::C => "C",
            Rating::Unrated => "−",
        }
    }
}

/// The yearly targets on the way from `baseline` (where the KPI stood before
/// the plan) to `target` in the last of `years`: a straight line, one step a
/// year, the last step landing on `target`. Rounded as the KPI's values are
/// written (counts whole, the rest to one decimal), so every one is a value
/// the KPI accepts. Staff may then change any of them.
pub fn interim_targets(baseline: f64, target: f64, years: usize, kind: ValueKind) -> Vec<f64> {
    let round = |v: f64| match kind {
        ValueKind::Count => v.round(),
        ValueKind::Percent | ValueKind::Amount => (v * 10.0).round() / 10.0,
    };
    (1..=years)
        .map(|n| if n == years { target } else { round(baseline + (target - baseline) * n as f64 / years as f64) })
        .collect()
}

/// A value as staff would write it: no trailing `.0`, no exponent.
pub fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// An achievement rate as a percentage with one decimal, rounded half up
/// (四捨五入) as in municipal reports: 0.7625 → 「76.3%」.
pub fn format_rate(rate: f64) -> String {
    format!("{:.1}%", (rate * 1000.0).round() / 10.0)
}

#[cfg(test)]
#[path = "kpi_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "kpi_props_tests.rs"]
mod props_tests;
