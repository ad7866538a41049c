//! The show pages' own wasm, which every show page written at build time starts: the show route
//! alone (`nextseason::ShowsApp`), without the catalogue's search, filters and 404 page, which
//! the site's wasm (src/main.rs: `trunk serve`, the catalogue's pages, `app.html`) carries.
//! Built by the post-build hook (`.ci/build-wasm.sh`), as the widget's is.

#[cfg(target_arch = "wasm32")]
fn main() {
    use nextseason::browser;
    if browser::is_site_page() {
        browser::install_markup_policy();
        // Beside the written page, hidden until it can take its place (src/prerender/shell.rs).
        leptos::mount::mount_to(browser::app_root(), nextseason::ShowsApp).forget();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("NextSeason's show pages run in the browser: see the README (trunk serve).");
}
