//! One component per card. Each takes plain data (no resources, no router), so that it renders
//! the same in the browser and natively.

mod answer;
mod article;
mod card;
mod cast;
mod coming_next;
mod credit;
mod error_card;
mod follow_links;
mod jump_links;
mod outlook;
mod read_also;
mod season_answer;
mod show_card;
mod show_cards;
mod skeleton;
mod tech_sheet;
mod watch;

pub use answer::AnswerBox;
pub use article::ArticleCard;
pub use card::Card;
pub use cast::CastCard;
pub use coming_next::ComingNext;
pub use credit::DataCredit;
pub use error_card::ErrorCard;
pub use follow_links::follow_links;
pub use jump_links::{JumpLinks, JumpTarget};
pub use outlook::{outlook_title, time_left, Countdown, OutlookCard};
pub use read_also::ReadAlsoCard;
pub use season_answer::{group_that_waited, odds_sentence, question, OutlookFacts, Piece, Reading, SeasonAnswer, NOT_LISTED_CAVEAT, NO_OUTLOOK};
pub use show_card::{reading, ShowCard};
pub use show_cards::{jump_target, show_cards, CardKind};
pub use skeleton::{CatalogueSkeleton, ShowSkeleton};
pub use tech_sheet::TechSheet;
pub use watch::{country_options, WatchCard};

use crate::bundle::{is_safe_url, NativeText};
use crate::text::language_pieces;
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
        1 => view! { <h1 id=id class=class tabindex=tabindex>{content}</h1> }.into_any(),
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

/// Bundle text whose pieces in another language carry their `lang` (`text::language_pieces`):
/// `title`, the show's own title, wherever it occurs, in its language, and runs of East Asian
/// script (Han alone in `title`'s language). Text, never HTML.
pub fn in_languages(text: &str, title: Option<&NativeText>) -> AnyView {
    text_in(text, title.map(|t| t.text.as_str()), title.map(|t| t.lang.as_str()))
}

/// `in_languages` with a language for Han script alone, where no title is known.
pub fn text_in(text: &str, known: Option<&str>, lang: Option<&str>) -> AnyView {
    let pieces = language_pieces(text, known, lang);
    if pieces.iter().all(|(_, lang)| lang.is_none()) {
        return text.to_string().into_any();
    }
    pieces
        .into_iter()
        .map(|(piece, lang)| match lang {
            Some(lang) => view! { <span lang=lang.to_string()>{piece.to_string()}</span> }.into_any(),
            None => piece.to_string().into_any(),
        })
        .collect_view()
        .into_any()
}

/// A link that leaves the site, in a new tab and without the page's address: https only, else
/// its name is shown as text.
pub fn external_link(url: &str, name: AnyView) -> AnyView {
    if is_safe_url(url) {
        view! {
            <a href=url.to_string() target="_blank" rel="noopener noreferrer">
                {name}<span class="ns-visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any()
    } else {
        view! { <span>{name}</span> }.into_any()
    }
}
