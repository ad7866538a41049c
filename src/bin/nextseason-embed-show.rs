//! The show widgets' wasm, which `embed.js` loads for a `<div data-nextseason data-show=…>`:
//! a show's cards alone (`embed::WidgetApp::show_alone`), without the catalogue list, the
//! catalogue's decoding and the rules the build has already applied, so that a blog showing a
//! show pays only for it (BENCHMARKS.md, "Size levers"). Built by the post-build hook
//! (`.ci/build-wasm.sh`) in release builds; `trunk serve`'s embed.js uses `nextseason-embed`.

#[cfg(target_arch = "wasm32")]
fn main() {}

/// Mounts one show widget in `container`, as `nextseason-embed`'s `mount_widget` does.
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
    nextseason::embed::mount(container, show, cards, bundle, links, base, param, nextseason::embed::WidgetApp::show_alone());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The NextSeason widget runs in the browser: see the README (Embed on your blog).");
}
