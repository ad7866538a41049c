//! `aliases.json`: the former slugs of renamed shows, each → the show's slug now. The import
//! writes it from the slug registry (`.ci/bangumi-data/slugs.json`), so that an address once
//! published keeps working: the app follows it when a show's file is missing (an old link, a
//! widget's old `data-show`), the prerender writes the hosts' redirects from it, and `check`
//! holds it to the shows.

use super::decode::decode;
use super::problem::Problem;
use super::schema::SCHEMA_VERSION;
use super::field_rules::is_valid_slug;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The file's name in the bundle's folder.
pub const ALIASES_FILE: &str = "aliases.json";

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Aliases {
    pub schema: u64,
    /// Former slug → slug now.
    pub aliases: BTreeMap<String, String>,
}

impl Aliases {
    pub fn new(aliases: BTreeMap<String, String>) -> Self {
        Aliases { schema: SCHEMA_VERSION, aliases }
    }

    /// The slug now of a show formerly at `slug`.
    pub fn target(&self, slug: &str) -> Option<&str> {
        self.aliases.get(slug).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.aliases.is_empty()
    }

    pub fn len(&self) -> usize {
        self.aliases.len()
    }

    /// The file's text: one alias a line, in order, so that a diff shows each new one.
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"schema\":{},\"aliases\":{{", self.schema);
        for (i, (alias, slug)) in self.aliases.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&format!("{}:{}", serde_json::to_string(alias).unwrap_or_default(), serde_json::to_string(slug).unwrap_or_default()));
        }
        out.push_str(if self.aliases.is_empty() { "}}\n" } else { "\n}}\n" });
        out
    }
}

/// Decodes `aliases.json`: every alias and target a slug, no alias its own target.
pub fn decode_aliases(text: &str) -> Result<Aliases, Vec<Problem>> {
    let aliases: Aliases = decode(text)?;
    let mut problems = Vec::new();
    for (alias, slug) in &aliases.aliases {
        let path = format!("aliases.{alias}");
        if !is_valid_slug(alias) {
            problems.push(Problem::new(&path, format!("\"{alias}\" is not a slug (lowercase letters, digits and single hyphens)")));
        }
        if !is_valid_slug(slug) {
            problems.push(Problem::new(&path, format!("\"{slug}\" is not a slug (lowercase letters, digits and single hyphens)")));
        } else if alias == slug {
            problems.push(Problem::new(&path, "an alias of itself"));
        }
    }
    match problems.is_empty() {
        true => Ok(aliases),
        false => Err(problems),
    }
}

/// The rules against the bundle's shows: an alias is no show's own slug (its page would never
/// be reached), and leads to a show that exists.
pub fn alias_problems(aliases: &Aliases, shows: &HashSet<&str>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (alias, slug) in &aliases.aliases {
        let path = format!("aliases.{alias}");
        if shows.contains(alias.as_str()) {
            problems.push(Problem::new(&path, format!("\"{alias}\" is the slug of a show (shows/{alias}.json): an address cannot be both")));
        }
        if !shows.contains(slug.as_str()) {
            problems.push(Problem::new(&path, format!("leads to \"{slug}\", which is no show of the bundle (no shows/{slug}.json)")));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_round_trip_and_lead_somewhere() {
        let aliases = Aliases::new([("bgm-1".to_string(), "sousou-no-frieren".to_string()), ("bgm-2".to_string(), "kusuriya-no-hitorigoto".to_string())].into());
        let text = aliases.to_json();
        assert_eq!(text, "{\"schema\":1,\"aliases\":{\n\"bgm-1\":\"sousou-no-frieren\",\n\"bgm-2\":\"kusuriya-no-hitorigoto\"\n}}\n");
        assert_eq!(decode_aliases(&text).unwrap(), aliases);
        assert_eq!(aliases.target("bgm-1"), Some("sousou-no-frieren"));
        assert_eq!(aliases.target("sousou-no-frieren"), None);
        assert_eq!(decode_aliases(&Aliases::new(BTreeMap::new()).to_json()).unwrap(), Aliases::new(BTreeMap::new()));
        let shows: HashSet<&str> = ["sousou-no-frieren", "bgm-2"].into();
        let found = alias_problems(&aliases, &shows);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("is the slug of a show") || found[1].message.contains("is the slug of a show"));
        assert!(found.iter().any(|p| p.path == "aliases.bgm-2" && p.message.contains("no show of the bundle")));
        assert!(alias_problems(&aliases, &["sousou-no-frieren", "kusuriya-no-hitorigoto"].into()).is_empty());
    }

    #[test]
    fn broken_aliases_are_refused_at_their_path() {
        let problems = decode_aliases(r#"{"schema":1,"aliases":{"Bad Slug":"x","y":"y","z":"NO"}}"#).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["aliases.Bad Slug", "aliases.y", "aliases.z"], "{problems:?}");
        assert!(decode_aliases(r#"{"schema":2,"aliases":{}}"#).unwrap_err()[0].message.contains("unsupported schema"));
        assert!(decode_aliases(r#"{"schema":1,"aliases":[]}"#).is_err());
        assert!(decode_aliases("nope").is_err());
    }
}
