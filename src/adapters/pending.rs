//! A test interface: `<html data-pending="…">` names the work the app has
//! scheduled and not yet done, so that a test (or any tool) can wait for it
//! to pass instead of waiting for time. Tokens, space-separated; the
//! attribute is absent when nothing waits (README, "Test interface").

use std::cell::Cell;

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    // The order indexes `UNDER_WAY`.
    /// The address waits for filter changes to pause (`history::replace_soon`).
    Address,
    /// A change waits to be written to storage (`Progress::schedule_save`).
    Save,
    /// Work runs in idle time (`idle::run`).
    Idle,
    /// A split file is being fetched ahead of a click (`ui::splits::preload`).
    Preload,
}

impl Work {
    const ALL: [Work; 4] = [Work::Address, Work::Save, Work::Idle, Work::Preload];

    fn token(self) -> &'static str {
        match self {
            Work::Address => "address",
            Work::Save => "save",
            Work::Idle => "idle",
            Work::Preload => "preload",
        }
    }
}

const ATTRIBUTE: &str = "data-pending";

thread_local! {
    /// How many of each work are under way, by `Work as usize`.
    static UNDER_WAY: [Cell<u32>; 4] = const { [Cell::new(0), Cell::new(0), Cell::new(0), Cell::new(0)] };
}

/// One more `work` is under way; every `begin` is matched by one [`end`].
pub fn begin(work: Work) {
    if UNDER_WAY.with(|n| n[work as usize].replace(n[work as usize].get() + 1)) == 0 {
        write();
    }
}

pub fn end(work: Work) {
    if UNDER_WAY.with(|n| n[work as usize].replace(n[work as usize].get().saturating_sub(1))) == 1 {
        write();
    }
}

fn write() {
    let Some(root) = document().document_element() else { return };
    let mut tokens = String::new();
    UNDER_WAY.with(|n| {
        for work in Work::ALL.into_iter().filter(|w| n[*w as usize].get() > 0) {
            if !tokens.is_empty() {
                tokens.push(' ');
            }
            tokens.push_str(work.token());
        }
    });
    let _ = if tokens.is_empty() { root.remove_attribute(ATTRIBUTE) } else { root.set_attribute(ATTRIBUTE, &tokens) };
}
