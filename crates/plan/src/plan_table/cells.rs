//! One cell as Japanese tables write it: `-` or `－` for nothing, marks for
//! yes, several targets in one cell, units in the brackets that close a name.

use crate::text::nfkc;

/// A cell that says nothing: empty, or a dash alone.
pub fn blank(text: &str) -> bool {
    let t = text.trim();
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (None, _) => true,
        (Some(c), None) => crate::text::is_dash(c),
        _ => false,
    }
}

/// Words for yes and for no in a flag column (重点 and the like), as NFKC
/// and lower case make them.
pub const YES: [&str; 13] = ["○", "◯", "◎", "●", "★", "☆", "✓", "重", "重点", "1", "true", "はい", "yes"];
pub const NO: [&str; 6] = ["×", "0", "false", "なし", "いいえ", "no"];

/// `Some(true)` for a mark, `Some(false)` for nothing or a no, `None` for
/// anything else.
pub fn flag(text: &str) -> Option<bool> {
    if blank(text) {
        return Some(false);
    }
    let folded = nfkc(text.trim()).to_lowercase();
    if YES.contains(&folded.as_str()) {
        Some(true)
    } else if NO.contains(&folded.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// A whole number as typed: full-width digits too.
pub fn number(text: &str) -> Option<u16> {
    let folded = nfkc(text.trim());
    folded.strip_suffix(".0").unwrap_or(&folded).parse().ok()
}

/// The targets one cell names, each on its own line or after `、`/`；`,
/// without a leading bullet.
pub fn targets(text: &str) -> Vec<String> {
    text.split(['\n', '\r', '、', '；', ';'])
        .map(|t| t.trim().trim_start_matches(['・', '●', '○', '◆', '■', '※']).trim())
        .filter(|t| !blank(t))
        .map(str::to_string)
        .collect()
}

/// A target's name and unit: `事業所数（社）` → (`事業所数`, `社`). A unit is
/// the closing bracket's short content without digits.
pub fn name_and_unit(label: &str) -> (String, Option<String>) {
    let trimmed = label.trim();
    for (open, close) in [('(', ')'), ('（', '）')] {
        let Some(inner) = trimmed.strip_suffix(close) else { continue };
        let Some(at) = inner.rfind(open) else { continue };
        let unit = &inner[at + open.len_utf8()..];
        let name = inner[..at].trim();
        if !name.is_empty()
            && !unit.is_empty()
            && unit.chars().count() <= 6
            && !unit.chars().any(|c| c.is_ascii_digit())
        {
            return (name.to_string(), Some(unit.to_string()));
        }
    }
    (trimmed.to_string(), None)
}

/// A schedule cell that only marks the year (○, →, ━, …): the run it is
/// in takes its label from a cell with words.
pub fn schedule_mark(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().all(|c| {
            matches!(
                c,
                '○' | '◯'
                    | '◎'
                    | '●'
                    | '★'
                    | '☆'
                    | '✓'
                    | '→'
                    | '⇒'
                    | '➡'
                    | '━'
                    | '─'
                    | '―'
                    | '-'
                    | '－'
                    | '='
                    | '＝'
                    | '>'
                    | '＞'
            ) || c.is_whitespace()
        })
}
