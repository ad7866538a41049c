//! The evidence that two works are of one franchise, each piece with the reason a page shows.
//!
//! Titles are compared within one language (native, English, Chinese), never across. Evidence,
//! strongest first:
//!
//! - **one name**: the two titles are the same name once their markers are off
//!   (`モブサイコ100` and `モブサイコ100III`; `かぐや様は告らせたい？～…` and `かぐや様は告らせたい～…`,
//!   which differ only in punctuation). Enough alone.
//! - **a title continued**: one title is the other's whole title followed by a subtitle
//!   (`Dr.STONE` and `Dr.STONE NEW WORLD`). Enough alone when the name is long enough not to be
//!   a common word ("Captain" is not "Captain Tsubasa"), the two are at most ten years apart and
//!   the titles are the works' own (a translation is looser); else only with the official site.
//! - **one main title**: both titles are one main title with different subtitles
//!   (`かぐや様は告らせたい～天才たちの恋愛頭脳戦～` and `かぐや様は告らせたい-ウルトラロマンティック-`).
//!   Enough with the official site, or when the main title is long, the two are close in time,
//!   and the main title is not a brand carried by many series (`機動戦士ガンダム …`).
//! - **the official site** ([`super::site`]) with a shared name of two letters or more (`化物語`,
//!   `偽物語` on one site): a site alone is never enough, as a page may be misfiled.

use super::site::{agree, Agreement, Site};
use crate::bundle::WorkKind;
use super::title::{is_separator, key, Form};
use super::Entry;
use std::collections::{BTreeSet, HashMap};

/// One of the languages titles are compared in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    Native,
    English,
    Chinese,
}

/// A link between two works (`a < b`) with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub reason: String,
}

/// The analysed titles of one work, by language.
pub struct Titles {
    pub forms: Vec<(Script, Form)>,
}

impl Titles {
    pub fn of(entry: &Entry) -> Titles {
        let mut forms = vec![(Script::Native, Form::of(entry.native))];
        forms.extend(entry.english.iter().map(|t| (Script::English, Form::of(t))));
        forms.extend(entry.chinese.iter().map(|t| (Script::Chinese, Form::of(t))));
        forms.retain(|(_, f)| !f.key.is_empty());
        Titles { forms }
    }

    pub fn native(&self) -> &Form {
        &self.forms[0].1
    }
}

const YEAR_MS: i64 = 365 * 24 * 3600 * 1000;

/// A title continued by more series than this (each with a subtitle of its own) is a brand
/// carried by several continuities (機動戦士ガンダム, バトルスピリッツ): only the official site
/// tells its series apart. A story told in arcs (七つの大罪 …) has fewer.
const BRAND: usize = 6;

/// Whether a name is long enough to stand for a franchise on its own.
fn strong(name: &str, cjk_letters: usize, latin_letters: usize) -> bool {
    let letters = name.chars().count();
    if name.is_ascii() {
        letters >= latin_letters
    } else {
        letters >= cjk_letters
    }
}

/// Years between two works: from the end (else start) of the earlier to the start of the later.
fn years_apart(entries: &[Entry], a: usize, b: usize) -> Option<f64> {
    let (ea, eb) = (&entries[a], &entries[b]);
    let (first, second) = if ea.begin_ms? <= eb.begin_ms? { (ea, eb) } else { (eb, ea) };
    let from = first.end_ms.filter(|e| *e >= first.begin_ms.unwrap_or(i64::MIN)).or(first.begin_ms)?;
    Some((second.begin_ms? - from).max(0) as f64 / YEAR_MS as f64)
}

/// The longest run of letters two keys share.
fn common_run(a: &str, b: &str) -> String {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut best = (0, 0);
    let mut row = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        let mut prev = 0;
        for j in 1..=b.len() {
            let here = row[j];
            row[j] = if a[i - 1] == b[j - 1] { prev + 1 } else { 0 };
            if row[j] > best.0 {
                best = (row[j], i);
            }
            prev = here;
        }
    }
    a[best.1 - best.0..best.1].iter().collect()
}

pub struct Evidence<'a> {
    entries: &'a [Entry<'a>],
    titles: &'a [Titles],
    sites: Vec<Option<Site>>,
    shared: BTreeSet<String>,
    pub edges: Vec<Edge>,
    seen: HashMap<(usize, usize), usize>,
    /// Native stems with a numbered second (or later) season on TV or the web.
    numbered_stems: BTreeSet<String>,
    /// Names carried by more than [`BRAND`] series, as a whole title continued or as a main
    /// title: brands, whose series only the official site tells apart.
    brands: BTreeSet<(Script, String)>,
}

/// Whether a work is a series on TV or the web, which a brand's many lines are (a special
/// broadcast on one day is not: ルパン三世's yearly TV specials make no brand of it).
fn is_series(entry: &Entry) -> bool {
    matches!(entry.kind, WorkKind::Tv | WorkKind::Web) && !entry.is_single_broadcast()
}

/// A crossover (`劇場版イナズマイレブンGO vs ダンボール戦機W`) carries two franchises' names: it
/// is evidence for neither, or it would join them.
pub fn is_crossover(light: &str) -> bool {
    light.split(|c: char| !c.is_alphanumeric()).any(|word| word == "vs") || light.contains("vs.")
}

/// The places in a light title where a subtitle may begin: at a separator, or where a short
/// Latin suffix is written onto a title in another script (`とある科学の超電磁砲S`,
/// `ダンボール戦機W`, `ドラゴンボールGT`).
fn subtitle_starts(light: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = light.char_indices().filter(|&(at, c)| at > 0 && is_separator(c)).map(|(at, _)| at).collect();
    let tail = light.len() - light.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '\'').len();
    let before = &light[..light.len() - tail];
    // Up to three letters after any name (なのはA's); up to eight after a long one
    // (ロックマンエグゼAXESS, 魔法少女リリカルなのはStrikerS).
    let most = if before.chars().count() >= 5 { 8 } else { 3 };
    if (1..=most).contains(&tail) && before.ends_with(|c: char| !c.is_ascii() && c.is_alphanumeric()) {
        starts.push(before.len());
    }
    starts
}

impl<'a> Evidence<'a> {
    pub fn gather(entries: &'a [Entry<'a>], titles: &'a [Titles]) -> Evidence<'a> {
        let sites: Vec<Option<Site>> = entries.iter().map(|e| e.site.map(Site::of)).collect();
        let named: Vec<(&Site, &str)> = sites.iter().zip(titles).filter_map(|(s, t)| Some((s.as_ref()?, t.native().stem.as_str()))).collect();
        let shared = super::site::shared_domains(named);
        let numbered_stems = titles
            .iter()
            .zip(entries)
            .filter(|(t, e)| is_series(e) && t.native().season().is_some_and(|n| n >= 2))
            .map(|(t, _)| t.native().stem.clone())
            .collect();
        let mut evidence = Evidence { entries, titles, sites, shared, edges: Vec::new(), seen: HashMap::new(), numbered_stems, brands: BTreeSet::new() };
        // The works' own titles first, then translations: where both link two works, the reason
        // shown is the one in the work's own language.
        for native in [true, false] {
            evidence.one_name(native);
            evidence.continued(native);
            evidence.one_main_title(native);
        }
        evidence.by_site();
        evidence
    }

    fn site_agrees(&self, a: usize, b: usize) -> Option<(Agreement, String)> {
        agree(self.sites[a].as_ref()?, self.sites[b].as_ref()?, &self.shared)
    }

    /// Both works have official sites, and they are not one site: evidence against, which a
    /// title alone must outweigh with a longer name.
    fn sites_differ(&self, a: usize, b: usize) -> bool {
        self.sites[a].is_some() && self.sites[b].is_some() && self.site_agrees(a, b).is_none()
    }

    /// A name long enough to link two works by title alone: longer when their sites differ.
    fn long_enough(&self, name: &str, a: usize, b: usize, cjk: usize, latin: usize) -> bool {
        if self.sites_differ(a, b) {
            strong(name, cjk + 2, latin + 6)
        } else {
            strong(name, cjk, latin)
        }
    }

    /// The native titles share a name of two letters or more (four in Latin script): what a
    /// translation's evidence needs beside it, as translations are loose (one Chinese title of
    /// the data may be another work's).
    fn natives_share(&self, a: usize, b: usize) -> bool {
        let (ka, kb) = (&self.titles[a].native().key, &self.titles[b].native().key);
        let run = common_run(ka, kb);
        let shorter = ka.chars().count().min(kb.chars().count());
        let letters = run.chars().count();
        !run.chars().all(|c| c.is_ascii_digit()) && (strong(&run, 4, 6) || letters >= 3 && letters * 5 >= shorter * 4)
    }

    /// A subtitle line with numbered seasons of its own (`ラブライブ！スーパースター!!(第2期)`,
    /// `ソードアート・オンライン オルタナティブ ガンゲイル・オンラインⅡ`) is a series of its own,
    /// not a season of the title it continues.
    fn own_line(&self, stem: &str) -> bool {
        self.numbered_stems.contains(stem)
    }

    fn add(&mut self, a: usize, b: usize, reason: String) {
        if a == b {
            return;
        }
        let (a, b) = (a.min(b), a.max(b));
        if self.seen.contains_key(&(a, b)) {
            return;
        }
        self.seen.insert((a, b), self.edges.len());
        self.edges.push(Edge { a, b, reason });
    }

    /// Works in premiere order (undated last), for chains of evidence that read forwards.
    fn in_order(&self, mut works: Vec<usize>) -> Vec<usize> {
        works.sort_by_key(|&w| (self.entries[w].begin_ms.is_none(), self.entries[w].begin_ms, w));
        works.dedup();
        works
    }

    /// The form of a work in a script that `keep` accepts.
    fn form(&self, w: usize, script: Script, keep: impl Fn(&Form) -> bool) -> Option<&'a Form> {
        self.titles[w].forms.iter().find(|(s, f)| *s == script && keep(f)).map(|(_, f)| f)
    }

    /// Titles that are one name once their markers are off.
    fn one_name(&mut self, native: bool) {
        let mut by_stem: HashMap<(Script, &str), Vec<usize>> = HashMap::new();
        for (w, t) in self.titles.iter().enumerate() {
            for (script, form) in t.forms.iter().filter(|(s, _)| (*s == Script::Native) == native) {
                let enough = match script {
                    Script::Native => super::title::is_name(&form.stem),
                    Script::English | Script::Chinese => strong(&form.stem, 3, 6),
                };
                if enough {
                    by_stem.entry((*script, form.stem.as_str())).or_default().push(w);
                }
            }
        }
        let mut groups: Vec<((Script, &str), Vec<usize>)> = by_stem.into_iter().filter(|(_, ws)| ws.len() > 1).collect();
        groups.sort();
        for ((script, stem), works) in groups {
            let works = self.in_order(works);
            // Every two of a name are linked directly, so that each page can say why in one
            // sentence; a long-running name (忍たま乱太郎's 30 series) links each to the next.
            let pairs: Vec<(usize, usize)> = if works.len() <= 40 {
                works.iter().enumerate().flat_map(|(i, &a)| works[i + 1..].iter().map(move |&b| (a, b))).collect()
            } else {
                works.windows(2).map(|p| (p[0], p[1])).collect()
            };
            for (a, b) in pairs {
                let (Some(fa), Some(fb)) = (self.form(a, script, |f| f.stem == stem), self.form(b, script, |f| f.stem == stem)) else { continue };
                let site = self.site_agrees(a, b);
                if script != Script::Native && site.is_none() && !self.natives_share(a, b) {
                    continue;
                }
                let mut reason = if fa.key == fb.key {
                    if fa.shown == fb.shown {
                        format!("both are titled \"{}\"", fa.shown)
                    } else {
                        format!("the titles \"{}\" and \"{}\" differ only in punctuation or width", fa.shown, fb.shown)
                    }
                } else {
                    // Markers both titles carry (a remake's year) are part of the name here.
                    let own = |f: &'a Form, other: &Form| f.markers.iter().filter(|m| !other.markers.contains(m)).collect::<Vec<_>>();
                    let (ma, mb) = (own(fa, fb), own(fb, fa));
                    let described = |ms: &[&super::markers::Marker]| ms.iter().rev().map(|m| format!("{} \"{}\"", m.kind.describe(), m.text)).collect::<Vec<_>>().join(" and ");
                    match (ma.is_empty(), mb.is_empty()) {
                        (true, false) => format!("the title \"{}\" is \"{}\" with {}", fb.shown, if fa.markers.is_empty() { &fa.stem_shown } else { &fa.shown }, described(&mb)),
                        (false, true) => format!("the title \"{}\" is \"{}\" with {}", fa.shown, if fb.markers.is_empty() { &fb.stem_shown } else { &fb.shown }, described(&ma)),
                        _ => format!("\"{}\" and \"{}\" are both \"{}\", with {} and {}", fa.shown, fb.shown, fa.stem_shown, described(&ma), described(&mb)),
                    }
                };
                if let Some((_, site)) = site {
                    reason = format!("{reason}; {site}");
                }
                self.add(a, b, reason);
            }
        }
    }

    /// Titles that continue another's whole title with a subtitle (or, more rarely, end with it:
    /// `スティール・ボール・ラン ジョジョの奇妙な冒険`). A title continued by many series with
    /// different subtitles is a brand (`機動戦士ガンダム …`, `バトルスピリッツ …`): its series are
    /// told apart by their sites only.
    fn continued(&mut self, native: bool) {
        let mut whole: HashMap<(Script, &str), Vec<usize>> = HashMap::new();
        for (w, t) in self.titles.iter().enumerate() {
            for (script, form) in t.forms.iter().filter(|(s, _)| (*s == Script::Native) == native) {
                if super::title::is_name(&form.stem) {
                    whole.entry((*script, form.stem.as_str())).or_default().push(w);
                }
            }
        }
        // (base, longer, script, the base's name, the longer title, the longer's stem)
        let mut found: Vec<(usize, usize, Script, String, String, String)> = Vec::new();
        for (w, t) in self.titles.iter().enumerate() {
            for (script, form) in t.forms.iter().filter(|(s, _)| (*s == Script::Native) == native) {
                if is_crossover(&form.light) {
                    continue;
                }
                // Read after a film's or sequel's prefix (劇場版 夏目友人帳 ～うつせみに結ぶ～).
                let body = super::title::without_prefix(&form.light).0;
                let starts = subtitle_starts(body);
                let mut parts: Vec<String> = starts.iter().map(|&at| key(&body[..at])).collect();
                parts.extend(starts.iter().map(|&at| key(&body[at..])).filter(|k| strong(k, 4, 8)));
                for part in parts {
                    if part == form.stem || part.is_empty() {
                        continue;
                    }
                    for &o in whole.get(&(*script, part.as_str())).into_iter().flatten() {
                        if o != w {
                            found.push((o, w, *script, part.clone(), form.shown.clone(), form.stem.clone()));
                        }
                    }
                }
            }
        }
        found.sort();
        found.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
        let mut continuers: HashMap<(Script, &str), BTreeSet<&str>> = HashMap::new();
        for (_, longer, script, name, _, stem) in &found {
            if is_series(&self.entries[*longer]) {
                continuers.entry((*script, name.as_str())).or_default().insert(stem.as_str());
            }
        }
        let brands: Vec<(Script, String)> = continuers.into_iter().filter(|(_, s)| s.len() > BRAND).map(|((script, name), _)| (script, name.to_string())).collect();
        self.brands.extend(brands);
        for (base, longer, script, name, shown, _) in found.iter().cloned() {
            let longer_stem = &self.titles[longer].native().stem;
            if *longer_stem != self.titles[base].native().stem && self.own_line(longer_stem) {
                continue;
            }
            let base_shown = super::title::as_written(&shown, &name);
            let said = format!("the title \"{shown}\" continues \"{base_shown}\"");
            let translated = script != Script::Native;
            // A translation's evidence holds with one official page, or with one domain and
            // native titles that share a name.
            let site = self.site_agrees(base, longer).filter(|(agreement, _)| !translated || *agreement == Agreement::Page || self.natives_share(base, longer));
            if let Some((_, site)) = site {
                self.add(base, longer, format!("{said}, and {site}"));
            } else if !translated
                && !self.brands.contains(&(script, name.clone()))
                && self.long_enough(&name, base, longer, 4, 8)
                && years_apart(self.entries, base, longer).is_some_and(|y| y <= 10.0)
            {
                self.add(base, longer, said);
            }
        }
    }

    /// One main title with different subtitles.
    fn one_main_title(&mut self, native: bool) {
        let mut mains: HashMap<(Script, &str), Vec<usize>> = HashMap::new();
        for (w, t) in self.titles.iter().enumerate() {
            for (script, form) in t.forms.iter().filter(|(s, _)| (*s == Script::Native) == native) {
                if let Some(main) = form.main.as_ref().filter(|_| !is_crossover(&form.light)) {
                    mains.entry((*script, main.as_str())).or_default().push(w);
                }
            }
        }
        let mut groups: Vec<((Script, &str), Vec<usize>)> = mains.into_iter().filter(|(_, ws)| ws.len() > 1).collect();
        groups.sort();
        for ((script, main), works) in groups {
            let works = self.in_order(works);
            let titles = self.titles;
            let with_main = |w: usize| titles[w].forms.iter().find(|(s, f)| *s == script && f.main.as_deref() == Some(main)).map(|(_, f)| f);
            let series: BTreeSet<&str> = works.iter().filter(|&&w| is_series(&self.entries[w])).filter_map(|&w| with_main(w)).map(|f| f.stem.as_str()).collect();
            // Counted with the series that continue the name without a separator
            // (機動戦士ガンダムSEED and 機動戦士ガンダム 水星の魔女 are of one brand).
            let brand = series.len() > BRAND || self.brands.contains(&(script, main.to_string()));
            let translated = script != Script::Native;
            for (i, &a) in works.iter().enumerate() {
                for &b in &works[i + 1..] {
                    let (Some(fa), Some(fb)) = (with_main(a), with_main(b)) else { continue };
                    let site = self.site_agrees(a, b);
                    if translated && !self.natives_share(a, b) && !site.as_ref().is_some_and(|(agreement, _)| *agreement == Agreement::Page) {
                        continue;
                    }
                    let (sa, sb) = (&self.titles[a].native().stem, &self.titles[b].native().stem);
                    if sa != sb && (self.own_line(sa) || self.own_line(sb)) {
                        continue;
                    }
                    let shown = fa.main_shown.clone().unwrap_or_else(|| main.to_string());
                    let said = format!("\"{}\" and \"{}\" share the main title \"{shown}\"", fa.shown, fb.shown);
                    if let Some((_, site)) = site.filter(|_| strong(main, 3, 6)) {
                        self.add(a, b, format!("{said}, and {site}"));
                    } else if !translated && !brand && self.long_enough(main, a, b, 5, 10) && years_apart(self.entries, a, b).is_some_and(|y| y <= 4.0) {
                        self.add(a, b, said);
                    }
                }
            }
        }
    }

    /// One official site and a name the titles share: on one page, a name of two letters or
    /// more; on one domain, one title's whole name within the other's.
    fn by_site(&mut self) {
        let mut by_domain: HashMap<&str, Vec<usize>> = HashMap::new();
        for (w, site) in self.sites.iter().enumerate() {
            if let Some(site) = site {
                by_domain.entry(site.domain.as_str()).or_default().push(w);
            }
        }
        let mut domains: Vec<(&str, Vec<usize>)> = by_domain.into_iter().filter(|(_, ws)| ws.len() > 1).collect();
        domains.sort();
        let mut found = Vec::new();
        for (_, works) in domains {
            for (i, &a) in works.iter().enumerate() {
                for &b in &works[i + 1..] {
                    let Some((agreement, site)) = self.site_agrees(a, b) else { continue };
                    let (na, nb) = (self.titles[a].native(), self.titles[b].native());
                    let run = common_run(&na.stem, &nb.stem);
                    let enough = match agreement {
                        // Three letters: a page may be misfiled (a film of one franchise on
                        // another's page), and two letters are shared by chance.
                        Agreement::Page => strong(&run, 3, 5) && !run.chars().all(|c| c.is_ascii_digit()),
                        Agreement::Domain => super::title::is_name(&run) && (run == na.stem || run == nb.stem),
                    };
                    if enough {
                        found.push((a, b, format!("\"{}\" and \"{}\" share \"{run}\", and {site}", na.shown, nb.shown)));
                    }
                }
            }
        }
        for (a, b, reason) in found {
            self.add(a, b, reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_common_run() {
        assert_eq!(common_run("化物語", "偽物語"), "物語");
        assert_eq!(common_run("abc", "xyz"), "");
        assert_eq!(common_run("dr.stone", "stone wars"), "stone");
    }

    #[test]
    fn subtitles_begin_at_separators_and_short_latin_suffixes() {
        assert_eq!(subtitle_starts("dr.stone new world"), [2, 8, 12]);
        let railgun = "とある科学の超電磁砲s";
        assert_eq!(subtitle_starts(railgun), [railgun.len() - 1]);
        assert_eq!(subtitle_starts("ドラゴンボールgt").len(), 1);
        assert_eq!(subtitle_starts("ロックマンエグゼaxess").len(), 1);
        assert_eq!(subtitle_starts("魔法少女リリカルなのはa's").len(), 1);
        assert!(subtitle_starts("魔法少女リリカルなのはstrikersabc").is_empty(), "a longer Latin word is a title of its own");
        assert!(subtitle_starts("けいおんabcd").is_empty());
        assert!(subtitle_starts("working").is_empty());
    }
}
