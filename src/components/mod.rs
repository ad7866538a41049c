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

/// The level of the top heading where the cards are rendered: 1 on the site (the article's
/// headline is the page's `<h1>`), 2 in a widget inside a blogger's post, under their own `<h1>`.
#[derive(Clone, Copy)]
pub struct HeadingLevel(pub u8);

/// A heading `depth` levels below the top one (0: the top itself), at most `<h6>`. Not generic
/// over its content: six arms for every content type would each be compiled into the wasm.
pub fn heading(depth: u8, id: Option<&'static str>, class: Option<&'static str>, focusable: bool, content: AnyView) -> AnyView {
    let top = use_context::<HeadingLevel>().map_or(1, |HeadingLevel(level)| level.clamp(1, 6));
    let tabindex = focusable.then_some("-1");
    match (top + depth).min(6) {
        // elementtiming: the browser reports when the page's heading is painted (the benchmark).
        1 => {
            use leptos::tachys::html::attribute::custom::CustomAttribute;
            view! { <h1 id=id class=class tabindex=tabindex>{content}</h1> }.attr("elementtiming", id).into_any()
        }
        2 => view! { <h2 id=id class=class tabindex=tabindex>{content}</h2> }.into_any(),
        3 => view! { <h3 id=id class=class tabindex=tabindex>{content}</h3> }.into_any(),
        4 => view! { <h4 id=id class=class tabindex=tabindex>{content}</h4> }.into_any(),
        5 => view! { <h5 id=id class=class tabindex=tabindex>{content}</h5> }.into_any(),
        _ => view! { <h6 id=id class=class tabindex=tabindex>{content}</h6> }.into_any(),
    }
}

/// A name in its own script, marked with its language so that screen readers and fonts get it right.
pub fn native(text: Option<&NativeText>) -> impl IntoView {
    text.map(|n| view! { <span class="ns-native" lang=n.lang.clone()>{n.text.clone()}</span> })
}
