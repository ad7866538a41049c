use super::*;
use crate::bundle::{default_cmp, default_order, facets, SeasonStatus, StatusCount};

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

/// Synthetic shows of every outlook, editor's and data's, for the outlook filter and its sorts.
fn outlooks() -> Catalogue {
    serde_json::from_str(
        r#"{"schema":1,"shows":[
          {"slug":"waiting-long","title":"Waiting Long","data_status":"nothing_later","odds":4,"premiere":"2010"},
          {"slug":"dated-late","title":"Dated Late","data_status":"dated","next":"2027-10-02","premiere":"2024"},
          {"slug":"announced","title":"Announced","status":"announced","next":"2027","premiere":"2023"},
          {"slug":"waiting-short","title":"Waiting Short","data_status":"nothing_later","odds":31,"premiere":"2025"},
          {"slug":"airing","title":"Airing","data_status":"airing","next":"2026-04-06","premiere":"2022"},
          {"slug":"airing-for-ever","title":"Airing For Ever","data_status":"airing","next":"1995-01-08","premiere":"1990"},
          {"slug":"dated-soon","title":"Dated Soon","status":"dated","next":"2027-01-10","premiere":"2021"},
          {"slug":"films","title":"Films","data_status":"films_only","odds":12,"premiere":"2020"},
          {"slug":"aired","title":"Aired","data_status":"aired","premiere":"2019"},
          {"slug":"cancelled","title":"Cancelled","status":"cancelled","premiere":"2018"}
        ]}"#,
    )
    .unwrap()
}

#[test]
fn the_outlook_filter_counts_the_editors_and_the_datas_statuses_as_one_list() {
    let catalogue = outlooks();
    let index = Index::new(&catalogue);
    let statuses = &index.search(&query("/")).facets[Facet::Status as usize];
    let listed: Vec<(&str, usize)> = statuses.iter().map(|v| (v.label.as_str(), v.count)).collect();
    assert_eq!(
        listed,
        [
            ("Next season airing", 2),
            ("Next season dated", 2),
            ("Next season announced", 1),
            ("A later season aired", 1),
            ("Only films or specials found later", 1),
            ("No later season found", 2),
            ("Cancelled", 1)
        ]
    );
    // The editor's dated show and the data's are one value.
    assert_eq!(titles(&index, &index.search(&query("/?status=dated"))), ["Dated Late", "Dated Soon"]);
    assert_eq!(facet_values(&facets(&catalogue.shows))[Facet::Status as usize], *statuses, "the head counts alike");
}

#[test]
fn next_season_soonest_and_best_odds() {
    let index = Index::new(&outlooks());
    let all = |url: &str| titles(&index, &index.search(&query(url)));
    // Coming first: on the air, the latest first; then dated and announced, by when they begin.
    // Then the rest in the default order (newest premiere first).
    assert_eq!(all("/?sort=soonest"), ["Airing", "Airing For Ever", "Dated Soon", "Dated Late", "Announced", "Waiting Short", "Films", "Aired", "Cancelled", "Waiting Long"]);
    assert_eq!(all("/?sort=odds"), ["Waiting Short", "Films", "Waiting Long", "Dated Late", "Announced", "Airing", "Dated Soon", "Aired", "Cancelled", "Airing For Ever"]);
    // The head's "Coming next" is the first of "next season soonest" that are coming.
    let (coming, total) = crate::bundle::coming_next(&outlooks().shows);
    assert_eq!(coming.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(), ["Airing", "Airing For Ever", "Dated Soon", "Dated Late", "Announced"]);
    assert_eq!(total, 5);
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
    assert_eq!(facets.statuses, [StatusCount { status: SeasonStatus::Announced, count: 2 }, StatusCount { status: SeasonStatus::NoAnnouncement, count: 1 }]);
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
   "alt_titles":["Frieren: Beyond Journey's End"],"titles":[{"text":"葬送的芙莉莲","lang":"zh-Hans"},{"text":"葬送的芙莉蓮","lang":"zh-Hant"}],"romaji":"Sousou no Furii Ren","kind":"tv"},
  {"slug":"bgm-37897","title":"Joshiraku","native_title":{"text":"じょしらく","lang":"ja"},"kind":"tv"},
  {"slug":"konosuba","title":"KonoSuba: God's Blessing on This Wonderful World!","native_title":{"text":"この素晴らしい世界に祝福を！","lang":"ja"},"romaji":"Kono Subarashii Sekai ni Shukufuku o!","kind":"tv"}
]}"#;

#[test]
fn romaji_finds_its_show_however_the_long_vowels_are_typed() {
    let catalogue: Catalogue = serde_json::from_str(IMPORTED).unwrap();
    let index = Index::new(&catalogue);
    for (typed, slug) in [
        ("sousou no", "frieren-beyond-the-journeys-end"),
        ("sōsō no frieren", "frieren-beyond-the-journeys-end"),
        ("soso no", "frieren-beyond-the-journeys-end"),
        ("ふりーれん", "frieren-beyond-the-journeys-end"),
        ("ジョシラク", "bgm-37897"),
        ("shukufuku wo", "konosuba"),
        ("subarashii sekai", "konosuba"),
    ] {
        let results = index.search(&Query { text: typed.into(), ..Query::default() });
        let slugs: Vec<&str> = results.shown.iter().map(|&i| index.entries[i].slug.as_str()).collect();
        assert_eq!(slugs, [slug], "{typed}");
    }
}

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
            found = index.orders[0].iter().filter(|&&i| index.haystacks.get(i).contains(word)).count();
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

/// Shows titled only by their romaji, as the import names works without an English title.
fn romaji_catalogue(titles: &[&str]) -> Catalogue {
    Catalogue { shows: titles.iter().enumerate().map(|(n, t)| CatalogueEntry { slug: format!("show-{n}"), ..serde_json::from_value(serde_json::json!({"slug": "x", "title": t})).unwrap() }).collect() }
}

#[test]
fn english_spellings_find_their_katakana_reading_after_the_exact_matches() {
    let index = Index::new(&romaji_catalogue(&["Bonbaamanjettaazu", "Gakuen Arisu", "Gakuen Alice Special", "Kaitou Kuiin wa Saakasu ga Osuki"]));
    let found = |typed: &str| index.search(&Query { text: typed.into(), ..Query::default() }).shown.iter().map(|&i| index.entries[i].title.clone()).collect::<Vec<_>>();
    assert_eq!(found("Bomberman Jetters"), ["Bonbaamanjettaazu"]);
    assert_eq!(found("Kaitou Queen wa Circus ga Osuki"), ["Kaitou Kuiin wa Saakasu ga Osuki"]);
    // The title written as typed first, then the one that only sounds so.
    assert_eq!(found("gakuen alice"), ["Gakuen Alice Special", "Gakuen Arisu"]);
    // Short words say too little to be sounded: "ball" finds no "booru".
    assert!(found("zzzz").is_empty());
}

#[test]
fn a_title_typed_whole_finds_its_show_with_a_word_read_another_way_only_when_few_match() {
    // 名探偵コナン 隻眼の残像: 残像 is "Flashback" to fans, "Zanzou" to a dictionary.
    let mut titles = vec!["Meitantei Konan Sekigan no Zanzou", "Sekigan no Hana"];
    let index = Index::new(&romaji_catalogue(&titles));
    let search = |index: &Index, typed: &str| index.search(&Query { text: typed.into(), ..Query::default() });
    let results = search(&index, "Meitantei Conan: Sekigan no Flashback");
    assert_eq!(results.shown.iter().map(|&i| index.entries[i].title.as_str()).collect::<Vec<_>>(), ["Meitantei Konan Sekigan no Zanzou"]);
    assert_eq!(results.total, 1, "two words of five missing is too many: Sekigan no Hana is not listed");
    // Two words: every one is needed.
    assert_eq!(search(&index, "sekigan flashback").total, 0);
    // Where a page of shows has every word, those missing one are left out, and not counted.
    let many: Vec<String> = (0..PAGE_SIZE).map(|n| format!("Sekigan no Flashback {n}")).collect();
    titles.extend(many.iter().map(String::as_str));
    let index = Index::new(&romaji_catalogue(&titles));
    assert_eq!(search(&index, "Meitantei Conan: Sekigan no Flashback").total, 1, "no show has every word: the one missing one is listed");
    let results = search(&index, "Sekigan no Flashback");
    assert_eq!(results.total, PAGE_SIZE);
    assert!(results.shown.iter().all(|&i| index.entries[i].title.contains("Flashback")));
}

/// Every query of the tests above, for comparing two indexes of one catalogue.
const QUERIES: [&str; 12] = [
    "/?q=synthetic", "/?q=action", "/?q=bones&sort=title", "/?genre=drama", "/?sort=newest", "/?sort=oldest", "/?sort=soonest", "/?sort=odds",
    "/?region=FR", "/?region=US&platform=crunchyroll", "/?status=announced&sort=title", "/?q=a&page=2",
];

#[test]
fn an_index_built_chunk_by_chunk_in_any_order_searches_as_the_whole() {
    // Six shows, some alike in every order but their place in the default order.
    let mut shows = catalogue().shows;
    shows.extend(catalogue().shows.into_iter().map(|e| CatalogueEntry { slug: format!("{}-again", e.slug), ..e }));
    let catalogue = Catalogue { shows };
    let whole = Index::new(&catalogue);
    let slugs = |index: &Index, url: &str| {
        let results = index.search(&query(url));
        (results.shown.iter().map(|&i| index.entries[i].slug.clone()).collect::<Vec<_>>(), results.total, results.facets)
    };
    let chunks: Vec<(usize, &[CatalogueEntry])> = vec![(0, &catalogue.shows[..1]), (1, &catalogue.shows[1..4]), (4, &catalogue.shows[4..])];
    for arrival in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
        let mut index = Index::default();
        for n in arrival {
            let (first, entries) = chunks[n];
            index.add(entries, first);
        }
        assert_eq!(index.len(), whole.len());
        assert_eq!(index.offered, whole.offered);
        for url in QUERIES {
            assert_eq!(slugs(&index, url), slugs(&whole, url), "{url}, chunks arrived {arrival:?}");
        }
    }
    // With a chunk still missing, what has arrived is searched, in the same order.
    let mut partial = Index::default();
    partial.add(chunks[2].1, chunks[2].0);
    partial.add(chunks[0].1, chunks[0].0);
    for url in ["/?sort=title", "/?sort=soonest", "/?q=synthetic"] {
        let arrived: Vec<&str> = chunks[0].1.iter().chain(chunks[2].1).map(|e| e.slug.as_str()).collect();
        let (mut expected, _, _) = slugs(&whole, url);
        expected.retain(|slug| arrived.contains(&slug.as_str()));
        let (shown, total, _) = slugs(&partial, url);
        assert_eq!((shown.len(), total), (expected.len(), expected.len()), "{url}");
        assert_eq!(shown, expected, "{url}");
    }
}

#[test]
fn the_search_index_files_read_back_as_the_catalogue() {
    // The catalogue written as the bundle tool writes it, then read back from its chunks.
    let entries = catalogue().shows;
    let (head, parts) = crate::bundle::catalogue_files(entries, 1, 2);
    let ordered: Vec<CatalogueEntry> = head.shows.iter().chain(parts.iter().flat_map(|p| &p.shows)).cloned().collect();
    let mut index = Index::default();
    for chunk in crate::bundle::search_chunks(&ordered, &head.search_chunks).iter().rev() {
        let text = serde_json::to_string(chunk).unwrap();
        index.add(&crate::bundle::decode_search_chunk(&text, chunk.chunk, &head).unwrap(), chunk.first);
    }
    let whole = Index::new(&Catalogue { shows: ordered });
    for url in QUERIES {
        let found = |index: &Index| index.search(&query(url)).shown.iter().map(|&i| index.entries[i].clone()).collect::<Vec<_>>();
        assert_eq!(found(&index), found(&whole), "{url}");
    }
}

/// How long the search index's chunks take to read and index, slice by slice: not a test, a
/// measurement. On the shipped bundle, in release mode:
///   NEXTSEASON_BENCH_BUNDLE=dist/data cargo test --release --lib chunk_timings -- --ignored --nocapture
#[test]
#[ignore]
fn chunk_timings() {
    let dir = std::env::var("NEXTSEASON_BENCH_BUNDLE").expect("NEXTSEASON_BENCH_BUNDLE: a bundle directory");
    let read = |name: String| std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
    let head = crate::bundle::decode_catalogue_head(&read("index.json".into())).unwrap();
    const SLICE: usize = 250;
    let mut index = Index::default();
    for n in 1..=head.search_chunks.len() {
        let text = read(format!("search/{n}.json"));
        let started = std::time::Instant::now();
        let chunk = crate::bundle::read_search_chunk(&text, n, &head).unwrap();
        let parsed = started.elapsed();
        let mut slowest = [std::time::Duration::ZERO; 3];
        for start in (0..chunk.len()).step_by(SLICE) {
            let started = std::time::Instant::now();
            let slice = chunk.entries_of(start..start + SLICE).unwrap();
            let read = started.elapsed();
            let started = std::time::Instant::now();
            let prepared = Prepared::of(&slice, chunk.first + start);
            let prepare = started.elapsed();
            let started = std::time::Instant::now();
            index.add_prepared(&slice, prepared);
            slowest = [slowest[0].max(read), slowest[1].max(prepare), slowest[2].max(started.elapsed())];
        }
        println!("chunk {n} ({} shows, {} bytes): parsed in {parsed:?}; a slice of {SLICE} at most {:?} to read, {:?} to prepare, {:?} to add", chunk.len(), text.len(), slowest[0], slowest[1], slowest[2]);
    }
}

#[test]
fn an_index_added_to_slice_by_slice_is_the_index_of_the_whole() {
    let mut shows = catalogue().shows;
    for n in 0..3 {
        shows.extend(catalogue().shows.into_iter().map(|e| CatalogueEntry { slug: format!("{}-{n}", e.slug), ..e }));
    }
    let whole = Index::new(&Catalogue { shows: shows.clone() });
    let mut sliced = Index::default();
    // Slices of three, the last first.
    let slices: Vec<(usize, &[CatalogueEntry])> = shows.chunks(3).enumerate().map(|(k, s)| (3 * k, s)).collect();
    for (first, slice) in slices.into_iter().rev() {
        sliced.add_prepared(slice, Prepared::of(slice, first));
    }
    for url in QUERIES {
        let found = |index: &Index| {
            let results = index.search(&query(url));
            (results.shown.iter().map(|&i| index.entries[i].slug.clone()).collect::<Vec<_>>(), results.total, results.facets)
        };
        assert_eq!(found(&sliced), found(&whole), "{url}");
    }
}
