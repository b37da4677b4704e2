//! The app's state: one signal holding the URL's view state, and memos
//! derived from it. Every change goes through the methods here, which also
//! write the URL (filters replace the history entry once changes pause;
//! opening, closing and switching views push one).

use kama_plan::listing::WINDOWING_FROM;
use kama_plan::query::{self, Filters, PlanIndex, QueryResult};
use kama_plan::search::Query;
use kama_plan::timeline::reporting_year;
use kama_plan::view_state::{View, ViewState};
use kama_plan::{FiscalYear, InitiativeId, KpiCode, Plan};
use leptos::prelude::*;

use crate::adapters::{clock, first_paint, focus, history, idle, lifecycle};

#[derive(Clone, Copy)]
pub struct Explore {
    pub plan: &'static Plan,
    state: RwSignal<ViewState>,
    pub result: Memo<QueryResult>,
    pub query: Memo<Query>,
    pub open: Memo<Option<InitiativeId>>,
    pub view: Memo<View>,
    pub filters: Memo<Filters>,
    /// The fiscal year chosen in the progress and report views (`None`: the current one).
    pub year: Memo<Option<FiscalYear>>,
    /// The KPI open in the KPI view.
    pub kpi: Memo<Option<KpiCode>>,
    /// The URL query without `id`, shared by every row's link.
    query_without_open: Memo<String>,
}

impl Explore {
    /// `plan` and its index live as long as the page.
    pub fn new(plan: &'static Plan) -> Explore {
        let index: &'static PlanIndex = Box::leak(Box::new(PlanIndex::new(plan)));
        // The first search would fold every listed row's texts; idle time
        // does it first. (A windowed plan shows a few rows at a time.)
        if plan.initiatives.len() < WINDOWING_FROM {
            let mut rows = plan.initiatives.iter();
            idle::run(move || rows.next().is_some_and(|initiative| query::prepare_row_search(plan, initiative)));
        }
        let mut state = ViewState::from_query(&history::query(), plan);
        // Typed into the first paint's search box while the app was on its way.
        if let Some(text) = first_paint::typed_search() {
            state.filters.text = text;
            history::replace(&state.to_query());
        }
        let explore = Explore::at(plan, index, state);
        let state = explore.state;
        lifecycle::on_page_hide(history::flush);
        history::on_navigate(move |q| {
            let before = state.with_untracked(|s| s.open);
            let now = ViewState::from_query(&q, plan);
            let closed = before.filter(|_| now.open.is_none());
            state.set(now);
            // Back from a detail: keyboard users return to the row they came from.
            if let Some(id) = closed {
                focus::row_link(id);
            }
        });
        explore
    }

    /// The plan shown as `state` says, with no tie to the address bar or the
    /// browser (the first paint is rendered from this at build time).
    pub fn at(plan: &'static Plan, index: &'static PlanIndex, state: ViewState) -> Explore {
        let state = RwSignal::new(state);
        let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
        let query = Memo::new(move |_| filters.with(|f| Query::parse(&f.text)));
        // Text is searched only when the words change; a facet click reuses the hits.
        let text_hits = Memo::new(move |_| query.with(|q| index.text_hits(q)));
        let result = Memo::new(move |_| filters.with(|f| text_hits.with(|h| query::run_with(plan, index, f, h))));
        let open = Memo::new(move |_| state.with(|s| s.open));
        let view = Memo::new(move |_| state.with(|s| s.view));
        let year = Memo::new(move |_| state.with(|s| s.year));
        let kpi = Memo::new(move |_| state.with(|s| s.kpi));
        let query_without_open = Memo::new(move |_| {
            state.with(|s| {
                let filters = s.filters.clone();
                let plan_source = s.plan_source.clone();
                ViewState { open: None, view: View::List, year: None, kpi: None, filters, plan_source }.to_query()
            })
        });
        Explore { plan, state, result, query, open, view, filters, year, kpi, query_without_open }
    }

    pub fn update_filters(self, change: impl FnOnce(&mut Filters)) {
        self.state.update(|s| change(&mut s.filters));
        history::replace_soon(self.state.with_untracked(ViewState::to_query));
    }

    pub fn clear_filters(self) {
        self.update_filters(|f| *f = Filters { fold_relisted: f.fold_relisted, ..Filters::default() });
    }

    /// Opens an initiative in the list view (from the list, a link or the timeline).
    pub fn open(self, id: InitiativeId) {
        self.navigate(|s| {
            s.open = Some(id);
            s.view = View::List;
        });
    }

    /// Closes the open initiative. If the app opened it, this is the
    /// browser's Back (so Back afterwards does not reopen it); after a
    /// shared link, the current entry is replaced.
    pub fn close(self) {
        let Some(id) = self.state.with_untracked(|s| s.open) else { return };
        if history::is_app_entry() {
            history::back();
        } else {
            self.state.update(|s| s.open = None);
            history::replace(&self.state.with_untracked(ViewState::to_query));
            focus::row_link(id);
        }
    }

    /// The fiscal year the progress, report and chart views and the editor
    /// show: the one in the URL, else the year being reported
    /// (`timeline::reporting_year`), kept inside the plan's period.
    pub fn reported_year(self) -> Memo<FiscalYear> {
        let range = self.plan.plan.fiscal_years;
        let year = self.year;
        Memo::new(move |_| year.get().unwrap_or_else(|| reporting_year(clock::today()).clamp(range.from, range.to)))
    }

    /// Chooses the fiscal year of the progress and report views and the editor.
    pub fn set_year(self, year: FiscalYear) {
        self.state.update(|s| s.year = Some(year));
        history::replace(&self.state.with_untracked(ViewState::to_query));
    }

    /// Opens one KPI's page (`None`: the catalog).
    pub fn open_kpi(self, code: Option<KpiCode>) {
        self.navigate(|s| {
            s.kpi = code;
            s.view = View::Kpis;
        });
    }

    pub fn href_kpi(self, code: Option<KpiCode>) -> String {
        let mut s = self.state.get();
        s.kpi = code;
        s.view = View::Kpis;
        history::href(&s.to_query())
    }

    pub fn set_view(self, view: View) {
        self.navigate(|s| s.view = view);
    }

    fn navigate(self, change: impl FnOnce(&mut ViewState)) {
        self.state.update(change);
        history::push(&self.state.with_untracked(ViewState::to_query));
    }

    /// The link that opens `id` with the current filters kept (`id` comes
    /// last in `ViewState::to_query`, so appending it gives the same URL).
    pub fn href_open(self, id: InitiativeId) -> String {
        self.query_without_open.with(|base| {
            let sep = if base.is_empty() { "" } else { "&" };
            format!("?{base}{sep}id={}", id.ascii())
        })
    }

    /// The full address of what is shown now.
    pub fn address(self) -> String {
        history::absolute(&self.state.with(ViewState::to_query))
    }

    pub fn href_view(self, view: View) -> String {
        let mut s = self.state.get();
        s.view = view;
        history::href(&s.to_query())
    }
}
