//! Small preferences kept in this browser (LocalStorage). Losing them is
//! harmless, so failures fall back to defaults silently.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::i18n::Lang;

const LANG_KEY: &str = "kama-sme-tracker:lang";

pub fn load_lang() -> Lang {
    match LocalStorage::get::<String>(LANG_KEY).ok().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Ja,
    }
}

pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}

/// Keeps `<html lang>` in step, so screen readers pronounce the page right.
pub fn apply_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}
