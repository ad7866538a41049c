//! An editor's shard and the data's facts for the same work: the editor's fields always win.
//!
//! Every field the editor wrote stays as written. The data fills only the fields the editor
//! left out. Where the data says otherwise than the editor (a title, a premiere, an id), the
//! editor's value stays and the disagreement is reported as a conflict, for the editor to judge.
//! Places to watch: the editor's offers stay, and the data's are added for platforms the editor
//! did not list (the same name, or the same host, is the same platform).

use super::facts::site_key;
use super::sites::host_key;
use super::slugs::SlugRegistry;
use crate::bundle::{Offer, ReferenceSite, Show};
use crate::dates::PartialDate;
use crate::text::fold;
use serde::Serialize;

/// A fact on which the editor and the data disagree: the editor's value stays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// "shows/metallic-rouge.json".
    pub file: String,
    /// "premiere", "references.mal".
    pub field: String,
    /// The values, as JSON.
    pub editor: String,
    pub data: String,
}

/// The editor's show with the data's facts added where it has none; and the disagreements.
/// `data_titles` are every title the data knows the work by (for the title's agreement).
pub fn merge(file: &str, editor: Show, data: Show, data_titles: &[String]) -> (Show, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    let mut conflict = |field: &str, editor: &dyn erased::Json, data: &dyn erased::Json| {
        conflicts.push(Conflict { file: file.to_string(), field: field.to_string(), editor: editor.json(), data: data.json() });
    };
    let mut show = editor;
    // An editor who wrote an outlook and a headline alone (as `announce` does) leaves the
    // article's body to the data: the generated text, marked generated, under the editor's
    // headline. The outlook keeps the shard the editor's when the import runs over the editors'
    // own folder (`is_generated`); a shard without one keeps the article as written.
    if show.outlook.is_some() && show.article.intro.is_empty() && show.article.sections.is_empty() && data.article.generated {
        let headline = std::mem::take(&mut show.article.headline);
        show.article = crate::bundle::Article { headline, ..data.article.clone() };
    }

    let known_title = |t: &str| data_titles.iter().chain([&data.title]).any(|d| fold(d.trim()) == fold(t.trim()));
    if !known_title(&show.title) {
        conflict("title", &show.title, &data.title);
    }
    match (&show.native_title, &data.native_title) {
        (None, _) => show.native_title = data.native_title.clone(),
        (Some(e), Some(d)) if e.text.trim() != d.text.trim() || e.lang != d.lang => conflict("native_title", e, d),
        _ => {}
    }
    if show.titles.is_empty() {
        let own: Vec<String> = [&show.title].into_iter().chain(&show.alt_titles).chain(show.native_title.iter().map(|n| &n.text)).map(|t| fold(t)).collect();
        show.titles = data.titles.iter().filter(|t| !own.contains(&fold(&t.text))).cloned().collect();
    }
    match (show.kind, data.kind) {
        (None, _) => show.kind = data.kind,
        (Some(e), Some(d)) if e != d => conflict("kind", &e, &d),
        _ => {}
    }
    for (field, mine, theirs) in [("premiere", &mut show.premiere, data.premiere), ("ends", &mut show.ends, data.ends)] {
        match (*mine, theirs) {
            (None, _) => *mine = theirs,
            (Some(e), Some(d)) if !agrees(e, d) => conflict(field, &e, &d),
            _ => {}
        }
    }
    match (&show.broadcast, &data.broadcast) {
        (None, _) => show.broadcast = data.broadcast.clone(),
        (Some(e), Some(d)) if e != d => conflict("broadcast", e, d),
        _ => {}
    }
    match (&show.official_site, &data.official_site) {
        (None, _) => show.official_site = data.official_site.clone(),
        (Some(e), Some(d)) if site_key(e) != site_key(d) => conflict("official_site", e, d),
        _ => {}
    }
    for site in ReferenceSite::ALL {
        match (show.references.get(site), data.references.get(site)) {
            (None, Some(d)) => show.references.set(site, Some(d.to_string())),
            (Some(e), Some(d)) if e != d => conflict(&format!("references.{}", site.key()), &e, &d),
            _ => {}
        }
    }
    // The editor's link stays; one the data gives otherwise for that platform is reported.
    for (i, mine) in show.watch.iter().enumerate() {
        let theirs: Vec<&Offer> = data.watch.iter().filter(|offer| same_platform(mine, offer)).collect();
        let same_link = |offer: &&Offer| offer.url.trim_end_matches('/') == mine.url.trim_end_matches('/');
        if let Some(first) = theirs.first().filter(|_| !theirs.iter().any(same_link)) {
            conflict(&format!("watch[{i}].url"), &mine.url, &first.url);
        }
    }
    let added: Vec<Offer> = data.watch.into_iter().filter(|offer| !show.watch.iter().any(|mine| same_platform(mine, offer))).collect();
    show.watch.extend(added);
    // The romaji is the data's title read; a title NextSeason made is the editor's to replace.
    if show.romaji.is_none() {
        show.romaji = data.romaji.clone();
    }
    if show.spelled.is_none() {
        show.spelled = data.spelled.clone();
    }
    if show.title_made.is_some_and(|_| show.title != data.title) {
        show.title_made = None;
    }
    if show.related.is_empty() {
        show.related = data.related;
    }
    if show.data.is_none() {
        show.data = data.data;
    }
    if show.outlook.is_none() && show.data_outlook.is_none() {
        show.data_outlook = data.data_outlook;
    }
    (show, conflicts)
}

/// The sites whose ids bind an editor's shard to a work of the data, in the order the import
/// tries them (the work's key is the first of them it has).
pub const BINDING_SITES: [ReferenceSite; 4] = [ReferenceSite::Bangumi, ReferenceSite::Mal, ReferenceSite::AniList, ReferenceSite::AniDb];

/// The least an editor's shard of an imported work holds, for an editor's outlook: what the
/// import needs to merge it with that work (one id of [`BINDING_SITES`], the first the shard
/// has, which is the one its key is made of), what every shard needs (schema, slug, title, the
/// article's headline), and how NextSeason made the title where it did (with the native title
/// and romaji that this needs), so that the page still says so. Every other fact is left to the
/// data, which the import fills in anew from each release. An error where the work has none of
/// those ids: the import could not find it by the editor's shard; or where `registry` gives
/// that id to another slug (another entry of the data under the same ids, which the import
/// knows by its title: the editor's shard would be merged with the other one).
pub fn editors_shard_of(imported: &Show, registry: &SlugRegistry) -> Result<Show, String> {
    let Some((site, id)) = BINDING_SITES.into_iter().find_map(|site| Some((site, imported.references.get(site)?))) else {
        return Err(format!(
            "{} has no Bangumi, MyAnimeList, AniList or AniDB id in the data, by which the import finds an editor's shard: write its shard by hand",
            imported.slug
        ));
    };
    let key = format!("{}:{id}", site.key());
    if let Some(other) = registry.get(&key).filter(|other| *other != imported.slug) {
        return Err(format!(
            "{key}, {}'s id, is {other}'s in the registry: the import would merge an editor's shard of {} with {other}; write its shard by hand",
            imported.slug, imported.slug
        ));
    }
    let mut references = crate::bundle::References::default();
    references.set(site, Some(id.to_string()));
    let made = imported.title_made;
    Ok(Show {
        schema: imported.schema,
        slug: imported.slug.clone(),
        title: imported.title.clone(),
        native_title: made.and(imported.native_title.clone()),
        alt_titles: Vec::new(),
        titles: Vec::new(),
        romaji: made.and(imported.romaji.clone()),
        spelled: None,
        title_made: made,
        kind: None,
        seasons: None,
        genres: Vec::new(),
        studios: Vec::new(),
        premiere: None,
        ends: None,
        broadcast: None,
        source: None,
        outlook: None,
        data_outlook: None,
        article: crate::bundle::Article {
            headline: imported.article.headline.clone(),
            intro: Vec::new(),
            sections: Vec::new(),
            footnotes: Vec::new(),
            author: None,
            published: None,
            updated: None,
            generated: false,
        },
        watch: Vec::new(),
        cast: Vec::new(),
        read_also: Vec::new(),
        related: Vec::new(),
        related_rejected: Vec::new(),
        image: None,
        official_site: None,
        references,
        data: None,
    })
}

/// A date written by the editor agrees with the data's when the data's day lies within it
/// ("2024-01" and 2024-01-11 agree).
fn agrees(editor: PartialDate, data: PartialDate) -> bool {
    match data {
        PartialDate::Day(y, m, d) => editor.contains(y, m, d),
        other => editor == other,
    }
}

/// Two offers are on one platform when their names or their hosts are the same.
pub fn same_platform(a: &Offer, b: &Offer) -> bool {
    let name = |o: &Offer| fold(&o.platform).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    name(a) == name(b) || host_key(&a.url).is_some_and(|h| Some(h) == host_key(&b.url))
}

mod erased {
    /// Any serializable value, as JSON for a report.
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize + ?Sized> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{decode_show, NativeText, OfferKind, References};

    const METALLIC_ROUGE: &str = include_str!("../../public/data/shows/metallic-rouge.json");

    fn editor() -> Show {
        decode_show(METALLIC_ROUGE, "metallic-rouge").unwrap()
    }

    fn offer(platform: &str, url: &str) -> Offer {
        Offer { platform: platform.into(), url: url.into(), kind: OfferKind::Stream, only: vec![], except: vec![], note: None, since: None }
    }

    /// The data's side, as the importer would make it for Metallic Rouge (with changes).
    fn data() -> Show {
        let mut show = editor();
        show.article.headline = "Will METALLIC ROUGE get a season 2?".into();
        show.title = "METALLIC ROUGE".into();
        show.outlook = None;
        show.titles = vec![NativeText { text: "金属口红".into(), lang: "zh-Hans".into() }, NativeText { text: "Metallic Rouge".into(), lang: "en".into() }];
        show.kind = Some(crate::bundle::WorkKind::Tv);
        show.premiere = Some(PartialDate::Day(2024, 1, 11));
        show.ends = Some(PartialDate::Day(2024, 4, 4));
        show.official_site = Some("https://metallicrouge.jp/".into());
        show.references = References { mal: Some("54794".into()), bangumi: Some("425595".into()), ..Default::default() };
        show.watch = vec![offer("Crunchyroll", "https://www.crunchyroll.com/series/G24H1NWMJ/"), offer("U-NEXT", "https://video.unext.jp/title/SID0096004")];
        show.cast = vec![];
        show
    }

    #[test]
    fn the_editors_fields_stay_and_the_data_fills_the_rest() {
        let (merged, conflicts) = merge("shows/metallic-rouge.json", editor(), data(), &["メタリックルージュ".into(), "Metallic Rouge".into()]);
        assert_eq!(conflicts, []);
        let editor = editor();
        assert_eq!((merged.title.as_str(), &merged.article, &merged.outlook, &merged.cast), (editor.title.as_str(), &editor.article, &editor.outlook, &editor.cast));
        assert_eq!(merged.premiere, Some(PartialDate::Day(2024, 1, 11)));
        assert_eq!(merged.ends, Some(PartialDate::Day(2024, 4, 4)));
        assert_eq!(merged.references.mal.as_deref(), Some("54794"));
        // The English title the editor already shows is not repeated among the other titles.
        assert_eq!(merged.titles, [NativeText { text: "金属口红".into(), lang: "zh-Hans".into() }]);
        // Crunchyroll is the editor's already (same host); U-NEXT is added after the editor's.
        let platforms: Vec<&str> = merged.watch.iter().map(|o| o.platform.as_str()).collect();
        assert_eq!(platforms, ["Crunchyroll", "Fuji TV +Ultra", "U-NEXT"]);
        assert_eq!(merged.watch[0], editor.watch[0]);
        assert_eq!(merged.watch[1].note.as_deref(), Some("Fuji TV’s +Ultra programming block"));
    }

    #[test]
    fn disagreements_are_reported_never_overwritten() {
        let mut mine = editor();
        mine.premiere = Some(PartialDate::Day(2024, 1, 10));
        mine.references.mal = Some("1".into());
        mine.official_site = Some("https://example.org/metallic-rouge".into());
        mine.title = "Metal Lipstick".into();
        let (merged, conflicts) = merge("shows/metallic-rouge.json", mine.clone(), data(), &["メタリックルージュ".into()]);
        let found: Vec<(&str, &str, &str)> = conflicts.iter().map(|c| (c.field.as_str(), c.editor.as_str(), c.data.as_str())).collect();
        assert_eq!(
            found,
            [
                ("title", "\"Metal Lipstick\"", "\"METALLIC ROUGE\""),
                ("premiere", "\"2024-01-10\"", "\"2024-01-11\""),
                ("official_site", "\"https://example.org/metallic-rouge\"", "\"https://metallicrouge.jp/\""),
                ("references.mal", "\"1\"", "\"54794\""),
            ]
        );
        assert!(conflicts.iter().all(|c| c.file == "shows/metallic-rouge.json"));
        assert_eq!((merged.premiere, merged.references.mal.as_deref(), merged.title.as_str()), (mine.premiere, Some("1"), "Metal Lipstick"));
        // Another link for a platform of the editor's: reported, the editor's kept.
        mine.watch[0].url = "https://www.crunchyroll.com/search?q=Metallic%20Rouge".into();
        let (kept, conflicts) = merge("shows/metallic-rouge.json", mine.clone(), data(), &["メタリックルージュ".into()]);
        let offers: Vec<(&str, &str, &str)> = conflicts.iter().filter(|c| c.field.starts_with("watch")).map(|c| (c.field.as_str(), c.editor.as_str(), c.data.as_str())).collect();
        assert_eq!(offers, [("watch[0].url", "\"https://www.crunchyroll.com/search?q=Metallic%20Rouge\"", "\"https://www.crunchyroll.com/series/G24H1NWMJ/\"")]);
        assert_eq!(kept.watch[0].url, mine.watch[0].url);
    }

    #[test]
    fn a_less_precise_date_of_the_editor_agrees_with_the_datas_day() {
        assert!(agrees(PartialDate::Month(2024, 1), PartialDate::Day(2024, 1, 11)));
        assert!(agrees(PartialDate::parse("2024-winter").unwrap(), PartialDate::Day(2024, 1, 11)));
        assert!(!agrees(PartialDate::Month(2024, 2), PartialDate::Day(2024, 1, 11)));
    }

    #[test]
    fn platforms_match_by_name_or_host() {
        assert!(same_platform(&offer("Crunchyroll", "https://www.crunchyroll.com/a"), &offer("crunchyroll", "https://example.org/")));
        assert!(same_platform(&offer("U-NEXT", "https://video.unext.jp/a"), &offer("UNEXT", "https://example.org/")));
        assert!(same_platform(&offer("Netflix JP", "https://www.netflix.com/a"), &offer("Netflix", "https://netflix.com/b")));
        assert!(!same_platform(&offer("Fuji TV +Ultra", "https://www.fujitv.co.jp/"), &offer("U-NEXT", "https://video.unext.jp/a")));
    }
}
