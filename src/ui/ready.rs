//! A test interface: `<main data-ready="…">` says that the view the address
//! asks for has rendered its content. Its value is the view's name (`list`,
//! `timeline`, `progress`, `report`, `kpis`, `charts`), followed by the open
//! initiative's id when one is open in the list (`list 2-①-a`). It is absent
//! while anything asked for is still on its way: a split file, the opened
//! initiative, the city's published record. Tests read a view only once it
//! is there (README, "Test interface").

use kama_plan::view_state::View;
use kama_plan::InitiativeId;
use leptos::prelude::*;

/// A part of the screen that says when it has rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    View(View),
    /// The opened initiative in the list.
    Detail(InitiativeId),
}

/// What has rendered; provided by the app's root for [`Rendered`].
#[derive(Clone, Copy)]
pub struct Ready {
    view: RwSignal<Option<View>>,
    detail: RwSignal<Option<InitiativeId>>,
}

impl Ready {
    pub fn provide() -> Ready {
        let ready = Ready { view: RwSignal::new(None), detail: RwSignal::new(None) };
        provide_context(ready);
        ready
    }

    /// `data-ready`'s value when `view` (and in the list the initiative
    /// `open`) has rendered and `settled` (nothing else is on its way).
    pub fn mark(self, view: View, open: Option<InitiativeId>, settled: bool) -> Option<String> {
        let open = open.filter(|_| view == View::List);
        let rendered = self.view.get() == Some(view) && (open.is_none() || self.detail.get() == open);
        (rendered && settled).then(|| match open {
            Some(id) => format!("{} {id}", view.name()),
            None => view.name().to_string(),
        })
    }

    fn set(self, part: Part, rendered: bool) {
        // `try_`: the root may be gone when a part is removed with it.
        match part {
            Part::View(v) => self.view.try_update(|shown| put(shown, v, rendered)),
            Part::Detail(id) => self.detail.try_update(|shown| put(shown, id, rendered)),
        };
    }
}

fn put<T: PartialEq>(shown: &mut Option<T>, part: T, rendered: bool) {
    if rendered {
        *shown = Some(part);
    } else if shown.as_ref() == Some(&part) {
        *shown = None;
    }
}

/// Placed after a part's content: says the part has rendered (an effect runs
/// once the markup is in the page) and unsays it when the part is removed.
#[component]
pub fn Rendered(
    /// The part whose content comes before this.
    part: Part,
) -> impl IntoView {
    let ready = use_context::<Ready>();
    Effect::new(move |_| {
        if let Some(r) = ready {
            r.set(part, true);
        }
    });
    on_cleanup(move || {
        if let Some(r) = ready {
            r.set(part, false);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_names_only_what_has_rendered() {
        let owner = Owner::new();
        owner.set();
        let ready = Ready { view: RwSignal::new(None), detail: RwSignal::new(None) };
        let id: InitiativeId = "2-1-a".parse().unwrap();
        let other: InitiativeId = "2-1-b".parse().unwrap();

        assert_eq!(ready.mark(View::List, None, true), None, "nothing rendered yet");
        ready.set(Part::View(View::List), true);
        assert_eq!(ready.mark(View::List, None, true).as_deref(), Some("list"));
        assert_eq!(ready.mark(View::List, None, false), None, "the published record is on its way");
        assert_eq!(ready.mark(View::Kpis, None, true), None, "the list is shown, not the KPIs");

        assert_eq!(ready.mark(View::List, Some(id), true), None, "the initiative is loading");
        ready.set(Part::Detail(other), true);
        assert_eq!(ready.mark(View::List, Some(id), true), None, "another initiative is shown");
        ready.set(Part::Detail(id), true);
        assert_eq!(ready.mark(View::List, Some(id), true).as_deref(), Some("list 2-①-a"));

        // A part removed unsays only itself.
        ready.set(Part::Detail(other), false);
        assert_eq!(ready.mark(View::List, Some(id), true).as_deref(), Some("list 2-①-a"));
        ready.set(Part::View(View::Timeline), true);
        ready.set(Part::View(View::List), false);
        assert_eq!(ready.mark(View::Timeline, Some(id), true).as_deref(), Some("timeline"), "an id outside the list");
        ready.set(Part::View(View::Timeline), false);
        assert_eq!(ready.mark(View::Timeline, None, true), None, "a view removed is no longer ready");
    }
}
