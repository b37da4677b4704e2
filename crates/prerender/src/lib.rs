//! The first paint, as static HTML written into `index.html` at build time:
//! the masthead, the view tabs, the record bar and every initiative of the
//! plan, in Japanese, unfiltered. The list is the app's own `PlanTree`,
//! rendered natively, so its markup is the app's by construction.
//!
//! Why: the wasm takes a few hundred milliseconds to arrive, compile and
//! render; with this the plan is on screen (and readable, findable and
//! printable with JavaScript or WebAssembly switched off) from the first
//! paint. The app removes it and mounts itself in one task, so the two are
//! never both in the DOM.

use std::fmt::Write;

use kama_plan::present::i18n::{self, Lang, Msg};
use kama_plan::query::PlanIndex;
use kama_plan::view_state::ViewState;
use kama_plan::Plan;
use kama_sme_app::state::Explore;
use kama_sme_app::ui::first::filters::FilterBar;
use kama_sme_app::ui::first::masthead::{Masthead, ViewTabs};
use kama_sme_app::ui::first::plan_tree::PlanTree;
use kama_sme_app::ui::first::record_bar::ReadOnlyNote;
use leptos::prelude::*;

pub use kama_sme_app::adapters::first_paint::ROOT_ID;

/// Where the prerendered markup goes: at the end of the body, after the
/// `<noscript>` notice.
const BODY_END: &str = "</body>";

const JA: Lang = Lang::Ja;

fn t(msg: Msg) -> &'static str {
    msg.get(JA)
}

/// Effects are scheduled on an executor: this one drops them, since the
/// first paint is static (they run in the browser, in the app).
struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The app's own components of the first screen, rendered as the app draws
/// them for an unfiltered list: the masthead with the tabs, and the list.
struct Rendered {
    top: String,
    note: String,
    /// The filter panel's top: the search box can be typed in at once.
    search: String,
    tree: String,
}

fn render(plan: &'static Plan) -> Rendered {
    // Already set by an earlier call: the same executor.
    let _ = any_spawner::Executor::init_custom_executor(NoEffects);
    let index: &'static PlanIndex = Box::leak(Box::new(PlanIndex::new(plan)));
    let owner = Owner::new();
    // Rendering once reads every signal outside any tracking context, which
    // is the point here: no warnings for it.
    let _static = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    let rendered = owner.with(|| {
        let explore = Explore::at(plan, index, ViewState::default());
        let top = view! {
            <Masthead plan first_paint=true />
            <ViewTabs explore on_approach=Callback::new(|_| ()) first_paint=true />
        };
        let note = view! { <ReadOnlyNote setup_open=Signal::stored(false) on_start=Callback::new(|()| ()) first_paint=true /> };
        let search = view! { <FilterBar explore open_on_phone=RwSignal::new(false) first_paint=true /> };
        let tree = view! { <PlanTree explore on_approach=Callback::new(|()| ()) /> };
        Rendered {
            top: without_markers(top.to_html()),
            note: without_markers(note.to_html()),
            search: without_markers(search.to_html()),
            tree: without_markers(tree.to_html()),
        }
    });
    owner.cleanup();
    rendered
}

/// `<!>` marks where hydration would find text between dynamic parts; the
/// app replaces the first paint rather than hydrating it, so they go.
fn without_markers(html: String) -> String {
    html.replace("<!>", "")
}

/// The prerendered first paint of `plan`, one `<div id="prerendered">`.
pub fn first_paint(plan: &'static Plan) -> String {
    let mut html = String::with_capacity(64 * 1024);
    let Rendered { top, note, search, tree } = render(plan);
    let _ =
        write!(html, r##"<div id="{ROOT_ID}"><a class="skip-link" href="#main">{}</a>{top}"##, t(i18n::SKIP_TO_MAIN));
    // Shown by public/boot-check.js if the app fails to start: without it
    // this page would look like a working app that ignores every click.
    let _ = write!(
        html,
        r#"<div class="notice warning boot-failed" role="alert" hidden><p lang="ja">{}</p><p lang="en">{}</p></div>"#,
        i18n::APP_FAILED.ja,
        i18n::APP_FAILED.en
    );
    // Shown instead of the rest by public/boot-check.js when the address names
    // another plan than the embedded one.
    let _ = write!(html, r#"<p class="prompt plan-loading" role="status" hidden>{}</p>"#, t(i18n::PLAN_LOADING));
    // As the app's record bar opens for a visitor (staff browsers switch to
    // their own once the app starts).
    let _ = write!(
        html,
        r#"<div class="record-bar no-print" role="region" aria-label="{}">{note}</div>"#,
        t(i18n::RECORD_BAR)
    );
    let _ = write!(
        html,
        r#"<div class="explore"><aside class="filters" aria-label="{}">{search}</aside><main id="main" class="layout" tabindex="-1">"#,
        t(i18n::FILTERS)
    );
    html.push_str(&tree);
    let _ = write!(
        html,
        r#"<section class="detail" aria-label="{}"></section></main></div><footer class="site-footer"><p>{}<span lang="ja">{}</span>{}</p></footer></div>"#,
        t(i18n::DETAIL),
        t(i18n::SOURCE_BEFORE),
        escape(&plan.plan.title),
        t(i18n::SOURCE_AFTER)
    );
    html
}

#[derive(Debug, PartialEq, Eq)]
pub enum InsertError {
    /// The page has no `<body>` to put the first paint in.
    NoBody,
    /// The page has been prerendered already.
    AlreadyThere,
    /// index.html lacks the placeholder for the plan's title or description.
    NoSlot(&'static str),
}

impl std::fmt::Display for InsertError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InsertError::NoBody => write!(f, "the page has no {BODY_END}"),
            InsertError::AlreadyThere => write!(f, "the page already has a #{ROOT_ID}"),
            InsertError::NoSlot(slot) => write!(f, "the page has no placeholder {slot}"),
        }
    }
}

/// `page` (Trunk's index.html, minified or not) with `first_paint` at the
/// end of its body.
pub fn insert(page: &str, first_paint: &str) -> Result<String, InsertError> {
    if page.contains(&format!("id=\"{ROOT_ID}\"")) || page.contains(&format!("id={ROOT_ID}")) {
        return Err(InsertError::AlreadyThere);
    }
    let at = page.rfind(BODY_END).ok_or(InsertError::NoBody)?;
    Ok(format!("{}{first_paint}{}", &page[..at], &page[at..]))
}

/// What index.html holds where the plan's title and description go: the
/// page is the same for any plan, and the build names it.
pub const TITLE_SLOT: &str = "plan-page-title";
pub const DESCRIPTION_SLOT: &str = "plan-page-description";

/// `page` with the plan's title in `<title>` and its description in
/// `<meta name="description">` (quoted again if the minifier unquoted the
/// placeholder).
pub fn name_the_page(page: &str, plan: &Plan) -> Result<String, InsertError> {
    if !page.contains(TITLE_SLOT) {
        return Err(InsertError::NoSlot(TITLE_SLOT));
    }
    if !page.contains(DESCRIPTION_SLOT) {
        return Err(InsertError::NoSlot(DESCRIPTION_SLOT));
    }
    let description = format!("\"{}\"", escape(&i18n::site_description(plan)));
    let quoted = format!("\"{DESCRIPTION_SLOT}\"");
    let page = if page.contains(&quoted) {
        page.replacen(&quoted, &description, 1)
    } else {
        page.replacen(DESCRIPTION_SLOT, &description, 1)
    };
    Ok(page.replacen(TITLE_SLOT, &escape(&i18n::page_title(Lang::Ja, &plan.plan.title)), 1))
}

/// The web app manifest with the plan's names in place of the template's.
pub fn manifest(json: &str, plan: &Plan) -> Result<String, serde_json::Error> {
    let mut manifest: serde_json::Value = serde_json::from_str(json)?;
    if let Some(fields) = manifest.as_object_mut() {
        let (name, short_name) = i18n::app_names(plan);
        fields.insert("name".into(), name.into());
        fields.insert("short_name".into(), short_name.into());
        fields.insert("description".into(), i18n::site_description(plan).into());
    }
    let mut out = serde_json::to_string_pretty(&manifest)?;
    out.push('\n');
    Ok(out)
}

/// Text for HTML, in an element or a quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
