//! Each card (the catalogue's ShowCard too) mounted in headless Chromium from fixture data (the shipped bundle, and synthetic
//! fixtures where the shipped bundle has no such case): content, empty and error states, and the
//! behaviour that needs a browser (region choice and its storage, the ticking countdown, Retry).
//! Run by `wasm-bindgen-test-runner` through chromedriver: see .ci/test.sh.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use nextseason::api::LoadError;
use nextseason::bundle::{self, Problem, Show};
use nextseason::components::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const METALLIC_ROUGE: &str = include_str!("../public/data/shows/metallic-rouge.json");
// Shards the importer wrote from bangumi-data 0.3.208 (tests/fixtures/imported/README.md).
const MERGED_METALLIC_ROUGE: &str = include_str!("fixtures/imported/metallic-rouge.json");
const MERGED_SENGOKU_YOUKO: &str = include_str!("fixtures/imported/sengoku-youko.json");
const GENERATED_MEISAKUKUN: &str = include_str!("fixtures/imported/anidb-16366.json");

fn shipped() -> Show {
    bundle::decode_show(METALLIC_ROUGE, "metallic-rouge").unwrap()
}

fn imported(text: &str, slug: &str) -> Show {
    bundle::decode_show(text, slug).unwrap()
}

fn outlook_card(show: Show) -> HtmlElement {
    mount(move || {
        view! {
            <OutlookCard
                outlook=show.outlook
                seasons=show.seasons
                data_outlook=show.data_outlook
                related=show.related
                data=show.data
                title=show.title
                native_title=show.native_title
                kind=show.kind
                premiere=show.premiere
            />
        }
    })
}

fn attrs(host: &Element, selector: &str, name: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap().get_attribute(name).unwrap_or_default()).collect()
}

/// Mounts a view in a fresh element of the test page and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), view).forget();
    host
}

fn find(host: &Element, selector: &str) -> Element {
    host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector} in {}", host.inner_html()))
}

fn texts(host: &Element, selector: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

/// The next task of the event loop (Leptos applies signal changes to the DOM in a later one).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `condition` holds, checking after each task; fails with `what` after 10 s, so
/// that a test waits for a state, never for a guessed time.
async fn until(what: &str, condition: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !condition() {
        assert!(js_sys::Date::now() - start < 10_000.0, "still not so after 10 s: {what}");
        next_task().await;
    }
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn article_card_renders_headline_sections_and_footnote() {
    let host = mount(|| view! { <ArticleCard article=shipped().article/> });
    assert_eq!(find(&host, "section h1").text_content().unwrap(), "Will Metallic Rouge have season 2?【Release Date】");
    assert_eq!(find(&host, ".ns-byline__author").text_content().unwrap(), "Natalia Hernández");
    assert_eq!(texts(&host, "h2")[..3], ["What is Metallic Rouge about?", "Will Metallic Rouge have season 2?", "Metallic Rouge season 2 release date"]);
    let reference = find(&host, "sup.ns-fnref a");
    assert_eq!(reference.get_attribute("href").unwrap(), "#ns-fn-1");
    assert!(find(&host, "#ns-fn-1").text_content().unwrap().starts_with("Source material:"));
}

#[wasm_bindgen_test]
fn technical_sheet_renders_terms_and_values() {
    let host = mount(|| view! { <TechSheet show=shipped()/> });
    assert_eq!(texts(&host, "dt"), ["Title", "Native title", "Seasons", "Genres", "Studio", "Premiere", "Source material", "On other sites"]);
    assert_eq!(find(&host, "dd [lang=ja]").text_content().unwrap(), "メタリックルージュ");
    assert_eq!(find(&host, "dd time").get_attribute("datetime").unwrap(), "2024-01-11");
}

#[wasm_bindgen_test]
fn outlook_card_renders_status_and_window_without_countdown() {
    let show = shipped();
    let host = mount(move || view! { <OutlookCard outlook=show.outlook seasons=show.seasons/> });
    assert_eq!(find(&host, "h2").text_content().unwrap(), "Season 2 outlook");
    assert_eq!(find(&host, ".ns-badge").text_content().unwrap(), "No announcement");
    assert_eq!(find(&host, "dd time").text_content().unwrap(), "2025 or later");
    assert!(host.query_selector("[role=timer]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn outlook_card_empty_state() {
    let host = mount(|| view! { <OutlookCard outlook=None seasons=None/> });
    assert_eq!(find(&host, "h2").text_content().unwrap(), "Next season outlook");
    assert!(find(&host, ".ns-empty").text_content().unwrap().contains("No outlook"));
}

#[wasm_bindgen_test]
async fn countdown_ticks_silently_in_the_readers_time_zone() {
    let target = js_sys::Date::now() as i64 + 3 * 3_600_000 + 30_000;
    let host = mount(move || view! { <Countdown target_ms=target exact=true/> });
    let timer = find(&host, "[role=timer]");
    assert_eq!(timer.get_attribute("aria-live").unwrap(), "off");
    let before = timer.text_content().unwrap();
    assert!(before.starts_with("03:00:") && before.ends_with(" to go"), "{before}");
    until("the countdown ticks", || timer.text_content().unwrap() != before).await;
    let after = timer.text_content().unwrap();
    assert!(after.starts_with("03:00:") && after < before, "{before} → {after}");
    // The sentence names the reader's own zone, as the browser reports it.
    let zone = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).resolved_options();
    let zone = js_sys::Reflect::get(&zone, &"timeZone".into()).unwrap().as_string().unwrap();
    assert!(find(&host, ".ns-countdown p").text_content().unwrap().contains(&format!("your time ({zone})")));
}

#[wasm_bindgen_test]
async fn watch_card_puts_the_readers_region_first_and_remembers_a_change() {
    storage().set_item("nextseason.region", "JP").unwrap();
    let host = mount(|| view! { <WatchCard offers=shipped().watch/> });
    let names = || texts(&host, ".ns-offer__link").into_iter().map(|t| t.replace(" (opens in a new tab)", "")).collect::<Vec<_>>();
    assert_eq!(names(), ["Fuji TV +Ultra", "Crunchyroll"]);
    assert_eq!(find(&host, ".ns-offer--here .ns-offer__mark").text_content().unwrap(), "Available in your region");
    assert_eq!(texts(&host, ".ns-offer__mark")[1], "Not available in Japan");

    let select: web_sys::HtmlSelectElement = find(&host, "select").dyn_into().unwrap();
    select.set_value("US");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("the US offer comes first", || names() == ["Crunchyroll", "Fuji TV +Ultra"]).await;
    assert_eq!(storage().get_item("nextseason.region").unwrap().as_deref(), Some("US"));

    let list = host.query_selector_all(".ns-offer__link").unwrap();
    for i in 0..list.length() {
        let link: Element = list.item(i).unwrap().dyn_into().unwrap();
        assert!(link.get_attribute("href").unwrap().starts_with("https://"));
        assert_eq!(link.get_attribute("rel").unwrap(), "noopener noreferrer");
    }
    storage().remove_item("nextseason.region").unwrap();
}

#[wasm_bindgen_test]
fn watch_card_empty_state() {
    let host = mount(|| view! { <WatchCard offers=vec![]/> });
    assert_eq!(find(&host, "h2").text_content().unwrap(), "Where to watch");
    assert!(find(&host, ".ns-empty").text_content().unwrap().contains("No platform"));
}

#[wasm_bindgen_test]
fn cast_card_marks_japanese_names() {
    let host = mount(|| view! { <CastCard cast=shipped().cast/> });
    assert_eq!(texts(&host, ".ns-cast__character").len(), 6);
    assert_eq!(texts(&host, ".ns-cast__actor")[5], "Yui Ogura");
    assert_eq!(texts(&host, "[lang=ja]")[5], "小倉唯");
    assert!(texts(&host, ".ns-cast__character")[5].starts_with("Jill Sturgeon"));
}

#[wasm_bindgen_test]
fn cast_card_empty_state() {
    let host = mount(|| view! { <CastCard cast=vec![]/> });
    assert!(find(&host, ".ns-empty").text_content().unwrap().contains("not listed"));
}

#[wasm_bindgen_test]
fn read_also_card_links_other_shows() {
    let host = mount(|| view! { <ReadAlsoCard links=shipped().read_also/> });
    assert_eq!(find(&host, "a").get_attribute("href").unwrap(), "/shows/sengoku-youko");
    let empty = mount(|| view! { <ReadAlsoCard links=vec![]/> });
    assert!(empty.query_selector("section").unwrap().is_none());
}

#[wasm_bindgen_test]
fn error_card_lists_problems_and_retries() {
    let retries = RwSignal::new(0);
    let error = LoadError::Invalid {
        url: "/data/shows/x.json".into(),
        problems: vec![
            Problem::new("title", "must not be empty"),
            Problem::new("watch[0].url", "\"http://x\" is not an https link"),
        ],
    };
    let host = mount(move || view! { <ErrorCard error on_retry=move |_| retries.update(|n| *n += 1)/> });
    assert_eq!(find(&host, "section").get_attribute("role").unwrap(), "alert");
    assert_eq!(find(&host, ".ns-error__url").text_content().unwrap(), "/data/shows/x.json");
    assert_eq!(texts(&host, ".ns-error__problems li"), ["title: must not be empty", "watch[0].url: \"http://x\" is not an https link"]);
    let button: HtmlElement = find(&host, "button").dyn_into().unwrap();
    button.click();
    button.click();
    assert_eq!(retries.get_untracked(), 2);
}

#[wasm_bindgen_test]
fn skeletons_are_hidden_from_assistive_technology() {
    let host = mount(|| view! { <ShowSkeleton/> });
    assert_eq!(host.query_selector_all(".ns-skeleton[aria-hidden=true]").unwrap().length(), 5);
    assert_eq!(find(&host, "[role=status]").text_content().unwrap(), "Loading the show…");
}

#[wasm_bindgen_test]
fn technical_sheet_renders_the_datas_facts_and_links() {
    let host = mount(|| view! { <TechSheet show=imported(MERGED_METALLIC_ROUGE, "metallic-rouge")/> });
    assert_eq!(
        texts(&host, "dt"),
        ["Title", "Native title", "Other titles", "Type", "Seasons", "Genres", "Studio", "Premiere", "Last episode", "Broadcast", "Source material", "Official site", "On other sites"]
    );
    assert_eq!(attrs(&host, ".ns-sheet__titles [lang]", "lang"), ["zh-Hans", "zh-Hans", "zh-Hant"]);
    assert_eq!(texts(&host, ".ns-sheet__titles [lang]"), ["金属胭脂", "金属口红", "金屬口紅"]);
    let links = attrs(&host, ".ns-sheet__links a", "href");
    assert_eq!(links.len(), 5);
    assert!(links[0] == "https://myanimelist.net/anime/54794" && links[4] == "https://bangumi.tv/subject/425595");
    for rel in attrs(&host, "a", "rel") {
        assert_eq!(rel, "noopener noreferrer");
    }
    assert!(attrs(&host, "a", "href").iter().all(|href| href.starts_with("https://")));
}

#[wasm_bindgen_test]
fn outlook_card_renders_the_data_outlook_and_its_timeline() {
    let host = outlook_card(imported(MERGED_SENGOKU_YOUKO, "sengoku-youko"));
    assert_eq!(find(&host, "h2").text_content().unwrap(), "Next season outlook");
    let badge = find(&host, ".ns-badge");
    assert_eq!(badge.text_content().unwrap(), "Next season aired");
    assert!(badge.class_name().split(' ').any(|c| c == "ns-badge--data"));
    assert_eq!(
        find(&host, ".ns-outlook__data").text_content().unwrap(),
        "NextSeason found the next season in bangumi-data: Sengoku Youko: The Thousandfold Chaos Arc premiered in Japan on July 18, 2024."
    );
    assert_eq!(find(&host, ".ns-outlook__data a").get_attribute("href").unwrap(), "/shows/sengoku-youko-the-thousandfold-chaos-arc");
    assert!(find(&host, ".ns-outlook__source").text_content().unwrap().starts_with("From bangumi-data, a community-maintained list of anime and where they stream, as of May 2026"));
    // The timeline: a visible heading, this page first (it premiered first), then the sequel.
    assert_eq!(find(&host, "h3").text_content().unwrap(), "Seasons, parts and films");
    assert_eq!(texts(&host, ".ns-timeline > li .ns-timeline__work"), ["Sengoku Youko (this page)", "Sengoku Youko: The Thousandfold Chaos Arc"]);
    assert_eq!(find(&host, ".ns-timeline > li:first-child").get_attribute("aria-current").unwrap(), "page");
    assert_eq!(attrs(&host, ".ns-timeline a", "href"), ["/shows/sengoku-youko-the-thousandfold-chaos-arc"]);
    assert_eq!(texts(&host, ".ns-timeline__facts")[1], "July 18, 2024 · Sequel · TV series");
    let why = find(&host, ".ns-timeline__why");
    assert!(why.text_content().unwrap().starts_with("Why linked: the title \"戦国妖狐 千魔混沌編\" is \"戦国妖狐\""));
    assert_eq!(attrs(&why, "[lang]", "lang"), ["ja", "ja", "ja"]);
}

#[wasm_bindgen_test]
fn outlook_timeline_of_five_earlier_seasons_is_in_date_order() {
    let mut show = imported(GENERATED_MEISAKUKUN, "anidb-16366");
    show.related.reverse();
    let host = outlook_card(show);
    assert_eq!(find(&host, ".ns-badge").text_content().unwrap(), "No later season found");
    assert!(find(&host, ".ns-outlook__data").text_content().unwrap().contains("in bangumi-data as of May 15, 2026: no later season, part or film."));
    assert!(find(&host, ".ns-outlook__source").text_content().unwrap().ends_with("A season the data does not hold yet may already have been announced."));
    assert_eq!(
        attrs(&host, ".ns-timeline a", "href"),
        ["/shows/bgm-175468", "/shows/bgm-212813", "/shows/bgm-239750", "/shows/bgm-279473", "/shows/bgm-301700"]
    );
    assert_eq!(texts(&host, ".ns-timeline time"), ["April 8, 2016", "April 7, 2017", "April 6, 2018", "April 5, 2019", "October 2, 2020", "April 1, 2021"]);
    assert!(find(&host, ".ns-timeline > li:last-child").class_name().contains("ns-timeline__entry--here"));
    assert_eq!(attrs(&host, ".ns-timeline__work [lang]", "lang").len(), 6);
}

#[wasm_bindgen_test]
async fn outlook_card_counts_down_to_a_season_the_data_dates() {
    // Synthetic: the data's next season moved to three hours from now.
    let mut show = imported(MERGED_SENGOKU_YOUKO, "sengoku-youko");
    let target = js_sys::Date::now() as i64 + 3 * 3_600_000 + 30_000;
    let at = nextseason::dates::Instant { epoch_ms: target, offset_minutes: 540 };
    let day = nextseason::dates::LocalTime::at(target, 540);
    let outlook = show.data_outlook.as_mut().unwrap();
    outlook.status = bundle::DataStatus::Dated;
    outlook.premiere = Some(nextseason::dates::PartialDate::Day(day.year, day.month, day.day));
    outlook.premiere_at = Some(at);
    let host = outlook_card(show);
    assert_eq!(find(&host, ".ns-badge").text_content().unwrap(), "Next season dated");
    let timer = find(&host, "[role=timer]");
    let before = timer.text_content().unwrap();
    assert!(before.starts_with("03:00:") && before.ends_with(" to go"), "{before}");
    until("the countdown ticks", || timer.text_content().unwrap() != before).await;
    assert!(timer.text_content().unwrap() < before, "the countdown went up");
}

#[wasm_bindgen_test]
async fn watch_card_says_since_and_still_puts_the_readers_region_first() {
    storage().set_item("nextseason.region", "TW").unwrap();
    let host = mount(|| view! { <WatchCard offers=imported(MERGED_METALLIC_ROUGE, "metallic-rouge").watch/> });
    let here = texts(&host, ".ns-offer--here .ns-offer__link").into_iter().map(|t| t.replace(" (opens in a new tab)", "")).collect::<Vec<_>>();
    assert_eq!(here, ["Ani-One中文官方動畫頻道", "Ani-One Asia", "哔哩哔哩（港澳台）", "動畫瘋", "Netflix", "Prime Video"]);
    let first_facts = find(&host, ".ns-offer--here:nth-child(2) .ns-offer__facts").text_content().unwrap();
    assert!(first_facts.ends_with(" · since January 11, 2024"), "{first_facts}");
    assert_eq!(find(&host, ".ns-offer--here:nth-child(2) .ns-offer__facts time").get_attribute("datetime").unwrap(), "2024-01-11");
    assert_eq!(attrs(&host, ".ns-offer__link [lang=zh]", "lang").len(), 5);
    storage().remove_item("nextseason.region").unwrap();
}

#[wasm_bindgen_test]
fn generated_article_is_marked_under_its_headline() {
    let show = imported(GENERATED_MEISAKUKUN, "anidb-16366");
    let host = mount(move || view! { <ArticleCard article=show.article native_title=show.native_title data=show.data/> });
    let headline = find(&host, "h1");
    assert_eq!(headline.text_content().unwrap(), "Will あはれ！名作くん(第6期) get another season?");
    assert_eq!(find(&headline, "[lang]").get_attribute("lang").unwrap(), "ja");
    let note = headline.next_element_sibling().unwrap();
    assert_eq!(note.class_name(), "ns-generated");
    assert_eq!(note.text_content().unwrap(), "This summary was written automatically from bangumi-data’s facts, not by an editor.");
}

#[wasm_bindgen_test]
fn data_credit_links_the_data_and_its_license() {
    let data = imported(MERGED_METALLIC_ROUGE, "metallic-rouge").data.unwrap();
    let host = mount(move || view! { <DataCredit data/> });
    let credit = find(&host, "p.ns-credit");
    assert_eq!(credit.text_content().unwrap().replace(" (opens in a new tab)", ""), "Data: bangumi-data (CC BY 4.0), version 0.3.208 of May 15, 2026.");
    assert_eq!(attrs(&host, "a", "href"), ["https://github.com/bangumi-data/bangumi-data", "https://creativecommons.org/licenses/by/4.0/"]);
    assert_eq!(attrs(&host, "a", "rel"), ["noopener noreferrer", "noopener noreferrer"]);
}

#[wasm_bindgen_test]
async fn answer_names_the_readers_platform_and_follows_a_region_changed_in_the_watch_card() {
    storage().set_item("nextseason.region", "JP").unwrap();
    let show = shipped();
    let host = mount(move || show_cards(&show, &[CardKind::Answer, CardKind::Article, CardKind::Watch], "/data"));
    let now = || find(&host, ".ns-answer__watch dd").text_content().unwrap();
    // Under the headline, with the same sentence the outlook card would say.
    assert_eq!(find(&host, "h1").next_element_sibling().unwrap().class_name(), "ns-answer");
    assert_eq!(find(&host, ".ns-answer__sentence").text_content().unwrap(), "No second season has been announced.");
    assert_eq!(now(), "Fuji TV +Ultra");
    assert_eq!(find(&host, ".ns-answer__watch a").get_attribute("href").unwrap(), "#ns-watch-h");

    let select: web_sys::HtmlSelectElement = find(&host, "select").dyn_into().unwrap();
    select.set_value("FR");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("the answer names the French platform", || now() == "Crunchyroll").await;
    select.set_value("KR");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("the answer says none streams in Korea", || now() == "Not streaming in your region").await;
    select.set_value("");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    // As the page written at build time says.
    until("the answer asks for a region", || now() == "2 platforms: set your region").await;
    storage().remove_item("nextseason.region").unwrap();
}

#[wasm_bindgen_test]
fn show_card_links_to_the_show_and_tells_of_the_readers_intent_before_the_click() {
    let catalogue = bundle::decode_catalogue_head(include_str!("../public/data/index.json")).unwrap();
    let entry = catalogue.shows.iter().find(|e| e.slug == "metallic-rouge").unwrap().clone();
    let intents = RwSignal::new(Vec::<String>::new());
    let on_intent = Callback::new(move |slug: String| intents.update(|seen| seen.push(slug)));
    let host = mount(move || view! { <ul><ShowCard entry on_intent/></ul> });
    let link = find(&host, "li.ns-show-card > section h2 a");
    assert_eq!(link.get_attribute("href").unwrap(), "/shows/metallic-rouge");
    assert_eq!(find(&host, "section").get_attribute("aria-labelledby").unwrap(), "ns-show-metallic-rouge");
    assert_eq!(find(&host, "#ns-show-metallic-rouge").text_content().unwrap(), "Metallic Rouge");
    assert_eq!(find(&host, ".ns-show-card__native [lang=ja]").text_content().unwrap(), "メタリックルージュ");
    assert_eq!(texts(&host, ".ns-show-card__facts dt"), ["Studio", "Premiere"]);
    assert_eq!(find(&host, ".ns-show-card__facts time").get_attribute("datetime").unwrap(), "2024-01-11");
    assert_eq!(find(&host, ".ns-show-card__status").text_content().unwrap().trim(), "No announcement");
    // Pointing at the card, then focusing its link (focusin bubbles up to the card): each tells the page which show
    // to fetch ahead of the click.
    let card = find(&host, "li.ns-show-card");
    card.dispatch_event(&web_sys::Event::new("pointerenter").unwrap()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    link.dispatch_event(&web_sys::Event::new_with_event_init_dict("focusin", &init).unwrap()).unwrap();
    assert_eq!(intents.get_untracked(), ["metallic-rouge", "metallic-rouge"]);
}

#[wasm_bindgen_test]
fn show_card_of_a_title_alone_has_no_empty_facts() {
    let mut catalogue = bundle::decode_catalogue_head(include_str!("../public/data/index.json")).unwrap();
    let mut entry = catalogue.shows.remove(0);
    (entry.native_title, entry.studios, entry.premiere, entry.status) = (None, vec![], None, None);
    let host = mount(move || view! { <ul><ShowCard entry/></ul> });
    assert_eq!(texts(&host, "h2"), ["Metallic Rouge"]);
    assert!(host.query_selector(".ns-show-card__native, .ns-show-card__facts div, .ns-show-card__status").unwrap().is_none(), "{}", host.inner_html());
}

#[wasm_bindgen_test]
async fn watch_card_folds_the_other_regions_again_when_the_region_changes_and_keeps_the_fold_open() {
    storage().set_item("nextseason.region", "JP").unwrap();
    let host = mount(|| view! { <WatchCard offers=imported(MERGED_METALLIC_ROUGE, "metallic-rouge").watch/> });
    let names = |selector: &str| texts(&host, selector).into_iter().map(|t| t.replace(" (opens in a new tab)", "")).collect::<Vec<_>>();
    let open = || names("section > ul.ns-offers .ns-offer__link");
    let folded = || names("details.ns-offers-more .ns-offer__link");
    let summary = || find(&host, "details.ns-offers-more > summary").text_content().unwrap();
    assert_eq!(open(), ["Fuji TV +Ultra", "U-NEXT", "Niconico", "dアニメストア", "Netflix", "Prime Video"]);
    assert_eq!(folded().len(), 7);
    assert_eq!(summary(), "7 more, in other regions");
    assert_eq!(host.query_selector_all("details.ns-offers-more").unwrap().length(), 1);

    // The reader opens the fold, then picks another region: the same disclosure, still open,
    // holds the offers the new region cannot use.
    let details = find(&host, "details.ns-offers-more");
    details.set_attribute("open", "").unwrap();
    let select: web_sys::HtmlSelectElement = find(&host, "select").dyn_into().unwrap();
    select.set_value("US");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("the US offers are open", || open() == ["Crunchyroll", "Netflix", "Prime Video"]).await;
    assert_eq!(summary(), "10 more, in other regions");
    assert_eq!(folded().len(), 10);
    assert!(find(&host, "details.ns-offers-more").is_same_node(Some(&details)), "the disclosure was made again");
    assert!(details.has_attribute("open"), "the reader's open disclosure closed");
    assert_eq!(texts(&host, "details .ns-offer__mark")[0], "Not available in United States");
    // Canada folds the same offers: their marks still name the region now.
    select.set_value("CA");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("the marks name Canada", || texts(&host, "details .ns-offer__mark")[0] == "Not available in Canada").await;
    assert_eq!(summary(), "10 more, in other regions");

    // "Not set": what serves everywhere (or everywhere but some) is open, the rest folded.
    select.set_value("");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("the fold counts the region-limited offers", || summary() == "10 more, each limited to certain regions").await;
    assert_eq!(open(), ["Crunchyroll", "Netflix", "Prime Video"]);
    storage().remove_item("nextseason.region").unwrap();
}
