fn main() {
    leptos::mount::mount_to_body(kama_sme_app::App);
}
