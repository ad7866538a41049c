//! Markup rendered in the browser as the build writes it: the cards a blogger pastes.

use super::*;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Set while [`markup_as_written`] renders: the reader's region, time zone and ticking clock
    /// are left out, as the build leaves them out.
    static AS_WRITTEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(target_arch = "wasm32")]
pub(super) fn rendering_as_written() -> bool {
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
pub(super) fn without_comments(node: &web_sys::Node) {
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
