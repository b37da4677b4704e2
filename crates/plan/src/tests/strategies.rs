//! Proptest generators the property tests share: records over the real
//! plan's ids and years, cells, notes full of what breaks CSV and JSON, and
//! records over a handful of cells with few contents and clashing stamps, so
//! that merges meet the same cell on both sides.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::select;

use crate::plan::{FiscalYear, InitiativeId, KpiCode, Plan, PolicyCode};
use crate::progress::review::{Confirmation, Fingerprint};
use crate::progress::{
    Cell, CouncilCell, Grade, InitiativeCell, Kind, KpiCell, Link, Record, ReviewCell, Stamp, Status, WayForward,
    YearCell,
};
use crate::timeline::CalendarDate;

/// The real plan, parsed once for all cases.
pub static PLAN: LazyLock<Plan> = LazyLock::new(crate::test_support::plan);

/// How many cases a property runs: enough for cheap properties, and the whole
/// crate's suite stays quick on CI's two cores.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------
// Text

/// Pieces of text that have broken CSV writers, JSON round trips and Excel:
/// separators, quotes, line breaks of every kind, a BOM, formula starters
/// (half- and full-width), emoji with joiners, full-width forms, NUL.
#[rustfmt::skip]
pub const TRICKY: &[&str] = &[
    ",", "，", "\"", "'", "\n", "\r", "\r\n", "\n\r", "\t", "\u{FEFF}", "=", "＝", "+", "-", "@",
    "=SUM(A1:A2)", "=HYPERLINK(\"x\")", "😀", "👨\u{200D}👩\u{200D}👧", "ＡＢＣ１２３", "ｶﾀｶﾅ", "説明会を２回開催。",
    "（再掲）", " ", "\u{3000}", "\u{0}", "\u{2028}", "\\", "\\u0000", "{", "}", "[", "]", ":", "null", "2-①-a",
    "1,234",
];

/// Any text, up to 16 characters of any kind (cheaper than `any::<String>()`,
/// whose regex machinery is slow in debug builds).
pub fn any_text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..16).prop_map(String::from_iter)
}

/// A note: mostly tricky pieces in a row, sometimes arbitrary text.
pub fn note() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        4 => vec(select(TRICKY), 1..6).prop_map(|parts| parts.concat()),
        2 => any_text(),
        1 => (select(TRICKY), any_text()).prop_map(|(lead, rest)| format!("{lead}{rest}")),
    ]
}

pub fn author() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        select(vec!["嘉麻 花子", "商工会", "市", "", "=cmd", "@admin", "-"]).prop_map(|a| Some(a.to_string())),
        note().prop_map(Some),
    ]
}

pub fn stamp(updated_at: impl Strategy<Value = i64>) -> impl Strategy<Value = Stamp> {
    (author(), updated_at).prop_map(|(author, updated_at)| Stamp { author, updated_at })
}

pub fn status() -> impl Strategy<Value = Option<Status>> {
    prop_oneof![1 => Just(None), 3 => select(Status::ALL.to_vec()).prop_map(Some)]
}

// ---------------------------------------------------------------------------
// KPI values

/// Any finite number: what a record can hold (`kpi::parse_value` refuses the rest).
pub fn finite() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![(0..1_000_000i64).prop_map(|n| n as f64 / 10.0), (POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO),]
}

pub fn value() -> BoxedStrategy<Option<f64>> {
    prop_oneof![1 => Just(None), 3 => finite().prop_map(Some)].boxed()
}

/// Also infinities and NaN, which the sheets must still write down.
pub fn value_or_non_finite() -> BoxedStrategy<Option<f64>> {
    prop_oneof![
        6 => value(),
        1 => select(vec![f64::INFINITY, f64::NEG_INFINITY, f64::NAN]).prop_map(Some),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------
// Cells (never empty: a record does not keep empty cells)

pub fn initiative_cell_with(
    status: impl Strategy<Value = Option<Status>>,
    note: impl Strategy<Value = String>,
    stamp: impl Strategy<Value = Stamp>,
) -> impl Strategy<Value = InitiativeCell> {
    (status, note, stamp)
        .prop_map(|(status, note, stamp)| InitiativeCell { status, note, stamp, ..InitiativeCell::default() })
        .prop_filter("a record keeps no empty cell", |c| !c.is_empty())
}

pub fn kpi_cell_with(
    value: BoxedStrategy<Option<f64>>,
    note: impl Strategy<Value = String>,
    stamp: impl Strategy<Value = Stamp>,
) -> impl Strategy<Value = KpiCell> {
    (value.clone(), value.clone(), value, note, stamp)
        .prop_map(|(baseline, target, actual, note, stamp)| KpiCell {
            baseline,
            target,
            actual,
            note,
            stamp,
            written: None,
        })
        .prop_filter("a record keeps no empty cell", |c| !c.is_empty())
}

/// Any cell, with every field of the 評価シート: grades and ways forward from
/// the plan's scales, owners and links as a document keeps them (trimmed,
/// distinct, http(s) only).
pub fn initiative_cell() -> impl Strategy<Value = InitiativeCell> {
    let scales = &PLAN.evaluation;
    let grade = proptest::option::of(select(scales.grades.iter().map(|c| Grade(c.code.clone())).collect::<Vec<_>>()));
    let way =
        proptest::option::of(select(scales.directions.iter().map(|c| WayForward(c.code.clone())).collect::<Vec<_>>()));
    let owners = proptest::sample::subsequence(vec!["商工観光課", "商工会", "商工会議所", "=cmd"], 0..3)
        .prop_map(|o| o.into_iter().map(str::to_string).collect::<Vec<_>>());
    let link =
        (note(), "[a-z0-9/?=&#.-]{0,20}", any::<bool>()).prop_filter_map("an http(s) link", |(title, path, tls)| {
            Link::new(&title, &format!("{}://www.city.kama.lg.jp/{path}", if tls { "https" } else { "http" })).ok()
        });
    let evaluation = (note(), grade, note(), way, owners, vec(link, 0..3));
    let written = proptest::option::of(stamp(any::<i64>()));
    (status(), evaluation, note(), stamp(any::<i64>()), written)
        .prop_map(|(status, (results, grade, challenges, way_forward, owners, links), note, stamp, written)| {
            InitiativeCell { status, results, grade, challenges, way_forward, owners, links, note, stamp, written }
        })
        .prop_filter("a record keeps no empty cell", |c| !c.is_empty())
}

pub fn kpi_cell() -> impl Strategy<Value = KpiCell> {
    kpi_cell_with(value(), note(), stamp(any::<i64>()))
}

// ---------------------------------------------------------------------------
// Keys

fn years() -> Vec<FiscalYear> {
    PLAN.plan.fiscal_years.years().collect()
}

/// Any initiative of the plan that keeps its own record (not a re-listed
/// row, which shares its original's) in any of its years.
pub fn initiative_key() -> impl Strategy<Value = (InitiativeId, FiscalYear)> {
    let ids: Vec<InitiativeId> = PLAN.initiatives.iter().map(|i| i.id).filter(|&id| PLAN.record_id(id) == id).collect();
    (select(ids), select(years()))
}

/// Any KPI of the plan in any of its years.
pub fn kpi_key() -> impl Strategy<Value = (KpiCode, FiscalYear)> {
    let codes: Vec<KpiCode> = PLAN.kpis.iter().map(|k| k.code).collect();
    (select(codes), select(years()))
}

/// Any basic policy of the plan in any of its years.
pub fn council_key() -> impl Strategy<Value = (PolicyCode, FiscalYear)> {
    let codes: Vec<PolicyCode> = PLAN.policies.iter().map(|p| PolicyCode(p.code)).collect();
    (select(codes), select(years()))
}

/// Two policies × two years.
pub fn few_council_keys() -> impl Strategy<Value = (PolicyCode, FiscalYear)> {
    let codes: Vec<PolicyCode> = PLAN.policies.iter().take(2).map(|p| PolicyCode(p.code)).collect();
    (select(codes), select(years()[..2].to_vec()))
}

/// A council cell with something in it.
pub fn council_cell_with<T: Strategy<Value = String>>(
    text: impl Fn() -> T,
    stamp: impl Strategy<Value = Stamp>,
) -> impl Strategy<Value = CouncilCell> {
    (text(), text(), stamp)
        .prop_map(|(opinion, response, stamp)| CouncilCell { opinion, response, stamp, written: None })
        .prop_filter("a record keeps no empty cell", |c| !c.is_empty())
}

/// `records`, each with some council cells added.
fn with_council(
    records: impl Strategy<Value = Record>,
    keys: impl Strategy<Value = (PolicyCode, FiscalYear)>,
    cell: impl Strategy<Value = CouncilCell>,
) -> impl Strategy<Value = Record> {
    (records, btree_map(keys, cell, 0..3)).prop_map(|(mut record, council)| {
        for (k, c) in council {
            CouncilCell::put(&mut record, k, Some(c));
        }
        record
    })
}

/// A few cells only (3 initiatives × 2 years, 2 KPIs × 2 years), so that two
/// generated records often share cells.
pub fn few_initiative_keys() -> impl Strategy<Value = (InitiativeId, FiscalYear)> {
    let ids: Vec<InitiativeId> = PLAN.initiatives.iter().take(3).map(|i| i.id).collect();
    (select(ids), select(years()[..2].to_vec()))
}

pub fn few_kpi_keys() -> impl Strategy<Value = (KpiCode, FiscalYear)> {
    let codes: Vec<KpiCode> = PLAN.kpis.iter().take(2).map(|k| k.code).collect();
    (select(codes), select(years()[..2].to_vec()))
}

// ---------------------------------------------------------------------------
// Records

pub fn record_of(
    initiative_keys: impl Strategy<Value = (InitiativeId, FiscalYear)>,
    initiative_cell: impl Strategy<Value = InitiativeCell>,
    kpi_keys: impl Strategy<Value = (KpiCode, FiscalYear)>,
    kpi_cell: impl Strategy<Value = KpiCell>,
    size: Range<usize>,
) -> impl Strategy<Value = Record> {
    (btree_map(initiative_keys, initiative_cell, size.clone()), btree_map(kpi_keys, kpi_cell, size)).prop_map(
        |(initiatives, kpis)| {
            // An empty cell is kept only as a clearing, as `Record::apply` keeps it.
            let mut record = Record::default();
            for (k, c) in initiatives {
                InitiativeCell::put(&mut record, k, Some(c));
            }
            for (k, c) in kpis {
                KpiCell::put(&mut record, k, Some(c));
            }
            record
        },
    )
}

/// Any review of a line: any answer, any confirmation.
pub fn review_cell() -> impl Strategy<Value = ReviewCell> {
    let confirmation = (any::<u64>(), stamp(any::<i64>()), note()).prop_map(|(f, by, comment)| Confirmation {
        fingerprint: Fingerprint(f),
        by,
        comment,
    });
    (proptest::option::of(stamp(any::<i64>())), proptest::option::of(confirmation), stamp(any::<i64>()))
        .prop_map(|(submitted, confirmed, stamp)| ReviewCell { submitted, confirmed, stamp, written: None })
        .prop_filter("a record keeps no empty cell", |c| !c.is_empty())
}

/// Any date of the calendar.
pub fn date() -> impl Strategy<Value = CalendarDate> {
    (1..=9999i32, 1..=12u8, 1..=31u8).prop_filter_map("a day of the calendar", |(y, m, d)| CalendarDate::new(y, m, d))
}

/// Any year's closing and settings.
pub fn year_cell() -> impl Strategy<Value = YearCell> {
    (any::<bool>(), note(), proptest::option::of(date()), note(), stamp(any::<i64>()))
        .prop_map(|(closed, reason, deadline, instructions, stamp)| YearCell {
            closed,
            reason,
            deadline,
            instructions,
            stamp,
            written: None,
        })
        .prop_filter("a record keeps no empty cell", |c| !c.is_empty())
}

/// Any record of the real plan: any cells, any text, any finite values and
/// stamps, reviews and years' closings.
pub fn record() -> impl Strategy<Value = Record> {
    let cells = with_council(
        record_of(initiative_key(), initiative_cell(), kpi_key(), kpi_cell(), 0..8),
        council_key(),
        council_cell_with(note, stamp(any::<i64>())),
    );
    (cells, btree_map(initiative_key(), review_cell(), 0..3), btree_map(select(years()), year_cell(), 0..2)).prop_map(
        |(mut record, reviews, years)| {
            for (k, c) in reviews {
                ReviewCell::put(&mut record, k, Some(c));
            }
            for (k, c) in years {
                YearCell::put(&mut record, k, Some(c));
            }
            record
        },
    )
}

/// Like [`record`], with infinities and NaN among the KPI values.
pub fn record_with_non_finite() -> impl Strategy<Value = Record> {
    let kpi = kpi_cell_with(value_or_non_finite(), note(), stamp(any::<i64>()));
    with_council(
        record_of(initiative_key(), initiative_cell(), kpi_key(), kpi, 0..8),
        council_key(),
        council_cell_with(note, stamp(any::<i64>())),
    )
}

/// Small contents for small records: equal contents under different stamps
/// and different contents under equal stamps both come up often.
pub fn small_note() -> impl Strategy<Value = String> {
    select(vec!["", "A", "B"]).prop_map(str::to_string)
}

pub fn small_stamp(updated_at: Range<i64>) -> impl Strategy<Value = Stamp> {
    let author = select(vec![None, Some("市"), Some("商工会")]).prop_map(|a| a.map(str::to_string));
    (author, updated_at).prop_map(|(author, updated_at)| Stamp { author, updated_at })
}

pub fn small_status() -> impl Strategy<Value = Option<Status>> {
    select(vec![None, Some(Status::InProgress), Some(Status::Done)])
}

pub fn small_value() -> BoxedStrategy<Option<f64>> {
    select(vec![None, Some(0.0), Some(1.5)]).boxed()
}

pub fn small_initiative_cell(updated_at: Range<i64>) -> impl Strategy<Value = InitiativeCell> {
    initiative_cell_with(small_status(), small_note(), small_stamp(updated_at))
}

pub fn small_kpi_cell(updated_at: Range<i64>) -> impl Strategy<Value = KpiCell> {
    kpi_cell_with(small_value(), small_note(), small_stamp(updated_at))
}

/// A record over a few cells, stamped within `updated_at`.
pub fn small_record(updated_at: Range<i64>) -> impl Strategy<Value = Record> {
    with_council(
        record_of(
            few_initiative_keys(),
            small_initiative_cell(updated_at.clone()),
            few_kpi_keys(),
            small_kpi_cell(updated_at.clone()),
            0..6,
        ),
        few_council_keys(),
        council_cell_with(small_note, small_stamp(updated_at)),
    )
}

/// Changes to a few cells, each set whole; an empty cell clears it (leaving
/// its stamp, as `Record::apply` does).
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub initiatives: BTreeMap<(InitiativeId, FiscalYear), InitiativeCell>,
    pub kpis: BTreeMap<(KpiCode, FiscalYear), KpiCell>,
}

impl Changes {
    pub fn applied_to(&self, record: &Record) -> Record {
        let mut out = record.clone();
        for (k, c) in &self.initiatives {
            InitiativeCell::put(&mut out, *k, Some(c.clone()));
        }
        for (k, c) in &self.kpis {
            KpiCell::put(&mut out, *k, Some(c.clone()));
        }
        out
    }
}

/// `cell`, or one time in five the same stamp on an empty cell: a clearing.
fn or_cleared<C: Cell + std::fmt::Debug>(cell: impl Strategy<Value = C>) -> impl Strategy<Value = C> {
    (cell, proptest::bool::weighted(0.2)).prop_map(|(cell, clear)| {
        if !clear {
            return cell;
        }
        let mut empty = C::default();
        *empty.stamp_mut() = cell.stamp().clone();
        empty
    })
}

/// Edits to a small record's cells, stamped within `updated_at`.
pub fn small_changes(updated_at: Range<i64>) -> impl Strategy<Value = Changes> {
    (
        btree_map(few_initiative_keys(), or_cleared(small_initiative_cell(updated_at.clone())), 0..5),
        btree_map(few_kpi_keys(), or_cleared(small_kpi_cell(updated_at)), 0..4),
    )
        .prop_map(|(initiatives, kpis)| Changes { initiatives, kpis })
}

/// A record split in two at random: two records with no cell in common.
pub fn disjoint_pair() -> impl Strategy<Value = (Record, Record)> {
    record()
        .prop_flat_map(|r| {
            let n = r.cell_count();
            (Just(r), vec(any::<bool>(), n))
        })
        .prop_map(|(r, sides)| {
            let mut sides = sides.into_iter();
            let (mut a, mut b) = (Record::default(), Record::default());
            for (k, c) in r.initiatives {
                let side = if sides.next().unwrap_or_default() { &mut a } else { &mut b };
                side.initiatives.insert(k, c);
            }
            for (k, c) in r.kpis {
                let side = if sides.next().unwrap_or_default() { &mut a } else { &mut b };
                side.kpis.insert(k, c);
            }
            (a, b)
        })
}
