//! Japanese-aware free-text search: folding, matching and highlighting.
//!
//! Staff type with whatever IME mode happens to be on, and the plan table
//! itself mixes spellings, so the same word can arrive as full- or half-width
//! letters and digits (ＤＸ / DX), half-width katakana (ﾃﾞｼﾞﾀﾙ), hiragana
//! instead of katakana (でじたる), any of a dozen dash look-alikes, or with
//! stray spaces. [`fold`] maps all of these to one spelling; it is applied to
//! both the text and the query words, so matching is a plain substring test.
//! Folding is, in order:
//!
//! 1. NFKC (width variants, ﾃ+ﾞ → デ, ① → 1),
//! 2. lowercase,
//! 3. katakana → hiragana,
//! 4. dash-like characters, including the prolonged sound mark ー, → `-`,
//! 5. whitespace (and zero-width characters) removed.
//!
//! [`highlight`] has to map a match in the folded text back to the original,
//! so folding works per *cluster* (a char plus the combining or half-width
//! voiced marks that NFKC may merge into it), and [`Folded`] remembers which
//! original byte range each folded char came from. [`fold`] runs the same
//! code without the bookkeeping, so the two always agree.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::text::{is_combining_mark, nfkc};

/// Folds text for matching (see module docs).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_with(s, |c, _| out.push(c));
    out
}

/// Folds `s` and remembers, for every folded char, the byte range of the
/// original text it came from.
pub fn fold_mapped(s: &str) -> Folded {
    Folded::new(s)
}

/// Folded text plus a map back to the original (see [`fold_mapped`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// One entry per *byte* of `text`: the original byte range of the cluster
    /// that byte's char came from. Per byte (not per char) so a byte offset
    /// from `str::find` indexes it directly.
    src: Vec<(usize, usize)>,
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut src = Vec::with_capacity(s.len());
        fold_with(s, |c, (start, end)| {
            text.push(c);
            src.extend(std::iter::repeat_n((start, end), c.len_utf8()));
        });
        Folded { text, src }
    }

    /// The folded text; equal to [`fold`] of the original.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range covering folded bytes `folded` (from the start
    /// of its first char's cluster to the end of its last's), so anything
    /// folding removed in between, e.g. spaces, is included. `None` when the
    /// range is empty or out of bounds. Always on char boundaries of the
    /// original.
    pub fn source_range(&self, folded: Range<usize>) -> Option<Range<usize>> {
        if folded.start >= folded.end {
            return None;
        }
        let (start, _) = *self.src.get(folded.start)?;
        let (_, end) = *self.src.get(folded.end - 1)?;
        Some(start..end)
    }
}

thread_local! {
    /// Folded texts, by text. Each keystroke highlights the same row texts
    /// again (ids, names, the fields an excerpt comes from), and folding them
    /// char by char was most of a keystroke's CPU time.
    static FOLDED: RefCell<HashMap<Box<str>, Rc<Folded>>> = RefCell::new(HashMap::new());
}

/// Texts folded at most before [`folded`] starts over: the real plan has a
/// few hundred; a large plan's windowed list shows a few dozen rows at once.
const FOLDED_CACHE_MAX: usize = 4096;

/// [`Folded::new`] of `text`, remembered.
fn folded(text: &str) -> Rc<Folded> {
    if let Some(f) = FOLDED.with(|cache| cache.borrow().get(text).cloned()) {
        return f;
    }
    let f = Rc::new(Folded::new(text));
    FOLDED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= FOLDED_CACHE_MAX {
            cache.clear();
        }
        cache.insert(text.into(), Rc::clone(&f));
    });
    f
}

/// Folds `text` into the cache now, so that the first search that
/// highlights it does not have to (idle time after start-up). `false` once
/// the cache is full: preparing more would start it over.
pub fn prepare(text: &str) -> bool {
    let room = FOLDED.with(|cache| cache.borrow().len() < FOLDED_CACHE_MAX);
    if room {
        folded(text);
    }
    room
}

/// Chars that NFKC may merge into the preceding char, so they must be
/// normalised together with it: combining marks (incl. U+3099/U+309A),
/// half-width voiced marks ﾞﾟ, and Hangul medial/final jamo.
fn extends_cluster(c: char) -> bool {
    !c.is_ascii()
        && !is_common_stable(c)
        && (matches!(c, '\u{FF9E}' | '\u{FF9F}' | '\u{1160}'..='\u{11FF}') || is_combining_mark(c))
}

/// Kana, CJK ideographs and 、。「」: the bulk of the text, already NFKC and
/// not combining. Checked by range first because the normaliser's table
/// lookups dominate folding time otherwise.
#[inline]
fn is_common_stable(c: char) -> bool {
    matches!(
        c,
        '\u{3001}' | '\u{3002}' | '\u{300C}' | '\u{300D}'
            | '\u{3041}'..='\u{3096}' // hiragana
            | '\u{30A1}'..='\u{30FE}' // katakana (not ヿ U+30FF, which NFKC expands)
            | '\u{3400}'..='\u{4DBF}' // CJK extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
    )
}

/// Not whitespace to Rust, but invisible; pasted text carries them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Steps 2–5 of folding for one char that is already NFKC.
#[inline]
fn fold_char(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        // Fast paths first: nearly all text is ASCII, kana or CJK.
        if !c.is_ascii_whitespace() {
            out(c.to_ascii_lowercase());
        }
    } else if crate::text::is_dash(c) {
        out('-');
    } else if ('\u{3041}'..='\u{9FFF}').contains(&c) {
        // Kana and CJK have no case and are not whitespace.
        out(kata_to_hira(c));
    } else if c.is_whitespace() || is_invisible(c) {
    } else {
        for l in c.to_lowercase() {
            out(l);
        }
    }
}

/// Katakana → hiragana (ァ..ヶ → ぁ..ゖ, and the iteration marks ヽヾ → ゝゞ).
fn kata_to_hira(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => char::from_u32(u32::from(c) - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// The folding loop shared by [`fold`] and [`Folded`]: calls `emit` with each
/// folded char and the original byte range of the cluster it came from.
fn fold_with(s: &str, mut emit: impl FnMut(char, (usize, usize))) {
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = chars.peek() {
            if !extends_cluster(n) {
                break;
            }
            end = i + n.len_utf8();
            chars.next();
        }
        let span = (start, end);
        let single = end == start + c.len_utf8();
        if single && ('\u{FF01}'..='\u{FF5E}').contains(&c) {
            // Full-width ASCII: NFKC is exactly the ASCII char, and typed
            // text is full of it, so skip the normaliser.
            if let Some(a) = char::from_u32(u32::from(c) - 0xFEE0) {
                fold_char(a, |f| emit(f, span));
            }
        } else if single && (c.is_ascii() || is_common_stable(c)) {
            // Already NFKC: skip the normaliser.
            fold_char(c, |f| emit(f, span));
        } else {
            // `start..end` are char_indices boundaries, so this cannot panic.
            for n in nfkc(&s[start..end]).chars() {
                fold_char(n, |f| emit(f, span));
            }
        }
    }
}

/// A search query: whitespace-separated words, all of which must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// Splits on whitespace (incl. the ideographic space U+3000) and folds
    /// each word; words that fold to nothing are dropped.
    pub fn parse(q: &str) -> Query {
        // A word of dashes alone would match every id: it narrows nothing.
        let words = q.split_whitespace().map(fold).filter(|w| !w.is_empty() && !w.chars().all(|c| c == '-'));
        Query { words: words.collect() }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded words.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// `haystack` must already be folded with [`fold`]. True when every word
    /// occurs in it (an empty query matches everything).
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.words.iter().all(|w| folded_haystack.contains(w.as_str()))
    }
}

/// A piece of a text, marked when it matches a query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Byte ranges of `text` matching any query word, sorted, with overlapping
/// and adjacent ranges merged. Always on char boundaries of `text`.
pub fn hit_ranges(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let folded = folded(text);
    let hay = folded.as_str();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for w in query.words.iter().filter(|w| !w.is_empty()) {
        // Step one char past each match start (not past the match) so that
        // overlapping occurrences, e.g. "ささ" in "さささ", are all covered.
        let step = w.chars().next().map_or(1, char::len_utf8);
        let mut from = 0;
        while let Some(i) = hay.get(from..).and_then(|rest| rest.find(w.as_str())) {
            let at = from + i;
            if let Some(r) = folded.source_range(at..at + w.len()) {
                ranges.push(r);
            }
            from = at + step;
        }
    }
    ranges.sort_unstable_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Splits `text` into segments whose `hit` pieces match the query's words.
/// The segments' texts concatenate to `text`; empty text gives no segments.
pub fn highlight(text: &str, query: &Query) -> Vec<Segment> {
    segments(text, &hit_ranges(text, query), 0..text.len())
}

/// A short excerpt of `text` around its first hit — `context` characters on
/// either side, `…` where cut — split for highlighting; `None` without a hit.
pub fn snippet(text: &str, query: &Query, context: usize) -> Option<Vec<Segment>> {
    let hits = hit_ranges(text, query);
    let first = hits.first()?;
    let before = text.get(..first.start)?;
    let start = match context {
        0 => first.start,
        n => before.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i),
    };
    let after = text.get(first.end..)?;
    let end = after.char_indices().nth(context).map_or(text.len(), |(i, _)| first.end + i);
    // The whole text's hits, cut to the excerpt: its folding is cached, the
    // excerpt's own would be new on every keystroke.
    let mut segments = segments(text, &hits, start..end);
    // Each ellipsis joins the plain text beside it: one text node less to render.
    if start > 0 {
        match segments.first_mut() {
            Some(s) if !s.hit => s.text.insert(0, '…'),
            _ => segments.insert(0, Segment { text: "…".into(), hit: false }),
        }
    }
    if end < text.len() {
        match segments.last_mut() {
            Some(s) if !s.hit => s.text.push('…'),
            _ => segments.push(Segment { text: "…".into(), hit: false }),
        }
    }
    Some(segments)
}

/// `text[within]` as segments, marked where it overlaps `hits` (sorted,
/// disjoint, on char boundaries, as [`hit_ranges`] gives them).
fn segments(text: &str, hits: &[Range<usize>], within: Range<usize>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut push = |range: Range<usize>, hit: bool| {
        if let Some(t) = text.get(range).filter(|t| !t.is_empty()) {
            out.push(Segment { text: t.to_string(), hit });
        }
    };
    let mut pos = within.start;
    for r in hits {
        let (start, end) = (r.start.max(within.start), r.end.min(within.end));
        if start >= end {
            continue;
        }
        push(pos..start, false);
        push(start..end, true);
        pos = end;
    }
    push(pos..within.end, false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_folds_give_the_same_hits_past_the_cache_limit() {
        let q = Query::parse("ﾃﾞｼﾞﾀﾙ");
        for round in 0..2 {
            for n in 0..FOLDED_CACHE_MAX + 10 {
                let text = format!("{n}件目のデジタル化");
                let start = n.to_string().len() + "件目の".len();
                assert_eq!(hit_ranges(&text, &q), vec![start..start + "デジタル".len()], "round {round}, {text}");
            }
        }
        FOLDED.with(|c| assert!(c.borrow().len() <= FOLDED_CACHE_MAX));
    }

    #[test]
    fn preparing_stops_when_the_cache_is_full_instead_of_starting_it_over() {
        let prepared = (0..FOLDED_CACHE_MAX + 10).take_while(|n| prepare(&format!("準備{n}"))).count();
        assert!(prepared <= FOLDED_CACHE_MAX);
        let full = FOLDED.with(|c| c.borrow().len());
        assert_eq!(full, FOLDED_CACHE_MAX);
        assert!(!prepare("もう一つ"));
        assert_eq!(FOLDED.with(|c| c.borrow().len()), full, "nothing dropped");
    }

    #[test]
    fn snippets_cut_around_the_first_hit() {
        let q = Query::parse("ﾃﾞｼﾞﾀﾙ");
        let text = "一二三四五六七八九十デジタル化の促進を支援します。";
        let s = snippet(text, &q, 3).unwrap_or_default();
        let joined: String = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "…八九十デジタル化の促…");
        assert!(s.iter().any(|s| s.hit && s.text == "デジタル"));
        assert_eq!(snippet("デジタル", &q, 10).map(|s| s.len()), Some(1), "nothing cut, no ellipsis");
        assert_eq!(snippet("なし", &q, 3), None);
        assert!(snippet("デジタル", &Query::parse(""), 3).is_none());
    }

    #[test]
    fn snippets_mark_every_hit_inside_and_the_part_of_one_cut_at_an_edge() {
        let q = Query::parse("ﾃﾞｼﾞﾀﾙ");
        let parts = |text: &str| -> Vec<(String, bool)> {
            snippet(text, &q, 3).unwrap_or_default().into_iter().map(|s| (s.text, s.hit)).collect()
        };
        assert_eq!(
            parts("デジタル化とデジタル人材の育成"),
            vec![seg("デジタル", true), seg("化と", false), seg("デ", true), seg("…", false)],
            "a cut hit ends the excerpt: the ellipsis stays apart from the mark"
        );
        assert_eq!(
            parts("市のデジタル、県のデジタル"),
            vec![seg("市の", false), seg("デジタル", true), seg("、県の…", false)]
        );
    }

    fn finds(query: &str, text: &str) -> bool {
        Query::parse(query).matches(&fold(text))
    }

    fn hits(text: &str, query: &str) -> Vec<(String, bool)> {
        highlight(text, &Query::parse(query)).into_iter().map(|s| (s.text, s.hit)).collect()
    }

    fn seg(t: &str, hit: bool) -> (String, bool) {
        (t.to_string(), hit)
    }

    #[test]
    fn half_width_katakana_with_voiced_marks() {
        assert_eq!(fold("ﾃﾞｼﾞﾀﾙ"), fold("デジタル"));
        assert_eq!(fold("ﾊﾟｿｺﾝ"), fold("パソコン"));
        assert!(finds("ﾃﾞｼﾞﾀﾙ", "中小企業のデジタル化"));
        assert!(finds("デジタル", "ﾃﾞｼﾞﾀﾙ化"));
    }

    #[test]
    fn hiragana_finds_katakana() {
        assert_eq!(fold("でじたる"), fold("デジタル"));
        assert!(finds("でじたる", "デジタル化の促進"));
        assert!(finds("デジタル", "でじたる"));
    }

    #[test]
    fn width_and_case() {
        assert!(finds("ＤＸ", "DX推進"));
        assert!(finds("dx", "DX推進"));
        assert!(finds("DX", "ｄｘ推進"));
        assert_eq!(fold("２－①－ａ"), fold("2-①-a"));
        assert_eq!(fold("２－①－ａ"), "2-1-a");
    }

    #[test]
    fn dashes_are_unified() {
        let want = fold("2-1");
        for s in ["2‐1", "2‑1", "2‒1", "2–1", "2—1", "2―1", "2−1", "2－1", "2ｰ1", "2ー1"] {
            assert_eq!(fold(s), want, "{s}");
        }
        assert_eq!(fold("サービス"), fold("ｻｰﾋﾞｽ"));
    }

    #[test]
    fn whitespace_is_ignored() {
        assert_eq!(fold(" 創業\u{3000}塾\t\n"), "創業塾");
        assert!(finds("創業塾", "創業 塾の開催"));
        assert!(finds("創業塾", "創業\u{3000}塾"));
        assert!(Query::parse(" \u{3000} ").is_empty());
    }

    #[test]
    fn several_words_are_anded() {
        let q = Query::parse("デジタル\u{3000}補助金");
        assert_eq!(q.words().len(), 2);
        assert!(q.matches(&fold("デジタル化の補助金")));
        assert!(!q.matches(&fold("デジタル化の促進")));
        assert!(!q.matches(&fold("補助金の交付")));
        assert!(Query::parse("").matches(&fold("anything")));
    }

    #[test]
    fn highlight_marks_the_original_pieces() {
        assert_eq!(hits("デジタル化の促進", "ﾃﾞｼﾞﾀﾙ"), vec![seg("デジタル", true), seg("化の促進", false)]);
        assert_eq!(hits("ﾃﾞｼﾞﾀﾙ化", "デジタル"), vec![seg("ﾃﾞｼﾞﾀﾙ", true), seg("化", false)]);
        // A partial match inside a voiced cluster still covers both chars.
        assert_eq!(hits("ﾃﾞｼﾞﾀﾙ", "じ"), vec![seg("ﾃﾞ", false), seg("ｼﾞ", true), seg("ﾀﾙ", false)]);
        assert_eq!(
            hits("市の創業 塾です", "創業塾"),
            vec![seg("市の", false), seg("創業 塾", true), seg("です", false)]
        );
        assert_eq!(hits("ＤＸとdx", "Dx"), vec![seg("ＤＸ", true), seg("と", false), seg("dx", true)]);
    }

    #[test]
    fn highlight_merges_overlapping_and_adjacent_hits() {
        assert_eq!(hits("さささ", "ささ"), vec![seg("さささ", true)]);
        assert_eq!(hits("デジタル化", "デジ タル"), vec![seg("デジタル", true), seg("化", false)]);
        assert_eq!(hits("abcd", "abc bcd"), vec![seg("abcd", true)]);
        // Separate words with a space between stay separate.
        assert_eq!(hits("創業 塾", "創業 塾"), vec![seg("創業", true), seg(" ", false), seg("塾", true)]);
    }

    #[test]
    fn highlight_with_empty_query_or_text() {
        assert_eq!(hits("計画", ""), vec![seg("計画", false)]);
        assert_eq!(hits("計画", "\u{3000}"), vec![seg("計画", false)]);
        assert!(hits("", "").is_empty());
        assert!(hits("", "計画").is_empty());
        assert_eq!(hits("計画", "なし"), vec![seg("計画", false)]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["", "ﾞ", "ﾞﾞﾃ", "\u{3099}", "\u{309A}ａ", "\u{0301}", "e\u{0301}\u{0301}", "゛", "ﾟ ﾟ", "\u{FEFF}"]
        {
            let f = fold_mapped(s);
            assert_eq!(f.as_str(), fold(s));
            for q in ["ﾞ", "\u{3099}", "て", "e", "゛"] {
                let joined: String = highlight(s, &Query::parse(q)).into_iter().map(|x| x.text).collect();
                assert_eq!(joined, s);
            }
        }
        assert_eq!(fold_mapped("ab").source_range(1..1), None);
        assert_eq!(fold_mapped("ab").source_range(1..9), None);
    }

    #[test]
    fn highlight_reproduces_the_text() {
        let texts = [
            "デジタル化の促進（ＤＸ）",
            "ﾃﾞｼﾞﾀﾙ化とﾊﾟｿｺﾝ講習",
            "創業 塾\u{3000}の開催 🎉👨‍👩‍👧 emoji",
            "２－①－ａ 事業者支援",
            "한국어 가각 Ελληνικά ÄÖÜ İstanbul",
            "ｻｰﾋﾞｽ・サービス・さーびす",
            "㍻３１年度 ㈱カマ",
        ];
        let queries = ["", "デジタル", "ﾃﾞｼﾞﾀﾙ", "dx", "創業塾", "2-1", "🎉", "ä", "i", "さ-びす", "平成", "株", "가"];
        for t in texts {
            for q in queries {
                let segs = highlight(t, &Query::parse(q));
                let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
                assert_eq!(joined, t, "query {q:?}");
                assert!(segs.windows(2).all(|w| w[0].hit != w[1].hit), "unmerged: {segs:?}");
                // Whole-text match iff some hit exists for a one-word query.
                let q = Query::parse(q);
                if q.words().len() == 1 {
                    assert_eq!(q.matches(&fold(t)), segs.iter().any(|s| s.hit), "{t} / {q:?}");
                }
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_nfkc() {
        let ranges = ['\u{3000}'..='\u{9FFF}', '\u{FF01}'..='\u{FF5E}', '\u{0}'..='\u{7F}'];
        for c in ranges.into_iter().flatten() {
            let mut slow = String::new();
            for n in unicode_normalization::UnicodeNormalization::nfkc(c.to_string().as_str()) {
                fold_char(n, |f| slow.push(f));
            }
            assert_eq!(fold(&c.to_string()), slow, "U+{:04X}", u32::from(c));
        }
    }

    /// Pseudo-random strings over an awkward alphabet: highlight must never
    /// panic, must reproduce the text, and fold_mapped must agree with fold.
    #[test]
    fn highlight_fuzz() {
        let alphabet: Vec<char> =
            "aAＡ-－ー ｰ\u{3000}ﾃﾞﾟｼﾀハ\u{3099}\u{309A}゛デでe\u{0301}가\u{1161}\u{11A8}①😀İ".chars().collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..2000 {
            let len = next(12);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let qlen = next(4);
            let q: String = (0..qlen).map(|_| alphabet[next(alphabet.len())]).collect();
            let query = Query::parse(&q);
            assert_eq!(fold_mapped(&text).as_str(), fold(&text));
            let segs = highlight(&text, &query);
            let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(joined, text);
            let folded = fold(&text);
            let any_word = query.words().iter().any(|w| folded.contains(w.as_str()));
            assert_eq!(segs.iter().any(|s| s.hit), any_word, "{text:?} {q:?}");
        }
    }
}
