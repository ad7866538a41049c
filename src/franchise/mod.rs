//! Franchises and season chains (native only: the importer's, never the reader's).
//!
//! The works of the data are grouped into franchises by evidence ([`evidence`]: titles in each
//! language with their markers ([`markers`], [`title`]), and official sites ([`site`])). Each
//! franchise splits into continuities where a remake restarts the story, and each continuity is
//! ordered by premiere ([`continuity`]): a work's next season is the earliest later TV or web
//! season or part of its continuity. Every link keeps the reasons that made it, for the page.
//!
//! Works without a premiere date, and numbered seasons that began before a lower number, stay in
//! their franchise but out of its order: they are [`Franchises::unplaced`] with the reason.

pub mod continuity;
pub mod evidence;
pub mod markers;
pub mod site;
pub mod title;
#[cfg(test)]
mod tests;

pub use continuity::Role;
use crate::bundle::WorkKind;
use evidence::{Evidence, Titles};
use markers::MarkerKind;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// What the grouping reads of a work.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// Its title in its own language.
    pub native: &'a str,
    pub english: Vec<&'a str>,
    pub chinese: Vec<&'a str>,
    pub kind: WorkKind,
    pub begin_ms: Option<i64>,
    pub end_ms: Option<i64>,
    /// Its official site as `host/path`, folded (no scheme, no `www.`, no index page).
    pub site: Option<&'a str>,
}

impl Entry<'_> {
    /// Aired on one day or a few (a TV special), by its dates.
    pub fn is_single_broadcast(&self) -> bool {
        matches!((self.begin_ms, self.end_ms), (Some(b), Some(e)) if e >= b && e - b < 6 * 24 * 3600 * 1000)
    }
}

/// The franchises of a list of works, by index in that list.
#[derive(Debug)]
pub struct Franchises {
    /// Each work's franchise (an index into `franchises`).
    pub franchise_of: Vec<usize>,
    pub franchises: Vec<Vec<usize>>,
    /// Each work's continuity (an index into `continuities`).
    pub continuity_of: Vec<usize>,
    /// The members of each continuity in premiere order, the unplaced ones left out.
    pub continuities: Vec<Vec<usize>>,
    pub roles: Vec<Role>,
    pub next: Vec<Option<usize>>,
    /// Works kept out of their continuity's order, with why.
    pub unplaced: Vec<(usize, String)>,
    /// Works that start a new continuity within their franchise (remakes), with why.
    pub restarts: Vec<(usize, String)>,
    edges: Vec<evidence::Edge>,
    adjacent: Vec<Vec<(usize, usize)>>,
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut root = x;
    while parent[root] != root {
        root = parent[root];
    }
    let mut x = x;
    while parent[x] != root {
        let up = parent[x];
        parent[x] = root;
        x = up;
    }
    root
}

impl Franchises {
    pub fn group(entries: &[Entry]) -> Franchises {
        let titles: Vec<Titles> = entries.iter().map(Titles::of).collect();
        let edges = Evidence::gather(entries, &titles).edges;
        let n = entries.len();
        let mut parent: Vec<usize> = (0..n).collect();
        let mut adjacent = vec![Vec::new(); n];
        for (e, edge) in edges.iter().enumerate() {
            let (ra, rb) = (find(&mut parent, edge.a), find(&mut parent, edge.b));
            parent[ra.max(rb)] = ra.min(rb);
            adjacent[edge.a].push((edge.b, e));
            adjacent[edge.b].push((edge.a, e));
        }
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for w in 0..n {
            let root = find(&mut parent, w);
            by_root.entry(root).or_default().push(w);
        }
        let franchises: Vec<Vec<usize>> = by_root.into_values().collect();
        let mut franchise_of = vec![0; n];
        for (f, members) in franchises.iter().enumerate() {
            for &w in members {
                franchise_of[w] = f;
            }
        }
        let roles: Vec<Role> = entries.iter().zip(&titles).map(|(e, t)| Role::of(e, t)).collect();
        let mut out = Franchises {
            franchise_of,
            franchises: Vec::new(),
            continuity_of: vec![0; n],
            continuities: Vec::new(),
            roles,
            next: vec![None; n],
            unplaced: Vec::new(),
            restarts: Vec::new(),
            edges,
            adjacent,
        };
        for members in &franchises {
            out.split(entries, &titles, members);
        }
        let stems: Vec<&str> = titles.iter().map(|t| t.native().stem.as_str()).collect();
        for c in 0..out.continuities.len() {
            let members = out.continuities[c].clone();
            for &w in &members {
                out.next[w] = continuity::next_of(entries, &out.roles, &stems, &members, w);
            }
        }
        out.franchises = franchises;
        out.unplaced.sort();
        out.restarts.sort();
        out
    }

    /// One franchise into its continuities, each in premiere order.
    fn split(&mut self, entries: &[Entry], titles: &[Titles], members: &[usize]) {
        let mut dated: Vec<usize> = members.iter().copied().filter(|&w| entries[w].begin_ms.is_some()).collect();
        dated.sort_by_key(|&w| (entries[w].begin_ms, w));
        let mut starts: Vec<usize> = Vec::new();
        for (i, &w) in dated.iter().enumerate() {
            if i == 0 || self.roles[w] != Role::Season {
                continue;
            }
            if let Some(why) = continuity::restarts(entries, titles, w, &dated[..i]) {
                starts.push(i);
                self.restarts.push((w, why));
            }
        }
        let first = self.continuities.len();
        let restarted = starts.len() + 1;
        self.continuities.extend(std::iter::repeat_with(Vec::new).take(restarted));
        for (i, &w) in dated.iter().enumerate() {
            let c = first + starts.iter().filter(|&&s| s <= i).count();
            self.continuity_of[w] = c;
        }
        // A side series (chibi shorts, a side story) is its own continuity within the franchise:
        // the works of its name together, a later one whose name continues an earlier one's
        // included (ガルパ☆ピコ, then ガルパ☆ピコ～大盛り～).
        let mut sides: BTreeMap<(usize, &str), usize> = BTreeMap::new();
        for &w in &dated {
            if self.roles[w] == Role::SideStory {
                let stem = titles[w].native().stem.as_str();
                let earlier = sides.keys().find(|(c, s)| *c == self.continuity_of[w] && stem.starts_with(s)).map(|(_, s)| *s);
                let key = (self.continuity_of[w], earlier.unwrap_or(stem));
                let c = *sides.entry(key).or_insert_with(|| {
                    self.continuities.push(Vec::new());
                    self.continuities.len() - 1
                });
                self.continuity_of[w] = c;
            }
        }
        let count = self.continuities.len() - first;
        for &w in members.iter().filter(|&&w| entries[w].begin_ms.is_none()) {
            // A work alone has no order to be left out of.
            if members.len() > 1 {
                self.unplaced.push((w, "the data gives it no premiere date, so NextSeason cannot place it in its franchise's order".into()));
            }
            if restarted == 1 {
                self.continuity_of[w] = first;
            } else {
                // Which of the continuities it belongs to cannot be told: a continuity of its own.
                self.continuity_of[w] = self.continuities.len();
                self.continuities.push(Vec::new());
            }
        }
        // Numbered seasons out of their numbers' order are left out of the order.
        for c in first..first + count {
            let in_c: Vec<usize> = dated.iter().copied().filter(|&w| self.continuity_of[w] == c).collect();
            let mut placed = Vec::new();
            for (i, &w) in in_c.iter().enumerate() {
                let form = titles[w].native();
                let season = form.marker(MarkerKind::Season).and_then(|m| m.number);
                let higher_before = in_c[..i].iter().find(|&&e| {
                    let other = titles[e].native();
                    other.stem == form.stem && matches!((other.marker(MarkerKind::Season).and_then(|m| m.number), season), (Some(m), Some(s)) if m > s)
                });
                // A numbered later season that began before the unnumbered first of its name.
                let unnumbered = |e: usize| {
                    let other = titles[e].native();
                    other.stem == form.stem && other.markers.is_empty() && matches!(entries[e].kind, WorkKind::Tv | WorkKind::Web)
                };
                let first_after = season.filter(|n| *n >= 2 && !in_c[..i].iter().any(|&e| unnumbered(e))).and_then(|_| in_c[i + 1..].iter().find(|&&e| unnumbered(e)));
                match higher_before.or(first_after) {
                    Some(&e) => self.unplaced.push((w, format!("its title numbers it season {}, out of order with \"{}\" (which began {} it), so NextSeason leaves it out of the order", season.unwrap_or_default(), titles[e].native().shown, if entries[e].begin_ms < entries[w].begin_ms { "before" } else { "after" }))),
                    None => placed.push(w),
                }
            }
            self.continuities[c] = placed;
        }
    }

    /// The members of a work's continuity, in premiere order (itself included when placed).
    pub fn continuity(&self, w: usize) -> &[usize] {
        &self.continuities[self.continuity_of[w]]
    }

    pub fn is_placed(&self, w: usize) -> bool {
        self.continuity(w).contains(&w)
    }

    /// Why two works of a franchise are linked: the evidence between them, or the shortest chain
    /// of evidence through other works of the franchise.
    pub fn reason(&self, a: usize, b: usize) -> Option<String> {
        if self.franchise_of[a] != self.franchise_of[b] || a == b {
            return None;
        }
        let mut came_from: HashMap<usize, (usize, usize)> = HashMap::new();
        let mut queue = VecDeque::from([a]);
        while let Some(x) = queue.pop_front() {
            if x == b {
                break;
            }
            for &(y, e) in &self.adjacent[x] {
                if y != a && !came_from.contains_key(&y) {
                    came_from.insert(y, (x, e));
                    queue.push_back(y);
                }
            }
        }
        let mut path = Vec::new();
        let mut at = b;
        while at != a {
            let (from, e) = *came_from.get(&at)?;
            path.push(self.edges[e].reason.clone());
            at = from;
        }
        path.reverse();
        // A long chain is told by its ends: the page shows a sentence, not the whole franchise.
        Some(match path.len() {
            0..=2 => path.join("; and "),
            n => format!("{}; and, through {} other works of the franchise, {}", path[0], n - 1, path[n - 1]),
        })
    }
}
