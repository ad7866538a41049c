//! The rules of one show's file, beyond its types: texts, slugs, links, regions, languages,
//! dates that must agree, footnotes and their references.

use super::field_rules::*;
use super::problem::Problem;
use super::imported::TitleMade;
use super::schema::*;
use crate::dates::{PartialDate, Precision};

/// Every rule a decoded show breaks, for the file named after `expected_slug`.
pub(super) fn show_problems(show: &Show, expected_slug: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    validate_show(show, &mut problems);
    if show.slug != expected_slug {
        problems.push(Problem::new("slug", format!("is \"{}\" but the file is for \"{expected_slug}\"", show.slug)));
    }
    problems
}

fn validate_show(show: &Show, problems: &mut Vec<Problem>) {
    check_slug("slug", &show.slug, problems);
    check_text("title", &show.title, problems);
    check_native("native_title", show.native_title.as_ref(), problems);
    // A romaji reading, and the loanwords spelled as in English, are written in Latin letters:
    // anything else is not one.
    for (field, reading) in [("romaji", &show.romaji), ("spelled", &show.spelled)] {
        if let Some(reading) = reading {
            check_text(field, reading, problems);
            if !reading.is_ascii() {
                problems.push(Problem::new(field, format!("{reading:?} is not in Latin letters")));
            }
        }
    }
    match show.title_made {
        Some(TitleMade::Romaji) if show.romaji.as_deref() != Some(show.title.as_str()) => {
            problems.push(Problem::new("title_made", "is \"romaji\", but the title is not the show's romaji"));
        }
        Some(_) if show.native_title.is_none() => {
            problems.push(Problem::new("title_made", "says NextSeason made the title, but the show has no native_title to make it from"));
        }
        _ => {}
    }
    if show.seasons == Some(0) {
        problems.push(Problem::new("seasons", "must be at least 1 (leave it out when unknown)"));
    }
    for (list, values) in [("alt_titles", &show.alt_titles), ("genres", &show.genres), ("studios", &show.studios)] {
        for (i, value) in values.iter().enumerate() {
            check_text(&format!("{list}[{i}]"), value, problems);
        }
    }
    if let Some(source) = &show.source {
        if let Some(author) = &source.author {
            check_text("source.author", author, problems);
        }
    }
    if let Some(outlook) = &show.outlook {
        validate_outlook(outlook, problems);
    }
    validate_article(&show.article, problems);
    if let Some(image) = &show.image {
        check_url("image", image, problems);
    }
    for (i, offer) in show.watch.iter().enumerate() {
        let at = |field: &str| format!("watch[{i}].{field}");
        check_text(&at("platform"), &offer.platform, problems);
        check_url(&at("url"), &offer.url, problems);
        check_regions(&at(""), &offer.only, &offer.except, problems);
        if let Some(note) = &offer.note {
            check_text_of(&at("note"), note, MAX_PARAGRAPH_CHARS, problems);
        }
    }
    for (i, role) in show.cast.iter().enumerate() {
        check_name(&format!("cast[{i}].character"), &role.character, problems);
        for (j, voice) in role.voices.iter().enumerate() {
            check_name(&format!("cast[{i}].voices[{j}].actor"), &voice.actor, problems);
            check_lang(&format!("cast[{i}].voices[{j}].language"), &voice.language, problems);
        }
    }
    super::imported_rules::validate_imported(show, problems);
    for (i, link) in show.read_also.iter().enumerate() {
        check_slug(&format!("read_also[{i}].slug"), &link.slug, problems);
        check_text(&format!("read_also[{i}].title"), &link.title, problems);
        if link.slug == show.slug {
            problems.push(Problem::new(format!("read_also[{i}].slug"), "links the show to itself"));
        }
    }
}

fn validate_outlook(outlook: &Outlook, problems: &mut Vec<Problem>) {
    if let Some(summary) = &outlook.summary {
        check_text_of("outlook.summary", summary, MAX_PARAGRAPH_CHARS, problems);
    }
    if let Some(window) = &outlook.window {
        if let Some(to) = &window.to {
            if to.earliest_day() < window.from.earliest_day() {
                problems.push(Problem::new("outlook.window.to", format!("{to} is before from ({})", window.from)));
            }
            if window.or_later {
                problems.push(Problem::new("outlook.window.or_later", "cannot be true when the window has an end (to)"));
            }
        }
    }
    let day_known = outlook.premiere_at.is_some()
        || outlook.window.as_ref().is_some_and(|w| w.precision() == Precision::Day && w.to.is_none() && !w.or_later);
    if outlook.status == Status::Dated && !day_known {
        problems.push(Problem::new(
            "outlook.window",
            "status \"dated\" needs the day: a window of one YYYY-MM-DD date (no to, no or_later), or premiere_at",
        ));
    }
    if outlook.status == Status::Cancelled && outlook.premiere_at.is_some() {
        problems.push(Problem::new("outlook.premiere_at", "a cancelled season has no premiere"));
    }
    if let Some(source) = &outlook.source {
        check_url("outlook.source.url", &source.url, problems);
        // Any day is taken, a later one than today too: the rules have no clock, so that the
        // site and the tool judge a file alike whenever they read it.
        if source.date.precision() != Precision::Day {
            problems.push(Problem::new("outlook.source.date", format!("{} is not a day: write the day the news was announced (or read), YYYY-MM-DD", source.date)));
        }
    }
    if let (Some(at), Some(window)) = (&outlook.premiere_at, &outlook.window) {
        let local = crate::dates::LocalTime::at(at.epoch_ms, at.offset_minutes);
        let day = PartialDate::Day(local.year, local.month, local.day);
        if window.precision() == Precision::Day && window.from != day {
            problems.push(Problem::new("outlook.premiere_at", format!("is on {day} but the window says {}", window.from)));
        }
    }
}

fn validate_article(article: &Article, problems: &mut Vec<Problem>) {
    check_text("article.headline", &article.headline, problems);
    let mut refs = Vec::new();
    for (i, p) in article.intro.iter().enumerate() {
        check_paragraph(&format!("article.intro[{i}]"), p, &mut refs, problems);
    }
    fn walk(path: &str, sections: &[Section], refs: &mut Vec<(String, String)>, problems: &mut Vec<Problem>) {
        for (i, section) in sections.iter().enumerate() {
            let at = format!("{path}[{i}]");
            check_text(&format!("{at}.heading"), &section.heading, problems);
            for (j, p) in section.paragraphs.iter().enumerate() {
                check_paragraph(&format!("{at}.paragraphs[{j}]"), p, refs, problems);
            }
            walk(&format!("{at}.subsections"), &section.subsections, refs, problems);
        }
    }
    walk("article.sections", &article.sections, &mut refs, problems);
    for (i, note) in article.footnotes.iter().enumerate() {
        check_text_of(&format!("article.footnotes[{i}].text"), &note.text, MAX_PARAGRAPH_CHARS, problems);
        // An id no paragraph can write as `[^id]` is told once, as such, not also as unreferenced.
        if note.id.is_empty() || !note.id.chars().all(|c| c.is_ascii_alphanumeric()) {
            problems.push(Problem::new(format!("article.footnotes[{i}].id"), "must be letters or digits, such as \"1\""));
        } else if article.footnotes[..i].iter().any(|n| n.id == note.id) {
            problems.push(Problem::new(format!("article.footnotes[{i}].id"), format!("\"{}\" is used twice", note.id)));
        } else if !refs.iter().any(|(_, id)| *id == note.id) {
            problems.push(Problem::new(format!("article.footnotes[{i}]"), format!("no paragraph refers to it with [^{}]", note.id)));
        }
    }
    for (path, id) in &refs {
        if !article.footnotes.iter().any(|n| n.id == *id) {
            problems.push(Problem::new(path.clone(), format!("refers to footnote [^{id}], which article.footnotes does not have")));
        }
    }
    if let Some(author) = &article.author {
        check_text("article.author", author, problems);
    }
    if let (Some(published), Some(updated)) = (article.published, article.updated) {
        if updated.earliest_day() < published.earliest_day() {
            problems.push(Problem::new("article.updated", format!("{updated} is before published ({published})")));
        }
    }
}

fn check_paragraph(path: &str, text: &str, refs: &mut Vec<(String, String)>, problems: &mut Vec<Problem>) {
    check_text_of(path, text, MAX_PARAGRAPH_CHARS, problems);
    for piece in inline(text) {
        if let Inline::FootnoteRef(id) = piece {
            refs.push((path.to_string(), id.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tests::{problems_of, shipped};

    #[test]
    fn semantic_rules_report_every_problem() {
        let mut json = shipped();
        json["title"] = serde_json::json!("  ");
        json["watch"][0]["url"] = serde_json::json!("javascript:alert(1)");
        json["watch"][1]["only"] = serde_json::json!(["XX"]);
        json["cast"][0]["voices"][0]["language"] = serde_json::json!("Japanese");
        json["read_also"][0]["slug"] = serde_json::json!("Sengoku Youko");
        json["outlook"]["status"] = serde_json::json!("dated");
        assert_eq!(
            problems_of(json),
            [
                "title: must not be empty",
                "outlook.window: status \"dated\" needs the day: a window of one YYYY-MM-DD date (no to, no or_later), or premiere_at",
                "watch[0].url: \"javascript:alert(1)\" is not an https link to a host (https://…)",
                "watch[1].only[0]: unknown region \"XX\": use an ISO 3166 country code (\"JP\") or africa, americas, asia, europe, oceania",
                "cast[0].voices[0].language: \"Japanese\" is not a language tag such as \"ja\" or \"en\"",
                "read_also[0].slug: \"Sengoku Youko\" is not a slug: use lowercase letters, digits and single hyphens",
            ]
        );
    }

    #[test]
    fn an_outlooks_source_is_an_https_link_and_a_day() {
        let with_source = |url: &str, date: &str| {
            let mut json = shipped();
            json["outlook"]["source"] = serde_json::json!({ "url": url, "date": date });
            problems_of(json)
        };
        assert_eq!(with_source("https://natalie.mu/comic/news/600000", "2026-05-01"), Vec::<String>::new());
        assert_eq!(with_source("https://natalie.mu/comic/news/600000", "2999-12-31"), Vec::<String>::new(), "no clock in the rules");
        assert_eq!(
            with_source("http://natalie.mu/comic/news/600000", "2026-05"),
            [
                "outlook.source.url: \"http://natalie.mu/comic/news/600000\" is not an https link to a host (https://…)",
                "outlook.source.date: 2026-05 is not a day: write the day the news was announced (or read), YYYY-MM-DD",
            ]
        );
        assert_eq!(with_source("", "2026-05-01"), ["outlook.source.url: \"\" is not an https link to a host (https://…)"]);
        assert_eq!(with_source("javascript:alert(1)", "2026-fall"), [
            "outlook.source.url: \"javascript:alert(1)\" is not an https link to a host (https://…)",
            "outlook.source.date: 2026-fall is not a day: write the day the news was announced (or read), YYYY-MM-DD",
        ]);
        let mut json = shipped();
        json["outlook"]["source"] = serde_json::json!({ "url": "https://natalie.mu/" });
        assert_eq!(problems_of(json), ["outlook.source: missing field `date`"]);
        // Left out, the outlook is written as before: the shipped files are unchanged.
        let show = super::super::decode_show(super::super::tests::METALLIC_ROUGE, "metallic-rouge").unwrap();
        assert_eq!(serde_json::to_value(show.outlook.unwrap()).unwrap().get("source"), None);
    }

    #[test]
    fn an_outlooks_source_is_named_by_its_site() {
        let site = |url: &str| OutlookSource { url: url.into(), date: PartialDate::Day(2026, 5, 1) }.site();
        assert_eq!(site("https://www.Example.org:8443/news?id=1#top").as_deref(), Some("example.org"));
        assert_eq!(site("https://natalie.mu").as_deref(), Some("natalie.mu"));
        assert_eq!(site("http://natalie.mu/"), None);
        assert_eq!(site("https:///path"), None);
    }

    #[test]
    fn text_rules() {
        let mut json = shipped();
        json["title"] = serde_json::json!("x".repeat(301));
        json["article"]["author"] = serde_json::json!("Natalia Hern√°ndez");
        json["article"]["headline"] = serde_json::json!("Will \u{202E}2 nosaes evah egouR cillateM lliW");
        json["cast"][0]["character"]["name"] = serde_json::json!("Rouge\u{200B}Redstar");
        json["article"]["intro"][0] = serde_json::json!("y".repeat(10_001));
        assert_eq!(
            problems_of(json),
            [
                "title: is 301 characters long; at most 300",
                "article.headline: contains the invisible control character U+202E, which can hide or reorder text",
                "article.intro[0]: is 10001 characters long; at most 10000",
                "article.author: looks mis-decoded (UTF-8 read as Mac Roman): did you mean \"Natalia Hernández\"?",
                "cast[0].character.name: contains the invisible control character U+200B, which can hide or reorder text",
            ]
        );
    }

    #[test]
    fn footnotes_and_their_references_must_match() {
        let mut json = shipped();
        json["article"]["intro"][0] = serde_json::json!("An intro with a dangling note[^7].");
        let problems = problems_of(json);
        assert!(problems.contains(&"article.intro[0]: refers to footnote [^7], which article.footnotes does not have".to_string()), "{problems:?}");
    }

    #[test]
    fn only_https_links_to_a_host_are_safe() {
        assert!(is_safe_url("https://www.crunchyroll.com/search?q=metallic%20rouge"));
        for bad in ["http://example.org", "javascript:alert(1)", "data:text/html,x", "https://", "https://a b", "//evil.example", "https://user@evil.example", "HTTPS://x.org\u{0}"] {
            assert!(!is_safe_url(bad), "{bad}");
        }
    }

    #[test]
    fn inline_text_splits_footnote_references_only() {
        assert_eq!(
            inline("source material[^1]. However"),
            [Inline::Text("source material"), Inline::FootnoteRef("1"), Inline::Text(". However")]
        );
        assert_eq!(inline("<b>[^x y]</b>"), [Inline::Text("<b>[^"), Inline::Text("x y]</b>")]);
        assert_eq!(inline("[^]"), [Inline::Text("[^"), Inline::Text("]")]);
    }

    #[test]
    fn slugs() {
        assert!(is_valid_slug("metallic-rouge"));
        assert!(is_valid_slug("86-eighty-six"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a/b", "..", "a_b"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
