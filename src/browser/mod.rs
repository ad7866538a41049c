//! Everything that needs a browser: the clock that ticks, the reader's time zone and region,
//! local storage, timers, scrolling, focus, history events and performance marks. The rest of the crate calls only these functions, so that the same
//! components render natively (tests, and prerendering later) where each call has a plain
//! fallback: no region, UTC, a clock that does not tick.

use crate::regions;
use leptos::prelude::*;

mod reader;
mod history;
mod focus;
mod document;
mod take_over;
mod timing;
// The browser's own rendering of the build's markup: nothing to fall back to natively.
#[cfg(target_arch = "wasm32")]
mod written;

pub use reader::*;
pub use history::*;
pub use focus::*;
pub use document::*;
pub use take_over::*;
pub use timing::*;
#[cfg(target_arch = "wasm32")]
pub use written::*;
