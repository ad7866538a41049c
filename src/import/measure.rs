//! The franchise fixtures (tests/fixtures/franchises/): the import's next seasons and season
//! links measured against hand labels, both ways. Precision is how many of the links (and next
//! seasons) the import makes are labelled right; recall is how many of the labelled ones it
//! makes. Every wrong label is printed, so that a change of the rules shows what it fixed and
//! what it broke.

use super::ImportOutcome;
use crate::bundle::{decode_show, Show};
use std::collections::{BTreeMap, BTreeSet};

/// One fixture's figures.
#[derive(Debug, Default)]
pub struct Figures {
    pub works: usize,
    pub next_right: usize,
    /// Next seasons named that are not the labelled one.
    pub next_wrong: usize,
    /// Labelled next seasons not named.
    pub next_missed: usize,
    pub links_right: usize,
    pub links_made: usize,
    pub links_labelled: usize,
}

impl Figures {
    pub fn next_precision(&self) -> f64 {
        ratio(self.next_right, self.next_right + self.next_wrong)
    }
    pub fn next_recall(&self) -> f64 {
        ratio(self.next_right, self.next_right + self.next_missed)
    }
    pub fn link_precision(&self) -> f64 {
        ratio(self.links_right, self.links_made)
    }
    pub fn link_recall(&self) -> f64 {
        ratio(self.links_right, self.links_labelled)
    }
    pub fn line(&self, name: &str) -> String {
        format!(
            "{name}: {} works; next season: precision {:.1} % ({} of {}), recall {:.1} % ({} of {}); franchise links: precision {:.1} % ({} of {}), recall {:.1} % ({} of {})",
            self.works,
            100.0 * self.next_precision(),
            self.next_right,
            self.next_right + self.next_wrong,
            100.0 * self.next_recall(),
            self.next_right,
            self.next_right + self.next_missed,
            100.0 * self.link_precision(),
            self.links_right,
            self.links_made,
            100.0 * self.link_recall(),
            self.links_right,
            self.links_labelled
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The labels of a fixture: (item, next, franchise, notes).
pub fn labels(fixture: &serde_json::Value) -> Vec<(usize, Option<usize>, BTreeSet<usize>, String)> {
    fixture["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .map(|l| {
            let item = l["item"].as_u64().expect("item") as usize;
            let next = l["next"].as_u64().map(|n| n as usize);
            let franchise = l["franchise"].as_array().expect("franchise").iter().map(|x| x.as_u64().expect("an item") as usize).collect();
            (item, next, franchise, l["notes"].as_str().unwrap_or_default().to_string())
        })
        .collect()
}

/// The measure of a fixture on an import of the whole data (`titles`: data.json's items' titles).
pub fn measure(name: &str, fixture: &serde_json::Value, outcome: &ImportOutcome, titles: &[String]) -> Figures {
    let item_of: BTreeMap<&str, usize> = outcome.slug_of_item.iter().map(|(item, slug)| (slug.as_str(), *item)).collect();
    let shows: BTreeMap<&str, Show> = outcome
        .shards
        .iter()
        .filter_map(|s| {
            let slug = s.file.trim_end_matches(".json");
            Some((slug, decode_show(&s.text, slug).ok()?))
        })
        .collect();
    let title = |i: usize| format!("#{i} {}", titles.get(i).map(String::as_str).unwrap_or("?"));
    let named = |n: Option<usize>| n.map_or("none".to_string(), title);
    let mut f = Figures::default();
    for (item, next, franchise, notes) in labels(fixture) {
        let Some(show) = outcome.slug_of_item.get(&item).and_then(|slug| shows.get(slug.as_str())) else {
            println!("{name}: {} is not imported", title(item));
            continue;
        };
        f.works += 1;
        let found = show.data_outlook.as_ref().and_then(|o| o.next.as_deref()).and_then(|slug| item_of.get(slug).copied());
        match (found, next) {
            (Some(a), Some(b)) if a == b => f.next_right += 1,
            (None, None) => {}
            _ => {
                f.next_wrong += usize::from(found.is_some());
                f.next_missed += usize::from(next.is_some());
                println!("{name}: wrong next season of {}: NextSeason found {}, labelled {} ({notes})", title(item), named(found), named(next));
            }
        }
        let linked: BTreeSet<usize> = show.related.iter().filter_map(|r| item_of.get(r.slug.as_str()).copied()).filter(|&i| i != item).collect();
        let labelled: BTreeSet<usize> = franchise.into_iter().filter(|&i| i != item).collect();
        f.links_made += linked.len();
        f.links_labelled += labelled.len();
        f.links_right += linked.intersection(&labelled).count();
        let extra: Vec<String> = linked.difference(&labelled).map(|&i| title(i)).collect();
        let missing: Vec<String> = labelled.difference(&linked).map(|&i| title(i)).collect();
        if !extra.is_empty() || !missing.is_empty() {
            println!("{name}: links of {}: not labelled {:?}; labelled, not linked {:?}", title(item), extra, missing);
        }
    }
    println!("{}", f.line(name));
    f
}

fn splitmix64(x: u64) -> u64 {
    let x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The random sample of a seed, as `find.py --draw` draws it: the first `n` TV and web items
/// ordered by splitmix64(seed · 2³² + index).
pub fn draw(types: &[String], seed: u64, n: usize) -> Vec<usize> {
    draw_where(&types.iter().map(|t| t == "tv" || t == "web").collect::<Vec<_>>(), seed, n)
}

/// The first `n` items whose `kept` is true, ordered by splitmix64(seed · 2³² + index): the
/// names samples draw the items with a Japanese title this way.
pub fn draw_where(kept: &[bool], seed: u64, n: usize) -> Vec<usize> {
    let mut population: Vec<usize> = kept.iter().enumerate().filter(|(_, &k)| k).map(|(i, _)| i).collect();
    population.sort_by_key(|&i| (splitmix64((seed << 32).wrapping_add(i as u64)), i));
    population.truncate(n);
    population
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draw_is_find_pys() {
        // find.py --draw 21 3 on any list whose items 1, 2 and 4 are TV or web.
        let types: Vec<String> = ["movie", "tv", "web", "ova", "tv"].iter().map(|s| s.to_string()).collect();
        let mut drawn = draw(&types, 21, 3);
        drawn.sort();
        assert_eq!(drawn, [1, 2, 4]);
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF, "splitmix64's first output from 0");
    }
}

/// A second labelling measured against the first as if it were an import: how often two
/// labellings of the same works, made apart, agree.
pub fn agreement(first: &serde_json::Value, second: &serde_json::Value) -> Figures {
    let theirs: BTreeMap<usize, (Option<usize>, BTreeSet<usize>)> = labels(second).into_iter().map(|(item, next, franchise, _)| (item, (next, franchise))).collect();
    let mut f = Figures::default();
    for (item, next, franchise, _) in labels(first) {
        let Some((found, linked)) = theirs.get(&item) else { continue };
        f.works += 1;
        match (*found, next) {
            (Some(a), Some(b)) if a == b => f.next_right += 1,
            (None, None) => {}
            (found, next) => {
                f.next_wrong += usize::from(found.is_some());
                f.next_missed += usize::from(next.is_some());
            }
        }
        let linked: BTreeSet<usize> = linked.iter().copied().filter(|&i| i != item).collect();
        let labelled: BTreeSet<usize> = franchise.into_iter().filter(|&i| i != item).collect();
        f.links_made += linked.len();
        f.links_labelled += labelled.len();
        f.links_right += linked.intersection(&labelled).count();
    }
    f
}
