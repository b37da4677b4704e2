//! A test interface: `<main data-ready="…">` says that the view the address
//! asks for has rendered its content. Its value is the view's name (`list`,
//! `timeline`, `progress`, `report`, `kpis`, `charts`), followed by the open
//! initiative's id when one is open in the list (`list 2-①-a`). It is absent
//! while anything asked for is still on its way: a split file, the opened
//! initiative, the city's published record. Tests read a view only once it
//! is there (README, "Test interface").

use std::cell::Cell;

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

/// What has rendered, as the parts last said; `Ready` notifies its readers.
#[derive(Clone, Copy, Default)]
struct Shown {
    view: Option<View>,
    detail: Option<InitiativeId>,
}

thread_local! {
    // Plain state and a trigger: cheaper in wasm than a signal of a new type.
    static SHOWN: Cell<Shown> = Cell::new(Shown::default());
}

/// What has rendered; provided by the app's root for [`rendered`].
#[derive(Clone, Copy)]
pub struct Ready(Trigger);

impl Ready {
    pub fn provide() -> Ready {
        SHOWN.with(|s| s.set(Shown::default()));
        let ready = Ready(Trigger::new());
        provide_context(ready);
        ready
    }

    /// `data-ready`'s value when `view` (and in the list the initiative
    /// `open`) has rendered and `settled` (nothing else is on its way).
    pub fn mark(self, view: View, open: Option<InitiativeId>, settled: bool) -> Option<String> {
        self.0.track();
        let shown = SHOWN.with(Cell::get);
        let open = open.filter(|_| view == View::List);
        let rendered = shown.view == Some(view) && (open.is_none() || shown.detail == open);
        (rendered && settled).then(|| match open {
            Some(id) => format!("{} {id}", view.name()),
            None => view.name().to_string(),
        })
    }

    fn set(self, part: Part, rendered: bool) {
        let mut shown = SHOWN.with(Cell::get);
        match part {
            Part::View(v) => put(&mut shown.view, v, rendered),
            Part::Detail(id) => put(&mut shown.detail, id, rendered),
        }
        SHOWN.with(|s| s.set(shown));
        // Harmless when the root is gone with the part.
        self.0.notify();
    }
}

fn put<T: PartialEq>(shown: &mut Option<T>, part: T, rendered: bool) {
    if rendered {
        *shown = Some(part);
    } else if shown.as_ref() == Some(&part) {
        *shown = None;
    }
}

/// Called where a part's content is built: says the part has rendered once
/// its markup is in the page (an effect runs after the render that built it)
/// and unsays it when the part is removed. A function, not a component: a
/// component in each view tuple costs more wasm than this whole file.
pub fn rendered(part: Part) {
    let Some(ready) = use_context::<Ready>() else { return };
    Effect::new(move |_| ready.set(part, true));
    on_cleanup(move || ready.set(part, false));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_names_only_what_has_rendered() {
        let owner = Owner::new();
        owner.set();
        let ready = Ready::provide();
        let id = InitiativeId { policy: 2, sub: 1, letter: 'a' };
        let other = InitiativeId { policy: 2, sub: 1, letter: 'b' };

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
