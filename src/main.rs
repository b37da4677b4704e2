fn main() {
    // The prerendered first paint (kama_plan::prerender, written into
    // index.html at build time) gives way to the app in this same task, so
    // the two are never on screen together.
    if let Some(first_paint) = leptos::prelude::document().get_element_by_id(kama_plan::prerender::ROOT_ID) {
        first_paint.remove();
    }
    leptos::mount::mount_to_body(kama_sme_app::App);
}
