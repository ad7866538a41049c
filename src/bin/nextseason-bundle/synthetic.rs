//! `synthetic`: generated, labelled-synthetic catalogues for tests and benchmarks.

use crate::index::{write_catalogue, Sizes};
use crate::output::{io, Fatal, Verdict};
use nextseason::bundle::{
    self, Article, CatalogueEntry, Name, Offer, OfferKind, Outlook, Role, Section, Show, ShowLink, Source, SourceKind,
    Status, Voice, Window, WorkKind, SCHEMA_VERSION,
};
use nextseason::dates::{Instant, PartialDate};
use std::path::{Path, PathBuf};

/// Writes a generated, labelled-synthetic catalogue, for tests and benchmarks.
///
/// N shows into DIR: shows/synthetic-NNNNN.json, and the catalogue as `index` writes it
/// (index.json and index/<n>.json). Show N is the same in every run. --merge keeps the shows
/// already listed in DIR's catalogue. For example, 100,000 shows beside the site's own in a copy
/// of the release build:
///
///   cp -r dist /tmp/site && nextseason-bundle synthetic --shows 100000 --out /tmp/site/data --merge
#[derive(clap::Args)]
#[command(verbatim_doc_comment, after_help = "Exit status: 0 written, 2 usage or I/O error.")]
pub struct Args {
    /// How many shows to generate
    #[arg(long, value_name = "N")]
    pub shows: usize,
    /// The bundle directory to write into (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Keep the shows already listed in DIR's catalogue
    #[arg(long)]
    pub merge: bool,
    #[command(flatten)]
    pub sizes: Sizes,
}

pub fn run(args: &Args) -> Result<Verdict, Fatal> {
    let (count, out) = (args.shows, &args.out);
    let shows_dir = out.join("shows");
    std::fs::create_dir_all(&shows_dir).map_err(|e| io(&shows_dir, e))?;
    let mut entries = if args.merge && out.join("index.json").exists() { read_catalogue(out)? } else { Vec::new() };
    for i in 0..count {
        let show = synthetic_show(i, count);
        let text = serde_json::to_string(&show).map_err(|e| Fatal(e.to_string()))?;
        // The generator is only as good as what the site accepts.
        if let Err(problems) = bundle::decode_show(&text, &show.slug) {
            return Err(Fatal(format!("generated {} is invalid: {}", show.slug, problems[0])));
        }
        let path = shows_dir.join(format!("{}.json", show.slug));
        std::fs::write(&path, text).map_err(|e| io(&path, e))?;
        entries.push(CatalogueEntry::of(&show));
    }
    let (_, parts) = write_catalogue(out, entries, args.sizes)?;
    println!("wrote {count} synthetic shows into {} (index.json and {parts} parts)", out.display());
    Ok(Verdict::Clean)
}

/// Every entry of the catalogue in `dir`: its head and parts.
fn read_catalogue(dir: &Path) -> Result<Vec<CatalogueEntry>, Fatal> {
    let path = dir.join("index.json");
    let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
    let head = bundle::decode_catalogue_head(&text).map_err(|p| Fatal(format!("{}: {}", path.display(), p[0])))?;
    let mut entries = head.shows.clone();
    for n in 1..=head.parts {
        let path = dir.join("index").join(format!("{n}.json"));
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let part = bundle::decode_catalogue_part(&text, n).map_err(|p| Fatal(format!("{}: {}", path.display(), p[0])))?;
        entries.extend(part.shows);
    }
    Ok(entries)
}

/// A small deterministic generator (xorshift), so that show N is the same in every run.
struct Rng(u64);

impl Rng {
    fn new(seed: usize) -> Self {
        Rng((seed as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    /// A day in one of the `years` years from `first_year`.
    fn day(&mut self, first_year: i32, years: usize) -> PartialDate {
        PartialDate::Day(first_year + self.below(years) as i32, 1 + self.below(12) as u8, 1 + self.below(28) as u8)
    }
    /// Three sentences of filler.
    fn paragraph(&mut self) -> String {
        (0..3).map(|_| self.pick(&SENTENCES)).collect::<Vec<_>>().join(" ")
    }
    fn person(&mut self, role: &str) -> Name {
        Name { name: format!("Synthetic {role} {}", self.below(1000)), native: None }
    }
}

const ADJECTIVES: [&str; 16] = [
    "Crimson", "Silent", "Iron", "Hidden", "Golden", "Broken", "Endless", "Lunar", "Velvet", "Frozen", "Wild", "Paper",
    "Neon", "Quiet", "Burning", "Glass",
];
const NOUNS: [&str; 16] = [
    "Harbor", "Garden", "Circuit", "Lantern", "Kingdom", "Orbit", "Academy", "Voyage", "Signal", "Forest", "Tower",
    "Archive", "Festival", "Frontier", "Melody", "Shrine",
];
const GENRES: [&str; 14] = [
    "Action", "Adventure", "Comedy", "Drama", "Fantasy", "Horror", "Mecha", "Mystery", "Romance", "Science Fiction",
    "Slice of Life", "Sports", "Supernatural", "Thriller",
];
const STUDIOS: [&str; 12] = [
    "Synthetic Studio Alpha", "Synthetic Studio Beta", "Synthetic Studio Gamma", "Synthetic Studio Delta",
    "Synthetic Studio Epsilon", "Synthetic Studio Zeta", "Synthetic Studio Eta", "Synthetic Studio Theta",
    "Synthetic Studio Iota", "Synthetic Studio Kappa", "Synthetic Studio Lambda", "Synthetic Studio Mu",
];
const SENTENCES: [&str; 6] = [
    "This paragraph is synthetic test text, generated to give the page the length of a real article.",
    "Nothing in it is a fact about any real show, studio or person.",
    "It exists so that scrolling, navigation and rendering can be measured on realistic sizes.",
    "The generator writes the same text for the same show number every time it runs.",
    "A real article would discuss the source material, the sales and the studio's plans here.",
    "Readers of the live site never see these synthetic catalogues.",
];

fn slug_of(i: usize) -> String {
    format!("synthetic-{i:05}")
}

fn title_of(i: usize) -> String {
    let mut rng = Rng::new(i);
    format!("Synthetic {} {} {i}", rng.pick(&ADJECTIVES), rng.pick(&NOUNS))
}

fn headline_of(i: usize) -> String {
    format!("Will {} get another season? (synthetic)", title_of(i))
}

// Show N's values are drawn from its generator in one fixed order; the statements below keep it,
// since any change of order would change every synthetic catalogue (and the tests built on one).
fn synthetic_show(i: usize, count: usize) -> Show {
    let mut rng = Rng::new(i);
    let _ = (rng.next(), rng.next()); // the title's two picks
    let title = title_of(i);
    let mut genres: Vec<String> = (0..1 + rng.below(3)).map(|_| rng.pick(&GENRES).to_string()).collect();
    genres.sort();
    genres.dedup();
    let premiere = rng.day(2000, 26);
    let outlook = synthetic_outlook(&mut rng, &title);
    let published = rng.day(2024, 2);
    let updated = PartialDate::Day(2026, 1 + rng.below(10) as u8, 1 + rng.below(28) as u8);
    let sections = ["What is it about?", "Will there be another season?", "Release date", "Where to watch"]
        .iter()
        .map(|heading| Section { heading: heading.to_string(), paragraphs: (0..3).map(|_| rng.paragraph()).collect(), subsections: vec![] })
        .collect();
    let seasons = Some(1 + rng.below(4) as u32);
    let studios = vec![rng.pick(&STUDIOS).to_string()];
    let source = Some(Source { kind: [SourceKind::Original, SourceKind::Manga, SourceKind::LightNovel][rng.below(3)], author: None });
    let intro = (0..2).map(|_| rng.paragraph()).collect();
    let cast = (0..6)
        .map(|_| Role { character: rng.person("Character"), voices: vec![Voice { actor: rng.person("Actor"), language: "ja".into() }] })
        .collect();
    Show {
        schema: SCHEMA_VERSION,
        slug: slug_of(i),
        title,
        native_title: None,
        alt_titles: vec![format!("SYN-{i:05}")],
        romaji: None,
        spelled: None,
        title_made: None,
        seasons,
        genres,
        studios,
        premiere: Some(premiere),
        source,
        outlook: Some(outlook),
        article: Article {
            headline: headline_of(i),
            intro,
            sections,
            footnotes: vec![],
            author: Some("Synthetic Author".to_string()),
            published: Some(published),
            updated: Some(updated),
            generated: false,
        },
        watch: synthetic_offers(i),
        cast,
        read_also: (1..=3).filter(|k| *k < count).map(|k| (i + k) % count).map(|j| ShowLink { slug: slug_of(j), title: headline_of(j) }).collect(),
        image: None,
        titles: vec![],
        kind: Some(synthetic_kind(i)),
        ends: None,
        broadcast: None,
        data_outlook: None,
        related: vec![],
        related_rejected: vec![],
        official_site: None,
        references: Default::default(),
        data: None,
    }
}

/// A status, and the window (and instant) that status needs to be valid.
fn synthetic_outlook(rng: &mut Rng, title: &str) -> Outlook {
    let status = [Status::NoAnnouncement, Status::Announced, Status::Dated, Status::Airing, Status::Cancelled][rng.below(5)];
    let (window, premiere_at) = match status {
        Status::Dated => {
            let day = rng.day(2027, 3);
            let PartialDate::Day(y, m, d) = day else { unreachable!() };
            let at = Instant::parse(&format!("{y:04}-{m:02}-{d:02}T23:00:00+09:00")).ok();
            (Some(Window { from: day, to: None, or_later: false }), at)
        }
        Status::Announced => (Some(Window { from: PartialDate::parse(&format!("{}-fall", 2027 + rng.below(2))).unwrap(), to: None, or_later: false }), None),
        Status::NoAnnouncement => (Some(Window { from: PartialDate::Year(2027 + rng.below(3) as i32), to: None, or_later: true }), None),
        _ => (None, None),
    };
    Outlook { status, summary: Some(format!("Synthetic outlook for {title}: generated test text.")), window, premiere_at, source: None }
}

/// Show N's type and extra offers come from a generator of their own, so that adding them
/// changed nothing else of show N.
fn extra_rng(i: usize) -> Rng {
    Rng::new(i ^ 0x5EED_F117)
}

/// Mostly TV series, some films, OVAs and web series.
fn synthetic_kind(i: usize) -> WorkKind {
    [WorkKind::Tv, WorkKind::Tv, WorkKind::Tv, WorkKind::Tv, WorkKind::Tv, WorkKind::Movie, WorkKind::Ova, WorkKind::Web][extra_rng(i).below(8)]
}

/// Platforms of the synthetic catalogue, each with where it serves (`only`, `except`), as the
/// real data's: everywhere, outside a continent, in a few countries, in one.
const PLATFORMS: [(&str, &[&str], &[&str]); 6] = [
    ("Synthetic Crunch", &[], &["asia"]),
    ("Synthetic Flix", &[], &[]),
    ("Synthetic Bili", &["CN"], &[]),
    ("Synthetic Next", &["JP"], &[]),
    ("Synthetic Hub", &["US", "CA", "GB", "IE"], &[]),
    ("Synthetic Euro", &["europe"], &["GB"]),
];

/// Two offers: a subscription outside Asia, and a broadcast in Japan; then none to three of
/// [`PLATFORMS`].
fn synthetic_offers(i: usize) -> Vec<Offer> {
    let mut rng = extra_rng(i);
    let _ = rng.next(); // the type's pick
    let mut offers = fixed_offers(i);
    for _ in 0..rng.below(4) {
        let (platform, only, except) = PLATFORMS[rng.below(PLATFORMS.len())];
        if offers.iter().any(|o| o.platform == platform) {
            continue;
        }
        offers.push(Offer {
            platform: platform.into(),
            url: format!("https://example.org/synthetic/{}/{}", platform.rsplit(' ').next().unwrap_or_default().to_lowercase(), slug_of(i)),
            kind: OfferKind::Stream,
            only: only.iter().map(|c| c.to_string()).collect(),
            except: except.iter().map(|c| c.to_string()).collect(),
            note: None,
            since: None,
        });
    }
    offers
}

fn fixed_offers(i: usize) -> Vec<Offer> {
    vec![
        Offer {
            platform: "Synthetic Stream".into(),
            url: format!("https://example.org/synthetic/{}", slug_of(i)),
            kind: OfferKind::Subscription,
            only: vec![],
            except: vec!["asia".into()],
            note: None,
            since: None,
        },
        Offer {
            platform: "Synthetic TV".into(),
            url: "https://example.org/synthetic-tv".into(),
            kind: OfferKind::Broadcast,
            only: vec!["JP".into()],
            except: vec![],
            note: None,
            since: None,
        },
    ]
}
