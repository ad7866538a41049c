//! The catalogue as files: the head (`index.json`) and its parts (`index/<n>.json`), which file
//! holds which entry, how a catalogue is split into them, and the rules of their entries.

use super::problem::Problem;
use super::schema::*;
use super::facets::facets;
use super::season_status::SeasonStatus;
use super::field_rules::{check_native, check_regions, check_slug, check_text};
use crate::dates::PartialDate;
use crate::text::fold;
use std::cmp::Ordering;

/// Shows on one page of the catalogue's results; the head is sized by it.
pub const PAGE_SIZE: usize = 24;

/// Shows in the head's "Coming next": two rows of the catalogue's cards at its widest.
pub const COMING_SIZE: usize = 6;

/// Entries in `data/index.json`: two screens of the catalogue page, so that its first pages
/// need no other file.
pub const HEAD_SIZE: usize = 2 * PAGE_SIZE;
/// Entries per part file: large, so that loading the whole catalogue is a few dozen requests
/// at 100,000 shows, not thousands.
pub const PART_SIZE: usize = 2000;

/// Shows in the first chunk: the newest, those a first search most likely wants, small so that
/// they arrive first.
pub const FIRST_CHUNK: usize = 1000;
/// Shows in each later chunk: small enough that indexing one stays a short task in the browser.
pub const CHUNK: usize = 2000;

/// How many shows each chunk of a catalogue of `total` shows holds.
pub fn search_chunk_sizes(total: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = total;
    while left > 0 {
        let size = left.min(if sizes.is_empty() { FIRST_CHUNK } else { CHUNK });
        sizes.push(size);
        left -= size;
    }
    sizes
}

/// Where the entries of the default order are kept: the first `head` in index.json, then
/// `part_size` in each part file. Pure arithmetic, shared by the writer, the checks and the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub total: usize,
    pub head: usize,
    pub part_size: usize,
}

impl Layout {
    /// How many part files the entries after the head need.
    pub fn parts(&self) -> usize {
        self.total.saturating_sub(self.head).div_ceil(self.part_size.max(1))
    }

    /// The file holding entry `i` (0 for the head, n for `index/<n>.json`) and its place there.
    pub fn locate(&self, i: usize) -> (usize, usize) {
        match i.checked_sub(self.head) {
            None => (0, i),
            Some(after) => (1 + after / self.part_size.max(1), after % self.part_size.max(1)),
        }
    }

    /// The entries (positions in the default order) that file `n` holds; 0 is the head.
    pub fn range_of(&self, n: usize) -> std::ops::Range<usize> {
        let (start, end) = match n {
            0 => (0, self.head),
            n => (self.head + (n - 1) * self.part_size, self.head + n * self.part_size),
        };
        start.min(self.total)..end.min(self.total)
    }
}

impl CatalogueHead {
    pub fn layout(&self) -> Layout {
        Layout { total: self.total, head: self.shows.len(), part_size: self.part_size }
    }

    /// The problem with part `n` holding `count` entries, when the head says otherwise.
    pub fn part_count_problem(&self, n: usize, count: usize) -> Option<Problem> {
        let expected = self.layout().range_of(n).len();
        (count != expected).then(|| {
            Problem::new("shows", format!("has {count} entries; index.json says part {n} holds {expected} (total {}, part_size {})", self.total, self.part_size))
        })
    }
}

/// The head and the parts of a catalogue holding `entries`, in the default order, with
/// `head_size` entries in the head and `part_size` in each part (the `index` and `synthetic`
/// commands write these; the constants [`HEAD_SIZE`] and [`PART_SIZE`] are the defaults).
pub fn catalogue_files(entries: Vec<CatalogueEntry>, head_size: usize, part_size: usize) -> (CatalogueHead, Vec<CataloguePart>) {
    let part_size = part_size.max(1);
    let facets = facets(&entries);
    let (coming, coming_total) = coming_next(&entries);
    let order = default_order(&entries);
    let total = entries.len();
    let mut slots: Vec<Option<CatalogueEntry>> = entries.into_iter().map(Some).collect();
    let mut ordered = order.into_iter().filter_map(|i| slots[i].take());
    let shows: Vec<CatalogueEntry> = ordered.by_ref().take(head_size).collect();
    let layout = Layout { total, head: shows.len(), part_size };
    let parts = (1..=layout.parts())
        .map(|part| CataloguePart { schema: SCHEMA_VERSION, part, shows: ordered.by_ref().take(part_size).collect() })
        .collect();
    let search_chunks = search_chunk_sizes(total);
    (CatalogueHead { schema: SCHEMA_VERSION, total, part_size, parts: layout.parts(), facets, shows, coming, coming_total, search_chunks }, parts)
}

/// Two shows by a date, newest or oldest first, shows without one last whatever the direction;
/// then by their folded titles. Every dated order of the catalogue compares so.
pub fn by_date_then_title(a: (Option<PartialDate>, &str), b: (Option<PartialDate>, &str), newest_first: bool) -> Ordering {
    let dates = match (a.0.map(PartialDate::earliest_day), b.0.map(PartialDate::earliest_day)) {
        (Some(x), Some(y)) if newest_first => y.cmp(&x),
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    dates.then_with(|| a.1.cmp(b.1))
}

/// How two shows compare in the catalogue's default order, given their folded titles: last
/// updated first, undated last; then the latest premiere first (the imported works have no
/// article dates: the newest and announced seasons open the catalogue, not the titles that sort
/// first), undated last; then by title. index.json and its parts are written in this order, so
/// that a page of the unfiltered catalogue is a slice of those files; it is the catalogue page's
/// "Recently updated".
pub fn default_cmp_folded(a: (&CatalogueEntry, &str), b: (&CatalogueEntry, &str)) -> Ordering {
    by_date_then_title((a.0.updated, ""), (b.0.updated, ""), true)
        .then_with(|| by_date_then_title((a.0.premiere, a.1), (b.0.premiere, b.1), true))
}

/// "Next season soonest": the shows whose next season is coming first: on the air now, the
/// latest to premiere first (a series on the air since 1995 is no news); then dated and then
/// announced, each by when it begins at the latest ("2027" after "2027-01-10": a day is sure, a
/// year may be its end), an unknown beginning last. Then the others in the default order.
pub fn soonest_cmp_folded(a: (&CatalogueEntry, &str), b: (&CatalogueEntry, &str)) -> Ordering {
    soonest_key(a.0).cmp(&soonest_key(b.0)).then_with(|| default_cmp_folded(a, b))
}

/// Where a show stands in "next season soonest": its group, then days to compare in it.
fn soonest_key(entry: &CatalogueEntry) -> (u8, bool, i64) {
    let day = |e: &CatalogueEntry, latest: bool| e.next.map(|d| if latest { d.latest_day() } else { d.earliest_day() }).map(|(y, m, d)| crate::dates::days_from_civil(y, m, d));
    match SeasonStatus::of(entry.status, entry.data_status) {
        Some(SeasonStatus::Airing) => (0, entry.next.is_none(), -day(entry, false).unwrap_or(0)),
        Some(SeasonStatus::Dated) => (1, entry.next.is_none(), day(entry, true).unwrap_or(0)),
        Some(SeasonStatus::Announced) => (2, entry.next.is_none(), day(entry, true).unwrap_or(0)),
        _ => (3, false, 0),
    }
}

/// "Best odds": the highest odds from history first, shows without odds last; then the
/// default order.
pub fn odds_cmp_folded(a: (&CatalogueEntry, &str), b: (&CatalogueEntry, &str)) -> Ordering {
    b.0.odds.cmp(&a.0.odds).then_with(|| default_cmp_folded(a, b))
}

/// The head's "Coming next" ([`COMING_SIZE`] shows by "next season soonest") and how many shows
/// have a next season coming.
pub fn coming_next(entries: &[CatalogueEntry]) -> (Vec<CatalogueEntry>, usize) {
    let mut coming: Vec<(&CatalogueEntry, String)> = entries
        .iter()
        .filter(|e| SeasonStatus::of(e.status, e.data_status).is_some_and(SeasonStatus::is_coming))
        .map(|e| (e, fold(&e.title)))
        .collect();
    coming.sort_by(|a, b| soonest_cmp_folded((a.0, &a.1), (b.0, &b.1)));
    let total = coming.len();
    (coming.into_iter().take(COMING_SIZE).map(|(e, _)| e.clone()).collect(), total)
}

/// How two shows compare in the default order (for checking a written index).
pub fn default_cmp(a: &CatalogueEntry, b: &CatalogueEntry) -> Ordering {
    default_cmp_folded((a, &fold(&a.title)), (b, &fold(&b.title)))
}

/// The positions of `entries` in the default order (stable: equal shows keep their places, so
/// that written files read back in the same order).
pub fn default_order(entries: &[CatalogueEntry]) -> Vec<usize> {
    let titles: Vec<String> = entries.iter().map(|e| fold(&e.title)).collect();
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| default_cmp_folded((&entries[a], &titles[a]), (&entries[b], &titles[b])));
    order
}

/// The rules of a catalogue file's `shows`, each entry by itself and no slug twice.
pub(super) fn check_entries(entries: &[CatalogueEntry], problems: &mut Vec<Problem>) {
    let mut seen = std::collections::HashSet::new();
    for (i, entry) in entries.iter().enumerate() {
        let at = |field: &str| format!("shows[{i}].{field}");
        check_slug(&at("slug"), &entry.slug, problems);
        if !seen.insert(entry.slug.as_str()) {
            problems.push(Problem::new(at("slug"), format!("\"{}\" is listed twice", entry.slug)));
        }
        check_text(&at("title"), &entry.title, problems);
        check_native(&at("native_title"), entry.native_title.as_ref(), problems);
        for (j, title) in entry.titles.iter().enumerate() {
            check_native(&at(&format!("titles[{j}]")), Some(title), problems);
        }
        for (list, values) in [("alt_titles", &entry.alt_titles), ("studios", &entry.studios), ("genres", &entry.genres)] {
            for (j, value) in values.iter().enumerate() {
                check_text(&at(&format!("{list}[{j}]")), value, problems);
            }
        }
        if let Some(odds) = entry.odds.filter(|o| *o > 100) {
            problems.push(Problem::new(at("odds"), format!("is {odds} but is a percentage, 0 to 100")));
        }
        for (j, place) in entry.watch.iter().enumerate() {
            check_text(&at(&format!("watch[{j}].platform")), &place.platform, problems);
            check_regions(&at(&format!("watch[{j}].")), &place.only, &place.except, problems);
        }
    }
}

impl CatalogueEntry {
    /// The catalogue's entry for a show, as index.json must say it (the `index` command writes
    /// it, `check` compares it).
    pub fn of(show: &Show) -> Self {
        CatalogueEntry {
            slug: show.slug.clone(),
            title: show.title.clone(),
            native_title: show.native_title.clone(),
            alt_titles: show.alt_titles.clone(),
            titles: show.titles.clone(),
            romaji: show.romaji.clone().filter(|r| *r != show.title),
            spelled: show.spelled.clone(),
            studios: show.studios.clone(),
            genres: show.genres.clone(),
            premiere: show.premiere,
            status: show.outlook.as_ref().map(|o| o.status),
            // The data's reading and its odds stand only where the editor wrote no outlook.
            data_status: show.data_outlook.as_ref().filter(|_| show.outlook.is_none()).map(|d| d.status),
            odds: show.data_outlook.as_ref().filter(|_| show.outlook.is_none()).and_then(|d| d.odds.as_ref()).map(|o| o.percent),
            next: next_premiere(show),
            updated: show.article.updated.or(show.article.published),
            kind: show.kind,
            watch: watchables(&show.watch),
        }
    }
}

/// When the coming next season begins (or began, when airing), as far as it is known: the
/// editor's premiere or the start of the expected window, else the data's premiere. None for a
/// show with no next season coming.
pub fn next_premiere(show: &Show) -> Option<PartialDate> {
    let status = SeasonStatus::of(show.outlook.as_ref().map(|o| o.status), show.data_outlook.as_ref().map(|d| d.status))?;
    if !status.is_coming() {
        return None;
    }
    match &show.outlook {
        Some(outlook) => editor_premiere(outlook),
        None => show.data_outlook.as_ref().and_then(|d| d.premiere),
    }
}

/// The day of the editor's exact premiere (in the offset it was written in), else the window's
/// first period.
fn editor_premiere(outlook: &Outlook) -> Option<PartialDate> {
    match outlook.premiere_at {
        Some(at) => {
            let local = crate::dates::LocalTime::at(at.epoch_ms, at.offset_minutes);
            Some(PartialDate::Day(local.year, local.month, local.day))
        }
        None => outlook.window.as_ref().map(|w| w.from),
    }
}

/// Each offer's platform and regions, once: two offers alike but for their links or terms are
/// one place to watch.
fn watchables(offers: &[Offer]) -> Vec<Watchable> {
    let mut places: Vec<Watchable> = Vec::with_capacity(offers.len());
    for offer in offers {
        let place = Watchable { platform: offer.platform.clone(), only: offer.only.clone(), except: offer.except.clone() };
        if !places.contains(&place) {
            places.push(place);
        }
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::{decode_catalogue_head, decode_catalogue_part};

    #[test]
    fn catalogue_refuses_duplicate_slugs() {
        let text = r#"{"schema":1,"part":1,"shows":[{"slug":"a","title":"A"},{"slug":"a","title":"A again"}]}"#;
        let problems = decode_catalogue_part(text, 1).unwrap_err();
        assert_eq!(problems[0].to_string(), "shows[1].slug: \"a\" is listed twice");
    }

    fn entry(slug: &str, updated: Option<&str>) -> CatalogueEntry {
        let updated = updated.map(|d| format!(r#","updated":"{d}""#)).unwrap_or_default();
        serde_json::from_str(&format!(r#"{{"slug":"{slug}","title":"{slug}","studios":["Bones"],"genres":["Drama"]{updated}}}"#)).unwrap()
    }

    #[test]
    fn which_file_holds_each_entry() {
        let layout = Layout { total: 10, head: 3, part_size: 4 };
        assert_eq!(layout.parts(), 2);
        let files: Vec<(usize, usize)> = (0..10).map(|i| layout.locate(i)).collect();
        assert_eq!(files, [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (1, 3), (2, 0), (2, 1), (2, 2)]);
        assert_eq!([layout.range_of(0), layout.range_of(1), layout.range_of(2)], [0..3, 3..7, 7..10]);
        assert_eq!(Layout { total: 2, head: 2, part_size: 2000 }.parts(), 0, "a small catalogue is a head alone");
        assert_eq!(Layout { total: 11, head: 3, part_size: 4 }.parts(), 2);
        assert_eq!(Layout { total: 12, head: 3, part_size: 4 }.parts(), 3);
    }

    #[test]
    fn catalogue_files_are_in_the_default_order_with_whole_catalogue_facets() {
        let entries = vec![entry("e", None), entry("d", Some("2026-01")), entry("c", Some("2026-03")), entry("b", Some("2025")), entry("a", None)];
        let (head, parts) = catalogue_files(entries, 2, 2);
        assert_eq!((head.total, head.part_size, head.parts), (5, 2, 2));
        let slugs = |shows: &[CatalogueEntry]| shows.iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
        assert_eq!(slugs(&head.shows), ["c", "d"]);
        assert_eq!((parts[0].part, slugs(&parts[0].shows)), (1, vec!["b".to_string(), "a".to_string()]));
        assert_eq!((parts[1].part, slugs(&parts[1].shows)), (2, vec!["e".to_string()]));
        assert_eq!(head.facets.studios, [LabelCount { label: "Bones".into(), count: 5 }]);
        // What is written reads back.
        let head_text = serde_json::to_string(&head).unwrap();
        assert_eq!(decode_catalogue_head(&head_text).unwrap(), head);
        assert_eq!(decode_catalogue_part(&serde_json::to_string(&parts[1]).unwrap(), 2).unwrap(), parts[1]);
        assert_eq!(head.part_count_problem(2, 1), None);
        assert_eq!(head.part_count_problem(2, 2).unwrap().to_string(), "shows: has 2 entries; index.json says part 2 holds 1 (total 5, part_size 2)");
    }

    #[test]
    fn head_and_part_counts_must_agree() {
        let (head, parts) = catalogue_files(vec![entry("a", None), entry("b", None), entry("c", None)], 1, 1);
        let problems = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut json = serde_json::to_value(&head).unwrap();
            change(&mut json);
            decode_catalogue_head(&json.to_string()).unwrap_err().iter().map(|p| p.to_string()).collect::<Vec<_>>()
        };
        assert_eq!(problems(&|j| j["parts"] = serde_json::json!(3)), ["parts: is 3 but total 3 with 1 shows here and 1 per part needs 2"]);
        assert_eq!(problems(&|j| j["part_size"] = serde_json::json!(0)), ["part_size: must be at least 1"]);
        assert_eq!(problems(&|j| j["total"] = serde_json::json!(0)), ["total: is 0 but this file alone lists 1 shows"]);
        assert_eq!(problems(&|j| j["facets"]["genres"][0]["label"] = serde_json::json!(" ")), ["facets.genres[0].label: must not be empty"]);
        let text = serde_json::to_string(&parts[0]).unwrap();
        assert_eq!(decode_catalogue_part(&text, 2).unwrap_err()[0].to_string(), "part: is 1 but the file is part 2");
    }
}
