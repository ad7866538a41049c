//! The importer on an excerpt of the real data (`tests/fixtures/bangumi-data-excerpt.json`),
//! on hand-made hostile items (`tests/fixtures/bangumi-data-synthetic.json`, labelled synthetic),
//! with the shipped editors' shards; and on the whole data when it is at hand.

use super::*;
use crate::bundle::{DataStatus, OfferKind, Weekday, WorkKind};

// The whole of bangumi-data, measured against the hand labels: franchises and season chains,
// and names.
mod naming;
mod whole_data;

const EXCERPT: &str = include_str!("../../../tests/fixtures/bangumi-data-excerpt.json");
const SYNTHETIC: &str = include_str!("../../../tests/fixtures/bangumi-data-synthetic.json");
const METALLIC_ROUGE: &str = include_str!("../../../public/data/shows/metallic-rouge.json");
const SENGOKU_YOUKO: &str = include_str!("../../../public/data/shows/sengoku-youko.json");

const READINGS: &str = include_str!("../../../.ci/bangumi-data/readings.json");
const REGISTRY: &str = include_str!("../../../.ci/bangumi-data/slugs.json");

#[test]
fn the_committed_registry_names_the_shipped_shows() {
    let registry = SlugRegistry::parse(REGISTRY).unwrap();
    assert_eq!(registry.get("bangumi:425595"), Some("metallic-rouge"));
    assert_eq!(registry.get("bangumi:449725"), Some("sengoku-youko"));
    assert_eq!(registry.get("bangumi:488197"), Some("sengoku-youko-the-thousandfold-chaos-arc"));
    assert_eq!(registry.to_json(), REGISTRY, "written as the importer writes it");
}

fn release() -> Release {
    Release { version: "0.3.208".into(), as_of: PartialDate::Day(2026, 5, 15) }
}

fn editorial() -> Vec<(String, String)> {
    vec![("metallic-rouge.json".into(), METALLIC_ROUGE.into()), ("sengoku-youko.json".into(), SENGOKU_YOUKO.into())]
}

fn run(data: &str, files: &[(String, String)], registry: &SlugRegistry) -> ImportOutcome {
    import(data, files, registry, &Readings::default(), &release()).unwrap()
}

fn shard<'a>(outcome: &'a ImportOutcome, slug: &str) -> &'a Shard {
    let file = format!("{slug}.json");
    outcome.shards.iter().find(|s| s.file == file).unwrap_or_else(|| panic!("no {file} among the {} shards written", outcome.shards.len()))
}

fn show(outcome: &ImportOutcome, slug: &str) -> Show {
    decode_show(&shard(outcome, slug).text, slug).unwrap()
}

fn related(show: &Show) -> Vec<(&str, Relation)> {
    show.related.iter().map(|r| (r.slug.as_str(), r.relation)).collect()
}

#[test]
fn every_item_is_imported_or_skipped_and_every_shard_is_valid() {
    let outcome = run(EXCERPT, &editorial(), &SlugRegistry::default());
    let report = &outcome.report;
    assert_eq!(report.items, 24);
    assert_eq!(report.imported + report.skipped.len(), report.items);
    // シュタインズ・ゲート ゼロ and its Chinese entry share Bangumi subject 129807.
    let skipped: Vec<(&str, &str)> = report.skipped.iter().map(|s| (s.title.as_deref().unwrap_or_default(), s.category.as_str())).collect();
    assert_eq!(skipped, [("命运石之门 0", "same key as an earlier item")]);
    for shard in &outcome.shards {
        let slug = shard.file.trim_end_matches(".json");
        decode_show(&shard.text, slug).unwrap_or_else(|p| panic!("{}: {p:?}", shard.file));
        assert!(shard.text.ends_with("}\n"));
    }
    assert_eq!(outcome.shards.len(), report.imported);
    assert_eq!(report.merged, ["shows/metallic-rouge.json", "shows/sengoku-youko.json"]);
    assert_eq!(report.conflicts, []);
    assert_eq!((report.added.len(), report.updated.len(), report.unchanged.len()), (21, 2, 0));
}

#[test]
fn sengoku_youko_is_followed_by_the_thousandfold_chaos_arc() {
    let outcome = run(EXCERPT, &editorial(), &SlugRegistry::default());
    let part_two = "sengoku-youko-the-thousandfold-chaos-arc";
    let sengoku = show(&outcome, "sengoku-youko");
    assert_eq!(related(&sengoku), [(part_two, Relation::Sequel)]);
    let link = &sengoku.related[0];
    assert_eq!((link.title.as_str(), link.premiere, link.kind), ("Sengoku Youko: The Thousandfold Chaos Arc", Some(PartialDate::Day(2024, 7, 18)), Some(WorkKind::Tv)));
    assert_eq!(
        link.reason.as_deref(),
        Some("the title \"戦国妖狐 千魔混沌編\" is \"戦国妖狐\" with the arc name \"千魔混沌編\"; both have the official site sengoku-youko.com")
    );
    let outlook = sengoku.data_outlook.as_ref().unwrap();
    assert_eq!((outlook.status, outlook.next.as_deref(), outlook.premiere), (DataStatus::Aired, Some(part_two), Some(PartialDate::Day(2024, 7, 18))));
    assert_eq!(outlook.premiere_at.unwrap().to_string(), "2024-07-18T00:00:00+09:00");
    assert_eq!(
        outlook.summary,
        "NextSeason found a later season of Sengoku Youko in bangumi-data (as of May 15, 2026): Sengoku Youko: The Thousandfold Chaos Arc premiered in Japan on July 18, 2024, and its last episode aired on December 26, 2024."
    );
    // The editor's fields stay; the data fills the rest.
    assert_eq!((sengoku.title.as_str(), sengoku.premiere), ("Sengoku Youko", Some(PartialDate::Month(2024, 1))));
    assert_eq!(sengoku.article.headline, "Will Sengoku Youko have season 2?【Release Date】");
    assert!(!sengoku.article.generated);
    assert_eq!(sengoku.references.mal.as_deref(), Some("56242"));
    assert_eq!(sengoku.official_site.as_deref(), Some("https://sengoku-youko.com/"));

    let second = show(&outcome, part_two);
    assert_eq!(related(&second), [("sengoku-youko", Relation::Prequel)]);
    assert_eq!(second.related[0].title, "Sengoku Youko", "the editor's title");
    assert_eq!(second.data_outlook.as_ref().unwrap().status, DataStatus::NothingLater);
    assert!(second.article.generated);
    assert_eq!(second.article.headline, "Will Sengoku Youko: The Thousandfold Chaos Arc get another season?");
    assert_eq!(second.native_title.as_ref().map(|n| (n.text.as_str(), n.lang.as_str())), Some(("戦国妖狐 千魔混沌編", "ja")));
    assert_eq!(second.premiere, Some(PartialDate::Day(2024, 7, 18)));
    assert_eq!(second.broadcast.as_ref().map(|b| (b.weekday, b.time.as_str())), Some((Weekday::Thursday, "00:00")));
    assert_eq!(second.data.as_ref().map(|d| (d.source.as_str(), d.version.as_str(), d.as_of, d.license.as_str())), Some(("bangumi-data", "0.3.208", PartialDate::Day(2026, 5, 15), "CC BY 4.0")));
}

#[test]
fn metallic_rouge_keeps_its_editors_outlook_and_offers() {
    let outcome = run(EXCERPT, &editorial(), &SlugRegistry::default());
    let rouge = show(&outcome, "metallic-rouge");
    let editor = decode_show(METALLIC_ROUGE, "metallic-rouge").unwrap();
    assert_eq!(rouge.related, [], "nothing later in the data");
    assert_eq!((&rouge.outlook, &rouge.data_outlook), (&editor.outlook, &None), "the editor's outlook replaces the data's");
    assert_eq!((&rouge.article, &rouge.cast, &rouge.read_also), (&editor.article, &editor.cast, &editor.read_also));
    // The editor's two offers first, as written; then the data's, without its Crunchyroll.
    assert_eq!(&rouge.watch[..2], &editor.watch[..]);
    let added: Vec<(&str, &str)> = rouge.watch[2..].iter().map(|o| (o.platform.as_str(), o.url.as_str())).collect();
    assert!(added.contains(&("U-NEXT", "https://video.unext.jp/title/SID0096004")), "{added:?}");
    assert!(added.contains(&("Netflix", "https://www.netflix.com/title/81753309")), "{added:?}");
    assert!(!added.iter().any(|(p, _)| *p == "Crunchyroll"), "{added:?}");
    assert!(rouge.watch[2..].iter().all(|o| o.kind == OfferKind::Stream));
    let gamer = rouge.watch.iter().find(|o| o.platform == "動畫瘋").unwrap();
    assert_eq!((gamer.only.as_slice(), gamer.since), (&["TW".to_string()][..], Some(PartialDate::Day(2024, 1, 11))));
    let netflix = rouge.watch.iter().find(|o| o.platform == "Netflix").unwrap();
    assert_eq!((netflix.only.len(), netflix.since), (0, Some(PartialDate::Day(2025, 2, 28))), "a site without regions serves everywhere");
    assert_eq!(rouge.broadcast.as_ref().map(|b| b.label()), Some("Thursdays at 01:25 JST".into()));
    assert_eq!((rouge.kind, rouge.ends), (Some(WorkKind::Tv), Some(PartialDate::Day(2024, 4, 4))));
    let refs = &rouge.references;
    assert_eq!(
        (refs.mal.as_deref(), refs.anilist.as_deref(), refs.anidb.as_deref(), refs.tmdb.as_deref(), refs.bangumi.as_deref()),
        (Some("54794"), Some("162985"), Some("17926"), Some("tv/222787"), Some("425595"))
    );
    let titles: Vec<(&str, &str)> = rouge.titles.iter().map(|t| (t.text.as_str(), t.lang.as_str())).collect();
    // "METALLIC ROUGE" is the editor's title in other capitals: not repeated.
    assert_eq!(titles, [("金属胭脂", "zh-Hans"), ("金属口红", "zh-Hans"), ("金屬口紅", "zh-Hant")]);
}

#[test]
fn an_announcement_in_an_editors_least_shard_outlives_the_import_which_fills_in_the_rest() {
    // `nextseason-bundle announce` on a show the data alone wrote: the least editor's shard of
    // it, with the editor's outlook (synthetic), imported again with the same data.
    let first = run(EXCERPT, &editorial(), &SlugRegistry::default());
    let slug = "sengoku-youko-the-thousandfold-chaos-arc";
    let generated = show(&first, slug);
    assert!(generated.article.generated && generated.data_outlook.is_some());
    let mut least = editors_shard_of(&generated, &first.registry).unwrap();
    assert_eq!((least.slug.as_str(), least.title.as_str()), (slug, generated.title.as_str()));
    assert_eq!((least.references.bangumi.as_deref(), least.references.mal.as_deref()), (Some("488197"), None), "one id, the one of the work's key");
    assert_eq!((least.article.headline.as_str(), least.article.generated, least.article.intro.len()), (generated.article.headline.as_str(), false, 0));
    let outlook: crate::bundle::Outlook = serde_json::from_str(
        r#"{"status":"announced","summary":"Synthetic: announced at an event.","window":{"from":"2027"},"source":{"url":"https://example.org/news/1","date":"2026-05-01"}}"#,
    )
    .unwrap();
    least.outlook = Some(outlook.clone());
    let text = serde_json::to_string_pretty(&least).unwrap();
    decode_show(&text, slug).expect("the least shard is valid by itself");

    let mut files = editorial();
    files.push((format!("{slug}.json"), text));
    let second = run(EXCERPT, &files, &first.registry);
    assert_eq!(second.report.conflicts, []);
    assert!(second.report.merged.contains(&format!("shows/{slug}.json")), "{:?}", second.report.merged);
    let merged = show(&second, slug);
    // The editor's outlook, in place of the data's.
    assert_eq!((merged.outlook.as_ref(), merged.data_outlook.as_ref()), (Some(&outlook), None));
    // The data's facts, as the data alone gave them.
    assert_eq!((merged.kind, merged.premiere, merged.ends), (generated.kind, generated.premiere, generated.ends));
    assert_eq!((&merged.native_title, &merged.titles, &merged.broadcast), (&generated.native_title, &generated.titles, &generated.broadcast));
    assert_eq!((&merged.watch, &merged.related, &merged.official_site, &merged.data), (&generated.watch, &generated.related, &generated.official_site, &generated.data));
    assert_eq!(merged.references, generated.references);
    // The editor's headline over the generated body, marked generated, as the data alone gave it.
    assert_eq!(merged.article.headline, least.article.headline);
    assert_eq!((merged.article.generated, &merged.article.intro, &merged.article.sections), (true, &generated.article.intro, &generated.article.sections));
    // Imported over the editors' own folder (the tool's default), the merged shard is still the
    // editor's: its outlook is kept, not taken for the importer's earlier output.
    let merged_text = serde_json::to_string_pretty(&merged).unwrap();
    assert!(!crate::import::is_generated(&merged_text));
    let mut in_place = editorial();
    in_place.push((format!("{slug}.json"), merged_text));
    let third = run(EXCERPT, &in_place, &second.registry);
    assert_eq!(show(&third, slug).outlook.as_ref(), Some(&outlook));
    // The slug stays the registry's: no new slug, no rename.
    assert_eq!((second.report.new_slugs.len(), second.report.renamed_slugs.len()), (0, 0));
}

#[test]
fn an_editors_least_shard_needs_an_id_the_import_finds_works_by_and_that_ids_slug() {
    let outcome = run(EXCERPT, &editorial(), &SlugRegistry::default());
    let mut generated = show(&outcome, "sengoku-youko-the-thousandfold-chaos-arc");
    let mut registry = SlugRegistry::default();
    registry.add("bangumi:488197", "another-entry");
    assert_eq!(
        editors_shard_of(&generated, &registry).unwrap_err(),
        "bangumi:488197, sengoku-youko-the-thousandfold-chaos-arc's id, is another-entry's in the registry: the import would merge an editor's shard of sengoku-youko-the-thousandfold-chaos-arc with another-entry; write its shard by hand"
    );
    generated.references = crate::bundle::References { tmdb: Some("tv/1".into()), ..Default::default() };
    assert_eq!(
        editors_shard_of(&generated, &SlugRegistry::default()).unwrap_err(),
        "sengoku-youko-the-thousandfold-chaos-arc has no Bangumi, MyAnimeList, AniList or AniDB id in the data, by which the import finds an editor's shard: write its shard by hand"
    );
}

#[test]
fn seasons_films_recaps_and_specials_are_linked_with_their_reasons() {
    let outcome = run(EXCERPT, &editorial(), &SlugRegistry::default());
    let beastars = show(&outcome, "beastars");
    assert_eq!(related(&beastars), [("beastars-2nd-season", Relation::Sequel)]);
    assert_eq!(beastars.data_outlook.as_ref().unwrap().status, DataStatus::Aired);
    assert_eq!(beastars.article.headline, "Will BEASTARS get a season 2?");
    let shana = show(&outcome, "shakugan-no-shana");
    assert_eq!(shana.related.iter().map(|r| r.relation).collect::<Vec<_>>(), [Relation::Film]);
    assert_eq!(shana.data_outlook.as_ref().unwrap().status, DataStatus::FilmsOnly);
    let kamuy = show(&outcome, "bgm-221127");
    let relations: Vec<Relation> = kamuy.related.iter().map(|r| r.relation).collect();
    assert_eq!(relations, [Relation::Special, Relation::Sequel], "{:?}", kamuy.related);
    // Two works are titled ジョジョの奇妙な冒険 (an OVA of 1993, the TV series of 2012): the recap
    // of 2013 is the TV series'.
    let jojo_tv = show(&outcome, "jojos-bizarre-adventure");
    assert_eq!(jojo_tv.related.iter().map(|r| r.relation).collect::<Vec<_>>(), [Relation::Recap]);
    let jojo_ova = show(&outcome, "bgm-38326");
    assert_eq!(jojo_ova.related, []);
    let natsume = show(&outcome, "bgm-259");
    assert_eq!(natsume.related.iter().map(|r| r.relation).collect::<Vec<_>>(), [Relation::Sequel]);
    let titan = show(&outcome, "attack-on-titan");
    assert_eq!(titan.related.iter().map(|r| r.relation).collect::<Vec<_>>(), [Relation::Special, Relation::Sequel]);
    assert_eq!(outcome.report.links.pairs, 11);
}

#[test]
fn unrelated_works_are_not_linked() {
    let outcome = run(EXCERPT, &editorial(), &SlugRegistry::default());
    let angel = show(&outcome, "angel-beats");
    assert_eq!(angel.related, []);
    assert_eq!(angel.data_outlook.as_ref().unwrap().status, DataStatus::NothingLater);
    let summary = &angel.data_outlook.as_ref().unwrap().summary;
    assert!(summary.starts_with("NextSeason found no later season of Angel Beats!") && summary.contains("this is not a statement that none has been announced"), "{summary}");
    let synthetic = run(SYNTHETIC, &[], &SlugRegistry::default());
    // "Synthetic Blue" and "Synthetic Blue Lantern" share words, not a story.
    assert_eq!(related(&show(&synthetic, "synthetic-blue-lantern")), []);
    assert_eq!(related(&show(&synthetic, "synthetic-blue")), [("synthetic-blue-2nd-season", Relation::Sequel)]);
    // A "2nd Season" that began before the work it would follow is not its sequel.
    assert_eq!(related(&show(&synthetic, "synthetic-harbor-2nd-season")), []);
}

#[test]
fn the_datas_outlook_as_of_its_date() {
    let synthetic = run(SYNTHETIC, &[], &SlugRegistry::default());
    let blue = show(&synthetic, "synthetic-blue");
    let outlook = blue.data_outlook.unwrap();
    assert_eq!((outlook.status, outlook.premiere), (DataStatus::Dated, Some(PartialDate::Day(2026, 7, 2))));
    assert_eq!(outlook.premiere_at.unwrap().to_string(), "2026-07-02T00:00:00+09:00");
    assert_eq!(
        outlook.summary,
        "NextSeason found a later season of Synthetic Blue in bangumi-data (as of May 15, 2026), dated: Synthetic Blue 2nd Season is set to premiere in Japan on July 2, 2026."
    );
    let harbor = show(&synthetic, "synthetic-harbor").data_outlook.unwrap();
    assert_eq!((harbor.status, harbor.next.as_deref()), (DataStatus::Airing, Some("synthetic-harbor-season-2")));
    assert!(harbor.summary.ends_with("; the data gives no end date."), "{}", harbor.summary);
}

#[test]
fn malformed_and_hostile_items_are_reported_never_imported_as_is() {
    let outcome = run(SYNTHETIC, &[], &SlugRegistry::default());
    let report = &outcome.report;
    let skipped: Vec<(usize, &str, &str)> = report.skipped.iter().map(|s| (s.item, s.category.as_str(), s.reason.as_str())).collect();
    assert_eq!(
        skipped,
        [
            (0, "malformed item", "not an object but a string"),
            (1, "malformed item", "invalid type: integer `12345`, expected a string"),
            (2, "unknown type", "its type \"special\" is none of tv, web, movie, ova"),
        ]
    );
    assert_eq!(report.imported + report.skipped.len(), report.items);
    assert_eq!(report.bad_sites.len(), 1);
    let hostile = show(&outcome, "synthetic-hostile-links");
    let offers: Vec<(&str, Vec<String>)> = hostile.watch.iter().map(|o| (o.url.as_str(), o.only.clone())).collect();
    assert_eq!(offers, [("https://www.netflix.com/title/3", vec!["JP".to_string(), "KR".to_string()])]);
    assert_eq!((hostile.official_site.as_ref(), hostile.premiere), (None, None));
    assert_eq!((hostile.references.bangumi.as_deref(), hostile.references.mal.as_deref()), (Some("900002"), None));
    assert_eq!(hostile.titles, []);
    let reasons: Vec<String> = report.left_out.iter().filter(|l| l.key == "bangumi:900002").map(|l| format!("{}: {}", l.field, l.reason)).collect();
    for expected in [
        "officialSite: \"javascript:alert(1)\" is not an https link",
        "begin: \"2024-02-30T00:00:00.000Z\" is not an instant such as \"2024-01-10T16:25:00.000Z\"",
        "sites[1] (nicovideo): its id \"../../evil\" is not a nicovideo id (ASCII letters, digits, - and _)",
        "sites[2] (nicovideo): its id \"x@evil.com/\" is not a nicovideo id (ASCII letters, digits, - and _)",
        "sites[3] (nicovideo): its id \"a//b\" is not a nicovideo id (ASCII letters, digits, - and _)",
        "sites[4] (netflix): its url \"https://evil.example/netflix\" is not an https link on https://www.netflix.com",
        "sites[5] (netflix): none of its regions is a known country",
        "sites[7] (plainhttp): the site's template \"http://synthetic.example/{{id}}\" is not an https link with {{id}} once, after the host",
        "sites[8] (broken): no such site in siteMeta",
        "sites[9] (mal): no such site in siteMeta",
        "sites[10] (bangumi): a second Bangumi id",
        "sites[11]: not an object but a number",
        "titleTranslate: \"x y\" is not a language tag",
    ] {
        assert!(reasons.iter().any(|r| r == expected), "{expected}\nin {reasons:#?}");
    }
    // The report escapes the control character rather than carrying it.
    assert!(reasons.iter().any(|r| r.starts_with("titleTranslate.en: \"Synthetic\\u{202e}Reversed\" contains the invisible control character U+202E")), "{reasons:#?}");
}

#[test]
fn a_second_run_over_its_own_output_changes_nothing() {
    let first = run(EXCERPT, &editorial(), &SlugRegistry::default());
    // The bundle as the first run left it: the editors' shards (the merged ones are read back as
    // editors' shards) and the generated ones.
    let files: Vec<(String, String)> = first.shards.iter().map(|s| (s.file.clone(), s.text.clone())).collect();
    let second = run(EXCERPT, &files, &first.registry);
    assert_eq!(second.shards.iter().map(|s| (&s.file, &s.text)).collect::<Vec<_>>(), first.shards.iter().map(|s| (&s.file, &s.text)).collect::<Vec<_>>());
    assert_eq!(second.registry, first.registry);
    assert_eq!(second.report.new_slugs, []);
    assert_eq!((second.report.added.len(), second.report.updated.len(), second.report.unchanged.len()), (0, 0, first.shards.len()));
    // And from the editors' files again, with the registry the first run wrote: the same bytes.
    let third = run(EXCERPT, &editorial(), &first.registry);
    assert_eq!(third.shards, first.shards);
}

#[test]
fn slugs_never_change_once_registered() {
    let first = run(EXCERPT, &editorial(), &SlugRegistry::default());
    assert_eq!(first.registry.get("bangumi:425595"), Some("metallic-rouge"));
    assert_eq!(first.registry.get("bangumi:449725"), Some("sengoku-youko"));
    assert_eq!(first.registry.get("bangumi:488197"), Some("sengoku-youko-the-thousandfold-chaos-arc"));
    // Without an English title: the Bangumi id. Without any id: a hash of title and premiere.
    assert_eq!(first.registry.get("bangumi:504455"), Some("bgm-504455"), "{:?}", first.registry);
    assert!(first.registry.get("title:よるわまわるよ|2021-06-05").is_some_and(|s| s.starts_with("work-")), "{:?}", first.registry);
    // A slug registered earlier stays, even where the title would give another; and a slug the
    // registry gives another work is not taken again: the year is added.
    let registry = SlugRegistry::parse(r#"{"bangumi:488197": "sengoku-youko-part-2", "bangumi:999999": "beastars"}"#).unwrap();
    let second = run(EXCERPT, &editorial(), &registry);
    assert_eq!(second.registry.get("bangumi:488197"), Some("sengoku-youko-part-2"));
    assert_eq!(second.registry.get("bangumi:999999"), Some("beastars"));
    let beastars = second.registry.get(&first.report.new_slugs.iter().find(|n| n.slug == "beastars").unwrap().key).unwrap();
    assert_eq!(beastars, "beastars-2019");
    assert_eq!(show(&second, "sengoku-youko").related[0].slug, "sengoku-youko-part-2");
    // The same input gives the same new slugs, whatever the order of the given files.
    let mut reversed = editorial();
    reversed.reverse();
    assert_eq!(run(EXCERPT, &reversed, &SlugRegistry::default()).registry, first.registry);
}

#[test]
fn an_id_slug_gives_way_to_a_name_and_stays_an_alias() {
    let readings = Readings::parse(r#"{"readings": {"ブラック・ジャック WEB": "Burakku Jakku WEB"}, "unsure": {"よるわまわるよ": "Yoru wa Mawaru yo"}}"#).unwrap();
    let with = |registry: &SlugRegistry| import(EXCERPT, &editorial(), registry, &readings, &release()).unwrap();
    // Published before the names: ids.
    let before = run(EXCERPT, &editorial(), &SlugRegistry::default());
    let yoru_key = "title:よるわまわるよ|2021-06-05";
    let old_yoru = before.registry.get(yoru_key).unwrap().to_string();
    assert_eq!(before.registry.get("bangumi:504455"), Some("bgm-504455"));
    assert!(before.aliases.is_empty());

    let after = with(&before.registry);
    // The romaji names it, and an unsure reading makes an address (never a shown name).
    assert_eq!(after.registry.get("bangumi:504455"), Some("burakku-jakku-web"));
    assert_eq!(after.registry.get(yoru_key), Some("yoru-wa-mawaru-yo"));
    assert_eq!(show(&after, "yoru-wa-mawaru-yo").title, "よるわまわるよ", "an unsure reading is no name");
    assert_eq!(after.aliases.get("bgm-504455").map(String::as_str), Some("burakku-jakku-web"));
    assert_eq!(after.aliases.get(&old_yoru).map(String::as_str), Some("yoru-wa-mawaru-yo"));
    assert_eq!(after.aliases.len(), 2, "named slugs are never renamed: {:?}", after.aliases);
    assert_eq!(after.report.renamed_slugs.len(), 2);
    assert!(!after.shards.iter().any(|s| s.file == "bgm-504455.json"), "no file for an alias");
    // English-titled slugs keep theirs; a second run changes nothing.
    assert_eq!(after.registry.get("bangumi:425595"), Some("metallic-rouge"));
    let again = with(&after.registry);
    assert_eq!(again.registry, after.registry);
    assert_eq!(again.aliases, after.aliases);
    assert!(again.report.renamed_slugs.is_empty() && again.report.new_slugs.is_empty());
    // A new work takes its name at once, and never a former slug of another.
    let fresh = with(&SlugRegistry::default());
    assert_eq!(fresh.registry.get("bangumi:504455"), Some("burakku-jakku-web"));
    assert!(fresh.aliases.is_empty());
    let taken = SlugRegistry::parse(r#"{"bangumi:1": ["one", "burakku-jakku-web"]}"#).unwrap();
    assert_eq!(with(&taken).registry.get("bangumi:504455"), Some("burakku-jakku-web-2001"), "the premiere's year");
}

#[test]
fn the_editors_word_wins_and_disagreements_are_reported() {
    let mut rouge: serde_json::Value = serde_json::from_str(METALLIC_ROUGE).unwrap();
    rouge["premiere"] = serde_json::json!("2024-01-10");
    rouge["native_title"]["text"] = serde_json::json!("メタルルージュ");
    let mut sengoku: serde_json::Value = serde_json::from_str(SENGOKU_YOUKO).unwrap();
    sengoku["related_rejected"] = serde_json::json!(["sengoku-youko-the-thousandfold-chaos-arc"]);
    let files = vec![("metallic-rouge.json".to_string(), rouge.to_string()), ("sengoku-youko.json".to_string(), sengoku.to_string())];
    let outcome = run(EXCERPT, &files, &SlugRegistry::default());
    let found: Vec<(&str, &str, &str, &str)> = outcome.report.conflicts.iter().map(|c| (c.file.as_str(), c.field.as_str(), c.editor.as_str(), c.data.as_str())).collect();
    assert_eq!(
        found,
        [
            ("shows/metallic-rouge.json", "native_title", "{\"text\":\"メタルルージュ\",\"lang\":\"ja\"}", "{\"text\":\"メタリックルージュ\",\"lang\":\"ja\"}"),
            ("shows/metallic-rouge.json", "premiere", "\"2024-01-10\"", "\"2024-01-11\""),
        ]
    );
    let rouge = show(&outcome, "metallic-rouge");
    assert_eq!((rouge.premiere, rouge.native_title.unwrap().text.as_str()), (Some(PartialDate::Day(2024, 1, 10)), "メタルルージュ"));
    // A rejected link is gone both ways, and the outlook follows.
    let sengoku = show(&outcome, "sengoku-youko");
    assert_eq!((sengoku.related.len(), sengoku.data_outlook.unwrap().status), (0, DataStatus::NothingLater));
    assert_eq!(show(&outcome, "sengoku-youko-the-thousandfold-chaos-arc").related, []);
}

/// An editor who rejects a later season keeps the chain whole: the work's next is the next one
/// still linked, and the rejected season's page no longer lists the work (synthetic items).
#[test]
fn a_rejected_season_leaves_the_chain_whole() {
    let mut data: serde_json::Value = serde_json::from_str(EXCERPT).unwrap();
    let item = |title: &str, id: &str, begin: &str, end: &str| {
        serde_json::json!({"title": title, "type": "tv", "lang": "ja", "begin": begin, "end": end, "officialSite": "https://chain.synthetic.example/", "sites": [{"site": "bangumi", "id": id}]})
    };
    data["items"] = serde_json::json!([
        item("Synthetic Chain", "900001", "2019-04-01T15:00:00.000Z", "2019-06-20T15:00:00.000Z"),
        item("Synthetic Chain 2nd Season", "900002", "2021-04-01T15:00:00.000Z", "2021-06-20T15:00:00.000Z"),
        item("Synthetic Chain 3rd Season", "900003", "2023-04-01T15:00:00.000Z", "2023-06-20T15:00:00.000Z"),
    ]);
    let plain = run(&data.to_string(), &[], &SlugRegistry::default());
    assert_eq!(show(&plain, "synthetic-chain").data_outlook.unwrap().next.as_deref(), Some("synthetic-chain-2nd-season"));
    assert_eq!(show(&plain, "synthetic-chain-2nd-season").data_outlook.unwrap().next.as_deref(), Some("synthetic-chain-3rd-season"));

    let mut editor: serde_json::Value = serde_json::from_str(SENGOKU_YOUKO).unwrap();
    let shard = editor.as_object_mut().unwrap();
    for field in ["outlook", "premiere", "native_title", "official_site", "watch", "related"] {
        shard.remove(field);
    }
    shard.insert("slug".into(), serde_json::json!("synthetic-chain"));
    shard.insert("title".into(), serde_json::json!("Synthetic Chain"));
    shard.insert("references".into(), serde_json::json!({"bangumi": "900001"}));
    shard.insert("related_rejected".into(), serde_json::json!(["synthetic-chain-2nd-season"]));
    let outcome = run(&data.to_string(), &[("synthetic-chain.json".into(), editor.to_string())], &SlugRegistry::default());
    let first = show(&outcome, "synthetic-chain");
    assert_eq!(related(&first), [("synthetic-chain-3rd-season", Relation::Sequel)]);
    assert_eq!(first.data_outlook.unwrap().next.as_deref(), Some("synthetic-chain-3rd-season"), "the chain goes on past the rejected season");
    assert_eq!(related(&show(&outcome, "synthetic-chain-2nd-season")), [("synthetic-chain-3rd-season", Relation::Sequel)]);
}

#[test]
fn an_editors_own_related_list_wins() {
    let mut sengoku: serde_json::Value = serde_json::from_str(SENGOKU_YOUKO).unwrap();
    sengoku["related"] = serde_json::json!([{ "slug": "metallic-rouge", "title": "Metallic Rouge", "relation": "film" }]);
    let files = vec![("metallic-rouge.json".to_string(), METALLIC_ROUGE.to_string()), ("sengoku-youko.json".to_string(), sengoku.to_string())];
    let outcome = run(EXCERPT, &files, &SlugRegistry::default());
    let sengoku = show(&outcome, "sengoku-youko");
    assert_eq!(related(&sengoku), [("metallic-rouge", Relation::Film)]);
    assert_eq!(sengoku.related[0].reason, None);
    assert_eq!(sengoku.data_outlook.unwrap().status, DataStatus::FilmsOnly, "the outlook reads the editor's links");
}

#[test]
fn editors_shards_outside_the_data_or_unreadable_are_copied_as_written() {
    let mut files = editorial();
    files.push(("my-own-show.json".into(), METALLIC_ROUGE.replace("\"slug\": \"metallic-rouge\"", "\"slug\": \"my-own-show\"").replace("425595", "1")));
    files.push(("broken.json".into(), "{ not json".into()));
    let outcome = run(EXCERPT, &files, &SlugRegistry::default());
    assert_eq!(shard(&outcome, "my-own-show").origin, Origin::AsWritten);
    assert_eq!(shard(&outcome, "broken").text, "{ not json");
    assert_eq!(outcome.report.editorial_problems.len(), 1);
    assert!(outcome.report.editorial_problems[0].message.ends_with("(copied as written, not merged)"));
    assert_eq!(outcome.report.unchanged, ["broken.json", "my-own-show.json"]);
}

/// Items 8036 and 8340 of bangumi-data 0.3.208 (trimmed to the fields that matter): the first
/// episode's advance broadcast and the TV series, under the same ids; and a Chinese entry of
/// the series (synthetic) that shares its premiere, which stays the same work.
#[test]
fn another_entry_under_the_same_ids_is_kept_by_its_title() {
    let mut data: serde_json::Value = serde_json::from_str(EXCERPT).unwrap();
    let sites = serde_json::json!([{"site": "bangumi", "id": "443831"}, {"site": "mal", "id": "55830"}, {"site": "anidb", "id": "18093"}]);
    data["items"] = serde_json::json!([
        {"title": "Fate/strange Fake", "type": "tv", "lang": "ja", "begin": "2024-12-31T16:00:00.000Z", "end": "2024-12-31T16:00:00.000Z", "sites": sites},
        {"title": "Fate/strange Fake(TVシリーズ)", "titleTranslate": {"en": ["Fate/strange Fake"]}, "type": "tv", "lang": "ja", "begin": "2026-01-03T14:30:00.000Z", "end": "2026-03-28T15:00:00.000Z", "sites": sites},
        {"title": "Fate/strange Fake(电视系列)", "type": "tv", "lang": "zh-Hans", "begin": "2026-01-03T14:30:00.000Z", "sites": sites},
    ]);
    let outcome = run(&data.to_string(), &[], &SlugRegistry::default());
    let report = &outcome.report;
    assert_eq!(report.imported, 2);
    let skipped: Vec<(usize, &str)> = report.skipped.iter().map(|s| (s.item, s.category.as_str())).collect();
    assert_eq!(skipped, [(2, "same key as an earlier item")]);
    let keys: Vec<(&str, &str)> = report.new_slugs.iter().map(|n| (n.key.as_str(), n.slug.as_str())).collect();
    assert_eq!(keys, [("bangumi:443831", "fate-strange-fake"), ("title:Fate/strange Fake(TVシリーズ)|2026-01-03", "fate-strange-fake-2026")]);
    let series = show(&outcome, "fate-strange-fake-2026");
    assert_eq!((series.premiere, series.references.bangumi.as_deref()), (Some(PartialDate::Day(2026, 1, 3)), Some("443831")));
    assert!(report.left_out.iter().any(|l| l.key == "title:Fate/strange Fake(TVシリーズ)|2026-01-03" && l.reason.contains("bangumi:443831 is also item 0's")), "{:?}", report.left_out);
}

/// Every paragraph of an article, its sections' included.
fn paragraphs(article: &crate::bundle::Article) -> Vec<&str> {
    article.intro.iter().chain(article.sections.iter().flat_map(|s| &s.paragraphs)).map(String::as_str).collect()
}

#[test]
fn a_generated_article_tells_the_seasons_and_their_gaps_not_the_answer() {
    let outcome = run(EXCERPT, &editorial(), &SlugRegistry::default());
    // ゴールデンカムイ: its second season (bgm-251547) began 3 months and 13 days after the first
    // ended; the OAD came out between them.
    let kamuy = show(&outcome, "bgm-251547");
    assert_eq!(kamuy.article.sections.len(), 1);
    let story = &kamuy.article.sections[0];
    assert_eq!(story.heading, "The story so far");
    assert_eq!(
        story.paragraphs,
        [
            "The seasons NextSeason linked to this work in bangumi-data, in order of premiere:",
            "ゴールデンカムイ aired in Japan from April 9, 2018 to June 25, 2018.",
            "ゴールデンカムイ(第二期) (this season) aired in Japan from October 8, 2018 to December 24, 2018. It premiered 3 months after ゴールデンカムイ ended.",
            "NextSeason also linked one other work to this one: ゴールデンカムイ OAD (OVA, September 19, 2018).",
        ]
    );
    // Attack on Titan: September 29, 2013 to April 1, 2017; the first season's page marks it.
    let titan = show(&outcome, "attack-on-titan");
    assert_eq!(
        titan.article.sections[0].paragraphs[1..3],
        [
            "attack on titan (this season) aired in Japan from April 7, 2013 to September 29, 2013.",
            "attack on titan Season2 aired in Japan from April 1, 2017 to June 17, 2017. It premiered 3 years 6 months after attack on titan ended.",
        ]
    );
    // BEASTARS: December 26, 2019 to January 5, 2021, a year and ten days.
    assert!(paragraphs(&show(&outcome, "beastars").article).contains(&"BEASTARS 2nd Season aired in Japan from January 5, 2021 to March 24, 2021. It premiered 1 year after BEASTARS ended."));
    // A work linked to nothing: its intro says when it aired, and no section is added.
    let angel = show(&outcome, "angel-beats");
    assert_eq!(angel.article.sections, []);
    assert_eq!(angel.article.intro.len(), 2, "what it is, and where the text comes from: {:?}", angel.article.intro);
    // The answer is the answer box's (data_outlook): no generated article repeats it.
    for shard in outcome.shards.iter().filter(|s| s.origin == Origin::Generated) {
        let show = show(&outcome, shard.file.trim_end_matches(".json"));
        let summary = &show.data_outlook.as_ref().unwrap().summary;
        for paragraph in paragraphs(&show.article) {
            let outlook_said = ["NextSeason found a later", "NextSeason found no later"].iter().any(|s| paragraph.contains(s));
            assert!(!paragraph.contains(summary.as_str()) && !outlook_said, "{}: {paragraph}", shard.file);
        }
        assert!(show.article.intro.last().unwrap().starts_with("This text was written automatically from bangumi-data 0.3.208"), "{}: the credit stays", shard.file);
    }
}
