//! A file beside `index.html` named by the address: `?plan=<file>.json` (a
//! plan, for benchmarks of large generated plans) or `?open=<file>.json` (a
//! request or answer file the 事務局 put on the server). Only a bare name:
//! nothing from another origin or folder.

use super::history;

/// The file named by `param` (`plan`, `open`), percent-decoded.
pub fn named(param: &str) -> Option<String> {
    let query = history::query();
    let raw = query.split('&').find_map(|p| p.strip_prefix(param)?.strip_prefix('='))?;
    let file = js_sys::decode_uri_component(raw).ok()?.as_string()?;
    let bare = !file.starts_with('.')
        && !file.chars().any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '?' | '#' | '%' | '&'));
    (bare && file.ends_with(".json")).then_some(file)
}

thread_local!(static OPENED: Option<String> = named("open"));

/// `?open=` as the page was opened: read at the first call, since the
/// address drops the parameter at its first change.
pub fn opened() -> Option<String> {
    OPENED.with(Clone::clone)
}
