//! A title as franchises compare titles: normalised, split into the franchise's name (its stem),
//! the markers after it, and its main title before a subtitle.

use super::markers::{attached, classify, Marker, MarkerKind};
use unicode_normalization::UnicodeNormalization;

/// A title with one form of everything that varies without meaning: compatibility forms
/// (full-width letters, half-width kana, Ⅱ as "II") by NFKC, lowercase, one kind of tilde, dash
/// and bracket, single spaces.
pub fn light(title: &str) -> String {
    let mapped: String = title
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '〜' | '∼' | '〰' => '~',
            '―' | '‐' | '‑' | '–' | '—' | '−' => '-',
            '【' | '〔' | '［' | '〈' | '《' | '『' | '「' => '「',
            '】' | '〕' | '］' | '〉' | '》' | '』' | '」' => '」',
            '[' => '(',
            ']' => ')',
            '\u{3000}' => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters and digits only: two titles that differ only in punctuation and spaces
/// (かぐや様は告らせたい？～… and かぐや様は告らせたい～…) have one key.
pub fn key(light: &str) -> String {
    light.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether a key names enough to be a franchise's name: two letters, four in Latin script,
/// and not a number alone.
pub fn is_name(key: &str) -> bool {
    let letters = key.chars().count();
    key.chars().any(char::is_alphabetic) && if key.is_ascii() { letters >= 4 } else { letters >= 2 }
}

/// Separators between a title and what follows it.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ':' | '-' | '~' | '・' | '/' | '|' | '(' | '「' | '.' | '&' | '+' | '×' | ',' | '、' | '!' | '?')
}

fn trim_separators(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '~' | '・' | '/' | '|' | ',' | '、'))
}

/// One title of a work, analysed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// As written, for reasons.
    pub shown: String,
    pub light: String,
    /// The whole title's key.
    pub key: String,
    /// The key without the markers at its end and the prefixes before it: the franchise's name.
    pub stem: String,
    /// The stem as the title writes it (for reasons).
    pub stem_shown: String,
    /// Markers found, outermost last.
    pub markers: Vec<Marker>,
    /// The key of the main title before a subtitle (`Dr.STONE` of `Dr.STONE NEW WORLD`), when the
    /// stem has a subtitle.
    pub main: Option<String>,
    /// The main title as the title writes it.
    pub main_shown: Option<String>,
}

impl Form {
    pub fn of(title: &str) -> Form {
        let light = light(title);
        let (rest, mut markers) = strip(&light);
        // Each marker as the title writes it, but for width (モブサイコ100III's "III", not "iii").
        let written: String = title.nfkc().collect();
        for marker in &mut markers {
            if let Some(found) = find_ignoring_case(&written, &marker.text) {
                marker.text = found;
            }
        }
        let stem_light = trim_separators(rest).to_string();
        let stem = key(&stem_light);
        // The main title is read on the whole title: a subtitle may end in what the stem lost
        // (かぐや様は告らせたい-ウルトラロマンティック-).
        // After a film's or sequel's prefix: the main title of `劇場版 夏目友人帳 ～うつせみに結ぶ～`
        // is 夏目友人帳, not 劇場版.
        let (main_light, main) = match main_title(without_prefix(&light).0).filter(|m| key(m) != stem) {
            Some(m) => (Some(m.to_string()), Some(key(m))),
            None => (None, None),
        };
        Form { shown: title.to_string(), key: key(&light), light, stem_shown: as_written(title, &stem), stem, markers, main: main.filter(|m| is_name(m)), main_shown: main_light.map(|m| as_written(title, &key(&m))) }
    }

    /// The first marker of a kind.
    pub fn marker(&self, kind: MarkerKind) -> Option<&Marker> {
        self.markers.iter().find(|m| m.kind == kind)
    }

    pub fn has(&self, kind: MarkerKind) -> bool {
        self.marker(kind).is_some()
    }

    /// Its season's number, when the title gives one.
    pub fn season(&self) -> Option<u32> {
        self.marker(MarkerKind::Season).and_then(|m| m.number)
    }

    /// Whether the title marks a new part of the story (a season, part, sequel or arc).
    pub fn continues(&self) -> bool {
        self.markers.iter().any(|m| m.kind.continues())
    }

    /// The markers as the title writes them: "第2期", "Season 3 Part 2".
    pub fn markers_text(&self) -> String {
        self.markers.iter().rev().map(|m| m.text.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// The part of a title whose key is `wanted`, as the title writes it ("MAJOR" for "major").
pub fn as_written(title: &str, wanted: &str) -> String {
    let light = light(title);
    let ends = light.char_indices().map(|(at, _)| at).skip(1).chain([light.len()]);
    let mut best = None;
    for end in ends {
        if key(&light[..end]) == wanted {
            best = Some(trim_separators(&light[..end]).to_string());
            break;
        }
    }
    // The light form keeps what the reader wrote apart from width and case; use the original
    // when it has the same number of characters.
    match best {
        Some(found) if light.chars().count() == title.chars().count() => {
            let start = light.find(&found).map(|at| light[..at].chars().count()).unwrap_or(0);
            title.chars().skip(start).take(found.chars().count()).collect()
        }
        Some(found) => found,
        None => wanted.to_string(),
    }
}

/// `wanted` (lowercase) in `text`, as `text` writes it.
fn find_ignoring_case(text: &str, wanted: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let want: Vec<char> = wanted.chars().collect();
    if want.is_empty() || want.len() > chars.len() {
        return None;
    }
    (0..=chars.len() - want.len()).rev().find(|&at| chars[at..at + want.len()].iter().zip(&want).all(|(c, w)| c.to_lowercase().eq(std::iter::once(*w)))).map(|at| chars[at..at + want.len()].iter().collect())
}

/// Prefixes that mark a film or a continuation before the title: 劇場版, 映画, 続, 新, 真.
const PREFIXES: &[(&str, MarkerKind)] = &[
    ("劇場版 ", MarkerKind::Film),
    ("劇場版", MarkerKind::Film),
    ("映画 ", MarkerKind::Film),
    ("映画", MarkerKind::Film),
    ("続・", MarkerKind::Sequel),
    ("続 ", MarkerKind::Sequel),
    ("続", MarkerKind::Sequel),
    ("新・", MarkerKind::Sequel),
    ("新 ", MarkerKind::Sequel),
    ("真・", MarkerKind::Sequel),
    ("the movie ", MarkerKind::Film),
];

/// The title without the marker before it (劇場版, 続, 新・), and that marker.
pub fn without_prefix(light: &str) -> (&str, Option<Marker>) {
    for (prefix, kind) in PREFIXES {
        if let Some(after) = light.strip_prefix(prefix) {
            if is_name(&key(after)) {
                return (after, Some(Marker { kind: *kind, number: None, text: prefix.trim().to_string() }));
            }
        }
    }
    (light, None)
}

/// The title without its markers: at its end (brackets, words after a space, markers written
/// onto it) and before it (劇場版, 続, 新・).
pub fn strip(light: &str) -> (&str, Vec<Marker>) {
    let (mut rest, prefix) = without_prefix(light);
    let mut markers: Vec<Marker> = prefix.into_iter().collect();
    for _ in 0..5 {
        let spaced = rest.trim_end();
        let trimmed = trim_end_punctuation(spaced);
        let found = strip_one(spaced).filter(|(before, _)| is_name(&key(before))).or_else(|| strip_one(trimmed).filter(|(before, _)| is_name(&key(before))));
        match found {
            Some((before, marker)) => {
                markers.push(marker);
                rest = before;
            }
            None => {
                rest = trimmed;
                break;
            }
        }
    }
    (rest, markers)
}

/// Without the punctuation a title may end on (!, ?, 。, ♪): "銀魂." and "銀魂" are one name.
fn trim_end_punctuation(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '!' | '?' | '。' | '.' | '♪' | '☆' | '★' | '♡' | '♥' | '*' | '＊' | '~' | '-' | ':' | '・' | '゚' | '\'' | '′' | '″' | '´'))
}

/// One marker off the end of a title.
fn strip_one(title: &str) -> Option<(&str, Marker)> {
    // In brackets: X(第2期), X (2018), X「第2クール」.
    for (open, close) in [('(', ')'), ('「', '」')] {
        if let Some(inner_end) = title.strip_suffix(close) {
            if let Some(at) = inner_end.rfind(open) {
                let inner = &inner_end[at + open.len_utf8()..];
                return classify(inner).or_else(|| attached(inner).filter(|(before, _)| before.is_empty()).map(|(_, m)| m)).map(|m| (&title[..at], m));
            }
        }
    }
    // Between tildes or dashes at the end: X ~actiii~, X -訣別譚-.
    for mark in ['~', '-'] {
        if let Some(inner_end) = title.strip_suffix(mark) {
            if let Some(at) = inner_end.rfind(mark) {
                if let Some(m) = classify(&inner_end[at + 1..]) {
                    return Some((&title[..at], m));
                }
            }
        }
    }
    // An English arc: "X: The Thousandfold Chaos Arc", "X - Entertainment District Arc".
    if let Some(before) = title.strip_suffix(" arc") {
        if let Some(at) = before.rfind(": ").or_else(|| before.rfind(" - ")) {
            let name = before[at..].trim_start_matches([':', ' ', '-']);
            if (1..=6).contains(&name.split(' ').count()) {
                return Some((&title[..at], Marker { kind: MarkerKind::Arc, number: None, text: title[at..].trim_start_matches([':', ' ', '-']).to_string() }));
            }
        }
    }
    // A marker after a space or separator: the last three words, then two, then one.
    let words: Vec<(usize, &str)> = word_starts(title);
    for n in [3, 2, 1] {
        if words.len() > n {
            let at = words[words.len() - n].0;
            if let Some(m) = classify(trim_separators(&title[at..])) {
                return Some((&title[..at], m));
            }
        }
    }
    attached(title)
}

/// The words of a title, each with where it starts: split at spaces, and at a colon or tilde.
fn word_starts(title: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in title.char_indices() {
        let split = c == ' ' || c == ':' || c == '~';
        match (split, start) {
            (true, Some(s)) => {
                out.push((s, &title[s..at]));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &title[s..]));
    }
    out
}

/// The main title before a subtitle: before the first space, colon, tilde, dash or bracket that
/// begins one (`dr.stone` of `dr.stone new world`, `かぐや様は告らせたい` of
/// `かぐや様は告らせたい-ウルトラロマンティック-`). None when the title has no subtitle.
pub fn main_title(light: &str) -> Option<&str> {
    let mut best = None;
    for (at, c) in light.char_indices() {
        let begins = match c {
            ' ' | '~' | '「' | '(' => true,
            ':' => true,
            '-' => light[at + 1..].contains('-') || light[..at].ends_with(' ') || light[at + 1..].starts_with(' '),
            _ => false,
        };
        if begins && at > 0 {
            best = Some(&light[..at]);
            break;
        }
    }
    let main = trim_separators(best?);
    (is_name(&key(main)) && key(main) != key(light)).then_some(main)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(title: &str) -> (String, Vec<MarkerKind>) {
        let f = Form::of(title);
        (f.stem, f.markers.iter().map(|m| m.kind).collect())
    }

    #[test]
    fn stems_without_their_markers() {
        use MarkerKind::*;
        for (title, expected, kinds) in [
            ("戦国妖狐 千魔混沌編", "戦国妖狐", vec![Arc]),
            ("銀魂(第2期)", "銀魂", vec![Season]),
            ("ゴールデンカムイ(第二期)", "ゴールデンカムイ", vec![Season]),
            ("BEASTARS 2nd Season", "beastars", vec![Season]),
            ("SPY×FAMILY Season 2", "spyfamily", vec![Season]),
            ("進撃の巨人 Season3 Part.2", "進撃の巨人", vec![Part, Season]),
            ("ゴブリンスレイヤーⅡ", "ゴブリンスレイヤー", vec![Season]),
            ("モブサイコ100III", "モブサイコ100", vec![Season]),
            ("Dr.STONE NEW WORLD(第2クール)", "drstonenewworld", vec![Part]),
            ("うる星やつら(2022)第2期", "うる星やつら", vec![Season, Year]),
            ("らんま1/2(2024)", "らんま12", vec![Year]),
            ("劇場版 灼眼のシャナ", "灼眼のシャナ", vec![Film]),
            ("続 夏目友人帳", "夏目友人帳", vec![Sequel]),
            ("夏目友人帳 肆", "夏目友人帳", vec![Season]),
            ("ダンジョンに出会いを求めるのは間違っているだろうかIV 深章 厄災篇", "ダンジョンに出会いを求めるのは間違っているだろうか", vec![Arc, Arc, Season]),
            ("ダイヤのA actII", "ダイヤのa", vec![Season]),
            ("ポケットモンスター ベストウイッシュ シーズン2", "ポケットモンスターベストウイッシュ", vec![Season]),
            ("ひぐらしのなく頃に解", "ひぐらしのなく頃に解", vec![]),
            ("鬼滅の刃 遊郭編 特別編集版", "鬼滅の刃", vec![Recap, Arc]),
            ("Sengoku Youko: The Thousandfold Chaos Arc", "sengokuyouko", vec![Arc]),
            ("辉夜大小姐想让我告白～天才们的恋爱头脑战～ 第二季", "辉夜大小姐想让我告白天才们的恋爱头脑战", vec![Season]),
            ("忍たま乱太郎 第29シリーズ", "忍たま乱太郎", vec![Season]),
            ("進撃の巨人 The Final Season", "進撃の巨人", vec![Sequel]),
            ("WORKING!!!", "working", vec![]),
        ] {
            assert_eq!(stem(title), (expected.to_string(), kinds), "{title}");
        }
    }

    #[test]
    fn titles_without_markers_stay_whole() {
        for title in ["メタリックルージュ", "Angel Beats!", "ONE PIECE", "名探偵コナン 時計じかけの摩天楼", "らんま1/2", "ルパン三世", "機動戦士ガンダム00", "86―エイティシックス―", "長編"] {
            assert_eq!(Form::of(title).markers, [], "{title}");
        }
        // A marker on too short a base is no marker.
        assert_eq!(Form::of("ABC 2nd Season").markers, []);
    }

    #[test]
    fn main_titles_before_subtitles() {
        let main = |t: &str| Form::of(t).main;
        assert_eq!(main("Dr.STONE NEW WORLD").as_deref(), Some("drstone"));
        assert_eq!(main("かぐや様は告らせたい-ウルトラロマンティック-").as_deref(), Some("かぐや様は告らせたい"));
        assert_eq!(main("かぐや様は告らせたい～天才たちの恋愛頭脳戦～").as_deref(), Some("かぐや様は告らせたい"));
        assert_eq!(main("Kaguya-sama: Love Is War").as_deref(), Some("kaguyasama"));
        assert_eq!(main("メタリックルージュ"), None);
        assert_eq!(main("A B"), None);
    }

    #[test]
    fn stems_as_written() {
        assert_eq!(Form::of("MAJOR 2nd season").stem_shown, "MAJOR");
        assert_eq!(Form::of("ＭＡＪＯＲ　2nd").stem_shown, "ＭＡＪＯＲ");
        assert_eq!(Form::of("Dr.STONE NEW WORLD").main_shown.as_deref(), Some("Dr.STONE"));
        assert_eq!(Form::of("モブサイコ100III").markers_text(), "III");
        assert_eq!(Form::of("BEASTARS 2nd Season").markers_text(), "2nd Season");
    }
}
