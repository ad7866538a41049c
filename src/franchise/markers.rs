//! The markers titles use for seasons, parts, arcs, films, recaps and remasters, in every form
//! bangumi-data writes them (Japanese, English and Chinese): `第2期`, `2期`, `十五期`,
//! `第2シリーズ`, `第二季`, `2nd Season`, `Season 2`, `S2`, `セカンドシーズン`, `Ⅱ`/`II`,
//! `弐`/`肆`, a trailing number, `第2クール`, `後半クール`, `Part 2`, `Act.2`, `Volume 2`,
//! `続`/`完`/`最終章`, an arc `…編`, a year `(2018)`, `総集編`, `新編集版`, `特別編`,
//! `HDリマスター`, `劇場版`, `OVA`. Titles here are already light-normalised
//! ([`super::title::light`]): NFKC, lowercase, one form of each bracket, tilde and dash.

/// What a marker says about a work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkerKind {
    /// A numbered season (`第2期`, `Season 2`, `Ⅱ`).
    Season,
    /// A numbered part or cour of a season (`第2クール`, `Part 2`, `後編`).
    Part,
    /// A continuation without a number (`続`, `完`, `最終章`, `Final Season`, `新章`).
    Sequel,
    /// A story arc's name after the title (`千魔混沌編`, `: The … Arc`).
    Arc,
    /// The year a title's new version is known by (`(2019)`).
    Year,
    Film,
    /// A compilation or re-edit of episodes already aired (`総集編`, `新編集版`, `特別編`).
    Recap,
    /// A remaster or rebroadcast of a season (`HDリマスター`).
    Remaster,
    /// An OVA, OAD or special episode.
    Special,
}

impl MarkerKind {
    /// Markers of a new part of the story, which begins after what it continues.
    pub fn continues(self) -> bool {
        matches!(self, Self::Season | Self::Part | Self::Sequel | Self::Arc)
    }

    pub fn describe(self) -> &'static str {
        match self {
            Self::Season => "the season marker",
            Self::Part => "the part marker",
            Self::Sequel => "the sequel marker",
            Self::Arc => "the arc name",
            Self::Year => "the year",
            Self::Film => "the film marker",
            Self::Recap => "the recap marker",
            Self::Remaster => "the remaster marker",
            Self::Special => "the special marker",
        }
    }
}

/// A marker found in a title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub number: Option<u32>,
    /// As the title writes it (light-normalised).
    pub text: String,
}

/// A number as titles write it: digits, kanji numerals (also the formal 弐, 参, 肆…), Roman
/// numerals.
pub fn number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().filter(|n| (1..=99).contains(n));
    }
    if let Some(n) = roman(text) {
        return Some(n);
    }
    let digit = |c: char| match c {
        '一' | '壱' | '壹' => Some(1),
        '二' | '弐' | '貮' | '貳' => Some(2),
        '三' | '参' | '參' => Some(3),
        '四' | '肆' => Some(4),
        '五' | '伍' => Some(5),
        '六' | '陸' => Some(6),
        '七' | '漆' => Some(7),
        '八' | '捌' => Some(8),
        '九' | '玖' => Some(9),
        _ => None,
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十' | '拾'] => Some(10),
        [c] => digit(*c),
        ['十' | '拾', u] => Some(10 + digit(*u)?),
        [t, '十' | '拾'] => Some(10 * digit(*t)?),
        [t, '十' | '拾', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// "ii" … "x" (light titles write Ⅱ as "ii").
pub fn roman(text: &str) -> Option<u32> {
    const ASCII: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    ASCII.iter().position(|r| *r == text).map(|at| at as u32 + 1)
}

/// "2nd", "3rd", "4th" → 2, 3, 4.
pub fn ordinal(text: &str) -> Option<u32> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    matches!(suffix, "st" | "nd" | "rd" | "th").then(|| number(digits).filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))).flatten()
}

fn marker(kind: MarkerKind, number: Option<u32>, text: &str) -> Marker {
    Marker { kind, number, text: text.trim().to_string() }
}

/// Words that mark a recap, a remaster, a film or a special wherever they stand.
const WORDED: &[(&str, MarkerKind)] = &[
    ("劇場総集編", MarkerKind::Recap),
    ("総集編", MarkerKind::Recap),
    ("特別編集版", MarkerKind::Recap),
    ("新編集版", MarkerKind::Recap),
    ("再編集版", MarkerKind::Recap),
    ("特別編", MarkerKind::Recap),
    ("特別篇", MarkerKind::Recap),
    ("ディレクターズカット版", MarkerKind::Recap),
    ("ディレクターズカット", MarkerKind::Recap),
    ("director's cut", MarkerKind::Recap),
    ("directors cut", MarkerKind::Recap),
    ("compilation", MarkerKind::Recap),
    ("hdリマスター版", MarkerKind::Remaster),
    ("hdリマスター", MarkerKind::Remaster),
    ("リマスター版", MarkerKind::Remaster),
    ("リマスター", MarkerKind::Remaster),
    ("remastered", MarkerKind::Remaster),
    ("remaster", MarkerKind::Remaster),
    ("劇場版", MarkerKind::Film),
    ("the movie", MarkerKind::Film),
    ("ova", MarkerKind::Special),
    ("oad", MarkerKind::Special),
    ("番外編", MarkerKind::Special),
    ("スペシャル", MarkerKind::Special),
    ("番外篇", MarkerKind::Special),
];

/// What a marker written on its own (in brackets, or after a space) says.
pub fn classify(token: &str) -> Option<Marker> {
    use MarkerKind::*;
    let token = token.trim().trim_end_matches(['!', '?', '.']).trim();
    if token.is_empty() {
        return None;
    }
    if let Some((_, kind)) = WORDED.iter().find(|(w, _)| *w == token) {
        return Some(marker(*kind, None, token));
    }
    let words: Vec<&str> = token.split(' ').collect();
    let numbered = |kind, n: Option<u32>| n.map(|n| marker(kind, Some(n), token));
    match words.as_slice() {
        ["final", "season"] | ["the", "final", "season"] | ["the", "final"] | ["final"] | ["final", "chapter"] => return Some(marker(Sequel, None, token)),
        ["season", n] | ["series", n] => return numbered(Season, number(n)),
        [n, "season"] | [n, "series"] => return numbered(Season, ordinal(n).or_else(|| number(n))),
        ["part", n] | ["cour", n] => return numbered(Part, number(n.trim_start_matches('.'))),
        ["act", n] | ["volume", n] | ["vol", n] | ["vol.", n] => return numbered(Season, number(n)),
        ["movie"] | ["the", "movie"] => return Some(marker(Film, None, token)),
        ["special"] | ["sp"] => return Some(marker(Special, None, token)),
        [_, _, ..] => return None,
        _ => {}
    }
    match token {
        "続" | "續" | "続編" | "續編" | "続章" | "新章" | "最終章" | "完結編" | "完結篇" | "完" | "ファイナルシーズン" | "新" | "新シリーズ" => {
            return Some(marker(Sequel, None, token))
        }
        "セカンドシーズン" | "セカンド" => return Some(marker(Season, Some(2), token)),
        "サードシーズン" => return Some(marker(Season, Some(3), token)),
        "前編" | "前篇" | "前半" | "前半クール" | "上巻" => return Some(marker(Part, Some(1), token)),
        "後編" | "後篇" | "後半" | "後半クール" | "下巻" => return Some(marker(Part, Some(2), token)),
        "映画" => return Some(marker(Film, None, token)),
        _ => {}
    }
    if token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()) && (token.starts_with("19") || token.starts_with("20")) {
        return Some(marker(Year, token.parse().ok(), token));
    }
    for prefix in ["シーズン", "season", "series", "s"] {
        let rest = token.strip_prefix(prefix).filter(|rest| prefix != "s" || rest.bytes().all(|b| b.is_ascii_digit()));
        if let Some(n) = rest.and_then(number) {
            return Some(marker(Season, Some(n), token));
        }
    }
    for prefix in ["part.", "part", "パート", "act.", "act", "vol.", "vol", "volume"] {
        if let Some(n) = token.strip_prefix(prefix).and_then(number) {
            let kind = if prefix.starts_with('p') || prefix.starts_with('パ') { Part } else { Season };
            return Some(marker(kind, Some(n), token));
        }
    }
    if let Some(n) = ordinal(token) {
        return Some(marker(Season, Some(n), token));
    }
    if let Some(n) = token.strip_suffix("クール目").and_then(number) {
        return Some(marker(Part, Some(n), token));
    }
    if let Some(n) = token.strip_suffix("年目").and_then(number) {
        return Some(marker(Season, Some(n), token));
    }
    if let Some(n) = token.strip_suffix("代目").and_then(number) {
        return Some(marker(Season, Some(n), token));
    }
    let unnumbered = token.strip_prefix('第').unwrap_or(token);
    let has_dai = unnumbered.len() < token.len();
    for (unit, kind) in [
        ("期", Season),
        ("季", Season),
        ("シリーズ", Season),
        ("シーズン", Season),
        ("クール", Part),
        ("部分", Part),
        ("部", Part),
        ("章", Part),
        ("幕", Season),
        ("弾", Season),
    ] {
        if let Some(n) = unnumbered.strip_suffix(unit).and_then(number) {
            // "2期", "十五期" alone are seasons; "2部", "2章" need their 第.
            if has_dai || matches!(unit, "期" | "季" | "シリーズ" | "クール") {
                return Some(marker(kind, Some(n), token));
            }
        }
    }
    // A bare number or Roman numeral; not a single Latin letter ("J to X" is no tenth season).
    if let Some(n) = number(token).filter(|n| (2..=30).contains(n)).filter(|_| token.len() > 1 || !token.is_ascii() || token.bytes().all(|b| b.is_ascii_digit())) {
        return Some(marker(Season, Some(n), token));
    }
    // An arc: a name of its own followed by 編 or 篇 (千魔混沌編), or a chapter's short name (深章).
    if let Some(name) = token.strip_suffix('章') {
        if (1..=3).contains(&name.chars().count()) && number(name).is_none() && !name.contains(['(', ')', ' ']) {
            return Some(marker(Arc, None, token));
        }
    }
    for suffix in ['編', '篇'] {
        if let Some(name) = token.strip_suffix(suffix) {
            let length = name.chars().count();
            if (1..=15).contains(&length) && !name.contains(['(', ')', ' ']) && !name.ends_with(['長', '短', '前', '後', '中', '全', '続', '新', '完', '本']) {
                return Some(marker(Arc, None, token));
            }
        }
    }
    None
}

/// Markers written onto the end of a title with no space: `X第2期`, `Xシーズン2`, `X2`, `XⅡ`,
/// `X弐`, `X続編`, `X総集編`, `XOVA`. Returns the title before it and the marker.
pub fn attached(title: &str) -> Option<(&str, Marker)> {
    let ascii_word_before = |before: &str| before.ends_with(|c: char| c.is_ascii_alphanumeric());
    for (word, _) in WORDED {
        if let Some(before) = title.strip_suffix(word) {
            let latin = word.is_ascii();
            if !(before.is_empty() || latin && ascii_word_before(before)) {
                return classify(word).map(|m| (before, m));
            }
        }
    }
    for word in ["続編", "續編", "続章", "最終章", "完結編", "完結篇", "セカンドシーズン", "ファイナルシーズン", "後半クール", "前半クール"] {
        if let Some(before) = title.strip_suffix(word).filter(|b| !b.is_empty()) {
            return classify(word).map(|m| (before, m));
        }
    }
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    // Numbered CJK markers: 第2期, 2期, 十五期, 第29シリーズ, シーズン2, 2クール目.
    // Longest first, so that 第2期 is read whole, not as 2期 after a 第.
    for &(at, _) in chars.iter().skip(chars.len().saturating_sub(10).max(1)) {
        let (before, tail) = title.split_at(at);
        let numbered = tail.starts_with('第') || tail.starts_with("シーズン") || tail.chars().next().is_some_and(|c| c.is_ascii_digit() || number(&c.to_string()).is_some());
        if !numbered || before.ends_with(|c: char| c.is_ascii_digit() || number(&c.to_string()).is_some()) {
            continue;
        }
        if let Some(m) = classify(tail).filter(|m| m.number.is_some() && !tail.is_ascii()) {
            return Some((before, m));
        }
    }
    // A Roman numeral after a letter that is not Latin, or after a number (モブサイコ100ii).
    for roman_text in ["viii", "vii", "iii", "ii", "iv", "vi", "ix", "v", "x"] {
        if let Some(before) = title.strip_suffix(roman_text) {
            if before.ends_with(|c: char| !c.is_ascii() && c.is_alphanumeric() || c.is_ascii_digit()) {
                return Some((before, marker(MarkerKind::Season, roman(roman_text), roman_text)));
            }
        }
    }
    // A number after a letter that is not Latin: 精霊幻想記2, 魔都精兵のスレイブ2.
    let digits = title.len() - title.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=2).contains(&digits) {
        let (before, tail) = title.split_at(title.len() - digits);
        if before.ends_with(|c: char| !c.is_ascii() && c.is_alphanumeric()) {
            if let Some(n) = number(tail).filter(|n| (2..=30).contains(n)) {
                return Some((before, marker(MarkerKind::Season, Some(n), tail)));
            }
        }
    }
    // A formal numeral written onto the title: 戦国BASARA弐.
    if let Some(&(at, c)) = chars.last() {
        if matches!(c, '弐' | '貮' | '貳' | '参' | '肆' | '伍' | '陸' | '漆' | '捌' | '玖') && at > 0 {
            return Some((&title[..at], marker(MarkerKind::Season, number(&c.to_string()), &c.to_string())));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(token: &str) -> Option<(MarkerKind, Option<u32>)> {
        classify(token).map(|m| (m.kind, m.number))
    }

    #[test]
    fn tokens_in_every_form_the_data_uses() {
        use MarkerKind::*;
        for (token, expected) in [
            ("第2期", (Season, Some(2))),
            ("第二期", (Season, Some(2))),
            ("2期", (Season, Some(2))),
            ("十五期", (Season, Some(15))),
            ("第29シリーズ", (Season, Some(29))),
            ("第二季", (Season, Some(2))),
            ("第3季", (Season, Some(3))),
            ("2nd season", (Season, Some(2))),
            ("season 2", (Season, Some(2))),
            ("season2", (Season, Some(2))),
            ("s2", (Season, Some(2))),
            ("セカンドシーズン", (Season, Some(2))),
            ("シーズン2", (Season, Some(2))),
            ("ii", (Season, Some(2))),
            ("肆", (Season, Some(4))),
            ("2", (Season, Some(2))),
            ("2nd", (Season, Some(2))),
            ("act.2", (Season, Some(2))),
            ("actii", (Season, Some(2))),
            ("volume 5", (Season, Some(5))),
            ("第2クール", (Part, Some(2))),
            ("後半クール", (Part, Some(2))),
            ("part 2", (Part, Some(2))),
            ("part.2", (Part, Some(2))),
            ("第2部分", (Part, Some(2))),
            ("続", (Sequel, None)),
            ("完", (Sequel, None)),
            ("最終章", (Sequel, None)),
            ("the final season", (Sequel, None)),
            ("千魔混沌編", (Arc, None)),
            ("厄災篇", (Arc, None)),
            ("2018", (Year, Some(2018))),
            ("総集編", (Recap, None)),
            ("新編集版", (Recap, None)),
            ("特別編", (Recap, None)),
            ("hdリマスター", (Remaster, None)),
            ("劇場版", (Film, None)),
            ("oad", (Special, None)),
        ] {
            assert_eq!(kind(token), Some(expected), "{token}");
        }
    }

    #[test]
    fn words_that_are_no_markers() {
        for token in ["長編", "完全", "season", "the", "1", "100", "0", "two", "smile", "x-men", "第1話", "2a", "x", "v"] {
            assert_eq!(kind(token), None, "{token}");
        }
    }

    #[test]
    fn markers_written_onto_titles() {
        let found = |t: &str| attached(t).map(|(before, m)| (before.to_string(), m.kind, m.number));
        assert_eq!(found("モブサイコ100iii"), Some(("モブサイコ100".into(), MarkerKind::Season, Some(3))));
        assert_eq!(found("オーバーロードii"), Some(("オーバーロード".into(), MarkerKind::Season, Some(2))));
        assert_eq!(found("精霊幻想記2"), Some(("精霊幻想記".into(), MarkerKind::Season, Some(2))));
        assert_eq!(found("銀魂第2期"), Some(("銀魂".into(), MarkerKind::Season, Some(2))));
        assert_eq!(found("闇芝居十五期"), Some(("闇芝居".into(), MarkerKind::Season, Some(15))));
        assert_eq!(found("戦国basara弐"), Some(("戦国basara".into(), MarkerKind::Season, Some(2))));
        assert_eq!(found("ヴァイオレット・エヴァーガーデン特別編集版"), Some(("ヴァイオレット・エヴァーガーデン".into(), MarkerKind::Recap, None)));
        // Latin words and numbers that belong to the title stay.
        for title in ["hawaii", "らんま1/2", "ゴールデンカムイ", "gundam 00", "86", "ルパン三世", "モブサイコ100"] {
            assert_eq!(found(title), None, "{title}");
        }
    }
}
