//! Slugs of imported works, and the registry that keeps them from changing.
//!
//! A work is known by a stable key: `bangumi:<id>` (its Bangumi subject), else the first of
//! `mal:<id>`, `anilist:<id>`, `anidb:<id>` it has, else `title:<title in its language>|<premiere
//! in Japan>`. The registry (`.ci/bangumi-data/slugs.json`, committed) maps keys to slugs; a
//! published address never stops working: an entry's slug changes only from an id to a name,
//! and its old slug stays in the entry as an alias, which the build turns into redirects.
//!
//! A new work's slug is its Latin name folded to ASCII (`names`: the English title, "Sengoku
//! Youko: The Thousandfold Chaos Arc" → `sengoku-youko-the-thousandfold-chaos-arc`; a derived
//! name; the romaji), else its own title when that is written in Latin letters, else the romaji
//! the dictionary was unsure of (an address, not a shown name), else an id (`bgm-488197`,
//! `mal-54794`, …). A work registered under an id gets a name the same way once it has one.
//! When a slug is taken (by the registry, an editor's file, or another new work of the run,
//! earliest premiere first), the premiere's year is appended, then the id.

use crate::bundle::{is_id_slug, is_valid_slug};
use crate::text::fold;
use std::collections::{BTreeMap, BTreeSet};

/// Keys of works → their slugs, each with the addresses it had before (its aliases).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SlugRegistry {
    entries: BTreeMap<String, Registered>,
}

/// A work's slug now, and the slugs it was published under before, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Registered {
    slug: String,
    aliases: Vec<String>,
}

/// A registry entry in its file: the slug, or `[slug, alias, …]` once it was renamed.
#[derive(serde::Deserialize, serde::Serialize)]
#[serde(untagged)]
enum InFile {
    Slug(String),
    Renamed(Vec<String>),
}

impl SlugRegistry {
    /// Reads the registry's file: one JSON object of keys to slugs (or to `[slug, former slug,
    /// …]`), every slug valid and given out once, current or former.
    pub fn parse(text: &str) -> Result<Self, String> {
        let in_file: BTreeMap<String, InFile> = serde_json::from_str(text).map_err(|e| format!("not an object of keys to slugs (or to [slug, former slug, …]): {e}"))?;
        let mut seen = BTreeMap::new();
        let mut entries = BTreeMap::new();
        for (key, value) in in_file {
            if !is_valid_key(&key) {
                return Err(format!("\"{key}\" is not a key (bangumi:<id>, mal:<id>, anilist:<id>, anidb:<id> or title:<title>|<date>)"));
            }
            let slugs = match value {
                InFile::Slug(slug) => vec![slug],
                InFile::Renamed(slugs) if slugs.len() >= 2 => slugs,
                InFile::Renamed(_) => return Err(format!("{key}: a list must hold the slug and at least one former slug")),
            };
            for slug in &slugs {
                if !is_valid_slug(slug) {
                    return Err(format!("{key}: \"{slug}\" is not a slug"));
                }
                if let Some(other) = seen.insert(slug.clone(), key.clone()) {
                    return Err(format!("\"{slug}\" is given to both {other} and {key}"));
                }
            }
            entries.insert(key, Registered { slug: slugs[0].clone(), aliases: slugs[1..].to_vec() });
        }
        Ok(Self { entries })
    }

    /// The registry's file: keys in order, one per line, and a final newline.
    pub fn to_json(&self) -> String {
        let in_file: BTreeMap<&str, InFile> = self
            .entries
            .iter()
            .map(|(key, r)| {
                let value = match r.aliases.is_empty() {
                    true => InFile::Slug(r.slug.clone()),
                    false => InFile::Renamed(std::iter::once(&r.slug).chain(&r.aliases).cloned().collect()),
                };
                (key.as_str(), value)
            })
            .collect();
        // One line per key, a renamed entry's list on it too, so that a diff shows each change.
        let mut out = String::from("{");
        for (i, (key, value)) in in_file.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&format!("  {}: {}", serde_json::to_string(key).unwrap_or_default(), serde_json::to_string(value).unwrap_or_default()));
        }
        out.push_str(if in_file.is_empty() { "}\n" } else { "\n}\n" });
        out
    }

    /// The work's slug now.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(|r| r.slug.as_str())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every slug the registry gives out: each work's current one and its former ones, which no
    /// other work may take (they stay addresses of the work they named).
    pub fn slugs(&self) -> BTreeSet<&str> {
        self.entries.values().flat_map(|r| std::iter::once(&r.slug).chain(&r.aliases)).map(String::as_str).collect()
    }

    /// Former slug → the same work's slug now, for every renamed work.
    pub fn aliases(&self) -> BTreeMap<&str, &str> {
        self.entries.values().flat_map(|r| r.aliases.iter().map(move |a| (a.as_str(), r.slug.as_str()))).collect()
    }

    /// Adds a new entry; an existing one is never changed (false).
    pub fn add(&mut self, key: &str, slug: &str) -> bool {
        if self.entries.contains_key(key) {
            return false;
        }
        self.entries.insert(key.to_string(), Registered { slug: slug.to_string(), aliases: Vec::new() });
        true
    }

    /// Gives a registered work a new slug, its old one kept as an alias. Only a slug made of an
    /// id alone ([`is_id_slug`]) is ever replaced, and only by a free one: a named address, once
    /// published, stays the work's own. False when nothing changed.
    pub fn rename(&mut self, key: &str, slug: &str) -> bool {
        let taken = self.slugs().contains(slug);
        match self.entries.get_mut(key) {
            Some(r) if is_id_slug(&r.slug) && !taken && is_valid_slug(slug) => {
                let old = std::mem::replace(&mut r.slug, slug.to_string());
                r.aliases.push(old);
                true
            }
            _ => false,
        }
    }
}


fn is_valid_key(key: &str) -> bool {
    match key.split_once(':') {
        Some(("bangumi" | "mal" | "anilist" | "anidb", id)) => !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()),
        Some(("title", rest)) => rest.contains('|'),
        _ => false,
    }
}

/// The key of a work with these ids (already checked), title and premiere day.
pub fn key_of(bangumi: Option<&str>, mal: Option<&str>, anilist: Option<&str>, anidb: Option<&str>, title: &str, premiere: Option<&str>) -> String {
    let ids = [("bangumi", bangumi), ("mal", mal), ("anilist", anilist), ("anidb", anidb)];
    match ids.into_iter().find_map(|(site, id)| Some((site, id?))) {
        Some((site, id)) => format!("{site}:{id}"),
        None => format!("title:{title}|{}", premiere.unwrap_or_default()),
    }
}

/// The slug made of a key alone: `bgm-488197`, `mal-54794`, `work-<hash>` for a title key.
pub fn id_slug(key: &str) -> String {
    match key.split_once(':') {
        Some(("bangumi", id)) => format!("bgm-{id}"),
        Some(("title", _)) => format!("work-{:016x}", fnv1a(key)),
        Some((site, id)) => format!("{site}-{id}"),
        None => format!("work-{:016x}", fnv1a(key)),
    }
}

/// What the key adds to a slug to set it apart: "488197", "mal54794", a hash for a title key.
fn id_part(key: &str) -> String {
    match key.split_once(':') {
        Some(("bangumi", id)) => id.to_string(),
        Some(("title", _)) | None => format!("{:08x}", fnv1a(key) >> 32),
        Some((site, id)) => format!("{site}{id}"),
    }
}

/// FNV-1a, 64 bits: a stable hash (std's hashers may change between Rust releases).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| (hash ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The longest slug made from a title (cut at a word).
const MAX_TITLE_SLUG: usize = 80;

/// A title folded to a slug, when it is written in Latin letters: lowercase ASCII letters and
/// digits, words joined by single hyphens. None when letters of another script remain (a slug
/// would lose them), or when no letter is left.
pub fn title_slug(title: &str) -> Option<String> {
    let folded = fold(&to_half_width(title));
    let mut slug = String::new();
    for c in folded.chars() {
        match c {
            'a'..='z' | '0'..='9' => slug.push(c),
            // Apostrophes join their word: "Don't" → "dont".
            '\'' | '’' | '‘' | '`' => {}
            c if c.is_alphanumeric() => return None,
            _ => {
                if !slug.is_empty() && !slug.ends_with('-') {
                    slug.push('-');
                }
            }
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > MAX_TITLE_SLUG {
        let cut = slug[..=MAX_TITLE_SLUG].rfind('-').unwrap_or(MAX_TITLE_SLUG);
        slug.truncate(cut);
    }
    (slug.bytes().any(|b| b.is_ascii_lowercase()) && is_valid_slug(&slug) && !is_id_slug(&slug)).then_some(slug)
}

/// Full-width ASCII (ＡＢＣ１２３) and the ideographic space as their plain forms.
pub fn to_half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// The slugs a new work may take, in order of preference: its title's, with the premiere's year,
/// with its id; its id alone.
pub fn candidates(title_slug: Option<&str>, year: Option<i32>, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(base) = title_slug {
        out.push(base.to_string());
        if let Some(year) = year {
            out.push(format!("{base}-{year}"));
            out.push(format!("{base}-{year}-{}", id_part(key)));
        } else {
            out.push(format!("{base}-{}", id_part(key)));
        }
    }
    out.push(id_slug(key));
    out
}

/// The first candidate that is free, or the last with a number after it.
pub fn first_free(candidates: &[String], taken: &dyn Fn(&str) -> bool) -> String {
    if let Some(free) = candidates.iter().find(|c| !taken(c)) {
        return free.clone();
    }
    let last = candidates.last().cloned().unwrap_or_else(|| "work".into());
    (2..).map(|n| format!("{last}-{n}")).find(|c| !taken(c)).unwrap_or(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_titles_fold_to_slugs() {
        assert_eq!(title_slug("Sengoku Youko: The Thousandfold Chaos Arc").as_deref(), Some("sengoku-youko-the-thousandfold-chaos-arc"));
        assert_eq!(title_slug("METALLIC ROUGE").as_deref(), Some("metallic-rouge"));
        assert_eq!(title_slug("SPY×FAMILY Season 2").as_deref(), Some("spy-family-season-2"));
        assert_eq!(title_slug("Don't Toy with Me, Miss Nagatoro").as_deref(), Some("dont-toy-with-me-miss-nagatoro"));
        assert_eq!(title_slug("Pokémon: Mewtwo Strikes Back").as_deref(), Some("pokemon-mewtwo-strikes-back"));
        assert_eq!(title_slug("ＳＰＹ×ＦＡＭＩＬＹ").as_deref(), Some("spy-family"));
        assert_eq!(title_slug("86 EIGHTY-SIX").as_deref(), Some("86-eighty-six"));
        assert_eq!(title_slug("Fate/strange Fake -Whispers of Dawn-").as_deref(), Some("fate-strange-fake-whispers-of-dawn"));
    }

    #[test]
    fn titles_in_other_scripts_give_no_slug() {
        for title in ["戦国妖狐", "Re:ゼロから始める異世界生活", "!!!", "86", "", "BGM 123"] {
            assert_eq!(title_slug(title), None, "{title}");
        }
        let long = title_slug(&"word ".repeat(40)).unwrap();
        assert!(long.len() <= MAX_TITLE_SLUG && long.ends_with("word"), "{long}");
    }

    #[test]
    fn keys_prefer_bangumi_then_other_ids_then_the_title() {
        assert_eq!(key_of(Some("425595"), Some("54794"), None, None, "x", None), "bangumi:425595");
        assert_eq!(key_of(None, None, Some("1"), Some("2"), "x", None), "anilist:1");
        assert_eq!(key_of(None, None, None, None, "よるわまわるよ", Some("2021-06-04")), "title:よるわまわるよ|2021-06-04");
        assert_eq!(id_slug("bangumi:488197"), "bgm-488197");
        assert_eq!(id_slug("mal:17489"), "mal-17489");
        let title_key = id_slug("title:よるわまわるよ|2021-06-04");
        assert!(title_key.starts_with("work-") && is_valid_slug(&title_key), "{title_key}");
        assert_eq!(title_key, id_slug("title:よるわまわるよ|2021-06-04"), "stable");
    }

    #[test]
    fn collisions_take_the_year_then_the_id() {
        let cands = candidates(Some("smurfs"), Some(2025), "title:スマーフ シーズン3|2025-10-03");
        assert_eq!(&cands[..2], ["smurfs", "smurfs-2025"]);
        assert!(cands[2].starts_with("smurfs-2025-"));
        assert_eq!(candidates(Some("x"), Some(2024), "bangumi:1"), ["x", "x-2024", "x-2024-1", "bgm-1"]);
        assert_eq!(candidates(None, Some(2024), "bangumi:1"), ["bgm-1"]);
        let taken = |s: &str| ["x", "x-2024"].contains(&s);
        assert_eq!(first_free(&candidates(Some("x"), Some(2024), "bangumi:1"), &taken), "x-2024-1");
        let all = |s: &str| !s.ends_with("-3");
        assert_eq!(first_free(&["bgm-1".to_string()], &all), "bgm-1-3");
    }

    #[test]
    fn a_renamed_entry_keeps_its_former_slugs_as_aliases() {
        let mut registry = SlugRegistry::parse("{\"bangumi:1\": \"bgm-1\", \"bangumi:2\": \"frieren\", \"mal:3\": \"mal-3\"}").unwrap();
        assert!(registry.rename("bangumi:1", "sousou-no-frieren"));
        assert_eq!(registry.get("bangumi:1"), Some("sousou-no-frieren"));
        assert!(!registry.rename("bangumi:1", "another"), "a named slug stays");
        assert!(!registry.rename("bangumi:2", "another"), "a named slug stays");
        assert!(!registry.rename("mal:3", "frieren"), "a taken slug is not given");
        assert!(!registry.rename("mal:3", "bgm-1"), "nor a former one");
        assert!(!registry.rename("mal:9", "x"), "nor one to a work not registered");
        assert_eq!(registry.aliases().into_iter().collect::<Vec<_>>(), [("bgm-1", "sousou-no-frieren")]);
        assert!(registry.slugs().contains("bgm-1"), "a former slug is never given to another work");
        let text = registry.to_json();
        assert_eq!(text, "{\n  \"bangumi:1\": [\"sousou-no-frieren\",\"bgm-1\"],\n  \"bangumi:2\": \"frieren\",\n  \"mal:3\": \"mal-3\"\n}\n");
        assert_eq!(SlugRegistry::parse(&text).unwrap(), registry, "round trip");
        for bad in [r#"{"bangumi:1": ["x"]}"#, r#"{"bangumi:1": ["x", "x"]}"#, r#"{"bangumi:1": ["x", "Y"]}"#, r#"{"bangumi:1": "x", "bangumi:2": ["y", "x"]}"#, r#"{"bangumi:1": 3}"#] {
            assert!(SlugRegistry::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(SlugRegistry::default().to_json(), "{}\n");
    }

    #[test]
    fn id_slugs_are_told_from_named_ones() {
        for id in ["bgm-488197", "mal-54794", "anilist-1", "anidb-16366", "work-0123456789abcdef", "bgm-1-2"] {
            assert!(is_id_slug(id), "{id}");
        }
        for named in ["frieren", "bgm", "bgm-", "mal-function", "work-of-art", "sousou-no-frieren"] {
            assert!(!is_id_slug(named), "{named}");
        }
    }

    #[test]
    fn the_registry_never_changes_an_entry() {
        let mut registry = SlugRegistry::parse("{\"bangumi:425595\": \"metallic-rouge\"}").unwrap();
        assert!(!registry.add("bangumi:425595", "other"));
        assert!(registry.add("bangumi:488197", "sengoku-youko-the-thousandfold-chaos-arc"));
        assert_eq!(registry.get("bangumi:425595"), Some("metallic-rouge"));
        let text = registry.to_json();
        assert_eq!(text, "{\n  \"bangumi:425595\": \"metallic-rouge\",\n  \"bangumi:488197\": \"sengoku-youko-the-thousandfold-chaos-arc\"\n}\n");
        assert_eq!(SlugRegistry::parse(&text).unwrap(), registry);
    }

    #[test]
    fn a_broken_registry_is_refused() {
        assert!(SlugRegistry::parse("[]").is_err());
        assert_eq!(SlugRegistry::parse("{\"bangumi:1\": \"A b\"}").unwrap_err(), "bangumi:1: \"A b\" is not a slug");
        assert_eq!(SlugRegistry::parse("{\"bangumi:1\": \"a\", \"bangumi:2\": \"a\"}").unwrap_err(), "\"a\" is given to both bangumi:1 and bangumi:2");
        assert!(SlugRegistry::parse("{\"imdb:1\": \"a\"}").unwrap_err().contains("is not a key"));
    }
}
