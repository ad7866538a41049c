//! The site's entry point in the browser (index.html). The widget that bloggers embed has its
//! own, smaller wasm: src/bin/nextseason-embed.rs.

#[cfg(target_arch = "wasm32")]
fn main() {
    use nextseason::browser;
    if browser::is_site_page() {
        browser::install_markup_policy();
        // Beside the page written at build time, if any, hidden until it can take its place.
        // (A written page starts its loader after its first paint: src/prerender/shell.rs.)
        leptos::mount::mount_to(browser::app_root(), nextseason::App).forget();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("NextSeason runs in the browser: see the README (trunk serve).");
}
