//! Apache ECharts, from our own file and only when a chart is on screen.
//!
//! `load` adds `<script src="vendor/echarts-<version>-kama.js">` once (a file,
//! not inline code, so a strict CSP with `script-src 'self'` allows it) and
//! waits for it; the file is our minimal bundle, made at build time by
//! `scripts/build-echarts.mjs`, which sets `window.echarts`. `Chart` is one
//! ECharts instance: options are replaced whole (`notMerge`), it follows its
//! container's size, and `dispose` frees it. charming's `WasmRenderer` is not
//! used: it cannot dispose nor replace options.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{describe, BrowserError};

/// The bundled ECharts release. Must equal the `echarts` version in
/// package-lock.json: `scripts/build-echarts.mjs` names the file after it and
/// stops the build when the two disagree.
pub const ECHARTS_VERSION: &str = "6.1.0";

/// The bundle, relative to the page (the app works from any directory).
pub fn script_src() -> String {
    format!("vendor/echarts-{ECHARTS_VERSION}-kama.js")
}

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (`echarts.init`'s result).
    #[derive(Debug, Clone)]
    type EChartsInstance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(dom: &web_sys::HtmlElement, theme: &JsValue, opts: &JsValue) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &EChartsInstance, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn on(this: &EChartsInstance, event: &str, handler: &js_sys::Function) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn resize(this: &EChartsInstance) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn dispose(this: &EChartsInstance) -> Result<(), JsValue>;
}

/// The script being loaded, shared by every chart that asks meanwhile.
struct Loading {
    script: web_sys::HtmlScriptElement,
    done: js_sys::Promise,
}

thread_local! {
    static LOADING: RefCell<Option<Loading>> = const { RefCell::new(None) };
}

/// Whether `window.echarts` is there.
fn loaded() -> bool {
    js_sys::Reflect::get(&window(), &JsValue::from_str("echarts"))
        .ok()
        .and_then(|e| js_sys::Reflect::get(&e, &JsValue::from_str("init")).ok())
        .is_some_and(|init| init.is_function())
}

/// Loads ECharts once; every later call returns at once. A failure (offline
/// before the file was ever cached, a blocked request) removes the script,
/// so the next chart to open tries again.
pub async fn load() -> Result<(), BrowserError> {
    if loaded() {
        return Ok(());
    }
    let done = match LOADING.with(|l| l.borrow().as_ref().map(|l| l.done.clone())) {
        Some(done) => done,
        None => start()?,
    };
    let result = JsFuture::from(done.clone()).await;
    match result {
        Ok(_) if loaded() => Ok(()),
        Ok(_) => {
            forget(&done);
            Err(BrowserError(format!("{}: no window.echarts", script_src())))
        }
        Err(_) => {
            forget(&done);
            Err(BrowserError(format!("{}: could not be loaded", script_src())))
        }
    }
}

fn start() -> Result<js_sys::Promise, BrowserError> {
    let document = document();
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| BrowserError::from("not a script element"))?;
    script.set_src(&script_src());
    script.set_async(true);
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    let head = document.head().ok_or(BrowserError::from("no <head>"))?;
    head.append_child(&script).map_err(describe)?;
    LOADING.with(|l| *l.borrow_mut() = Some(Loading { script, done: done.clone() }));
    Ok(done)
}

/// Forgets the failed attempt that gave `done`. Every chart that waited on it
/// comes here; one may already have started the next attempt, which is left
/// alone (removing its script would leave its charts waiting forever).
fn forget(done: &js_sys::Promise) {
    let failed = LOADING.with(|l| {
        let mut l = l.borrow_mut();
        let ours = l.as_ref().is_some_and(|loading| js_sys::Object::is(&loading.done, done));
        if ours {
            l.take()
        } else {
            None
        }
    });
    if let Some(loading) = failed {
        loading.script.remove();
    }
}

/// Defaults for every chart, as an ECharts theme (so the options the core
/// builds stay as they are): tooltips drawn on the canvas (`richText`). The
/// default HTML tooltip writes its markup with `style="…"` attributes, which
/// the page's CSP (`style-src 'self'`, no `'unsafe-inline'`) blocks.
fn theme() -> Result<JsValue, BrowserError> {
    let tooltip = js_sys::Object::new();
    js_sys::Reflect::set(&tooltip, &"renderMode".into(), &"richText".into()).map_err(describe)?;
    let theme = js_sys::Object::new();
    js_sys::Reflect::set(&theme, &"tooltip".into(), &tooltip).map_err(describe)?;
    Ok(theme.into())
}

/// One ECharts instance on one element.
pub struct Chart {
    instance: EChartsInstance,
    observer: Option<web_sys::ResizeObserver>,
    /// Kept alive as long as the observer may call it.
    _on_resize: Option<Closure<dyn FnMut()>>,
    /// Kept alive as long as the instance may call it.
    _on_finished: Closure<dyn FnMut()>,
}

impl Chart {
    /// Draws into `element` (call after `load`); the chart follows the
    /// element's size from then on, and `on_width` hears the element's width
    /// in CSS pixels now and after every resize (the legend wraps to it).
    /// `on_finished` hears ECharts' `finished` event: a render, animation
    /// included, is complete and nothing more is waiting to be drawn.
    pub fn init(
        element: &web_sys::HtmlElement,
        on_width: impl Fn(f64) + 'static,
        on_finished: impl FnMut() + 'static,
    ) -> Result<Chart, BrowserError> {
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"renderer".into(), &"canvas".into()).map_err(describe)?;
        let instance = echarts_init(element, &theme()?, &opts).map_err(describe)?;
        let on_finished = Closure::<dyn FnMut()>::new(on_finished);
        instance.on("finished", on_finished.as_ref().unchecked_ref()).map_err(describe)?;
        on_width(f64::from(element.client_width()));
        let on_resize = {
            let instance = instance.clone();
            let element = element.clone();
            Closure::<dyn FnMut()>::new(move || {
                let _ = instance.resize();
                on_width(f64::from(element.client_width()));
            })
        };
        // Without ResizeObserver the chart keeps its first size: still readable.
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(element);
        }
        let on_resize = observer.is_some().then_some(on_resize);
        Ok(Chart { instance, observer, _on_resize: on_resize, _on_finished: on_finished })
    }

    /// Replaces the whole option with `json` (from `kama_plan::present::charts::option_json`).
    /// ECharts may report `finished` before this returns.
    pub fn set_option(&self, json: &str) -> Result<(), BrowserError> {
        let option = js_sys::JSON::parse(json).map_err(describe)?;
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE).map_err(describe)?;
        self.instance.set_option(&option, &opts).map_err(describe)
    }

    /// Stops following the element's size and frees the instance.
    pub fn dispose(self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        let _ = self.instance.dispose();
    }
}
