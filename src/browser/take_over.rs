//! The app taking the written page's place.

#[cfg(target_arch = "wasm32")]
pub(super) const PRERENDERED: &str = "[data-ns-prerendered]";
#[cfg(target_arch = "wasm32")]
pub(super) const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";
#[cfg(target_arch = "wasm32")]
pub(super) const FIELDS: &str = "input, select, textarea";

/// The form fields of the written page the reader changed before the take-over (typed in the
/// catalogue's search box, picked a filter or a region), by their place among `FIELDS`: since
/// a link from a show to the catalogue is a page load, a reader may well type before the app
/// takes over, and must not lose it.
#[cfg(target_arch = "wasm32")]
pub(super) fn changed_fields(root: &web_sys::Element) -> Vec<(u32, String, bool)> {
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
pub(super) fn restore_fields(root: &web_sys::Element, changed: Vec<(u32, String, bool)>) {
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
