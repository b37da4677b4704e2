use kama_plan::query::{match_context, Field};
use kama_plan::search::{highlight, Query, Segment};
use kama_plan::Initiative;
use leptos::prelude::*;

use crate::i18n;
use crate::ui::PlanRef;

/// `text` with the search words marked (`<mark>`), as the user types. The
/// marks are a memo, and text without a hit stays plain: a keystroke that
/// does not change where they fall (most rows, most keystrokes) leaves the
/// row's DOM alone.
#[component]
pub fn Highlighted(
    /// The text shown, with the hits marked.
    #[prop(into)]
    text: String,
    /// The search words whose hits are marked.
    query: Memo<Query>,
) -> impl IntoView {
    let plain = text.clone();
    let segments = Memo::new(move |_| {
        query.with(|q| (!q.is_empty()).then(|| highlight(&text, q)).filter(|s| s.iter().any(|s| s.hit)))
    });
    move || match segments.get() {
        Some(segments) => marked(segments).into_any(),
        None => plain.clone().into_any(),
    }
}

/// Why a result matched, when its id and name do not show it: the field and
/// an excerpt around the hit.
#[component]
pub fn MatchExcerpt(
    /// The plan, for the initiative's listed name and its KPIs.
    plan: PlanRef,
    /// The result whose matching field is excerpted.
    initiative: &'static Initiative,
    /// The search words it matched.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    // A memo, so the excerpt is rebuilt only when it changes; the field's
    // name is plain text in it (a first keystroke builds dozens of excerpts).
    let excerpt = Memo::new(move |_| {
        query.with(|q| match_context(plan, initiative, q)).map(|c| {
            let field = match c.field {
                Field::Text => i18n::TEXT,
                Field::Situation => i18n::SITUATION,
                Field::Remarks => i18n::REMARKS,
                Field::Schedule => i18n::SCHEDULE,
                Field::Kpi => i18n::KPIS,
            };
            (format!("{}: ", field.get(lang.get())), c.segments)
        })
    });
    move || {
        excerpt.get().map(|(field, segments)| {
            view! {
                <span class="excerpt">
                    <span class="excerpt-field">{field}</span>
                    {marked(segments)}
                </span>
            }
        })
    }
}

// `AnyView`, not `Either`: `Either` is a little faster a keystroke but
// larger in the first file, whose bytes every visitor pays.
fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| if s.hit { view! { <mark>{s.text}</mark> }.into_any() } else { s.text.into_any() })
        .collect_view()
}
