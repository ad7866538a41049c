//! The rules of one field, wherever it is: a line or a paragraph of text, a name in another
//! language and its language tag, a slug, a link, regions. The show's rules, the imported facts'
//! rules and the catalogue's all call these; they call none of those, so the rules import one
//! way.

use super::problem::Problem;
use super::schema::*;
use crate::regions;

/// Titles, names, headings: one line of text.
const MAX_LINE_CHARS: usize = 300;
/// Paragraphs, summaries, footnotes.
pub(super) const MAX_PARAGRAPH_CHARS: usize = 10_000;

/// One line of text: a title, a name, a heading.
pub(super) fn check_text(path: &str, text: &str, problems: &mut Vec<Problem>) {
    check_text_of(path, text, MAX_LINE_CHARS, problems)
}

/// The rules every text of the bundle follows; the first one broken is reported.
pub(super) fn check_text_of(path: &str, text: &str, max_chars: usize, problems: &mut Vec<Problem>) {
    if let Some(message) = text_problem_of(text, max_chars) {
        problems.push(Problem::new(path, message));
    }
}

/// What is wrong with a line of text (a title, a name), by the bundle's rules, if anything:
/// for writers of shards that check text before they use it.
pub fn text_problem(text: &str) -> Option<String> {
    text_problem_of(text, MAX_LINE_CHARS)
}

fn text_problem_of(text: &str, max_chars: usize) -> Option<String> {
    // One pass over the text for the rules of its characters (every text of every shard).
    let (mut count, mut invisible, mut control) = (0, None, false);
    for c in text.chars() {
        count += 1;
        if invisible.is_none() && is_invisible_control(c) {
            invisible = Some(c);
        }
        control |= c.is_control() && c != '\n';
    }
    if text.trim().is_empty() {
        Some("must not be empty".to_string())
    } else if count > max_chars {
        Some(format!("is {count} characters long; at most {max_chars}"))
    } else if let Some(c) = invisible {
        Some(format!("contains the invisible control character U+{:04X}, which can hide or reorder text", c as u32))
    } else if control {
        Some("contains control characters".to_string())
    } else {
        crate::mojibake::detect(text).map(|repair| {
            format!("looks mis-decoded (UTF-8 read as {}): did you mean \"{}\"?", repair.code_page, shorten(&repair.text))
        })
    }
}

/// Bidirectional overrides and isolates reorder the text around them; zero-width spaces and
/// stray byte-order marks hide in it. (Zero-width joiners are left alone: emoji and some
/// scripts need them.)
fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A long text cut to a readable length for a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// An offer's `only` and `except` (at `at`, which ends with a dot): known region codes.
pub(super) fn check_regions(at: &str, only: &[String], except: &[String], problems: &mut Vec<Problem>) {
    for (list, codes) in [("only", only), ("except", except)] {
        for (j, code) in codes.iter().enumerate() {
            if !regions::is_known_region(code) {
                problems.push(Problem::new(
                    format!("{at}{list}[{j}]"),
                    format!("unknown region \"{code}\": use an ISO 3166 country code (\"JP\") or africa, americas, asia, europe, oceania"),
                ));
            }
        }
    }
}

pub(super) fn check_native(path: &str, native: Option<&NativeText>, problems: &mut Vec<Problem>) {
    if let Some(native) = native {
        check_text(&format!("{path}.text"), &native.text, problems);
        check_lang(&format!("{path}.lang"), &native.lang, problems);
    }
}

pub(super) fn check_name(path: &str, name: &Name, problems: &mut Vec<Problem>) {
    check_text(&format!("{path}.name"), &name.name, problems);
    check_native(&format!("{path}.native"), name.native.as_ref(), problems);
}

/// A BCP 47 tag of the simple kind the bundle needs: "ja", "en", "pt-BR", "zh-Hant".
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts.next().is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    let rest_ok = parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    primary_ok && rest_ok
}

pub(super) fn check_lang(path: &str, tag: &str, problems: &mut Vec<Problem>) {
    if !is_language_tag(tag) {
        problems.push(Problem::new(path, format!("\"{tag}\" is not a language tag such as \"ja\" or \"en\"")));
    }
}

/// A slug made of an id alone, for a work that had no Latin name: `bgm-488197`, `mal-54794`,
/// `work-<hash>`, and those with a number after them when taken (`bgm-1-2`). Only such a slug
/// is ever renamed (the import's registry), so only such a slug can be a former address.
pub fn is_id_slug(slug: &str) -> bool {
    ["bgm-", "mal-", "anilist-", "anidb-", "work-"].iter().any(|p| {
        slug.strip_prefix(p).is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'))
    })
}

/// Slugs are URL path segments: lowercase letters, digits and single hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(super) fn check_slug(path: &str, slug: &str, problems: &mut Vec<Problem>) {
    if !is_valid_slug(slug) {
        problems.push(Problem::new(path, format!("\"{slug}\" is not a slug: use lowercase letters, digits and single hyphens")));
    }
}

/// Links leave the site, so only https to a named host: no `javascript:`, `data:` or `http:`.
pub fn is_safe_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.contains('@')
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b':')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

pub(super) fn check_url(path: &str, url: &str, problems: &mut Vec<Problem>) {
    if !is_safe_url(url) {
        problems.push(Problem::new(path, format!("\"{url}\" is not an https link to a host (https://…)")));
    }
}

/// A piece of paragraph text: plain text, or a reference to a footnote written `[^id]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(&'a str),
    FootnoteRef(&'a str),
}

/// Splits a paragraph into text and footnote references. Everything else is text: the bundle
/// has no markup, so nothing in it is ever interpreted as HTML.
pub fn inline(text: &str) -> Vec<Inline<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        let after = &rest[start + 2..];
        match after.find(']') {
            Some(end) if end > 0 && after[..end].chars().all(|c| c.is_ascii_alphanumeric()) => {
                if start > 0 {
                    pieces.push(Inline::Text(&rest[..start]));
                }
                pieces.push(Inline::FootnoteRef(&after[..end]));
                rest = &after[end + 1..];
            }
            _ => {
                pieces.push(Inline::Text(&rest[..start + 2]));
                rest = after;
            }
        }
    }
    if !rest.is_empty() {
        pieces.push(Inline::Text(rest));
    }
    pieces
}
