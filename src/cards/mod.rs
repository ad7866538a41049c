//! Share cards: the 1200×630 picture a link preview shows for a page (`og:image`,
//! `twitter:image`), drawn at build time from the same facts the page shows. A show's card
//! says its Latin name, its native title, the answer's badge and sentence
//! (`season_answer::SeasonAnswer`, as the answer box renders them) and the site's name; the home
//! page's and the methods page's say their title and description.
//!
//! Native only: the prerender writes the cards (`write`), over `svg` (what goes where, lines
//! wrapped by the fonts' own advances, text escaped) and `render` (the fonts, resvg, PNG). Not
//! every show gets a card of its own, since a static host limits the build's files (`plan`).

use crate::bundle::{DataStatus, NativeText, Show, Status};
use crate::components::{OutlookFacts, Reading, SeasonAnswer, NOT_LISTED_CAVEAT, NO_OUTLOOK};
use crate::head::{PageHead, SITE_NAME};

mod plan;
mod render;
mod svg;
mod write;
#[cfg(test)]
mod tests;

pub use plan::{shared_key, CardFile, CardPlan, OWN_CARDS_MAX, SHARED_KINDS};
pub use render::{font_files, Fonts, Renderer, FONT_DIR_VARIABLE};
pub use svg::{card_svg, escape_xml, family_for_lang, wrap, Face, Family, Measure, Wrapped, HEIGHT, WIDTH};
pub use write::{write_cards, Written};

/// What a card says. Every text is the page's own: nothing here is made up for the picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The big line: a show's Latin name, or the page's title.
    pub name: String,
    /// The show's title in its own language and script, drawn in its own face.
    pub native: Option<NativeText>,
    pub badge: Option<Badge>,
    /// The answer's sentence, or the page's description.
    pub sentence: Option<String>,
    /// The language of a title named in the sentence (the show's native one), for its face.
    pub sentence_lang: Option<String>,
    /// The answer's caveat, drawn small when there is room for it.
    pub note: Option<String>,
    /// Whether shows without a card of their own share this one (then it names none of them).
    pub shared: bool,
}

/// The answer's badge, in the colours of the page's (style/main.css, `.ns-badge--*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Badge {
    pub label: String,
    pub tone: Tone,
    /// A reading of the data, not the editor's: drawn with the page's dashed border.
    pub data: bool,
}

/// The badge's colours, as the page's CSS classes name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    None,
    Announced,
    Dated,
    Airing,
    Cancelled,
}

impl Badge {
    /// The badge the page shows for this reading (`Reading::label`, `Reading::badge_class`).
    pub fn of(reading: Reading) -> Badge {
        let tone = match reading {
            Reading::Editor(Status::NoAnnouncement) => Tone::None,
            Reading::Editor(Status::Announced) => Tone::Announced,
            Reading::Editor(Status::Dated) => Tone::Dated,
            Reading::Editor(Status::Airing) => Tone::Airing,
            Reading::Editor(Status::Cancelled) => Tone::Cancelled,
            Reading::Data(DataStatus::Airing) => Tone::Airing,
            Reading::Data(DataStatus::Dated) => Tone::Dated,
            Reading::Data(DataStatus::Aired) => Tone::Announced,
            Reading::Data(DataStatus::FilmsOnly | DataStatus::NothingLater) => Tone::None,
        };
        Badge { label: reading.label().to_string(), tone, data: matches!(reading, Reading::Data(_)) }
    }
}

/// The line a shared card carries in place of a show's name: the question every page answers.
pub const SHARED_QUESTION: &str = "Will it get another season, and when?";

/// A shared card's sentence, true of every show that shares it: its page has the answer.
pub const SHARED_SENTENCE: &str = "The show's page gives the answer in full, with its dates and where it comes from.";

impl Card {
    /// A show's own card: its names and the answer as its page gives it, or the page's "no
    /// outlook" line where it has no answer.
    pub fn of_show(show: &Show) -> Card {
        let answer = SeasonAnswer::of(OutlookFacts::of(show));
        let native = show.native_title.clone().filter(|n| n.text != show.title);
        Card {
            name: show.title.clone(),
            sentence_lang: native.as_ref().map(|n| n.lang.clone()),
            native,
            badge: answer.as_ref().map(|a| Badge::of(a.reading)),
            sentence: Some(answer.as_ref().map_or_else(|| NO_OUTLOOK.to_string(), SeasonAnswer::sentence_text)),
            note: answer.and_then(|a| a.caveat).map(str::to_string),
            shared: false,
        }
    }

    /// The card shared by the shows without one of their own whose answer has this badge (None:
    /// no answer at all): the question, the badge, and nothing of any one show; the caveat the
    /// page gives every reading of the data that found no later season.
    pub fn shared(reading: Option<Reading>) -> Card {
        let caveat = matches!(reading, Some(Reading::Data(status)) if !status.has_next());
        Card {
            name: SHARED_QUESTION.to_string(),
            native: None,
            badge: reading.map(Badge::of),
            sentence: Some(match reading {
                Some(_) => SHARED_SENTENCE.to_string(),
                None => NO_OUTLOOK.to_string(),
            }),
            sentence_lang: None,
            note: caveat.then(|| NOT_LISTED_CAVEAT.to_string()),
            shared: true,
        }
    }

    /// The home page's card: its title and description, and how many shows the catalogue holds
    /// (`CatalogueHead::total`).
    pub fn home(shows: usize) -> Card {
        let page = PageHead::home("");
        let count = Badge { label: format!("{} anime", crate::text::thousands(shows as u64)), tone: Tone::None, data: false };
        Card::of_page(&page, Some(count))
    }

    /// The methods page's card: its title and description.
    pub fn methods() -> Card {
        Card::of_page(&PageHead::methods(), None)
    }

    fn of_page(page: &PageHead, badge: Option<Badge>) -> Card {
        Card { name: page.title.clone(), native: None, badge, sentence: Some(page.description.clone()), sentence_lang: None, note: None, shared: false }
    }

    /// The picture's text alternative (`og:image:alt`): what the card says, in its order, the
    /// sentence whole (the card ends it in "…" where it has no room). `note_drawn`: whether the
    /// layout found room for the note.
    pub fn alt(&self, note_drawn: bool) -> String {
        let mut parts = vec![match (&self.native, self.shared, &self.badge) {
            (_, true, Some(badge)) => format!("{SITE_NAME} card shared by the shows whose answer is “{}”", badge.label),
            (_, true, None) => format!("{SITE_NAME} card shared by the shows without an answer yet"),
            (Some(native), false, _) => format!("{SITE_NAME} card for {} ({})", self.name, native.text),
            (None, false, _) => format!("{SITE_NAME} card: {}", self.name),
        }];
        if self.shared {
            parts.push(self.name.clone());
        } else if let Some(badge) = &self.badge {
            parts.push(badge.label.clone());
        }
        parts.extend(self.sentence.clone());
        parts.extend(self.note.clone().filter(|_| note_drawn));
        sentences(&parts)
    }
}

/// Texts as one paragraph: each ended by a full stop unless it ends in its own punctuation.
fn sentences(parts: &[String]) -> String {
    let ended = |text: &str| text.trim_end_matches(['”', '"', '’', ')']).ends_with(['.', '?', '!', '…']);
    parts.iter().map(|part| if ended(part) { part.clone() } else { format!("{part}.") }).collect::<Vec<_>>().join(" ")
}
