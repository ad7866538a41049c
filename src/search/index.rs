//! The index built once per catalogue: folded titles, each show's filter values, the sort
//! orders; a search filters, counts facets and pages.

use super::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// Matches in all pages.
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// The shows of the requested page, in order (indexes into [`Index::entries`]).
    pub shown: Vec<usize>,
    /// Each facet's values with what they would give, the other filters kept.
    pub facets: FacetLists,
}

/// The values of one facet, numbered once: value `n` of the facet is number `first + n` of the
/// index (numbers are unique across facets, each facet's a range). Values are numbered in the
/// order first met; `first` moves when a facet before this one gains a value.
#[derive(Default)]
struct FacetValues {
    first: u32,
    keys: Vec<String>,
    labels: Vec<String>,
    /// The value of each key.
    numbers: HashMap<String, u32>,
    /// The values (their numbers) in the filter's order.
    listed: Vec<u32>,
    /// The shows' values summed, for [`worth_offering`].
    held: usize,
}

impl FacetValues {
    fn numbers(&self) -> std::ops::Range<u32> {
        self.first..self.first + self.keys.len() as u32
    }

    /// The value of `key` in this facet, numbered if new.
    fn number(&mut self, key: String, label: &str) -> u32 {
        let next = self.keys.len() as u32;
        *self.numbers.entry(key).or_insert_with_key(|key| {
            self.keys.push(key.clone());
            self.labels.push(label.to_string());
            next
        })
    }

    /// The values with a count, in the filter's order.
    fn counted(&self, counts: &[u32]) -> Vec<FacetValue> {
        self.listed
            .iter()
            .filter(|&&n| counts[n as usize] > 0)
            .map(|&n| {
                let at = (n - self.first) as usize;
                FacetValue { key: self.keys[at].clone(), label: self.labels[at].clone(), count: counts[n as usize] as usize }
            })
            .collect()
    }
}

/// The catalogue prepared for searching: folded text, every show's facet values as numbers, its
/// places to watch, and the sort orders, computed once, so that each keystroke costs one pass
/// over the shows and allocates only for the page it shows and one count per facet value.
///
/// It grows: [`Index::add`] takes the shows of a chunk of the search index as it arrives, in
/// any order, each with its position in the catalogue's default order, so that a search lists
/// what has arrived while the rest loads, in the order the whole catalogue would give.
#[derive(Default)]
pub struct Index {
    pub entries: Vec<CatalogueEntry>,
    /// Each entry's position in the catalogue's default order: equal shows keep it in every
    /// order, whatever order the chunks arrived in.
    ranks: Vec<u32>,
    pub(super) haystacks: Haystacks,
    /// Each show's words in Latin letters as they sound ([`sound_key`]), space-separated: where
    /// a typed word is not found as written, an English spelling finds its katakana reading.
    sounds: Vec<String>,
    /// Every show's names (title, native title, translations, other titles, romaji), folded
    /// without spaces, with the show, in the names' order: the shows whose name is what was
    /// typed, or begins so, are a range of it, found without a pass over the shows.
    names: Vec<(String, u32)>,
    facets: [FacetValues; FACETS],
    /// Each entry's values as (facet, its number in the facet), entry i's at
    /// `starts[i]..starts[i + 1]`; `values` the same as numbers of the index.
    local: Vec<(u8, u32)>,
    values: Vec<u32>,
    starts: Vec<u32>,
    /// Each distinct place to watch (platform and regions) once, with its platform's number in
    /// the platform facet: the real catalogue has a few dozen for tens of thousands of offers.
    places: Vec<(Watchable, u32)>,
    /// Entry i's places are `entry_places[place_starts[i]..place_starts[i + 1]]`.
    entry_places: Vec<u32>,
    place_starts: Vec<u32>,
    /// Each entry's folded title, for the orders by title.
    titles: Vec<String>,
    pub(super) orders: [Vec<usize>; Sort::ALL.len()],
    /// Which filters the catalogue page offers, by [`Facet`] ([`worth_offering`]).
    pub offered: [bool; FACETS],
}

/// Every show's searchable text, one after the other in one buffer: a keystroke reads them all
/// in a pass, and read from one place they stream through the cache, where a string apiece,
/// allocated among the rest of a chunk's work as it arrives, cost 2.3 times as much at 100,000
/// shows (BENCHMARKS.md, §6).
#[derive(Default)]
pub(super) struct Haystacks {
    text: String,
    ends: Vec<u32>,
}

impl Haystacks {
    fn push(&mut self, haystack: &str) {
        self.text.push_str(haystack);
        self.ends.push(self.text.len() as u32);
    }

    /// Show `i`'s text.
    pub(super) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }
}

impl Index {
    /// The index of a whole catalogue, its shows in the default order.
    pub fn new(catalogue: &Catalogue) -> Self {
        let mut index = Index::default();
        index.add(&catalogue.shows, 0);
        index
    }

    /// Adds `entries`, the shows at positions `first..` of the catalogue's default order.
    pub fn add(&mut self, entries: &[CatalogueEntry], first: usize) {
        self.add_prepared(entries, Prepared::of(entries, first));
    }

    /// Adds `entries`, which `prepared` was made of ([`Prepared::of`], the costly part, done
    /// apart so that the browser can be let in between): what is left is numbering and merging
    /// into what the index holds, one pass over it.
    pub fn add_prepared(&mut self, entries: &[CatalogueEntry], prepared: Prepared) {
        assert_eq!(prepared.haystacks.len(), entries.len(), "prepared from these entries");
        let from = self.entries.len();
        if self.starts.is_empty() {
            self.starts.push(0);
            self.place_starts.push(0);
        }
        let Prepared { haystacks, sounds, mut names, titles, values, ranks, orders } = prepared;
        for haystack in &haystacks {
            self.haystacks.push(haystack);
        }
        self.sounds.extend(sounds);
        self.titles.extend(titles);
        self.ranks.extend(ranks);
        for (e, values) in entries.iter().zip(values) {
            for (f, key, label) in values {
                let n = self.facets[f as usize].number(key, &label);
                self.facets[f as usize].held += 1;
                self.local.push((f, n));
            }
            self.starts.push(self.local.len() as u32);
            for place in &e.watch {
                let n = match self.places.iter().position(|(p, _)| p == place) {
                    Some(n) => n,
                    None => {
                        let platforms = &self.facets[Facet::Platform as usize];
                        let platform = platforms.numbers.get(&facet_key(&place.platform)).copied().unwrap_or_default();
                        self.places.push((place.clone(), platform));
                        self.places.len() - 1
                    }
                };
                self.entry_places.push(n as u32);
            }
            self.place_starts.push(self.entry_places.len() as u32);
        }
        // The names numbered their shows from 0: they follow the shows already in.
        names.iter_mut().for_each(|(_, show)| *show += from as u32);
        self.entries.extend_from_slice(entries);
        self.names = merge(std::mem::take(&mut self.names), names, |a, b| a < b);

        // Numbered facet by facet, so that each facet's values are a range of numbers.
        let mut next = 0;
        for (f, facet) in Facet::ALL.into_iter().enumerate() {
            let values = &mut self.facets[f];
            values.first = next;
            let mut listed: Vec<FacetValue> = values.keys.iter().zip(&values.labels).enumerate()
                .map(|(n, (key, label))| FacetValue { key: key.clone(), label: label.clone(), count: n }).collect();
            facet.sort(&mut listed);
            values.listed = listed.into_iter().map(|v| next + v.count as u32).collect();
            next += values.keys.len() as u32;
            self.offered[f] = worth_offering(values.keys.len(), values.held, self.entries.len());
        }
        let firsts: [u32; FACETS] = std::array::from_fn(|f| self.facets[f].first);
        self.values = self.local.iter().map(|&(f, n)| firsts[f as usize] + n).collect();

        let (entries, titles, ranks) = (&self.entries, &self.titles, &self.ranks);
        for ((sort, order), added) in Sort::ALL.into_iter().zip(&mut self.orders).zip(orders) {
            // The new shows, sorted when prepared, merged into the order so far.
            let added = added.into_iter().map(|k| from + k as usize).collect();
            let cmp = |&a: &usize, &b: &usize| compare(sort, (&entries[a], &titles[a]), (&entries[b], &titles[b])).then(ranks[a].cmp(&ranks[b]));
            *order = merge(std::mem::take(order), added, |a, b| cmp(a, b) == Ordering::Less);
        }
    }

    /// How many shows the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn search(&self, query: &Query) -> Results {
        let words: Vec<String> = fold_for_search(&query.text).split_whitespace().map(str::to_string).collect();
        // How each typed word sounds, where it is long enough to say something (four letters).
        let sounds: Vec<Option<String>> = words.iter().map(|w| sound_key(w).filter(|k| w.len() >= 4 && k.len() >= 2)).collect();
        // The chosen filters, each as (facet, the value's number), looked up once; a key no
        // show has matches nothing.
        let chosen: Vec<(usize, Option<u32>)> = (0..FACETS)
            .filter_map(|f| {
                let key = query.filters[f].as_ref()?;
                let values = &self.facets[f];
                Some((f, values.keys.iter().position(|k| k == key).map(|n| values.first + n as u32)))
            })
            .collect();
        // With a region, which places serve it (a country the table lacks is served by none),
        // and a show is on the platforms of those of its places only.
        let serving: Option<Vec<bool>> = query.region.as_deref().map(|code| {
            let country = regions::country(code);
            self.places.iter().map(|(p, _)| country.is_some_and(|c| c.can_use(&p.only, &p.except))).collect()
        });
        let platforms = self.facets[Facet::Platform as usize].numbers();
        const PLATFORM: usize = Facet::Platform as usize;
        const REGION: u32 = 1 << FACETS;

        let order = &self.orders[Sort::ALL.iter().position(|s| *s == query.sort).unwrap_or(0)];
        let first = (query.page.max(1) - 1) * PAGE_SIZE;
        let mut counts = vec![0u32; platforms.end as usize];
        let mut partial_counts = vec![0u32; platforms.end as usize];
        let mut usable: Vec<u32> = Vec::new();
        // A title typed whole (three words or more) may differ from the show's by a word in
        // three: a kanji read another way ("Flashback" for 残像). Such a show matches too, when
        // the shows with all the words are few.
        let missable = words.len() / 3;
        // The matches in tiers, each in the chosen order (see [`Tier`]); a tier keeps only the
        // shows the requested page could reach, and counts the rest.
        let mut tiers: [Tier; 5] = std::array::from_fn(|_| Tier::default());
        let reach = first + PAGE_SIZE;
        // Each show's best name tier (named as typed, a name beginning so), from the range of
        // names that begin with what was typed. A prefix that begins more than
        // `BEGUN_AT_MOST` names ("s") singles out nothing: only names equal to it are ranked then,
        // so that a keystroke never walks most of the catalogue's names.
        let typed: String = words.concat();
        let mut name_tier: Vec<u8> = Vec::new();
        if !typed.is_empty() {
            name_tier = vec![Tier::REST as u8; self.entries.len()];
            let from = self.names.partition_point(|(name, _)| name.as_str() < typed.as_str());
            let begun = self.names[from..].iter().take_while(|(name, _)| name.starts_with(typed.as_str()));
            let ranked: Box<dyn Iterator<Item = &(String, u32)>> = match begun.clone().nth(BEGUN_AT_MOST) {
                None => Box::new(begun),
                Some(_) => Box::new(self.names[from..].iter().take_while(|(name, _)| *name == typed)),
            };
            for (name, show) in ranked {
                let tier = if *name == typed { Tier::NAMED } else { Tier::BEGUN } as u8;
                let best = &mut name_tier[*show as usize];
                *best = (*best).min(tier);
            }
        }
        for &i in order {
            let (mut missed, mut sounded) = (0, 0);
            for (w, sound) in words.iter().zip(&sounds) {
                if self.haystacks.get(i).contains(w.as_str()) {
                    continue;
                } else if sound.as_ref().is_some_and(|k| self.sounds[i].contains(k.as_str())) {
                    sounded += 1;
                } else {
                    missed += 1;
                    if missed > missable {
                        break;
                    }
                }
            }
            if missed > missable {
                continue;
            }
            let values = &self.values[self.starts[i] as usize..self.starts[i + 1] as usize];
            // The filters this show fails, one bit each.
            let mut failed = 0u32;
            if let Some(serving) = &serving {
                usable.clear();
                for &place in &self.entry_places[self.place_starts[i] as usize..self.place_starts[i + 1] as usize] {
                    let platform = platforms.start + self.places[place as usize].1;
                    if serving[place as usize] && !usable.contains(&platform) {
                        usable.push(platform);
                    }
                }
                if usable.is_empty() {
                    failed |= REGION;
                }
            }
            for &(f, n) in &chosen {
                let has = match n {
                    Some(n) if f == PLATFORM && serving.is_some() => usable.contains(&n),
                    Some(n) => values.contains(&n),
                    None => false,
                };
                if !has {
                    failed |= 1 << f;
                }
            }
            // Each facet counts what its values would give with the other filters kept: a
            // match counts for every facet, a show failing one facet's filter alone for it.
            let counted = match failed {
                0 => {
                    let tier = match (missed, sounded) {
                        (0, 0) => name_tier.get(i).map_or(Tier::REST, |&t| t as usize),
                        (0, _) => Tier::SOUNDING,
                        _ => Tier::PARTIAL,
                    };
                    tiers[tier].add(i, reach);
                    0..platforms.end
                }
                REGION => continue,
                one if one.is_power_of_two() => self.facets[one.trailing_zeros() as usize].numbers(),
                _ => continue,
            };
            // A show with a word missing counts apart: it is listed only if the others are few.
            let counts = if missed > 0 { &mut partial_counts } else { &mut counts };
            match serving {
                None => values.iter().filter(|n| counted.contains(n)).for_each(|&n| counts[n as usize] += 1),
                Some(_) => {
                    let usable = usable.iter().filter(|n| counted.contains(n));
                    values.iter().filter(|n| counted.contains(n) && !platforms.contains(n)).chain(usable).for_each(|&n| counts[n as usize] += 1);
                }
            }
        }

        // The shows with a word missing are listed only when the others do not fill a page.
        let mut total: usize = tiers[..Tier::PARTIAL].iter().map(|t| t.count).sum();
        if total >= PAGE_SIZE {
            tiers[Tier::PARTIAL] = Tier::default();
        } else {
            total += tiers[Tier::PARTIAL].count;
            counts.iter_mut().zip(&partial_counts).for_each(|(c, p)| *c += p);
        }
        let shown: Vec<usize> = tiers.into_iter().flat_map(|t| t.kept).skip(first).take(PAGE_SIZE).collect();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let page = query.page.clamp(1, pages);
        if page < query.page {
            // A page past the end shows the last one.
            return self.search(&Query { page, ..query.clone() });
        }
        Results { total, page, pages, shown, facets: std::array::from_fn(|f| self.facets[f].counted(&counts)) }
    }
}

/// Two sorted lists as one; of equals, `a`'s first. Each of `b` (the few new) is placed by a
/// binary search in `a` (the many): comparisons grow with the new ones, not with the index.
fn merge<T>(a: Vec<T>, b: Vec<T>, less: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let mut at = 0;
    let cuts: Vec<usize> = b
        .iter()
        .map(|y| {
            at += a[at..].partition_point(|x| !less(y, x));
            at
        })
        .collect();
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let mut a = a.into_iter();
    let mut taken = 0;
    for (cut, y) in cuts.into_iter().zip(b) {
        merged.extend(a.by_ref().take(cut - taken));
        taken = cut;
        merged.push(y);
    }
    merged.extend(a);
    merged
}

/// The costly part of indexing shows, done apart from the index ([`Index::add_prepared`]): their
/// folded text and names, their facet values, and their orders among themselves.
pub struct Prepared {
    haystacks: Vec<String>,
    sounds: Vec<String>,
    /// Each show's names, the shows numbered from 0 here, sorted.
    names: Vec<(String, u32)>,
    titles: Vec<String>,
    /// Each show's facet values as (facet, key, label).
    values: Vec<Vec<(u8, String, String)>>,
    ranks: Vec<u32>,
    /// The shows (from 0 here) in each order of [`Sort::ALL`].
    orders: [Vec<u32>; Sort::ALL.len()],
}

impl Prepared {
    /// `entries`, the shows at positions `first..` of the catalogue's default order.
    pub fn of(entries: &[CatalogueEntry], first: usize) -> Self {
        let mut p = Prepared { haystacks: Vec::new(), sounds: Vec::new(), names: Vec::new(), titles: Vec::new(), values: Vec::new(), ranks: Vec::new(), orders: Default::default() };
        for (i, e) in entries.iter().enumerate() {
            // The slug too: it spells a title NextSeason could read only unsure of its words.
            let mut text = format!("{}\n{}", e.title, e.slug);
            let titles = e.native_title.iter().chain(&e.titles).map(|n| &n.text);
            for extra in titles.chain(&e.alt_titles).chain(&e.romaji).chain(&e.spelled).chain(&e.studios) {
                text.push('\n');
                text.push_str(extra);
            }
            let folded = fold_for_search(&text);
            let titles = e.native_title.iter().chain(&e.titles).map(|n| n.text.as_str());
            let all = std::iter::once(e.title.as_str()).chain(titles).chain(e.alt_titles.iter().chain(&e.romaji).map(String::as_str));
            p.names.extend(all.map(|t| (fold_for_search(t).replace(' ', ""), i as u32)));
            p.sounds.push(folded.split_whitespace().filter_map(sound_key).collect::<Vec<_>>().join(" "));
            // Without spaces: a word typed whole finds a title written in two ("joshikousei" and
            // "Joshi Kousei"), as romaji's word breaks are anyone's.
            p.haystacks.push(folded.replace(' ', ""));
            p.titles.push(fold(&e.title));
            p.values.push(Facet::ALL.into_iter().enumerate().flat_map(|(f, facet)| facet.values(e).into_iter().map(move |(key, label)| (f as u8, key, label.into_owned()))).collect());
            p.ranks.push((first + i) as u32);
        }
        p.names.sort_unstable();
        p.names.dedup();
        let (titles, ranks) = (&p.titles, &p.ranks);
        p.orders = Sort::ALL.map(|sort| {
            let mut order: Vec<u32> = (0..entries.len() as u32).collect();
            order.sort_by(|&a, &b| {
                let (a, b) = (a as usize, b as usize);
                compare(sort, (&entries[a], &titles[a]), (&entries[b], &titles[b])).then(ranks[a].cmp(&ranks[b]))
            });
            order
        });
        p
    }
}

/// The most names a prefix may begin for "a name beginning so" to rank shows (see `search`).
const BEGUN_AT_MOST: usize = 2000;

/// The shows of one tier of a search's matches, in the chosen order: those the requested page
/// could reach, and how many there are. The tiers, in the order they are listed: shows named
/// what was typed, then a name beginning so ("magi" finds Magi before Magical Girl…), then the
/// other shows with every word as typed; then those with some words only as they sound; then
/// those with a word missing.
#[derive(Default)]
struct Tier {
    kept: Vec<usize>,
    count: usize,
}

impl Tier {
    const NAMED: usize = 0;
    const BEGUN: usize = 1;
    const REST: usize = 2;
    const SOUNDING: usize = 3;
    const PARTIAL: usize = 4;

    fn add(&mut self, show: usize, reach: usize) {
        if self.kept.len() < reach {
            self.kept.push(show);
        }
        self.count += 1;
    }
}

/// Two shows in the order `sort`, given their folded titles.
fn compare(sort: Sort, a: (&CatalogueEntry, &str), b: (&CatalogueEntry, &str)) -> Ordering {
    match sort {
        Sort::Updated => default_cmp_folded(a, b),
        Sort::Title => a.1.cmp(b.1),
        Sort::Newest => by_date_then_title((a.0.premiere, a.1), (b.0.premiere, b.1), true),
        Sort::Oldest => by_date_then_title((a.0.premiere, a.1), (b.0.premiere, b.1), false),
        Sort::Soonest => soonest_cmp_folded(a, b),
        Sort::Odds => odds_cmp_folded(a, b),
    }
}

/// Which filters the catalogue page offers, from the head's facets of the whole catalogue.
pub fn offered_facets(lists: &FacetLists, total: usize) -> [bool; FACETS] {
    std::array::from_fn(|f| worth_offering(lists[f].len(), lists[f].iter().map(|v| v.count).sum(), total))
}

/// The head's facets as the filters show them.
pub fn facet_values(facets: &Facets) -> FacetLists {
    let labels = |values: &[LabelCount]| values.iter().map(|v| FacetValue { key: facet_key(&v.label), label: v.label.clone(), count: v.count }).collect();
    let statuses = facets.statuses.iter().map(|v| FacetValue { key: v.status.key().to_string(), label: v.status.label().to_string(), count: v.count }).collect();
    let kinds = facets.kinds.iter().map(|v| FacetValue { key: v.kind.key().to_string(), label: v.kind.label().to_string(), count: v.count }).collect();
    // In the order of `Facet::ALL`.
    [labels(&facets.genres), labels(&facets.studios), statuses, kinds, labels(&facets.years), labels(&facets.seasons), labels(&facets.platforms)]
}
