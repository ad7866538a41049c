//! Each card mounted in headless Chromium from fixture data (the shipped bundle, and synthetic
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

fn shipped() -> Show {
    bundle::decode_show(METALLIC_ROUGE, "metallic-rouge").unwrap()
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

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
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
    assert_eq!(texts(&host, "dt"), ["Title", "Native title", "Seasons", "Genres", "Studio", "Premiere", "Source material"]);
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
    sleep(1_200).await;
    let after = timer.text_content().unwrap();
    assert_ne!(before, after, "the countdown did not tick");
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
    // Leptos applies signal changes to the DOM in a later task.
    sleep(20).await;
    assert_eq!(names(), ["Crunchyroll", "Fuji TV +Ultra"]);
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
