//! Which pages get a card of their own, and which share one.
//!
//! A static host limits a site's files (Cloudflare Pages: 20,000), and the build held 16,987
//! before the cards (BENCHMARKS.md, §14), with about 300 more coming (calendars and feeds). A
//! card for each of 8,472 shows would not fit, so at most [`OWN_CARDS_MAX`] shows get their own,
//! by how likely their page is to be shared:
//!
//! 1. the editors' shows (an editor wrote the outlook or the article): the pages NextSeason
//!    writes about on purpose;
//! 2. shows with something ahead: the next season airing or dated (the data's reading), or an
//!    editor's outlook with a window or a premiere;
//! 3. then the newest premiere first (the shows people ask about now), a show without a known
//!    premiere last, and by slug where all else is equal, so that the choice is the same every
//!    build.
//!
//! Every other show shares the card of its answer's badge (one per badge, [`SHARED_KINDS`] at
//! most): the question, the badge as its page shows it, the site's name, and nothing of any one
//! show, so that it is true of each. The home page and the methods page have their own.

use super::Card;
use crate::bundle::{DataStatus, Show};
use crate::components::{OutlookFacts, Reading, SeasonAnswer};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Shows with a card of their own, at most: with the shared cards (at most [`SHARED_KINDS`]) and
/// the two pages', 2,013 files, so that the build stays under 19,500 of the host's 20,000.
pub const OWN_CARDS_MAX: usize = 2_000;

/// Shared cards, at most: one per badge (five of the editor's, five of the data's) and one for
/// shows without an answer.
pub const SHARED_KINDS: usize = 11;

/// One picture to write.
#[derive(Clone, Debug, PartialEq)]
pub struct CardFile {
    /// Its path in the build: "cards/shows/<slug>.png", "cards/shared/<badge>.png",
    /// "cards/home.png", "cards/methods.png" (the shows' in a folder of their own, so that no
    /// slug can take another card's name).
    pub file: String,
    pub card: Card,
}

/// The build's cards, and which one each show's page declares.
#[derive(Debug, Default)]
pub struct CardPlan {
    pub files: Vec<CardFile>,
    /// A show's slug → its card, an index into `files`.
    of_show: HashMap<String, usize>,
    home: Option<usize>,
    methods: Option<usize>,
}

impl CardPlan {
    /// The cards of a build of `shows`: at most `own_max` of their own, by the order above, and
    /// the shared cards the rest need; the home page's, and the methods page's when it has one.
    pub fn new(shows: &[Arc<Show>], own_max: usize, home: Option<Card>, methods: Option<Card>) -> CardPlan {
        let mut plan = CardPlan::default();
        for (card, file, slot) in [(home, "cards/home.png", &mut plan.home), (methods, "cards/methods.png", &mut plan.methods)] {
            if let Some(card) = card {
                *slot = Some(plan.files.len());
                plan.files.push(CardFile { file: file.to_string(), card });
            }
        }
        let mut ranked: Vec<&Arc<Show>> = shows.iter().collect();
        ranked.sort_by_cached_key(|show| priority(show));
        let mut shared: BTreeMap<&'static str, usize> = BTreeMap::new();
        for (rank, show) in ranked.into_iter().enumerate() {
            let at = match rank < own_max {
                true => {
                    plan.files.push(CardFile { file: format!("cards/shows/{}.png", show.slug), card: Card::of_show(show) });
                    plan.files.len() - 1
                }
                false => {
                    let reading = SeasonAnswer::of(OutlookFacts::of(show)).map(|a| a.reading);
                    *shared.entry(shared_key(reading)).or_insert_with(|| {
                        plan.files.push(CardFile { file: format!("cards/shared/{}.png", shared_key(reading)), card: Card::shared(reading) });
                        plan.files.len() - 1
                    })
                }
            };
            plan.of_show.insert(show.slug.clone(), at);
        }
        plan
    }

    pub fn of_show(&self, slug: &str) -> Option<&CardFile> {
        self.of_show.get(slug).map(|&i| &self.files[i])
    }

    pub fn home(&self) -> Option<&CardFile> {
        self.home.map(|i| &self.files[i])
    }

    pub fn methods(&self) -> Option<&CardFile> {
        self.methods.map(|i| &self.files[i])
    }

    /// Shows with a card of their own.
    pub fn own_count(&self) -> usize {
        self.files.iter().filter(|f| f.file.starts_with("cards/shows/")).count()
    }
}

/// A shared card's name: the reading's badge ("data-nothing-later", "editor-announced"), or
/// "no-outlook" for shows without an answer.
pub fn shared_key(reading: Option<Reading>) -> &'static str {
    use crate::bundle::Status;
    match reading {
        None => "no-outlook",
        Some(Reading::Editor(Status::NoAnnouncement)) => "editor-no-announcement",
        Some(Reading::Editor(Status::Announced)) => "editor-announced",
        Some(Reading::Editor(Status::Dated)) => "editor-dated",
        Some(Reading::Editor(Status::Airing)) => "editor-airing",
        Some(Reading::Editor(Status::Cancelled)) => "editor-cancelled",
        Some(Reading::Data(DataStatus::Airing)) => "data-airing",
        Some(Reading::Data(DataStatus::Dated)) => "data-dated",
        Some(Reading::Data(DataStatus::Aired)) => "data-aired",
        Some(Reading::Data(DataStatus::FilmsOnly)) => "data-films-only",
        Some(Reading::Data(DataStatus::NothingLater)) => "data-nothing-later",
    }
}

/// A show's place in the order above: the least first.
fn priority(show: &Show) -> (u8, std::cmp::Reverse<Option<(i32, u8, u8)>>, String) {
    let editors = show.outlook.is_some() || show.article.author.is_some();
    let ahead = show.outlook.as_ref().is_some_and(|o| o.window.is_some() || o.premiere_at.is_some())
        || show.data_outlook.as_ref().is_some_and(|d| matches!(d.status, DataStatus::Airing | DataStatus::Dated));
    let tier = match (editors, ahead) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => 2,
    };
    // Reverse puts None (no premiere) after every date.
    (tier, std::cmp::Reverse(show.premiere.map(|p| p.earliest_day())), show.slug.clone())
}
