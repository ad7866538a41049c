//! The address and the history: scroll positions, Back and Forward, the host page's URL.

// Natively most of this file is its fallbacks, which need nothing of the rest.
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
use super::*;

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
