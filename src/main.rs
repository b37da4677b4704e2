use kama_sme_app::adapters::{first_paint, timing};

fn main() {
    // The prerendered first paint gives way to the app in this same task, so
    // the two are never on screen together; what was typed into its search
    // box, and the focus, carry over.
    let handover = first_paint::take();
    // Measured apart for the benchmark: what hydrating the first paint could
    // replace is this mount less the plan's parse inside it.
    timing::measure("kama:mount", || leptos::mount::mount_to_body(kama_sme_app::App));
    handover.restore();
}
