use kama_sme_app::adapters::{first_paint, focus, timing};

fn main() {
    // The prerendered first paint gives way to the app in this same task, so
    // the two are never on screen together; a row focused in it stays focused.
    let focused = first_paint::take();
    // Measured apart for the benchmark: what hydrating the first paint could
    // replace is this mount less the plan's parse inside it.
    timing::measure("kama:mount", || leptos::mount::mount_to_body(kama_sme_app::App));
    if let Some(id) = focused {
        focus::row_link(id);
    }
}
