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
        "<a href=\"https://www.crunchyroll.com/search?q=Metallic%20Rouge\" target=\"_blank\" rel=\"noopener noreferrer\" class=\"ns-offer__link\">Crunchyroll"
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
        problems: vec![Problem::new("cast[2].voices", "lists no voice actor")],
    };
    let html = render(|| view! { <ErrorCard error=error.clone() on_retry=|_| ()/> });
    assert_named_section(&html);
    assert!(html.contains("<code class=\"ns-error__url\">/data/shows/metallic-rouge.json</code> failed: the file has a problem:"));
    assert!(html.contains("<li><code>cast[2].voices</code>: lists no voice actor</li>"));
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
    assert!(html.contains("<h3 id=\"ns-sheet-h\" class=\"ns-card__title\">Technical sheet</h3>"));
    assert!(html.contains("<a href=\"?show=sengoku-youko\" data-ns-show=\"sengoku-youko\">"));
    assert!(!html.contains("<h1"));
}
