//! The rules of the facts that reference data gives about a work (`imported`): other titles,
//! its end, weekly slot, official site, reference ids, related works, the data's outlook and
//! its source. Part of the rules of one show (`show_rules`).

use super::problem::Problem;
use super::imported::*;
use super::schema::*;
use super::field_rules::{check_native, check_slug, check_text, check_text_of, check_url, MAX_PARAGRAPH_CHARS};
use crate::dates::{PartialDate, Precision};

pub(super) fn validate_imported(show: &Show, problems: &mut Vec<Problem>) {
    for (i, title) in show.titles.iter().enumerate() {
        check_native(&format!("titles[{i}]"), Some(title), problems);
    }
    if let (Some(premiere), Some(ends)) = (show.premiere, show.ends) {
        if ends.latest_day() < premiere.earliest_day() {
            problems.push(Problem::new("ends", format!("{ends} is before premiere ({premiere})")));
        }
    }
    if let Some(slot) = &show.broadcast {
        validate_slot(slot, problems);
    }
    if let Some(data_outlook) = &show.data_outlook {
        validate_data_outlook(show, data_outlook, problems);
    }
    if let Some(site) = &show.official_site {
        check_url("official_site", site, problems);
    }
    for site in ReferenceSite::ALL {
        match show.references.get(site) {
            Some(id) if !site.is_valid_id(id) => problems.push(Problem::new(
                format!("references.{}", site.key()),
                format!("\"{id}\" is not a {} id: {}", site.name(), site.id_form()),
            )),
            _ => {}
        }
    }
    if let Some(data) = &show.data {
        check_text("data.source", &data.source, problems);
        check_text("data.license", &data.license, problems);
        let version_ok = !data.version.is_empty()
            && data.version.len() <= 40
            && data.version.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'));
        if !version_ok {
            problems.push(Problem::new("data.version", format!("\"{}\" is not a version such as \"0.3.208\"", data.version)));
        }
    }
    validate_related(show, problems);
}

fn validate_slot(slot: &BroadcastSlot, problems: &mut Vec<Problem>) {
    let clock = slot.time.split_once(':').filter(|(h, m)| {
        let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        two_digits(h) && two_digits(m) && h.parse::<u8>().is_ok_and(|h| h < 24) && m.parse::<u8>().is_ok_and(|m| m < 60)
    });
    if clock.is_none() {
        problems.push(Problem::new("broadcast.time", format!("\"{}\" is not a time of day such as \"01:25\" (HH:MM, 24-hour clock)", slot.time)));
    }
    if slot.zone != "JST" {
        problems.push(Problem::new("broadcast.zone", format!("\"{}\" is not a zone the bundle writes slots in: use \"JST\" (Japan time)", slot.zone)));
    }
}

/// Related works: slugs of other shows, each once, none the editor rejected.
fn validate_related(show: &Show, problems: &mut Vec<Problem>) {
    for (i, link) in show.related.iter().enumerate() {
        let at = |field: &str| format!("related[{i}].{field}");
        check_slug(&at("slug"), &link.slug, problems);
        check_text(&at("title"), &link.title, problems);
        if let Some(reason) = &link.reason {
            check_text_of(&at("reason"), reason, MAX_PARAGRAPH_CHARS, problems);
        }
        if link.slug == show.slug {
            problems.push(Problem::new(at("slug"), "links the show to itself"));
        } else if show.related[..i].iter().any(|l| l.slug == link.slug) {
            problems.push(Problem::new(at("slug"), format!("\"{}\" is listed twice", link.slug)));
        } else if show.related_rejected.contains(&link.slug) {
            problems.push(Problem::new(at("slug"), format!("\"{}\" is also in related_rejected: keep one", link.slug)));
        }
    }
    for (i, slug) in show.related_rejected.iter().enumerate() {
        check_slug(&format!("related_rejected[{i}]"), slug, problems);
    }
}

/// The importer's outlook: its next season is one of `related`, with the dates its status needs.
fn validate_data_outlook(show: &Show, outlook: &DataOutlook, problems: &mut Vec<Problem>) {
    check_text_of("data_outlook.summary", &outlook.summary, MAX_PARAGRAPH_CHARS, problems);
    if show.outlook.is_some() {
        problems.push(Problem::new("data_outlook", "the show has an editor's outlook, which replaces the data's: keep one"));
    }
    match (&outlook.next, outlook.status.has_next()) {
        (None, true) => problems.push(Problem::new("data_outlook.next", format!("status \"{}\" needs the next season's slug", outlook.status.key()))),
        (Some(_), false) => problems.push(Problem::new("data_outlook.next", format!("status \"{}\" has no next season", outlook.status.key()))),
        (Some(next), true) if !show.related.iter().any(|r| r.slug == *next) => {
            problems.push(Problem::new("data_outlook.next", format!("\"{next}\" is not one of related")))
        }
        _ => {}
    }
    match outlook.premiere {
        None if outlook.status.has_next() => {
            problems.push(Problem::new("data_outlook.premiere", format!("status \"{}\" needs the next season's premiere", outlook.status.key())))
        }
        Some(day) if outlook.status == DataStatus::Dated && day.precision() != Precision::Day => {
            problems.push(Problem::new("data_outlook.premiere", "status \"dated\" needs the day: YYYY-MM-DD"))
        }
        _ => {}
    }
    if let Some(odds) = &outlook.odds {
        if outlook.status.has_next() {
            problems.push(Problem::new("data_outlook.odds", format!("status \"{}\" has a next season: odds are for a show with none found", outlook.status.key())));
        }
        if odds.percent > 100 {
            problems.push(Problem::new("data_outlook.odds.percent", format!("{} is not a percentage (0–100)", odds.percent)));
        }
        if odds.population == 0 {
            problems.push(Problem::new("data_outlook.odds.population", "a group of no seasons"));
        }
        check_text_of("data_outlook.odds.group", &odds.group, 200, problems);
        // The bars: months ascending, shares that only grow, none past 100 %.
        for (i, step) in odds.within.iter().enumerate() {
            let before = i.checked_sub(1).map(|b| odds.within[b]);
            if step.percent > 100 || before.is_some_and(|b| b.months >= step.months || b.percent > step.percent) {
                problems.push(Problem::new(format!("data_outlook.odds.within[{i}]"), "the shares must be percentages, by months ascending, that never fall"));
            }
        }
    }
    if let (Some(at), Some(day)) = (&outlook.premiere_at, outlook.premiere) {
        let local = crate::dates::LocalTime::at(at.epoch_ms, at.offset_minutes);
        if day.precision() == Precision::Day && !day.contains(local.year, local.month, local.day) {
            problems.push(Problem::new("data_outlook.premiere_at", format!("is on {} but premiere says {day}", PartialDate::Day(local.year, local.month, local.day))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::decode::decode_show;
    use super::super::tests::{problems_of, shipped};
    use crate::dates::PartialDate;

    /// The shipped show with every field of the importer, as it writes them.
    fn with_data_fields() -> serde_json::Value {
        let mut json = shipped();
        json.as_object_mut().unwrap().remove("outlook");
        json["titles"] = serde_json::json!([{ "text": "金属口红", "lang": "zh-Hans" }, { "text": "金屬口紅", "lang": "zh-Hant" }]);
        json["kind"] = serde_json::json!("tv");
        json["ends"] = serde_json::json!("2024-04-04");
        json["broadcast"] = serde_json::json!({ "weekday": "thursday", "time": "01:25", "zone": "JST" });
        json["official_site"] = serde_json::json!("https://metallicrouge.jp/");
        json["references"] = serde_json::json!({ "mal": "54794", "anilist": "162985", "anidb": "17926", "tmdb": "tv/222787", "bangumi": "425595" });
        json["related"] = serde_json::json!([{ "slug": "metallic-rouge-film", "title": "A film", "kind": "movie", "premiere": "2026-01-01", "relation": "film", "reason": "synthetic test link" }]);
        json["related_rejected"] = serde_json::json!(["sengoku-youko"]);
        json["data"] = serde_json::json!({ "source": "bangumi-data", "version": "0.3.208", "as_of": "2026-05-15", "license": "CC BY 4.0" });
        json["data_outlook"] = serde_json::json!({ "status": "dated", "summary": "A film is dated.", "next": "metallic-rouge-film", "premiere": "2026-01-01", "premiere_at": "2026-01-01T00:00:00+09:00" });
        json["watch"][0]["since"] = serde_json::json!("2024-01-11");
        json["watch"][0]["kind"] = serde_json::json!("stream");
        json["article"]["generated"] = serde_json::json!(true);
        json
    }

    #[test]
    fn data_fields_are_valid_as_the_importer_writes_them() {
        assert_eq!(problems_of(with_data_fields()), Vec::<String>::new());
        let show = decode_show(&with_data_fields().to_string(), "metallic-rouge").unwrap();
        assert_eq!(show.broadcast.unwrap().label(), "Thursdays at 01:25 JST");
        assert!(show.article.generated);
        assert_eq!(show.watch[0].since, Some(PartialDate::Day(2024, 1, 11)));
    }

    #[test]
    fn data_fields_rules() {
        let mut json = with_data_fields();
        json["titles"][0]["lang"] = serde_json::json!("Chinese");
        json["titles"][1]["text"] = serde_json::json!(" ");
        json["ends"] = serde_json::json!("2023-12");
        json["broadcast"]["time"] = serde_json::json!("25:00");
        json["broadcast"]["zone"] = serde_json::json!("UTC");
        json["official_site"] = serde_json::json!("http://metallicrouge.jp/");
        json["references"]["mal"] = serde_json::json!("54794/../x");
        json["references"]["tmdb"] = serde_json::json!("person/1");
        json["data"]["version"] = serde_json::json!("0.3 beta");
        json["data"]["source"] = serde_json::json!("");
        assert_eq!(
            problems_of(json),
            [
                "titles[0].lang: \"Chinese\" is not a language tag such as \"ja\" or \"en\"",
                "titles[1].text: must not be empty",
                "ends: 2023-12 is before premiere (2024-01-11)",
                "broadcast.time: \"25:00\" is not a time of day such as \"01:25\" (HH:MM, 24-hour clock)",
                "broadcast.zone: \"UTC\" is not a zone the bundle writes slots in: use \"JST\" (Japan time)",
                "official_site: \"http://metallicrouge.jp/\" is not an https link to a host (https://…)",
                "references.mal: \"54794/../x\" is not a MyAnimeList id: digits, such as \"54794\"",
                "references.tmdb: \"person/1\" is not a The Movie Database id: tv/<digits> or movie/<digits>, optionally /season/<n> and /episode/<n>, such as \"tv/222787\"",
                "data.source: must not be empty",
                "data.version: \"0.3 beta\" is not a version such as \"0.3.208\"",
            ]
        );
    }

    #[test]
    fn related_rules() {
        let mut json = with_data_fields();
        let link = json["related"][0].clone();
        json["related"] = serde_json::json!([link, link, { "slug": "metallic-rouge", "title": "Itself", "relation": "sequel" }, { "slug": "sengoku-youko", "title": "Rejected", "relation": "prequel" }, { "slug": "Bad Slug", "title": "x", "relation": "recap", "reason": "\u{202E}" }]);
        json["related_rejected"] = serde_json::json!(["sengoku-youko", "Nope"]);
        assert_eq!(
            problems_of(json),
            [
                "related[1].slug: \"metallic-rouge-film\" is listed twice",
                "related[2].slug: links the show to itself",
                "related[3].slug: \"sengoku-youko\" is also in related_rejected: keep one",
                "related[4].slug: \"Bad Slug\" is not a slug: use lowercase letters, digits and single hyphens",
                "related[4].reason: contains the invisible control character U+202E, which can hide or reorder text",
                "related_rejected[1]: \"Nope\" is not a slug: use lowercase letters, digits and single hyphens",
            ]
        );
    }

    #[test]
    fn data_outlook_rules() {
        let problems = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut json = with_data_fields();
            change(&mut json);
            problems_of(json)
        };
        assert_eq!(problems(&|j| j["data_outlook"]["next"] = serde_json::json!("elsewhere")), ["data_outlook.next: \"elsewhere\" is not one of related"]);
        assert_eq!(
            problems(&|j| {
                j["data_outlook"].as_object_mut().unwrap().remove("next");
                j["data_outlook"].as_object_mut().unwrap().remove("premiere");
            }),
            ["data_outlook.next: status \"dated\" needs the next season's slug", "data_outlook.premiere: status \"dated\" needs the next season's premiere"]
        );
        assert_eq!(problems(&|j| j["data_outlook"]["premiere"] = serde_json::json!("2026-01")), ["data_outlook.premiere: status \"dated\" needs the day: YYYY-MM-DD"]);
        assert_eq!(problems(&|j| j["data_outlook"]["premiere_at"] = serde_json::json!("2025-12-31T15:00:00Z")), ["data_outlook.premiere_at: is on 2025-12-31 but premiere says 2026-01-01"]);
        assert_eq!(problems(&|j| j["data_outlook"]["status"] = serde_json::json!("nothing_later")), ["data_outlook.next: status \"nothing-later\" has no next season"]);
        assert_eq!(
            problems(&|j| j["outlook"] = serde_json::json!({ "status": "no_announcement", "summary": "Editor's." })),
            ["data_outlook: the show has an editor's outlook, which replaces the data's: keep one"]
        );
    }
}
