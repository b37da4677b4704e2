//! The rows under the header → a [`Plan`]: levels numbered in the order
//! they first appear, a level's cell left empty carried down from the row
//! above (as a merged cell reads), targets gathered into the plan's list.

use std::collections::{BTreeMap, HashMap};

use super::cells::{self, blank};
use super::columns::{self, Field, MetaKey};
use super::error::{CellProblem, CellProblemKind, ColumnRef, PlanTableError};
use super::grid::Row;
use super::{HEADER_ROWS, MAX_PROBLEMS, MAX_YEARS};
use crate::plan::*;
use crate::text::words_key;
use crate::workbook::{bool_text, Value};

/// Codes a level can number: policies and sub-policies are one or two
/// digits in ids, initiatives one letter.
const MAX_POLICIES: usize = 99;
const MAX_INITIATIVES_PER_SUB_POLICY: usize = 26;

const PRIORITY_CHOICES: [&str; 7] = ["○", "◎", "●", "重", "1", "×", "-"];

/// A cell's text as the importer reads it; `Err` for an error value.
fn text(value: &Value) -> Result<&str, &str> {
    match value {
        Value::Text(s) | Value::Number(s) | Value::Date(s) => Ok(s),
        Value::Bool(b) => Ok(bool_text(*b)),
        Value::Error(code) => Err(code),
    }
}

fn cell(row: &Row, column: usize) -> Option<&Value> {
    row.get(column).and_then(Option::as_ref)
}

/// The non-empty cells of a row that read as text, with their columns.
fn titles(row: &Row) -> impl Iterator<Item = (usize, &str)> {
    row.iter()
        .enumerate()
        .filter_map(|(at, v)| Some((at, text(v.as_ref()?).ok()?.trim())))
        .filter(|(_, t)| !t.is_empty())
}

/// The columns a header row names. A plan of two levels may head its first
/// level 施策: without a 基本施策-like column, 施策 is the first level.
fn fields_of(row: &Row) -> BTreeMap<usize, Field> {
    let mut fields: BTreeMap<usize, Field> =
        titles(row).filter_map(|(at, t)| Some((at, columns::field_of(t)?))).collect();
    if !fields.values().any(|f| *f == Field::Policy) {
        for field in fields.values_mut() {
            if *field == Field::SubPolicy {
                *field = Field::Policy;
            }
        }
    }
    fields
}

/// The first row with a first-level column and an initiative column.
pub fn header_row(rows: &[Row]) -> Option<usize> {
    rows.iter().take(HEADER_ROWS).position(|row| {
        let fields = fields_of(row);
        fields.values().any(|f| *f == Field::Policy) && fields.values().any(|f| *f == Field::Initiative)
    })
}

/// What the header says about the columns.
struct Header {
    /// The first column of each field (a repeated title is an extra column).
    fields: BTreeMap<Field, usize>,
    years: Vec<(FiscalYear, usize)>,
    /// Every titled column, for problems and custom fields.
    titles: BTreeMap<usize, String>,
    /// The last row of the header (a second row may head the year columns).
    last_row: usize,
    /// The titled columns the importer does not know: the plan's custom fields.
    custom: Vec<(usize, String)>,
}

impl Header {
    fn read(rows: &[Row], at: usize) -> Header {
        let mut header = Header {
            fields: BTreeMap::new(),
            years: Vec::new(),
            titles: BTreeMap::new(),
            last_row: at,
            custom: Vec::new(),
        };
        let take = |row: &Row, header: &mut Header| {
            let fields = fields_of(row);
            for (column, title) in titles(row) {
                header.titles.entry(column).or_insert_with(|| title.to_string());
                match fields.get(&column) {
                    Some(Field::Year(year)) => header.years.push((*year, column)),
                    Some(field) => {
                        header.fields.entry(*field).or_insert(column);
                    }
                    None => {}
                }
            }
        };
        take(&rows[at], &mut header);
        // 年次別スケジュール over the year columns, the years on the row below.
        if let Some(below) = rows.get(at + 1) {
            let all_years = titles(below).all(|(_, t)| columns::fiscal_year_of(&columns::fold(t)).is_some());
            if titles(below).next().is_some() && all_years {
                take(below, &mut header);
                header.last_row = at + 1;
            }
        }
        // By year, whatever the columns' order; a repeated year's first column counts.
        header.years.sort_by_key(|(year, column)| (*year, *column));
        header.years.dedup_by_key(|(year, _)| *year);
        header.custom = header
            .titles
            .iter()
            .filter(|(column, _)| !header.is_known(**column))
            .map(|(c, t)| (*c, t.clone()))
            .collect();
        header
    }

    fn column(&self, index: usize) -> ColumnRef {
        ColumnRef { index, title: self.titles.get(&index).cloned().unwrap_or_default() }
    }

    /// The title the table gives `field`'s column, without a bracketed note.
    fn title_of(&self, field: Field) -> Option<String> {
        let title = self.titles.get(self.fields.get(&field)?)?;
        let cut = title.find(['(', '（']).filter(|at| *at > 0).unwrap_or(title.len());
        Some(title[..cut].trim().to_string())
    }

    fn is_known(&self, column: usize) -> bool {
        self.fields.values().any(|c| *c == column) || self.years.iter().any(|(_, c)| *c == column)
    }
}

/// The title rows above the header: `計画名 | 第2次○○市…`, or `計画名：…` in one cell.
fn meta(rows: &[Row], header: usize) -> BTreeMap<MetaKey, String> {
    let mut found = BTreeMap::new();
    for row in &rows[..header] {
        let mut cells = titles(row);
        let Some((_, first)) = cells.next() else { continue };
        let (key, value) = match first.split_once(['：', ':']) {
            Some((key, value)) if columns::meta_key_of(key).is_some() => (key, Some(value.trim().to_string())),
            _ => (first, cells.next().map(|(_, v)| v.to_string())),
        };
        if let (Some(key), Some(value)) = (columns::meta_key_of(key), value.filter(|v| !v.is_empty())) {
            found.entry(key).or_insert(value);
        }
    }
    found
}

fn period(meta: &BTreeMap<MetaKey, String>, header: &Header) -> Result<FiscalYearRange, PlanTableError> {
    let mut from_columns = None;
    if let Some((&(first, _), rest)) = header.years.split_first() {
        let mut last = first;
        for &(year, _) in rest {
            if year.0 != last.0 + 1 {
                return Err(PlanTableError::YearsNotConsecutive { after: last.0, found: year.0 });
            }
            last = year;
        }
        from_columns = Some((first, last));
    }
    let stated = meta.get(&MetaKey::Period).and_then(|p| columns::period_of(p));
    let (from, to) = match (stated, from_columns) {
        (Some(s), Some(c)) if s != c => {
            return Err(PlanTableError::PeriodMismatch { stated: (s.0 .0, s.1 .0), columns: (c.0 .0, c.1 .0) })
        }
        (Some(p), _) | (None, Some(p)) => p,
        (None, None) => return Err(PlanTableError::NoPeriod),
    };
    if to < from || to.0 - from.0 >= MAX_YEARS {
        return Err(PlanTableError::BadPeriod { from: from.0, to: to.0 });
    }
    Ok(FiscalYearRange { from, to })
}

/// A stable id for a plan that states none: its municipality, title and
/// period, so that a table opened again keeps its record.
fn derived_id(municipality: &str, title: &str, years: FiscalYearRange) -> String {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in municipality.bytes().chain([0]).chain(title.bytes()) {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    format!("plan-{hash:08x}-{}-{}", years.from, years.to)
}

pub fn plan(name: &str, rows: &[Row], header_at: usize) -> Result<Plan, PlanTableError> {
    let header = Header::read(rows, header_at);
    let meta = meta(rows, header_at);
    let title = meta.get(&MetaKey::Title).cloned().ok_or(PlanTableError::MissingMeta(MetaKey::Title))?;
    let municipality =
        meta.get(&MetaKey::Municipality).cloned().ok_or(PlanTableError::MissingMeta(MetaKey::Municipality))?;
    let fiscal_years = period(&meta, &header)?;
    let id = meta.get(&MetaKey::Id).cloned().unwrap_or_else(|| derived_id(&municipality, &title, fiscal_years));
    let level_names = [Field::Policy, Field::SubPolicy, Field::Initiative]
        .into_iter()
        .filter_map(|field| header.title_of(field))
        .collect();
    let custom_fields = header.custom.iter().map(|(_, title)| title.clone()).collect();
    let flags = Flags {
        priority: header.title_of(Field::Priority),
        first_plan: header.title_of(Field::FirstPlan),
        direction: header.title_of(Field::Direction),
    };

    let mut builder = Builder {
        header: &header,
        policies: Vec::new(),
        initiatives: Vec::new(),
        kpis: BTreeMap::new(),
        serials: BTreeMap::new(),
        policy_codes: HashMap::new(),
        sub_policy_codes: HashMap::new(),
        kpi_codes: HashMap::new(),
        initiative_counts: HashMap::new(),
        carried: None,
        problems: Vec::new(),
    };
    for (at, row) in rows.iter().enumerate().skip(header.last_row + 1) {
        if row.iter().any(Option::is_some) {
            builder.row(at, row);
        }
    }
    if !builder.problems.is_empty() {
        let more = builder.problems.len().saturating_sub(MAX_PROBLEMS);
        builder.problems.truncate(MAX_PROBLEMS);
        return Err(PlanTableError::Cells { problems: builder.problems, more });
    }
    if builder.initiatives.is_empty() {
        return Err(PlanTableError::NoInitiatives);
    }
    Ok(Plan {
        plan: PlanMeta {
            id,
            title,
            municipality,
            fiscal_years,
            source: name.to_string(),
            level_names,
            custom_fields,
            flags,
        },
        policies: builder.policies,
        kpis: builder.kpis.into_values().collect(),
        initiatives: builder.initiatives,
        evaluation: Default::default(),
    })
}

struct Builder<'h> {
    header: &'h Header,
    policies: Vec<Policy>,
    initiatives: Vec<Initiative>,
    kpis: BTreeMap<KpiCode, Kpi>,
    /// Each row's serial, by value: the row it is first on.
    serials: BTreeMap<u16, usize>,
    /// Codes by name as [`words_key`] folds it, and initiatives per
    /// sub-policy: a long table is read in one pass.
    policy_codes: HashMap<String, u8>,
    sub_policy_codes: HashMap<(u8, String), u8>,
    kpi_codes: HashMap<String, KpiCode>,
    initiative_counts: HashMap<(u8, u8), usize>,
    /// The level cells carried down: the last row's policy and sub-policy.
    carried: Option<(u8, u8)>,
    problems: Vec<CellProblem>,
}

impl Builder<'_> {
    fn problem(&mut self, at: usize, column: usize, kind: CellProblemKind) {
        self.problems.push(CellProblem { row: at + 1, column: self.header.column(column), kind });
    }

    /// The text of `field`'s cell, blank as `None`; an error value is a problem.
    fn text<'r>(&mut self, at: usize, row: &'r Row, field: Field) -> Option<&'r str> {
        let column = *self.header.fields.get(&field)?;
        self.text_at(at, row, column)
    }

    fn text_at<'r>(&mut self, at: usize, row: &'r Row, column: usize) -> Option<&'r str> {
        match text(cell(row, column)?) {
            Ok(t) if blank(t) => None,
            Ok(t) => Some(t.trim()),
            Err(code) => {
                self.problem(at, column, CellProblemKind::ErrorValue(code.to_string()));
                None
            }
        }
    }

    fn row(&mut self, at: usize, row: &Row) {
        let problems_before = self.problems.len();
        let Some((policy, sub)) = self.place(at, row) else { return };
        let text = self.text(at, row, Field::Initiative).map(str::to_string);
        let initiative_column = self.header.fields[&Field::Initiative];
        let Some(text) = text else {
            self.problem(at, initiative_column, CellProblemKind::Missing);
            return;
        };
        let serial = self.serial(at, row);
        let priority = match self.text(at, row, Field::Priority) {
            None => false,
            Some(t) => cells::flag(t).unwrap_or_else(|| {
                let kind = CellProblemKind::NotAChoice { found: t.to_string(), allowed: PRIORITY_CHOICES.to_vec() };
                self.problem(at, self.header.fields[&Field::Priority], kind);
                false
            }),
        };
        // The plan's own words (継続, 新規, 拡充, …), verbatim.
        let first_plan = self.text(at, row, Field::FirstPlan).map(|t| t.trim().to_string());
        let owned = |t: Option<&str>| t.map(str::to_string);
        let short_name = owned(self.text(at, row, Field::ShortName)).unwrap_or_else(|| text.clone());
        let direction = owned(self.text(at, row, Field::Direction));
        let situation = owned(self.text(at, row, Field::Situation)).unwrap_or_default();
        let remarks = owned(self.text(at, row, Field::Remarks));
        let kpi_cell = owned(self.text(at, row, Field::Kpi));
        let schedule = self.schedule(at, row);
        let extra = self.extra(at, row);
        if self.problems.len() > problems_before {
            return;
        }
        let Some(letter) = self.next_letter(policy, sub) else {
            let kind = CellProblemKind::TooMany { level: Field::Initiative, max: MAX_INITIATIVES_PER_SUB_POLICY };
            self.problem(at, initiative_column, kind);
            return;
        };
        let id = InitiativeId { policy, sub, letter };
        let kpis = match kpi_cell {
            Some(cell) => match self.kpi_links(policy, &cell) {
                Some(links) => links,
                None => {
                    let kind = CellProblemKind::TooMany { level: Field::Kpi, max: MAX_POLICIES };
                    self.problem(at, self.header.fields[&Field::Kpi], kind);
                    return;
                }
            },
            None => Vec::new(),
        };
        self.initiatives.push(Initiative {
            id,
            serial,
            policy,
            sub_policy: sub,
            code: letter.to_string(),
            text,
            short_name,
            priority,
            first_plan,
            direction,
            situation,
            kpis,
            relisted_from: None,
            relisted_in: Vec::new(),
            schedule,
            remarks,
            source_line: at + 1,
            extra,
        });
    }

    /// The row's policy and sub-policy codes, new ones added to the plan.
    fn place(&mut self, at: usize, row: &Row) -> Option<(u8, u8)> {
        let policy_column = self.header.fields[&Field::Policy];
        let policy_name = self.text(at, row, Field::Policy).map(str::to_string);
        let sub_name = self.text(at, row, Field::SubPolicy).map(str::to_string);
        let sub_column = self.header.fields.get(&Field::SubPolicy).copied();
        let policy = match (&policy_name, self.carried) {
            (Some(name), _) => self.policy_code(at, policy_column, name)?,
            (None, Some((policy, _))) => policy,
            (None, None) => {
                self.problem(at, policy_column, CellProblemKind::Missing);
                return None;
            }
        };
        let sub = match (sub_column, sub_name) {
            // Two levels: the policy's one sub-policy, of its own name.
            (None, _) => {
                let name = self.policies.iter().find(|p| p.code == policy).map(|p| p.name.clone()).unwrap_or_default();
                self.sub_policy_code(at, policy_column, policy, &name)?
            }
            (Some(column), Some(name)) => self.sub_policy_code(at, column, policy, &name)?,
            // A merged sub-policy cell: the row above's, within the same policy.
            (Some(column), None) => match self.carried {
                Some((p, sub)) if p == policy => sub,
                _ => {
                    self.problem(at, column, CellProblemKind::Missing);
                    return None;
                }
            },
        };
        self.carried = Some((policy, sub));
        Some((policy, sub))
    }

    fn policy_code(&mut self, at: usize, column: usize, name: &str) -> Option<u8> {
        let key = words_key(name);
        if let Some(code) = self.policy_codes.get(&key) {
            return Some(*code);
        }
        if self.policies.len() >= MAX_POLICIES {
            self.problem(at, column, CellProblemKind::TooMany { level: Field::Policy, max: MAX_POLICIES });
            return None;
        }
        let code = self.policies.len() as u8 + 1;
        self.policies.push(Policy { code, name: name.to_string(), sub_policies: Vec::new() });
        self.policy_codes.insert(key, code);
        Some(code)
    }

    fn sub_policy_code(&mut self, at: usize, column: usize, policy: u8, name: &str) -> Option<u8> {
        let key = (policy, words_key(name));
        if let Some(code) = self.sub_policy_codes.get(&key) {
            return Some(*code);
        }
        let subs = &mut self.policies.iter_mut().find(|p| p.code == policy)?.sub_policies;
        if subs.len() >= MAX_POLICIES {
            self.problem(at, column, CellProblemKind::TooMany { level: Field::SubPolicy, max: MAX_POLICIES });
            return None;
        }
        let code = subs.len() as u8 + 1;
        subs.push(SubPolicy { id: SubPolicyId { policy, sub: code }, code, name: name.to_string() });
        self.sub_policy_codes.insert(key, code);
        Some(code)
    }

    /// The next free letter in the sub-policy, taken.
    fn next_letter(&mut self, policy: u8, sub: u8) -> Option<char> {
        let taken = self.initiative_counts.entry((policy, sub)).or_insert(0);
        if *taken >= MAX_INITIATIVES_PER_SUB_POLICY {
            return None;
        }
        *taken += 1;
        Some(char::from(b'a' + (*taken - 1) as u8))
    }

    /// 番号 as written, or the row's place among the initiatives.
    fn serial(&mut self, at: usize, row: &Row) -> u16 {
        let fallback = u16::try_from(self.initiatives.len() + 1).unwrap_or(u16::MAX);
        let Some(written) = self.text(at, row, Field::Serial) else { return fallback };
        let column = self.header.fields[&Field::Serial];
        match cells::number(written).filter(|n| *n > 0) {
            None => {
                self.problem(at, column, CellProblemKind::NotANumber(written.to_string()));
                fallback
            }
            Some(n) => {
                if let Some(&first) = self.serials.get(&n) {
                    self.problem(at, column, CellProblemKind::DuplicateSerial { first_row: first + 1 });
                }
                self.serials.entry(n).or_insert(at);
                n
            }
        }
    }

    /// Runs of consecutive marked years; a run takes the words of its
    /// first cell that has words, and a cell with other words starts a new run.
    fn schedule(&mut self, at: usize, row: &Row) -> Vec<ScheduleItem> {
        let mut items: Vec<ScheduleItem> = Vec::new();
        let mut open = false;
        let header = self.header;
        for &(year, column) in &header.years {
            let Some(t) = self.text_at(at, row, column) else {
                open = false;
                continue;
            };
            let words = (!cells::schedule_mark(t)).then(|| t.to_string());
            match items.last_mut() {
                Some(item) if open && (words.is_none() || words.as_deref() == Some(item.label.as_str())) => {
                    item.to = year
                }
                Some(item) if open && item.label.is_empty() => {
                    item.label = words.unwrap_or_default();
                    item.to = year;
                }
                _ => {
                    items.push(ScheduleItem { label: words.unwrap_or_default(), from: year, to: year, inferred: false })
                }
            }
            open = true;
        }
        items
    }

    /// The row's cells under titles the importer does not know, in the
    /// header's order, without the empty ones at the end.
    fn extra(&mut self, at: usize, row: &Row) -> Vec<String> {
        let header = self.header;
        let mut values: Vec<String> = header
            .custom
            .iter()
            .map(|(column, _)| self.text_at(at, row, *column).unwrap_or_default().to_string())
            .collect();
        while values.last().is_some_and(String::is_empty) {
            values.pop();
        }
        values
    }

    /// Links to the targets a cell names, each added to the plan's list
    /// under the policy that first names it; `None` when a policy has no
    /// code left for one more.
    fn kpi_links(&mut self, policy: u8, cell: &str) -> Option<Vec<KpiLink>> {
        let mut links: Vec<KpiLink> = Vec::new();
        for label in cells::targets(cell) {
            let (name, unit) = cells::name_and_unit(&label);
            let key = words_key(&name);
            let code = match self.kpi_codes.get(&key).and_then(|code| self.kpis.get_mut(code)) {
                Some(kpi) => {
                    if !kpi.labels.contains(&label) {
                        kpi.labels.push(label.clone());
                    }
                    if kpi.unit.is_none() {
                        kpi.unit = unit;
                    }
                    kpi.code
                }
                None => {
                    let taken =
                        self.kpis.range(KpiCode { policy, number: 0 }..=KpiCode { policy, number: u8::MAX }).count();
                    if taken >= MAX_POLICIES {
                        return None;
                    }
                    let code = KpiCode { policy, number: taken as u8 + 1 };
                    self.kpis.insert(code, Kpi { code, name, unit, labels: vec![label] });
                    self.kpi_codes.insert(key, code);
                    code
                }
            };
            if !links.iter().any(|l| l.code == code) {
                links.push(KpiLink { code, role: KpiRole::Primary });
            }
        }
        Some(links)
    }
}
