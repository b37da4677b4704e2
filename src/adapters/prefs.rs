//! Small preferences kept in this browser (LocalStorage). Losing them is
//! harmless, so failures fall back to defaults silently.

use leptos::prelude::*;

use super::storage;
use kama_plan::staff::Profile;

use crate::i18n::Lang;

const LANG_KEY: &str = "kama-sme-tracker:lang";
/// The recorder's name (the only part of the profile before roles existed).
const AUTHOR_KEY: &str = "kama-sme-tracker:author";
const ROLE_KEY: &str = "kama-sme-tracker:role";
const OWNER_KEY: &str = "kama-sme-tracker:owner";
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

/// Who uses this browser, and the name staff sign their records with.
pub fn load_profile() -> Profile {
    let read = |key| storage::read(key).ok().flatten();
    Profile::read(read(ROLE_KEY).as_deref(), read(AUTHOR_KEY).as_deref(), read(OWNER_KEY).as_deref())
}

/// Where the profile is kept: a change to any of them in another tab is a
/// change of recorder.
pub const PROFILE_KEYS: [&str; 3] = [ROLE_KEY, AUTHOR_KEY, OWNER_KEY];

pub fn save_profile(profile: &Profile) {
    let _ = storage::write(ROLE_KEY, profile.role.code());
    let _ = storage::write(AUTHOR_KEY, &profile.name);
    let _ = storage::write(OWNER_KEY, &profile.owner);
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
