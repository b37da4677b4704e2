//! Side effects at the edge of the app: each adapter wraps one browser API.

pub mod clock;
pub mod download;
pub mod echarts;
pub mod fetch;
pub mod file_input;
pub mod first_paint;
pub mod focus;
pub mod history;
pub mod idle;
pub mod lifecycle;
pub mod linked_file;
pub mod offline;
pub mod pending;
pub mod plan_shelf;
pub mod prefs;
pub mod storage;
pub mod timing;

/// Something the browser refused, in its own words (they become the detail
/// of a message worded in `crate::i18n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrowserError(pub String);

impl std::fmt::Display for BrowserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for BrowserError {
    fn from(detail: &str) -> Self {
        BrowserError(detail.to_string())
    }
}

/// A browser error as a value.
pub(crate) fn describe(e: wasm_bindgen::JsValue) -> BrowserError {
    BrowserError(e.as_string().unwrap_or_else(|| format!("{e:?}")))
}
