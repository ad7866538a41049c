//! The schema of the facts a reference dataset (bangumi-data) gives about a work, beside the
//! editor's: what it is, its weekly slot, its pages on reference sites, the works that follow
//! it, and where the facts come from. Part of the show's file (`schema::Show`).

use crate::dates::{Instant, PartialDate};
use serde::{Deserialize, Serialize};

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
    pub const ALL: [WorkKind; 4] = [Self::Tv, Self::Movie, Self::Ova, Self::Web];

    /// The bundle's own word, the type filter's key in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Self::Tv => "tv",
            Self::Movie => "movie",
            Self::Ova => "ova",
            Self::Web => "web",
        }
    }

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

/// How NextSeason made a show's Latin title where neither an editor nor the data gave one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleMade {
    /// From the English title of the franchise's first season, with the season or part the
    /// native title numbers ("Frieren: Beyond Journey's End Season 2").
    Derived,
    /// The native title's romaji.
    Romaji,
}

/// What a related work is to this show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A later season (or a sequel series).
    Sequel,
    /// A later part or cour of a season ("Part 2", 第2クール).
    Part,
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
            Self::Part => "Later part",
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
    /// With no later season found: how often seasons like this one got one (issue 23).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub odds: Option<HistoryOdds>,
}

/// The odds from history of a TV or web season with no later season found, computed by the
/// import (`crate::odds`): of the seasons of its group that had waited as long since their last
/// episode, the share that got a next season within two years. Never an announcement, and
/// never a prediction about this show.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct HistoryOdds {
    /// The share, in percent (0–100, rounded).
    pub percent: u8,
    /// The group in words: "TV first seasons that ended 2010–2019".
    pub group: String,
    /// How many seasons the group holds.
    pub population: u32,
    /// How long this season had waited on the data's date, in months.
    pub waited_months: u16,
    /// Of those that got a next season within the two years, the months from the last episode
    /// by which half had it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub half_within_months: Option<u16>,
    /// The share within 6, 12, 18 and 24 months from the data's date (the last is `percent`):
    /// the outlook card's bars.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub within: Vec<OddsStep>,
}

/// The share of a group's seasons that got a next season within so many months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct OddsStep {
    pub months: u16,
    pub percent: u8,
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
    /// NextSeason found only films, recaps or specials after this work in the data.
    FilmsOnly,
    /// NextSeason found nothing after this work in the data, as of its date.
    NothingLater,
}

impl DataStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Airing => "Next season airing",
            Self::Dated => "Next season dated",
            Self::Aired => "Next season aired",
            Self::FilmsOnly => "Only films or specials found later",
            Self::NothingLater => "No later season found",
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
