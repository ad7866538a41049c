//! Everything that needs a browser: the clock that ticks, the reader's time zone and region,
//! local storage, timers, scrolling, focus, history events and performance marks. The rest of the crate calls only these functions, so that the same
//! components render natively (tests, and prerendering later) where each call has a plain
//! fallback: no region, UTC, a clock that does not tick.

use crate::regions;
use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Set while [`markup_as_written`] renders: the reader's region, time zone and ticking clock
    /// are left out, as the build leaves them out.
    static AS_WRITTEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(target_arch = "wasm32")]
fn rendering_as_written() -> bool {
    AS_WRITTEN.with(std::cell::Cell::get)
}

/// The HTML of a view rendered in the browser as the build renders it natively: no region, UTC,
/// a clock that does not tick (the fallbacks below), rendered into an element of no document
/// and read back without the comments that Leptos keeps as markers. What a blogger pastes
/// from the embed page (`/embed/`), the same markup as `prerender::embed_snippet` writes.
#[cfg(target_arch = "wasm32")]
pub fn markup_as_written<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> String {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return String::new() };
    let Ok(container) = document.create_element("div") else { return String::new() };
    AS_WRITTEN.with(|w| w.set(true));
    let mounted = leptos::mount::mount_to(container.clone().unchecked_into(), view);
    AS_WRITTEN.with(|w| w.set(false));
    // A copy, so that Leptos keeps its own markers until it unmounts the view.
    let copy = container.clone_node_with_deep(true).ok();
    drop(mounted);
    let Some(copy) = copy.and_then(|c| c.dyn_into::<web_sys::Element>().ok()) else { return String::new() };
    without_comments(&copy);
    copy.inner_html()
}

/// Removes every comment under `node`.
#[cfg(target_arch = "wasm32")]
fn without_comments(node: &web_sys::Node) {
    let children = node.child_nodes();
    for i in (0..children.length()).rev() {
        let Some(child) = children.item(i) else { continue };
        if child.node_type() == web_sys::Node::COMMENT_NODE {
            let _ = node.remove_child(&child);
        } else {
            without_comments(&child);
        }
    }
}

/// Where the reader's chosen region is remembered; namespaced so that a host page's keys are safe.
const REGION_KEY: &str = "nextseason.region";

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now() as i64;
    #[cfg(not(target_arch = "wasm32"))]
    return std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
}

/// A signal holding the time, updated every second while the calling component lives.
pub fn clock() -> ReadSignal<i64> {
    let (now, set_now) = signal(now_ms());
    #[cfg(target_arch = "wasm32")]
    if rendering_as_written() {
        return now;
    }
    #[cfg(target_arch = "wasm32")]
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(now_ms()), std::time::Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = set_now;
    now
}

/// The reader's offset from UTC at a given moment, in minutes (Paris in winter: 60).
pub fn utc_offset_minutes(epoch_ms: i64) -> i32 {
    #[cfg(target_arch = "wasm32")]
    if rendering_as_written() {
        return 0;
    }
    #[cfg(target_arch = "wasm32")]
    return -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(epoch_ms as f64)).get_timezone_offset() as i32);
    #[cfg(not(target_arch = "wasm32"))]
    return {
        let _ = epoch_ms;
        0
    };
}

/// The reader's IANA time zone ("Europe/Paris"), when the browser tells it.
pub fn time_zone_name() -> Option<String> {
    // Asked once a visit: making a DateTimeFormat loads the locale's data, 2 to 4 ms at every
    // show with a countdown (measured, tests/e2e/profile-route-switch.mjs).
    #[cfg(target_arch = "wasm32")]
    if rendering_as_written() {
        return Some("UTC".to_string());
    }
    #[cfg(target_arch = "wasm32")]
    return {
        thread_local! {
            static ZONE: Option<String> = {
                let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
                js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into()).ok().and_then(|z| z.as_string())
            };
        }
        ZONE.with(Clone::clone)
    };
    #[cfg(not(target_arch = "wasm32"))]
    return Some("UTC".to_string());
}

/// The reader's country: the one they chose before, else the one their browser's languages name.
pub fn reader_region() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    if rendering_as_written() {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    return storage()
        .and_then(|s| s.get_item(REGION_KEY).ok().flatten())
        .filter(|code| regions::country(code).is_some())
        .or_else(|| {
            let tags: Vec<String> = web_sys::window()?.navigator().languages().iter().filter_map(|t| t.as_string()).collect();
            regions::region_from_languages(tags.iter().map(String::as_str)).map(str::to_string)
        });
    #[cfg(not(target_arch = "wasm32"))]
    return {
        let _ = (REGION_KEY, regions::countries);
        None
    };
}

/// Remembers the reader's choice of region for their next visit; storage may be refused
/// (private windows, sandboxed frames), and then the choice lasts for this page only.
pub fn remember_region(code: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = storage() {
        let _ = if code.is_empty() { storage.remove_item(REGION_KEY) } else { storage.set_item(REGION_KEY, code) };
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = code;
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The current location's path and query, which keys the scroll positions of history entries.
pub fn location_key() -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .map(|w| {
            let l = w.location();
            format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default())
        })
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    return String::new();
}

pub fn scroll_y() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
    #[cfg(not(target_arch = "wasm32"))]
    return 0.0;
}

pub fn scroll_to(y: f64) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, y);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = y;
}

/// Takes scroll restoration from the browser, which would restore before the page's data has
/// arrived (and so too early, on a page too short), and for the rest of the visit calls
/// `on_leave` when the reader scrolls or clicks (before the router follows a link: scroll events
/// come a frame late) and `on_popstate` on Back and Forward.
pub fn watch_history(on_leave: impl Fn() + Clone + 'static, on_popstate: impl Fn() + 'static) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        if let Ok(history) = window.history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        // For the whole visit: the handles are never removed.
        let on_click = on_leave.clone();
        std::mem::forget(window_event_listener(leptos::ev::scroll, move |_| on_leave()));
        std::mem::forget(window_event_listener(leptos::ev::popstate, move |_| on_popstate()));
        let capture = Closure::<dyn Fn()>::new(on_click);
        let _ = window.add_event_listener_with_callback_and_bool("click", capture.as_ref().unchecked_ref(), true);
        capture.forget();
        // The app restores scroll within the document; across documents (a page load between
        // the catalogue and a show, then Back) only the browser can, and only for an entry it
        // was left to: the mode is the browser's while the document is away, the app's again if
        // it comes back from the back-forward cache.
        for (event, mode) in [("pagehide", web_sys::ScrollRestoration::Auto), ("pageshow", web_sys::ScrollRestoration::Manual)] {
            let set = Closure::<dyn Fn()>::new(move || {
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = history.set_scroll_restoration(mode);
                }
            });
            let _ = window.add_event_listener_with_callback(event, set.as_ref().unchecked_ref());
            set.forget();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (on_leave, on_popstate);
}

/// Moves keyboard and screen-reader focus to the page's `<h1>` without scrolling to it, once the
/// new page is painted: focusing forces a layout, which would otherwise delay that paint.
pub fn focus_page_heading() {
    #[cfg(target_arch = "wasm32")]
    after_next_paint(|| {
        use wasm_bindgen::JsCast;
        let heading = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    });
}

/// A `performance.mark`, for the benchmark to measure from navigation start.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Runs `f` once after `ms` milliseconds unless cancelled first: typing waits for a pause.
pub struct Delay(#[cfg(target_arch = "wasm32")] Option<TimeoutHandle>);

impl Delay {
    pub fn new() -> Self {
        Delay(
            #[cfg(target_arch = "wasm32")]
            None,
        )
    }

    /// Cancels what was waiting and waits `ms` before `f`.
    pub fn restart(&mut self, ms: u64, f: impl FnOnce() + 'static) {
        #[cfg(target_arch = "wasm32")]
        {
            self.cancel();
            self.0 = set_timeout_with_handle(f, std::time::Duration::from_millis(ms)).ok();
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (ms, f);
    }

    pub fn cancel(&mut self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(handle) = self.0.take() {
            handle.clear();
        }
    }
}

/// Lets the browser handle what waits (a keystroke, a paint) before the task goes on: a new
/// task, after a timeout of 0, not a microtask, which would run before them. Natively, nothing.
pub async fn yield_to_browser() {
    #[cfg(target_arch = "wasm32")]
    {
        let (done, wait) = futures::channel::oneshot::channel::<()>();
        set_timeout(move || { let _ = done.send(()); }, std::time::Duration::ZERO);
        let _ = wait.await;
    }
}

impl Default for Delay {
    fn default() -> Self {
        Self::new()
    }
}

/// A page's URL, in the parts an embedded widget reads and writes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostUrl {
    pub path: String,
    /// Without the `?`.
    pub query: String,
    /// With its `#`, or empty.
    pub hash: String,
}

/// The URL of the page the app runs in (empty natively).
pub fn host_url() -> HostUrl {
    #[cfg(target_arch = "wasm32")]
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        return HostUrl {
            path: location.pathname().unwrap_or_default(),
            query: location.search().unwrap_or_default().trim_start_matches('?').to_string(),
            hash: location.hash().unwrap_or_default(),
        };
    }
    HostUrl::default()
}

/// A new entry in the host page's history, without reloading it.
pub fn push_url(url: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = url;
}

/// Loads the current address as a whole page: for an address the running app has no page for.
pub fn reload() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Calls `f` on Back and Forward while the calling component lives.
pub fn on_popstate(f: impl Fn() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let handle = window_event_listener(leptos::ev::popstate, move |_| f());
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = f;
}

/// Leaves jumps within the page (`<a href="#…">`: the skip link, footnotes) to the browser for
/// the rest of the visit, which moves the reader's place and the keyboard's starting point
/// there. leptos_router's window-wide click handler would otherwise take them as navigations
/// and only scroll. Stopped on the document, below the window where the router listens.
pub fn leave_fragment_links_to_browser() {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
            if is_jump_within_page(&ev) {
                ev.stop_propagation();
            }
        });
        let _ = document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
    }
}

#[cfg(target_arch = "wasm32")]
fn is_jump_within_page(ev: &web_sys::MouseEvent) -> bool {
    use wasm_bindgen::JsCast;
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("a[href]").ok().flatten())
        .and_then(|l| l.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let (Some(link), Some(window)) = (link, web_sys::window()) else { return false };
    let here = window.location();
    !link.hash().is_empty()
        && here.origin().is_ok_and(|o| o == link.origin())
        && here.pathname().is_ok_and(|p| p == link.pathname())
        && here.search().is_ok_and(|s| s == link.search())
}

/// The show a click landed on a link to (`<a data-ns-show="slug">`), if it did.
pub fn clicked_show_link(ev: &leptos::ev::MouseEvent) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
        return target.closest("a[data-ns-show]").ok()??.get_attribute("data-ns-show");
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ev;
        None
    }
}

/// The id a click on a jump within the page (`<a href="#id">`) points to, if it did and the id
/// is one of the app's own (letters, digits, `-` and `_`).
pub fn clicked_jump_link(ev: &leptos::ev::MouseEvent) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
        let href = target.closest("a[href^='#']").ok()??.get_attribute("href")?;
        let id = href.strip_prefix('#')?;
        return (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')).then(|| id.to_string());
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ev;
        None
    }
}

/// A jump within a widget: the browser's own cannot find ids inside a shadow root, and would
/// change the host page's address. Scrolls the element with `id` in `root` to the top and moves
/// focus to it; false if there is none.
pub fn jump_within(root: &leptos::web_sys::HtmlDivElement, id: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(target) = root.query_selector(&format!("[id=\"{id}\"]")).ok().flatten() else { return false };
        target.scroll_into_view();
        if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
        return true;
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (root, id);
        false
    }
}

/// Takes keyboard focus off the element in the page's `<main>` (the link just followed, or the
/// last page's heading) just before the next page is rebuilt in its place: an element that holds
/// focus and loses an attribute makes the browser recompute style and layout halfway through the
/// rebuild (measured: 1 to 10 ms a switch). Focus then goes to the new heading a frame later
/// (`focus_page_heading`). Not before the take-over: `take_over` carries focus over from a
/// written page.
pub fn release_focus_in_main() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if is_prerendered() {
            return;
        }
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .filter(|e| e.closest("main").ok().flatten().is_some())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(focused) = focused {
            let _ = focused.blur();
        }
    }
}

/// Moves focus to the first heading inside `root`, without scrolling the page.
pub fn focus_first_heading(root: &leptos::web_sys::HtmlDivElement) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let heading = root.query_selector("h1, h2, h3").ok().flatten().and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            if !heading.has_attribute("tabindex") {
                let _ = heading.set_attribute("tabindex", "-1");
            }
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = root;
}

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
fn set_meta(document: &web_sys::Document, name: &str, content: Option<&str>) {
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

/// Runs `f` once the browser has painted its next frame.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
    #[cfg(not(target_arch = "wasm32"))]
    f();
}

#[cfg(target_arch = "wasm32")]
const PRERENDERED: &str = "[data-ns-prerendered]";
#[cfg(target_arch = "wasm32")]
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";
#[cfg(target_arch = "wasm32")]
const FIELDS: &str = "input, select, textarea";

/// The form fields of the written page the reader changed before the take-over (typed in the
/// catalogue's search box, picked a filter or a region), by their place among `FIELDS`: since
/// a link from a show to the catalogue is a page load, a reader may well type before the app
/// takes over, and must not lose it.
#[cfg(target_arch = "wasm32")]
fn changed_fields(root: &web_sys::Element) -> Vec<(u32, String, bool)> {
    use wasm_bindgen::JsCast;
    let mut changed = Vec::new();
    let Ok(all) = root.query_selector_all(FIELDS) else { return changed };
    for i in 0..all.length() {
        let Some(node) = all.item(i) else { continue };
        if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            if matches!(input.type_().as_str(), "checkbox" | "radio") {
                if input.checked() != input.default_checked() {
                    changed.push((i, String::new(), input.checked()));
                }
            } else if input.value() != input.default_value() {
                changed.push((i, input.value(), false));
            }
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            // The option the page was written with: the one marked selected, else the first.
            let written = select.query_selector("option[selected]").ok().flatten().or_else(|| select.query_selector("option").ok().flatten());
            let written = written.and_then(|o| o.get_attribute("value")).unwrap_or_default();
            if select.value() != written {
                changed.push((i, select.value(), false));
            }
        }
    }
    changed
}

/// Gives the app's fields what the reader changed on the written page, each with the events a
/// reader's change fires, so that the app's state follows.
#[cfg(target_arch = "wasm32")]
fn restore_fields(root: &web_sys::Element, changed: Vec<(u32, String, bool)>) {
    use wasm_bindgen::JsCast;
    let Ok(all) = root.query_selector_all(FIELDS) else { return };
    for (i, value, checked) in changed {
        let Some(node) = all.item(i) else { continue };
        if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            match input.type_().as_str() {
                "checkbox" | "radio" => input.set_checked(checked),
                _ => input.set_value(&value),
            }
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.set_value(&value);
        } else {
            continue;
        }
        for event in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(event, &init) {
                let _ = node.dispatch_event(&event);
            }
        }
    }
}

/// Puts the app's first page where the page written at build time was, in one step (no frame
/// shows both, or neither), keeping the reader's scroll position, focus and what they typed or
/// picked in a form (`changed_fields`). Called when a page is ready; does nothing once done, or
/// when nothing was prerendered.
pub fn take_over() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(window) = web_sys::window() else { return };
        let Some(document) = window.document() else { return };
        let Some(prerendered) = document.query_selector(PRERENDERED).ok().flatten() else { return };
        let Some(app) = document.query_selector(".ns-root[hidden]").ok().flatten() else { return };
        // The same markup on both sides: the focused element is found again by its position.
        let focused = document.active_element().filter(|e| prerendered.contains(Some(e))).and_then(|active| {
            let all = prerendered.query_selector_all(FOCUSABLE).ok()?;
            (0..all.length()).find(|&i| all.item(i).is_some_and(|node| node.is_same_node(Some(&active))))
        });
        let fields = changed_fields(&prerendered);
        let y = window.scroll_y().unwrap_or(0.0);
        let _ = app.remove_attribute("hidden");
        let _ = prerendered.replace_with_with_node_1(&app);
        // After the effects of this tick (the page that is ready is still being set up: its
        // fields take their first values), before any paint.
        if !fields.is_empty() {
            let root = app.clone();
            leptos::task::spawn_local(async move { restore_fields(&root, fields) });
        }
        if window.scroll_y().unwrap_or(0.0) != y {
            window.scroll_to_with_x_and_y(0.0, y);
        }
        if let Some(target) = focused.and_then(|i| app.query_selector_all(FOCUSABLE).ok()?.item(i)).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
    }
}
