//! The answer box (issue 14), rendered natively as the build writes it: under the headline, in
//! the same words as the outlook card, the line for where to watch reserved, the jump links to
//! the cards' own headings; alone as a card of its own in a widget; in the pasted embed.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use nextseason::bundle::{self, Show};
use nextseason::components::*;
use std::sync::Arc;

fn shard(path: &str, slug: &str) -> Show {
    let text = std::fs::read_to_string(format!("{}/{path}/{slug}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    bundle::decode_show(&text, slug).unwrap()
}

fn shipped(slug: &str) -> Show {
    shard("public/data/shows", slug)
}

/// Shards the importer wrote from the real data (tests/fixtures/imported/README.md).
fn imported(slug: &str) -> Show {
    shard("tests/fixtures/imported", slug)
}

fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| view().into_view().to_html()).replace("<!>", "")
}

/// The site's show page, as the build writes it.
fn page(show: &Show) -> String {
    let show = Arc::new(show.clone());
    render(move || view! { <nextseason::pages::ShowView show/> })
}

fn widget(show: &Show, cards: &'static [CardKind]) -> String {
    let show = show.clone();
    render(move || {
        provide_context(HeadingLevel(2));
        show_cards(&show, cards, "/data")
    })
}

/// The markup of the first element with `class` (its own tag's end found by counting).
fn element<'a>(html: &'a str, class: &str) -> &'a str {
    let at = html.find(&format!("class=\"{class}\"")).unwrap_or_else(|| panic!("no .{class} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    let tag: String = html[start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut depth = 0;
    let mut i = start;
    loop {
        let next_open = html[i + 1..].find(&open).map(|n| n + i + 1);
        let next_close = html[i..].find(&close).map(|n| n + i).unwrap();
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o;
            }
            _ if depth > 0 => {
                depth -= 1;
                i = next_close + 1;
            }
            _ => return &html[start..next_close + close.len()],
        }
    }
}

#[test]
fn the_answer_is_right_under_the_headline_of_an_editors_show() {
    let html = page(&shipped("metallic-rouge"));
    assert!(html.contains("【Release Date】</h1><div class=\"ns-answer\"><p class=\"ns-answer__status\"><span class=\"ns-badge ns-badge--no-announcement\">No announcement</span></p>"), "{html}");
    let answer = element(&html, "ns-answer");
    assert!(answer.contains("<p class=\"ns-answer__sentence\">No second season has been announced.</p>"), "{answer}");
    assert!(answer.contains("<dt>Expected</dt><dd><time datetime=\"2025\">2025 or later</time><span class=\"ns-precision\"> (known to the year)</span></dd>"));
    // The build knows no region: the line is there, saying how many platforms, linked to the card.
    assert!(answer.contains("<dt>Where to watch now</dt><dd><a href=\"#ns-watch-h\">2 platforms: set your region</a></dd>"), "{answer}");
    assert!(!answer.contains("role=\"timer\""), "no countdown without a day");
    // The article follows, whole.
    assert!(html.find("class=\"ns-answer\"").unwrap() < html.find("Are you a fan of Metallic Rouge?").unwrap());
    assert!(html.contains("Natalia Hernández") && html.contains("sometime in 2025 or later"));
}

#[test]
fn the_answer_says_what_the_outlook_card_says() {
    for show in [shipped("metallic-rouge"), imported("sengoku-youko"), imported("sengoku-youko-the-thousandfold-chaos-arc"), imported("anidb-16366")] {
        let html = page(&show);
        let answer = element(&html, "ns-answer");
        let outlook = element(&html, "ns-card ns-outlook");
        let badge = element(answer, "ns-answer__status").replace("ns-answer__status", "ns-outlook__status");
        assert!(outlook.contains(&badge), "{}: {badge} not in {outlook}", show.slug);
        let said = element(answer, "ns-answer__sentence");
        let said = &said[said.find('>').unwrap() + 1..said.len() - "</p>".len()];
        assert!(outlook.contains(&format!(">{said}</p>")), "{}: {said} not in {outlook}", show.slug);
    }
}

#[test]
fn the_answer_from_the_data_links_the_next_season_or_warns_that_nothing_listed_is_not_no() {
    let html = page(&imported("sengoku-youko"));
    let answer = element(&html, "ns-answer");
    assert!(answer.contains("<span class=\"ns-badge ns-badge--data ns-badge--data-aired\">Next season aired</span>"));
    assert!(answer.contains(
        "<p class=\"ns-answer__sentence\">NextSeason found the next season in bangumi-data: <a href=\"/shows/sengoku-youko-the-thousandfold-chaos-arc\" data-ns-show=\"sengoku-youko-the-thousandfold-chaos-arc\">Sengoku Youko: The Thousandfold Chaos Arc</a> premiered in Japan on <time datetime=\"2024-07-18\">July 18, 2024</time>.</p>"
    ), "{answer}");
    assert!(answer.contains("<a href=\"#ns-watch-h\">9 platforms: set your region</a>"));
    assert!(!answer.contains("ns-answer__caveat"));

    let html = page(&imported("anidb-16366"));
    let answer = element(&html, "ns-answer");
    assert!(answer.contains("ns-badge--data-nothing-later\">No later season found</span>"));
    // The title in Japanese carries its language, and absence from the data is not "no".
    assert!(answer.contains("NextSeason found nothing after <span lang=\"ja\">あはれ！名作くん(第6期)</span> in bangumi-data as of <time datetime=\"2026-05-15\">May 15, 2026</time>: no later season, part or film.</p>"), "{answer}");
    assert!(answer.contains("<p class=\"ns-answer__caveat\">A season the data does not hold yet may already have been announced.</p>"));
    assert!(!answer.contains("No announcement"));
    assert!(answer.contains("<a href=\"#ns-watch-h\">No platform listed yet</a>"));
    // Its headline, generated too, is still the page's one h1, the answer under it.
    assert!(html.contains("get another season?</h1><div class=\"ns-answer\">"), "{html}");
}

#[test]
fn a_dated_season_counts_down_in_the_answer() {
    // Synthetic: the shipped show's outlook made a dated one, as an announcement would.
    let mut show = shipped("metallic-rouge");
    show.outlook = Some(serde_json::from_str(r#"{"status":"dated","summary":"Synthetic.","window":{"from":"2099-01-16"},"premiere_at":"2099-01-16T00:00:00+09:00"}"#).unwrap());
    let html = page(&show);
    let answer = element(&html, "ns-answer");
    assert!(answer.contains("<p class=\"ns-answer__sentence\">Season 2 premieres on <time datetime=\"2099-01-16\">January 16, 2099</time>.</p>"), "{answer}");
    // The time left on one line, the same length whatever the reader's zone.
    assert!(answer.contains("<dt>Countdown</dt><dd><span role=\"timer\" aria-live=\"off\" aria-atomic=\"true\">"), "{answer}");
    assert!(answer.contains(" to go</span></dd>") && !answer.contains("your time"));
    assert!(!answer.contains("<dt>Premiere</dt>"), "the date once, in the sentence");
    assert!(element(&html, "ns-card ns-outlook").contains("<dt>Premiere</dt>"), "the card keeps its window");
}

#[test]
fn a_window_of_from_alone_is_the_period_it_names() {
    // Synthetic: the shipped show's season announced for a year, then for a season of it, with
    // no end and no "or later": the window is that period, in the answer and in the card alike.
    let mut show = shipped("metallic-rouge");
    for (window, shown, precision) in [
        (r#"{"from":"2026"}"#, "<time datetime=\"2026\">2026</time>", "year"),
        (r#"{"from":"2026-fall"}"#, "<time datetime=\"2026-10\">Fall 2026</time>", "season"),
    ] {
        show.outlook = Some(serde_json::from_str(&format!(r#"{{"status":"announced","summary":"Synthetic.","window":{window}}}"#)).unwrap());
        let html = page(&show);
        let row = format!("<dt>Expected</dt><dd>{shown}<span class=\"ns-precision\"> (known to the {precision})</span></dd>");
        let answer = element(&html, "ns-answer");
        assert!(answer.contains("<p class=\"ns-answer__sentence\">Season 2 has been announced.</p>"), "{answer}");
        assert!(answer.contains(&row), "{window}: {answer}");
        assert!(element(&html, "ns-card ns-outlook").contains(&row), "{window}: {html}");
        assert!(!element(&html, "ns-card ns-outlook").contains("or later"), "{window}");
        assert!(!html.contains("role=\"timer\""), "no countdown without a day");
    }
}

#[test]
fn an_announcement_names_its_source_site_and_day_linked_in_the_answer_and_the_card() {
    // Synthetic: the shipped show's season announced, as `nextseason-bundle announce` writes it.
    let mut show = shipped("metallic-rouge");
    show.outlook = Some(serde_json::from_str(r#"{"status":"announced","source":{"url":"https://www.example.org/news/1?a=1&c=2","date":"2026-05-01"}}"#).unwrap());
    let html = page(&show);
    let line = "Source: <a href=\"https://www.example.org/news/1?a=1&amp;c=2\" target=\"_blank\" rel=\"noopener noreferrer\">example.org<span class=\"ns-visually-hidden\"> (opens in a new tab)</span></a>, <time datetime=\"2026-05-01\">May 1, 2026</time></p>";
    let answer = element(&html, "ns-answer");
    assert!(answer.contains("<span class=\"ns-badge ns-badge--announced\">Announced</span>"), "{answer}");
    assert!(answer.contains(&format!("<p class=\"ns-answer__source\">{line}")), "{answer}");
    let outlook = element(&html, "ns-card ns-outlook");
    assert!(outlook.contains(&format!("<p class=\"ns-outlook__source\">{line}")), "{outlook}");
    // A link that is no https link to a host (which the rules refuse) is never a link, and its
    // text stays text.
    show.outlook = Some(serde_json::from_str(r#"{"status":"announced","source":{"url":"https://ex<b>.org/","date":"2026-05-01"}}"#).unwrap());
    let answer = element(&page(&show), "ns-answer").to_string();
    assert!(answer.contains("<p class=\"ns-answer__source\">Source: <span>ex&lt;b&gt;.org</span>, "), "{answer}");
    // Without a source, no line: the shipped show's answer is as it was.
    let html = page(&shipped("metallic-rouge"));
    assert!(!html.contains("Source: "), "{html}");
}

#[test]
fn the_jump_links_list_the_cards_below_and_lead_to_their_focusable_headings() {
    let show = shipped("metallic-rouge");
    let html = page(&show);
    let nav = element(&html, "ns-jumps");
    assert!(nav.starts_with("<nav aria-labelledby=\"ns-jumps-label\" class=\"ns-jumps\"><p id=\"ns-jumps-label\" class=\"ns-jumps__label\">On this page</p>"), "{nav}");
    let links: Vec<(&str, &str)> = nav
        .split("<a href=\"#")
        .skip(1)
        .map(|l| {
            let (id, rest) = l.split_once("\">").unwrap();
            (id, rest.split("</a>").next().unwrap())
        })
        .collect();
    assert_eq!(
        links,
        [("ns-sheet-h", "Technical sheet"), ("ns-outlook-h", "Season 2 outlook"), ("ns-watch-h", "Where to watch"), ("ns-cast-h", "Cast"), ("ns-read-also-h", "Read also")]
    );
    for (id, title) in links {
        assert!(html.contains(&format!("<h2 id=\"{id}\" tabindex=\"-1\" class=\"ns-card__title\">{title}</h2>")), "#{id}: {html}");
    }
    // Right after the answer, inside the article, before its byline.
    assert!(html.contains("</div><nav aria-labelledby=\"ns-jumps-label\""));
    assert!(html.find("ns-jumps").unwrap() < html.find("ns-byline").unwrap());
    // No "Read also" where there is nothing to read.
    let html = page(&imported("anidb-16366"));
    assert!(!element(&html, "ns-jumps").contains("#ns-read-also-h"));
}

#[test]
fn every_jump_links_title_is_its_cards_own() {
    for show in [shipped("metallic-rouge"), imported("sengoku-youko")] {
        for kind in CardKind::ALL {
            let Some(JumpTarget { id, title }) = jump_target(kind, &show) else { continue };
            let html = render({
                let show = show.clone();
                move || show_cards(&show, &[kind], "/data")
            });
            assert!(html.contains(&format!("id=\"{id}\" tabindex=\"-1\" class=\"ns-card__title\">{title}</h2>")), "{kind:?}: {html}");
        }
    }
}

#[test]
fn in_a_widget_the_answer_is_on_by_default_and_stands_alone_without_the_article() {
    assert_eq!(CardKind::ALL[0], CardKind::Answer);
    assert_eq!(CardKind::parse_list(None), CardKind::ALL);
    assert_eq!(CardKind::parse_list(Some("answer,watch")), [CardKind::Answer, CardKind::Watch]);
    let show = shipped("metallic-rouge");
    // Every card: the answer under the article's headline, an <h2> in a blogger's post.
    let html = widget(&show, &CardKind::ALL);
    assert!(html.contains("【Release Date】</h2><div class=\"ns-answer\">"), "{html}");
    assert_eq!(html.matches("class=\"ns-answer\"").count(), 1);
    // Without the article: a card of its own, named by the question it answers.
    let html = widget(&show, &[CardKind::Answer, CardKind::Outlook]);
    assert!(html.starts_with(
        "<div class=\"ns-show\"><section aria-labelledby=\"ns-answer-h\" class=\"ns-card ns-answer-card\"><h3 id=\"ns-answer-h\" tabindex=\"-1\" class=\"ns-card__title\">Will Metallic Rouge get season 2?</h3><div class=\"ns-answer\">"
    ), "{html}");
    let nav = element(&html, "ns-jumps");
    assert!(nav.contains("<a href=\"#ns-outlook-h\">Season 2 outlook</a>") && !nav.contains("#ns-watch-h") && !nav.contains("#ns-sheet-h"));
    // No watch card to link down to: the line is text.
    assert!(html.contains("<dt>Where to watch now</dt><dd><span>2 platforms: set your region</span></dd>"), "{html}");
    // Picked after the article, it still goes under the headline.
    let html = widget(&show, &[CardKind::Article, CardKind::Answer]);
    assert!(html.contains("</h2><div class=\"ns-answer\">") && !html.contains("ns-answer-card"));
    // Not picked: no answer.
    assert!(!widget(&show, &[CardKind::Article, CardKind::Watch]).contains("ns-answer"));
}

#[test]
fn a_title_in_japanese_is_marked_in_the_question() {
    let html = widget(&imported("anidb-16366"), &[CardKind::Answer]);
    assert!(html.contains(">Will <span lang=\"ja\">あはれ！名作くん(第6期)</span> get another season?</h3>"), "{html}");
    // Nothing to jump to: no list.
    assert!(!html.contains("ns-jumps"));
}

#[test]
fn the_pasted_cards_hold_the_answer() {
    nextseason::prerender::init();
    let show = Arc::new(shipped("metallic-rouge"));
    let snippet = nextseason::prerender::embed_snippet(&show, "https://nextseason.example");
    assert!(snippet.contains("【Release Date】</h2><div class=\"ns-answer\">"), "{snippet}");
    assert!(snippet.contains("<a href=\"#ns-watch-h\">2 platforms: set your region</a>"));
    assert!(snippet.contains("<a href=\"#ns-outlook-h\">Season 2 outlook</a>"));
}
