//! One component per card. Each takes plain data (no resources, no router), so that it renders
//! the same in the browser and natively.

mod article;
mod card;
mod cast;
mod error_card;
mod outlook;
mod read_also;
mod show_card;
mod skeleton;
mod status_badge;
mod tech_sheet;
mod watch;

pub use article::ArticleCard;
pub use card::Card;
pub use cast::CastCard;
pub use error_card::ErrorCard;
pub use outlook::{Countdown, OutlookCard};
pub use read_also::ReadAlsoCard;
pub use show_card::ShowCard;
pub use skeleton::{CatalogueSkeleton, ShowSkeleton};
pub use status_badge::StatusBadge;
pub use tech_sheet::TechSheet;
pub use watch::WatchCard;

use crate::bundle::NativeText;
use leptos::prelude::*;

/// A name in its own script, marked with its language so that screen readers and fonts get it right.
pub fn native(text: Option<&NativeText>) -> impl IntoView {
    text.map(|n| view! { <span class="ns-native" lang=n.lang.clone()>{n.text.clone()}</span> })
}
