//! The browser entry point: mounts the app on the page Trunk builds from index.html.

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(nextseason::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("NextSeason runs in the browser: see the README (trunk serve).");
}
