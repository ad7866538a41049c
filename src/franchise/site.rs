//! Official sites as evidence: two works are of one franchise by site when their sites are the
//! same page, one is a page under the other, or they share a registrable domain (`kaguya.love`,
//! `1st.kaguya.love`) that hosts one franchise only. A domain that hosts many unrelated works
//! (a TV station's, a studio's) counts only by page: `tv-tokyo.co.jp/anime/mirumo` and
//! `tv-tokyo.co.jp/anime/naruto` are not one franchise.

use std::collections::{BTreeMap, BTreeSet};

/// Second-level suffixes under which a registrable domain has three labels (`x.co.jp`).
const SECOND_LEVEL: &[&str] = &["co", "or", "ne", "ac", "go", "ed", "lg", "gr", "ad", "com", "net", "org", "edu", "gov"];

/// A site key (`host/path`, as [`crate::import`] folds official sites) split into its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub key: String,
    pub host: String,
    /// The registrable domain: `tv-tokyo.co.jp` of `www.tv-tokyo.co.jp`, `kaguya.love` of
    /// `1st.kaguya.love`.
    pub domain: String,
    /// The path without its leading slash ("" for the home page).
    pub path: String,
}

impl Site {
    pub fn of(key: &str) -> Site {
        let (host, path) = key.split_at(key.find('/').unwrap_or(key.len()));
        Site { key: key.to_string(), host: host.to_string(), domain: domain_of(host), path: path.trim_matches('/').to_string() }
    }

    /// This site is the other's, or a page under it (or the other under this one).
    pub fn same_page_or_under(&self, other: &Site) -> bool {
        let under = |a: &Site, b: &Site| a.host == b.host && (a.path == b.path || a.path.starts_with(&format!("{}/", b.path)) && !b.path.is_empty());
        under(self, other) || under(other, self)
    }
}

pub fn domain_of(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').collect();
    let keep = match labels.as_slice() {
        [.., second, top] if top.len() == 2 && SECOND_LEVEL.contains(second) => 3,
        _ => 2,
    };
    labels[labels.len().saturating_sub(keep)..].join(".")
}

/// The domains that host works of several franchises: a work's site there counts only by page.
/// `names` gives, for each site, a short name of the work's title; a domain is shared when its
/// works have three names or more that share no beginning.
pub fn shared_domains<'a>(sites: impl IntoIterator<Item = (&'a Site, &'a str)>) -> BTreeSet<String> {
    let mut names: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (site, name) in sites {
        names.entry(site.domain.as_str()).or_default().insert(name);
    }
    names
        .into_iter()
        .filter(|(_, names)| {
            // A name that continues a shorter one of the domain is that one's (蟲師 日蝕む翳 is
            // 蟲師's); the first three letters of the rest: enough to tell 化物語 from 鬼滅の刃,
            // and to keep 偽物語 and 猫物語 apart only when they really are three names.
            let heads: BTreeSet<String> = names
                .iter()
                .map(|name| {
                    let root = names.iter().filter(|other| other.chars().count() >= 2 && name.starts_with(**other)).min_by_key(|other| other.len()).unwrap_or(name);
                    root.chars().take(3).collect()
                })
                .collect();
            heads.len() >= 3
        })
        .map(|(domain, _)| domain.to_string())
        .collect()
}

/// How two sites agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// One page, or one a page under the other.
    Page,
    /// One registrable domain that hosts one franchise only.
    Domain,
}

/// Whether two sites are evidence of one franchise, how closely, and how to say so.
pub fn agree(a: &Site, b: &Site, shared: &BTreeSet<String>) -> Option<(Agreement, String)> {
    if a.key == b.key {
        if shared.contains(&a.domain) && a.path.is_empty() {
            return None;
        }
        return Some((Agreement::Page, format!("both have the official site {}", a.key)));
    }
    if a.same_page_or_under(b) && !(shared.contains(&a.domain) && (a.path.is_empty() || b.path.is_empty())) {
        let (outer, inner) = if a.key.len() < b.key.len() { (a, b) } else { (b, a) };
        return Some((Agreement::Page, format!("the official site {} is a page under {}", inner.key, outer.key)));
    }
    // One domain: the same host, or one of them the domain itself (kaguya.love and
    // 1st.kaguya.love); two subdomains of it may be two works' (blue. and lantern.example).
    // On one host, two pages of different sections are two works' (lovelive-anime.jp/nijigasaki
    // and lovelive-anime.jp/otonokizaka); its home page is every section's.
    let section = |s: &Site| s.path.split('/').next().unwrap_or_default().to_string();
    let one_host = if a.host == b.host { a.path.is_empty() || b.path.is_empty() || section(a) == section(b) } else { a.host == a.domain || b.host == b.domain };
    if a.domain == b.domain && one_host && !shared.contains(&a.domain) {
        return Some((Agreement::Domain, format!("both official sites are on {}", a.domain)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domains() {
        assert_eq!(domain_of("www.tv-tokyo.co.jp"), "tv-tokyo.co.jp");
        assert_eq!(domain_of("1st.kaguya.love"), "kaguya.love");
        assert_eq!(domain_of("kaguya.love"), "kaguya.love");
        assert_eq!(domain_of("anime.example.com"), "example.com");
        assert_eq!(domain_of("localhost"), "localhost");
    }

    #[test]
    fn a_shared_host_counts_only_by_page() {
        let mirumo = Site::of("tv-tokyo.co.jp/anime/mirumo");
        let mirumo_two = Site::of("tv-tokyo.co.jp/anime/mirumo/2nd");
        let naruto = Site::of("tv-tokyo.co.jp/anime/naruto");
        let home = Site::of("tv-tokyo.co.jp");
        let pairs = [(&mirumo, "ミルモ"), (&naruto, "NARUTO"), (&home, "ポケモン"), (&mirumo_two, "ミルモ")];
        let shared = shared_domains(pairs.iter().map(|(s, n)| (*s, *n)));
        assert!(shared.contains("tv-tokyo.co.jp"));
        assert!(agree(&mirumo, &mirumo_two, &shared).is_some());
        assert!(agree(&mirumo, &naruto, &shared).is_none());
        assert!(agree(&home, &naruto, &shared).is_none());
        assert!(agree(&home, &home, &shared).is_none());
    }

    #[test]
    fn names_that_continue_a_shorter_one_are_one_franchise() {
        let home = Site::of("mushishi-anime.com");
        let special = Site::of("mushishi-anime.com/hihamukage");
        let film = Site::of("mushishi-anime.com/movie");
        let shared = shared_domains([(&home, "蟲師"), (&special, "蟲師日蝕む翳"), (&film, "蟲師鈴の雫")]);
        assert!(shared.is_empty(), "{shared:?}");
        let station = shared_domains([(&home, "蟲師"), (&special, "化物語"), (&film, "鬼滅の刃")]);
        assert!(station.contains("mushishi-anime.com"));
    }

    #[test]
    fn a_franchise_domain_counts_whole() {
        let first = Site::of("kaguya.love/1st");
        let home = Site::of("kaguya.love");
        let sub = Site::of("ultra.kaguya.love");
        let shared = shared_domains([(&first, "かぐや様"), (&home, "かぐや様")]);
        assert!(agree(&first, &home, &shared).is_some());
        assert_eq!(agree(&sub, &home, &shared).unwrap().0, Agreement::Domain);
        assert_eq!(agree(&sub, &Site::of("other.kaguya.love"), &shared), None, "two subdomains");
        assert_eq!(agree(&Site::of("kaguya.love/2nd/a"), &Site::of("kaguya.love/2nd/b"), &shared).unwrap().0, Agreement::Domain);
        assert_eq!(agree(&Site::of("kaguya.love/2nd"), &Site::of("kaguya.love/film"), &shared), None, "two sections of one host");
        assert_eq!(agree(&first, &Site::of("kaguya.love/1st/story"), &shared).unwrap().0, Agreement::Page);
    }
}
