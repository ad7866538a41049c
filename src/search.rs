//! Finding shows in the catalogue: the query as it lives in the URL, an index built once per
//! catalogue, filtering with facet counts, sorting and paging, and the 404 page's suggestions.
//! Pure logic: the home page only renders what [`Index::search`] returns.

use crate::bundle::{by_date_then_title, default_cmp_folded, Catalogue, CatalogueEntry, FacetTally, Facets, LabelCount, Status};
use crate::text::fold;
use std::cmp::Ordering;

// The bundle's head is sized by the page and counts facets under these keys, so they are
// defined in `bundle`, the lower layer, and re-exported here for the pages.
pub use crate::bundle::{facet_key, FacetValue, PAGE_SIZE};

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

/// What the reader asked for: `/?q=rouge&genre=action&studio=bones&status=announced&sort=title&page=2`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub genre: Option<String>,
    pub studio: Option<String>,
    pub status: Option<String>,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
}

impl Query {
    /// Reads the URL's query parameters; anything unreadable falls back to the default.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let nonempty = |name: &str| get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        Query {
            text: get("q").unwrap_or_default(),
            genre: nonempty("genre"),
            studio: nonempty("studio"),
            status: nonempty("status"),
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
        for (name, value) in [("genre", &self.genre), ("studio", &self.studio), ("status", &self.status)] {
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

    /// A change of search or filters starts again at page 1.
    pub fn with(&self, change: impl FnOnce(&mut Query)) -> Query {
        let mut next = self.clone();
        change(&mut next);
        next.page = 1;
        next
    }

    pub fn is_filtered(&self) -> bool {
        !self.text.trim().is_empty() || self.genre.is_some() || self.studio.is_some() || self.status.is_some()
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
    pub genres: Vec<FacetValue>,
    pub studios: Vec<FacetValue>,
    pub statuses: Vec<FacetValue>,
}

/// The catalogue prepared for searching: folded text and facet keys computed once, and the
/// sort orders computed once, so that each keystroke costs one pass over the shows.
pub struct Index {
    pub entries: Vec<CatalogueEntry>,
    haystacks: Vec<String>,
    genre_keys: Vec<Vec<String>>,
    studio_keys: Vec<Vec<String>>,
    status_keys: Vec<Option<&'static str>>,
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
        let keys = |labels: &[String]| labels.iter().map(|l| facet_key(l)).collect::<Vec<_>>();
        let genre_keys = entries.iter().map(|e| keys(&e.genres)).collect();
        let studio_keys = entries.iter().map(|e| keys(&e.studios)).collect();
        let status_keys = entries.iter().map(|e| e.status.map(Status::key)).collect();
        let titles: Vec<String> = entries.iter().map(|e| fold(&e.title)).collect();
        let orders = Sort::ALL.map(|sort| sort_order(sort, &entries, &titles));
        Index { entries, haystacks, genre_keys, studio_keys, status_keys, orders }
    }

    pub fn search(&self, query: &Query) -> Results {
        let words: Vec<String> = fold(&query.text).split_whitespace().map(str::to_string).collect();
        let text_ok = |i: usize| words.iter().all(|w| self.haystacks[i].contains(w.as_str()));
        let genre_ok = |i: usize| query.genre.as_ref().is_none_or(|g| self.genre_keys[i].contains(g));
        let studio_ok = |i: usize| query.studio.as_ref().is_none_or(|s| self.studio_keys[i].contains(s));
        let status_ok = |i: usize| query.status.as_deref().is_none_or(|s| self.status_keys[i] == Some(s));

        let order = &self.orders[Sort::ALL.iter().position(|s| *s == query.sort).unwrap_or(0)];
        let matches: Vec<usize> =
            order.iter().copied().filter(|&i| text_ok(i) && genre_ok(i) && studio_ok(i) && status_ok(i)).collect();

        // Each facet counts what its values would give with the other filters kept.
        let mut genres = FacetTally::default();
        let mut studios = FacetTally::default();
        let mut statuses = FacetTally::default();
        for i in (0..self.entries.len()).filter(|&i| text_ok(i)) {
            let entry = &self.entries[i];
            if studio_ok(i) && status_ok(i) {
                for (key, label) in self.genre_keys[i].iter().zip(&entry.genres) {
                    genres.add(key, label);
                }
            }
            if genre_ok(i) && status_ok(i) {
                for (key, label) in self.studio_keys[i].iter().zip(&entry.studios) {
                    studios.add(key, label);
                }
            }
            if genre_ok(i) && studio_ok(i) {
                if let Some(status) = entry.status {
                    statuses.add(status.key(), status.label());
                }
            }
        }

        let pages = matches.len().div_ceil(PAGE_SIZE).max(1);
        let page = query.page.clamp(1, pages);
        let shown = matches.iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).copied().collect();
        Results {
            total: matches.len(),
            page,
            pages,
            shown,
            genres: genres.sorted_by_label(),
            studios: studios.sorted_by_label(),
            statuses: statuses.in_status_order(),
        }
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

/// The head's facets as the filters show them: (genres, studios, statuses).
pub fn facet_values(facets: &Facets) -> (Vec<FacetValue>, Vec<FacetValue>, Vec<FacetValue>) {
    let labels = |values: &[LabelCount]| values.iter().map(|v| FacetValue { key: facet_key(&v.label), label: v.label.clone(), count: v.count }).collect();
    let statuses = facets.statuses.iter().map(|v| FacetValue { key: v.status.key().to_string(), label: v.status.label().to_string(), count: v.count }).collect();
    (labels(&facets.genres), labels(&facets.studios), statuses)
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
    use crate::bundle::{default_cmp, default_order, facets, StatusCount};

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
        let query = Query { text: "rouge & co 100% ゆう".into(), genre: Some("science-fiction".into()), page: 3, ..Query::default() };
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
              {"slug":"metallic-rouge","title":"Metallic Rouge","native_title":{"text":"メタリックルージュ","lang":"ja"},"studios":["Bones"],"genres":["Action","Science Fiction"],"premiere":"2024-01-11","status":"no_announcement","updated":"2024-03-01"},
              {"slug":"sengoku-youko","title":"Sengoku Youko","titles":[{"text":"战国妖狐","lang":"zh-Hans"}],"studios":["White Fox"],"genres":["Action","Fantasy"],"premiere":"2024-01"},
              {"slug":"synthetic-a","title":"Synthetic Hernández Story","alt_titles":["Another Name"],"studios":["Studio Ñ"],"genres":["Drama"],"premiere":"2019","status":"announced","updated":"2025-06-30"},
              {"slug":"synthetic-b","title":"Another Synthetic","studios":["Bones"],"genres":["Drama","Action"],"status":"announced","updated":"2025-01-01"}
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
        let count = |facet: &[FacetValue], key: &str| facet.iter().find(|v| v.key == key).map(|v| v.count);
        // Genres are counted among Bones' shows; studios among action shows.
        assert_eq!(count(&results.genres, "action"), Some(2));
        assert_eq!(count(&results.genres, "drama"), Some(1));
        assert_eq!(count(&results.genres, "science-fiction"), Some(1));
        assert_eq!(count(&results.genres, "fantasy"), None);
        assert_eq!(count(&results.studios, "bones"), Some(2));
        assert_eq!(count(&results.studios, "white-fox"), Some(1));
        assert_eq!(count(&results.statuses, "announced"), Some(1));
        assert_eq!(count(&results.statuses, "no-announcement"), Some(1));
        let results = index.search(&query("/?genre=action&studio=bones&status=announced"));
        assert_eq!(titles(&index, &results), ["Another Synthetic"]);
    }

    #[test]
    fn sorted_by_update_by_default_with_other_orders() {
        let index = Index::new(&catalogue());
        let all = |url: &str| titles(&index, &index.search(&query(url)));
        // Undated shows last, by title.
        assert_eq!(all("/"), ["Synthetic Hernández Story", "Another Synthetic", "Metallic Rouge", "Sengoku Youko"]);
        assert_eq!(all("/?sort=title"), ["Another Synthetic", "Metallic Rouge", "Sengoku Youko", "Synthetic Hernández Story"]);
        assert_eq!(all("/?sort=newest"), ["Metallic Rouge", "Sengoku Youko", "Synthetic Hernández Story", "Another Synthetic"]);
        assert_eq!(all("/?sort=oldest"), ["Synthetic Hernández Story", "Sengoku Youko", "Metallic Rouge", "Another Synthetic"]);
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
        assert_eq!(facet_values(&facets), (results.genres, results.studios, results.statuses));
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
        let q = Query { text: "rouge & co".into(), genre: Some("science-fiction".into()), sort: Sort::Title, page: 2, ..Query::default() };
        assert_eq!(q.to_url(), "/?q=rouge+%26+co&genre=science-fiction&sort=title&page=2");
        assert_eq!(query(&q.to_url().replace("%26", "&amp;")).genre.as_deref(), Some("science-fiction"));
        assert_eq!(Query::default().to_url(), "/");
        assert_eq!(q.with(|q| q.genre = None).to_url(), "/?q=rouge+%26+co&sort=title");
        assert_eq!(query("/?page=0&sort=bogus"), Query { page: 1, ..Query::default() });
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
