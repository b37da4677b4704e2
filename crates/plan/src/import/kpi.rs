//! KPI mentions such as `2-5_事業計画の策定事業者数(社) 2-3_商工会団体の相談指導件数の増`.

use crate::plan::{KpiCode, KpiLink, KpiRole};

/// One KPI as one cell writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KpiMention {
    pub code: KpiCode,
    /// Verbatim, without a trailing ` (再掲)` marker.
    pub label: String,
    /// Name without the code and the unit.
    pub name: String,
    pub unit: Option<String>,
}

/// The units the table uses, in the brackets that close a KPI label.
const UNITS: [&str; 7] = ["人", "件", "%", "社", "回", "千円", "千人/年"];
const RELISTED: &str = "(再掲)";
pub(crate) const RELATED_MARKER: &str = "(関連目標)";

/// `2-3_…` at the start of the cell.
pub(crate) fn looks_like_kpi(cell: &str) -> bool {
    mention_starts(cell).first() == Some(&0)
}

/// Byte offsets where `<digit>-<digits>_` begins, at the start or after whitespace.
fn mention_starts(s: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut after_space = true;
    for (i, ch) in s.char_indices() {
        if after_space && code_prefix_at(&s[i..]) {
            starts.push(i);
        }
        after_space = ch.is_whitespace();
    }
    starts
}

fn code_prefix_at(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 3 || !b[0].is_ascii_digit() || b[1] != b'-' {
        return false;
    }
    let digits = b[2..].iter().take_while(|x| x.is_ascii_digit()).count();
    digits > 0 && b.get(2 + digits) == Some(&b'_')
}

/// Splits a cell into its KPI mentions and whatever text precedes the first.
pub(crate) fn mentions(cell: &str) -> (String, Vec<KpiMention>) {
    let starts = mention_starts(cell);
    let lead = cell[..starts.first().copied().unwrap_or(cell.len())].trim().to_string();
    let mut found = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(cell.len());
        if let Some(m) = mention(&cell[start..end]) {
            found.push(m);
        }
    }
    (lead, found)
}

fn mention(raw: &str) -> Option<KpiMention> {
    let mut label = raw.trim();
    if let Some(stripped) = label.strip_suffix(RELISTED) {
        label = stripped.trim_end();
    }
    let (code, rest) = label.split_once('_')?;
    let code: KpiCode = code.parse().ok()?;
    let (name, unit) = split_unit(rest);
    Some(KpiMention { code, label: label.to_string(), name: name.to_string(), unit })
}

/// `…割合 (%)`, `…割合（%）` → (`…割合`, `%`). Other bracketed text stays in the name.
fn split_unit(rest: &str) -> (&str, Option<String>) {
    for (open, close) in [('(', ')'), ('（', '）')] {
        let Some(inner_end) = rest.strip_suffix(close) else { continue };
        let Some(open_at) = inner_end.rfind(open) else { continue };
        let unit = inner_end[open_at + open.len_utf8()..].trim();
        if UNITS.contains(&unit) {
            return (inner_end[..open_at].trim_end(), Some(unit.to_string()));
        }
    }
    (rest, None)
}

/// What the KPI and 備考 cells say together.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KpiCells {
    pub links: Vec<KpiLink>,
    pub mentions: Vec<KpiMention>,
    /// 備考 text left once the KPI markers are consumed.
    pub remarks: String,
}

/// The first KPI named is the row's own; `(関連目標)` in 備考 marks the others
/// in the KPI cell, and any KPI written after the marker, as related.
pub(crate) fn read_kpi_cells(kpi_cell: &str, remarks_cell: &str) -> KpiCells {
    let (_, own) = mentions(kpi_cell);
    let (remarks, related_marker) = match remarks_cell.strip_prefix(RELATED_MARKER) {
        Some(rest) => (rest.trim(), true),
        None => (remarks_cell, false),
    };
    let (remarks, in_remarks) = if related_marker { mentions(remarks) } else { (remarks.to_string(), Vec::new()) };

    let mut links: Vec<KpiLink> = Vec::new();
    for (n, m) in own.iter().enumerate() {
        let role = if n > 0 && related_marker { KpiRole::Related } else { KpiRole::Primary };
        push_link(&mut links, m.code, role);
    }
    for m in &in_remarks {
        push_link(&mut links, m.code, KpiRole::Related);
    }
    KpiCells { links, mentions: own.into_iter().chain(in_remarks).collect(), remarks }
}

fn push_link(links: &mut Vec<KpiLink>, code: KpiCode, role: KpiRole) {
    if !links.iter().any(|l| l.code == code) {
        links.push(KpiLink { code, role });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> KpiCode {
        s.parse().unwrap_or_else(|e| panic!("test code {s}: {e}"))
    }

    #[test]
    fn units_are_read_from_either_bracket_width() {
        let (_, m) = mentions("2-2_企業におけるデジタル化進捗割合 (%)");
        assert_eq!(m[0].name, "企業におけるデジタル化進捗割合");
        assert_eq!(m[0].unit.as_deref(), Some("%"));
        let (_, m) = mentions("4-2_観光入込客数（千人/年）");
        assert_eq!(m[0].unit.as_deref(), Some("千人/年"));
        let (_, m) = mentions("3-3_商店街イベント・マルシェの開催回数の増(市の補助金対象の増)");
        assert_eq!(m[0].unit, None, "a bracket that is not a unit stays in the name");
        assert_eq!(m[0].name, "商店街イベント・マルシェの開催回数の増(市の補助金対象の増)");
    }

    #[test]
    fn several_kpis_in_one_cell_split_and_relist_marker_is_dropped() {
        let (_, m) = mentions(
            "2-5_事業計画の策定事業者数(社) 2-3_商工会団体の相談指導件数の増 2-4_経営革新計画の策定事業者数の増",
        );
        assert_eq!(m.iter().map(|m| m.code).collect::<Vec<_>>(), [code("2-5"), code("2-3"), code("2-4")]);
        let (_, m) = mentions("4-5_企業マッチングの場の創設（件） (再掲)");
        assert_eq!(m[0].label, "4-5_企業マッチングの場の創設（件）");
    }

    #[test]
    fn related_marker_makes_later_kpis_related() {
        let cells = read_kpi_cells(
            "3-1_企業マッチングの場の創設(件)",
            "(関連目標) 3-3_商店街イベント・マルシェの開催回数の増(市の補助金対象の増)",
        );
        assert_eq!(
            cells.links,
            [
                KpiLink { code: code("3-1"), role: KpiRole::Primary },
                KpiLink { code: code("3-3"), role: KpiRole::Related }
            ]
        );
        assert_eq!(cells.remarks, "");
        let cells = read_kpi_cells("4-3_a（社） 4-4_b", "");
        assert!(cells.links.iter().all(|l| l.role == KpiRole::Primary), "no marker: all primary");
    }

    #[test]
    fn a_dash_is_no_kpi() {
        assert!(read_kpi_cells("-", "-").links.is_empty());
        assert!(!looks_like_kpi("-"));
        assert!(looks_like_kpi("4-1_全体観光消費額（千円）"));
    }
}
