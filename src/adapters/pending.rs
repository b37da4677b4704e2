//! A test interface: `<html data-pending="…">` names the work the app has
//! scheduled and not yet done, so that a test (or any tool) can wait for it
//! to pass instead of waiting for time. Tokens, space-separated; the
//! attribute is absent when nothing waits (README, "Test interface").

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// The address waits for filter changes to pause (`history::replace_soon`).
    Address,
    /// A change waits to be written to storage (`Progress::schedule_save`).
    Save,
    /// Work runs in idle time (`idle::run`).
    Idle,
}

impl Work {
    fn token(self) -> &'static str {
        match self {
            Work::Address => "address",
            Work::Save => "save",
            Work::Idle => "idle",
        }
    }
}

const ATTRIBUTE: &str = "data-pending";

pub fn begin(work: Work) {
    update(|tokens| {
        if !tokens.contains(&work.token()) {
            tokens.push(work.token());
        }
    });
}

pub fn end(work: Work) {
    update(|tokens| tokens.retain(|t| *t != work.token()));
}

fn update(change: impl FnOnce(&mut Vec<&str>)) {
    let Some(root) = document().document_element() else { return };
    let current = root.get_attribute(ATTRIBUTE).unwrap_or_default();
    let mut tokens: Vec<&str> = current.split_whitespace().collect();
    change(&mut tokens);
    let _ = if tokens.is_empty() {
        root.remove_attribute(ATTRIBUTE)
    } else {
        root.set_attribute(ATTRIBUTE, &tokens.join(" "))
    };
}
