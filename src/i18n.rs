//! The interface strings (`kama_plan::present::i18n`, one table for the app and the
//! prerendered first paint) with the app's reactive lookups.

pub use kama_plan::present::i18n::*;
use leptos::prelude::*;

use crate::adapters::fetch::FetchError;
use crate::adapters::BrowserError;

/// The current interface language, provided by the app at its root.
#[derive(Debug, Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The interface language as a signal (Japanese when no app provides one).
pub fn use_lang() -> Signal<Lang> {
    let lang = use_context::<UiLang>().map(|l| l.0);
    Signal::derive(move || lang.map(|l| l.get()).unwrap_or_default())
}

/// Reactive lookup of one string, for use inside `view!`.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || msg.get(lang.get())
}

/// A local date and time: 「2026年11月25日 14:03」 / "2026-11-25 14:03".
pub fn date_time(lang: Lang, t: crate::adapters::clock::LocalTime) -> String {
    let crate::adapters::clock::LocalTime { year, month, day, hour, minute } = t;
    match lang {
        Lang::Ja => format!("{year}年{month}月{day}日 {hour:02}:{minute:02}"),
        Lang::En => format!("{year}-{month:02}-{day:02} {hour:02}:{minute:02}"),
    }
}

/// 「商工観光課 · 2026年11月25日 14:03」: who, and when in local time.
pub fn stamp(lang: Lang, stamp: &kama_plan::progress::Stamp) -> String {
    let when = date_time(lang, crate::adapters::clock::local_time(stamp.updated_at));
    match &stamp.author {
        Some(a) => format!("{a} · {when}"),
        None => when,
    }
}

/// Why a file beside the page could not be had from the site.
pub fn fetch_error(lang: Lang, e: &FetchError) -> String {
    match (lang, e) {
        (_, FetchError::Status(404)) => FETCHED_NOT_FOUND.get(lang).to_string(),
        (_, FetchError::NotText) => FETCHED_NOT_TEXT.get(lang).to_string(),
        (Lang::Ja, FetchError::Status(status)) => format!("サイトから取得できませんでした（HTTP {status}）。"),
        (Lang::En, FetchError::Status(status)) => format!("The site did not give it (HTTP {status})."),
        (Lang::Ja, FetchError::Browser(e)) => format!("サイトから取得できませんでした（{e}）。"),
        (Lang::En, FetchError::Browser(e)) => format!("It could not be fetched from the site ({e})."),
    }
}

/// Why an opened plan could not be kept in this browser.
pub fn keep_plan_failure(lang: Lang, failure: &crate::adapters::storage::StorageFailure) -> String {
    use crate::adapters::storage::StorageFailure::*;
    match (lang, failure) {
        (Lang::Ja, Full) => "ブラウザの保存領域がいっぱいのため、計画を保存できませんでした。使わない計画を「このブラウザから削除」してから、もう一度開いてください。".into(),
        (Lang::En, Full) => "Browser storage is full, so the plan could not be kept. Remove plans you no longer use from this browser, then open it again.".into(),
        (Lang::Ja, Unavailable(e)) => format!("このブラウザでは計画を保存できません（{e}）。"),
        (Lang::En, Unavailable(e)) => format!("This browser cannot keep the plan ({e})."),
    }
}

/// A picked file the browser could not read, with its words.
pub fn unreadable(lang: Lang, e: &BrowserError) -> String {
    match lang {
        Lang::Ja => format!("{}（{e}）", FILE_UNREADABLE.get(lang)),
        Lang::En => format!("{} ({e})", FILE_UNREADABLE.get(lang)),
    }
}
