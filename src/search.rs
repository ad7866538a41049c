//! Finding shows in the catalogue: the query as it lives in the URL, an index built once per
//! catalogue, filtering with facet counts, sorting and paging, and the 404 page's suggestions.
//! Pure logic: the home page only renders what [`Index::search`] returns.

use crate::bundle::{by_date_then_title, default_cmp_folded, Catalogue, CatalogueEntry, Facets, LabelCount, Watchable};
use crate::regions;
use crate::text::fold;
use std::cmp::Ordering;
use std::collections::HashMap;

// The bundle's head is sized by the page and counts facets under these keys, so they are
// defined in `bundle`, the lower layer, and re-exported here for the pages.
pub use crate::bundle::{facet_key, Facet, FacetValue, PAGE_SIZE};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Most recently updated article first (the default).
    #[default]
    Updated,
    Title,
    Newest,
    Oldest,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Updated, Sort::Title, Sort::Newest, Sort::Oldest];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Updated => "updated",
            Sort::Title => "title",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Updated => "Recently updated",
            Sort::Title => "Title, A to Z",
            Sort::Newest => "Newest premiere",
            Sort::Oldest => "Oldest premiere",
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// Matches in all pages.
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// The shows of the requested page, in order (indexes into [`Index::entries`]).
    pub shown: Vec<usize>,
    /// Each facet's values with what they would give, the other filters kept.
    pub facets: FacetLists,
}

/// The values of one facet over the whole catalogue, numbered once: value `n` of the facet is
/// number `first + n` of the index (numbers are unique across facets).
struct FacetValues {
    first: u32,
    keys: Vec<String>,
    labels: Vec<String>,
    /// The values (their numbers) in the filter's order.
    listed: Vec<u32>,
}

impl FacetValues {
    fn numbers(&self) -> std::ops::Range<u32> {
        self.first..self.first + self.keys.len() as u32
    }

    /// The values with a count, in the filter's order.
    fn counted(&self, counts: &[u32]) -> Vec<FacetValue> {
        self.listed
            .iter()
            .filter(|&&n| counts[n as usize] > 0)
            .map(|&n| {
                let at = (n - self.first) as usize;
                FacetValue { key: self.keys[at].clone(), label: self.labels[at].clone(), count: counts[n as usize] as usize }
            })
            .collect()
    }
}

/// The catalogue prepared for searching: folded text, every show's facet values as numbers, its
/// places to watch, and the sort orders, computed once, so that each keystroke costs one pass
/// over the shows and allocates only for the page it shows and one count per facet value.
pub struct Index {
    pub entries: Vec<CatalogueEntry>,
    haystacks: Vec<String>,
    facets: [FacetValues; FACETS],
    /// Entry i's values of every facet are `values[starts[i]..starts[i + 1]]`.
    values: Vec<u32>,
    starts: Vec<u32>,
    /// Each distinct place to watch (platform and regions) once, with its platform's number:
    /// the real catalogue has a few dozen for tens of thousands of offers.
    places: Vec<(Watchable, u32)>,
    /// Entry i's places are `entry_places[place_starts[i]..place_starts[i + 1]]`.
    entry_places: Vec<u32>,
    place_starts: Vec<u32>,
    orders: [Vec<usize>; 4],
}

impl Index {
    pub fn new(catalogue: &Catalogue) -> Self {
        let entries = catalogue.shows.clone();
        let haystacks = entries
            .iter()
            .map(|e| {
                let mut text = e.title.clone();
                let titles = e.native_title.iter().chain(&e.titles).map(|n| &n.text);
                for extra in titles.chain(&e.alt_titles).chain(&e.studios) {
                    text.push('\n');
                    text.push_str(extra);
                }
                fold(&text)
            })
            .collect();

        let mut numbers: Vec<HashMap<String, u32>> = vec![HashMap::new(); FACETS];
        let mut facets: [FacetValues; FACETS] = std::array::from_fn(|_| FacetValues { first: 0, keys: Vec::new(), labels: Vec::new(), listed: Vec::new() });
        let mut per_facet: Vec<Vec<(usize, u32)>> = Vec::new();
        // Numbered facet by facet, so that each facet's values are a range of numbers.
        for (f, facet) in Facet::ALL.into_iter().enumerate() {
            let mut of_entries = Vec::new();
            for (i, entry) in entries.iter().enumerate() {
                for (key, label) in facet.values(entry) {
                    let values = &mut facets[f];
                    let n = *numbers[f].entry(key).or_insert_with_key(|key| {
                        values.keys.push(key.clone());
                        values.labels.push(label.into_owned());
                        values.keys.len() as u32 - 1
                    });
                    of_entries.push((i, n));
                }
            }
            per_facet.push(of_entries);
        }
        let mut first = 0;
        for (f, facet) in Facet::ALL.into_iter().enumerate() {
            let values = &mut facets[f];
            values.first = first;
            let mut listed: Vec<FacetValue> = values.keys.iter().zip(&values.labels).enumerate()
                .map(|(n, (key, label))| FacetValue { key: key.clone(), label: label.clone(), count: n }).collect();
            facet.sort(&mut listed);
            values.listed = listed.into_iter().map(|v| first + v.count as u32).collect();
            first += values.keys.len() as u32;
        }
        let mut by_entry: Vec<Vec<u32>> = vec![Vec::new(); entries.len()];
        for (f, of_entries) in per_facet.into_iter().enumerate() {
            for (i, n) in of_entries {
                by_entry[i].push(facets[f].first + n);
            }
        }
        let mut starts = Vec::with_capacity(entries.len() + 1);
        starts.push(0);
        let mut values = Vec::new();
        for numbers in by_entry {
            values.extend(numbers);
            starts.push(values.len() as u32);
        }

        let platforms = &facets[Facet::Platform as usize];
        let mut places: Vec<(Watchable, u32)> = Vec::new();
        let (mut entry_places, mut place_starts) = (Vec::new(), vec![0]);
        for entry in &entries {
            for place in &entry.watch {
                let n = match places.iter().position(|(p, _)| p == place) {
                    Some(n) => n,
                    None => {
                        let key = facet_key(&place.platform);
                        let platform = platforms.first + platforms.keys.iter().position(|k| *k == key).unwrap_or_default() as u32;
                        places.push((place.clone(), platform));
                        places.len() - 1
                    }
                };
                entry_places.push(n as u32);
            }
            place_starts.push(entry_places.len() as u32);
        }

        let titles: Vec<String> = entries.iter().map(|e| fold(&e.title)).collect();
        let orders = Sort::ALL.map(|sort| sort_order(sort, &entries, &titles));
        Index { entries, haystacks, facets, values, starts, places, entry_places, place_starts, orders }
    }

    pub fn search(&self, query: &Query) -> Results {
        let words: Vec<String> = fold(&query.text).split_whitespace().map(str::to_string).collect();
        // The chosen filters, each as (facet, the value's number), looked up once; a key no
        // show has matches nothing.
        let chosen: Vec<(usize, Option<u32>)> = (0..FACETS)
            .filter_map(|f| {
                let key = query.filters[f].as_ref()?;
                let values = &self.facets[f];
                Some((f, values.keys.iter().position(|k| k == key).map(|n| values.first + n as u32)))
            })
            .collect();
        // With a region, which places serve it (a country the table lacks is served by none),
        // and a show is on the platforms of those of its places only.
        let serving: Option<Vec<bool>> = query.region.as_deref().map(|code| {
            let country = regions::country(code);
            self.places.iter().map(|(p, _)| country.is_some_and(|c| c.can_use(&p.only, &p.except))).collect()
        });
        let platforms = self.facets[Facet::Platform as usize].numbers();
        const PLATFORM: usize = Facet::Platform as usize;
        const REGION: u32 = 1 << FACETS;

        let order = &self.orders[Sort::ALL.iter().position(|s| *s == query.sort).unwrap_or(0)];
        let first = (query.page.max(1) - 1) * PAGE_SIZE;
        let mut counts = vec![0u32; platforms.end as usize];
        let (mut total, mut shown) = (0, Vec::with_capacity(PAGE_SIZE));
        let mut usable: Vec<u32> = Vec::new();
        for &i in order {
            if !words.iter().all(|w| self.haystacks[i].contains(w.as_str())) {
                continue;
            }
            let values = &self.values[self.starts[i] as usize..self.starts[i + 1] as usize];
            // The filters this show fails, one bit each.
            let mut failed = 0u32;
            if let Some(serving) = &serving {
                usable.clear();
                for &place in &self.entry_places[self.place_starts[i] as usize..self.place_starts[i + 1] as usize] {
                    let platform = self.places[place as usize].1;
                    if serving[place as usize] && !usable.contains(&platform) {
                        usable.push(platform);
                    }
                }
                if usable.is_empty() {
                    failed |= REGION;
                }
            }
            for &(f, n) in &chosen {
                let has = match n {
                    Some(n) if f == PLATFORM && serving.is_some() => usable.contains(&n),
                    Some(n) => values.contains(&n),
                    None => false,
                };
                if !has {
                    failed |= 1 << f;
                }
            }
            // Each facet counts what its values would give with the other filters kept: a
            // match counts for every facet, a show failing one facet's filter alone for it.
            let counted = match failed {
                0 => {
                    if total >= first && shown.len() < PAGE_SIZE {
                        shown.push(i);
                    }
                    total += 1;
                    0..platforms.end
                }
                REGION => continue,
                one if one.is_power_of_two() => self.facets[one.trailing_zeros() as usize].numbers(),
                _ => continue,
            };
            match serving {
                None => values.iter().filter(|n| counted.contains(n)).for_each(|&n| counts[n as usize] += 1),
                Some(_) => {
                    let usable = usable.iter().filter(|n| counted.contains(n));
                    values.iter().filter(|n| counted.contains(n) && !platforms.contains(n)).chain(usable).for_each(|&n| counts[n as usize] += 1);
                }
            }
        }

        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = query.page.clamp(1, pages);
        if page < query.page {
            // A page past the end shows the last one.
            return self.search(&Query { page, ..query.clone() });
        }
        Results { total, page, pages, shown, facets: std::array::from_fn(|f| self.facets[f].counted(&counts)) }
    }
}

/// Two shows in the order `sort`, given their folded titles.
fn compare(sort: Sort, a: (&CatalogueEntry, &str), b: (&CatalogueEntry, &str)) -> Ordering {
    match sort {
        Sort::Updated => default_cmp_folded(a, b),
        Sort::Title => a.1.cmp(b.1),
        Sort::Newest => by_date_then_title((a.0.premiere, a.1), (b.0.premiere, b.1), true),
        Sort::Oldest => by_date_then_title((a.0.premiere, a.1), (b.0.premiere, b.1), false),
    }
}

/// The positions of `entries` in the order `sort` (stable: equal shows keep their places).
fn sort_order(sort: Sort, entries: &[CatalogueEntry], titles: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| compare(sort, (&entries[a], &titles[a]), (&entries[b], &titles[b])));
    order
}

/// The head's facets as the filters show them.
pub fn facet_values(facets: &Facets) -> FacetLists {
    let labels = |values: &[LabelCount]| values.iter().map(|v| FacetValue { key: facet_key(&v.label), label: v.label.clone(), count: v.count }).collect();
    let statuses = facets.statuses.iter().map(|v| FacetValue { key: v.status.key().to_string(), label: v.status.label().to_string(), count: v.count }).collect();
    let kinds = facets.kinds.iter().map(|v| FacetValue { key: v.kind.key().to_string(), label: v.kind.label().to_string(), count: v.count }).collect();
    // In the order of `Facet::ALL`.
    [labels(&facets.genres), labels(&facets.studios), statuses, kinds, labels(&facets.years), labels(&facets.seasons), labels(&facets.platforms)]
}

/// The shows whose slug or title is closest to a path that names none: "/shows/metalic-rouge"
/// suggests Metallic Rouge. At most `limit`, best first, only those reasonably close.
pub fn suggestions<'a>(catalogue: &'a Catalogue, path: &str, limit: usize) -> Vec<&'a CatalogueEntry> {
    let wanted = facet_key(path.trim_end_matches('/').rsplit('/').next().unwrap_or_default());
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &CatalogueEntry)> = catalogue
        .shows
        .iter()
        .map(|e| (similarity(&wanted, &e.slug).max(similarity(&wanted, &facet_key(&e.title))), e))
        .filter(|(score, _)| *score >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(limit).map(|(_, e)| e).collect()
}

/// 1 for equal strings, falling with their edit distance relative to the longer one.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    1.0 - row[b.len()] as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{default_cmp, default_order, facets, Status, StatusCount};

    /// The value of parameter `name` in a URL's query (`q=rouge+red&page=2`, without the `?`),
    /// decoded as the browser's URLSearchParams does (`+` is a space, `%XX` a byte of UTF-8): the
    /// app reads its query through leptos_router, which asks the browser; this stands in for it.
    fn query_param(query: &str, name: &str) -> Option<String> {
        query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key) == name).then(|| decode(value))
        })
    }

    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' => match (hex(i + 1), hex(i + 2)) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                },
                byte => out.push(byte),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn query_values_are_read_back_as_written() {
        let mut filters: [Option<String>; FACETS] = Default::default();
        filters[Facet::Genre as usize] = Some("science-fiction".into());
        let query = Query { text: "rouge & co 100% ゆう".into(), filters, page: 3, ..Query::default() };
        let url = query.to_url();
        let params = url.strip_prefix("/?").unwrap();
        assert_eq!(Query::from_params(|name| query_param(params, name)), query);
        assert_eq!(query_param("q=a+b&page=2", "page").as_deref(), Some("2"));
        assert_eq!(query_param("q=%E3%81%82%zz%4", "q").as_deref(), Some("あ%zz%4"), "broken escapes stay as typed");
        assert_eq!(query_param("showing=1", "show"), None);
        assert_eq!(query_param("flag", "flag").as_deref(), Some(""));
    }

    fn catalogue() -> Catalogue {
        serde_json::from_str(
            r#"{"schema":1,"shows":[
              {"slug":"metallic-rouge","title":"Metallic Rouge","native_title":{"text":"メタリックルージュ","lang":"ja"},"studios":["Bones"],"genres":["Action","Science Fiction"],"premiere":"2024-01-11","status":"no_announcement","updated":"2024-03-01",
               "kind":"tv","watch":[{"platform":"Crunchyroll","except":["asia"]},{"platform":"U-NEXT","only":["JP"]}]},
              {"slug":"sengoku-youko","title":"Sengoku Youko","titles":[{"text":"战国妖狐","lang":"zh-Hans"}],"studios":["White Fox"],"genres":["Action","Fantasy"],"premiere":"2024-04",
               "kind":"tv","watch":[{"platform":"bilibili","only":["CN"]},{"platform":"Crunchyroll","only":["US","CA"]},{"platform":"Crunchyroll","only":["GB"]}]},
              {"slug":"synthetic-a","title":"Synthetic Hernández Story","alt_titles":["Another Name"],"studios":["Studio Ñ"],"genres":["Drama"],"premiere":"2019","status":"announced","updated":"2025-06-30",
               "kind":"movie","watch":[{"platform":"Netflix"}]},
              {"slug":"synthetic-b","title":"Another Synthetic","studios":["Bones"],"genres":["Drama","Action"],"status":"announced","updated":"2025-01-01","kind":"ova"}
            ]}"#,
        )
        .unwrap()
    }

    fn titles(index: &Index, results: &Results) -> Vec<String> {
        results.shown.iter().map(|&i| index.entries[i].title.clone()).collect()
    }

    fn query(url: &str) -> Query {
        let pairs: Vec<(String, String)> = url
            .trim_start_matches("/?")
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.replace('+', " ")))
            .collect();
        Query::from_params(|name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn text_search_ignores_case_and_diacritics_and_reads_every_title_and_studio() {
        let index = Index::new(&catalogue());
        assert_eq!(titles(&index, &index.search(&query("/?q=rouge"))), ["Metallic Rouge"]);
        assert_eq!(titles(&index, &index.search(&query("/?q=hernandez"))), ["Synthetic Hernández Story"]);
        assert_eq!(titles(&index, &index.search(&query("/?q=ANOTHER+name"))), ["Synthetic Hernández Story"]);
        assert_eq!(titles(&index, &index.search(&query("/?q=ルージュ"))), ["Metallic Rouge"]);
        assert_eq!(titles(&index, &index.search(&query("/?q=white+fox"))), ["Sengoku Youko"]);
        assert_eq!(titles(&index, &index.search(&query("/?q=战国"))), ["Sengoku Youko"], "titles in other languages");
        assert_eq!(titles(&index, &index.search(&query("/?q=studio+n"))), ["Synthetic Hernández Story"]);
        assert_eq!(index.search(&query("/?q=nothing+like+it")).total, 0);
    }

    #[test]
    fn filters_combine_and_count_what_each_value_would_give() {
        let index = Index::new(&catalogue());
        let results = index.search(&query("/?genre=action&studio=bones"));
        assert_eq!(titles(&index, &results), ["Another Synthetic", "Metallic Rouge"]);
        let count = |facet: Facet, key: &str| results.facets[facet as usize].iter().find(|v| v.key == key).map(|v| v.count);
        // Genres are counted among Bones' shows; studios among action shows.
        assert_eq!(count(Facet::Genre, "action"), Some(2));
        assert_eq!(count(Facet::Genre, "drama"), Some(1));
        assert_eq!(count(Facet::Genre, "science-fiction"), Some(1));
        assert_eq!(count(Facet::Genre, "fantasy"), None);
        assert_eq!(count(Facet::Studio, "bones"), Some(2));
        assert_eq!(count(Facet::Studio, "white-fox"), Some(1));
        assert_eq!(count(Facet::Status, "announced"), Some(1));
        assert_eq!(count(Facet::Status, "no-announcement"), Some(1));
        let results = index.search(&query("/?genre=action&studio=bones&status=announced"));
        assert_eq!(titles(&index, &results), ["Another Synthetic"]);
    }

    #[test]
    fn new_filters_round_trip_through_urls() {
        for url in ["/?type=movie", "/?year=2024", "/?season=winter", "/?year=2024&season=winter", "/?platform=crunchyroll", "/?region=FR"] {
            assert_eq!(query(url).to_url(), url);
            assert!(!query(url).is_default_view(), "{url}");
        }
        let all = query("/?q=x&genre=drama&studio=bones&status=announced&type=tv&year=2024&season=fall&platform=u-next&region=JP&sort=title&page=2");
        assert_eq!(all.to_url(), "/?q=x&genre=drama&studio=bones&status=announced&type=tv&year=2024&season=fall&platform=u-next&region=JP&sort=title&page=2");
        assert_eq!((all.filter(Facet::Kind), all.filter(Facet::Year), all.filter(Facet::Season)), (Some("tv"), Some("2024"), Some("fall")));
        assert_eq!(query("/?region=fr").region.as_deref(), Some("FR"), "a country code in either case");
        assert_eq!(query("/?type=&region=").to_url(), "/", "a form's empty fields are no filter");
        let params = "type=ova&platform=crunchyroll&region=GB";
        assert_eq!(Query::from_params(|name| query_param(params, name)).to_url(), format!("/?{params}"));
    }

    #[test]
    fn filters_by_type_year_season_and_platform() {
        let index = Index::new(&catalogue());
        let all = |url: &str| {
            let mut found = titles(&index, &index.search(&query(url)));
            found.sort();
            found
        };
        assert_eq!(all("/?type=tv"), ["Metallic Rouge", "Sengoku Youko"]);
        assert_eq!(all("/?type=movie"), ["Synthetic Hernández Story"]);
        assert_eq!(all("/?type=ova"), ["Another Synthetic"]);
        assert_eq!(all("/?year=2024"), ["Metallic Rouge", "Sengoku Youko"]);
        assert_eq!(all("/?year=2024&season=winter"), ["Metallic Rouge"], "January is winter");
        assert_eq!(all("/?year=2024&season=spring"), ["Sengoku Youko"], "April is spring");
        assert_eq!(all("/?year=2019"), ["Synthetic Hernández Story"], "a year alone");
        assert!(all("/?year=2019&season=winter").is_empty(), "a year alone is in no season");
        assert_eq!(all("/?platform=crunchyroll"), ["Metallic Rouge", "Sengoku Youko"]);
        assert_eq!(all("/?platform=bilibili&type=tv"), ["Sengoku Youko"]);
        assert!(all("/?platform=nowhere").is_empty());
        assert!(all("/?year=soon").is_empty());
    }

    #[test]
    fn facets_count_types_years_seasons_and_platforms_with_the_other_filters_kept() {
        let index = Index::new(&catalogue());
        let results = index.search(&query("/?year=2024&type=tv"));
        let counts = |facet: Facet| results.facets[facet as usize].iter().map(|v| (v.label.clone(), v.count)).collect::<Vec<_>>();
        let pairs = |list: &[(&str, usize)]| list.iter().map(|(l, c)| (l.to_string(), *c)).collect::<Vec<_>>();
        // Types among 2024's shows; years among TV series, newest first.
        assert_eq!(counts(Facet::Kind), pairs(&[("TV series", 2)]));
        assert_eq!(counts(Facet::Year), pairs(&[("2024", 2)]));
        assert_eq!(counts(Facet::Season), pairs(&[("Winter", 1), ("Spring", 1)]));
        // A show is counted once for a platform it has twice.
        assert_eq!(counts(Facet::Platform), pairs(&[("bilibili", 1), ("Crunchyroll", 2), ("U-NEXT", 1)]));
        let results = index.search(&query("/"));
        let counts = |facet: Facet| results.facets[facet as usize].iter().map(|v| (v.key.clone(), v.count)).collect::<Vec<_>>();
        assert_eq!(counts(Facet::Kind), pairs(&[("tv", 2), ("movie", 1), ("ova", 1)]));
        assert_eq!(counts(Facet::Year), pairs(&[("2024", 2), ("2019", 1)]));
    }

    #[test]
    fn region_filter_keeps_shows_with_an_offer_serving_the_country() {
        let index = Index::new(&catalogue());
        let all = |url: &str| {
            let mut found = titles(&index, &index.search(&query(url)));
            found.sort();
            found
        };
        // Crunchyroll "outside Asia" serves France, not Japan; U-NEXT serves Japan alone.
        assert_eq!(all("/?region=FR"), ["Metallic Rouge", "Synthetic Hernández Story"]);
        assert_eq!(all("/?region=JP"), ["Metallic Rouge", "Synthetic Hernández Story"]);
        // An item's own regions: bilibili in China, Crunchyroll in the US and Canada, or Britain.
        assert_eq!(all("/?region=CN"), ["Sengoku Youko", "Synthetic Hernández Story"]);
        assert_eq!(all("/?region=CA"), ["Metallic Rouge", "Sengoku Youko", "Synthetic Hernández Story"]);
        assert_eq!(all("/?region=GB"), ["Metallic Rouge", "Sengoku Youko", "Synthetic Hernández Story"]);
        assert!(all("/?region=XX").is_empty(), "no country, no offer");
        // With a region, a platform is one whose offer serves it: Crunchyroll is not in Japan.
        assert!(all("/?region=JP&platform=crunchyroll").is_empty());
        assert_eq!(all("/?region=JP&platform=u-next"), ["Metallic Rouge"]);
        let results = index.search(&query("/?region=JP"));
        let platforms: Vec<(String, usize)> = results.facets[Facet::Platform as usize].iter().map(|v| (v.key.clone(), v.count)).collect();
        assert_eq!(platforms, [("netflix".to_string(), 1), ("u-next".to_string(), 1)]);
        let kinds: Vec<(String, usize)> = results.facets[Facet::Kind as usize].iter().map(|v| (v.key.clone(), v.count)).collect();
        assert_eq!(kinds, [("tv".to_string(), 1), ("movie".to_string(), 1)]);
    }

    #[test]
    fn sorted_by_update_by_default_with_other_orders() {
        let index = Index::new(&catalogue());
        let all = |url: &str| titles(&index, &index.search(&query(url)));
        // Undated shows last, by title.
        assert_eq!(all("/"), ["Synthetic Hernández Story", "Another Synthetic", "Metallic Rouge", "Sengoku Youko"]);
        assert_eq!(all("/?sort=title"), ["Another Synthetic", "Metallic Rouge", "Sengoku Youko", "Synthetic Hernández Story"]);
        assert_eq!(all("/?sort=newest"), ["Sengoku Youko", "Metallic Rouge", "Synthetic Hernández Story", "Another Synthetic"]);
        assert_eq!(all("/?sort=oldest"), ["Synthetic Hernández Story", "Metallic Rouge", "Sengoku Youko", "Another Synthetic"]);
    }

    #[test]
    fn the_default_order_is_the_index_s_and_the_written_files() {
        let catalogue = catalogue();
        let index = Index::new(&catalogue);
        let order = default_order(&catalogue.shows);
        assert_eq!(order, index.search(&query("/")).shown);
        assert_eq!(order, [2, 3, 0, 1]);
        for pair in order.windows(2) {
            assert!(default_cmp(&catalogue.shows[pair[0]], &catalogue.shows[pair[1]]).is_le());
        }
        assert!(default_cmp(&catalogue.shows[1], &catalogue.shows[0]).is_gt(), "undated after dated");
        // Equal shows keep their places: written files read back in the same order.
        let twice = Catalogue { shows: vec![catalogue.shows[1].clone(), catalogue.shows[1].clone()] };
        assert_eq!(default_order(&twice.shows), [0, 1]);
    }

    #[test]
    fn whole_catalogue_facets_as_the_head_states_them_and_the_filters_show_them() {
        let catalogue = catalogue();
        let facets = facets(&catalogue.shows);
        let results = Index::new(&catalogue).search(&query("/"));
        assert_eq!(facet_values(&facets), results.facets);
        assert_eq!(facets.statuses, [StatusCount { status: Status::Announced, count: 2 }, StatusCount { status: Status::NoAnnouncement, count: 1 }]);
        assert!(query("/?page=3").is_default_view());
        for url in ["/?q=x", "/?genre=drama", "/?sort=title", "/?status=announced"] {
            assert!(!query(url).is_default_view(), "{url}");
        }
    }

    #[test]
    fn pages_of_results() {
        let shows: Vec<String> =
            (0..50).map(|i| format!(r#"{{"slug":"s-{i:02}","title":"Show {i:02}","genres":["Drama"]}}"#)).collect();
        let catalogue: Catalogue = serde_json::from_str(&format!(r#"{{"schema":1,"shows":[{}]}}"#, shows.join(","))).unwrap();
        let index = Index::new(&catalogue);
        let first = index.search(&query("/"));
        assert_eq!((first.total, first.pages, first.shown.len()), (50, 3, PAGE_SIZE));
        let last = index.search(&query("/?page=3"));
        assert_eq!(titles(&index, &last), ["Show 48", "Show 49"]);
        // A page past the end shows the last one; none before the first.
        assert_eq!(index.search(&query("/?page=99")).page, 3);
        assert_eq!(index.search(&Query { page: 0, ..Query::default() }).page, 1);
    }

    #[test]
    fn queries_round_trip_through_urls() {
        let mut filters: [Option<String>; FACETS] = Default::default();
        filters[Facet::Genre as usize] = Some("science-fiction".into());
        let q = Query { text: "rouge & co".into(), filters, sort: Sort::Title, page: 2, ..Query::default() };
        assert_eq!(q.to_url(), "/?q=rouge+%26+co&genre=science-fiction&sort=title&page=2");
        assert_eq!(query(&q.to_url().replace("%26", "&amp;")).filter(Facet::Genre), Some("science-fiction"));
        assert_eq!(Query::default().to_url(), "/");
        assert_eq!(q.with(|q| q.filters[Facet::Genre as usize] = None).to_url(), "/?q=rouge+%26+co&sort=title");
        assert_eq!(query("/?page=0&sort=bogus"), Query { page: 1, ..Query::default() });
    }

    /// The whole catalogue written in `dir` (index.json and its parts).
    fn read_catalogue(dir: &str) -> Catalogue {
        let read = |name: String| std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        let head = crate::bundle::decode_catalogue_head(&read("index.json".into())).unwrap();
        let mut shows = head.shows.clone();
        for n in 1..=head.parts {
            shows.extend(crate::bundle::decode_catalogue_part(&read(format!("index/{n}.json")), n).unwrap().shows);
        }
        Catalogue { shows }
    }

    /// Two entries as the import of bangumi-data 0.3.208 writes them (titles only).
    const IMPORTED: &str = r#"{"schema":1,"shows":[
      {"slug":"metallic-rouge","title":"Metallic Rouge","native_title":{"text":"メタリックルージュ","lang":"ja"},
       "titles":[{"text":"金属胭脂","lang":"zh-Hans"},{"text":"金属口红","lang":"zh-Hans"},{"text":"金屬口紅","lang":"zh-Hant"}],"kind":"tv"},
      {"slug":"frieren-beyond-the-journeys-end","title":"Frieren: Beyond the Journey's End","native_title":{"text":"葬送のフリーレン","lang":"ja"},
       "alt_titles":["Frieren: Beyond Journey's End"],"titles":[{"text":"葬送的芙莉莲","lang":"zh-Hans"},{"text":"葬送的芙莉蓮","lang":"zh-Hant"}],"kind":"tv"}
    ]}"#;

    #[test]
    fn every_title_in_every_script_finds_its_show() {
        let check = |catalogue: &Catalogue| {
            let index = Index::new(catalogue);
            for (typed, slug) in [("Metallic", "metallic-rouge"), ("メタリック", "metallic-rouge"), ("金属口红", "metallic-rouge"), ("金屬", "metallic-rouge"),
                                  ("Frieren", "frieren-beyond-the-journeys-end"), ("フリーレン", "frieren-beyond-the-journeys-end"), ("芙莉莲", "frieren-beyond-the-journeys-end")] {
                let results = index.search(&Query { text: typed.into(), ..Query::default() });
                let slugs: Vec<&str> = results.shown.iter().map(|&i| index.entries[i].slug.as_str()).collect();
                assert!(slugs.contains(&slug), "{typed}: {slugs:?}");
            }
        };
        check(&serde_json::from_str(IMPORTED).unwrap());
        // And on the whole import, when at hand (`nextseason-bundle import bangumi-data … DIR`).
        if let Ok(dir) = std::env::var("NEXTSEASON_FULL_BUNDLE") {
            check(&read_catalogue(&dir));
        }
    }

    /// How long a search takes over a large catalogue: not a test (no timing is asserted), a
    /// measurement. Write a catalogue, then run in release mode:
    ///   nextseason-bundle synthetic --shows 100000 --out /tmp/syn100k
    ///   NEXTSEASON_BENCH_BUNDLE=/tmp/syn100k cargo test --release --lib search_timings -- --ignored --nocapture
    #[test]
    #[ignore]
    fn search_timings() {
        let dir = std::env::var("NEXTSEASON_BENCH_BUNDLE").expect("NEXTSEASON_BENCH_BUNDLE: a bundle directory");
        let catalogue = read_catalogue(&dir);
        let started = std::time::Instant::now();
        let index = Index::new(&catalogue);
        println!("{} shows indexed in {:?}", index.entries.len(), started.elapsed());
        let keystrokes = ["s", "sy", "syn", "synthetic c", "synthetic crimson h", "syn-0424", "zzz", "フリーレン"].map(|typed| Query { text: typed.into(), ..Query::default() });
        let filters = ["/?type=movie", "/?region=FR", "/?q=synthetic&region=FR&platform=synthetic-crunch&year=2010&season=winter", "/?genre=drama&studio=synthetic-studio-beta&status=announced&sort=title"].map(query);
        for word in ["s", "syn", "zzz"] {
            let started = std::time::Instant::now();
            let mut found = 0;
            for _ in 0..20 {
                found = index.orders[0].iter().filter(|&&i| index.haystacks[i].contains(word)).count();
            }
            println!("text alone {word:?}: {found} found, {:?} a pass", started.elapsed() / 20);
        }
        for query in keystrokes.iter().chain(&filters) {
            let runs = 20;
            let started = std::time::Instant::now();
            let mut total = 0;
            for _ in 0..runs {
                total = index.search(query).total;
            }
            println!("{:<80} {total:>6} found, {:?} a search", query.to_url(), started.elapsed() / runs);
        }
    }

    #[test]
    fn not_found_suggests_the_closest_shows() {
        let catalogue = catalogue();
        let slugs = |path: &str| suggestions(&catalogue, path, 3).iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
        assert_eq!(slugs("/shows/metalic-rouge"), ["metallic-rouge"]);
        assert_eq!(slugs("/shows/sengoku-yoko/"), ["sengoku-youko"]);
        assert_eq!(slugs("/shows/Metallic_Rouge"), ["metallic-rouge"]);
        assert!(slugs("/shows/zzzz").is_empty());
        assert!(slugs("/").is_empty());
    }

    #[test]
    fn similarity_is_normalised_edit_distance() {
        assert_eq!(similarity("abc", "abc"), 1.0);
        assert_eq!(similarity("kitten", "sitting"), 1.0 - 3.0 / 7.0);
        assert_eq!(similarity("", "abc"), 0.0);
    }
}
