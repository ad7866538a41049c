//! The bundle: its schema (serde types) and its validation, in one place.
//!
//! The app, the native tests and the editor's tools all decode through [`decode_show`] and
//! [`decode_catalogue`], so a file that the tests accept is a file the site renders, and every
//! problem is reported the same way: the JSON path of the field and what is wrong with it.
//! Unknown fields are ignored (serde's default), so newer bundles stay readable.

use crate::dates::{Instant, PartialDate, Precision};
use crate::regions;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema version this site reads; a bundle of another version is refused by name.
pub const SCHEMA_VERSION: u64 = 1;

/// One show: the content of `data/shows/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Show {
    pub schema: u64,
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_title: Option<NativeText>,
    /// Other titles the show is known by (English release titles, abbreviations): searchable.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_titles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seasons: Option<u32>,
    #[serde(default)]
    pub genres: Vec<String>,
    #[serde(default)]
    pub studios: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlook: Option<Outlook>,
    pub article: Article,
    #[serde(default)]
    pub watch: Vec<Offer>,
    #[serde(default)]
    pub cast: Vec<Role>,
    #[serde(default)]
    pub read_also: Vec<ShowLink>,
}

/// Text in the show's own language and script, rendered with its `lang`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct NativeText {
    pub text: String,
    /// BCP 47 tag: "ja".
    pub lang: String,
}

/// What the anime adapts.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Source {
    pub kind: SourceKind,
    /// The adapted work's author, for an adaptation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Original,
    Manga,
    LightNovel,
    Novel,
    WebNovel,
    VideoGame,
    Other,
}

impl Source {
    /// "Original anime (not based on a manga or novel)", "Manga by Satoshi Mizukami".
    pub fn label(&self) -> String {
        let kind = match self.kind {
            SourceKind::Original => return "Original anime (not based on a manga or novel)".into(),
            SourceKind::Manga => "Manga",
            SourceKind::LightNovel => "Light novel",
            SourceKind::Novel => "Novel",
            SourceKind::WebNovel => "Web novel",
            SourceKind::VideoGame => "Video game",
            SourceKind::Other => "Other",
        };
        match &self.author {
            Some(author) => format!("{kind} by {author}"),
            None => kind.into(),
        }
    }
}

/// What is known of the next season.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Outlook {
    pub status: Status,
    /// The article's reasoning, in a few sentences.
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The exact premiere, once announced with a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere_at: Option<Instant>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NoAnnouncement,
    Announced,
    Dated,
    Airing,
    Cancelled,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Self::NoAnnouncement => "No announcement",
            Self::Announced => "Announced",
            Self::Dated => "Date announced",
            Self::Airing => "Airing",
            Self::Cancelled => "Cancelled",
        }
    }

    /// The bundle's own word, used as a CSS modifier.
    pub fn key(self) -> &'static str {
        match self {
            Self::NoAnnouncement => "no-announcement",
            Self::Announced => "announced",
            Self::Dated => "dated",
            Self::Airing => "airing",
            Self::Cancelled => "cancelled",
        }
    }
}

/// When the next season is expected: from a date, optionally to another, or open-ended.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Window {
    pub from: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    #[serde(default)]
    pub or_later: bool,
}

impl Window {
    /// "2025 or later", "Spring 2025 to Fall 2025", "January 11, 2027".
    pub fn label(&self) -> String {
        match (&self.to, self.or_later) {
            (Some(to), _) => format!("{} to {}", self.from.label(), to.label()),
            (None, true) => format!("{} or later", self.from.label()),
            (None, false) => self.from.label(),
        }
    }

    pub fn precision(&self) -> Precision {
        self.from.precision()
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Article {
    pub headline: String,
    /// Paragraphs; `[^id]` in any paragraph refers to a footnote.
    #[serde(default)]
    pub intro: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Section {
    pub heading: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub subsections: Vec<Section>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Footnote {
    pub id: String,
    pub text: String,
}

/// A place to watch the show.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Offer {
    pub platform: String,
    pub url: String,
    pub kind: OfferKind,
    /// Where it can be used: only these regions (empty: everywhere)…
    #[serde(default)]
    pub only: Vec<String>,
    /// …except these.
    #[serde(default)]
    pub except: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Offer {
    pub fn available_in(&self, country: &str) -> bool {
        regions::available_in(&self.only, &self.except, country)
    }

    pub fn availability_label(&self) -> String {
        regions::availability_label(&self.only, &self.except)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    Subscription,
    Free,
    Rent,
    Buy,
    Broadcast,
}

impl OfferKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Subscription => "Subscription",
            Self::Free => "Free",
            Self::Rent => "Rent",
            Self::Buy => "Buy",
            Self::Broadcast => "TV broadcast",
        }
    }
}

/// A character and who voices them.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Role {
    pub character: Name,
    pub voices: Vec<Voice>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Voice {
    pub actor: Name,
    /// The language of the performance (BCP 47 primary tag): "ja" for the original Japanese.
    pub language: String,
}

/// A name as readers of the site write it, and in its own script where known.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Name {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native: Option<NativeText>,
}

/// A link to another show; it carries its title so that a show page needs no catalogue.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct ShowLink {
    pub slug: String,
    pub title: String,
}

/// The catalogue: `data/index.json`, one short entry per show.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Catalogue {
    pub schema: u64,
    pub shows: Vec<CatalogueEntry>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct CatalogueEntry {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_title: Option<NativeText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_titles: Vec<String>,
    #[serde(default)]
    pub studios: Vec<String>,
    #[serde(default)]
    pub genres: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premiere: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// When the show's article was last updated (else published): the catalogue's default order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
}

impl Catalogue {
    pub fn contains(&self, slug: &str) -> bool {
        self.shows.iter().any(|s| s.slug == slug)
    }
}

/// One thing wrong with a file: where (a JSON path such as `article.sections[2].heading`, or
/// `line 3, column 14` for broken JSON) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Decodes and validates a show shard. `expected_slug` is the slug its URL names: a shard
/// served under another show's name is refused.
pub fn decode_show(text: &str, expected_slug: &str) -> Result<Show, Vec<Problem>> {
    let show: Show = decode(text)?;
    let mut problems = Vec::new();
    validate_show(&show, &mut problems);
    if show.slug != expected_slug {
        problems.push(Problem::new("slug", format!("is \"{}\" but the file is for \"{expected_slug}\"", show.slug)));
    }
    if problems.is_empty() {
        Ok(show)
    } else {
        Err(problems)
    }
}

/// Decodes and validates the catalogue index.
pub fn decode_catalogue(text: &str) -> Result<Catalogue, Vec<Problem>> {
    let catalogue: Catalogue = decode(text)?;
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, entry) in catalogue.shows.iter().enumerate() {
        let at = |field: &str| format!("shows[{i}].{field}");
        check_slug(&at("slug"), &entry.slug, &mut problems);
        if !seen.insert(entry.slug.as_str()) {
            problems.push(Problem::new(at("slug"), format!("\"{}\" is listed twice", entry.slug)));
        }
        check_text(&at("title"), &entry.title, &mut problems);
        check_native(&at("native_title"), entry.native_title.as_ref(), &mut problems);
        for (list, values) in [("alt_titles", &entry.alt_titles), ("studios", &entry.studios), ("genres", &entry.genres)] {
            for (j, value) in values.iter().enumerate() {
                check_text(&at(&format!("{list}[{j}]")), value, &mut problems);
            }
        }
    }
    if problems.is_empty() {
        Ok(catalogue)
    } else {
        Err(problems)
    }
}

/// JSON → typed value, with the schema version checked first so that a future bundle gets
/// "unsupported schema version" rather than whatever field it renamed.
///
/// The typed structs are read straight from the text; when serde refuses it, the JSON path is
/// found from the line and column it reports ([`path_at`]). This costs a few dozen lines
/// instead of a path-tracking deserializer monomorphized over every type (about 64 KB of wasm
/// before optimisation, measured with twiggy).
fn decode<T: DeserializeOwned>(text: &str) -> Result<T, Vec<Problem>> {
    #[derive(Deserialize)]
    struct Header {
        schema: Option<u64>,
    }
    let problem = |e: serde_json::Error| {
        let reason = e.to_string();
        // serde_json ends its messages with " at line L column C", which the path replaces.
        let reason = reason.split(" at line ").next().unwrap_or_default();
        if e.is_syntax() || e.is_eof() {
            Problem::new(format!("line {}, column {}", e.line(), e.column()), format!("not valid JSON: {reason}"))
        } else {
            Problem::new(path_at(text, e.line(), e.column(), reason.starts_with("missing field")), reason)
        }
    };
    // serde would also read a struct from an array of its fields; the bundle has only objects.
    if text.trim_start().starts_with('[') {
        return Err(vec![Problem::new("(top level)", "must be a JSON object ({ … })")]);
    }
    let header: Header = serde_json::from_str(text).map_err(|e| vec![problem(e)])?;
    match header.schema {
        None => return Err(vec![Problem::new("schema", format!("missing: this site reads schema version {SCHEMA_VERSION}"))]),
        Some(SCHEMA_VERSION) => {}
        Some(v) => {
            return Err(vec![Problem::new(
                "schema",
                format!("unsupported schema version {v}: this site reads version {SCHEMA_VERSION}"),
            )])
        }
    }
    serde_json::from_str(text).map_err(|e| vec![problem(e)])
}

/// The JSON path (`cast[2].voices[0].actor.name`) of the value where serde_json stopped, from the
/// line and column it reports (1-based line, bytes from the line's start). Walks the text up to
/// there, keeping the stack of open objects (with their current key) and arrays (with their
/// current index).
///
/// serde_json reads on to an object's closing brace before it reports an error of the object's
/// last field: when the position follows a closing bracket, the path goes into what just closed,
/// to its last key or index, unless `about_container` (a missing field is the object's fault).
pub fn path_at(text: &str, line: usize, column: usize, about_container: bool) -> String {
    #[derive(Clone)]
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let line_start = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    let end = (line_start + column).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut just_closed: Option<Frame> = None;
    let mut expecting_key = false;
    let mut i = 0;
    while i < end {
        let byte = bytes[i];
        if !byte.is_ascii_whitespace() {
            just_closed = None;
        }
        match byte {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                just_closed = stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        let raw = &text[start..i.min(text.len())];
                        *key = Some(serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string()));
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if !about_container {
        stack.extend(just_closed);
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        "(top level)".to_string()
    } else {
        path
    }
}

fn validate_show(show: &Show, problems: &mut Vec<Problem>) {
    check_slug("slug", &show.slug, problems);
    check_text("title", &show.title, problems);
    check_native("native_title", show.native_title.as_ref(), problems);
    if show.seasons == Some(0) {
        problems.push(Problem::new("seasons", "must be at least 1 (leave it out when unknown)"));
    }
    for (list, values) in [("alt_titles", &show.alt_titles), ("genres", &show.genres), ("studios", &show.studios)] {
        for (i, value) in values.iter().enumerate() {
            check_text(&format!("{list}[{i}]"), value, problems);
        }
    }
    if let Some(source) = &show.source {
        if let Some(author) = &source.author {
            check_text("source.author", author, problems);
        }
    }
    if let Some(outlook) = &show.outlook {
        validate_outlook(outlook, problems);
    }
    validate_article(&show.article, problems);
    for (i, offer) in show.watch.iter().enumerate() {
        let at = |field: &str| format!("watch[{i}].{field}");
        check_text(&at("platform"), &offer.platform, problems);
        check_url(&at("url"), &offer.url, problems);
        for (list, codes) in [("only", &offer.only), ("except", &offer.except)] {
            for (j, code) in codes.iter().enumerate() {
                if !regions::is_known_region(code) {
                    problems.push(Problem::new(
                        at(&format!("{list}[{j}]")),
                        format!("unknown region \"{code}\": use an ISO 3166 country code (\"JP\") or africa, americas, asia, europe, oceania"),
                    ));
                }
            }
        }
        if let Some(note) = &offer.note {
            check_text(&at("note"), note, problems);
        }
    }
    for (i, role) in show.cast.iter().enumerate() {
        check_name(&format!("cast[{i}].character"), &role.character, problems);
        if role.voices.is_empty() {
            problems.push(Problem::new(format!("cast[{i}].voices"), "lists no voice actor"));
        }
        for (j, voice) in role.voices.iter().enumerate() {
            check_name(&format!("cast[{i}].voices[{j}].actor"), &voice.actor, problems);
            check_lang(&format!("cast[{i}].voices[{j}].language"), &voice.language, problems);
        }
    }
    for (i, link) in show.read_also.iter().enumerate() {
        check_slug(&format!("read_also[{i}].slug"), &link.slug, problems);
        check_text(&format!("read_also[{i}].title"), &link.title, problems);
        if link.slug == show.slug {
            problems.push(Problem::new(format!("read_also[{i}].slug"), "links the show to itself"));
        }
    }
}

fn validate_outlook(outlook: &Outlook, problems: &mut Vec<Problem>) {
    check_text("outlook.summary", &outlook.summary, problems);
    if let Some(window) = &outlook.window {
        if let Some(to) = &window.to {
            if to.earliest_day() < window.from.earliest_day() {
                problems.push(Problem::new("outlook.window.to", format!("{to} is before from ({})", window.from)));
            }
            if window.or_later {
                problems.push(Problem::new("outlook.window.or_later", "cannot be true when the window has an end (to)"));
            }
        }
    }
    let day_known = outlook.premiere_at.is_some()
        || outlook.window.as_ref().is_some_and(|w| w.precision() == Precision::Day && w.to.is_none());
    if outlook.status == Status::Dated && !day_known {
        problems.push(Problem::new(
            "outlook.window",
            "status \"dated\" needs the day: a window with a YYYY-MM-DD date and no end, or premiere_at",
        ));
    }
    if outlook.status == Status::Cancelled && outlook.premiere_at.is_some() {
        problems.push(Problem::new("outlook.premiere_at", "a cancelled season has no premiere"));
    }
    if let (Some(at), Some(window)) = (&outlook.premiere_at, &outlook.window) {
        let local = crate::dates::LocalTime::at(at.epoch_ms, at.offset_minutes);
        let day = PartialDate::Day(local.year, local.month, local.day);
        if window.precision() == Precision::Day && window.from != day {
            problems.push(Problem::new("outlook.premiere_at", format!("is on {day} but the window says {}", window.from)));
        }
    }
}

fn validate_article(article: &Article, problems: &mut Vec<Problem>) {
    check_text("article.headline", &article.headline, problems);
    let mut refs = Vec::new();
    for (i, p) in article.intro.iter().enumerate() {
        check_paragraph(&format!("article.intro[{i}]"), p, &mut refs, problems);
    }
    fn walk(path: &str, sections: &[Section], refs: &mut Vec<(String, String)>, problems: &mut Vec<Problem>) {
        for (i, section) in sections.iter().enumerate() {
            let at = format!("{path}[{i}]");
            check_text(&format!("{at}.heading"), &section.heading, problems);
            for (j, p) in section.paragraphs.iter().enumerate() {
                check_paragraph(&format!("{at}.paragraphs[{j}]"), p, refs, problems);
            }
            walk(&format!("{at}.subsections"), &section.subsections, refs, problems);
        }
    }
    walk("article.sections", &article.sections, &mut refs, problems);
    for (i, note) in article.footnotes.iter().enumerate() {
        check_text(&format!("article.footnotes[{i}].text"), &note.text, problems);
        if note.id.is_empty() || !note.id.chars().all(|c| c.is_ascii_alphanumeric()) {
            problems.push(Problem::new(format!("article.footnotes[{i}].id"), "must be letters or digits, such as \"1\""));
        }
        if article.footnotes[..i].iter().any(|n| n.id == note.id) {
            problems.push(Problem::new(format!("article.footnotes[{i}].id"), format!("\"{}\" is used twice", note.id)));
        }
        if !refs.iter().any(|(_, id)| *id == note.id) {
            problems.push(Problem::new(format!("article.footnotes[{i}]"), format!("no paragraph refers to it with [^{}]", note.id)));
        }
    }
    for (path, id) in &refs {
        if !article.footnotes.iter().any(|n| n.id == *id) {
            problems.push(Problem::new(path.clone(), format!("refers to footnote [^{id}], which article.footnotes does not have")));
        }
    }
    if let Some(author) = &article.author {
        check_text("article.author", author, problems);
    }
    if let (Some(published), Some(updated)) = (article.published, article.updated) {
        if updated.earliest_day() < published.earliest_day() {
            problems.push(Problem::new("article.updated", format!("{updated} is before published ({published})")));
        }
    }
}

fn check_paragraph(path: &str, text: &str, refs: &mut Vec<(String, String)>, problems: &mut Vec<Problem>) {
    check_text(path, text, problems);
    for piece in inline(text) {
        if let Inline::FootnoteRef(id) = piece {
            refs.push((path.to_string(), id.to_string()));
        }
    }
}

fn check_text(path: &str, text: &str, problems: &mut Vec<Problem>) {
    if text.trim().is_empty() {
        problems.push(Problem::new(path, "must not be empty"));
    } else if text.chars().any(|c| c.is_control() && c != '\n') {
        problems.push(Problem::new(path, "contains control characters"));
    }
}

fn check_native(path: &str, native: Option<&NativeText>, problems: &mut Vec<Problem>) {
    if let Some(native) = native {
        check_text(&format!("{path}.text"), &native.text, problems);
        check_lang(&format!("{path}.lang"), &native.lang, problems);
    }
}

fn check_name(path: &str, name: &Name, problems: &mut Vec<Problem>) {
    check_text(&format!("{path}.name"), &name.name, problems);
    check_native(&format!("{path}.native"), name.native.as_ref(), problems);
}

/// A BCP 47 tag of the simple kind the bundle needs: "ja", "en", "pt-BR", "zh-Hant".
fn check_lang(path: &str, tag: &str, problems: &mut Vec<Problem>) {
    let mut parts = tag.split('-');
    let primary_ok = parts.next().is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    let rest_ok = parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !primary_ok || !rest_ok {
        problems.push(Problem::new(path, format!("\"{tag}\" is not a language tag such as \"ja\" or \"en\"")));
    }
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

fn check_slug(path: &str, slug: &str, problems: &mut Vec<Problem>) {
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

fn check_url(path: &str, url: &str, problems: &mut Vec<Problem>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    const METALLIC_ROUGE: &str = include_str!("../public/data/shows/metallic-rouge.json");
    const SENGOKU_YOUKO: &str = include_str!("../public/data/shows/sengoku-youko.json");
    const INDEX: &str = include_str!("../public/data/index.json");

    fn problems_of(json: serde_json::Value) -> Vec<String> {
        match decode_show(&json.to_string(), "metallic-rouge") {
            Ok(_) => vec![],
            Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
        }
    }

    fn shipped() -> serde_json::Value {
        serde_json::from_str(METALLIC_ROUGE).unwrap()
    }

    #[test]
    fn shipped_bundle_decodes_and_validates() {
        let show = decode_show(METALLIC_ROUGE, "metallic-rouge").unwrap();
        assert_eq!(show.title, "Metallic Rouge");
        assert_eq!(show.studios, ["Bones"]);
        assert_eq!(show.premiere, Some(PartialDate::Day(2024, 1, 11)));
        assert_eq!(show.cast.len(), 6);
        let sengoku = decode_show(SENGOKU_YOUKO, "sengoku-youko").unwrap();
        assert_eq!(sengoku.native_title.unwrap().text, "戦国妖狐");
        let index = decode_catalogue(INDEX).unwrap();
        assert!(index.contains("metallic-rouge") && index.contains("sengoku-youko"));
    }

    #[test]
    fn every_read_also_link_names_a_show_of_the_catalogue() {
        let index = decode_catalogue(INDEX).unwrap();
        for (slug, text) in [("metallic-rouge", METALLIC_ROUGE), ("sengoku-youko", SENGOKU_YOUKO)] {
            let show = decode_show(text, slug).unwrap();
            for link in show.read_also {
                assert!(index.contains(&link.slug), "{slug} links to {}", link.slug);
            }
            let entry = index.shows.iter().find(|e| e.slug == slug).unwrap();
            assert_eq!(entry.title, show.title);
            assert_eq!(entry.native_title, show.native_title);
            assert_eq!(entry.alt_titles, show.alt_titles);
            assert_eq!(entry.studios, show.studios);
            assert_eq!(entry.genres, show.genres);
            assert_eq!(entry.premiere, show.premiere);
            assert_eq!(entry.updated, show.article.updated.or(show.article.published));
            assert_eq!(entry.status, show.outlook.map(|o| o.status));
        }
    }

    #[test]
    fn shipped_text_is_correctly_decoded() {
        // The seed went through a wrong code page once; none of its scars may reach readers.
        for text in [METALLIC_ROUGE, SENGOKU_YOUKO, INDEX] {
            for scar in ["„Äê", "√°", "¬Ļ", "â€", "Ã©"] {
                assert!(!text.contains(scar), "mis-decoded {scar}");
            }
        }
        assert!(METALLIC_ROUGE.contains("【Release Date】"));
        assert!(METALLIC_ROUGE.contains("Natalia Hernández"));
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let mut json = shipped();
        json["a_field_from_the_future"] = serde_json::json!({"x": 1});
        json["article"]["mood"] = serde_json::json!("hopeful");
        assert_eq!(problems_of(json), Vec::<String>::new());
    }

    #[test]
    fn unsupported_schema_version_is_named() {
        let mut json = shipped();
        json["schema"] = serde_json::json!(2);
        assert_eq!(problems_of(json), ["schema: unsupported schema version 2: this site reads version 1"]);
        let mut json = shipped();
        json.as_object_mut().unwrap().remove("schema");
        assert_eq!(problems_of(json), ["schema: missing: this site reads schema version 1"]);
    }

    #[test]
    fn broken_json_gives_line_and_column() {
        let problems = decode_show("{\n  \"schema\": 1,\n  \"slug\": }", "x").unwrap_err();
        assert_eq!(problems[0].path, "line 3, column 11");
        assert!(problems[0].message.starts_with("not valid JSON: expected value"), "{}", problems[0].message);
    }

    #[test]
    fn wrong_types_and_missing_fields_name_the_path() {
        let mut json = shipped();
        json["cast"][2]["voices"][0]["actor"]["name"] = serde_json::json!(42);
        assert_eq!(problems_of(json), ["cast[2].voices[0].actor.name: invalid type: integer `42`, expected a string"]);
        let mut json = shipped();
        json["article"].as_object_mut().unwrap().remove("headline");
        assert_eq!(problems_of(json), ["article: missing field `headline`"]);
        let mut json = shipped();
        json["outlook"]["status"] = serde_json::json!("rumoured");
        let problems = problems_of(json);
        assert!(problems[0].starts_with("outlook.status: unknown variant `rumoured`"), "{problems:?}");
    }

    #[test]
    fn paths_are_found_in_pretty_and_compact_json() {
        // The shipped file is pretty-printed; problems_of() feeds compact JSON: both must agree.
        let text = METALLIC_ROUGE.replace("\"name\": \"Yuu Shimamura\"", "\"name\": [1, 2]");
        let problems = decode_show(&text, "metallic-rouge").unwrap_err();
        assert_eq!(problems[0].to_string(), "cast[3].voices[0].actor.name: invalid type: sequence, expected a string");
        let text = METALLIC_ROUGE.replace("\"kind\": \"broadcast\"", "\"kind\": \"streaming\"");
        let problems = decode_show(&text, "metallic-rouge").unwrap_err();
        assert!(problems[0].to_string().starts_with("watch[1].kind: unknown variant `streaming`"), "{problems:?}");
        let text = r#"{"schema":1,"shows":[{"slug":"a","title":"A"},{"slug":"b","title":"B \"x\"","premiere":"2024-13"}]}"#;
        let problems = decode_catalogue(text).unwrap_err();
        assert!(problems[0].to_string().starts_with("shows[1].premiere: \"2024-13\" is not a date"), "{problems:?}");
        let problems = decode_catalogue(r#"{"schema":1,"shows":{}}"#).unwrap_err();
        assert_eq!(problems[0].to_string(), "shows: invalid type: map, expected a sequence");
        let problems = decode_catalogue(r#"{"schema":"1","shows":[]}"#).unwrap_err();
        assert_eq!(problems[0].to_string(), "schema: invalid type: string \"1\", expected u64");
        let problems = decode_catalogue(r#"{"schema":1,"shows":[{"slug":"a"}]}"#).unwrap_err();
        assert_eq!(problems[0].to_string(), "shows[0]: missing field `title`");
        let problems = decode_catalogue(r#"{"schema":1,"shows":[{"slug":"a","title":"A","studios":["x",5]}]}"#).unwrap_err();
        assert_eq!(problems[0].to_string(), "shows[0].studios[1]: invalid type: integer `5`, expected a string");
        let problems = decode_catalogue("[]").unwrap_err();
        assert_eq!(problems[0].to_string(), "(top level): must be a JSON object ({ … })");
        let problems = decode_catalogue("\"text\"").unwrap_err();
        assert_eq!(problems[0].to_string(), "(top level): invalid type: string \"text\", expected struct Header");
    }

    #[test]
    fn invalid_dates_are_refused_at_their_path() {
        let mut json = shipped();
        json["premiere"] = serde_json::json!("2024-02-30");
        assert_eq!(problems_of(json), ["premiere: \"2024-02-30\" is not a date: February 2024 has days 01 to 29"]);
    }

    #[test]
    fn semantic_rules_report_every_problem() {
        let mut json = shipped();
        json["title"] = serde_json::json!("  ");
        json["watch"][0]["url"] = serde_json::json!("javascript:alert(1)");
        json["watch"][1]["only"] = serde_json::json!(["XX"]);
        json["cast"][0]["voices"][0]["language"] = serde_json::json!("Japanese");
        json["read_also"][0]["slug"] = serde_json::json!("Sengoku Youko");
        json["outlook"]["status"] = serde_json::json!("dated");
        assert_eq!(
            problems_of(json),
            [
                "title: must not be empty",
                "outlook.window: status \"dated\" needs the day: a window with a YYYY-MM-DD date and no end, or premiere_at",
                "watch[0].url: \"javascript:alert(1)\" is not an https link to a host (https://…)",
                "watch[1].only[0]: unknown region \"XX\": use an ISO 3166 country code (\"JP\") or africa, americas, asia, europe, oceania",
                "cast[0].voices[0].language: \"Japanese\" is not a language tag such as \"ja\" or \"en\"",
                "read_also[0].slug: \"Sengoku Youko\" is not a slug: use lowercase letters, digits and single hyphens",
            ]
        );
    }

    #[test]
    fn a_shard_for_another_show_is_refused() {
        let problems = decode_show(METALLIC_ROUGE, "sengoku-youko").unwrap_err();
        assert_eq!(problems[0].to_string(), "slug: is \"metallic-rouge\" but the file is for \"sengoku-youko\"");
    }

    #[test]
    fn footnotes_and_their_references_must_match() {
        let mut json = shipped();
        json["article"]["intro"][0] = serde_json::json!("An intro with a dangling note[^7].");
        let problems = problems_of(json);
        assert!(problems.contains(&"article.intro[0]: refers to footnote [^7], which article.footnotes does not have".to_string()), "{problems:?}");
    }

    #[test]
    fn catalogue_refuses_duplicate_slugs() {
        let text = r#"{"schema":1,"shows":[{"slug":"a","title":"A"},{"slug":"a","title":"A again"}]}"#;
        let problems = decode_catalogue(text).unwrap_err();
        assert_eq!(problems[0].to_string(), "shows[1].slug: \"a\" is listed twice");
    }

    #[test]
    fn only_https_links_to_a_host_are_safe() {
        assert!(is_safe_url("https://www.crunchyroll.com/search?q=metallic%20rouge"));
        for bad in ["http://example.org", "javascript:alert(1)", "data:text/html,x", "https://", "https://a b", "//evil.example", "https://user@evil.example", "HTTPS://x.org\u{0}"] {
            assert!(!is_safe_url(bad), "{bad}");
        }
    }

    #[test]
    fn inline_text_splits_footnote_references_only() {
        assert_eq!(
            inline("source material[^1]. However"),
            [Inline::Text("source material"), Inline::FootnoteRef("1"), Inline::Text(". However")]
        );
        assert_eq!(inline("<b>[^x y]</b>"), [Inline::Text("<b>[^"), Inline::Text("x y]</b>")]);
        assert_eq!(inline("[^]"), [Inline::Text("[^"), Inline::Text("]")]);
    }

    #[test]
    fn slugs() {
        assert!(is_valid_slug("metallic-rouge"));
        assert!(is_valid_slug("86-eighty-six"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a/b", "..", "a_b"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
