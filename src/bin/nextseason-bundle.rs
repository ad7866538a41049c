//! The bundle tool, native. For now one command:
//!
//! `nextseason-bundle synthetic --shows N --out DIR [--merge]` writes a generated catalogue of N
//! shows (DIR/index.json and DIR/shows/synthetic-NNNNN.json) for tests and benchmarks. Every
//! generated show is labelled synthetic (slug, title, text, links to example.org) and is checked
//! by the same decoder the site uses. With --merge, the shows already in DIR/index.json stay.

use nextseason::bundle::{
    self, Article, Catalogue, CatalogueEntry, Name, Offer, OfferKind, Outlook, Role, Section, Show, ShowLink, Source,
    SourceKind, Status, Voice, Window, SCHEMA_VERSION,
};
use nextseason::dates::{Instant, PartialDate};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: nextseason-bundle synthetic --shows N --out DIR [--merge]

Writes a generated, labelled-synthetic catalogue of N shows into DIR (index.json and
shows/<slug>.json), for tests and benchmarks. --merge keeps the shows already listed in
DIR/index.json. Exit 0 on success, 2 on a usage or I/O error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("nextseason-bundle: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    if command == "--help" || command == "-h" || rest.iter().any(|a| a == "--help") {
        return Ok(USAGE.to_string());
    }
    if command != "synthetic" {
        return Err(format!("unknown command {command:?}\n{USAGE}"));
    }
    let mut shows = None;
    let mut out = None;
    let mut merge = false;
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--shows" => shows = rest.next().and_then(|n| n.parse::<usize>().ok()),
            "--out" => out = rest.next().map(PathBuf::from),
            "--merge" => merge = true,
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    let (Some(count), Some(out)) = (shows, out) else { return Err(USAGE.to_string()) };
    write_synthetic(count, &out, merge)
}

fn write_synthetic(count: usize, out: &Path, merge: bool) -> Result<String, String> {
    let io = |path: &Path, e: std::io::Error| format!("{}: {e}", path.display());
    let shows_dir = out.join("shows");
    std::fs::create_dir_all(&shows_dir).map_err(|e| io(&shows_dir, e))?;
    let index_path = out.join("index.json");
    let mut catalogue = if merge && index_path.exists() {
        let text = std::fs::read_to_string(&index_path).map_err(|e| io(&index_path, e))?;
        bundle::decode_catalogue(&text).map_err(|p| format!("{}: {}", index_path.display(), p[0]))?
    } else {
        Catalogue { schema: SCHEMA_VERSION, shows: Vec::new() }
    };
    for i in 0..count {
        let show = synthetic_show(i, count);
        let text = serde_json::to_string(&show).map_err(|e| e.to_string())?;
        // The generator is only as good as what the site accepts.
        if let Err(problems) = bundle::decode_show(&text, &show.slug) {
            return Err(format!("generated {} is invalid: {}", show.slug, problems[0]));
        }
        let path = shows_dir.join(format!("{}.json", show.slug));
        std::fs::write(&path, text).map_err(|e| io(&path, e))?;
        catalogue.shows.push(entry_of(&show));
    }
    let text = serde_json::to_string(&catalogue).map_err(|e| e.to_string())?;
    std::fs::write(&index_path, text).map_err(|e| io(&index_path, e))?;
    Ok(format!("wrote {count} synthetic shows into {}", out.display()))
}

/// The catalogue's entry for a show, as the index must say it.
fn entry_of(show: &Show) -> CatalogueEntry {
    CatalogueEntry {
        slug: show.slug.clone(),
        title: show.title.clone(),
        native_title: show.native_title.clone(),
        alt_titles: show.alt_titles.clone(),
        studios: show.studios.clone(),
        genres: show.genres.clone(),
        premiere: show.premiere,
        status: show.outlook.as_ref().map(|o| o.status),
        updated: show.article.updated.or(show.article.published),
    }
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

fn synthetic_show(i: usize, count: usize) -> Show {
    let mut rng = Rng::new(i);
    let _ = (rng.next(), rng.next()); // the title's two picks
    let title = title_of(i);
    let paragraph = |rng: &mut Rng| (0..3).map(|_| rng.pick(&SENTENCES)).collect::<Vec<_>>().join(" ");
    let mut genres: Vec<String> = (0..1 + rng.below(3)).map(|_| rng.pick(&GENRES).to_string()).collect();
    genres.sort();
    genres.dedup();
    let year = 2000 + rng.below(26) as i32;
    let month = 1 + rng.below(12) as u8;
    let premiere = PartialDate::Day(year, month, 1 + rng.below(28) as u8);
    let status = [Status::NoAnnouncement, Status::Announced, Status::Dated, Status::Airing, Status::Cancelled][rng.below(5)];
    let (window, premiere_at) = match status {
        Status::Dated => {
            let day = PartialDate::Day(2027 + rng.below(3) as i32, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
            let PartialDate::Day(y, m, d) = day else { unreachable!() };
            let at = Instant::parse(&format!("{y:04}-{m:02}-{d:02}T23:00:00+09:00")).ok();
            (Some(Window { from: day, to: None, or_later: false }), at)
        }
        Status::Announced => (Some(Window { from: PartialDate::parse(&format!("{}-fall", 2027 + rng.below(2))).unwrap(), to: None, or_later: false }), None),
        Status::NoAnnouncement => (Some(Window { from: PartialDate::Year(2027 + rng.below(3) as i32), to: None, or_later: true }), None),
        _ => (None, None),
    };
    let published = PartialDate::Day(2024 + rng.below(2) as i32, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
    let updated = PartialDate::Day(2026, 1 + rng.below(10) as u8, 1 + rng.below(28) as u8);
    let sections = ["What is it about?", "Will there be another season?", "Release date", "Where to watch"]
        .iter()
        .map(|heading| Section { heading: heading.to_string(), paragraphs: (0..3).map(|_| paragraph(&mut rng)).collect(), subsections: vec![] })
        .collect();
    let person = |rng: &mut Rng, role: &str| Name { name: format!("Synthetic {role} {}", rng.below(1000)), native: None };
    Show {
        schema: SCHEMA_VERSION,
        slug: slug_of(i),
        title: title.clone(),
        native_title: None,
        alt_titles: vec![format!("SYN-{i:05}")],
        seasons: Some(1 + rng.below(4) as u32),
        genres,
        studios: vec![rng.pick(&STUDIOS).to_string()],
        premiere: Some(premiere),
        source: Some(Source { kind: [SourceKind::Original, SourceKind::Manga, SourceKind::LightNovel][rng.below(3)], author: None }),
        outlook: Some(Outlook { status, summary: format!("Synthetic outlook for {title}: generated test text."), window, premiere_at }),
        article: Article {
            headline: headline_of(i),
            intro: (0..2).map(|_| paragraph(&mut rng)).collect(),
            sections,
            footnotes: vec![],
            author: Some("Synthetic Author".to_string()),
            published: Some(published),
            updated: Some(updated),
        },
        watch: vec![
            Offer {
                platform: "Synthetic Stream".into(),
                url: format!("https://example.org/synthetic/{}", slug_of(i)),
                kind: OfferKind::Subscription,
                only: vec![],
                except: vec!["asia".into()],
                note: None,
            },
            Offer {
                platform: "Synthetic TV".into(),
                url: "https://example.org/synthetic-tv".into(),
                kind: OfferKind::Broadcast,
                only: vec!["JP".into()],
                except: vec![],
                note: None,
            },
        ],
        cast: (0..6)
            .map(|_| Role {
                character: person(&mut rng, "Character"),
                voices: vec![Voice { actor: person(&mut rng, "Actor"), language: "ja".into() }],
            })
            .collect(),
        read_also: (1..=3)
            .filter(|k| *k < count)
            .map(|k| (i + k) % count)
            .map(|j| ShowLink { slug: slug_of(j), title: headline_of(j) })
            .collect(),
    }
}
