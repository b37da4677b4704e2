//! Text folding shared by the importer (comparing name spellings) and search.

use unicode_normalization::UnicodeNormalization;

/// NFKC: full-width ASCII → half-width, half-width katakana → full-width,
/// circled digits → digits.
pub fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// Every dash-like character people type or paste in ids and search words.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            ..='\u{2015}' // ‐ ‑ ‒ – — ―
            | '\u{2043}' // ⁃ hyphen bullet
            | '\u{2212}' // − minus
            | '\u{2E3A}' | '\u{2E3B}' // ⸺ ⸻
            | '\u{30FC}' // ー prolonged sound mark
            | '\u{FE58}' | '\u{FE63}' // ﹘ ﹣
            | '\u{FF0D}' // －
            | '\u{FF70}' // ｰ
    )
}

/// Equal as the same words, ignoring width variants and whitespace: the table
/// writes one sub-policy name with `（）` on one page and `()` on another.
pub fn same_words(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String { s.nfkc().filter(|c| !c.is_whitespace()).collect() };
    fold(a) == fold(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_and_space_variants_are_the_same_words() {
        assert!(same_words("支援（デジタル化（再掲））", "支援(デジタル化(再掲))"));
        assert!(same_words("ﾃﾞｼﾞﾀﾙ 化", "デジタル化"));
        assert!(!same_words("継続", "新規"));
    }
}
