//! Text folding shared by the importer (comparing name spellings) and search.
//!
//! NFKC comes from two well-kept implementations of the same Unicode
//! algorithm: natively (the importer, tests) the unicode-normalization
//! crate; in the browser the platform's own (ICU, through
//! `String.prototype.normalize`), because the crate's tables would be a
//! large part of every first visit.

/// NFKC: full-width ASCII → half-width, half-width katakana → full-width,
/// circled digits → digits.
pub fn nfkc(s: &str) -> String {
    platform::nfkc(s)
}

/// A combining mark (Unicode general category M), which NFKC may merge into
/// the char before it.
pub fn is_combining_mark(c: char) -> bool {
    platform::is_combining_mark(c)
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use unicode_normalization::UnicodeNormalization;

    pub fn nfkc(s: &str) -> String {
        s.nfkc().collect()
    }

    pub fn is_combining_mark(c: char) -> bool {
        unicode_normalization::char::is_combining_mark(c)
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use std::cell::RefCell;

    use js_sys::{JsString, RegExp};

    thread_local! {
        static MARK: RegExp = RegExp::new("^\\p{M}$", "u");
        /// Single chars already normalised: the plan's few non-kana, non-CJK
        /// chars (①, ×, 『) recur, and each lookup would cross into JS.
        static SEEN: RefCell<Vec<(char, String)>> = const { RefCell::new(Vec::new()) };
        /// The same for `is_combining_mark`, asked of each such char's successor.
        static MARKS: RefCell<Vec<(char, bool)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn nfkc(s: &str) -> String {
        let mut chars = s.chars();
        let single = match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        if let Some(hit) =
            single.and_then(|c| SEEN.with_borrow(|seen| seen.iter().find(|(k, _)| *k == c).map(|(_, v)| v.clone())))
        {
            return hit;
        }
        // `normalize` only fails for an unknown form name; NFKC is known.
        let out: String = JsString::from(s).normalize("NFKC").into();
        if let Some(c) = single {
            SEEN.with_borrow_mut(|seen| {
                if seen.len() < 256 {
                    seen.push((c, out.clone()));
                }
            });
        }
        out
    }

    pub fn is_combining_mark(c: char) -> bool {
        if let Some(known) = MARKS.with_borrow(|m| m.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)) {
            return known;
        }
        let mut buf = [0; 4];
        let mark = MARK.with(|re| re.test(c.encode_utf8(&mut buf)));
        MARKS.with_borrow_mut(|m| {
            if m.len() < 256 {
                m.push((c, mark));
            }
        });
        mark
    }
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
    words_key(a) == words_key(b)
}

/// What [`same_words`] compares: to look many names up at once.
pub fn words_key(s: &str) -> String {
    nfkc(s).chars().filter(|c| !c.is_whitespace()).collect()
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
