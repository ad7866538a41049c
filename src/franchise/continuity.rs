//! From franchises to continuities and chains: a franchise splits where a remake restarts the
//! story; each continuity is ordered by premiere; each member gets its role; and a work's next
//! season is the earliest later TV or web season or part of its continuity.

use super::evidence::Titles;
use super::markers::MarkerKind;
use super::Entry;
use crate::bundle::WorkKind;

const DAY_MS: i64 = 24 * 3600 * 1000;
const YEAR_MS: i64 = 365 * DAY_MS;

/// What a work is within its continuity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A TV or web season (or a sequel series).
    Season,
    /// A later part or cour of a season ("Part 2", 第2クール).
    Part,
    Film,
    /// A compilation or re-edit of what aired (総集編, 新編集版, 特別編, Director's Cut).
    Recap,
    /// A remaster or rebroadcast of a season (HDリマスター).
    Remaster,
    /// An OVA, a special, or a single broadcast.
    Special,
    /// A side series of the story: chibi shorts, a diary, a side story (`転スラ日記`,
    /// `Re:プチから始める異世界生活`, `… オルタナティブ …`).
    SideStory,
}

/// Words that mark a side series when they stand in a title's subtitle.
const SIDE_WORDS: &[&str] = &["ぷち", "プチ", "petit", "ちび", "ピコ", "mini", "short story", "alternative", "side story"];

/// Words that mark a side series wherever they stand: they are never part of a story's name.
const SIDE_ANYWHERE: &[&str] = &["ちょこっとアニメ", "ミニアニメ", "ミニ劇場", "ショートアニメ", "しょーと", "しょ~と", "chibi", "ちびキャラ", "休憩時間", "オルタナティブ", "外伝", "スピンオフ", "すぴんおふ", "spin-off", "spinoff"];

/// Whether a light title names a side series (in its subtitle, for words that may begin a name).
fn is_side(light: &str) -> bool {
    if SIDE_ANYWHERE.iter().any(|w| light.contains(w)) {
        return true;
    }
    // A chibi version in Chinese is a "Q版": 魔道祖师Q.
    let mut tail = light.chars().rev();
    if light.contains("q版") || tail.next() == Some('q') && tail.next().is_some_and(is_ideograph) {
        return true;
    }
    let Some(at) = light.char_indices().find(|&(at, c)| at > 0 && super::title::is_separator(c)).map(|(at, _)| at) else { return false };
    let subtitle = &light[at..];
    SIDE_WORDS.iter().any(|w| subtitle.contains(w))
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

impl Role {
    pub fn of(entry: &Entry, titles: &Titles) -> Role {
        let marked = |kind: MarkerKind| titles.forms.iter().any(|(_, f)| f.has(kind));
        let native = titles.native();
        match entry.kind {
            _ if marked(MarkerKind::Recap) => Role::Recap,
            _ if marked(MarkerKind::Remaster) => Role::Remaster,
            WorkKind::Movie => Role::Film,
            WorkKind::Ova => Role::Special,
            WorkKind::Tv | WorkKind::Web => {
                // A single broadcast is a special, unless it is a streaming season released at
                // once, which its title numbers.
                let single = entry.is_single_broadcast();
                let numbered = entry.kind == WorkKind::Web && native.season().is_some();
                if is_side(&native.light) {
                    Role::SideStory
                } else if single && !numbered || native.has(MarkerKind::Special) || native.has(MarkerKind::Film) {
                    Role::Special
                } else if native.has(MarkerKind::Part) {
                    Role::Part
                } else {
                    Role::Season
                }
            }
        }
    }

    /// A new part of the story on TV or the web: what a next season can be.
    pub fn is_new_story(self) -> bool {
        matches!(self, Role::Season | Role::Part)
    }
}

/// Whether a TV or web work starts the story over within its franchise: it carries the year it
/// is known by ("(2019)"), or it has the very title of an older series of the franchise that
/// ended three years or more before it, and no season marker.
pub fn restarts(entries: &[Entry], titles: &[Titles], w: usize, earlier: &[usize]) -> Option<String> {
    let entry = &entries[w];
    if !matches!(entry.kind, WorkKind::Tv | WorkKind::Web) {
        return None;
    }
    let begin = entry.begin_ms?;
    let native = titles[w].native();
    if let Some(year) = native.marker(MarkerKind::Year).and_then(|m| m.number) {
        let began = 1970 + (begin + 9 * 3600 * 1000) / YEAR_MS;
        // The year tells a new version from an older work of the very name (うる星やつら(2022)
        // and うる星やつら); a year after a name no older work bears is a new season's
        // (ルパン三世(2015) after ルパン三世 PARTⅢ).
        let renames = earlier.iter().any(|&e| titles[e].native().key == native.stem && titles[e].native().markers.is_empty());
        if (year as i64 - began).abs() <= 1 && !native.continues() && renames {
            return Some(format!("\"{}\" is known by its year, {year}: a new series", native.shown));
        }
    }
    if native.continues() {
        return None;
    }
    // A series after ten years or more in which the franchise had nothing new, whose title does
    // not say it continues (無限の住人-IMMORTAL- after 無限の住人): a new adaptation.
    let last = earlier.iter().filter_map(|&e| entries[e].end_ms.or(entries[e].begin_ms).map(|end| end.max(entries[e].begin_ms.unwrap_or(end)))).max();
    if last.is_some_and(|last| begin - last >= 10 * YEAR_MS) {
        return Some(format!("\"{}\" began ten years or more after anything else of its franchise, and its title does not say it continues: a new series", native.shown));
    }
    for &e in earlier {
        let old = &entries[e];
        // The very title, as written but for width and case: 銀魂゜ after 銀魂 is a later season.
        // The older may be of any kind (the OVA ジョジョの奇妙な冒険 of 1993 and the series of 2012).
        if titles[e].native().light != native.light {
            continue;
        }
        let ended = old.end_ms.or(old.begin_ms.map(|b| b + YEAR_MS));
        if ended.is_some_and(|ended| begin - ended >= 3 * YEAR_MS) {
            return Some(format!("\"{}\" has the name of the series of {} and began years after it ended: a new series", native.shown, year_of(old.begin_ms)));
        }
    }
    None
}

pub fn year_of(ms: Option<i64>) -> String {
    ms.map(|ms| (1970.0 + (ms + 9 * 3600 * 1000) as f64 / (365.2425 * DAY_MS as f64)) as i64).map_or("unknown year".into(), |y| y.to_string())
}

/// The next season of `w` among the members of its continuity (placed, in premiere order): the
/// earliest TV or web season or part that began after it, and not within its run to end before
/// it (a short that aired beside it is no next season). A season of the work's own name wins
/// over another that began up to three years before it (a side series between two seasons). A
/// remaster's or recap's next is the next remaster or recap; a side series' is its own next.
pub fn next_of(entries: &[Entry], roles: &[Role], stems: &[&str], members: &[usize], w: usize) -> Option<usize> {
    let mine = &entries[w];
    let begin = mine.begin_ms?;
    let run_end = mine.end_ms.filter(|e| *e >= begin);
    let wanted = |x: usize| match roles[w] {
        Role::Remaster | Role::Recap => matches!(roles[x], Role::Remaster | Role::Recap),
        // A side series is a continuity of its own.
        Role::SideStory => roles[x] == Role::SideStory,
        _ => roles[x].is_new_story(),
    };
    // A work of the same name is a later season whatever the data says of the run's end (it
    // may count rebroadcasts).
    let nested = |x: usize| stems[x] != stems[w] && match (run_end, entries[x].end_ms) {
        (Some(end), Some(x_end)) => entries[x].begin_ms.is_some_and(|b| b < end - 14 * DAY_MS) && x_end <= end + 14 * DAY_MS,
        _ => false,
    };
    let candidates: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&x| x != w && matches!(entries[x].kind, WorkKind::Tv | WorkKind::Web) && wanted(x) && !nested(x))
        .filter(|&x| entries[x].begin_ms.is_some_and(|b| b > begin))
        .collect();
    let first = candidates.iter().copied().min_by_key(|&x| (entries[x].begin_ms, x))?;
    let own = candidates
        .iter()
        .copied()
        .filter(|&x| stems[x] == stems[w] && entries[x].begin_ms.zip(entries[first].begin_ms).is_some_and(|(b, f)| b - f <= 3 * YEAR_MS))
        .min_by_key(|&x| (entries[x].begin_ms, x));
    Some(own.unwrap_or(first))
}
