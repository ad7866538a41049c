//! The reader's clock, time zone and region, and the storage that remembers the region.

use super::*;

/// Where the reader's chosen region is remembered; namespaced so that a host page's keys are safe.
pub(super) const REGION_KEY: &str = "nextseason.region";

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
pub(super) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
