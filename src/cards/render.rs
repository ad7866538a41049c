//! The fonts and the renderer: Noto Sans CJK (Debian's fonts-noto-cjk, SIL OFL 1.1) loaded from
//! its two files into usvg's font database, and nothing else, so that a card is drawn alike on
//! every machine; resvg draws the SVG, and the PNG is written without its alpha channel (a card
//! is opaque), which makes it smaller.

use super::svg::{Face, Family, Measure, HEIGHT, WIDTH};
use resvg::usvg::{self, fontdb};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where Debian's fonts-noto-cjk puts the fonts; `NEXTSEASON_CARD_FONTS` names another folder
/// holding the same two files.
const FONT_DIR: &str = "/usr/share/fonts/opentype/noto";
pub const FONT_DIR_VARIABLE: &str = "NEXTSEASON_CARD_FONTS";
const REGULAR: &str = "NotoSansCJK-Regular.ttc";
const BOLD: &str = "NotoSansCJK-Bold.ttc";

/// The two font files, regular and bold, from `NEXTSEASON_CARD_FONTS` or Debian's folder.
pub fn font_files() -> [PathBuf; 2] {
    let dir = std::env::var_os(FONT_DIR_VARIABLE).filter(|d| !d.is_empty()).map_or_else(|| PathBuf::from(FONT_DIR), PathBuf::from);
    [dir.join(REGULAR), dir.join(BOLD)]
}

/// The cards' fonts: the database usvg lays text out with, and each face's data, which the
/// lines are measured by.
pub struct Fonts {
    db: Arc<fontdb::Database>,
    faces: HashMap<Face, (Arc<Vec<u8>>, u32)>,
    /// What a cached card depends on besides its SVG: the files' names, sizes and times.
    pub version: String,
}

impl Fonts {
    /// Loads the two files; fails naming a file that cannot be read, or a face it lacks.
    pub fn load(files: &[PathBuf; 2]) -> Result<Fonts, String> {
        let mut db = fontdb::Database::new();
        let mut faces = HashMap::new();
        let mut version = String::new();
        for (file, bold) in files.iter().zip([false, true]) {
            let data = std::fs::read(file).map_err(|e| missing(file, &e))?;
            let modified = std::fs::metadata(file).and_then(|m| m.modified()).ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs());
            version.push_str(&format!("{}:{}:{modified};", file.display(), data.len()));
            let data = Arc::new(data);
            let ids = db.load_font_source(fontdb::Source::Binary(data.clone()));
            for id in ids {
                let Some(info) = db.face(id) else { continue };
                for family in Family::ALL {
                    if info.families.iter().any(|(name, _)| name == family.name()) {
                        faces.insert(Face { family, bold }, (data.clone(), info.index));
                    }
                }
            }
        }
        for family in Family::ALL {
            for (bold, file) in [(false, &files[0]), (true, &files[1])] {
                if !faces.contains_key(&Face { family, bold }) {
                    return Err(format!("{} has no face of the family {:?}: is it Noto Sans CJK (Debian's fonts-noto-cjk)?", file.display(), family.name()));
                }
            }
        }
        Ok(Fonts { db: Arc::new(db), faces, version })
    }
}

fn missing(file: &Path, error: &std::io::Error) -> String {
    format!(
        "the share cards' font {} cannot be read ({error}): install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk, or .ci/setup.sh), \
         or set {FONT_DIR_VARIABLE} to a folder holding {REGULAR} and {BOLD}",
        file.display()
    )
}

impl Measure for Fonts {
    /// The sum of the characters' advances (no kerning: a few pixels, which the layout leaves
    /// room for); a character the face lacks counts as its missing-glyph box.
    fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        let Some((data, index)) = self.faces.get(&face) else { return 0.0 };
        let Ok(font) = FontRef::from_index(data, *index) else { return 0.0 };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars().map(|c| metrics.advance_width(charmap.map(c).unwrap_or_default()).unwrap_or(0.0)).sum()
    }
}

/// Draws cards: SVG to PNG, 1200×630.
pub struct Renderer {
    pub fonts: Fonts,
    options: usvg::Options<'static>,
}

impl Renderer {
    pub fn new(fonts: Fonts) -> Renderer {
        let options = usvg::Options { fontdb: fonts.db.clone(), font_family: Family::Jp.name().to_string(), ..usvg::Options::default() };
        Renderer { fonts, options }
    }

    /// The SVG parsed, its text laid out in the cards' fonts.
    pub fn tree(&self, svg: &str) -> Result<usvg::Tree, String> {
        usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("a card's SVG: {e}"))
    }

    /// The card as a PNG: indexed where it has at most 256 colours (flat colours and the text's
    /// edges: every card measured so far), else RGB; never an alpha channel (a card is opaque).
    /// Lossless either way.
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree = self.tree(svg)?;
        let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
        resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
        encode(pixmap.data())
    }
}

/// Premultiplied RGBA pixels as a PNG. Every pixel is opaque (the card's background covers it
/// all), so the colour channels are the colours.
fn encode(rgba: &[u8]) -> Result<Vec<u8>, String> {
    let (data, colour, palette) = match indexed(rgba) {
        Some((indices, palette)) => (indices, png::ColorType::Indexed, Some(palette)),
        None => (rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect(), png::ColorType::Rgb, None),
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(colour);
    encoder.set_depth(png::BitDepth::Eight);
    if let Some(palette) = palette {
        encoder.set_palette(palette);
    }
    // High makes a card 0.5 % smaller than Balanced in 2.5 times the time (measured).
    encoder.set_compression(png::Compression::Balanced);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&data).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Each pixel's index in a palette of the image's colours, and the palette (RGB triples), if it
/// has at most 256 colours. This code runs unoptimised in the debug build (the prerender's), so
/// work is skipped where it can be: a run of pixels like the run above it (most of a card is its
/// background) is compared (memcmp) and copied whole, and a run of one colour is looked up once.
fn indexed(rgba: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    const RUN: usize = 16;
    let width = WIDTH as usize;
    let mut index: HashMap<u32, u8> = HashMap::new();
    let mut recent = [(u32::MAX, 0u8); 1024];
    let mut palette = Vec::new();
    let mut indices: Vec<u8> = Vec::with_capacity(rgba.len() / 4);
    // No colour is u32::MAX (24 bits), so the first pixel is looked up.
    let mut last = (u32::MAX, 0u8);
    let mut at = 0;
    while at < rgba.len() / 4 {
        let run = RUN.min(width - at % width);
        if at >= width && rgba[at * 4..(at + run) * 4] == rgba[(at - width) * 4..(at - width + run) * 4] {
            indices.extend_from_within(at - width..at - width + run);
            at += run;
            continue;
        }
        let mut p = at * 4;
        while p < (at + run) * 4 {
            let colour = u32::from(rgba[p]) << 16 | u32::from(rgba[p + 1]) << 8 | u32::from(rgba[p + 2]);
            p += 4;
            if colour == last.0 {
                indices.push(last.1);
                continue;
            }
            // A small table in front of the map: the map's hashing is slow unoptimised.
            let slot = ((colour ^ colour >> 11) & 1023) as usize;
            let i = match recent[slot] {
                (seen, i) if seen == colour => i,
                _ => {
                    let i = match index.get(&colour) {
                        Some(&i) => i,
                        None => {
                            let i = u8::try_from(index.len()).ok()?;
                            index.insert(colour, i);
                            palette.extend_from_slice(&[(colour >> 16) as u8, (colour >> 8) as u8, colour as u8]);
                            i
                        }
                    };
                    recent[slot] = (colour, i);
                    i
                }
            };
            last = (colour, i);
            indices.push(i);
        }
        at += run;
    }
    Some((indices, palette))
}
