//! The bundle's schema: the serde types of a show's file and of the catalogue's files.
//! Unknown fields are ignored (serde's default), so newer bundles stay readable.

use crate::dates::{Instant, PartialDate, Precision};
use crate::regions;
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

/// What a work is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    Tv,
    Movie,
    Ova,
    Web,
}

impl WorkKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Tv => "TV series",
            Self::Movie => "Film",
            Self::Ova => "OVA",
            Self::Web => "Web series",
        }
    }
}

/// A weekly slot: "wednesday", "01:25", "JST" is every Wednesday at 01:25 in Japan.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct BroadcastSlot {
    pub weekday: Weekday,
    /// "HH:MM", 24-hour clock.
    pub time: String,
    /// The time zone of `time`: always "JST" (UTC+9), the zone of Japanese broadcasters.
    pub zone: String,
}

impl BroadcastSlot {
    /// "Wednesdays at 01:25 JST".
    pub fn label(&self) -> String {
        format!("{}s at {} {}", self.weekday.label(), self.time, self.zone)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [Self::Monday, Self::Tuesday, Self::Wednesday, Self::Thursday, Self::Friday, Self::Saturday, Self::Sunday];

    /// 0 is Monday, as `dates::LocalTime::weekday` counts.
    pub fn from_index(i: u8) -> Option<Self> {
        Self::ALL.get(i as usize).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Monday => "Monday",
            Self::Tuesday => "Tuesday",
            Self::Wednesday => "Wednesday",
            Self::Thursday => "Thursday",
            Self::Friday => "Friday",
            Self::Saturday => "Saturday",
            Self::Sunday => "Sunday",
        }
    }
}

/// The show's ids on reference sites. Each id is checked against its site's form
/// ([`ReferenceSite::is_valid_id`]) and the links are built from fixed templates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct References {
    /// MyAnimeList: "54794".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mal: Option<String>,
    /// AniList: "162985".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anilist: Option<String>,
    /// AniDB: "17926".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anidb: Option<String>,
    /// The Movie Database: "tv/222787", "movie/324443", "tv/234995/season/2".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tmdb: Option<String>,
    /// Bangumi (bangumi.tv): "425595". The importer matches an editor's show to the data by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bangumi: Option<String>,
}

/// A reference site, in the order the page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceSite {
    Mal,
    AniList,
    AniDb,
    Tmdb,
    Bangumi,
}

impl ReferenceSite {
    pub const ALL: [ReferenceSite; 5] = [Self::Mal, Self::AniList, Self::AniDb, Self::Tmdb, Self::Bangumi];

    /// The field of `references` that holds its id.
    pub fn key(self) -> &'static str {
        match self {
            Self::Mal => "mal",
            Self::AniList => "anilist",
            Self::AniDb => "anidb",
            Self::Tmdb => "tmdb",
            Self::Bangumi => "bangumi",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Mal => "MyAnimeList",
            Self::AniList => "AniList",
            Self::AniDb => "AniDB",
            Self::Tmdb => "The Movie Database",
            Self::Bangumi => "Bangumi",
        }
    }

    /// What an id looks like, for messages.
    pub fn id_form(self) -> &'static str {
        match self {
            Self::Tmdb => "tv/<digits> or movie/<digits>, optionally /season/<n> and /episode/<n>, such as \"tv/222787\"",
            _ => "digits, such as \"54794\"",
        }
    }

    /// The site's page for an id, built from the site's fixed template; the id must be valid.
    fn template(self) -> &'static str {
        match self {
            Self::Mal => "https://myanimelist.net/anime/",
            Self::AniList => "https://anilist.co/anime/",
            Self::AniDb => "https://anidb.net/anime/",
            Self::Tmdb => "https://www.themoviedb.org/",
            Self::Bangumi => "https://bangumi.tv/subject/",
        }
    }

    /// Numeric ids (up to ten digits, no leading zero); on The Movie Database, `tv/<n>` or
    /// `movie/<n>` (with TMDB's optional `-name` tail), then for TV `/season/<n>` and
    /// `/episode/<n>`. Nothing else can reach a link: no dots, no other slashes, no query.
    pub fn is_valid_id(self, id: &str) -> bool {
        fn number(s: &str) -> bool {
            (1..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')
        }
        fn season_number(s: &str) -> bool {
            s == "0" || number(s)
        }
        match self {
            Self::Tmdb => {
                let mut parts = id.split('/');
                let kind = parts.next().unwrap_or_default();
                let Some(main) = parts.next() else { return false };
                let (n, tail) = main.split_once('-').unwrap_or((main, ""));
                let tail_ok = main.len() == n.len()
                    || (!tail.is_empty() && !tail.ends_with('-') && tail.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
                let rest: Vec<&str> = parts.collect();
                let rest_ok = match (kind, rest.as_slice()) {
                    (_, []) => true,
                    ("tv", ["season", s]) => season_number(s),
                    ("tv", ["season", s, "episode", e]) => season_number(s) && number(e),
                    _ => false,
                };
                matches!(kind, "tv" | "movie") && number(n) && tail_ok && rest_ok
            }
            _ => number(id),
        }
    }

    pub fn url(self, id: &str) -> Option<String> {
        self.is_valid_id(id).then(|| format!("{}{id}", self.template()))
    }
}

impl References {
    pub fn is_empty(&self) -> bool {
        ReferenceSite::ALL.iter().all(|site| self.get(*site).is_none())
    }

    pub fn get(&self, site: ReferenceSite) -> Option<&str> {
        match site {
            ReferenceSite::Mal => self.mal.as_deref(),
            ReferenceSite::AniList => self.anilist.as_deref(),
            ReferenceSite::AniDb => self.anidb.as_deref(),
            ReferenceSite::Tmdb => self.tmdb.as_deref(),
            ReferenceSite::Bangumi => self.bangumi.as_deref(),
        }
    }

    pub fn set(&mut self, site: ReferenceSite, id: Option<String>) {
        let field = match site {
            ReferenceSite::Mal => &mut self.mal,
            ReferenceSite::AniList => &mut self.anilist,
            ReferenceSite::AniDb => &mut self.anidb,
            ReferenceSite::Tmdb => &mut self.tmdb,
            ReferenceSite::Bangumi => &mut self.bangumi,
        };
        *field = id;
    }

    /// The page of the show on a reference site, when its id is known and valid.
    pub fn url(&self, site: ReferenceSite) -> Option<String> {
        site.url(self.get(site)?)
    }

    /// Every reference link, in the order of [`ReferenceSite::ALL`].
    pub fn links(&self) -> Vec<(ReferenceSite, String)> {
        ReferenceSite::ALL.into_iter().filter_map(|site| Some((site, self.url(site)?))).collect()
    }
}

/// Another work of the same story: a season, a part, a film.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Related {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<WorkKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere: Option<PartialDate>,
    pub relation: Relation,
    /// Why the two are linked ("the title is 戦国妖狐 followed by the arc name 千魔混沌編"):
    /// the importer writes it for every link it makes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What a related work is to this show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A later season or part.
    Sequel,
    /// An earlier season or part.
    Prequel,
    Film,
    /// A compilation of episodes already aired.
    Recap,
    /// An OVA or special of the same story.
    Special,
}

impl Relation {
    pub fn label(self) -> &'static str {
        match self {
            Self::Sequel => "Sequel",
            Self::Prequel => "Prequel",
            Self::Film => "Film",
            Self::Recap => "Recap",
            Self::Special => "Special",
        }
    }
}

/// Where the facts of a shard that the editor did not write come from: the credit ("Data:
/// bangumi-data (CC BY 4.0)") and how fresh they are. Facts missing from the data are unknown
/// to it as of `as_of`, never "not announced".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct DataSource {
    /// "bangumi-data".
    pub source: String,
    /// The release of the data: "0.3.208".
    pub version: String,
    /// The date of that release.
    pub as_of: PartialDate,
    /// "CC BY 4.0".
    pub license: String,
}

/// What the data lists after a work, as of its date (`data.as_of`): computed by the importer
/// from the data alone, never by an editor, and kept apart from `outlook`, which is the
/// editor's reading of announcements. "Nothing later" means the data has no entry yet, not
/// that nothing has been announced.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct DataOutlook {
    pub status: DataStatus,
    /// Sentences written from the facts, by the importer.
    pub summary: String,
    /// The next season or part (a slug of `related`), for airing, dated and aired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Its premiere in Japan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere: Option<PartialDate>,
    /// Its first broadcast, exactly, when the data gives the time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere_at: Option<Instant>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataStatus {
    /// The next season or part is on the air as of the data's date.
    Airing,
    /// The next season or part begins after the data's date.
    Dated,
    /// The next season or part has aired.
    Aired,
    /// Only films, recaps or specials follow in the data.
    FilmsOnly,
    /// The data lists nothing after this work, as of its date.
    NothingLater,
}

impl DataStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Airing => "Next season airing",
            Self::Dated => "Next season dated",
            Self::Aired => "Next season aired",
            Self::FilmsOnly => "Only films or specials followed",
            Self::NothingLater => "Nothing later in the data",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Airing => "airing",
            Self::Dated => "dated",
            Self::Aired => "aired",
            Self::FilmsOnly => "films-only",
            Self::NothingLater => "nothing-later",
        }
    }

    /// Whether the status is about a next season or part, which `next` names.
    pub fn has_next(self) -> bool {
        matches!(self, Self::Airing | Self::Dated | Self::Aired)
    }
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
    /// The article's reasoning, in a few sentences.
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The exact premiere, once announced with a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere_at: Option<Instant>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NoAnnouncement,
    Announced,
    Dated,
    Airing,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [Status::NoAnnouncement, Status::Announced, Status::Dated, Status::Airing, Status::Cancelled];

    pub fn label(self) -> &'static str {
        match self {
            Self::NoAnnouncement => "No announcement",
            Self::Announced => "Announced",
            Self::Dated => "Date announced",
            Self::Airing => "Airing",
            Self::Cancelled => "Cancelled",
        }
    }

    /// The bundle's own word, used as a CSS modifier.
    pub fn key(self) -> &'static str {
        match self {
            Self::NoAnnouncement => "no-announcement",
            Self::Announced => "announced",
            Self::Dated => "dated",
            Self::Airing => "airing",
            Self::Cancelled => "cancelled",
        }
    }
}

/// When the next season is expected: from a date, optionally to another, or open-ended.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Window {
    pub from: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    #[serde(default)]
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
    #[serde(default)]
    pub studios: Vec<String>,
    #[serde(default)]
    pub genres: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// When the show's article was last updated (else published): the catalogue's default order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
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
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct LabelCount {
    pub label: String,
    pub count: usize,
}

/// A status is counted under the bundle's own word (its URL key and label follow from it).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct StatusCount {
    pub status: Status,
    pub count: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_links_come_from_fixed_templates() {
        let refs = References {
            mal: Some("54794".into()),
            anilist: Some("162985".into()),
            anidb: Some("17926".into()),
            tmdb: Some("tv/234995/season/2".into()),
            bangumi: Some("425595".into()),
        };
        assert_eq!(refs.url(ReferenceSite::Mal).as_deref(), Some("https://myanimelist.net/anime/54794"));
        assert_eq!(refs.url(ReferenceSite::AniList).as_deref(), Some("https://anilist.co/anime/162985"));
        assert_eq!(refs.url(ReferenceSite::AniDb).as_deref(), Some("https://anidb.net/anime/17926"));
        assert_eq!(refs.url(ReferenceSite::Tmdb).as_deref(), Some("https://www.themoviedb.org/tv/234995/season/2"));
        assert_eq!(refs.url(ReferenceSite::Bangumi).as_deref(), Some("https://bangumi.tv/subject/425595"));
        assert_eq!(refs.links().len(), 5);
        assert!(References::default().is_empty() && References::default().links().is_empty());
    }

    #[test]
    fn reference_ids_are_checked_before_any_link() {
        for good in ["tv/222787", "movie/324443", "tv/26318/season/0", "tv/1/season/2/episode/3", "tv/123-mofusand"] {
            assert!(ReferenceSite::Tmdb.is_valid_id(good), "{good}");
        }
        for bad in ["", "tv", "tv/", "tv/x", "person/1", "movie/1/season/2", "tv/1/../../x", "tv/1?x=1", "tv/1-", "tv/01", "tv/1/season/2/", "//evil.example/x"] {
            assert!(!ReferenceSite::Tmdb.is_valid_id(bad), "{bad}");
        }
        assert!(ReferenceSite::Mal.is_valid_id("21"));
        for bad in ["", "0", "012", "54794/", "5.4", "x@evil.example", "12345678901", " 1"] {
            assert!(!ReferenceSite::Mal.is_valid_id(bad), "{bad}");
            assert_eq!(ReferenceSite::Bangumi.url(bad), None);
        }
    }

    #[test]
    fn weekdays_count_from_monday() {
        assert_eq!(Weekday::from_index(0), Some(Weekday::Monday));
        assert_eq!(Weekday::from_index(6), Some(Weekday::Sunday));
        assert_eq!(Weekday::from_index(7), None);
    }
}
