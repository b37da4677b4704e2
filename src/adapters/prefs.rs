//! Small preferences kept in this browser (LocalStorage). Losing them is
//! harmless, so failures fall back to defaults silently.

use leptos::prelude::*;

use super::storage;
use crate::i18n::Lang;

const LANG_KEY: &str = "kama-sme-tracker:lang";
const AUTHOR_KEY: &str = "kama-sme-tracker:author";
const LAST_EXPORT_KEY: &str = "kama-sme-tracker:last-export";

pub fn load_lang() -> Lang {
    match storage::read(LANG_KEY).ok().flatten().as_deref() {
        // Written as a JSON string by earlier versions.
        Some("en" | "\"en\"") => Lang::En,
        _ => Lang::Ja,
    }
}

pub fn save_lang(lang: Lang) {
    let _ = storage::write(LANG_KEY, lang.code());
}

/// The name staff sign their records with, set once per browser.
pub fn load_author() -> String {
    storage::read(AUTHOR_KEY).ok().flatten().unwrap_or_default()
}

pub fn save_author(name: &str) {
    let _ = storage::write(AUTHOR_KEY, name);
}

/// When the record was last saved to a file from this browser (ms since the epoch).
pub fn load_last_export() -> Option<i64> {
    storage::read(LAST_EXPORT_KEY).ok().flatten().and_then(|t| t.parse().ok())
}

pub fn save_last_export(ms: i64) {
    let _ = storage::write(LAST_EXPORT_KEY, &ms.to_string());
}

/// Keeps `<html lang>` in step, so screen readers pronounce the page right.
pub fn apply_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}
