//! The browser entry point. The same wasm serves the site (index.html: the app mounts on the
//! body) and the widget that bloggers embed (embed.js calls `mount_widget` per element).

#[cfg(target_arch = "wasm32")]
fn main() {
    use nextseason::browser;
    if browser::is_site_page() {
        // Beside the page written at build time, if any, hidden until it can take its place.
        // (A written page starts its loader after its first paint: src/prerender.rs.)
        leptos::mount::mount_to(browser::app_root(), nextseason::App).forget();
    }
}

/// Mounts one widget in `container` (inside the shadow root embed.js made for a
/// `<div data-nextseason>`), with that element's `data-` options.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_widget(
    container: web_sys::HtmlElement,
    show: Option<String>,
    cards: Option<String>,
    bundle: String,
    links: Option<String>,
    base: Option<String>,
    param: String,
) {
    use leptos::prelude::*;
    use nextseason::embed::{Widget, WidgetConfig};
    let config = WidgetConfig::new(show, cards, bundle, links, base, param);
    leptos::mount::mount_to(container, move || view! { <Widget config/> }).forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("NextSeason runs in the browser: see the README (trunk serve).");
}
