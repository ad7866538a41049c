//! The cards render natively to HTML (Leptos `ssr`), from the shipped bundle: the same components
//! the browser mounts, checked without a browser. This is what a build-time prerender will use.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use nextseason::api::LoadError;
use nextseason::bundle::{self, Problem, Show};
use nextseason::components::*;

fn shipped(slug: &str) -> Show {
    let text = std::fs::read_to_string(format!("{}/public/data/shows/{slug}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    bundle::decode_show(&text, slug).unwrap()
}

/// Renders a view to HTML, without the `<!>` markers Leptos puts around dynamic text.
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| view().into_view().to_html()).replace("<!>", "")
}

/// Every card is a `<section>` named by a heading that is in the card.
fn assert_named_section(html: &str) {
    assert!(html.starts_with("<section"), "not a section: {html:.80}");
    let id = html.split("aria-labelledby=\"").nth(1).and_then(|s| s.split('"').next()).expect("aria-labelledby");
    assert!(
        html.contains(&format!("<h1 id=\"{id}\"")) || html.contains(&format!("<h2 id=\"{id}\"")),
        "no heading #{id} in {html:.200}"
    );
}

#[test]
fn article_card_has_headline_sections_footnote_and_byline() {
    let show = shipped("metallic-rouge");
    let html = render(|| view! { <ArticleCard article=show.article.clone()/> });
    assert_named_section(&html);
    assert!(html.contains(">Will Metallic Rouge have season 2?【Release Date】</h1>"), "{html}");
    assert!(html.contains("By <span class=\"ns-byline__author\">Natalia Hernández</span>"));
    assert!(html.contains("<h2 class=\"ns-article__heading\">Will Metallic Rouge have season 2?</h2>"));
    assert!(html.contains("<h3 class=\"ns-article__heading\">Metallic Rouge season 2: Premiere Date</h3>"));
    assert!(html.contains("on a mission to Mars. Their mission?"));
    assert!(html.contains("sometime in 2025 or later"));
    // The ¹ of the seed is a real, two-way footnote link.
    assert!(html.contains("source material<sup class=\"ns-fnref\"><a id=\"ns-fnref-1\" href=\"#ns-fn-1\""), "{html}");
    assert!(html.contains("<li id=\"ns-fn-1\" value=\"1\">Source material:"));
    assert!(html.contains("href=\"#ns-fnref-1\""));
    assert!(!html.contains("[^"), "footnote markers must not leak");
}

#[test]
fn article_card_without_text_says_it_is_being_written() {
    let show = shipped("sengoku-youko");
    let html = render(|| view! { <ArticleCard article=show.article.clone()/> });
    assert!(html.contains(">Will Sengoku Youko have season 2?【Release Date】</h1>"));
    assert!(html.contains("The article on this show is still being written"));
    let full = shipped("metallic-rouge");
    assert!(!render(|| view! { <ArticleCard article=full.article.clone()/> }).contains("still being written"));
}

#[test]
fn technical_sheet_lists_the_seed_facts() {
    let show = shipped("metallic-rouge");
    let html = render(|| view! { <TechSheet show=show.clone()/> });
    assert_named_section(&html);
    for (term, value) in [
        ("Title", "Metallic Rouge"),
        ("Native title", "<span lang=\"ja\" class=\"ns-native\">メタリックルージュ</span>"),
        ("Seasons", "1"),
        ("Genres", "Action, Science Fiction"),
        ("Studio", "Bones"),
        ("Premiere", "<time datetime=\"2024-01-11\">January 11, 2024</time>"),
        ("Source material", "Original anime (not based on a manga or novel)"),
    ] {
        assert!(html.contains(&format!("<dt>{term}</dt><dd>{value}</dd>")), "{term}: {html}");
    }
}

#[test]
fn technical_sheet_leaves_out_what_is_unknown() {
    let show = shipped("sengoku-youko");
    let html = render(|| view! { <TechSheet show=show.clone()/> });
    assert!(!html.contains("<dt>Seasons</dt>"));
    assert!(html.contains("<dt>Premiere</dt><dd><time datetime=\"2024-01\">January 2024</time></dd>"));
    assert!(html.contains("<dt>Source material</dt><dd>Manga by Satoshi Mizukami</dd>"));
}

#[test]
fn outlook_card_shows_status_reasoning_and_window() {
    let show = shipped("metallic-rouge");
    let html = render(|| view! { <OutlookCard outlook=show.outlook.clone() seasons=show.seasons/> });
    assert_named_section(&html);
    assert!(html.contains(">Season 2 outlook</h2>"));
    assert!(html.contains("<span class=\"ns-badge ns-badge--no-announcement\">No announcement</span>"));
    assert!(html.contains("There is no official announcement of a second season yet."));
    assert!(html.contains("<time datetime=\"2025\">2025 or later</time>"));
    assert!(html.contains("(known to the year)"));
    assert!(!html.contains("role=\"timer\""), "no countdown without a known day");
}

#[test]
fn outlook_card_without_the_editors_reasoning_says_the_answer() {
    // Synthetic: the shipped outlook with its summary left out (optional).
    let mut outlook = shipped("metallic-rouge").outlook.unwrap();
    outlook.summary = None;
    let html = render(|| view! { <OutlookCard outlook=Some(outlook.clone()) seasons=Some(1)/> });
    assert_named_section(&html);
    assert!(html.contains(
        "<p class=\"ns-outlook__status\"><span class=\"ns-badge ns-badge--no-announcement\">No announcement</span></p><p class=\"ns-outlook__answer\">No second season has been announced.</p><dl class=\"ns-outlook__window\">"
    ), "the answer, then the window, with nothing between: {html}");
    assert!(html.contains("<time datetime=\"2025\">2025 or later</time>"));
    assert!(!html.contains("<p></p>") && !html.contains("There is no official announcement"));
}

#[test]
fn outlook_card_counts_down_once_the_day_is_known() {
    // Synthetic outlook: a dated premiere with its time, the way an announcement reads.
    let outlook: bundle::Outlook = serde_json::from_str(
        r#"{"status":"dated","summary":"Synthetic: announced for a day.","window":{"from":"2099-01-10"},"premiere_at":"2099-01-10T23:00:00+09:00"}"#,
    )
    .unwrap();
    let html = render(|| view! { <OutlookCard outlook=Some(outlook.clone()) seasons=Some(1)/> });
    assert!(html.contains("ns-badge--dated\">Date announced</span>"));
    assert!(html.contains("<dt>Premiere</dt>"));
    // Natively the reader's zone is UTC: 23:00 in Japan is 14:00 UTC.
    assert!(html.contains("Premieres <time datetime=\"2099-01-10T14:00:00Z\">Saturday, January 10, 2099 at 14:00</time>, your time (UTC)."), "{html}");
    assert!(html.contains("role=\"timer\" aria-live=\"off\""), "the ticking clock must not be announced");
    assert!(html.contains(" to go</p>"));
}

#[test]
fn outlook_card_without_outlook_says_so() {
    let html = render(|| view! { <OutlookCard outlook=None seasons=None/> });
    assert_named_section(&html);
    assert!(html.contains(">Next season outlook</h2>"));
    assert!(html.contains("No outlook has been written for this show yet."));
}

#[test]
fn watch_card_links_every_platform_safely() {
    let show = shipped("metallic-rouge");
    let html = render(|| view! { <WatchCard offers=show.watch.clone()/> });
    assert_named_section(&html);
    assert!(html.contains(
        "<a href=\"https://www.crunchyroll.com/series/G24H1NWMJ/\" target=\"_blank\" rel=\"noopener noreferrer\" class=\"ns-offer__link\">Crunchyroll"
    ), "{html}");
    assert!(html.contains("<span class=\"ns-offer__kind\">Subscription</span> · <span>outside Asia</span>"));
    assert!(html.contains("<span class=\"ns-offer__kind\">TV broadcast</span> · <span>in Japan</span>"));
    assert!(html.contains("Fuji TV +Ultra"));
    // Natively there is no reader region: the editor's order, nothing marked.
    assert!(html.find("Crunchyroll").unwrap() < html.find("Fuji TV +Ultra").unwrap());
    assert!(!html.contains("Available in your region"));
    assert!(html.contains("<option value=\"JP\">Japan</option>"));
    // Countries in alphabetical order, diacritics folded: Côte d’Ivoire among the C's.
    assert!(html.find(">Costa Rica<").unwrap() < html.find(">Côte d’Ivoire<").unwrap());
    assert!(html.find(">Côte d’Ivoire<").unwrap() < html.find(">Croatia<").unwrap());
}

#[test]
fn watch_card_never_links_an_unsafe_url() {
    let mut offer = shipped("metallic-rouge").watch[0].clone();
    offer.url = "javascript:alert(1)".into();
    let html = render(|| view! { <WatchCard offers=vec![offer.clone()]/> });
    assert!(!html.contains("javascript:"));
    assert!(html.contains("<span>Crunchyroll</span>"));
}

#[test]
fn watch_card_folds_a_long_list_of_countries() {
    let mut few = shipped("metallic-rouge").watch[0].clone();
    few.only = ["JP", "KR", "TW"].map(String::from).to_vec();
    few.except.clear();
    let mut many = few.clone();
    many.platform = "Ani-One Asia".into();
    many.only = ["HK", "TW", "MO", "SG", "MY", "PH", "TH", "ID", "VN"].map(String::from).to_vec();
    let html = render(|| view! { <WatchCard offers=vec![few.clone(), many.clone()]/> });
    // Three countries are named on the offer's line; nine are counted there, and listed folded.
    assert!(html.contains("in Japan, South Korea and Taiwan"), "{html}");
    assert!(html.contains("in 9 countries and territories"), "{html}");
    assert_eq!(html.matches("<details class=\"ns-offer__countries\">").count(), 1);
    assert!(html.contains("<summary>Which countries</summary><p>in Hong Kong, Taiwan, Macao, Singapore, Malaysia, Philippines, Thailand, Indonesia and Vietnam</p>"), "{html}");
}

#[test]
fn empty_cards_say_what_is_missing() {
    let html = render(|| view! { <WatchCard offers=vec![]/> });
    assert_named_section(&html);
    assert!(html.contains("No platform is listed for this show yet."));
    let html = render(|| view! { <CastCard cast=vec![]/> });
    assert_named_section(&html);
    assert!(html.contains("The cast is not listed for this show yet."));
    assert_eq!(render(|| view! { <ReadAlsoCard links=vec![]/> }), "");
}

#[test]
fn cast_card_pairs_characters_with_actors() {
    let show = shipped("metallic-rouge");
    let html = render(|| view! { <CastCard cast=show.cast.clone()/> });
    assert_named_section(&html);
    for (character, actor, native) in [
        ("Rouge Redstar", "Yume Miyamoto", "宮本侑芽"),
        ("Naomi Orthmann", "Tomoyo Kurosawa", "黒沢ともよ"),
        ("Jean Yunghart", "Shunsuke Takeuchi", "武内駿輔"),
        ("Sara Fitzgerald", "Yuu Shimamura", "島村侑"),
        ("Jaron Fate", "Hiroyuki Yoshino", "吉野裕行"),
        // The seed's "Jill Sturgeon as Yui Ogura": the character is Jill Sturgeon.
        ("Jill Sturgeon", "Yui Ogura", "小倉唯"),
    ] {
        let item = format!(
            "<p class=\"ns-cast__character\">{character} </p><ul class=\"ns-cast__voices\"><li><span class=\"ns-cast__actor\">{actor}</span> <span lang=\"ja\" class=\"ns-native\">{native}</span><span class=\"ns-cast__language\"> · Japanese</span></li>"
        );
        assert!(html.contains(&item), "{character}: {html}");
    }
}

#[test]
fn cast_card_names_a_character_whose_voice_is_not_announced() {
    // Synthetic: the shipped cast, its first character's voice left out, its second's an
    // empty list: both mean not announced yet.
    let mut cast = shipped("metallic-rouge").cast;
    cast[0].voices.clear();
    let json: Vec<serde_json::Value> = vec![serde_json::json!({ "character": { "name": "Synthetic Newcomer" } })];
    cast.extend(serde_json::from_value::<Vec<bundle::Role>>(serde_json::Value::Array(json)).unwrap());
    let html = render(|| view! { <CastCard cast=cast.clone()/> });
    assert_named_section(&html);
    assert!(html.contains(
        "<li class=\"ns-cast__role\"><p class=\"ns-cast__character\">Rouge Redstar </p><p class=\"ns-cast__voices ns-empty\">Voice actor not announced</p></li>"
    ), "{html}");
    assert!(html.contains("<p class=\"ns-cast__character\">Synthetic Newcomer </p><p class=\"ns-cast__voices ns-empty\">Voice actor not announced</p>"), "{html}");
    assert!(!html.contains("<ul class=\"ns-cast__voices\"></ul>"), "no empty list");
    // The others keep their voices.
    assert!(html.contains("<span class=\"ns-cast__actor\">Tomoyo Kurosawa</span>"));
}

#[test]
fn read_also_links_to_the_other_show() {
    let show = shipped("metallic-rouge");
    let html = render(|| view! { <ReadAlsoCard links=show.read_also.clone()/> });
    assert_named_section(&html);
    assert!(html.contains("<a href=\"/shows/sengoku-youko\" data-ns-show=\"sengoku-youko\">Will Sengoku Youko have season 2?【Release Date】</a>"));
}

#[test]
fn error_card_names_url_field_and_problem() {
    let error = LoadError::Invalid {
        url: "/data/shows/metallic-rouge.json".into(),
        problems: vec![Problem::new("seasons", "must be at least 1 (leave it out when unknown)")],
    };
    let html = render(|| view! { <ErrorCard error=error.clone() on_retry=|_| ()/> });
    assert_named_section(&html);
    assert!(html.contains("<code class=\"ns-error__url\">/data/shows/metallic-rouge.json</code> failed: the file has a problem:"));
    assert!(html.contains("<li><code>seasons</code>: must be at least 1 (leave it out when unknown)</li>"), "{html}");
    assert!(html.contains(">Retry</button>"));
    let html = render(|| view! { <ErrorCard error=LoadError::Http { url: "/data/index.json".into(), status: 500 } on_retry=|_| ()/> });
    assert!(html.contains("the server answered with HTTP status 500."));
}

#[test]
fn bundle_text_is_rendered_as_text_never_html() {
    let mut show = shipped("metallic-rouge");
    show.article.headline = "<script>alert(1)</script><img src=x onerror=alert(2)>".into();
    show.cast[0].character.name = "<b>bold</b>".into();
    let html = render(|| view! { <ArticleCard article=show.article.clone()/> <CastCard cast=show.cast.clone()/> });
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn show_card_links_to_the_show_page() {
    let text = std::fs::read_to_string(format!("{}/public/data/index.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let catalogue = bundle::decode_catalogue_head(&text).unwrap();
    let html = render(|| view! { <ShowCard entry=catalogue.shows[0].clone()/> });
    assert!(html.contains("<section aria-labelledby=\"ns-show-metallic-rouge\">"), "{html}");
    assert!(html.contains("<a href=\"/shows/metallic-rouge\" data-ns-show=\"metallic-rouge\"><span id=\"ns-show-metallic-rouge\">Metallic Rouge</span></a>"), "{html}");
    assert!(html.contains("<dt>Studio</dt><dd>Bones</dd>"));
    assert!(html.contains("No announcement"));
}

#[test]
fn cards_follow_the_heading_level_and_links_of_where_they_are_rendered() {
    use nextseason::links::ShowLinks;
    let show = shipped("metallic-rouge");
    // Inside a blogger's post the headline is an h2 and the cards' titles h3; links are the widget's.
    let html = render(|| {
        provide_context(HeadingLevel(2));
        provide_context(ShowLinks::written(|slug: &str| format!("?show={slug}")));
        view! { <ArticleCard article=show.article.clone()/><TechSheet show=show.clone()/><ReadAlsoCard links=show.read_also.clone()/> }
    });
    assert!(html.contains("<h2 id=\"ns-headline\" tabindex=\"-1\" class=\"ns-article__headline\">Will Metallic Rouge"), "{html}");
    assert!(html.contains("<h3 class=\"ns-article__heading\">Will Metallic Rouge have season 2?</h3>"));
    assert!(html.contains("<h4 class=\"ns-article__heading\">Metallic Rouge season 2: Premiere Date</h4>"));
    assert!(html.contains("<h3 id=\"ns-sheet-h\" tabindex=\"-1\" class=\"ns-card__title\">Technical sheet</h3>"));
    assert!(html.contains("<a href=\"?show=sengoku-youko\" data-ns-show=\"sengoku-youko\">"));
    assert!(!html.contains("<h1"));
}

// Facts from bangumi-data (issue 12): shards the importer wrote from the real data, frozen in
// tests/fixtures/imported/ (its README); cases the data lacks are made from them, labelled.

fn imported(slug: &str) -> Show {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/imported/{slug}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    bundle::decode_show(&text, slug).unwrap()
}

fn outlook_card(show: &Show) -> String {
    let show = show.clone();
    render(move || {
        view! {
            <OutlookCard
                outlook=show.outlook.clone()
                seasons=show.seasons
                data_outlook=show.data_outlook.clone()
                related=show.related.clone()
                data=show.data.clone()
                title=show.title.clone()
                native_title=show.native_title.clone()
                kind=show.kind
                premiere=show.premiere
            />
        }
    })
}

fn offsets(html: &str, needles: &[&str]) -> Vec<usize> {
    needles.iter().map(|n| html.find(n).unwrap_or_else(|| panic!("no {n} in {html}"))).collect()
}

#[test]
fn technical_sheet_shows_the_datas_facts() {
    let show = imported("metallic-rouge");
    let html = render(|| view! { <TechSheet show=show.clone()/> });
    assert_named_section(&html);
    let row = |term: &str, value: &str| format!("<dt>{term}</dt><dd>{value}</dd>");
    for (term, value) in [
        ("Title", "Metallic Rouge".to_string()),
        ("Native title", "<span lang=\"ja\" class=\"ns-native\">メタリックルージュ</span>".to_string()),
        (
            "Other titles",
            "<ul class=\"ns-sheet__titles\"><li><span lang=\"zh-Hans\">金属胭脂</span> <span class=\"ns-sheet__lang\">(Chinese)</span></li><li><span lang=\"zh-Hans\">金属口红</span> <span class=\"ns-sheet__lang\">(Chinese)</span></li><li><span lang=\"zh-Hant\">金屬口紅</span> <span class=\"ns-sheet__lang\">(Chinese)</span></li></ul>".to_string(),
        ),
        ("Type", "TV series".to_string()),
        ("Premiere", "<time datetime=\"2024-01-11\">January 11, 2024</time> in Japan".to_string()),
        ("Last episode", "<time datetime=\"2024-04-04\">April 4, 2024</time> in Japan".to_string()),
        ("Broadcast", "Thursdays at 01:25 JST".to_string()),
        (
            "Official site",
            "<a href=\"https://metallicrouge.jp/\" target=\"_blank\" rel=\"noopener noreferrer\">metallicrouge.jp<span class=\"ns-visually-hidden\"> (opens in a new tab)</span></a>".to_string(),
        ),
    ] {
        assert!(html.contains(&row(term, &value)), "{term}: {html}");
    }
    let links: Vec<String> = [
        ("https://myanimelist.net/anime/54794", "MyAnimeList"),
        ("https://anilist.co/anime/162985", "AniList"),
        ("https://anidb.net/anime/17926", "AniDB"),
        ("https://www.themoviedb.org/tv/222787", "The Movie Database"),
        ("https://bangumi.tv/subject/425595", "Bangumi"),
    ]
    .iter()
    .map(|(url, name)| format!("<li><a href=\"{url}\" target=\"_blank\" rel=\"noopener noreferrer\">{name}<span class=\"ns-visually-hidden\"> (opens in a new tab)</span></a></li>"))
    .collect();
    assert!(html.contains(&row("On other sites", &format!("<ul class=\"ns-sheet__links\">{}</ul>", links.concat()))), "{html}");
    // The terms in the sheet's order.
    let terms = ["Title", "Native title", "Other titles", "Type", "Seasons", "Genres", "Studio", "Premiere", "Last episode", "Broadcast", "Source material", "Official site", "On other sites"];
    let at = offsets(&html, &terms.map(|t| format!("<dt>{t}</dt>")).iter().map(String::as_str).collect::<Vec<_>>());
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{terms:?} out of order");
}

#[test]
fn technical_sheet_leaves_out_the_datas_facts_when_absent() {
    // The shipped shard names only its Bangumi subject.
    let show = shipped("metallic-rouge");
    let html = render(|| view! { <TechSheet show=show.clone()/> });
    for term in ["Other titles", "Type", "Last episode", "Last volume", "Broadcast", "Official site"] {
        assert!(!html.contains(&format!("<dt>{term}</dt>")), "{term}");
    }
    assert!(html.contains("<dt>Premiere</dt><dd><time datetime=\"2024-01-11\">January 11, 2024</time></dd>"), "no 'in Japan' without the data");
    assert!(html.contains("<ul class=\"ns-sheet__links\"><li><a href=\"https://bangumi.tv/subject/425595\""));
    assert!(!html.contains("myanimelist"));
    let mut bare = show.clone();
    bare.references = Default::default();
    assert!(!render(|| view! { <TechSheet show=bare.clone()/> }).contains("<dt>On other sites</dt>"));
}

#[test]
fn technical_sheet_skips_invalid_ids_and_unsafe_sites() {
    let mut show = imported("metallic-rouge");
    show.references.mal = Some("54794/../../evil".into());
    show.references.tmdb = Some("person/1".into());
    show.official_site = Some("javascript:alert(1)".into());
    show.kind = Some(bundle::WorkKind::Ova);
    let html = render(|| view! { <TechSheet show=show.clone()/> });
    assert!(!html.contains("myanimelist") && !html.contains("themoviedb") && !html.contains("href=\"javascript:"));
    assert!(html.contains("href=\"https://anilist.co/anime/162985\"") && html.contains("href=\"https://bangumi.tv/subject/425595\""));
    assert!(html.contains("<dt>Official site</dt><dd><span>javascript:alert(1)</span></dd>"), "{html}");
    assert!(html.contains("<dt>Type</dt><dd>OVA</dd>"));
    assert!(html.contains("<dt>Last volume</dt><dd><time datetime=\"2024-04-04\">"));
}

#[test]
fn technical_sheet_of_a_title_known_only_in_japanese() {
    let show = imported("anidb-16366");
    let html = render(|| view! { <TechSheet show=show.clone()/> });
    assert!(html.contains("<dt>Title</dt><dd><span lang=\"ja\" class=\"ns-native\">あはれ！名作くん(第6期)</span></dd>"), "{html}");
    assert!(!html.contains("<dt>Native title</dt>"), "the same title once");
    assert!(html.contains("<li><span lang=\"zh-Hans\">做得很好！名作君 第六季</span> <span class=\"ns-sheet__lang\">(Chinese)</span></li>"));
    assert!(!html.contains("<dt>Broadcast</dt>") && !html.contains("<dt>Official site</dt>"));
}

#[test]
fn watch_card_says_since_when_an_offer_is_there() {
    let show = imported("metallic-rouge");
    let html = render(|| view! { <WatchCard offers=show.watch.clone()/> });
    assert!(html.contains(
        "class=\"ns-offer__link\">U-NEXT<span class=\"ns-visually-hidden\"> (opens in a new tab)</span></a></p><p class=\"ns-offer__facts\"><span class=\"ns-offer__kind\">Streaming</span> · <span>in Japan</span> · <span>since <time datetime=\"2024-01-16\">January 16, 2024</time></span></p>"
    ), "{html}");
    assert!(html.contains("<span>worldwide</span> · <span>since <time datetime=\"2025-02-28\">February 28, 2025</time></span></p>"));
    // Without since, the line is as before.
    assert!(html.contains(">Niconico<span class=\"ns-visually-hidden\"> (opens in a new tab)</span></a></p><p class=\"ns-offer__facts\"><span class=\"ns-offer__kind\">Streaming</span> · <span>in Japan</span></p>"));
    assert!(html.contains("<span class=\"ns-offer__kind\">Subscription</span> · <span>outside Asia</span></p>"));
    // Platforms named in Chinese or Japanese carry their language.
    assert!(html.contains(">d<span lang=\"ja\">アニメストア</span><span class=\"ns-visually-hidden\">"));
    assert!(html.contains("><span lang=\"zh\">動畫瘋</span> HK<span class=\"ns-visually-hidden\">"));
    assert!(html.contains("><span lang=\"zh\">哔哩哔哩（港澳台）</span><span class=\"ns-visually-hidden\">"));
}

#[test]
fn outlook_card_from_the_data_links_the_next_season() {
    let show = imported("sengoku-youko");
    let html = outlook_card(&show);
    assert_named_section(&html);
    assert!(html.contains("<p class=\"ns-outlook__status\"><span class=\"ns-badge ns-badge--data ns-badge--data-aired\">Next season aired</span></p>"), "{html}");
    assert!(html.contains(
        "<p class=\"ns-outlook__data\">NextSeason found the next season in bangumi-data: <a href=\"/shows/sengoku-youko-the-thousandfold-chaos-arc\" data-ns-show=\"sengoku-youko-the-thousandfold-chaos-arc\">Sengoku Youko: The Thousandfold Chaos Arc</a> premiered in Japan on <time datetime=\"2024-07-18\">July 18, 2024</time>.</p>"
    ), "{html}");
    assert!(html.contains(
        "<p class=\"ns-outlook__source\">From bangumi-data, a community-maintained list of anime and where they stream, as of May 2026: what NextSeason found in the data, not an announcement.</p>"
    ));
    assert!(!html.contains("role=\"timer\""), "an aired season has no countdown");
}

#[test]
fn outlook_card_from_the_data_never_reads_as_not_announced() {
    let show = imported("sengoku-youko-the-thousandfold-chaos-arc");
    let html = outlook_card(&show);
    assert!(html.contains("<span class=\"ns-badge ns-badge--data ns-badge--data-nothing-later\">No later season found</span>"));
    assert!(html.contains(
        "<p class=\"ns-outlook__data\">NextSeason found nothing after Sengoku Youko: The Thousandfold Chaos Arc in bangumi-data as of <time datetime=\"2026-05-15\">May 15, 2026</time>: no later season, part or film.</p>"
    ), "{html}");
    assert!(html.contains(
        "<p class=\"ns-outlook__source\">From bangumi-data, a community-maintained list of anime and where they stream, as of May 2026: what NextSeason found in the data, not an announcement. A season the data does not hold yet may already have been announced.</p>"
    ));
    assert!(!html.contains("No announcement") && !html.contains("ns-badge--no-announcement") && !html.contains("No outlook has been written"));
}

#[test]
fn outlook_card_from_the_data_for_every_status() {
    // Synthetic: the real shard's data outlook turned into the statuses its data does not hold.
    let mut show = imported("sengoku-youko");
    let outlook = show.data_outlook.as_mut().unwrap();
    outlook.status = bundle::DataStatus::Dated;
    outlook.premiere = Some(nextseason::dates::PartialDate::Day(2099, 1, 10));
    outlook.premiere_at = Some(nextseason::dates::Instant::parse("2099-01-10T23:00:00+09:00").unwrap());
    let html = outlook_card(&show);
    assert!(html.contains("ns-badge--data-dated\">Next season dated</span>"));
    assert!(html.contains("</a> premieres in Japan on <time datetime=\"2099-01-10\">January 10, 2099</time>.</p>"), "{html}");
    assert!(html.contains("Premieres <time datetime=\"2099-01-10T14:00:00Z\">Saturday, January 10, 2099 at 14:00</time>, your time (UTC)."));

    let outlook = show.data_outlook.as_mut().unwrap();
    outlook.status = bundle::DataStatus::Airing;
    outlook.premiere = Some(nextseason::dates::PartialDate::Day(2026, 4, 2));
    let html = outlook_card(&show);
    assert!(html.contains("ns-badge--data-airing\">Next season airing</span>"));
    assert!(html.contains(
        "</a> premiered in Japan on <time datetime=\"2026-04-02\">April 2, 2026</time> and was on the air there as of <time datetime=\"2026-05-15\">May 15, 2026</time>.</p>"
    ), "{html}");
    assert!(!html.contains("role=\"timer\""));

    // A next season missing from related (the rules refuse it) is named, not linked.
    let mut unlinked = show.clone();
    unlinked.related.clear();
    unlinked.data_outlook.as_mut().unwrap().status = bundle::DataStatus::Aired;
    let html = outlook_card(&unlinked);
    assert!(html.contains("<p class=\"ns-outlook__data\">NextSeason found the next season in bangumi-data: it premiered in Japan on <time datetime=\"2026-04-02\">April 2, 2026</time>.</p>"), "{html}");

    let outlook = show.data_outlook.as_mut().unwrap();
    (outlook.status, outlook.next, outlook.premiere, outlook.premiere_at) = (bundle::DataStatus::FilmsOnly, None, None, None);
    let html = outlook_card(&show);
    assert!(html.contains("ns-badge--data-films-only\">Only films or specials found later</span>"));
    assert!(html.contains(
        "<p class=\"ns-outlook__data\">NextSeason found no later season or part of Sengoku Youko in bangumi-data as of <time datetime=\"2026-05-15\">May 15, 2026</time>: only films, recaps or specials.</p>"
    ), "{html}");
    assert!(html.contains("A season the data does not hold yet may already have been announced."));
}

#[test]
fn outlook_timeline_lists_the_works_in_date_order_with_links_and_reasons() {
    let show = imported("sengoku-youko");
    let html = outlook_card(&show);
    assert!(html.contains("<h3 class=\"ns-timeline__title\">Seasons, parts and films</h3><ol class=\"ns-timeline\">"), "{html}");
    assert!(html.contains(
        "<li aria-current=\"page\" class=\"ns-timeline__entry ns-timeline__entry--here\"><p class=\"ns-timeline__work\"><span>Sengoku Youko</span> <span class=\"ns-timeline__here\">(this page)</span></p><p class=\"ns-timeline__facts\"><time datetime=\"2024-01\">January 2024</time> · TV series</p></li>"
    ), "{html}");
    assert!(html.contains(
        "<li class=\"ns-timeline__entry\"><p class=\"ns-timeline__work\"><a href=\"/shows/sengoku-youko-the-thousandfold-chaos-arc\" data-ns-show=\"sengoku-youko-the-thousandfold-chaos-arc\">Sengoku Youko: The Thousandfold Chaos Arc</a></p><p class=\"ns-timeline__facts\"><time datetime=\"2024-07-18\">July 18, 2024</time> · <span class=\"ns-timeline__relation\">Sequel</span> · TV series</p>"
    ));
    // The reason, readable, with the quoted Japanese titles marked.
    assert!(html.contains(
        "<p class=\"ns-timeline__why\">Why linked: the title \"<span lang=\"ja\">戦国妖狐 千魔混沌編</span>\" is \"<span lang=\"ja\">戦国妖狐</span>\" with the arc name \"<span lang=\"ja\">千魔混沌編</span>\"; both have the official site sengoku-youko.com</p>"
    ), "{html}");
    assert!(offsets(&html, &["(this page)", "The Thousandfold Chaos Arc</a></p>"]).windows(2).all(|w| w[0] < w[1]));

    // Five earlier seasons, given out of order: listed by premiere, this page last.
    let mut show = imported("anidb-16366");
    show.related.reverse();
    let html = outlook_card(&show);
    let entries = ["/shows/bgm-175468\"", "/shows/bgm-212813\"", "/shows/bgm-239750\"", "/shows/bgm-279473\"", "/shows/bgm-301700\"", "(this page)"];
    assert!(offsets(&html, &entries).windows(2).all(|w| w[0] < w[1]), "{html}");
    assert_eq!(html.matches("<li class=\"ns-timeline__entry\">").count(), 5);
    assert!(html.contains("data-ns-show=\"bgm-212813\"><span lang=\"ja\">あはれ！名作くん(第2期)</span></a>"), "{html}");
    assert!(html.contains("<span class=\"ns-timeline__relation\">Prequel</span>"));
}

#[test]
fn outlook_timeline_follows_the_links_of_where_it_is_rendered() {
    use nextseason::links::ShowLinks;
    let show = imported("sengoku-youko");
    let html = {
        let show = show.clone();
        render(move || {
            provide_context(HeadingLevel(2));
            provide_context(ShowLinks::written(|slug: &str| format!("?show={slug}")));
            view! { <OutlookCard outlook=None seasons=None data_outlook=show.data_outlook.clone() related=show.related.clone() data=show.data.clone() title=show.title.clone()/> }
        })
    };
    assert_eq!(html.matches("<a href=\"?show=sengoku-youko-the-thousandfold-chaos-arc\" data-ns-show=\"sengoku-youko-the-thousandfold-chaos-arc\">").count(), 2, "{html}");
    assert!(html.contains("<h4 class=\"ns-timeline__title\">"));
    assert!(!html.contains("href=\"/shows/"));
}

#[test]
fn outlook_card_keeps_the_editors_outlook() {
    // Synthetic: an editor's outlook beside a related work, and no data outlook.
    let mut show = shipped("metallic-rouge");
    let html_before = outlook_card(&show);
    show.related = imported("sengoku-youko-the-thousandfold-chaos-arc").related;
    let html = outlook_card(&show);
    let (editor_part, _) = html.split_once("<div class=\"ns-timeline-block\">").expect("the timeline");
    assert_eq!(format!("{editor_part}</section>"), html_before, "the editor's outlook as before");
    assert!(!html.contains("ns-outlook__source") && !html.contains("ns-badge--data"));
    assert!(html_before.contains("ns-badge--no-announcement") && !html_before.contains("ns-timeline"));
    // No outlook at all: the card says so, as before.
    let html = render(|| view! { <OutlookCard outlook=None seasons=None data_outlook=None/> });
    assert!(html.contains("No outlook has been written for this show yet.") && !html.contains("ns-timeline"));
}

#[test]
fn generated_article_says_it_was_written_from_the_data() {
    let show = imported("anidb-16366");
    let html = render(|| view! { <ArticleCard article=show.article.clone() native_title=show.native_title.clone() data=show.data.clone()/> });
    assert_named_section(&html);
    assert!(html.contains(
        ">Will <span lang=\"ja\">あはれ！名作くん(第6期)</span> get another season?</h1><p class=\"ns-generated\">This summary was written automatically from bangumi-data’s facts, not by an editor.</p>"
    ), "{html}");
    assert!(html.contains("<p><span lang=\"ja\">あはれ！名作くん(第6期)</span> is a Japanese TV anime that premiered in Japan on April 1, 2021."));
    // An editor's article, merged with the data or not, has no such note.
    for show in [imported("metallic-rouge"), shipped("metallic-rouge")] {
        let html = render(|| view! { <ArticleCard article=show.article.clone() native_title=show.native_title.clone() data=show.data.clone()/> });
        assert!(!html.contains("ns-generated") && !html.contains("written automatically"));
        assert!(html.contains(">Will Metallic Rouge have season 2?【Release Date】</h1>"));
    }
}

const CREDIT: &str = "<p class=\"ns-credit\">Data: <a href=\"https://github.com/bangumi-data/bangumi-data\" target=\"_blank\" rel=\"noopener noreferrer\">bangumi-data<span class=\"ns-visually-hidden\"> (opens in a new tab)</span></a> (<a href=\"https://creativecommons.org/licenses/by/4.0/\" target=\"_blank\" rel=\"noopener noreferrer\">CC BY 4.0<span class=\"ns-visually-hidden\"> (opens in a new tab)</span></a>), version 0.3.208 of <time datetime=\"2026-05-15\">May 15, 2026</time>.</p>";

#[test]
fn data_credit_names_the_data_its_license_version_and_date() {
    let data = imported("metallic-rouge").data.unwrap();
    assert_eq!(render(|| view! { <DataCredit data=data.clone()/> }), CREDIT);
    // Another source or license is named, not linked.
    let other = bundle::DataSource { source: "other-list".into(), license: "CC0".into(), ..data };
    let html = render(|| view! { <DataCredit data=other.clone()/> });
    assert!(html.starts_with("<p class=\"ns-credit\">Data: other-list (CC0), version 0.3.208") && !html.contains("<a "), "{html}");
}

#[test]
fn the_credit_follows_the_cards_once_wherever_they_are_rendered() {
    use nextseason::embed::{show_cards, CardKind};
    let show = imported("metallic-rouge");
    for cards in [&CardKind::ALL[..], &[CardKind::Cast][..]] {
        let html = {
            let show = show.clone();
            render(move || show_cards(&show, cards, "/data"))
        };
        assert_eq!(html.matches("class=\"ns-credit\"").count(), 1, "{cards:?}");
        assert!(html.ends_with(&format!("</section>{CREDIT}</div>")), "after the cards, in none of them: {cards:?}");
    }
    let page = {
        let show = std::sync::Arc::new(show.clone());
        render(move || view! { <nextseason::pages::ShowView show/> })
    };
    assert_eq!(page.matches("class=\"ns-credit\"").count(), 1);
    assert!(page.ends_with(&format!("</section>{CREDIT}</div>")), "{page}");
    // A show without the data's facts has no credit.
    let shipped = shipped("metallic-rouge");
    let html = render(move || show_cards(&shipped, &CardKind::ALL, "/data"));
    assert!(!html.contains("ns-credit") && !html.contains("bangumi-data"));
}

#[test]
fn the_datas_text_is_rendered_as_text_never_html() {
    let mut show = imported("sengoku-youko");
    show.related[0].title = "<img src=x onerror=alert(1)>".into();
    show.related[0].reason = Some("<script>alert(2)</script>".into());
    show.titles[0].text = "<b>bold</b>".into();
    show.watch[0].platform = "<i>platform</i>".into();
    let html = outlook_card(&show) + &render(|| view! { <TechSheet show=show.clone()/><WatchCard offers=show.watch.clone()/> });
    assert!(!html.contains("<img") && !html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;") && html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
}

/// The catalogue page as the build writes it, from the shipped bundle's head.
fn written_home() -> String {
    let text = std::fs::read_to_string(format!("{}/public/data/index.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let head = bundle::decode_catalogue_head(&text).unwrap();
    let first = head.shows.clone();
    nextseason::prerender::home_page(&head, first, "https://nextseason.example").body
}

#[test]
fn every_filter_is_a_labelled_control_of_the_search_form_named_as_its_url_parameter() {
    let html = written_home();
    let form = html.split("<form").nth(1).and_then(|f| f.split("</form>").next()).expect("the search form");
    for (id, name, label) in [
        ("ns-q", "q", "Search shows"),
        ("ns-genre", "genre", "Genre"),
        ("ns-studio", "studio", "Studio"),
        ("ns-platform", "platform", "Platform"),
        ("ns-where", "region", "Watchable in"),
        ("ns-sort", "sort", "Sort by"),
    ] {
        assert!(form.contains(&format!("<label for=\"{id}\">{label}</label>")), "no label for #{id}");
        let control = form.split(&format!("id=\"{id}\"")).nth(1).and_then(|c| c.split('>').next()).unwrap_or_else(|| panic!("no #{id}"));
        assert!(control.contains(&format!("name=\"{name}\"")), "#{id} is not named {name}: {control}");
    }
    // A filter with one value is no choice: the editors' two shows are both TV series that
    // premiered in winter 2024, and only one has an outlook, so outlook, type, year and season
    // are not offered.
    for id in ["ns-status", "ns-type", "ns-year", "ns-season"] {
        assert!(!form.contains(&format!("id=\"{id}\"")), "#{id} is offered with one value");
    }
    // The written page lists the head's values with their counts, so that the form works before
    // the app has taken over.
    assert!(form.contains("<option value=\"crunchyroll\">Crunchyroll (1)</option>"), "{form}");
    assert!(form.contains("<option value=\"bones\">Bones (1)</option>"), "{form}");
    // Without a region known (the build knows none), the region filter says so, and lists every
    // country after "Anywhere".
    assert!(form.contains("<option value=\"\">Anywhere</option><option value=\"AF\">Afghanistan</option>"));
    assert!(form.contains("aria-describedby=\"ns-where-hint\""));
    assert!(form.contains("<p id=\"ns-where-hint\" class=\"ns-finder__hint\">Your region is not set: pick your country</p>"));
}

#[test]
fn a_name_nextseason_made_says_so_and_the_native_title_stands_over_the_headline() {
    use nextseason::bundle::{NativeText, TitleMade};
    let mut show = shipped("sengoku-youko");
    show.native_title = Some(NativeText { text: "葬送のフリーレン(第2期)".into(), lang: "ja".into() });
    show.title = "Frieren: Beyond the Journey's End Season 2".into();
    show.title_made = Some(TitleMade::Derived);
    show.romaji = Some("Sousou no Furiiren (Dai 2 Ki)".into());
    let html = render(|| view! { <TechSheet show=show.clone()/> });
    assert!(html.contains("<dt>Title</dt><dd>Frieren: Beyond the Journey's End Season 2<span class=\"ns-sheet__lang\"> (named by NextSeason after its first season's English title)</span></dd>"), "{html}");
    assert!(html.contains("<dt>Romaji</dt><dd>Sousou no Furiiren (Dai 2 Ki)<span class=\"ns-sheet__lang\"> (as NextSeason read it)</span></dd>"), "{html}");
    // A romaji title is its own row, not a second "Romaji" one.
    show.title = "Sousou no Furiiren (Dai 2 Ki)".into();
    show.title_made = Some(TitleMade::Romaji);
    let html = render(|| view! { <TechSheet show=show.clone()/> });
    assert!(html.contains("(the native title's romaji, as NextSeason read it)"), "{html}");
    assert!(!html.contains("<dt>Romaji</dt>"));
    // A written headline naming the show in Latin letters has the native title over it.
    show.article.generated = true;
    show.article.headline = "Will Sousou no Furiiren (Dai 2 Ki) get another season?".into();
    let html = render(|| view! { <ArticleCard article=show.article.clone() native_title=show.native_title.clone()/> });
    assert!(html.contains("<p lang=\"ja\" class=\"ns-article__native\">葬送のフリーレン(第2期)</p><h1"), "{html}");
    // An editor's headline is as written.
    show.article.generated = false;
    let html = render(|| view! { <ArticleCard article=show.article.clone() native_title=show.native_title.clone()/> });
    assert!(!html.contains("ns-article__native"), "{html}");
}

#[test]
fn outlook_card_shows_the_odds_from_history_as_a_table_of_bars() {
    // Synthetic odds on a real shard (the imported fixtures predate them).
    let mut show = imported("sengoku-youko-the-thousandfold-chaos-arc");
    let steps = [(6, 4), (12, 9), (18, 14), (24, 18)].map(|(months, percent)| bundle::OddsStep { months, percent });
    show.data_outlook.as_mut().unwrap().odds = Some(bundle::HistoryOdds {
        percent: 18,
        group: "later TV seasons that ended 2020–2029".into(),
        population: 1448,
        waited_months: 16,
        half_within_months: Some(24),
        within: steps.to_vec(),
    });
    let html = outlook_card(&show);
    assert_named_section(&html);
    assert!(html.contains("<p class=\"ns-outlook__data\">About 18\u{a0}% of later TV seasons that ended 2020–2029 and had waited as long as this one (1 year 4 months) got another season within the next two years. When one came, half came within 2 years of the last episode. NextSeason found nothing after"), "{html}");
    assert!(html.contains("<caption>From history: of the 1,448 later TV seasons that ended 2020–2029 and had waited as long as this one (1 year 4 months), the share that got another season within so many months</caption>"), "{html}");
    assert!(html.contains("<th scope=\"col\">Within</th><th scope=\"col\">Share</th>"), "{html}");
    assert!(html.contains("<tr><th scope=\"row\">6 months</th><td><meter min=\"0\" max=\"100\" value=\"4\" aria-hidden=\"true\"></meter><span class=\"ns-odds__share\">4\u{a0}%</span></td></tr>"), "{html}");
    assert!(html.contains("<th scope=\"row\">2 years</th><td><meter min=\"0\" max=\"100\" value=\"18\" aria-hidden=\"true\"></meter>"), "{html}");
    assert!(html.contains("not a prediction about this show, and not an announcement"), "{html}");
    // An editor's outlook replaces them.
    show.outlook = Some(serde_json::from_value(serde_json::json!({"status": "no_announcement"})).unwrap());
    let html = outlook_card(&show);
    assert!(!html.contains("ns-odds") && !html.contains("About 18\u{a0}%"), "{html}");
}

#[test]
fn the_methods_page_says_what_is_counted_and_how_it_did() {
    let text = r#"{"schema":1,"as_of":"2026-05-15","min_group":150,"groups":[{"group":"TV first seasons that ended 2010–2019","seasons":1385}],
        "backtest":{"cut":"2022-05-15","seasons":3351,"came":97,"brier":0.0261,"brier_base":0.0506,"base_rate":17.9,
        "bins":[{"from":0.0,"to":5.0,"seasons":3030,"predicted":0.6,"observed":1.5}]}}"#;
    let methods = std::sync::Arc::new(bundle::decode_odds(text).unwrap());
    let html = render(move || view! { <nextseason::pages::MethodsView methods/> });
    assert!(html.contains("<h1 tabindex=\"-1\">How NextSeason reckons the odds of another season</h1>"), "{html}");
    for heading in ["What is counted", "The method", "The groups", "How it did on past data", "The data's limits"] {
        assert!(html.contains(&format!(">{heading}</h2>")), "{heading}: {html}");
    }
    assert_eq!(html.matches("class=\"ns-card ns-methods__card\"><h2 id=").count(), 5, "every part a section with its heading");
    assert!(html.contains("<tr><th scope=\"row\">TV first seasons that ended 2010–2019</th><td>1,385</td></tr>"), "{html}");
    assert!(html.contains("<tr><th scope=\"row\">0–5\u{a0}%</th><td>3,030</td><td>0.6\u{a0}%</td><td>1.5\u{a0}%</td></tr>"), "{html}");
    assert!(html.contains("0.0261 for these odds, against 0.0506 for one base rate given to every season (17.9\u{a0}%"), "{html}");
    assert!(html.contains("never a prediction about one show, and never an announcement"));
    assert!(html.contains("bangumi-data (CC BY 4.0)"));
}

#[test]
fn a_card_with_nothing_to_show_is_left_out_with_its_jump_link() {
    // An imported work: the data lists no cast.
    let show = imported("sengoku-youko-the-thousandfold-chaos-arc");
    assert!(show.cast.is_empty());
    let html = render(move || show_cards(&show, &CardKind::ALL, "/data"));
    assert!(!html.contains("ns-cast-h") && !html.contains("The cast is not listed"), "{html}");
    assert!(html.contains("href=\"#ns-watch-h\""), "the other cards keep their links: {html}");
    // A show with a cast keeps its card.
    let rouge = imported("metallic-rouge");
    assert!(!rouge.cast.is_empty());
    let html = render(move || show_cards(&rouge, &CardKind::ALL, "/data"));
    assert!(html.contains("id=\"ns-cast-h\"") && html.contains("href=\"#ns-cast-h\""), "{html}");
}

/// The written home page of a catalogue whose head holds a next season coming and a show with
/// odds (synthetic entries made from the shipped ones).
#[test]
fn the_home_page_opens_with_coming_next_and_each_card_shows_whose_reading_it_is() {
    use nextseason::bundle::DataStatus;
    let text = std::fs::read_to_string(format!("{}/public/data/index.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut head = bundle::decode_catalogue_head(&text).unwrap();
    let mut dated = head.shows[0].clone();
    (dated.slug, dated.title, dated.native_title) = ("synthetic-dated".into(), "Synthetic Dated".into(), None);
    (dated.status, dated.data_status, dated.next) = (None, Some(DataStatus::Dated), Some(nextseason::dates::PartialDate::parse("2031-04-05").unwrap()));
    let mut waiting = head.shows[1].clone();
    (waiting.status, waiting.data_status, waiting.odds) = (None, Some(DataStatus::NothingLater), Some(28));
    (head.coming, head.coming_total) = (vec![dated.clone()], 7);
    let html = nextseason::prerender::home_page(&head, vec![dated, waiting, head.shows[0].clone()], "https://nextseason.example").body;

    let coming = html.split("class=\"ns-card ns-coming\"").nth(1).and_then(|c| c.split("</section>").next()).expect("Coming next");
    assert!(html.find("ns-coming").unwrap() < html.find("<form").unwrap(), "Coming next opens the page, before the search form");
    assert!(coming.contains("<h2 id=\"ns-coming-h\" class=\"ns-card__title\">Coming next</h2>"), "{coming}");
    assert!(coming.contains("href=\"/shows/synthetic-dated\""), "{coming}");
    assert!(coming.contains("<span class=\"ns-badge ns-badge--data ns-badge--data-dated\">Next season dated</span>"), "{coming}");
    assert!(coming.contains("Next season dated</span><span class=\"ns-coming__when\">for <time datetime=\"2031-04-05\">April 5, 2031</time>"), "{coming}");
    assert!(coming.contains("<a href=\"/?sort=soonest\">All 7 shows with a next season coming</a>"), "{coming}");

    let cards = html.split("<ul class=\"ns-catalogue\">").nth(1).expect("the catalogue");
    assert!(cards.contains("<span class=\"ns-badge ns-badge--data ns-badge--data-nothing-later\">No later season found</span><span class=\"ns-show-card__odds\">28\u{a0}% of like seasons got another within 2 years</span>"), "{cards}");
    // The editor's reading keeps its own badge.
    let status = head.shows[0].status.expect("an editor's status");
    assert!(cards.contains(&format!("<span class=\"ns-badge ns-badge--{}\">{}</span>", status.key(), status.label())), "{cards}");
    assert_eq!(cards.matches("class=\"ns-badge").count(), 3, "every card has its badge");
}
