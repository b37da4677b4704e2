//! The service worker (`sw.js`, written into the build by
//! `scripts/make-sw.mjs`): it keeps this build's files so the app opens
//! offline. Each deployment has a new worker, which waits while a page runs
//! the old version; this module registers the worker, notices the waiting one
//! and switches to it when the user asks.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use super::describe;

/// A long-open tab looks for a new version when shown again, at most this often.
const UPDATE_CHECK_INTERVAL_MS: f64 = 10.0 * 60.0 * 1000.0;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static LAST_CHECK_MS: Cell<f64> = const { Cell::new(0.0) };
}

/// Registers `sw.js` and returns a signal that turns true once a new version
/// is installed and waiting for this page to let it take over. Call once per
/// page. Where service workers are unavailable (old browser, plain http,
/// `file://`, blocked by policy) the app simply works online only.
pub fn watch_updates() -> ReadSignal<bool> {
    let waiting = RwSignal::new(false);
    match container() {
        Some(container) => leptos::task::spawn_local(async move {
            if let Err(e) = register(&container, waiting).await {
                info(&format!("offline copy unavailable: {}", describe(e)));
            }
        }),
        None => info("offline copy unavailable: this browser or page offers no service workers"),
    }
    waiting.read_only()
}

/// Lets the waiting version take over and reloads the page once it controls
/// it, so the page and its cached files are the same build again.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    let (Some(container), Some(worker)) = (container(), waiting) else {
        // Nothing waits any more (another tab already switched): the new
        // version is active, and a reload loads it.
        reload();
        return;
    };
    // Listening only now, not from the start: the very first install also
    // changes the controller, and that must not reload the page.
    let on_change = Closure::<dyn Fn()>::new(reload);
    let listening = container.add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref());
    on_change.forget();
    if listening.is_err() {
        reload();
        return;
    }
    let message = js_sys::Object::new();
    let posted = js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into())
        .and_then(|_| worker.post_message(&message));
    if let Err(e) = posted {
        info(&format!("could not switch to the new version: {}", describe(e)));
        reload();
    }
}

/// `navigator.serviceWorker`, which is missing outside secure contexts.
fn container() -> Option<ServiceWorkerContainer> {
    js_sys::Reflect::get(&window().navigator(), &"serviceWorker".into()).ok()?.dyn_into().ok()
}

async fn register(container: &ServiceWorkerContainer, waiting: RwSignal<bool>) -> Result<(), JsValue> {
    // Both relative to the page, so the app works from any sub-directory.
    let options = RegistrationOptions::new();
    options.set_scope("./");
    let registration: ServiceWorkerRegistration =
        JsFuture::from(container.register_with_options("sw.js", &options)).await?.dyn_into()?;
    REGISTRATION.with(|r| *r.borrow_mut() = Some(registration.clone()));

    // The browser may have found the new version before this code ran: one
    // waiting, or one still installing, and later ones announce themselves.
    if registration.waiting().is_some() && controlled() {
        waiting.try_set(true);
    }
    if let Some(worker) = registration.installing() {
        watch_installing(worker, waiting);
    }
    let on_update_found = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(worker) = registration.installing() {
                watch_installing(worker, waiting);
            }
        })
    };
    registration.add_event_listener_with_callback("updatefound", on_update_found.as_ref().unchecked_ref())?;
    on_update_found.forget();

    // Browsers look for a new sw.js on navigations, which a long-open
    // single-page app rarely makes: look again when the tab is shown.
    LAST_CHECK_MS.with(|t| t.set(js_sys::Date::now()));
    let on_visible = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            check_for_update(&registration);
        }
    });
    document().add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref())?;
    on_visible.forget();
    Ok(())
}

/// A worker that, once installed while this page has a controller, is a new
/// version waiting (the first install has no controller and takes over at once).
fn watch_installing(worker: ServiceWorker, waiting: RwSignal<bool>) {
    let watched = worker.clone();
    // Owned by the worker object: freed with it.
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && controlled() {
            waiting.try_set(true);
        }
    })
    .into_js_value();
    let _ = worker.add_event_listener_with_callback("statechange", on_state.unchecked_ref());
}

fn check_for_update(registration: &ServiceWorkerRegistration) {
    let now = js_sys::Date::now();
    if now - LAST_CHECK_MS.with(Cell::get) < UPDATE_CHECK_INTERVAL_MS {
        return;
    }
    LAST_CHECK_MS.with(|t| t.set(now));
    let Ok(promise) = registration.update() else { return };
    leptos::task::spawn_local(async move {
        // Offline, or the host is down: the next check will do.
        let _ = JsFuture::from(promise).await;
    });
}

fn controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

fn reload() {
    // The reloaded page reads the address: it must have the latest filters.
    super::history::flush();
    let _ = window().location().reload();
}

/// Not `console.error`: having no offline copy is not a fault of the page.
fn info(message: &str) {
    web_sys::console::info_1(&message.into());
}
