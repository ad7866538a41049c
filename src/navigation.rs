//! What the site does when the reader moves between pages, as the best hand-made sites do:
//! a new page gets keyboard and screen-reader focus on its heading (its one announcement), a
//! page reached with Back or Forward comes back at the scroll position it was left at, and a
//! page reached by a link starts at the top (the router scrolls there).
//!
//! Pages call [`page_ready`] once their content, not a skeleton, is in the document: only then
//! is there a heading to focus and a page long enough to scroll.

use crate::browser;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Default)]
struct State {
    /// The path of the page last made ready; None before the first.
    ready_path: Option<String>,
    /// Where each visited location was last scrolled to.
    positions: HashMap<String, f64>,
    /// Set by Back/Forward: where the page about to be ready should scroll to.
    restore: Option<f64>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Starts following scrolls and Back/Forward, once, when the app starts.
pub fn install() {
    browser::watch_history(
        || {
            let key = browser::location_key();
            let y = browser::scroll_y();
            STATE.with(|s| s.borrow_mut().positions.insert(key, y));
        },
        || {
            // Read now: scroll events fired while the old page gives way would overwrite it.
            let key = browser::location_key();
            let path = key.split('?').next().unwrap_or_default().to_string();
            STATE.with(|s| {
                let mut s = s.borrow_mut();
                // Back and Forward within one page (the catalogue's searches) keep focus and scroll.
                s.restore = (s.ready_path.as_deref() != Some(path.as_str())).then(|| s.positions.get(&key).copied().unwrap_or(0.0));
            });
        },
    );
}

/// Whether a page of this document has been made ready: the app has taken over.
pub fn took_over() -> bool {
    STATE.with(|s| s.borrow().ready_path.is_some())
}

/// Called by a page when its content is in the document.
pub fn page_ready(path: &str) {
    browser::take_over();
    browser::mark("nextseason:ready");
    let step = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.ready_path.as_deref() == Some(path) {
            return None;
        }
        let first = s.ready_path.is_none();
        s.ready_path = Some(path.to_string());
        Some((first, s.restore.take()))
    });
    match step {
        // The first page of a visit keeps the browser's own focus and scroll.
        None | Some((true, _)) => {}
        Some((false, restore)) => {
            if let Some(y) = restore {
                browser::scroll_to(y);
            }
            browser::focus_page_heading();
        }
    }
}

/// Whether a page is waiting for its data: drives the thin progress bar at the top.
#[derive(Clone, Copy)]
pub struct RoutePending(pub RwSignal<bool>);

/// Where a page's `Transition` reports that it waits; nowhere when there is no app around it.
pub fn route_pending() -> SignalSetter<bool> {
    match use_context::<RoutePending>() {
        Some(RoutePending(pending)) => pending.write_only().into(),
        None => SignalSetter::map(|_| {}),
    }
}
