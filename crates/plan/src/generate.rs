//! A deterministic large plan for the benchmark: the real initiatives
//! repeated under made-up policy and sub-policy codes until there are `n`.
//! It goes through the same JSON and code paths as the real plan.
//! Also a full progress record, for timing the store.

use crate::plan::*;
use crate::progress::{Grade, InitiativeCell, KpiCell, Link, Record, Stamp, Status, WayForward};

/// Sub-policies per generated policy and initiatives per sub-policy; with
/// policy codes up to 99 this holds up to 10,692 initiatives.
const SUBS: u8 = 9;
const LETTERS: u8 = 12;
pub const MAX_INITIATIVES: usize = 99 * SUBS as usize * LETTERS as usize;

pub fn multiply(real: &Plan, n: usize) -> Option<Plan> {
    if real.initiatives.is_empty() || n > MAX_INITIATIVES {
        return None;
    }
    let per_policy = usize::from(SUBS) * usize::from(LETTERS);
    let mut policies: Vec<Policy> = Vec::new();
    let mut initiatives = Vec::with_capacity(n);
    for k in 0..n {
        let source = &real.initiatives[k % real.initiatives.len()];
        let policy = (k / per_policy + 1) as u8;
        let sub = ((k / usize::from(LETTERS)) % usize::from(SUBS) + 1) as u8;
        let letter = char::from(b'a' + (k % usize::from(LETTERS)) as u8);
        let id = InitiativeId { policy, sub, letter };
        if policies.last().map(|p| p.code) != Some(policy) {
            let name = real.policies[usize::from(policy - 1) % real.policies.len()].name.clone();
            policies.push(Policy { code: policy, name, sub_policies: Vec::new() });
        }
        if let Some(p) = policies.last_mut() {
            if p.sub_policies.last().map(|s| s.code) != Some(sub) {
                let name = real.sub_policy(source.sub_policy_id()).map(|s| s.name.clone()).unwrap_or_default();
                p.sub_policies.push(SubPolicy { id: id.sub_policy(), code: sub, name });
            }
        }
        initiatives.push(Initiative {
            id,
            serial: (k + 1).min(usize::from(u16::MAX)) as u16,
            policy,
            sub_policy: sub,
            code: letter.to_string(),
            // Re-listing links would point into other copies; drop them.
            relisted_from: None,
            relisted_in: Vec::new(),
            source_line: 0,
            ..source.clone()
        });
    }
    Some(Plan {
        plan: real.plan.clone(),
        policies,
        kpis: real.kpis.clone(),
        initiatives,
        evaluation: real.evaluation.clone(),
    })
}

/// Everything staff could record: every initiative (re-listed rows share
/// their original's) and every KPI in every fiscal year, every field filled,
/// each text of `note_chars` characters.
pub fn full_record(plan: &Plan, note_chars: usize) -> Record {
    let note = |k: usize| "進捗メモ、".chars().cycle().skip(k % 5).take(note_chars).collect::<String>();
    let stamp = |k: usize| Stamp { author: Some("嘉麻 太郎".into()), updated_at: 1_700_000_000_000 + k as i64 };
    let years: Vec<FiscalYear> = plan.plan.fiscal_years.years().collect();
    let scales = &plan.evaluation;
    let mut record = Record::default();
    for (k, i) in plan.initiatives.iter().enumerate().filter(|(_, i)| plan.record_id(i.id) == i.id) {
        for &year in &years {
            let n = k + usize::from(year.0);
            let cell = InitiativeCell {
                status: Some(Status::ALL[n % Status::ALL.len()]),
                results: note(k + 1),
                grade: scales.grades.get(n % scales.grades.len().max(1)).map(|c| Grade(c.code.clone())),
                challenges: note(k + 2),
                way_forward: scales
                    .directions
                    .get(n % scales.directions.len().max(1))
                    .map(|c| WayForward(c.code.clone())),
                owners: vec!["商工観光課".into(), "商工会".into()],
                links: vec![Link {
                    title: "実施報告".into(),
                    url: format!("https://www.city.kama.lg.jp/report/{k}-{year}"),
                }],
                note: note(k),
                stamp: stamp(k),
                written: None,
            };
            record.initiatives.insert((i.id, year), cell);
        }
    }
    for (k, kpi) in plan.kpis.iter().enumerate() {
        for (n, &year) in years.iter().enumerate() {
            let cell = KpiCell {
                baseline: Some(10.0),
                target: Some(100.0),
                actual: Some((10 * (n + 1)) as f64),
                note: note(k),
                stamp: stamp(k),
                written: None,
            };
            record.kpis.insert((kpi.code, year), cell);
        }
    }
    record
}

#[cfg(test)]
#[path = "generate_tests.rs"]
mod tests;
