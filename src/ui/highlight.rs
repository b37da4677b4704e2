use kama_plan::query::{match_context, Field};
use kama_plan::search::{highlight, Query, Segment};
use kama_plan::Initiative;
use leptos::prelude::*;

use super::PlanRef;
use crate::i18n::{self, t};

/// `text` with the search words marked (`<mark>`), as the user types.
#[component]
pub fn Highlighted(#[prop(into)] text: String, query: Memo<Query>) -> impl IntoView {
    move || query.with(|q| if q.is_empty() { text.clone().into_any() } else { marked(highlight(&text, q)).into_any() })
}

/// Why a result matched, when its id and name do not show it: the field and
/// an excerpt around the hit.
#[component]
pub fn MatchExcerpt(plan: PlanRef, initiative: &'static Initiative, query: Memo<Query>) -> impl IntoView {
    move || {
        query.with(|q| match_context(plan, initiative, q)).map(|c| {
            let field = match c.field {
                Field::Text => i18n::TEXT,
                Field::Situation => i18n::SITUATION,
                Field::Remarks => i18n::REMARKS,
                Field::Schedule => i18n::SCHEDULE,
                Field::Kpi => i18n::KPIS,
            };
            view! {
                <span class="excerpt">
                    <span class="excerpt-field">{t(field)} ": "</span>
                    {marked(c.segments)}
                </span>
            }
        })
    }
}

fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| if s.hit { view! { <mark>{s.text}</mark> }.into_any() } else { s.text.into_any() })
        .collect_view()
}
