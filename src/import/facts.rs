//! The facts of one item of the data, checked and in the bundle's own types: its titles, kind,
//! dates in Japan, weekly slot, official site, reference ids and places to watch. A field that
//! breaks a rule is left out and reported ([`Dropped`]); only an item without a usable title or
//! kind is refused whole.

use super::data::{decode_site, known, Item, SiteKind, SiteMeta};
use super::sites::site_url;
use super::slugs::key_of;
use crate::bundle::{
    is_language_tag, is_safe_url, text_problem, BroadcastSlot, NativeText, Offer, OfferKind, ReferenceSite, References, Weekday, WorkKind,
};
use crate::dates::{Instant, LocalTime, PartialDate};
use crate::regions;
use std::collections::{BTreeMap, BTreeSet};

/// Japan's offset from UTC, in minutes: premieres, slots and dates are given in Japan time.
pub const JST_MINUTES: i32 = 540;

/// A work of the data, as the importer uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Work {
    /// Its position in data.json's `items`.
    pub item: usize,
    /// Its stable key ([`super::slugs`]).
    pub key: String,
    /// The title the site shows: the first usable English title, else its own.
    pub title: String,
    /// Its title in its own language.
    pub native: String,
    /// The language of the work (`lang`), when it is a language tag.
    pub lang: Option<String>,
    /// Usable English titles, in the data's order.
    pub en: Vec<String>,
    /// Every other title, with its language: the translations but the one shown as `title`.
    pub titles: Vec<NativeText>,
    pub kind: WorkKind,
    pub begin: Option<Instant>,
    pub end: Option<Instant>,
    pub slot: Option<BroadcastSlot>,
    /// https only.
    pub official_site: Option<String>,
    /// The official site as given (http too), folded, to find works that share it.
    pub site_key: Option<String>,
    pub references: References,
    pub offers: Vec<Offer>,
}

impl Work {
    /// Its first day in Japan.
    pub fn premiere(&self) -> Option<PartialDate> {
        self.begin.map(jst_day)
    }

    /// Its last day in Japan (not for a film, whose `end` means nothing in the data).
    pub fn ends(&self) -> Option<PartialDate> {
        let ends = self.end.filter(|_| self.kind != WorkKind::Movie).map(jst_day)?;
        match self.premiere() {
            Some(premiere) if ends.earliest_day() < premiere.earliest_day() => None,
            _ => Some(ends),
        }
    }
}

/// A field of an item left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub field: String,
    pub reason: String,
}

fn drop(dropped: &mut Vec<Dropped>, field: impl Into<String>, reason: impl Into<String>) {
    dropped.push(Dropped { field: field.into(), reason: reason.into() });
}

/// The day of an instant in Japan.
pub fn jst_day(at: Instant) -> PartialDate {
    let local = LocalTime::at(at.epoch_ms, JST_MINUTES);
    PartialDate::Day(local.year, local.month, local.day)
}

/// The offset from UTC, in minutes, of a country's standard time, for the countries where the
/// data's streaming sites serve in East and Southeast Asia and nearby; None elsewhere.
pub fn offset_of(country: &str) -> Option<i32> {
    Some(match country {
        "JP" | "KR" | "PW" | "TL" => 540,
        "CN" | "HK" | "MO" | "TW" | "SG" | "MY" | "PH" | "BN" | "MN" => 480,
        "TH" | "VN" | "KH" | "LA" | "ID" => 420,
        "MM" => 390,
        "BD" | "BT" => 360,
        "NP" => 345,
        "IN" | "LK" => 330,
        "PK" | "MV" => 300,
        _ => return None,
    })
}

/// The day an offer begins, for its readers: an instant of the data is the start of a stream
/// in the offer's own region (a Chinese site's midnight is 16:00Z, which is 01:00 the same day
/// in Japan; a Taiwanese site's 23:00 simulcast is 15:00Z, which is midnight the next day in
/// Japan), so the day is taken in the time zone of the first of its regions, else in Japan.
pub fn offer_day(at: Instant, only: &[String]) -> PartialDate {
    let offset = only.first().and_then(|c| offset_of(c)).unwrap_or(JST_MINUTES);
    let local = LocalTime::at(at.epoch_ms, offset);
    PartialDate::Day(local.year, local.month, local.day)
}

/// The same instant written in Japan time: `2024-07-18T00:00:00+09:00`.
pub fn in_jst(at: Instant) -> Instant {
    Instant { epoch_ms: at.epoch_ms, offset_minutes: JST_MINUTES }
}

/// An instant of the data ("2024-01-10T16:25:00.000Z"); fractions of a second are dropped.
pub fn parse_instant(text: &str) -> Result<Instant, String> {
    let whole = match (text.find('T'), text.find('.')) {
        (Some(t), Some(dot)) if dot > t => {
            let digits = text[dot + 1..].bytes().take_while(u8::is_ascii_digit).count();
            format!("{}{}", &text[..dot], &text[dot + 1 + digits..])
        }
        _ => text.to_string(),
    };
    Instant::parse(&whole).map_err(|_| format!("{text:?} is not an instant such as \"2024-01-10T16:25:00.000Z\""))
}

/// The weekly slot of a repeating interval "R/<first>/P7D", in Japan time; None for another
/// period (daily, once).
pub fn weekly_slot(interval: &str) -> Result<Option<BroadcastSlot>, String> {
    let bad = || format!("{interval:?} is not a repeating interval such as \"R/2024-01-10T16:25:00.000Z/P7D\"");
    let mut parts = interval.split('/');
    let (Some(repeat), Some(first), Some(period), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else { return Err(bad()) };
    if !repeat.starts_with('R') || !repeat[1..].bytes().all(|b| b.is_ascii_digit()) || !period.starts_with('P') {
        return Err(bad());
    }
    let first = parse_instant(first).map_err(|_| bad())?;
    if period != "P7D" {
        return Ok(None);
    }
    let local = LocalTime::at(first.epoch_ms, JST_MINUTES);
    let weekday = Weekday::from_index(local.weekday).ok_or_else(bad)?;
    Ok(Some(BroadcastSlot { weekday, time: format!("{:02}:{:02}", local.hour, local.minute), zone: "JST".into() }))
}

/// One line of text: spaces, tabs and line breaks as single spaces, trimmed; without the
/// zero-width spaces and byte-order marks some titles of the data carry (invisible, meaningless).
/// Other invisible controls (which reorder text) stay, and the text rules refuse them.
pub fn clean_line(text: &str) -> String {
    let visible: String = text.chars().filter(|c| !matches!(c, '\u{200B}' | '\u{FEFF}')).collect();
    visible.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// An official site as a key to compare by: no scheme, no `www.`, no index page, no final slash,
/// lowercase host.
pub fn site_key(url: &str) -> Option<String> {
    let rest = url.trim().strip_prefix("https://").or_else(|| url.trim().strip_prefix("http://"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if !host.contains('.') || host.contains(['@', ' ']) {
        return None;
    }
    let path = path.split('#').next().unwrap_or_default();
    // The query stays: a station's pages of different works may differ only by it
    // (nhk.or.jp/anime/program/detail.html?i=honobono).
    let (path, query) = path.split_at(path.find('?').unwrap_or(path.len()));
    let path = ["index.html", "index.htm", "index.php"].iter().fold(path, |p, index| p.strip_suffix(index).unwrap_or(p));
    let query = if query.len() > 1 { query } else { "" };
    Some(format!("{host}{}{query}", path.trim_end_matches('/')))
}

/// The work of an item, with the fields left out; or why the item cannot be imported (a short
/// category for counting, and the reason).
pub fn work_of(index: usize, item: &Item, site_meta: &BTreeMap<String, SiteMeta>) -> Result<(Work, Vec<Dropped>), (&'static str, String)> {
    let mut dropped = Vec::new();
    let native = clean_line(&item.title);
    if let Some(problem) = text_problem(&native) {
        return Err(("unusable title", format!("its title {:?} {problem}", item.title)));
    }
    let kind = match item.kind.as_str() {
        "tv" => WorkKind::Tv,
        "web" => WorkKind::Web,
        "movie" => WorkKind::Movie,
        "ova" => WorkKind::Ova,
        other => return Err(("unknown type", format!("its type {other:?} is none of tv, web, movie, ova"))),
    };
    let lang = match known(&item.lang) {
        Some(tag) if is_language_tag(tag) => Some(tag.to_string()),
        Some(tag) => {
            drop(&mut dropped, "lang", format!("{tag:?} is not a language tag"));
            None
        }
        None => None,
    };

    // Translations, in the order of their languages (the map's), each title once.
    let mut translations: Vec<NativeText> = Vec::new();
    for (tag, texts) in &item.title_translate {
        if !is_language_tag(tag) {
            drop(&mut dropped, "titleTranslate", format!("{tag:?} is not a language tag"));
            continue;
        }
        for text in texts {
            let text = clean_line(text);
            match text_problem(&text) {
                Some(problem) => drop(&mut dropped, format!("titleTranslate.{tag}"), format!("{text:?} {problem}")),
                None if text == native || translations.iter().any(|t| t.text == text) => {}
                None => translations.push(NativeText { text, lang: tag.clone() }),
            }
        }
    }
    let en: Vec<String> = translations.iter().filter(|t| t.lang == "en").map(|t| t.text.clone()).collect();
    let title = en.first().cloned().unwrap_or_else(|| native.clone());
    let titles = translations.into_iter().filter(|t| t.text != title).collect();

    let mut instant = |field: &str, value: &Option<String>| match known(value).map(parse_instant) {
        Some(Ok(at)) => Some(at),
        Some(Err(reason)) => {
            drop(&mut dropped, field, reason);
            None
        }
        None => None,
    };
    let begin = instant("begin", &item.begin);
    let end = instant("end", &item.end);
    let slot = match known(&item.broadcast).map(weekly_slot) {
        Some(Ok(slot)) => slot,
        Some(Err(reason)) => {
            drop(&mut dropped, "broadcast", reason);
            None
        }
        None => None,
    };
    let official_site = match known(&item.official_site) {
        Some(url) if is_safe_url(url) => Some(url.to_string()),
        Some(url) => {
            drop(&mut dropped, "officialSite", format!("{url:?} is not an https link"));
            None
        }
        None => None,
    };
    let site_key = known(&item.official_site).and_then(site_key);

    let mut references = References::default();
    let mut offers = Vec::new();
    for (i, value) in item.sites.iter().enumerate() {
        let site = match decode_site(value) {
            Ok(site) => site,
            Err(reason) => {
                drop(&mut dropped, format!("sites[{i}]"), reason);
                continue;
            }
        };
        let at = format!("sites[{i}] ({})", site.site);
        let Some(meta) = site_meta.get(&site.site) else {
            drop(&mut dropped, at, "no such site in siteMeta");
            continue;
        };
        match meta.kind {
            // Download sites are not places to watch.
            SiteKind::Resource => {}
            SiteKind::Info => {
                let Some(reference) = reference_site(&site.site) else { continue };
                let id = known(&site.id).unwrap_or_default();
                if !reference.is_valid_id(id) {
                    drop(&mut dropped, at, format!("{id:?} is not a {} id", reference.name()));
                } else if references.get(reference).is_some() {
                    drop(&mut dropped, at, format!("a second {} id", reference.name()));
                } else {
                    references.set(reference, Some(id.to_string()));
                }
            }
            SiteKind::Onair => match offer_of(&site.site, meta, &site, &mut dropped, &at) {
                Some(offer) => offers.push(offer),
                None => continue,
            },
        }
    }

    let key = key_of(
        references.bangumi.as_deref(),
        references.mal.as_deref(),
        references.anilist.as_deref(),
        references.anidb.as_deref(),
        &native,
        begin.map(|b| jst_day(b).to_string()).as_deref(),
    );
    let work = Work { item: index, key, title, native, lang, en, titles, kind, begin, end, slot, official_site, site_key, references, offers };
    Ok((work, dropped))
}

/// The field of `references` for an info site of the data.
fn reference_site(site: &str) -> Option<ReferenceSite> {
    Some(match site {
        "bangumi" => ReferenceSite::Bangumi,
        "mal" => ReferenceSite::Mal,
        "aniList" => ReferenceSite::AniList,
        "anidb" => ReferenceSite::AniDb,
        "tmdb" => ReferenceSite::Tmdb,
        _ => return None,
    })
}

/// A place to watch: the platform's name, its link, where it serves (the item's own regions,
/// else the site's; none: everywhere), since when.
fn offer_of(name: &str, meta: &SiteMeta, site: &super::data::Site, dropped: &mut Vec<Dropped>, at: &str) -> Option<Offer> {
    let platform = clean_line(&meta.title);
    if let Some(problem) = text_problem(&platform) {
        drop(dropped, at, format!("the site's title {platform:?} {problem}"));
        return None;
    }
    let url = match site_url(name, meta, known(&site.id), known(&site.url)) {
        Ok(url) => url,
        Err(reason) => {
            drop(dropped, at, reason);
            return None;
        }
    };
    let given: &[String] = match &site.regions {
        Some(own) if !own.is_empty() => own,
        _ => meta.regions.as_deref().unwrap_or(&[]),
    };
    let mut only: Vec<String> = Vec::new();
    for code in given {
        let code = code.trim().to_ascii_uppercase();
        match regions::country(&code) {
            Some(country) if !only.iter().any(|c| c == country.code) => only.push(country.code.to_string()),
            Some(_) => {}
            None => drop(dropped, format!("{at}.regions"), format!("{code:?} is not a country code the site knows")),
        }
    }
    if !given.is_empty() && only.is_empty() {
        // Leaving the list empty would offer it everywhere.
        drop(dropped, at, "none of its regions is a known country");
        return None;
    }
    let since = match known(&site.begin).map(parse_instant) {
        Some(Ok(at)) => Some(offer_day(at, &only)),
        Some(Err(reason)) => {
            drop(dropped, format!("{at}.begin"), reason);
            None
        }
        None => None,
    };
    Some(Offer { platform, url, kind: OfferKind::Stream, only, except: Vec::new(), note: None, since })
}

/// The key of a work by its title and premiere alone, as a work without ids is known.
pub fn title_key(work: &Work) -> String {
    key_of(None, None, None, None, &work.native, work.begin.map(|b| jst_day(b).to_string()).as_deref())
}

/// English titles pasted from the item beside them in the data (an editor of the data copied
/// an entry and kept its English title): `(work, title, the other's item)`. A title is taken as
/// pasted when the work next to it in the data, another work (another key), has the same or
/// nearly the same English title (most of the words of one are the other's) while their own
/// titles have nothing in common (no run of three characters): 赤髪の白雪姫 holds "Raw Anime Q
/// Transformers: …", the title of キュートランスフォーマー beside it. Both sides are doubted:
/// which one is right cannot be told, and a wrong title would become a slug for good.
/// Works are given in the data's order; `work` is an index of `works`.
pub fn pasted_english(works: &[Work]) -> Vec<(usize, String, usize)> {
    fn words(title: &str) -> BTreeSet<String> {
        crate::text::fold(title).split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| w.len() >= 2).map(str::to_string).collect()
    }
    fn near(a: &str, b: &str) -> bool {
        let (a, b) = (words(a), words(b));
        let common = a.intersection(&b).count();
        common >= 2 && common * 5 >= a.len().min(b.len()) * 3
    }
    fn share_a_run(a: &str, b: &str) -> bool {
        let a: Vec<char> = a.chars().filter(|c| !c.is_whitespace()).collect();
        let b: String = b.chars().filter(|c| !c.is_whitespace()).collect();
        a.windows(3).any(|run| b.contains(&run.iter().collect::<String>()))
    }
    let mut pasted = Vec::new();
    for b in 1..works.len() {
        let a = b - 1;
        if works[b].item != works[a].item + 1 || share_a_run(&works[a].native, &works[b].native) {
            continue;
        }
        for (own, other) in [(a, b), (b, a)] {
            for title in works[own].en.iter().filter(|t| works[other].en.iter().any(|o| near(t, o))) {
                pasted.push((own, title.clone(), works[other].item));
            }
        }
    }
    pasted
}

/// Leaves a doubtful English title out of a work: the title shown becomes the next English
/// title, else its own.
pub fn drop_english(work: &mut Work, title: &str) {
    work.en.retain(|t| t != title);
    work.title = work.en.first().cloned().unwrap_or_else(|| work.native.clone());
    let shown = work.title.clone();
    work.titles.retain(|t| t.text != shown && t.text != title);
}

#[cfg(test)]
mod tests {
    use super::super::data::{decode_item, parse};
    use super::*;

    #[test]
    fn instants_and_slots_in_japan_time() {
        let at = parse_instant("2024-01-10T16:25:00.000Z").unwrap();
        assert_eq!(jst_day(at), PartialDate::Day(2024, 1, 11));
        assert_eq!(in_jst(at).to_string(), "2024-01-11T01:25:00+09:00");
        // 2024-01-10 was a Wednesday: 16:25 UTC is 01:25 on Thursday in Japan.
        let slot = weekly_slot("R/2024-01-10T16:25:00.000Z/P7D").unwrap().unwrap();
        assert_eq!((slot.weekday, slot.time.as_str(), slot.zone.as_str()), (Weekday::Thursday, "01:25", "JST"));
        assert_eq!(weekly_slot("R/2025-04-29T16:00:00.000Z/P2D"), Ok(None));
        assert_eq!(weekly_slot("R/2025-04-29T16:00:00.000Z/P0D"), Ok(None));
        assert!(weekly_slot("2024-01-10T16:25:00.000Z").is_err());
        assert!(weekly_slot("R/yesterday/P7D").is_err());
        assert!(parse_instant("2024-13-10T16:25:00.000Z").is_err());
        assert_eq!(parse_instant("2024-07-17T15:00:07.123Z").unwrap().to_string(), "2024-07-17T15:00:07Z");
    }

    #[test]
    fn lines_lose_their_zero_width_spaces_not_their_bidi_controls() {
        assert_eq!(clean_line("Hayate the Combat\u{feff} Butler\u{feff}"), "Hayate the Combat Butler");
        assert_eq!(clean_line(" 异世界自杀小队\u{200b}\u{200b}\n"), "异世界自杀小队");
        assert_eq!(clean_line("a\u{202e}b"), "a\u{202e}b");
    }

    #[test]
    fn official_sites_compare_without_scheme_www_or_index() {
        assert_eq!(site_key("https://www.Sengoku-Youko.com/").as_deref(), Some("sengoku-youko.com"));
        assert_eq!(site_key("http://sengoku-youko.com/index.html").as_deref(), Some("sengoku-youko.com"));
        assert_eq!(site_key("https://www.nhk.or.jp/anime/nintama/").as_deref(), Some("nhk.or.jp/anime/nintama"));
        assert_eq!(site_key("http://www6.nhk.or.jp/anime/program/detail.html?i=honobono#top").as_deref(), Some("www6.nhk.or.jp/anime/program/detail.html?i=honobono"));
        assert_eq!(site_key("http://x.jp/?").as_deref(), Some("x.jp"));
        assert_eq!(site_key("ftp://x.org"), None);
        assert_eq!(site_key("https://localhost/"), None);
    }

    fn meta() -> BTreeMap<String, SiteMeta> {
        parse(
            r#"{"items":[],"siteMeta":{
              "bangumi":{"title":"番组计划","urlTemplate":"https://bangumi.tv/subject/{{id}}","type":"info"},
              "gamer":{"title":"動畫瘋","urlTemplate":"https://acg.gamer.com.tw/acgDetail.php?s={{id}}","regions":["TW"],"type":"onair"},
              "netflix":{"title":"Netflix","urlTemplate":"https://www.netflix.com/title/{{id}}","type":"onair"},
              "mikan":{"title":"蜜柑计划","urlTemplate":"https://mikanani.me/Home/Bangumi/{{id}}","type":"resource"}}}"#,
        )
        .unwrap()
        .site_meta
    }

    #[test]
    fn an_items_regions_override_its_sites() {
        let item = decode_item(&serde_json::json!({
            "title": "X", "type": "tv", "lang": "ja", "begin": "2024-01-10T15:00:00.000Z",
            "sites": [
                {"site": "gamer", "id": "1", "begin": "2024-01-10T15:00:00.000Z"},
                {"site": "gamer", "id": "2", "regions": ["hk", "MO", "MO"]},
                {"site": "gamer", "id": "3", "regions": ["XX"]},
                {"site": "netflix", "id": "81746611"},
                {"site": "mikan", "id": "3236"},
                {"site": "bangumi", "id": "../1"},
                {"site": "nowhere", "id": "1"}
            ]
        }))
        .unwrap();
        let (work, dropped) = work_of(0, &item, &meta()).unwrap();
        let offers: Vec<(&str, Vec<String>, Option<PartialDate>)> = work.offers.iter().map(|o| (o.url.as_str(), o.only.clone(), o.since)).collect();
        assert_eq!(
            offers,
            [
                // 15:00Z is 23:00 in Taiwan, where the site serves: the 10th (the 11th in Japan).
                ("https://acg.gamer.com.tw/acgDetail.php?s=1", vec!["TW".to_string()], Some(PartialDate::Day(2024, 1, 10))),
                ("https://acg.gamer.com.tw/acgDetail.php?s=2", vec!["HK".to_string(), "MO".to_string()], None),
                ("https://www.netflix.com/title/81746611", vec![], None),
            ]
        );
        assert!(work.offers.iter().all(|o| o.kind == OfferKind::Stream));
        let reasons: Vec<String> = dropped.iter().map(|d| format!("{}: {}", d.field, d.reason)).collect();
        assert_eq!(
            reasons,
            [
                "sites[2] (gamer).regions: \"XX\" is not a country code the site knows",
                "sites[2] (gamer): none of its regions is a known country",
                "sites[5] (bangumi): \"../1\" is not a Bangumi id",
                "sites[6] (nowhere): no such site in siteMeta",
            ]
        );
        // Without a valid Bangumi id, the work is known by its title and premiere.
        assert_eq!(work.key, "title:X|2024-01-11");
    }

    #[test]
    fn an_offer_begins_on_the_day_of_its_own_region() {
        let at = |text: &str| parse_instant(text).unwrap();
        let regions = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        // Midnight in China: the same day in China and in Japan (01:00), whatever the site.
        assert_eq!(offer_day(at("2025-02-27T16:00:00.000Z"), &[]), PartialDate::Day(2025, 2, 28));
        assert_eq!(offer_day(at("2025-02-27T16:00:00.000Z"), &regions(&["CN"])), PartialDate::Day(2025, 2, 28));
        // Midnight in Japan is 23:00 the day before in China, Hong Kong and Taiwan.
        assert_eq!(offer_day(at("2024-01-10T15:00:00.000Z"), &regions(&["JP"])), PartialDate::Day(2024, 1, 11));
        assert_eq!(offer_day(at("2024-01-10T15:00:00.000Z"), &regions(&["HK", "MO"])), PartialDate::Day(2024, 1, 10));
        assert_eq!(offer_day(at("2024-01-10T15:00:00.000Z"), &[]), PartialDate::Day(2024, 1, 11));
        // A region outside the table: Japan's day.
        assert_eq!(offer_day(at("2024-01-10T15:00:00.000Z"), &regions(&["ZA"])), PartialDate::Day(2024, 1, 11));
        assert_eq!(offer_day(at("2024-01-10T17:30:00.000Z"), &regions(&["IN"])), PartialDate::Day(2024, 1, 10));
        assert_eq!(offer_day(at("2024-01-10T18:30:00.000Z"), &regions(&["IN"])), PartialDate::Day(2024, 1, 11));
    }

    #[test]
    fn english_titles_pasted_from_the_item_beside_are_doubted() {
        let work = |i: usize, json: serde_json::Value| work_of(i, &decode_item(&json).unwrap(), &meta()).unwrap().0;
        let works = vec![
            work(0, serde_json::json!({"title": "赤髪の白雪姫", "type": "tv", "titleTranslate": {"en": ["Raw Anime Q Transformers: Kaette Kita Convoy no Nazo", "Snow White with the Red Hair"]}})),
            work(1, serde_json::json!({"title": "キュートランスフォーマー さらなる人気者への道", "type": "tv", "titleTranslate": {"en": ["Q Transformers: Kaette Kita Convoy no Nazo transformer"]}})),
            // Parts of one film share an English title, and their own titles most of theirs.
            work(2, serde_json::json!({"title": "劇場版 美少女戦士セーラームーンCosmos 前編", "type": "movie", "titleTranslate": {"en": ["Pretty Guardian Sailor Moon Cosmos The Movie"]}})),
            work(3, serde_json::json!({"title": "劇場版 美少女戦士セーラームーンCosmos 後編", "type": "movie", "titleTranslate": {"en": ["Pretty Guardian Sailor Moon Cosmos The Movie"]}})),
            // Not beside each other.
            work(5, serde_json::json!({"title": "映画 トロピカル〜ジュ!プリキュア", "type": "movie", "titleTranslate": {"en": ["Q Transformers: Kaette Kita Convoy no Nazo"]}})),
        ];
        let pasted = pasted_english(&works);
        assert_eq!(
            pasted,
            [(0, "Raw Anime Q Transformers: Kaette Kita Convoy no Nazo".to_string(), 1), (1, "Q Transformers: Kaette Kita Convoy no Nazo transformer".to_string(), 0)]
        );
        let mut snow_white = works[0].clone();
        drop_english(&mut snow_white, &pasted[0].1);
        assert_eq!((snow_white.title.as_str(), snow_white.en.len()), ("Snow White with the Red Hair", 1));
        assert!(snow_white.titles.iter().all(|t| t.lang != "en"), "{:?}", snow_white.titles);
        let mut other = works[1].clone();
        drop_english(&mut other, &pasted[1].1);
        assert_eq!(other.title, "キュートランスフォーマー さらなる人気者への道");
    }

    #[test]
    fn only_a_title_and_a_kind_are_required() {
        let work = |json: serde_json::Value| work_of(0, &decode_item(&json).unwrap(), &meta());
        assert_eq!(work(serde_json::json!({"title": " ", "type": "tv"})).unwrap_err().1, "its title \" \" must not be empty");
        assert_eq!(work(serde_json::json!({"title": "X", "type": "special"})).unwrap_err().1, "its type \"special\" is none of tv, web, movie, ova");
        let (w, dropped) = work(serde_json::json!({"title": "X\nY", "type": "movie", "lang": "Japanese", "begin": "soon", "end": "2020-01-01T00:00:00.000Z", "officialSite": "http://x.jp/"})).unwrap();
        assert_eq!((w.native.as_str(), w.title.as_str(), w.lang.as_deref(), w.begin, w.ends()), ("X Y", "X Y", None, None, None));
        assert_eq!(w.site_key.as_deref(), Some("x.jp"));
        let fields: Vec<&str> = dropped.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(fields, ["lang", "begin", "officialSite"]);
    }
}
