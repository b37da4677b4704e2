//! 再掲 notes in the 取組 text. The table spells them several ways:
//! `（3-①-aの再掲）`, `(2-①のaの再掲)` — this row re-lists that one —
//! and `(4-1-bで再掲)`, `(4-①-aに再掲)` — this row is re-listed there.

use crate::plan::InitiativeId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RelistNotes {
    /// `…の再掲`: the original this row repeats.
    pub original: Option<InitiativeId>,
    /// `…で再掲` / `…に再掲`, verbatim as written (it may be wrong, see corrections).
    pub relisted_at: Vec<(InitiativeId, String)>,
}

pub(crate) fn read(text: &str) -> RelistNotes {
    let mut notes = RelistNotes { original: None, relisted_at: Vec::new() };
    let mut rest = text;
    while let Some(at) = rest.find("再掲") {
        let before = &rest[..at];
        rest = &rest[at + "再掲".len()..];
        let Some(open) = before.rfind(['(', '（']) else { continue };
        let inner = before[open..].trim_start_matches(['(', '（']);
        let mut chars = inner.chars();
        let particle = chars.next_back();
        let Ok(id) = chars.as_str().parse::<InitiativeId>() else { continue };
        match particle {
            Some('の') => notes.original = Some(id),
            Some('で' | 'に') => notes.relisted_at.push((id, chars.as_str().to_string())),
            _ => {}
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> InitiativeId {
        s.parse().unwrap_or_else(|e| panic!("test code {s}: {e}"))
    }

    #[test]
    fn every_spelling_in_the_table() {
        assert_eq!(read("…を促します。（3-①-aの再掲）").original, Some(id("3-①-a")));
        assert_eq!(read("…を行います。(2-①のaの再掲)").original, Some(id("2-①-a")));
        let fwd = read("…を支援します。(4-1-bで再掲)");
        assert_eq!(fwd.original, None);
        assert_eq!(fwd.relisted_at, [(id("4-①-b"), "4-1-b".to_string())]);
        assert_eq!(read("…(4-①-aに再掲)").relisted_at[0].0, id("4-①-a"));
    }

    #[test]
    fn a_bare_marker_points_nowhere() {
        assert_eq!(read("(再掲)"), RelistNotes { original: None, relisted_at: vec![] });
        assert_eq!(read("連携促進(再掲)）").original, None);
    }
}
