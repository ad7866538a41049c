//! Links and focus: jumps within the page, clicks on a widget's links, where focus goes.

// Natively most of this file is its fallbacks, which need nothing of the rest.
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
use super::*;

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
pub(super) fn is_jump_within_page(ev: &web_sys::MouseEvent) -> bool {
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
