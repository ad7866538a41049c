//! Season linking: a work's other seasons, parts, films, recaps and specials in the data, each
//! link with its reason; and what the data lists after a work, as of its date.
//!
//! Precision over recall: two works are linked only when
//!
//! - **by title**: one's title is the other's followed (or preceded) by a marker the data uses
//!   for seasons and parts (`(第2期)`, `第二期`, `2nd Season`, `Season 2`, `シーズン2`,
//!   `Part 2`, `Ⅱ`, `(第2クール)`, `続編`, `最終章`), an arc (`千魔混沌編`, `: The … Arc`),
//!   a film (`劇場版`), a recap (`総集編`) or a special (`OVA`, `特別編`); or both are the same
//!   title with such markers. A title shared by several works (remakes) gives the marked work to
//!   the latest of them that began before it. Sequels must begin after the work they follow, and
//!   numbered seasons in the order of their numbers. Native and English titles are read alike,
//!   never mixed.
//! - **by official site**: the two share an official site (or one's is a page under the
//!   other's) and one's title is the other's followed by more words, or the titles are the same.
//!   A shared site alone is not enough: studios and channels host unrelated works.
//!
//! The base title must be at least two letters (three in Latin script), so that a common word is
//! never a family.

use super::facts::{jst_day, Work};
use super::slugs::to_half_width;
use crate::bundle::{Relation, WorkKind};
use crate::dates::PartialDate;
use std::collections::{BTreeMap, HashMap};

/// A link from a work to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The other work's index in the works.
    pub other: usize,
    pub relation: Relation,
    pub reason: String,
}

/// What a marker in a title says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkerKind {
    Season,
    Part,
    Arc,
    Sequel,
    Film,
    Recap,
    Special,
}

impl MarkerKind {
    /// Markers of a continuation: it must begin after the work it continues.
    fn continues(self) -> bool {
        matches!(self, Self::Season | Self::Part | Self::Arc | Self::Sequel)
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Season => "the season marker",
            Self::Part => "the part marker",
            Self::Arc => "the arc name",
            Self::Sequel => "the sequel marker",
            Self::Film => "the film marker",
            Self::Recap => "the recap marker",
            Self::Special => "the special marker",
        }
    }
}

/// A title split into its base and a marker.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Marked {
    base: String,
    kind: MarkerKind,
    number: Option<u32>,
    /// The marker as the title writes it (normalised).
    text: String,
}

/// A title as titles are compared: half-width, lowercase Latin letters, one kind of bracket,
/// tilde and dash, single spaces.
pub fn normalize(title: &str) -> String {
    let mapped: String = to_half_width(title)
        .chars()
        .map(|c| match c {
            '〜' | '～' => '~',
            '（' => '(',
            '）' => ')',
            '―' | '‐' | '–' | '—' | '－' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Separators between a base title and its marker.
fn trim_separators(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '~' | '・' | '/' | '|'))
}

/// A base long enough to be a title of its own: two letters, three in Latin script.
fn is_base(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
    let ascii_only = text.is_ascii();
    text.chars().any(char::is_alphabetic) && if ascii_only { letters >= 3 } else { letters >= 2 }
}

/// A number as titles write it: digits, kanji numerals, Roman numerals.
fn number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().filter(|n| (1..=200).contains(n));
    }
    if let Some(n) = roman(text) {
        return Some(n);
    }
    let digit = |c: char| "一二三四五六七八九".find(c).map(|at| at as u32 / 3 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

fn roman(text: &str) -> Option<u32> {
    const UNICODE: [char; 10] = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ'];
    const ASCII: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if let Some(at) = UNICODE.iter().position(|u| *u == c) {
            return Some(at as u32 + 1);
        }
    }
    ASCII.iter().position(|r| *r == text).map(|at| at as u32 + 1)
}

/// "2nd", "3rd", "4th" → 2, 3, 4.
fn ordinal(text: &str) -> Option<u32> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    matches!(suffix, "st" | "nd" | "rd" | "th").then(|| number(digits)).flatten()
}

/// What a marker written on its own (in brackets, or after a space) says.
fn classify(token: &str) -> Option<(MarkerKind, Option<u32>)> {
    use MarkerKind::*;
    let token = token.trim();
    let words: Vec<&str> = token.split(' ').collect();
    match words.as_slice() {
        ["final", "season"] => return Some((Sequel, None)),
        ["season", n] => return Some((Season, Some(number(n)?))),
        [n, "season"] => return Some((Season, Some(ordinal(n)?))),
        ["part", n] => return Some((Part, Some(number(n)?))),
        ["cour", n] => return Some((Part, Some(number(n)?))),
        ["the", "movie"] => return Some((Film, None)),
        [_, ..] if words.len() > 1 => return None,
        _ => {}
    }
    match token {
        "続編" | "最終章" | "完結編" | "ファイナルシーズン" => return Some((Sequel, None)),
        "セカンドシーズン" => return Some((Season, Some(2))),
        "サードシーズン" => return Some((Season, Some(3))),
        "総集編" | "劇場総集編" => return Some((Recap, None)),
        "劇場版" => return Some((Film, None)),
        "ova" | "oad" | "特別編" | "番外編" => return Some((Special, None)),
        "前編" => return Some((Part, Some(1))),
        "後編" => return Some((Part, Some(2))),
        _ => {}
    }
    if let Some(n) = token.strip_prefix("シーズン").and_then(number) {
        return Some((Season, Some(n)));
    }
    if let Some(n) = token.strip_prefix("season").and_then(number) {
        return Some((Season, Some(n)));
    }
    if let Some(n) = token.strip_prefix("part").map(|n| n.trim_start_matches('.')).and_then(number) {
        return Some((Part, Some(n)));
    }
    let numbered = token.strip_prefix('第').unwrap_or(token);
    for (unit, kind) in [("期", Season), ("季", Season), ("シリーズ", Season), ("クール", Part), ("部", Part), ("章", Part)] {
        if let Some(n) = numbered.strip_suffix(unit).and_then(number) {
            // "2期" alone is a season; "2部", "2章" need their 第.
            if numbered.len() < token.len() || unit == "期" {
                return Some((kind, Some(n)));
            }
        }
    }
    if let Some(n) = roman(token).filter(|n| *n >= 2) {
        return Some((Season, Some(n)));
    }
    // An arc: a name of its own followed by 編.
    if let Some(name) = token.strip_suffix('編') {
        let length = name.chars().count();
        if (1..=15).contains(&length) && !name.contains(['(', ')', ' ']) {
            return Some((Arc, None));
        }
    }
    None
}

/// A normalised title split into its base and a marker, when it has one.
fn parse(title: &str) -> Option<Marked> {
    let marked = |base: &str, (kind, number): (MarkerKind, Option<u32>), text: &str| {
        let base = trim_separators(base);
        is_base(base).then(|| Marked { base: base.to_string(), kind, number, text: text.trim().to_string() })
    };
    // Prefixes: 劇場版 X, 映画 X, 続 X.
    for (prefix, kind, spaced) in [("劇場版", MarkerKind::Film, false), ("映画 ", MarkerKind::Film, true), ("続 ", MarkerKind::Sequel, true), ("続・", MarkerKind::Sequel, true)] {
        if let Some(rest) = title.strip_prefix(prefix) {
            if spaced || !rest.is_empty() {
                return marked(rest, (kind, None), prefix);
            }
        }
    }
    // A marker in brackets at the end: X(第2期), X (第2クール), X(続編).
    if let Some(inner_end) = title.strip_suffix(')') {
        if let Some(open) = inner_end.rfind('(') {
            let inner = &inner_end[open + 1..];
            return classify(inner).and_then(|found| marked(&inner_end[..open], found, &title[open..]));
        }
    }
    // An English arc: "X: The Thousandfold Chaos Arc", "X - Entertainment District Arc".
    if let Some(before) = title.strip_suffix(" arc") {
        if let Some(at) = before.rfind(": ").or_else(|| before.rfind(" - ")) {
            let name = before[at..].trim_start_matches([':', ' ', '-']);
            if (1..=6).contains(&name.split(' ').count()) {
                return marked(&before[..at], (MarkerKind::Arc, None), &title[at..]);
            }
        }
    }
    // A marker after a space: the last two words, then the last one.
    let words: Vec<&str> = title.split(' ').collect();
    for n in [2, 1] {
        if words.len() > n {
            let tail = words[words.len() - n..].join(" ");
            if let Some(found) = classify(&tail) {
                return marked(&words[..words.len() - n].join(" "), found, &tail);
            }
        }
    }
    // A marker written onto the title: X第2期, Xシーズン2, オーバーロードII, XⅡ, X続編, XOVA.
    let attached = |marker: &str| title.len() > marker.len() && title.ends_with(marker) && !title[..title.len() - marker.len()].ends_with(|c: char| c.is_ascii_alphanumeric());
    for marker in ["続編", "総集編", "最終章", "完結編", "劇場版", "ova", "oad"] {
        if attached(marker) {
            return classify(marker).and_then(|found| marked(&title[..title.len() - marker.len()], found, marker));
        }
    }
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    for start in (1..chars.len()).rev().take(12) {
        let (at, _) = chars[start];
        let tail = &title[at..];
        let before = &title[..at];
        let numbered_cjk = (tail.starts_with('第') || tail.starts_with("シーズン")) && classify(tail).is_some_and(|(k, _)| k != MarkerKind::Arc);
        let roman_attached = roman(tail).is_some_and(|n| n >= 2) && !before.ends_with(|c: char| c.is_ascii_alphanumeric()) && !before.ends_with(' ');
        if numbered_cjk || roman_attached {
            return classify(tail).and_then(|found| marked(before, found, tail));
        }
    }
    None
}

/// Titles of one kind (native or English), each normalised and parsed.
struct Titles {
    norm: Vec<Option<String>>,
    marked: Vec<Option<Marked>>,
    /// The titles as written, for reasons.
    shown: Vec<Option<String>>,
}

impl Titles {
    fn of(titles: Vec<Option<String>>) -> Self {
        let norm: Vec<Option<String>> = titles.iter().map(|t| t.as_deref().map(normalize)).collect();
        let marked = norm.iter().map(|n| n.as_deref().and_then(parse)).collect();
        Titles { norm, marked, shown: titles }
    }
}

/// Every link of every work, by work: the works' other seasons, parts, films, recaps and
/// specials, each once, in the order of the works.
pub fn link(works: &[Work]) -> Vec<Vec<Link>> {
    let mut found: BTreeMap<(usize, usize), (Relation, String)> = BTreeMap::new();
    let native = Titles::of(works.iter().map(|w| Some(w.native.clone())).collect());
    let english = Titles::of(works.iter().map(|w| w.en.first().cloned()).collect());
    for titles in [&native, &english] {
        link_by_title(works, titles, &mut found);
    }
    link_by_site(works, &native, &mut found);
    let mut links = vec![Vec::new(); works.len()];
    for ((from, to), (relation, reason)) in found {
        links[from].push(Link { other: to, relation, reason });
    }
    links
}

/// Adds a link both ways unless the pair is linked already; a shared official site is added to
/// the reason.
fn add(works: &[Work], found: &mut BTreeMap<(usize, usize), (Relation, String)>, a: usize, b: usize, reason: &str) {
    if a == b || found.contains_key(&(a, b)) {
        return;
    }
    let (Some(ab), Some(ba)) = (relation(works, b, a), relation(works, a, b)) else { return };
    let mut reason = reason.to_string();
    if let (Some(x), Some(y)) = (&works[a].site_key, &works[b].site_key) {
        if x == y && !reason.contains("official site") {
            reason.push_str(&format!("; both have the official site {x}"));
        }
    }
    found.insert((a, b), (ab, reason.clone()));
    found.insert((b, a), (ba, reason));
}

/// What work `b` is to work `a`, if their kinds and dates say it: films, recaps and specials by
/// their kind or marker; other works by date (a later one is a sequel).
fn relation(works: &[Work], b: usize, a: usize) -> Option<Relation> {
    let (wa, wb) = (&works[a], &works[b]);
    let titled = |w: &Work, kind: MarkerKind| {
        parse(&normalize(&w.native)).is_some_and(|m| m.kind == kind) || w.en.first().and_then(|t| parse(&normalize(t))).is_some_and(|m| m.kind == kind)
    };
    if wb.kind == WorkKind::Movie || titled(wb, MarkerKind::Film) {
        return Some(Relation::Film);
    }
    if titled(wb, MarkerKind::Recap) {
        return Some(Relation::Recap);
    }
    // An OVA is a special of a TV series or a film, not of another OVA: OVA series are ordered
    // by date like the others.
    if (wb.kind == WorkKind::Ova && wa.kind != WorkKind::Ova) || titled(wb, MarkerKind::Special) {
        return Some(Relation::Special);
    }
    match (wa.begin, wb.begin) {
        (Some(x), Some(y)) if y.epoch_ms > x.epoch_ms => Some(Relation::Sequel),
        (Some(x), Some(y)) if y.epoch_ms < x.epoch_ms => Some(Relation::Prequel),
        _ => None,
    }
}

fn begin_ms(work: &Work) -> Option<i64> {
    work.begin.map(|b| b.epoch_ms)
}

/// Links by title: each marked title to the work it marks (its base's), and the marked titles of
/// one base to one another.
fn link_by_title(works: &[Work], titles: &Titles, found: &mut BTreeMap<(usize, usize), (Relation, String)>) {
    let mut by_norm: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, norm) in titles.norm.iter().enumerate() {
        if let Some(norm) = norm {
            by_norm.entry(norm.as_str()).or_default().push(i);
        }
    }
    // Each marked work with the work it follows, if any: families by (base, parent).
    let mut families: BTreeMap<(String, Option<usize>), Vec<usize>> = BTreeMap::new();
    for (i, marked) in titles.marked.iter().enumerate() {
        let Some(marked) = marked else { continue };
        let parent = parent_of(works, i, marked, by_norm.get(marked.base.as_str()).map_or(&[][..], Vec::as_slice));
        families.entry((marked.base.clone(), parent)).or_default().push(i);
    }
    for ((base, parent), members) in &families {
        if let Some(p) = *parent {
            for &m in members {
                let marker = titles.marked[m].as_ref().expect("a marked member");
                let reason = format!(
                    "the title \"{}\" is \"{}\" with {} \"{}\"",
                    titles.shown[m].as_deref().unwrap_or_default(),
                    titles.shown[p].as_deref().unwrap_or_default(),
                    marker.kind.describe(),
                    marker.text
                );
                add(works, found, p, m, &reason);
            }
        }
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                let (ma, mb) = (titles.marked[a].as_ref().expect("marked"), titles.marked[b].as_ref().expect("marked"));
                if !in_order(works, a, ma, b, mb) {
                    continue;
                }
                let shown_a = titles.shown[a].as_deref().unwrap_or_default();
                let reason = format!(
                    "the titles \"{shown_a}\" and \"{}\" are both \"{}\" with a marker (\"{}\", \"{}\")",
                    titles.shown[b].as_deref().unwrap_or_default(),
                    as_written(shown_a, base),
                    ma.text,
                    mb.text
                );
                add(works, found, a, b, &reason);
            }
        }
    }
}

/// The part of a title that normalises to `base`, as the title writes it ("MAJOR" for "major").
fn as_written<'a>(title: &'a str, base: &'a str) -> &'a str {
    let ends = title.char_indices().map(|(at, _)| at).skip(1).chain([title.len()]);
    ends.map(|end| &title[..end]).find(|prefix| trim_separators(&normalize(prefix)) == base).map_or(base, |prefix| trim_separators(prefix))
}

/// The work a marked title continues: of the works titled as its base, the latest that began
/// before it (for a continuation, strictly before). A film or special may precede its base when
/// that base is a single work.
fn parent_of(works: &[Work], i: usize, marked: &Marked, candidates: &[usize]) -> Option<usize> {
    let begin = begin_ms(&works[i]);
    let before = candidates
        .iter()
        .copied()
        .filter(|&c| c != i)
        .filter(|&c| match (begin_ms(&works[c]), begin) {
            (Some(c), Some(b)) => if marked.kind.continues() { c < b } else { c <= b },
            _ => false,
        })
        .max_by_key(|&c| (begin_ms(&works[c]), std::cmp::Reverse(c)));
    before.or_else(|| match candidates {
        [only] if *only != i && !marked.kind.continues() => Some(*only),
        _ => None,
    })
}

/// Two numbered seasons (or parts) of one base began in the order of their numbers.
fn in_order(works: &[Work], a: usize, ma: &Marked, b: usize, mb: &Marked) -> bool {
    match (ma.number, mb.number, begin_ms(&works[a]), begin_ms(&works[b])) {
        (Some(na), Some(nb), Some(ba), Some(bb)) if ma.kind == mb.kind => (na < nb) == (ba < bb) || na == nb,
        _ => true,
    }
}

/// Links by official site: works sharing one (or one's under the other's) whose titles are the
/// same, or one the other followed by more words.
fn link_by_site(works: &[Work], titles: &Titles, found: &mut BTreeMap<(usize, usize), (Relation, String)>) {
    let mut by_site: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, work) in works.iter().enumerate() {
        if let Some(key) = &work.site_key {
            by_site.entry(key.as_str()).or_default().push(i);
        }
    }
    for (&site, owners) in &by_site {
        // The works of this site and of the pages under it.
        let under = format!("{site}/");
        let mut near: Vec<usize> = owners.clone();
        for (_, more) in by_site.range(under.as_str()..).take_while(|(k, _)| k.starts_with(&under)) {
            near.extend(more);
        }
        for &a in owners {
            let Some(na) = titles.norm[a].as_deref().filter(|n| is_base(n)) else { continue };
            for &b in &near {
                let Some(nb) = titles.norm[b].as_deref() else { continue };
                let same = na == nb;
                let longer = nb.len() > na.len() && nb.starts_with(na) && nb[na.len()..].starts_with([' ', ':', '-', '~', '(', '・']);
                if b == a || !(same || longer) {
                    continue;
                }
                let where_ = if works[b].site_key.as_deref() == Some(site) { format!("the official site {site}") } else { format!("the official site {site} (the other's is a page under it)") };
                let reason = if same {
                    format!("both are titled \"{}\" and have {where_}", titles.shown[a].as_deref().unwrap_or_default())
                } else {
                    format!(
                        "the title \"{}\" begins with \"{}\" and both have {where_}",
                        titles.shown[b].as_deref().unwrap_or_default(),
                        titles.shown[a].as_deref().unwrap_or_default()
                    )
                };
                add(works, found, a, b, &reason);
            }
        }
    }
}

/// What the data lists after a work, as of the data's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum After {
    /// The next TV or web season or part (the earliest sequel), and where it stands.
    Next { work: usize, stands: Stands },
    /// No later season, but these later films, recaps or specials.
    FilmsOnly(Vec<usize>),
    /// Nothing later.
    Nothing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stands {
    /// Begins after the data's date.
    Dated,
    /// Began on or before it and has not ended by it (or its end is unknown).
    Airing,
    /// Ended before it.
    Aired,
}

/// What follows work `w` among its links (already without the links an editor rejected).
pub fn after(works: &[Work], w: usize, links: &[(usize, Relation)], as_of: PartialDate) -> After {
    let day = |i: usize| works[i].begin.map(jst_day).map(PartialDate::earliest_day);
    let next = links
        .iter()
        .filter(|(i, r)| *r == Relation::Sequel && matches!(works[*i].kind, WorkKind::Tv | WorkKind::Web) && works[*i].begin.is_some())
        .min_by_key(|(i, _)| (begin_ms(&works[*i]), *i))
        .map(|(i, _)| *i);
    if let Some(next) = next {
        let as_of = as_of.earliest_day();
        let ended_before = works[next].end.map(jst_day).is_some_and(|end| end.earliest_day() < as_of);
        let stands = match day(next) {
            Some(begin) if begin > as_of => Stands::Dated,
            _ if ended_before => Stands::Aired,
            _ => Stands::Airing,
        };
        return After::Next { work: next, stands };
    }
    let mine = begin_ms(&works[w]);
    let mut later: Vec<usize> = links
        .iter()
        .filter(|(i, r)| matches!(r, Relation::Film | Relation::Recap | Relation::Special) && matches!((mine, begin_ms(&works[*i])), (Some(a), Some(b)) if b > a))
        .map(|(i, _)| *i)
        .collect();
    later.sort_by_key(|&i| (begin_ms(&works[i]), i));
    if later.is_empty() {
        After::Nothing
    } else {
        After::FilmsOnly(later)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(title: &str) -> Option<(String, MarkerKind, Option<u32>)> {
        parse(&normalize(title)).map(|m| (m.base, m.kind, m.number))
    }

    #[test]
    fn markers_of_seasons_parts_arcs_films() {
        use MarkerKind::*;
        let s = |base: &str, kind, n: Option<u32>| Some((base.to_string(), kind, n));
        assert_eq!(marked("戦国妖狐 千魔混沌編"), s("戦国妖狐", Arc, None));
        assert_eq!(marked("銀魂(第2期)"), s("銀魂", Season, Some(2)));
        assert_eq!(marked("ゴールデンカムイ(第二期)"), s("ゴールデンカムイ", Season, Some(2)));
        assert_eq!(marked("わたしの幸せな結婚 第二期"), s("わたしの幸せな結婚", Season, Some(2)));
        assert_eq!(marked("BEASTARS 2nd Season"), s("beastars", Season, Some(2)));
        assert_eq!(marked("SPY×FAMILY Season 2"), s("spy×family", Season, Some(2)));
        assert_eq!(marked("ケンガンアシュラ Part 2"), s("ケンガンアシュラ", Part, Some(2)));
        assert_eq!(marked("進撃の巨人 Season2"), s("進撃の巨人", Season, Some(2)));
        assert_eq!(marked("進撃の巨人 Season3 Part.2"), s("進撃の巨人 season3", Part, Some(2)));
        assert_eq!(marked("ゴブリンスレイヤーⅡ"), s("ゴブリンスレイヤー", Season, Some(2)));
        assert_eq!(marked("オーバーロードIII"), s("オーバーロード", Season, Some(3)));
        assert_eq!(marked("放課後少年花子くん(続編)"), s("放課後少年花子くん", Sequel, None));
        assert_eq!(marked("亜人(第2クール)"), s("亜人", Part, Some(2)));
        assert_eq!(marked("グラゼニ シーズン2"), s("グラゼニ", Season, Some(2)));
        assert_eq!(marked("忍たま乱太郎 12期"), s("忍たま乱太郎", Season, Some(12)));
        assert_eq!(marked("劇場版 灼眼のシャナ"), s("灼眼のシャナ", Film, None));
        assert_eq!(marked("ジョジョの奇妙な冒険 総集編"), s("ジョジョの奇妙な冒険", Recap, None));
        assert_eq!(marked("ゴールデンカムイ OAD"), s("ゴールデンカムイ", Special, None));
        assert_eq!(marked("Sengoku Youko: The Thousandfold Chaos Arc"), s("sengoku youko", Arc, None));
        assert_eq!(marked("宇宙皇子（地上編）"), s("宇宙皇子", Arc, None));
        assert_eq!(marked("続 夏目友人帳"), s("夏目友人帳", Sequel, None));
    }

    #[test]
    fn titles_without_markers_stay_whole() {
        for title in ["メタリックルージュ", "戦国妖狐", "Angel Beats!", "ONE PIECE", "ii", "長編", "宇宙戦艦ヤマト 完結", "名探偵コナン 時計じかけの摩天楼"] {
            assert_eq!(marked(title), None, "{title}");
        }
        // A marker on too short a base is no marker.
        assert_eq!(marked("A 2nd Season"), None);
        assert_eq!(marked("X Ⅱ"), None);
    }

    #[test]
    fn bases_as_the_titles_write_them() {
        assert_eq!(as_written("MAJOR 2nd season", "major"), "MAJOR");
        assert_eq!(as_written("ＭＡＪＯＲ　2nd", "major"), "ＭＡＪＯＲ");
        assert_eq!(as_written("x", "major"), "major");
    }

    #[test]
    fn numbers_as_titles_write_them() {
        assert_eq!(number("2"), Some(2));
        assert_eq!(number("二"), Some(2));
        assert_eq!(number("十二"), Some(12));
        assert_eq!(number("二十"), Some(20));
        assert_eq!(number("Ⅲ"), Some(3));
        assert_eq!(number("iv"), Some(4));
        assert_eq!(number("0"), None);
        assert_eq!(number("two"), None);
        assert_eq!(ordinal("2nd"), Some(2));
        assert_eq!(ordinal("2x"), None);
    }
}
