//! A card as SVG: what goes where, in which face and size. resvg draws text on one line as
//! given, so the lines are made here, by the advances of the fonts the renderer draws with
//! ([`Measure`]), and what still does not fit ends in "…": no text leaves the card. Every text
//! is escaped: a title is never markup.

use super::{Badge, Card, Tone};
use crate::head::SITE_NAME;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Left and right margin; the text's width is what is between.
const MARGIN: f32 = 80.0;
const TEXT_WIDTH: f32 = WIDTH as f32 - 2.0 * MARGIN;
/// The advances leave out kerning and shaping, which can only move a line by a few pixels: the
/// lines are made this much narrower than the room they have (the tests draw them and measure).
const SLACK: f32 = 12.0;
/// Where the footer (the site's name) begins: nothing above may reach it.
const FOOTER_TOP: f32 = 540.0;

/// The site's palette (style/main.css, light scheme).
const BACKGROUND: &str = "#f6f5f2";
const ACCENT: &str = "#9e1b32";
const TEXT: &str = "#1c1b1f";
const MUTED: &str = "#55525c";
const RULE: &str = "#dcd9e0";

/// The fonts' families: Noto Sans CJK in the variant of a language's glyph forms (Latin text is
/// the same in each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    Jp,
    Sc,
    Tc,
    Hk,
    Kr,
}

impl Family {
    pub const ALL: [Family; 5] = [Family::Jp, Family::Sc, Family::Tc, Family::Hk, Family::Kr];

    /// The family's name in the font files (and in the SVG's `font-family`).
    pub fn name(self) -> &'static str {
        match self {
            Family::Jp => "Noto Sans CJK JP",
            Family::Sc => "Noto Sans CJK SC",
            Family::Tc => "Noto Sans CJK TC",
            Family::Hk => "Noto Sans CJK HK",
            Family::Kr => "Noto Sans CJK KR",
        }
    }
}

/// The family for text in `lang` (BCP 47): Japanese forms for Japanese and for text of no
/// language (Latin, which every variant draws alike), simplified or traditional Chinese by the
/// tag's script or region, Korean.
pub fn family_for_lang(lang: Option<&str>) -> Family {
    let lang = lang.unwrap_or_default().to_ascii_lowercase();
    let mut parts = lang.split(['-', '_']);
    match parts.next() {
        Some("zh" | "cmn" | "yue") => {
            let rest: Vec<&str> = parts.collect();
            if rest.contains(&"hans") {
                Family::Sc
            } else if rest.contains(&"hk") || rest.contains(&"mo") || lang.starts_with("yue") {
                Family::Hk
            } else if rest.contains(&"hant") || rest.contains(&"tw") {
                Family::Tc
            } else {
                Family::Sc
            }
        }
        Some("ko") => Family::Kr,
        _ => Family::Jp,
    }
}

/// A family at a weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Face {
    pub family: Family,
    pub bold: bool,
}

/// The width of a text on one line, from its font's advances.
pub trait Measure {
    fn width(&self, text: &str, face: Face, size: f32) -> f32;
}

/// Lines made to fit, and whether text was left out (the last line then ends in "…").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    pub cut: bool,
}

/// `text` in at most `max_lines` lines no wider than `width`: broken at spaces, and between
/// Chinese, Japanese or Korean characters (never before their closing punctuation); a word wider
/// than a line is broken where it must. Text left over ends the last line in "…".
pub fn wrap(text: &str, face: Face, size: f32, width: f32, max_lines: usize, measure: &dyn Measure) -> Wrapped {
    let fits = |line: &str| measure.width(line.trim_end(), face, size) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(text) {
        let candidate = format!("{line}{piece}");
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_string());
        }
        line = piece.trim_start().to_string();
        // A piece wider than a line on its own: as much as fits on each line.
        while !fits(&line) {
            let mut head = String::new();
            for c in line.chars() {
                if !head.is_empty() && !fits(&format!("{head}{c}")) {
                    break;
                }
                head.push(c);
            }
            line = line[head.len()..].trim_start().to_string();
            lines.push(head);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() <= max_lines {
        return Wrapped { lines, cut: false };
    }
    lines.truncate(max_lines.max(1));
    let last = lines.pop().unwrap_or_default();
    lines.push(ellipsized(&last, |l| fits(l)));
    Wrapped { lines, cut: true }
}

/// `line` with "…" after it, shortened until the two fit (trailing spaces and punctuation
/// dropped before the "…").
fn ellipsized(line: &str, fits: impl Fn(&str) -> bool) -> String {
    let mut kept: Vec<char> = line.chars().collect();
    loop {
        while kept.last().is_some_and(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '、' | '，')) {
            kept.pop();
        }
        let candidate: String = kept.iter().collect::<String>() + "…";
        if fits(&candidate) || kept.is_empty() {
            return candidate;
        }
        kept.pop();
    }
}

/// Characters written without spaces between words: a line may break between any two.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x2E80..=0x303F | 0x3040..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Closing punctuation, small kana and the like, which no line may begin with.
fn no_line_start(c: char) -> bool {
    "、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょァィゥェォッャュョ々…".contains(c) || matches!(c, ')' | ']' | '}' | ',' | '.' | '!' | '?' | ':' | ';')
}

/// The text in pieces a line may break after: a word with its trailing spaces, or one wide
/// character with the punctuation that must stay with it.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        current.push(c);
        let break_after = match next {
            None => true,
            Some(n) if no_line_start(n) => false,
            Some(n) => (c.is_whitespace() && !n.is_whitespace()) || is_wide(c) || (is_wide(n) && !c.is_whitespace() && !matches!(c, '(' | '（' | '「' | '『' | '“')),
        };
        if break_after {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

/// XML's five: a text in an element or an attribute stays text.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0 at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The SVG of a card, and whether its note found room.
pub struct Drawn {
    pub svg: String,
    pub note: bool,
}

/// Lines of one text block, the baseline of the first and the distance between them.
struct Block {
    wrapped: Wrapped,
    face: Face,
    size: f32,
    leading: f32,
}

impl Block {
    /// The height from the top of the first line's em box to the bottom of the last's.
    fn height(&self) -> f32 {
        self.size + self.leading * (self.wrapped.lines.len().saturating_sub(1)) as f32
    }
}

/// `text` at the largest of `sizes` at which it fits whole in `max_lines` (and `max_height`), else
/// at the smallest, cut.
fn block(text: &str, face: Face, sizes: &[f32], max_lines: usize, max_height: f32, line_height: f32, measure: &dyn Measure) -> Option<Block> {
    let mut last = None;
    for &size in sizes {
        let leading = size * line_height;
        let lines = max_lines.min(((max_height - size) / leading + 1.0).floor().max(0.0) as usize);
        if lines == 0 {
            continue;
        }
        let wrapped = wrap(text, face, size, TEXT_WIDTH - SLACK, lines, measure);
        let block = Block { wrapped, face, size, leading };
        if !block.wrapped.cut {
            return Some(block);
        }
        last = Some(block);
    }
    last
}

/// The card as SVG, 1200×630: the name big, the native title under it in its own face, the badge
/// as a pill, the sentence (and the note, where there is room), the site's name at the foot. The
/// name is made smaller, down to a floor, while that lets the whole sentence in.
pub fn card_svg(card: &Card, measure: &dyn Measure) -> Drawn {
    let mut drawn = None;
    for name_size in [72.0, 64.0, 56.0, 50.0] {
        let (svg, whole) = layout(card, name_size, measure);
        drawn = Some(svg);
        if whole {
            break;
        }
    }
    drawn.expect("at least one size")
}

/// The card with its name at `name_size`, and whether the sentence fitted whole.
fn layout(card: &Card, name_size: f32, measure: &dyn Measure) -> (Drawn, bool) {
    let latin = Face { family: Family::Jp, bold: false };
    let bold = Face { family: Family::Jp, bold: true };
    let mut body = String::new();
    let mut y = 64.0;
    let room = |y: f32| FOOTER_TOP - 20.0 - y;

    if let Some(name) = block(&card.name, bold, &[name_size], 2, room(y), 1.14, measure) {
        y = text_lines(&mut body, &name, y, TEXT);
    }
    if let Some(native) = &card.native {
        let face = Face { family: family_for_lang(Some(&native.lang)), bold: false };
        if let Some(native_block) = block(&native.text, face, &[36.0], 1, room(y + 12.0), 1.2, measure) {
            y = text_lines(&mut body, &native_block, y + 12.0, MUTED);
        }
    }
    if let Some(badge) = &card.badge {
        y = pill(&mut body, badge, y + 26.0, measure);
    }
    let mut whole = true;
    if let Some(sentence) = &card.sentence {
        let face = Face { family: family_for_lang(card.sentence_lang.as_deref()), bold: false };
        let top = y + if card.badge.is_some() { 24.0 } else { 30.0 };
        if let Some(sentence) = block(sentence, face, &[34.0, 31.0, 28.0, 26.0], 6, room(top), 1.3, measure) {
            whole = !sentence.wrapped.cut;
            y = text_lines(&mut body, &sentence, top, TEXT);
        }
    }
    let mut note_drawn = false;
    if let Some(note) = &card.note {
        let top = y + 12.0;
        if let Some(note) = block(note, latin, &[22.0], 2, room(top), 1.3, measure).filter(|b| !b.wrapped.cut) {
            text_lines(&mut body, &note, top, MUTED);
            note_drawn = true;
        }
    }

    let footer = format!(
        "<rect x=\"{MARGIN}\" y=\"{FOOTER_TOP}\" width=\"{TEXT_WIDTH}\" height=\"2\" fill=\"{RULE}\"/>\n\
         <text x=\"{MARGIN}\" y=\"596\" font-family=\"{family}\" font-weight=\"700\" font-size=\"40\" fill=\"{ACCENT}\">{site}</text>\n",
        family = Family::Jp.name(),
        site = escape_xml(SITE_NAME),
    );
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">\n\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{BACKGROUND}\"/>\n\
         <rect width=\"16\" height=\"{HEIGHT}\" fill=\"{ACCENT}\"/>\n\
         {body}{footer}</svg>\n"
    );
    (Drawn { svg, note: note_drawn }, whole)
}

/// A block's lines from `top` (the top of the first line's em box); returns the bottom of the
/// last line's.
fn text_lines(out: &mut String, block: &Block, top: f32, fill: &str) -> f32 {
    // The fonts' ascent is 0.88 em: the baseline sits that far below the em box's top.
    let first = top + block.size * 0.88;
    for (i, line) in block.wrapped.lines.iter().enumerate() {
        out.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{:.1}\" font-family=\"{}\" font-weight=\"{}\" font-size=\"{}\" fill=\"{fill}\">{}</text>\n",
            first + block.leading * i as f32,
            block.face.family.name(),
            if block.face.bold { 700 } else { 400 },
            block.size,
            escape_xml(line),
        ));
    }
    top + block.height()
}

/// The badge as a pill in the page's colours, its top at `top`; returns its bottom.
fn pill(out: &mut String, badge: &Badge, top: f32, measure: &dyn Measure) -> f32 {
    let (background, colour) = match badge.tone {
        Tone::None => ("#ece9f2", "#3d3a45"),
        Tone::Announced => ("#dcf2e3", "#14532d"),
        Tone::Dated => ("#dbe7fd", "#1e3a8a"),
        Tone::Airing => ("#fdf0c4", "#713f12"),
        Tone::Cancelled => ("#fbe0e0", "#7f1d1d"),
    };
    let face = Face { family: Family::Jp, bold: true };
    let (size, pad, height) = (30.0, 28.0, 56.0);
    let label = wrap(&badge.label, face, size, TEXT_WIDTH - 2.0 * pad - SLACK, 1, measure);
    let label = label.lines.first().cloned().unwrap_or_default();
    let width = measure.width(&label, face, size) + 2.0 * pad;
    let border = match badge.data {
        true => format!(" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"7 5\""),
        false => String::new(),
    };
    out.push_str(&format!(
        "<rect x=\"{MARGIN}\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{height}\" rx=\"{r}\" fill=\"{background}\"{border}/>\n\
         <text x=\"{x:.1}\" y=\"{baseline:.1}\" font-family=\"{family}\" font-weight=\"700\" font-size=\"{size}\" fill=\"{colour}\">{text}</text>\n",
        r = height / 2.0,
        x = MARGIN + pad,
        // The em box centred in the pill: the baseline 0.88 em below the box's top.
        baseline = top + (height - size) / 2.0 + size * 0.88,
        family = face.family.name(),
        text = escape_xml(&label),
    ));
    top + height
}
