//! The published table (`data/source/*.txt`) → `Plan`.
//!
//! `table` splits the text into pages and cells, `row` sorts one row's cells
//! into fields, `kpi`, `relist` and `schedule` read the cells that carry
//! structure, and `corrections` applies what a person had to decide. This
//! module puts the rows together and checks the whole.

mod corrections;
mod error;
mod kpi;
mod relist;
mod row;
mod schedule;
mod table;

use std::collections::BTreeMap;

pub use corrections::Corrections;
pub use error::{ImportError, Problem};

use crate::plan::*;
use crate::text::same_words;
use kpi::KpiMention;
use row::RowFields;
use schedule::PlacedLabel;

pub const PLAN_ID: &str = "kama-sme-2023-2027";
pub const TITLE: &str = "第2次嘉麻市中小企業振興基本計画";
pub const MUNICIPALITY: &str = "嘉麻市";
pub const SOURCE_PATH: &str = "data/source/kama-sme-plan-r5-r9.txt";
pub const CORRECTIONS_PATH: &str = "data/corrections.toml";

/// What the importer decided beyond reading cells, for people to review.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Report {
    pub corrections_applied: Vec<String>,
    /// Pages whose schedule positions could not be trusted (spans inferred).
    pub pages_with_inferred_schedule: Vec<usize>,
    /// Rows whose 取組 cell repeated the sub-policy name.
    pub rows_with_repeated_sub_policy_name: Vec<u16>,
}

/// Cell values that mean "nothing here".
fn blank(s: &str) -> bool {
    matches!(s, "" | "-")
}

pub fn import(source: &str, corrections: &Corrections) -> Result<(Plan, Report), ImportError> {
    let table = table::read(source)?;
    let years = table.fiscal_years;
    let mut report = Report::default();
    let mut builder = Builder::default();

    for page in &table.pages {
        let rows = page.rows.iter().map(|r| row::read_row(r, page.layout)).collect::<Result<Vec<_>, _>>()?;
        let placed: Vec<Vec<PlacedLabel>> = rows.iter().map(|r| schedule::placed(&r.schedule_cells).0).collect();
        let positions_trusted = placed.iter().flatten().all(|l| l.column < schedule::year_columns(years));
        if !positions_trusted {
            report.pages_with_inferred_schedule.push(page.number);
        }
        for (fields, labels) in rows.into_iter().zip(placed) {
            if fields.repeats_sub_policy_name {
                report.rows_with_repeated_sub_policy_name.push(fields.serial);
            }
            builder.add_row(fields, &labels, positions_trusted, years, corrections, &mut report)?;
        }
    }
    builder.finish(years, corrections, report)
}

#[derive(Default)]
struct Builder {
    policies: Vec<Policy>,
    initiatives: Vec<Initiative>,
    kpi_mentions: BTreeMap<KpiCode, Vec<KpiMention>>,
    /// Forward notes (`…で再掲`) to check once every row is known: (row, target, as written, line).
    forward_notes: Vec<(InitiativeId, InitiativeId, String, usize)>,
}

impl Builder {
    fn add_row(
        &mut self,
        f: RowFields,
        labels: &[PlacedLabel],
        positions_trusted: bool,
        years: FiscalYearRange,
        corrections: &Corrections,
        report: &mut Report,
    ) -> Result<(), ImportError> {
        let line = f.line;
        let expected = self.initiatives.len() as u16 + 1;
        if f.serial != expected {
            return Err(ImportError::at(line, Problem::SerialOutOfOrder { expected, found: f.serial }));
        }
        let id = InitiativeId { policy: f.policy, sub: f.sub_policy, letter: f.letter };
        if self.initiatives.iter().any(|i| i.id == id) {
            return Err(ImportError::at(line, Problem::DuplicateId(id.to_string())));
        }
        self.add_names(&f)?;

        let kpi_cells = kpi::read_kpi_cells(&f.kpi_cell, &f.remarks_cell);
        for m in kpi_cells.mentions {
            self.kpi_mentions.entry(m.code).or_default().push(m);
        }
        let mut remarks = Some(kpi_cells.remarks).filter(|r| !blank(r));

        let moved = corrections.schedule_in_remarks.iter().find(|c| c.id == id);
        let schedule = match moved {
            Some(c) => {
                if remarks.as_deref() != Some(c.text.as_str()) || !labels.is_empty() {
                    return Err(ImportError::at(
                        line,
                        Problem::StaleCorrection(format!("[[schedule_in_remarks]] {id}: 備考 is {remarks:?}")),
                    ));
                }
                remarks = None;
                report.corrections_applied.push(format!("{id}: 備考 {:?} read as the schedule label", c.text));
                vec![schedule::whole_plan(&c.text, years)]
            }
            None => match remarks.as_deref() {
                Some(text) if labels.is_empty() => {
                    return Err(ImportError::at(line, Problem::UnsettledRemarks(text.to_string())))
                }
                _ if positions_trusted => schedule::spans(labels, years),
                _ => labels.iter().map(|l| schedule::whole_plan(&l.label, years)).collect(),
            },
        };

        let notes = relist::read(&f.text);
        for (target, written) in notes.relisted_at {
            self.forward_notes.push((id, target, written, line));
        }
        if f.short_name == RELISTED_MARK && notes.original.is_none() {
            return Err(ImportError::at(line, Problem::RelistWithoutOriginal));
        }

        self.initiatives.push(Initiative {
            id,
            serial: f.serial,
            policy: f.policy,
            sub_policy: f.sub_policy,
            code: f.letter.to_string(),
            text: f.text,
            short_name: f.short_name,
            priority: f.priority,
            first_plan: Some(f.first_plan),
            direction: f.direction_cell.filter(|d| !blank(d) && d != RELISTED_MARK),
            situation: f.situation,
            kpis: kpi_cells.links,
            relisted_from: notes.original,
            relisted_in: Vec::new(),
            schedule,
            remarks,
            source_line: line,
            extra: Vec::new(),
        });
        Ok(())
    }

    /// Records policy and sub-policy names on first sight; later rows must
    /// name them with the same words.
    fn add_names(&mut self, f: &RowFields) -> Result<(), ImportError> {
        let mismatch = |what: String, first: &str, found: &str| {
            ImportError::at(f.line, Problem::NameMismatch { what, first: first.to_string(), found: found.to_string() })
        };
        let policy = match self.policies.iter_mut().position(|p| p.code == f.policy) {
            Some(n) => &mut self.policies[n],
            None => {
                self.policies.push(Policy { code: f.policy, name: f.policy_name.clone(), sub_policies: Vec::new() });
                let last = self.policies.len() - 1;
                &mut self.policies[last]
            }
        };
        if !same_words(&policy.name, &f.policy_name) {
            return Err(mismatch(format!("policy {}", f.policy), &policy.name, &f.policy_name));
        }
        let sub_id = SubPolicyId { policy: f.policy, sub: f.sub_policy };
        match policy.sub_policies.iter().find(|s| s.id == sub_id) {
            Some(s) if !same_words(&s.name, &f.sub_policy_name) => {
                Err(mismatch(format!("sub-policy {sub_id}"), &s.name, &f.sub_policy_name))
            }
            Some(_) => Ok(()),
            None => {
                policy.sub_policies.push(SubPolicy { id: sub_id, code: f.sub_policy, name: f.sub_policy_name.clone() });
                Ok(())
            }
        }
    }

    fn finish(
        mut self,
        years: FiscalYearRange,
        corrections: &Corrections,
        mut report: Report,
    ) -> Result<(Plan, Report), ImportError> {
        self.link_relists()?;
        self.check_forward_notes(corrections, &mut report)?;
        for c in &corrections.schedule_in_remarks {
            if !self.initiatives.iter().any(|i| i.id == c.id) {
                return Err(ImportError::whole(Problem::StaleCorrection(format!(
                    "[[schedule_in_remarks]] names {}, which is not in the table",
                    c.id
                ))));
            }
        }
        let kpis = self.kpi_mentions.into_iter().map(|(code, mentions)| catalog_entry(code, &mentions)).collect();
        let plan = Plan {
            plan: PlanMeta {
                id: PLAN_ID.to_string(),
                title: TITLE.to_string(),
                municipality: MUNICIPALITY.to_string(),
                fiscal_years: years,
                source: SOURCE_PATH.to_string(),
                level_names: vec!["基本施策".into(), "施策".into(), "取組".into()],
                custom_fields: Vec::new(),
                flags: crate::plan::Flags::kama(),
            },
            policies: self.policies,
            kpis,
            initiatives: self.initiatives,
            evaluation: Default::default(),
        };
        Ok((plan, report))
    }

    fn link_relists(&mut self) -> Result<(), ImportError> {
        let links: Vec<(usize, InitiativeId, usize)> = self
            .initiatives
            .iter()
            .filter_map(|i| Some((i.source_line, i.relisted_from?, self.position(i.id)?)))
            .collect();
        for (line, original, relist_at) in links {
            let original_at = self.position(original).ok_or_else(|| {
                ImportError::at(line, Problem::UnknownInitiative { field: "再掲", id: original.to_string() })
            })?;
            let relist_id = self.initiatives[relist_at].id;
            self.initiatives[original_at].relisted_in.push(relist_id);
        }
        Ok(())
    }

    /// A row's own `…で再掲` note must agree with the row it names, unless a
    /// correction says which row really re-lists it.
    fn check_forward_notes(&self, corrections: &Corrections, report: &mut Report) -> Result<(), ImportError> {
        for (id, target, written, line) in &self.forward_notes {
            let relists =
                |at: InitiativeId| self.position(at).and_then(|n| self.initiatives[n].relisted_from) == Some(*id);
            if relists(*target) {
                continue;
            }
            let settled = corrections
                .forward_pointer
                .iter()
                .find(|c| c.id == *id && c.says == *written)
                .filter(|c| relists(c.relisted_in));
            match settled {
                Some(c) => report.corrections_applied.push(format!(
                    "{id}: its note says re-listed at {written}; {} is the row that re-lists it",
                    c.relisted_in
                )),
                None => {
                    let actual = match self.position(*target).and_then(|n| self.initiatives[n].relisted_from) {
                        Some(other) => format!("{target} re-lists {other}"),
                        None => format!("{target} re-lists nothing"),
                    };
                    return Err(ImportError::at(
                        *line,
                        Problem::ForwardPointerMismatch { says: written.clone(), actual },
                    ));
                }
            }
        }
        for c in &corrections.forward_pointer {
            let used = self.forward_notes.iter().any(|(id, target, written, _)| {
                *id == c.id
                    && *written == c.says
                    && self.position(*target).and_then(|n| self.initiatives[n].relisted_from) != Some(*id)
            });
            if !used {
                return Err(ImportError::whole(Problem::StaleCorrection(format!(
                    "[[forward_pointer]] {} says {:?}: no such disagreement in the table",
                    c.id, c.says
                ))));
            }
        }
        Ok(())
    }

    fn position(&self, id: InitiativeId) -> Option<usize> {
        self.initiatives.iter().position(|i| i.id == id)
    }
}

/// A KPI's name and unit come from its first spelling that states a unit;
/// every spelling is kept in `labels`.
fn catalog_entry(code: KpiCode, mentions: &[KpiMention]) -> Kpi {
    let mut labels: Vec<String> = Vec::new();
    for m in mentions {
        if !labels.contains(&m.label) {
            labels.push(m.label.clone());
        }
    }
    let named = mentions.iter().find(|m| m.unit.is_some()).or(mentions.first());
    Kpi {
        code,
        name: named.map(|m| m.name.clone()).unwrap_or_default(),
        unit: named.and_then(|m| m.unit.clone()),
        labels,
    }
}

/// `data/plan.json` as written by the importer: pretty, UTF-8, newline-terminated.
pub fn to_json(plan: &Plan) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(plan)?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod props_tests;
