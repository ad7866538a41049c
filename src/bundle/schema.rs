//! The bundle's schema: the serde types of a show's file and of the catalogue's files.
//! Unknown fields are ignored (serde's default), so newer bundles stay readable.

use crate::dates::{Instant, PartialDate, Precision};
use crate::regions;
use super::imported::*;
pub use super::season_status::{SeasonStatus, Status};
use serde::{Deserialize, Serialize};

/// The schema version this site reads; a bundle of another version is refused by name.
pub const SCHEMA_VERSION: u64 = 1;

/// One show: the content of `data/shows/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Show {
    pub schema: u64,
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_title: Option<NativeText>,
    /// Other titles the show is known by (English release titles, abbreviations): searchable.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_titles: Vec<String>,
    /// The show's titles in other languages (translations), each with its language tag:
    /// searchable, like `alt_titles`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<NativeText>,
    /// The native title read in romaji (modified Hepburn), by NextSeason's import: searchable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub romaji: Option<String>,
    /// Other ways a fan may type the native title, read by NextSeason's import: its loanwords
    /// as spelled in English ("Queen Circus" for クイーン and サーカス), and a reading the
    /// dictionary was unsure of. Searched, never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spelled: Option<String>,
    /// How `title` was made when NextSeason made it (absent: the editor's, or the data's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_made: Option<TitleMade>,
    /// What the work is: a TV series, a film, an OVA, a web series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<WorkKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seasons: Option<u32>,
    #[serde(default)]
    pub genres: Vec<String>,
    #[serde(default)]
    pub studios: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere: Option<PartialDate>,
    /// When it ended: its last episode (TV, web) or its last volume (OVA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<PartialDate>,
    /// Its weekly slot on Japanese television (or the web), in Japan time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast: Option<BroadcastSlot>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The editor's reading of what has been announced of the next season.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlook: Option<Outlook>,
    /// What the data lists after this work (`related`), computed by the importer when the
    /// editor wrote no `outlook`: not an announcement status (see [`DataOutlook`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_outlook: Option<DataOutlook>,
    pub article: Article,
    #[serde(default)]
    pub watch: Vec<Offer>,
    #[serde(default)]
    pub cast: Vec<Role>,
    #[serde(default)]
    pub read_also: Vec<ShowLink>,
    /// The show's other seasons, parts and films. Written by the importer from the data, each
    /// link with its reason; an editor's own `related` replaces the importer's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Slugs the editor has judged not related: the importer never links them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_rejected: Vec<String>,
    /// A picture of the show for link previews (OpenGraph): an https URL. Left out unless the
    /// editor knows one the site may use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The show's own site: an https URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_site: Option<String>,
    /// The show's ids on reference sites; the site builds their links ([`References::url`]).
    #[serde(default, skip_serializing_if = "References::is_empty")]
    pub references: References,
    /// Where the facts that are not the editor's come from, for the credit and its freshness.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataSource>,
}

/// Text in the show's own language and script, rendered with its `lang`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct NativeText {
    pub text: String,
    /// BCP 47 tag: "ja".
    pub lang: String,
}

/// What the anime adapts.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Source {
    pub kind: SourceKind,
    /// The adapted work's author, for an adaptation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Original,
    Manga,
    LightNovel,
    Novel,
    WebNovel,
    VideoGame,
    Other,
}

impl Source {
    /// "Original anime (not based on a manga or novel)", "Manga by Satoshi Mizukami".
    pub fn label(&self) -> String {
        let kind = match self.kind {
            SourceKind::Original => return "Original anime (not based on a manga or novel)".into(),
            SourceKind::Manga => "Manga",
            SourceKind::LightNovel => "Light novel",
            SourceKind::Novel => "Novel",
            SourceKind::WebNovel => "Web novel",
            SourceKind::VideoGame => "Video game",
            SourceKind::Other => "Other",
        };
        match &self.author {
            Some(author) => format!("{kind} by {author}"),
            None => kind.into(),
        }
    }
}

/// What is known of the next season.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Outlook {
    pub status: Status,
    /// The article's reasoning, in a few sentences. Optional: the answer's own sentence already
    /// says what the status means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The exact premiere, once announced with a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere_at: Option<Instant>,
    /// Where the editor read the news: the page shown, linked, under the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<OutlookSource>,
}

/// The page an outlook's news comes from, and the day it was announced (or, if that is not
/// known, the day the editor read it).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct OutlookSource {
    /// An https link.
    pub url: String,
    /// A day, YYYY-MM-DD.
    pub date: PartialDate,
}

impl OutlookSource {
    /// The link's host without "www." and port, as readers name a site: "natalie.mu" for
    /// `https://www.natalie.mu/comic/news/1`. None for a link that is not https.
    pub fn site(&self) -> Option<String> {
        let rest = self.url.strip_prefix("https://")?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.split(':').next().unwrap_or_default().to_ascii_lowercase();
        let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
        (!host.is_empty()).then_some(host)
    }
}

/// When the next season is expected: the period `from` names ("2026", "Fall 2026", a day), or
/// from it to another (`to`), or from it on with no end known (`or_later`); never both.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Window {
    pub from: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// Written only when true, as editors write it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub or_later: bool,
}

impl Window {
    /// "2025 or later", "Spring 2025 to Fall 2025", "January 11, 2027".
    pub fn label(&self) -> String {
        match (&self.to, self.or_later) {
            (Some(to), _) => format!("{} to {}", self.from.label(), to.label()),
            (None, true) => format!("{} or later", self.from.label()),
            (None, false) => self.from.label(),
        }
    }

    pub fn precision(&self) -> Precision {
        self.from.precision()
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Article {
    pub headline: String,
    /// Paragraphs; `[^id]` in any paragraph refers to a footnote.
    #[serde(default)]
    pub intro: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
    /// Written by the importer from the facts of the data, not by an editor: the page says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub generated: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Section {
    pub heading: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub subsections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Footnote {
    pub id: String,
    pub text: String,
}

/// A place to watch the show.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Offer {
    pub platform: String,
    pub url: String,
    pub kind: OfferKind,
    /// Where it can be used: only these regions (empty: everywhere)…
    #[serde(default)]
    pub only: Vec<String>,
    /// …except these.
    #[serde(default)]
    pub except: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Since when the show is there (its first episode on that platform).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
}

impl Offer {
    pub fn available_in(&self, country: &str) -> bool {
        regions::available_in(&self.only, &self.except, country)
    }

    pub fn availability_label(&self) -> String {
        regions::availability_label(&self.only, &self.except)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    Subscription,
    Free,
    Rent,
    Buy,
    Broadcast,
    /// Streamed, on terms the bundle does not know (the importer's offers: the data names the
    /// platform, not whether it is free or by subscription).
    Stream,
}

impl OfferKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Subscription => "Subscription",
            Self::Free => "Free",
            Self::Rent => "Rent",
            Self::Buy => "Buy",
            Self::Broadcast => "TV broadcast",
            Self::Stream => "Streaming",
        }
    }
}

/// A character and who voices them.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Role {
    pub character: Name,
    /// Empty (or left out) while no voice actor is announced: a character may be announced first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voices: Vec<Voice>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Voice {
    pub actor: Name,
    /// The language of the performance (BCP 47 primary tag): "ja" for the original Japanese.
    pub language: String,
}

/// A name as readers of the site write it, and in its own script where known.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Name {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native: Option<NativeText>,
}

/// A link to another show; it carries its title so that a show page needs no catalogue.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ShowLink {
    pub slug: String,
    pub title: String,
}

/// The whole catalogue in memory, one short entry per show, in the default order: assembled
/// by `api` from the head (`data/index.json`) and its parts (`data/index/<n>.json`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Catalogue {
    pub shows: Vec<CatalogueEntry>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct CatalogueEntry {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_title: Option<NativeText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_titles: Vec<String>,
    /// The show's titles in other languages: searched like `alt_titles`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<NativeText>,
    /// The romaji reading, where it is not the title itself: searched like `alt_titles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub romaji: Option<String>,
    /// The show's `spelled`: searched like `alt_titles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spelled: Option<String>,
    #[serde(default)]
    pub studios: Vec<String>,
    #[serde(default)]
    pub genres: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere: Option<PartialDate>,
    /// The editor's outlook status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Without the editor's: what NextSeason found after the work in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_status: Option<DataStatus>,
    /// The odds from history, in percent: of seasons like this one, the share that got a next
    /// season within two years ("best odds").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub odds: Option<u8>,
    /// When the coming next season begins, as far as it is known ("next season soonest").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<PartialDate>,
    /// When the show's article was last updated (else published): the catalogue's default order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
    /// What the work is (TV, film, OVA, web): the type filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<WorkKind>,
    /// Where it can be watched: each of the show's offers as platform and regions, without its
    /// link or terms (the show's file has those), for the platform and region filters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub watch: Vec<Watchable>,
}

/// A platform where a show can be watched, and where it serves (an offer's `only` and
/// `except`): all the catalogue keeps of an offer.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Watchable {
    pub platform: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<String>,
}

impl Catalogue {
    pub fn contains(&self, slug: &str) -> bool {
        self.shows.iter().any(|s| s.slug == slug)
    }
}


/// The head of the catalogue, `data/index.json`: how many shows there are and how they are
/// split, every facet value with its count over the whole catalogue, and the first entries of
/// the default order. The unfiltered catalogue page needs nothing else for its first screens.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct CatalogueHead {
    pub schema: u64,
    /// Shows in the whole catalogue.
    pub total: usize,
    /// Entries in each part file (the last may hold fewer).
    pub part_size: usize,
    /// Part files: `data/index/1.json` to `data/index/<parts>.json`.
    pub parts: usize,
    pub facets: Facets,
    /// The first entries of the default order; the parts hold the rest, in order.
    pub shows: Vec<CatalogueEntry>,
    /// "Coming next": the first shows of the whole catalogue by "next season soonest" whose next
    /// season is airing, dated or announced, for the home page's first screen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coming: Vec<CatalogueEntry>,
    /// How many shows of the whole catalogue have a next season coming.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub coming_total: usize,
    /// The search index (`search/<n>.json`, `bundle::SearchChunk`): how many shows each chunk
    /// holds, in the default order. None: a bundle without one, whose search reads the parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub search_chunks: Vec<usize>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One part of the catalogue, `data/index/<part>.json`: the next entries of the default order.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct CataloguePart {
    pub schema: u64,
    pub part: usize,
    pub shows: Vec<CatalogueEntry>,
}

/// Every value of each facet, with the number of shows of the whole catalogue that have it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Facets {
    /// By label, folded.
    pub genres: Vec<LabelCount>,
    /// By label, folded.
    pub studios: Vec<LabelCount>,
    /// In the order of the outlook filter.
    pub statuses: Vec<StatusCount>,
    /// What the works are, in the order of [`WorkKind::ALL`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<KindCount>,
    /// Years of premiere ("2024"), newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<LabelCount>,
    /// Anime seasons of premiere over all years ("Winter"), winter to fall.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seasons: Vec<LabelCount>,
    /// Platforms to watch on, by label, folded; a show counts once for each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<LabelCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct KindCount {
    pub kind: WorkKind,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct LabelCount {
    pub label: String,
    pub count: usize,
}

/// A status is counted under the bundle's own word (its URL key and label follow from it).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct StatusCount {
    pub status: SeasonStatus,
    pub count: usize,
}
