use kama_plan::search::{highlight, Query};
use leptos::prelude::*;

/// `text` with the search words marked (`<mark>`), as the user types.
#[component]
pub fn Highlighted(#[prop(into)] text: String, query: Memo<Query>) -> impl IntoView {
    move || {
        query.with(|q| {
            if q.is_empty() {
                return text.clone().into_any();
            }
            highlight(&text, q)
                .into_iter()
                .map(|s| if s.hit { view! { <mark>{s.text}</mark> }.into_any() } else { s.text.into_any() })
                .collect_view()
                .into_any()
        })
    }
}
