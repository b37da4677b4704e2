use kama_plan::plan_shelf;
use kama_plan::view_state::{PlanSource, View};
use kama_plan::{plan_pack, EMBEDDED_PLAN_PACK};
use leptos::prelude::*;

use crate::adapters::fetch::{self, FetchError};
use crate::adapters::{focus, linked_file, prefs, storage, timing};
use crate::i18n::{self, t, UiLang};
use crate::state::{Explore, Progress};
use crate::ui::first::detail::Detail;
use crate::ui::first::filters::FilterPanel;
use crate::ui::first::masthead::{Masthead, ViewTabs};
use crate::ui::first::plan_tree::PlanTree;
use crate::ui::first::record_bar::{RecordBar, SetupToggle};
use crate::ui::loading;
use crate::ui::ready::{self, Part, Ready};
use crate::ui::splits;
use crate::ui::PlanRef;

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(prefs::load_lang());
    provide_context(UiLang(lang));
    Effect::new(move |_| prefs::apply_lang(lang.get()));
    let Some(source) = linked_file::plan_source() else {
        // The embedded plan, read at once.
        return shown(embedded(), true);
    };
    // Another plan: its file (kept by 「別の計画を開く」 in this browser, or
    // beside the page), read by the JSON reader's split file.
    let loaded = RwSignal::new(None::<Result<PlanRef, PlanLoadError>>);
    leptos::task::spawn_local(async move {
        let json = match source {
            PlanSource::Saved(id) => match storage::read(&plan_shelf::plan_key(&id)) {
                Ok(Some(json)) => Ok(json),
                _ => Err(PlanLoadError::NotSaved(id.as_str().to_string())),
            },
            PlanSource::File(file) => fetch::text(file.as_str()).await.map_err(PlanLoadError::Fetch),
        };
        let plan = match json {
            Ok(json) => read_json(json).await,
            Err(error) => Err(error),
        };
        loaded.set(Some(plan));
    });
    view! {
        {move || match loaded.get() {
            None => view! { <p class="prompt" role="status">{t(i18n::PLAN_LOADING)}</p> }.into_any(),
            Some(plan) => shown(plan, false),
        }}
    }
    .into_any()
}

/// The tracker of `plan`, or why there is none.
fn shown(plan: Result<PlanRef, PlanLoadError>, with_published: bool) -> AnyView {
    match plan {
        Ok(plan) => view! { <Tracker plan with_published /> }.into_any(),
        Err(error) => view! { <LoadError error /> }.into_any(),
    }
}

/// Why the plan could not be had.
#[derive(Debug, Clone)]
enum PlanLoadError {
    /// A plan file named by `?plan=` could not be fetched.
    Fetch(FetchError),
    /// Not a plan file, in the JSON reader's words.
    Invalid(String),
    /// `plan=saved:<id>` names a plan this browser does not keep.
    NotSaved(String),
    /// The JSON reader's split file could not be fetched.
    ReaderMissing,
}

/// The embedded plan, unpacked. Leaked once per load: the plan lives as long
/// as the page.
fn embedded() -> Result<PlanRef, PlanLoadError> {
    timing::measure("kama:plan-parse", || plan_pack::unpack(EMBEDDED_PLAN_PACK))
        .map(|plan| &*Box::leak(Box::new(plan)))
        .map_err(|e| PlanLoadError::Invalid(format!("{e:?}")))
}

/// A plan file's text, read. Leaked once per load, as [`embedded`].
async fn read_json(json: String) -> Result<PlanRef, PlanLoadError> {
    match splits::read_plan_json(json).await {
        Ok(Ok(plan)) => Ok(&*Box::leak(Box::new(plan))),
        Ok(Err(detail)) => Err(PlanLoadError::Invalid(detail)),
        Err(_) => Err(PlanLoadError::ReaderMissing),
    }
}

/// What a user opens: filters, then the plan as a list beside the open
/// initiative, or as a timeline.
#[component]
fn Tracker(
    /// The plan shown, filtered and recorded against.
    plan: PlanRef,
    /// Whether to look for the city's published record (not for a plan
    /// loaded by URL, which it could not belong to).
    with_published: bool,
) -> impl IntoView {
    let explore = Explore::new(plan);
    let progress = Progress::new(plan, with_published);
    splits::open_store(progress);
    // A memo, so that moving between two filtered views keeps the panel as it is.
    let show_filters = Memo::new(move |_| filtered(explore.view.get()));
    let show_conflicts = Callback::new(move |()| {
        explore.set_view(View::Progress);
        focus::element("conflicts");
    });
    // What the first file's components load from split files.
    let opened = Callback::new(move |initiative: &'static kama_plan::Initiative| {
        loading::show(Part::Detail(initiative.id), move || splits::initiative_detail(explore, progress, initiative))
    });
    let recorder_actions = Callback::new(move |setup: SetupToggle| {
        loading::show_panel(move || splits::recorder_actions(progress, setup.open, setup.toggle, show_conflicts))
    });
    let staff_setup =
        Callback::new(move |on_done: Callback<()>| loading::show_panel(move || splits::staff_setup(progress, on_done)));
    let retry_store = Callback::new(move |()| splits::open_store(progress));
    let approach_list = Callback::new(|()| splits::preload(View::List));
    let preload_view = Callback::new(splits::preload);
    let view = explore.view;
    let edits_here = Signal::derive(move || view.get().edits_records());
    let ready = Ready::provide();
    let ready_mark = move || ready.mark(view.get(), explore.open.get(), progress.settled());
    if let Some(id) = explore.open.get_untracked() {
        focus::reveal_row(id);
    }
    // A request or answer file linked with `?open=` opens where files are read.
    if linked_file::opened().is_some() && explore.view.get_untracked() != View::Progress {
        explore.set_view(View::Progress);
    }
    let lang = i18n::use_lang();
    // The tab title names the open initiative, in the interface language.
    Effect::new(move |_| {
        let site = i18n::page_title(lang.get(), &plan.plan.title);
        let title = match explore.open.get().and_then(|id| plan.initiative(id)) {
            Some(i) => format!("{} {} — {site}", i.id, plan.display_name(i)),
            None => site.to_string(),
        };
        document().set_title(&title);
    });
    view! {
        <crate::ui::first::update_banner::UpdateBanner />
        <a class="skip-link" href="#main">{t(i18n::SKIP_TO_MAIN)}</a>
        <Masthead plan />
        <ViewTabs explore on_approach=preload_view />
        <RecordBar progress recorder_actions staff_setup on_retry_store=retry_store edits_here />
        // Filters shape the list, the timeline and the composition charts;
        // the record views show the whole plan.
        <div class="explore" class:no-filters=move || !show_filters.get()>
            {move || show_filters.get().then(|| view! { <FilterPanel explore encode_plan=splits::plan_encoder /> })}
            <main id="main" class="layout" class:detail-open=move || explore.open.get().is_some() tabindex="-1" data-ready=ready_mark>
                {move || match view.get() {
                    View::List => {
                        ready::rendered(Part::View(View::List));
                        view! { <PlanTree explore on_approach=approach_list /> <Detail explore opened /> }.into_any()
                    }
                    View::Timeline => loading::show(Part::View(View::Timeline), move || splits::timeline(explore)),
                    View::Progress => loading::show(Part::View(View::Progress), move || splits::progress(explore, progress)),
                    View::Report => loading::show(Part::View(View::Report), move || splits::report(explore, progress)),
                    View::Kpis => loading::show(Part::View(View::Kpis), move || splits::kpis(explore, progress)),
                    View::Charts => loading::show(Part::View(View::Charts), move || splits::charts(explore, progress)),
                }}
            </main>
        </div>
        <footer class="site-footer">
            <p>{t(i18n::SOURCE_BEFORE)} <span lang="ja">{plan.plan.title.clone()}</span> {t(i18n::SOURCE_AFTER)}</p>
        </footer>
    }
}

fn filtered(view: View) -> bool {
    matches!(view, View::List | View::Timeline | View::Charts)
}

#[component]
fn LoadError(
    /// What failed, told in the detail under the heading.
    error: PlanLoadError,
) -> impl IntoView {
    // The heading says what failed; the detail stays technical.
    let detail = match &error {
        PlanLoadError::Fetch(e) => Some(e.to_string()),
        PlanLoadError::Invalid(detail) | PlanLoadError::NotSaved(detail) => Some(detail.clone()),
        PlanLoadError::ReaderMissing => None,
    };
    let not_saved = matches!(error, PlanLoadError::NotSaved(_));
    view! {
        <main class="load-error" role="alert" data-ready="load-error">
            <h1>{t(i18n::LOAD_ERROR)}</h1>
            // A shared link to a plan opened in someone else's browser.
            {not_saved.then(|| view! {
                <p>{t(i18n::PLAN_NOT_SAVED)}</p>
                <p><a href="./?view=progress#plans">{t(i18n::OPEN_OTHER_PLAN)}</a></p>
            })}
            {match detail {
                Some(detail) => view! { <pre>{detail}</pre> }.into_any(),
                None => view! { <p>{t(i18n::CODE_LOAD_FAILED)}</p> }.into_any(),
            }}
        </main>
    }
}
