//! The document: the markup policy, the head's title and description, the app's root.

// Natively most of this file is its fallbacks, which need nothing of the rest.
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
use super::*;

/// Installs the page's default Trusted Types policy, before anything is rendered, where the
/// browser has Trusted Types and the page no default policy yet. Leptos builds its views by
/// cloning `<template>`s whose static HTML it sets with `innerHTML`, and the region lists are
/// set the same way: under the site's `require-trusted-types-for 'script'` (src/hosting.rs),
/// every such string goes through this policy, which passes markup that can run nothing
/// (`text::is_inert_markup`) and refuses the rest. Where the page's own policy forbids a
/// default policy (a blog's), nothing is installed, and the page's rules apply.
pub fn install_markup_policy() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{closure::Closure, JsCast, JsValue};
        let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined());
        let Some(factory) = get(&js_sys::global(), "trustedTypes") else { return };
        if !get(&factory, "defaultPolicy").is_some_and(|policy| policy.is_null()) {
            return;
        }
        let Some(create_policy) = get(&factory, "createPolicy").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else { return };
        let check = Closure::<dyn Fn(String) -> JsValue>::new(|html: String| match crate::text::is_inert_markup(&html) {
            true => JsValue::from(html),
            false => JsValue::NULL,
        });
        let rules = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&rules, &JsValue::from_str("createHTML"), check.as_ref());
        // The policy lives as long as the page.
        check.forget();
        let _ = create_policy.call2(&factory, &JsValue::from_str("default"), &rules);
    }
}

/// True on the site's own page (index.html says so), false in a blogger's page that embeds
/// the widget: the same wasm serves both.
pub fn is_site_page() -> bool {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=nextseason][content=site]").ok().flatten())
        .is_some();
    #[cfg(not(target_arch = "wasm32"))]
    return false;
}

/// Applies a page's head: the document's title, its meta description, and `noindex` for
/// pages that search engines must not list.
pub fn set_head(title: &str, description: &str, indexed: bool) {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
        set_meta(&document, "description", Some(description));
        set_meta(&document, "robots", (!indexed).then_some("noindex"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (title, description, indexed);
}

/// Sets `<meta name=… content=…>` in the head, adding it if needed; `None` removes it.
#[cfg(target_arch = "wasm32")]
pub(super) fn set_meta(document: &web_sys::Document, name: &str, content: Option<&str>) {
    let existing = document.query_selector(&format!("head meta[name={name}]")).ok().flatten();
    match (existing, content) {
        (Some(meta), Some(content)) => {
            let _ = meta.set_attribute("content", content);
        }
        (Some(meta), None) => meta.remove(),
        (None, Some(content)) => {
            if let (Ok(meta), Some(head)) = (document.create_element("meta"), document.query_selector("head").ok().flatten()) {
                let _ = meta.set_attribute("name", name);
                let _ = meta.set_attribute("content", content);
                let _ = head.append_child(&meta);
            }
        }
        (None, None) => {}
    }
}

/// The element the site's app renders into: a new `.ns-root` at the end of the body. When the
/// page was written at build time (its own `.ns-root`, marked `data-ns-prerendered`), the app's
/// root stays hidden until [`take_over`].
#[cfg(target_arch = "wasm32")]
pub fn app_root() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div").unchecked_into::<web_sys::HtmlElement>();
    root.set_class_name("ns-root");
    if is_prerendered() {
        // `hidden`, not a style attribute: a strict Content-Security-Policy refuses those.
        root.set_hidden(true);
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(&root);
    }
    root
}

/// Whether this document holds a page written at build time.
pub fn is_prerendered() -> bool {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(PRERENDERED).ok().flatten()).is_some();
    #[cfg(not(target_arch = "wasm32"))]
    return false;
}
