//! The watch card's fold (issue 25), rendered natively as the build writes it: the offers a
//! reader can use open, the others under one `<details>` that counts them.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use nextseason::bundle::{self, Offer, OfferKind, Show};
use nextseason::components::*;
use std::sync::Arc;

fn shipped(slug: &str) -> Show {
    let text = std::fs::read_to_string(format!("{}/public/data/shows/{slug}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    bundle::decode_show(&text, slug).unwrap()
}

/// The card as the build writes it (`prerender::to_html`).
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    nextseason::prerender::to_html(view)
}

/// The card for a reader of `region` (None: the page written at build time).
fn card(offers: &[Offer], region: Option<&str>) -> String {
    let (offers, region) = (offers.to_vec(), region.map(String::from));
    render(move || {
        let region = RwSignal::new(region);
        view! { <WatchCard offers region/> }
    })
}

fn offer(platform: &str, only: &[&str], except: &[&str]) -> Offer {
    Offer {
        platform: platform.into(),
        url: format!("https://{}.example/show", platform.to_lowercase().replace(|c: char| !c.is_ascii_alphanumeric(), "")),
        kind: OfferKind::Stream,
        only: only.iter().map(|c| c.to_string()).collect(),
        except: except.iter().map(|c| c.to_string()).collect(),
        note: None,
        since: None,
    }
}

/// Dr. STONE Season 2's fourteen offers as the full build has them (bangumi-data's), in order.
fn dr_stone_season_2() -> Vec<Offer> {
    let ani_one_asia = [
        "HK", "TW", "MO", "SG", "MY", "PH", "TH", "ID", "VN", "KH", "BD", "BN", "BT", "FJ", "FM", "IN", "LA", "LK", "MH", "MM", "MN", "MV",
        "NP", "NR", "PG", "PK", "PW", "SB", "TL", "TO", "TV", "VU", "WS",
    ];
    vec![
        offer("Bilibili", &["CN"], &[]),
        offer("iQIYI", &["CN"], &[]),
        offer("Tencent Video", &["CN"], &[]),
        offer("Ani-One Asia", &ani_one_asia, &[]),
        offer("Netflix", &[], &[]),
        offer("Ani-One", &["HK", "TW", "MO", "SG", "MY"], &[]),
        offer("Bahamut", &["TW"], &[]),
        offer("ABEMA", &["JP"], &[]),
        offer("U-NEXT", &["JP"], &[]),
        offer("Disney+", &[], &[]),
        offer("Bahamut HK", &["HK", "MO"], &[]),
        offer("Niconico", &["JP"], &[]),
        offer("Crunchyroll", &[], &[]),
        offer("d Anime Store", &["JP"], &[]),
    ]
}

/// The platforms' names in the open list and in the disclosure, in order, and its summary.
fn split(html: &str) -> (Vec<String>, Vec<String>, Option<String>) {
    let names = |part: &str| {
        part.split("class=\"ns-offer__link\">").skip(1).map(|s| s.split('<').next().unwrap().to_string()).collect::<Vec<_>>()
    };
    match html.split_once("<details class=\"ns-offers-more\">") {
        Some((open, folded)) => {
            let summary = folded.split("<summary class=\"ns-offers-more__summary\">").nth(1).unwrap().split("</summary>").next().unwrap();
            (names(open), names(folded), Some(summary.to_string()))
        }
        None => (names(html), vec![], None),
    }
}

#[test]
fn the_written_card_lists_what_serves_everywhere_and_folds_the_rest_counted() {
    let html = card(&dr_stone_season_2(), None);
    let (open, folded, summary) = split(&html);
    assert_eq!(open, ["Netflix", "Disney+", "Crunchyroll"]);
    assert_eq!(folded.len(), 11, "{folded:?}");
    assert_eq!(folded[..3], ["Bilibili", "iQIYI", "Tencent Video"], "the editor's order within the fold");
    assert_eq!(summary.as_deref(), Some("11 more, each limited to certain regions"));
    assert_eq!(html.matches("<details").count() - html.matches("ns-offer__countries").count(), 1, "one disclosure of offers");
    // Every offer is in the written page, so nothing needs script: a plain <details>.
    assert_eq!(html.matches("class=\"ns-offer\"").count() + html.matches("class=\"ns-offer ns-offer--here\"").count(), 14);
    assert!(!html.contains("<details class=\"ns-offers-more\" open"), "folded as written");
    // The per-offer list of countries still folds inside the offer (Ani-One Asia's 33).
    let (_, inside) = html.split_once("<details class=\"ns-offers-more\">").unwrap();
    assert!(inside.contains("in 33 countries and territories"));
    assert!(inside.contains("<details class=\"ns-offer__countries\"><summary>Which countries</summary>"), "{inside}");
    // No sentence about a region the page does not know.
    assert!(!html.contains("ns-watch__none"));
}

#[test]
fn a_known_region_lists_its_offers_first_and_folds_the_others_in_other_regions() {
    let (open, folded, summary) = split(&card(&dr_stone_season_2(), Some("US")));
    assert_eq!(open, ["Netflix", "Disney+", "Crunchyroll"]);
    assert_eq!(folded.len(), 11);
    assert_eq!(summary.as_deref(), Some("11 more, in other regions"));

    let html = card(&dr_stone_season_2(), Some("JP"));
    let (open, folded, summary) = split(&html);
    assert_eq!(open, ["Netflix", "ABEMA", "U-NEXT", "Disney+", "Niconico", "Crunchyroll", "d Anime Store"], "the editor's order kept");
    assert_eq!(folded, ["Bilibili", "iQIYI", "Tencent Video", "Ani-One Asia", "Ani-One", "Bahamut", "Bahamut HK"]);
    assert_eq!(summary.as_deref(), Some("7 more, in other regions"));
    let (open_part, folded_part) = html.split_once("<details").unwrap();
    assert_eq!(open_part.matches("Available in your region").count(), 7);
    assert_eq!(folded_part.matches("Not available in Japan").count(), 7);
}

#[test]
fn one_folded_offer_is_counted_in_the_singular() {
    let show = shipped("metallic-rouge");
    // Crunchyroll serves everywhere but Asia; Fuji TV +Ultra Japan only.
    let (open, folded, summary) = split(&card(&show.watch, None));
    assert_eq!((open.as_slice(), folded.as_slice()), (&["Crunchyroll".to_string()][..], &["Fuji TV +Ultra".to_string()][..]));
    assert_eq!(summary.as_deref(), Some("1 more, limited to one region"));
    let (open, _, summary) = split(&card(&show.watch, Some("FR")));
    assert_eq!(open, ["Crunchyroll"]);
    assert_eq!(summary.as_deref(), Some("1 more, in another region"));
    // One offer of several countries is not "in another region".
    let offers = vec![offer("Netflix", &[], &[]), offer("Ani-One", &["HK", "TW"], &[])];
    assert_eq!(split(&card(&offers, Some("US"))).2.as_deref(), Some("1 more, in other regions"));
    assert_eq!(split(&card(&offers, None)).2.as_deref(), Some("1 more, limited to certain regions"));
    // Crunchyroll outside Asia, folded for a reader in Japan: in other regions.
    assert_eq!(split(&card(&show.watch, Some("JP"))).2.as_deref(), Some("1 more, in other regions"));
}

#[test]
fn nothing_folded_gives_no_disclosure() {
    let worldwide = vec![offer("Netflix", &[], &[]), offer("Crunchyroll", &[], &[])];
    for region in [None, Some("US"), Some("JP")] {
        let html = card(&worldwide, region);
        assert!(!html.contains("<details"), "{region:?}: {html}");
        assert_eq!(split(&html).0, ["Netflix", "Crunchyroll"]);
    }
    let japan = vec![offer("ABEMA", &["JP"], &[]), offer("U-NEXT", &["JP"], &[])];
    assert!(!card(&japan, Some("JP")).contains("<details"));
}

#[test]
fn a_region_nothing_serves_is_said_plainly_above_the_fold() {
    let japan = vec![offer("ABEMA", &["JP"], &[]), offer("U-NEXT", &["JP"], &[])];
    let html = card(&japan, Some("US"));
    assert!(html.contains("<p class=\"ns-watch__none\">None of the 2 platforms NextSeason lists serves your region (United States).</p>"), "{html}");
    let (open, folded, summary) = split(&html);
    assert!(open.is_empty());
    assert!(!html.contains("<ul class=\"ns-offers\"></ul>"), "no empty list");
    assert_eq!(folded, ["ABEMA", "U-NEXT"]);
    assert_eq!(summary.as_deref(), Some("2 platforms, in other regions"));
    assert!(html.find("ns-watch__none").unwrap() < html.find("<details").unwrap());

    let html = card(&japan[..1], Some("FR"));
    assert!(html.contains(">The one platform NextSeason lists does not serve your region (France).</p>"), "{html}");
    assert_eq!(split(&html).2.as_deref(), Some("1 platform, in another region"));

    // Not known: nothing is said of a region, and the summary does not say "more".
    let html = card(&japan, None);
    assert!(!html.contains("ns-watch__none"));
    assert_eq!(split(&html).2.as_deref(), Some("2 platforms, each limited to certain regions"));
}

#[test]
fn the_cards_to_paste_and_the_widget_fold_as_the_page_does() {
    nextseason::prerender::init();
    let mut show = shipped("metallic-rouge");
    show.watch = dr_stone_season_2();
    let page = render({
        let show = show.clone();
        move || show_cards(&show, &CardKind::ALL, "/data")
    });
    let widget = render({
        let show = show.clone();
        move || show_cards(&show, &[CardKind::Watch], "/data")
    });
    let pasted = nextseason::prerender::embed_snippet(&Arc::new(show), "https://nextseason.example");
    let disclosure = |html: &str| {
        let start = html.find("<details class=\"ns-offers-more\">").expect("a disclosure");
        let end = start + html[start..].find("</ul></details>").unwrap();
        html[start..end].to_string()
    };
    assert!(disclosure(&page).contains(">11 more, each limited to certain regions</summary>"));
    assert_eq!(disclosure(&widget), disclosure(&page));
    assert_eq!(split(&widget).0, split(&page).0);
    // The pasted cards' links carry the site's address; the fold is the same.
    assert_eq!(split(&pasted).1, split(&page).1);
    assert_eq!(split(&pasted).2, split(&page).2);
}
