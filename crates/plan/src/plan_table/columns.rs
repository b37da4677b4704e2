//! The table's header: which column holds what, found by the titles people
//! give them (with their common synonyms), in any order.

use crate::plan::FiscalYear;
use crate::text::nfkc;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// 番号: the initiative's serial number.
    Serial,
    /// The first level (基本施策, 基本目標, …).
    Policy,
    /// The second level (施策, …), in a plan of three levels.
    SubPolicy,
    /// The initiative itself (取組, 事業, …).
    Initiative,
    ShortName,
    Priority,
    FirstPlan,
    Direction,
    Situation,
    Kpi,
    Remarks,
    /// A fiscal year's column of the yearly schedule.
    Year(FiscalYear),
}

/// Titles each field goes by, compared after [`fold`]. The first is the
/// one the template uses.
pub const SYNONYMS: [(Field, &[&str]); 11] = [
    (Field::Serial, &["番号", "no", "no.", "昇順番号", "通し番号", "連番"]),
    (Field::Policy, &["基本施策", "基本目標", "基本方針", "体系分類1", "政策", "大分類", "施策の柱"]),
    (Field::SubPolicy, &["施策", "体系分類2", "施策の方向", "施策の方向性", "中分類", "施策の展開"]),
    (
        Field::Initiative,
        &[
            "取組",
            "取組み",
            "取り組み",
            "事業",
            "取組内容",
            "事業名",
            "事業内容",
            "具体的な取組",
            "具体的取組",
            "主な取組",
            "小分類",
        ],
    ),
    (Field::ShortName, &["取組略称", "略称", "事業略称", "取組名"]),
    (Field::Priority, &["重点", "重要課題", "重", "重点取組", "重点施策"]),
    (Field::FirstPlan, &["第1次計画との関連", "前計画との関連", "新規・継続", "新規/継続", "継続・新規"]),
    (Field::Direction, &["実施方針区分", "実施方針", "取組の方向性", "方向性"]),
    (Field::Situation, &["現状", "現状と課題", "現状・課題"]),
    (Field::Kpi, &["数値目標", "kpi", "指標", "成果指標", "目標指標", "評価指標"]),
    (Field::Remarks, &["備考"]),
];

/// A title as compared: NFKC, no whitespace, lower case, and without a
/// bracketed note (`基本施策（体系分類1）` is 基本施策).
pub fn fold(title: &str) -> String {
    let folded: String = nfkc(title).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    match folded.find('(') {
        Some(at) if at > 0 => folded[..at].to_string(),
        _ => folded,
    }
}

/// The field a column title names, if any.
pub fn field_of(title: &str) -> Option<Field> {
    let folded = fold(title);
    if let Some(year) = fiscal_year_of(&folded) {
        return Some(Field::Year(year));
    }
    SYNONYMS.iter().find(|(_, names)| names.contains(&folded.as_str())).map(|(field, _)| *field)
}

/// `2023`, `2023年度`, `fy2023`, `r5`, `r5年度`, `令和5年度`, `令和元年度`
/// (folded) as a fiscal year. Years before 令和 are written as four digits.
pub fn fiscal_year_of(folded: &str) -> Option<FiscalYear> {
    let s = folded.strip_prefix("fy").unwrap_or(folded);
    let s = s.strip_suffix("年度").unwrap_or(s);
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        let year: u16 = s.parse().ok()?;
        return (1989..=2200).contains(&year).then_some(FiscalYear(year));
    }
    let era = s.strip_prefix("令和").or_else(|| s.strip_prefix('r'))?;
    let n: u16 = if era == "元" { 1 } else { era.parse().ok().filter(|_| era.len() <= 3)? };
    (n >= 1).then(|| FiscalYear(2018 + n))
}

/// The keys of the title rows above the header (`計画名`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MetaKey {
    Title,
    Municipality,
    Id,
    Period,
}

pub const META_SYNONYMS: [(MetaKey, &[&str]); 4] = [
    (MetaKey::Title, &["計画名", "計画の名称", "計画", "名称"]),
    (MetaKey::Municipality, &["自治体", "自治体名", "市町村", "市町村名", "団体名"]),
    (MetaKey::Id, &["計画id", "id"]),
    (MetaKey::Period, &["計画期間", "期間"]),
];

pub fn meta_key_of(title: &str) -> Option<MetaKey> {
    let folded = fold(title);
    META_SYNONYMS.iter().find(|(_, names)| names.contains(&folded.as_str())).map(|(key, _)| *key)
}

/// `2024〜2030`, `令和6年度～令和12年度`, `2024-2030` as the first and last
/// fiscal year.
pub fn period_of(text: &str) -> Option<(FiscalYear, FiscalYear)> {
    let folded = fold(text);
    let (from, to) = folded.split_once(['〜', '~', '-', '‐', '―']).or_else(|| {
        let at = folded.find("から")?;
        Some((&folded[..at], &folded[at + "から".len()..]))
    })?;
    let to = to.strip_suffix("まで").unwrap_or(to);
    Some((fiscal_year_of(from)?, fiscal_year_of(to)?))
}
