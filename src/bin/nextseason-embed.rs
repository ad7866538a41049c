//! The widget's own wasm, which `embed.js` loads on a blogger's page: the cards and the
//! catalogue list, without the site's router, search, head tags and pages, so that a blog pays
//! only for what it shows (BENCHMARKS.md). Built by the post-build hook (`.ci/build-wasm.sh`).

#[cfg(target_arch = "wasm32")]
fn main() {}

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
    nextseason::browser::install_markup_policy();
    let config = WidgetConfig::new(show, cards, bundle, links, base, param);
    leptos::mount::mount_to(container, move || view! { <Widget config/> }).forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The NextSeason widget runs in the browser: see the README (Embed on your blog).");
}
