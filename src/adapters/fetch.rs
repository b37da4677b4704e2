//! Files fetched from beside `index.html` (same origin, relative URLs).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{describe, BrowserError};

/// Why a file beside the page could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer (offline, blocked), or the answer could not be read.
    Browser(BrowserError),
    /// The host answered with this HTTP status.
    Status(u16),
    /// Not text.
    NotText,
}

/// The technical detail (`HTTP 500`, the browser's words), for a message
/// that says the rest; `crate::i18n::fetch_error` words it whole.
impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Browser(e) => e.fmt(f),
            FetchError::Status(status) => write!(f, "HTTP {status}"),
            FetchError::NotText => f.write_str("not text"),
        }
    }
}

impl From<BrowserError> for FetchError {
    fn from(e: BrowserError) -> Self {
        FetchError::Browser(e)
    }
}

/// The file's text; `Ok(None)` when the host says it is not there (404).
pub async fn text_if_present(file: &str) -> Result<Option<String>, FetchError> {
    let response = JsFuture::from(window().fetch_with_str(file)).await.map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().map(Some).ok_or(FetchError::NotText)
}

pub async fn text(file: &str) -> Result<String, FetchError> {
    text_if_present(file).await?.ok_or(FetchError::Status(404))
}
