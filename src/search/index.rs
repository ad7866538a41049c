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

/// The values of one facet over the whole catalogue, numbered once: value `n` of the facet is
/// number `first + n` of the index (numbers are unique across facets).
struct FacetValues {
    first: u32,
    keys: Vec<String>,
    labels: Vec<String>,
    /// The values (their numbers) in the filter's order.
    listed: Vec<u32>,
}

impl FacetValues {
    fn numbers(&self) -> std::ops::Range<u32> {
        self.first..self.first + self.keys.len() as u32
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
pub struct Index {
    pub entries: Vec<CatalogueEntry>,
    pub(super) haystacks: Vec<String>,
    /// Each show's words in Latin letters as they sound ([`sound_key`]), space-separated: where
    /// a typed word is not found as written, an English spelling finds its katakana reading.
    sounds: Vec<String>,
    /// Every show's names (title, native title, translations, other titles, romaji), folded
    /// without spaces, with the show, in the names' order: the shows whose name is what was
    /// typed, or begins so, are a range of it, found without a pass over the shows.
    names: Vec<(String, u32)>,
    facets: [FacetValues; FACETS],
    /// Entry i's values of every facet are `values[starts[i]..starts[i + 1]]`.
    values: Vec<u32>,
    starts: Vec<u32>,
    /// Each distinct place to watch (platform and regions) once, with its platform's number:
    /// the real catalogue has a few dozen for tens of thousands of offers.
    places: Vec<(Watchable, u32)>,
    /// Entry i's places are `entry_places[place_starts[i]..place_starts[i + 1]]`.
    entry_places: Vec<u32>,
    place_starts: Vec<u32>,
    pub(super) orders: [Vec<usize>; Sort::ALL.len()],
    /// Which filters the catalogue page offers, by [`Facet`] ([`worth_offering`]).
    pub offered: [bool; FACETS],
}

impl Index {
    pub fn new(catalogue: &Catalogue) -> Self {
        let entries = catalogue.shows.clone();
        let folded: Vec<String> = entries
            .iter()
            .map(|e| {
                // The slug too: it spells a title NextSeason could read only unsure of its words.
                let mut text = format!("{}\n{}", e.title, e.slug);
                let titles = e.native_title.iter().chain(&e.titles).map(|n| &n.text);
                for extra in titles.chain(&e.alt_titles).chain(&e.romaji).chain(&e.spelled).chain(&e.studios) {
                    text.push('\n');
                    text.push_str(extra);
                }
                fold_for_search(&text)
            })
            .collect();
        let mut names: Vec<(String, u32)> = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                let titles = e.native_title.iter().chain(&e.titles).map(|n| n.text.as_str());
                let all = std::iter::once(e.title.as_str()).chain(titles).chain(e.alt_titles.iter().chain(&e.romaji).map(String::as_str));
                all.map(move |t| (fold_for_search(t).replace(' ', ""), i as u32))
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        let sounds = folded.iter().map(|text| text.split_whitespace().filter_map(sound_key).collect::<Vec<_>>().join(" ")).collect();
        // Without spaces: a word typed whole finds a title written in two ("joshikousei" and
        // "Joshi Kousei"), as romaji's word breaks are anyone's.
        let haystacks = folded.into_iter().map(|text| text.replace(' ', "")).collect();

        let mut numbers: Vec<HashMap<String, u32>> = vec![HashMap::new(); FACETS];
        let mut facets: [FacetValues; FACETS] = std::array::from_fn(|_| FacetValues { first: 0, keys: Vec::new(), labels: Vec::new(), listed: Vec::new() });
        let mut per_facet: Vec<Vec<(usize, u32)>> = Vec::new();
        let mut offered = [false; FACETS];
        // Numbered facet by facet, so that each facet's values are a range of numbers.
        for (f, facet) in Facet::ALL.into_iter().enumerate() {
            let mut of_entries = Vec::new();
            for (i, entry) in entries.iter().enumerate() {
                for (key, label) in facet.values(entry) {
                    let values = &mut facets[f];
                    let n = *numbers[f].entry(key).or_insert_with_key(|key| {
                        values.keys.push(key.clone());
                        values.labels.push(label.into_owned());
                        values.keys.len() as u32 - 1
                    });
                    of_entries.push((i, n));
                }
            }
            offered[f] = worth_offering(facets[f].keys.len(), of_entries.len(), entries.len());
            per_facet.push(of_entries);
        }
        let mut first = 0;
        for (f, facet) in Facet::ALL.into_iter().enumerate() {
            let values = &mut facets[f];
            values.first = first;
            let mut listed: Vec<FacetValue> = values.keys.iter().zip(&values.labels).enumerate()
                .map(|(n, (key, label))| FacetValue { key: key.clone(), label: label.clone(), count: n }).collect();
            facet.sort(&mut listed);
            values.listed = listed.into_iter().map(|v| first + v.count as u32).collect();
            first += values.keys.len() as u32;
        }
        let mut by_entry: Vec<Vec<u32>> = vec![Vec::new(); entries.len()];
        for (f, of_entries) in per_facet.into_iter().enumerate() {
            for (i, n) in of_entries {
                by_entry[i].push(facets[f].first + n);
            }
        }
        let mut starts = Vec::with_capacity(entries.len() + 1);
        starts.push(0);
        let mut values = Vec::new();
        for numbers in by_entry {
            values.extend(numbers);
            starts.push(values.len() as u32);
        }

        let platforms = &facets[Facet::Platform as usize];
        let mut places: Vec<(Watchable, u32)> = Vec::new();
        let (mut entry_places, mut place_starts) = (Vec::new(), vec![0]);
        for entry in &entries {
            for place in &entry.watch {
                let n = match places.iter().position(|(p, _)| p == place) {
                    Some(n) => n,
                    None => {
                        let key = facet_key(&place.platform);
                        let platform = platforms.first + platforms.keys.iter().position(|k| *k == key).unwrap_or_default() as u32;
                        places.push((place.clone(), platform));
                        places.len() - 1
                    }
                };
                entry_places.push(n as u32);
            }
            place_starts.push(entry_places.len() as u32);
        }

        let titles: Vec<String> = entries.iter().map(|e| fold(&e.title)).collect();
        let orders = Sort::ALL.map(|sort| sort_order(sort, &entries, &titles));
        Index { entries, haystacks, sounds, names, facets, values, starts, places, entry_places, place_starts, orders, offered }
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
                if self.haystacks[i].contains(w.as_str()) {
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
                    let platform = self.places[place as usize].1;
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

/// The positions of `entries` in the order `sort` (stable: equal shows keep their places).
fn sort_order(sort: Sort, entries: &[CatalogueEntry], titles: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| compare(sort, (&entries[a], &titles[a]), (&entries[b], &titles[b])));
    order
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
