//! Text comparison for humans: case and diacritics folded, so that "cote d'ivoire" sorts, and
//! later matches, where "Côte d’Ivoire" is. And the pieces of an English sentence that are in
//! another language, so that pages can mark them with their `lang`.

/// Lowercase, with the Latin letters' diacritics removed and typographic quotes made plain.
pub fn fold(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).map(fold_char).collect()
}

/// Text as search compares it, so that a title matches the way fans type it: [`fold`], then
/// katakana as hiragana (フリーレン and ふりーれん), × as x (SPY×FAMILY), full-width letters as
/// plain ones, punctuation (hyphens, dots, colons, brackets) as spaces (kaguya-sama), and romaji's long vowels written short, with を's "wo" as "o": "sōsō",
/// "sousou" and "soso" are one word. Applied alike to the titles and to what is typed, so that an
/// English word shortened the same way (book, bok) still finds itself.
pub fn fold_for_search(text: &str) -> String {
    let folded: String = fold(text)
        .chars()
        .map(|c| match c {
            'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            '×' | '✕' => 'x',
            // Full-width Latin letters and digits as the plain ones fans type (ＳＦ, ２).
            'ａ'..='ｚ' | '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            // Punctuation and symbols are spaces: "Kaina:", "(Dai 2 Cour)" and "Re：ゼロ" are
            // typed with or without them.
            c if !c.is_alphanumeric() => ' ',
            other => other,
        })
        .collect();
    let mut out = String::with_capacity(folded.len());
    for (i, word) in folded.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if core == "wo" {
            out.push('o');
            out.push_str(&word[core.len()..]);
            continue;
        }
        let mut last: Option<char> = None;
        for c in word.chars() {
            // A long vowel (ou, uu, oo, aa, ii, ee) is its first vowel.
            let long = matches!((last, c), (Some('o'), 'u') | (Some('u'), 'u') | (Some('o'), 'o') | (Some('a'), 'a') | (Some('i'), 'i') | (Some('e'), 'e'));
            if long {
                last = None;
                continue;
            }
            out.push(c);
            last = Some(c);
        }
    }
    out
}

/// How a word in Latin letters sounds, roughly, as Japanese writes it in katakana: its
/// consonants, with English spellings and their katakana transliterations made one
/// ("bomberman" and "bonbaaman" are `bmbmn`, "market" and "maaketto" `mkt`, "alice" and "arisu"
/// `rs`). Vowels are dropped (katakana adds them), l is r, v is b, c is k or s, th and z are s,
/// ts is t, an n before b, p or m is m, an r (or l) that no vowel follows is dropped (the long
/// vowel of "paatii" for "party"), and a doubled consonant is one. Search uses it only
/// where a typed word is not found as it is written ([`crate::search`]). `word` is as
/// [`fold_for_search`] gives it; a word with anything but ASCII letters has none.
pub fn sound_key(word: &str) -> Option<String> {
    // Letters only: a number ("00042", "86") sounds like nothing but itself.
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let b = word.as_bytes();
    let vowel = |c: Option<&u8>| matches!(c, Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y'));
    // Each consonant, and whether a vowel follows it in the word.
    let mut consonants: Vec<(u8, bool)> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (sound, used) = match (b[i], next) {
            (b'p', Some(b'h')) => (Some(b'f'), 2),
            (b'c', Some(b'k')) | (b'q', Some(b'u')) => (Some(b'k'), 2),
            (b't' | b's', Some(b'h')) => (Some(b's'), 2),
            (b'c', Some(b'h')) => (Some(b'c'), 2),
            (b't', Some(b's')) => (Some(b't'), 2),
            (b'w', Some(b'h')) => (Some(b'h'), 2),
            (b'd', Some(b'z')) => (Some(b's'), 2),
            (b'c', Some(b'e' | b'i' | b'y')) => (Some(b's'), 1),
            (b'c' | b'q', _) => (Some(b'k'), 1),
            (b'x', _) => {
                consonants.extend([(b'k', false), (b's', vowel(b.get(i + 1)))]);
                (None, 1)
            }
            (b'l', _) => (Some(b'r'), 1),
            (b'v', _) => (Some(b'b'), 1),
            (b'z', _) => (Some(b's'), 1),
            (b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'h', _) => (None, 1),
            (c, _) => (Some(c), 1),
        };
        if let Some(c) = sound {
            consonants.push((c, vowel(b.get(i + used))));
        }
        i += used;
    }
    let mut out = String::with_capacity(consonants.len());
    for (at, &(c, before_vowel)) in consonants.iter().enumerate() {
        let next = consonants.get(at + 1).map(|&(n, _)| n);
        let c = match (c, next) {
            // Japanese writes an r that no vowel follows as a long vowel: "party" is paatii.
            (b'r', _) if !before_vowel => continue,
            (b'n', Some(b'b' | b'p' | b'm')) => b'm',
            (c, _) => c,
        };
        if out.as_bytes().last() != Some(&c) {
            out.push(c as char);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A count with its thousands marked, as English writes it: "1,385", "100,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text made safe to put in HTML, in content or in a quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether markup could run nothing once parsed: no element that loads or runs code or
/// changes where the page's addresses point (`script`, `iframe`, `object`, `base`, …), no
/// event handler attribute (`onclick=`), no `srcdoc`, and no `javascript:` or `vbscript:`
/// address, even spelled with character references or split by blanks. The app gives the
/// browser's HTML parser only its own views' static markup and the country list; this is the
/// check of its Trusted Types policy (`browser::install_markup_policy`), which refuses the rest.
pub fn is_inert_markup(html: &str) -> bool {
    const ELEMENTS: &[&str] = &["script", "iframe", "frame", "object", "embed", "base", "meta", "link", "style", "portal"];
    let plain = decoded_for_check(html);
    let tag_named = |name: &str| {
        plain.match_indices(name).any(|(at, _)| {
            let before = &plain[..at];
            let after = plain[at + name.len()..].chars().next();
            (before.ends_with('<') || before.ends_with("</")) && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
        })
    };
    let handler = plain.match_indices("on").any(|(at, _)| {
        let before = plain[..at].chars().next_back();
        let name: String = plain[at + 2..].chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        before.is_some_and(|c| c == '/' || c == '"' || c == '\'' || c.is_whitespace()) && !name.is_empty() && plain[at + 2 + name.len()..].trim_start().starts_with('=')
    });
    let squeezed: String = plain.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    !(ELEMENTS.iter().any(|name| tag_named(name))
        || handler
        || squeezed.contains("srcdoc=")
        || squeezed.contains("javascript:")
        || squeezed.contains("vbscript:"))
}

/// `html` lower-cased, with its numeric character references (`&#115;`, `&#x73;`) and the
/// named ones that spell a colon or a blank decoded, as an attribute's value is read.
fn decoded_for_check(html: &str) -> String {
    let lower = html.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // A reference is short: up to ten characters after the ampersand.
        let end = rest.char_indices().skip(1).take(11).find(|&(_, c)| matches!(c, ';' | '<' | '"' | '&') || c.is_whitespace()).map_or_else(
            || rest.char_indices().nth(11).map_or(rest.len(), |(at, _)| at),
            |(at, _)| at,
        );
        let reference = &rest[1..end];
        let number = match reference.strip_prefix("#x") {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => reference.strip_prefix('#').and_then(|digits| digits.parse().ok()),
        };
        let decoded = match reference {
            "colon" => Some(':'),
            "tab" | "newline" | "nbsp" => Some(' '),
            _ => number.and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.extend(c.to_lowercase());
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The pieces of an English text, each with its language where that is not English: `known`
/// (a title whose language is `lang`) wherever it occurs, and each run of East Asian script. A
/// run with kana is Japanese and one with hangul Korean; one of Han characters alone is in
/// `lang` (they are written in Japanese and in Chinese alike), and left unmarked without a
/// `lang` or when `lang` is English. The pieces, put back together, are the text.
pub fn language_pieces<'a>(text: &'a str, known: Option<&str>, lang: Option<&'a str>) -> Vec<(&'a str, Option<&'a str>)> {
    let lang = lang.filter(|l| !l.is_empty() && !is_english(l));
    // Byte ranges of the text, each with its language; side by side ones of one language joined.
    let mut ranges: Vec<(usize, usize, Option<&'a str>)> = Vec::new();
    let mut push = |start: usize, end: usize, in_lang: Option<&'a str>| match ranges.last_mut() {
        _ if start == end => {}
        Some(last) if last.1 == start && last.2 == in_lang => last.1 = end,
        _ => ranges.push((start, end, in_lang)),
    };
    let mut from = 0;
    if let (Some(known), Some(lang)) = (known.filter(|k| !k.trim().is_empty()), lang) {
        while let Some(at) = text[from..].find(known).map(|at| from + at) {
            script_runs(text, from, at, lang, &mut push);
            push(at, at + known.len(), Some(lang));
            from = at + known.len();
        }
    }
    script_runs(text, from, text.len(), lang.unwrap_or_default(), &mut push);
    // A known title and the run beside it, apart only by a space or a mark, are one piece.
    let mut pieces: Vec<(usize, usize, Option<&'a str>)> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match pieces.as_mut_slice() {
            [.., before, (gap_start, gap_end, None)]
                if before.2.is_some() && before.2 == range.2 && text[*gap_start..*gap_end].chars().all(joins_east_asian) =>
            {
                before.1 = range.1;
                pieces.pop();
            }
            _ => pieces.push(range),
        }
    }
    pieces.into_iter().map(|(start, end, in_lang)| (&text[start..end], in_lang)).collect()
}

fn is_english(tag: &str) -> bool {
    tag.split(['-', '_']).next().is_some_and(|primary| primary.eq_ignore_ascii_case("en"))
}

/// The runs of East Asian script in `text[start..end]`, and the plain text between them, given
/// to `push` in order. A run begins and ends with a letter of those scripts and holds only those
/// letters and what may stand between two of them in a title (spaces, digits, East Asian
/// punctuation, a few ASCII marks: "戦国妖狐 千魔混沌編", "第2期"). `lang`: for Han alone ("" for none).
fn script_runs<'a>(text: &str, start: usize, end: usize, lang: &'a str, push: &mut impl FnMut(usize, usize, Option<&'a str>)) {
    let chars: Vec<(usize, char)> = text[start..end].char_indices().map(|(at, c)| (start + at, c)).collect();
    let mut plain_from = start;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !is_east_asian_letter(c) {
            i += 1;
            continue;
        }
        // The run goes on to the last letter reached through letters and joiners only.
        let (mut last, mut kana, mut hangul) = (i, is_kana(c), is_hangul(c));
        let mut j = i + 1;
        while let Some(&(_, next)) = chars.get(j) {
            if is_east_asian_letter(next) {
                (last, kana, hangul) = (j, kana || is_kana(next), hangul || is_hangul(next));
            } else if !joins_east_asian(next) {
                break;
            }
            j += 1;
        }
        // East Asian brackets right around the run are its own: "哔哩哔哩（港澳台）", "「戦国妖狐」".
        while last + 1 < chars.len() && is_east_asian_closer(chars[last + 1].1) {
            last += 1;
        }
        let mut first = i;
        while first > 0 && chars[first - 1].0 >= plain_from && is_east_asian_opener(chars[first - 1].1) {
            first -= 1;
        }
        let run_start = chars[first].0;
        let run_end = chars[last].0 + chars[last].1.len_utf8();
        let run_lang = if kana { "ja" } else if hangul { "ko" } else { lang };
        push(plain_from, run_start, None);
        push(run_start, run_end, Some(run_lang).filter(|l| !l.is_empty()));
        plain_from = run_end;
        i = last + 1;
    }
    push(plain_from, end, None);
}

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF)
}

fn is_east_asian_letter(c: char) -> bool {
    is_kana(c)
        || is_hangul(c)
        // Han: unified ideographs, extension A, compatibility ideographs, the supplementary
        // planes; iteration marks and 〇.
        || matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0x3005..=0x3007)
}

fn is_east_asian_opener(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '【' | '〈' | '《' | '〔' | '［' | '〖' | '(')
}

fn is_east_asian_closer(c: char) -> bool {
    matches!(c, '）' | '」' | '』' | '】' | '〉' | '》' | '〕' | '］' | '〗' | ')')
}

/// What may stand between two East Asian letters inside one title.
fn joins_east_asian(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_digit()
        || matches!(c, ':' | '-' | '!' | '?' | '.' | '~' | '&' | '/' | '\'' | '(' | ')')
        // CJK symbols and punctuation, full-width forms, general punctuation (…, ―).
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2010..=0x206F)
}

fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' => '\'',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::{escape_html, fold, fold_for_search, is_inert_markup, language_pieces, sound_key};

    #[test]
    fn counts_mark_their_thousands() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1385), "1,385");
        assert_eq!(super::thousands(100_000), "100,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn english_spellings_sound_as_their_katakana() {
        let key = |w: &str| sound_key(&fold_for_search(w)).unwrap_or_default();
        for (english, katakana) in [
            ("bomberman", "bonbaaman"),
            ("market", "maaketto"),
            ("alice", "arisu"),
            ("circus", "saakasu"),
            ("queen", "kuiin"),
            ("holmes", "hoomuzu"),
            ("party", "paatii"),
            ("slime", "suraimu"),
            ("gridman", "guriddoman"),
            ("universe", "yunibaasu"),
            ("second", "sekando"),
            ("twin", "tsuin"),
            ("ballerina", "bareriina"),
            ("conan", "konan"),
        ] {
            assert_eq!(key(english), key(katakana), "{english} / {katakana}");
        }
        for (a, b) in [("market", "magic"), ("alice", "angel"), ("queen", "king"), ("party", "power")] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
        assert_eq!(sound_key("ふりーれん"), None);
        assert_eq!(sound_key(""), None);
        assert_eq!(sound_key("aaa"), None);
        assert_eq!(sound_key("00042"), None, "numbers are found as written");
        assert_eq!(sound_key("syn00042"), None);
    }

    #[test]
    fn search_folds_the_ways_fans_type_a_title() {
        for same in [["Sōsō no Frieren", "sousou no frieren", "soso no frieren"], ["Shukufuku wo!", "shukufuku o!", "SHUKUFUKU O!"], ["SPY×FAMILY", "spyxfamily", "SpyXFamily"], ["フリーレン", "ふりーれん", "フリーレン"]] {
            assert_eq!(fold_for_search(same[0]), fold_for_search(same[1]), "{same:?}");
            assert_eq!(fold_for_search(same[1]), fold_for_search(same[2]), "{same:?}");
        }
        assert_eq!(fold_for_search("Kaguya-sama"), "kaguya sama");
        assert_eq!(fold_for_search("Kyoukai no Kanata"), "kyokai no kanata");
        // Only whole "wo" is を: "woman" and "two" stay.
        assert_eq!(fold_for_search("two women"), "two women");
        assert_ne!(fold_for_search("Sousou"), fold_for_search("Sasou"));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape_html(r#"<a href="x">Tom & 'Jerry'</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Natalia Hernández"), "natalia hernandez");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("メタリックルージュ"), "メタリックルージュ");
        assert!(fold("Côte d’Ivoire") < fold("Croatia"));
    }

    #[test]
    fn marks_the_pieces_in_other_languages() {
        let ja = Some("ja");
        assert_eq!(language_pieces("Will Metallic Rouge have season 2?【Release Date】", Some("メタリックルージュ"), ja), [("Will Metallic Rouge have season 2?【Release Date】", None)]);
        assert_eq!(language_pieces("Will 戦国妖狐 get another season?", Some("戦国妖狐"), ja), [("Will ", None), ("戦国妖狐", ja), (" get another season?", None)]);
        // A known title is marked whole, with its Latin letters.
        assert_eq!(language_pieces("機動戦士ガンダムSEED", Some("機動戦士ガンダムSEED"), ja), [("機動戦士ガンダムSEED", ja)]);
        assert_eq!(
            language_pieces("the title \"戦国妖狐 千魔混沌編\" is \"戦国妖狐\" with the arc name \"千魔混沌編\"", None, ja),
            [("the title \"", None), ("戦国妖狐 千魔混沌編", ja), ("\" is \"", None), ("戦国妖狐", ja), ("\" with the arc name \"", None), ("千魔混沌編", ja), ("\"", None)]
        );
        assert_eq!(language_pieces("\"戦国妖狐 千魔混沌編\" is \"戦国妖狐\"", Some("戦国妖狐"), ja), [("\"", None), ("戦国妖狐 千魔混沌編", ja), ("\" is \"", None), ("戦国妖狐", ja), ("\"", None)]);
        assert_eq!(language_pieces("進撃の巨人 The Final Season", None, None), [("進撃の巨人", ja), (" The Final Season", None)]);
        assert_eq!(language_pieces("第2期 (2024)", None, Some("zh-Hans")), [("第2期", Some("zh-Hans")), (" (2024)", None)]);
        // Han alone is Japanese or Chinese: without a language it stays unmarked.
        assert_eq!(language_pieces("木棉花 HK", None, None), [("木棉花 HK", None)]);
        assert_eq!(language_pieces("木棉花 HK", None, Some("zh")), [("木棉花", Some("zh")), (" HK", None)]);
        assert_eq!(language_pieces("哔哩哔哩（港澳台）", None, Some("zh")), [("哔哩哔哩（港澳台）", Some("zh"))]);
        assert_eq!(language_pieces("あはれ！名作くん(第2期) (2017)", None, ja), [("あはれ！名作くん(第2期)", ja), (" (2017)", None)]);
        assert_eq!(language_pieces("the marker \"(第6期)\"", None, ja), [("the marker \"", None), ("(第6期)", ja), ("\"", None)]);
        assert_eq!(language_pieces("the title 「戦国妖狐」.", None, ja), [("the title ", None), ("「戦国妖狐」", ja), (".", None)]);
        assert_eq!(language_pieces("Will Metallic Rouge have season 2?【Release Date】", None, ja), [("Will Metallic Rouge have season 2?【Release Date】", None)]);
        assert_eq!(language_pieces("금수저", None, Some("ja")), [("금수저", Some("ko"))]);
        assert_eq!(language_pieces("戦国妖狐", Some("戦国妖狐"), Some("en")), [("戦国妖狐", None)]);
        assert_eq!(language_pieces("", Some("x"), ja), []);
    }

    #[test]
    fn markup_that_could_run_a_script_is_not_inert() {
        for safe in [
            r#"<section class="ns-intro" aria-labelledby="ns-intro-h"><h2 id="ns-intro-h">Intro</h2><p></p></section>"#,
            r#"<option value="">Not set</option><option value="JP">Japan</option><option value="CI">Côte d&#x27;Ivoire</option>"#,
            r#"<a href="/shows/x" class="ns-link">Sections &amp; notes</a><form action="/" role="search"><input name="q"></form>"#,
            "<p>The scripted online game; a conversation; Don't onboard</p>",
            r#"<svg viewBox="0 0 10 10"><path d="M0 0"></path></svg><p data-stylesheet="x">metallic</p>"#,
        ] {
            assert!(is_inert_markup(safe), "{safe}");
        }
        for unsafe_ in [
            "<script>alert(1)</script>",
            "<SCRIPT src=x></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img/onerror = alert(1) src=x>",
            r#"<p class="a"onclick="x()">"#,
            r#"<a href="javascript:alert(1)">x</a>"#,
            r#"<a href="java&#115;cript:alert(1)">x</a>"#,
            r#"<a href="java&#x09;script&colon;alert(1)">x</a>"#,
            "<a href=\"java\tscript:x\">x</a>",
            "<p>&ééééééééééééé &#xZZ; &; &</p><script>",
            r#"<iframe srcdoc="<p>"></iframe>"#,
            r#"<object data="x"></object>"#,
            "<base href=//evil.example>",
            "<style>*{}</style>",
            r#"<svg><animate onbegin="x()"></animate></svg>"#,
        ] {
            assert!(!is_inert_markup(unsafe_), "{unsafe_}");
        }
    }
}
