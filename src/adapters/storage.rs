//! LocalStorage, through `gloo-storage`, without ever panicking: gloo's own
//! accessors throw when storage is disabled (private modes, blocked
//! contexts), so every call first asks the browser whether it has storage.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Why something could not be kept.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageFailure {
    /// No storage at all (disabled, blocked, or the browser refused access).
    Unavailable(super::BrowserError),
    /// QuotaExceededError: nothing was written.
    Full,
}

fn available() -> Result<(), StorageFailure> {
    match window().local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(StorageFailure::Unavailable("no localStorage".into())),
        Err(e) => Err(StorageFailure::Unavailable(super::describe(e))),
    }
}

pub fn read(key: &str) -> Result<Option<String>, StorageFailure> {
    available()?;
    LocalStorage::raw().get_item(key).map_err(|e| StorageFailure::Unavailable(super::describe(e)))
}

pub fn write(key: &str, text: &str) -> Result<(), StorageFailure> {
    available()?;
    LocalStorage::raw().set_item(key, text).map_err(|e| {
        let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
        if name == "QuotaExceededError" {
            StorageFailure::Full
        } else {
            StorageFailure::Unavailable(super::describe(e))
        }
    })
}

pub fn remove(key: &str) {
    if available().is_ok() {
        LocalStorage::delete(key);
    }
}

/// Keys that start with `prefix`, sorted.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    if available().is_err() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<String> =
        (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect();
    keys.sort_unstable();
    keys
}

/// Calls `changed` with the new value whenever another tab writes `key`
/// (the `storage` event never fires in the tab that wrote).
pub fn on_change_elsewhere(key: String, changed: impl Fn(Option<String>) + 'static) {
    let handler = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
        // A `null` key means another tab cleared all of storage.
        match ev.key() {
            Some(k) if k == key => changed(ev.new_value()),
            None => changed(None),
            Some(_) => {}
        }
    });
    let _ = window().add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    // Listens for the page's lifetime.
    handler.forget();
}

/// Asks the browser not to evict this site's storage under pressure (Chrome
/// decides silently; Firefox may ask the user). Staff's records are the
/// only copy until exported, so this is asked once they have some.
pub fn ask_to_persist() {
    if let Ok(promise) = window().navigator().storage().persist() {
        // The answer changes nothing here: exporting stays the backup.
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}
