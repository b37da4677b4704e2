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
pub mod prefs;
pub mod storage;
pub mod timing;

/// A browser error as text for a message.
pub(crate) fn describe(e: wasm_bindgen::JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}
