//! Performance marks, delays and the next paint.

// Natively most of this file is its fallbacks, which need nothing of the rest.
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
use super::*;

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

/// Runs `f` once the browser has painted its next frame.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
    #[cfg(not(target_arch = "wasm32"))]
    f();
}
