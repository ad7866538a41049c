//! The widget's own wasm, which `embed.js` loads on a blogger's page for a catalogue widget (and,
//! in a build without `nextseason-embed-show`, for every widget) and the embed page: the cards
//! and the catalogue list, without the site's router, search, head tags and pages, so that a
//! blog pays only for what it shows (BENCHMARKS.md). Built by the post-build hook
//! (`.ci/build-wasm.sh`).

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
    nextseason::embed::mount(container, show, cards, bundle, links, base, param, nextseason::embed::WidgetApp::with_catalogue());
}

/// The cards of the show `slug` as a blogger pastes them for readers without JavaScript, the
/// same HTML as the build's `prerender::embed_snippet` (README, "Embed on your blog"): for the
/// embed page, through `NextSeason.snippet`. Resolves to undefined for a show the bundle at
/// `bundle` does not have; rejects with a sentence when its file could not be loaded. Links
/// lead to the site at `origin`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn pasted_snippet(slug: String, bundle: String, origin: String) -> Result<Option<String>, wasm_bindgen::JsValue> {
    nextseason::browser::install_markup_policy();
    nextseason::embed::snippet_in_browser(&bundle, &slug, &origin).await.map_err(|message| wasm_bindgen::JsValue::from_str(&message))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The NextSeason widget runs in the browser: see the README (Embed on your blog).");
}
