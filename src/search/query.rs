//! The catalogue's query as it lives in the URL: search text, filters, sort and page.

use super::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Most recently updated article first (the default).
    #[default]
    Updated,
    Title,
    Newest,
    Oldest,
    /// The next season that begins soonest first (airing, dated, announced), then the rest.
    Soonest,
    /// The best odds from history first.
    Odds,
}

impl Sort {
    pub const ALL: [Sort; 6] = [Sort::Updated, Sort::Soonest, Sort::Odds, Sort::Title, Sort::Newest, Sort::Oldest];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Updated => "updated",
            Sort::Title => "title",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Soonest => "soonest",
            Sort::Odds => "odds",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Updated => "Recently updated",
            Sort::Title => "Title, A to Z",
            Sort::Newest => "Newest premiere",
            Sort::Oldest => "Oldest premiere",
            Sort::Soonest => "Next season soonest",
            Sort::Odds => "Best odds from history",
        }
    }

    fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What the reader asked for:
/// `/?q=rouge&genre=action&type=tv&year=2024&season=winter&platform=crunchyroll&region=FR&sort=title&page=2`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// The chosen value of each facet (its key), by [`Facet`]: `filters[Facet::Genre as usize]`.
    pub filters: [Option<String>; FACETS],
    /// Only shows with an offer that serves this country (an ISO 3166 code): "watchable in my
    /// region". A code of no country matches nothing.
    pub region: Option<String>,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
}

/// How many facets the catalogue is filtered by.
pub const FACETS: usize = Facet::ALL.len();

/// The facets' values, each list in its filter's order, by [`Facet`].
pub type FacetLists = [Vec<FacetValue>; FACETS];

/// The URL parameter of each facet's filter, in the order of [`Facet::ALL`].
const PARAMS: [&str; FACETS] = ["genre", "studio", "status", "type", "year", "season", "platform"];

/// The URL parameter of `facet`'s filter ("genre", "type"…), also its form control's name.
pub fn param(facet: Facet) -> &'static str {
    PARAMS[facet as usize]
}

impl Query {
    /// Reads the URL's query parameters; anything unreadable falls back to the default.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let nonempty = |name: &str| get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        Query {
            text: get("q").unwrap_or_default(),
            filters: PARAMS.map(nonempty),
            region: nonempty("region").map(|r| r.to_ascii_uppercase()),
            sort: get("sort").and_then(|s| Sort::from_key(&s)).unwrap_or_default(),
            page: get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1),
        }
    }

    /// The URL of this query on the home page, with defaults left out so that links stay short.
    pub fn to_url(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.text.trim().is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        for (name, value) in PARAMS.iter().zip(&self.filters).chain([("region", &self.region)].iter().map(|(n, v)| (n, *v))) {
            if let Some(value) = value {
                pairs.push((name, value.clone()));
            }
        }
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.key().to_string()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        if pairs.is_empty() {
            return "/".to_string();
        }
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("/?{}", query.join("&"))
    }

    /// The chosen value of `facet` (its key).
    pub fn filter(&self, facet: Facet) -> Option<&str> {
        self.filters[facet as usize].as_deref()
    }

    /// A change of search or filters starts again at page 1.
    pub fn with(&self, change: impl FnOnce(&mut Query)) -> Query {
        let mut next = self.clone();
        change(&mut next);
        next.page = 1;
        next
    }

    pub fn is_filtered(&self) -> bool {
        !self.text.trim().is_empty() || self.filters.iter().any(Option::is_some) || self.region.is_some()
    }

    /// The unfiltered catalogue in its default order: its pages are slices of the index's
    /// files, so it needs no more than the head and the part holding the page. Anything else
    /// needs the whole catalogue.
    pub fn is_default_view(&self) -> bool {
        !self.is_filtered() && self.sort == Sort::default()
    }
}

/// Percent-encoding for a query value: unreserved characters stay, everything else is escaped.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
