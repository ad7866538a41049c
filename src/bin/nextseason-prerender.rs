//! nextseason-prerender: writes every page of the bundle into a release build, rendered by the
//! site's own components (src/prerender.rs). Run by Trunk's post-build hook on `trunk build
//! --release`; by hand: `cargo run --bin nextseason-prerender -- dist [--origin https://…]`.
//!
//! Reads `DIST/index.html` (the shell Trunk built) and the bundle in `DIST/data/`, and writes
//! `index.html` (the catalogue), `shows/<slug>/index.html`, `404.html`, `embed/index.html`
//! (the code a blogger pastes, for any show), `sitemap.xml`, `robots.txt`, `_headers` (the
//! headers a host sends: src/hosting.rs), `_redirects`, `redirects.nginx` and
//! `redirects.caddy` (renamed shows' former addresses), `app.html` (the page
//! as Trunk built it, which renders in the browser only) and the share cards in `cards/` (the
//! pictures link previews show, src/cards/: the home page's, the methods page's, at most 2,000
//! shows' own and one per answer's badge that the other shows share), drawn once and kept in
//! `target/cards-cache/` by their content. The bundle is checked whole first, by
//! the rules of `nextseason-bundle check` (each file, and those between files): a bundle with
//! problems fails the build with each one, as `check` reports it, and nothing is written.
//!
//! With `--snippets FOLDER`, it writes instead every show's cards as a blogger pastes them
//! (`FOLDER/<slug>.html`, what the embed page gives) and nothing into DIST: for the HTML
//! checker (tests/e2e/valid-html.mjs), or to paste without the page.

// A native tool: the prerender module does not exist in the browser build (which `cargo test
// --target wasm32-unknown-unknown` also compiles this file for).
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use nextseason::bundle::{self, BundleFiles, Located};
    use nextseason::cards::{self, CardFile, CardPlan};
    use nextseason::dates::PartialDate;
    use nextseason::hosting;
    use nextseason::prerender::{self, Page, PageImage, DEFAULT_ORIGIN};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::Arc;

    const USAGE: &str = "\
Usage: nextseason-prerender DIST [--origin URL] [--cards-cache FOLDER] [--snippets FOLDER]

Writes the pages of the bundle in DIST/data into the release build in DIST.
  --origin URL        the site's address, for canonical links, OpenGraph and the sitemap
                      (default: $NEXTSEASON_ORIGIN, else https://nextseason.example)
  --cards-cache FOLDER
                      keeps the share cards drawn, by their content, to link them into the next
                      build (default: $NEXTSEASON_CARDS_CACHE, else target/cards-cache of the
                      sources); `none` draws every card
  --snippets FOLDER   writes every show's cards as a blogger pastes them (FOLDER/<slug>.html,
                      as the embed page /embed/?show=<slug> gives them) instead, and nothing
                      into DIST";

    pub fn main() -> ExitCode {
        match run(std::env::args().skip(1).collect()) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("nextseason-prerender: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(args: Vec<String>) -> Result<String, String> {
        let mut dist = None;
        let mut snippets = None;
        let mut cards_cache = std::env::var("NEXTSEASON_CARDS_CACHE").ok().filter(|c| !c.is_empty()).map(PathBuf::from);
        let mut origin = std::env::var("NEXTSEASON_ORIGIN").ok().filter(|o| !o.is_empty());
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--origin" => origin = Some(args.next().ok_or("--origin needs a URL")?),
                "--cards-cache" => cards_cache = Some(PathBuf::from(args.next().ok_or("--cards-cache needs a folder")?)),
                "--snippets" => snippets = Some(PathBuf::from(args.next().ok_or("--snippets needs a folder")?)),
                "-h" | "--help" => return Ok(USAGE.to_string()),
                _ if dist.is_none() && !arg.starts_with('-') => dist = Some(PathBuf::from(arg)),
                _ => return Err(format!("unexpected argument {arg:?}\n\n{USAGE}")),
            }
        }
        let dist = dist.ok_or(USAGE)?;
        let origin = origin.unwrap_or_else(|| DEFAULT_ORIGIN.to_string());
        let origin = origin.trim_end_matches('/');
        if !bundle::is_safe_url(origin) || origin.matches('/').count() != 2 {
            return Err(format!("the origin must be an https address without a path, such as https://nextseason.example (got {origin:?})"));
        }

        let started = std::time::Instant::now();
        prerender::init();
        // The app's page as Trunk built it, kept as app.html: run again on a build whose bundle
        // changed (the tests' generated catalogues), the prerender starts from it, not from a page.
        let index = read(&dist.join("index.html"))?;
        let shell = match index.contains(prerender::PRERENDERED_ATTR) {
            true => read(&dist.join("app.html"))?,
            false => index,
        };
        // The bundle is read and checked whole, by `nextseason-bundle check`'s rules, before
        // anything is written: a bundle with problems leaves the build as it was.
        let data = dist.join("data");
        let files = BundleFiles::read(&data)?;
        let bundle::CheckedBundle { head, entries, shows, aliases, odds } = files.checked().map_err(|found| problems(&data, &files, &found))?;
        drop(files);
        let shows: Vec<Arc<bundle::Show>> = shows.into_iter().map(Arc::new).collect();
        if let Some(folder) = snippets {
            for show in &shows {
                write(&folder.join(format!("{}.html", show.slug)), &prerender::embed_snippet(show, origin))?;
            }
            return Ok(format!("nextseason-prerender: {} embed snippets for {origin} in {}, in {} ms", shows.len(), folder.display(), started.elapsed().as_millis()));
        }
        // No script inline anywhere (a strict Content-Security-Policy allows none): app.html starts
        // the app from a file, as Trunk's loader did inline; written pages from another.
        let (app, boot) = prerender::app_page(&shell)?;
        let start = prerender::page_start_script(&shell)?;
        for (name, script) in boot.iter().chain([&start]) {
            write(&dist.join(name), script)?;
        }
        write(&dist.join("app.html"), &app)?;
        let shell = app;
        // Show pages start the show pages' own app, when the build made one (.ci/build-wasm.sh):
        // the site's app, which also has every show, otherwise.
        let shows_shell = match app_files(&dist, "nextseason-shows")? {
            Some((js, wasm)) => {
                let shows_shell = prerender::with_app_files(&shell, &js, &wasm)?;
                let (name, script) = prerender::page_start_script(&shows_shell)?;
                write(&dist.join(name), &script)?;
                Some(shows_shell)
            }
            None => None,
        };

        // The share cards first: a page's head names its card, with what the card says.
        let plan = CardPlan::new(&shows, cards::OWN_CARDS_MAX, Some(cards::Card::home(head.total)), odds.as_ref().map(|_| cards::Card::methods()));
        let cards_started = std::time::Instant::now();
        let renderer = cards::Renderer::new(cards::Fonts::load(&cards::font_files())?);
        let cards_cache = cards_cache.unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target/cards-cache")));
        let cache = (cards_cache.as_os_str() != "none").then_some(cards_cache.as_path());
        let written = cards::write_cards(&dist, &plan.files, &renderer, cache)?;
        let cards_ms = cards_started.elapsed().as_millis();
        let alts: std::collections::HashMap<&str, &str> = written.alts.iter().map(|(f, a)| (f.as_str(), a.as_str())).collect();
        let image = |file: Option<&CardFile>| {
            file.map(|f| PageImage { url: format!("{origin}/{}", f.file), width: cards::WIDTH, height: cards::HEIGHT, alt: alts.get(f.file.as_str()).copied().unwrap_or_default().to_string() })
        };

        let mut pages = vec![prerender::home_page(&head, entries.iter().take(nextseason::search::PAGE_SIZE).cloned().collect(), origin)];
        pages[0].image = image(plan.home());
        pages.extend(shows.iter().map(|show| Page { image: image(plan.of_show(&show.slug)), ..prerender::show_page(show, origin) }));
        // How the odds are reckoned, where the bundle says (the full bundle; not the editors' own).
        pages.extend(odds.as_ref().map(|odds| Page { image: image(plan.methods()), ..prerender::methods_page(odds) }));
        pages.push(prerender::not_found_page());
        for page in &pages {
            let shell = match page.path.starts_with("/shows/") {
                true => shows_shell.as_ref().unwrap_or(&shell),
                false => &shell,
            };
            write(&dist.join(&page.file), &prerender::document(shell, origin, page)?)?;
        }
        // What readers follow: the calendars (the site's, and each show's with something ahead)
        // and the feed of what changed in the answers (src/follow).
        let follow_started = std::time::Instant::now();
        let follow = nextseason::follow::calendar::Follow::new(&shows, origin);
        let calendars = nextseason::follow::calendar::calendar_files(&follow, &shows);
        for (name, ics) in &calendars {
            write(&dist.join(name), ics)?;
        }
        let changes = follow.changes();
        write(&dist.join(nextseason::follow::FEED_PATH.trim_start_matches('/')), &follow.feed(&changes))?;
        let follow_ms = follow_started.elapsed().as_millis();
        // The embed page: the code a blogger pastes, for any show (one page, not a file per show).
        let embed = prerender::embed_page(origin);
        for (name, contents) in embed.files() {
            write(&dist.join(name), contents)?;
        }
        write(&dist.join(&embed.page.file), &embed.document(&shell, origin)?)?;

        let listed: Vec<(String, Option<PartialDate>)> =
            pages.iter().chain([&embed.page]).filter(|p| p.head.indexed).map(|p: &Page| (p.path.clone(), p.modified)).collect();
        for (name, xml) in prerender::sitemaps(origin, &listed) {
            write(&dist.join(name), &xml)?;
        }
        write(&dist.join("robots.txt"), &prerender::robots(origin))?;
        // Renamed shows' former addresses: three files for the hosts, none per address.
        let moved = prerender::moved_addresses(&aliases, &shows);
        write(&dist.join(hosting::REDIRECTS_FILE), &hosting::redirects_file(&moved))?;
        write(&dist.join(hosting::NGINX_REDIRECTS_FILE), &hosting::nginx_redirects(&moved))?;
        write(&dist.join(hosting::CADDY_REDIRECTS_FILE), &hosting::caddy_redirects(&moved))?;
        // Last, so that it covers every file the build holds (the widget's, this tool's).
        write(&dist.join("_headers"), &nextseason::hosting::headers_file(&top_level(&dist)?))?;
        let started_by = match shows_shell {
            Some(_) => "show pages start nextseason-shows",
            None => "every page starts the site's app (no nextseason-shows in the build)",
        };
        Ok(format!(
            "nextseason-prerender: {} pages, {} calendars and a feed of {} changes ({follow_ms} ms), {} redirects for {origin} in {} ms; {started_by}\n\
             nextseason-prerender: {} share cards ({} shows' own, the rest shared), {} drawn and {} from the cache, {} KB, in {cards_ms} ms",
            pages.len() + 1,
            calendars.len(),
            changes.len(),
            moved.len(),
            started.elapsed().as_millis(),
            written.files,
            plan.own_count(),
            written.drawn,
            written.files - written.drawn,
            written.bytes / 1024,
        ))
    }

    /// The JS glue and wasm of `app` in the build, as paths from the site's root
    /// (`/nextseason-shows-<hash>.js`, `…_bg.wasm`), if there is one build of it.
    fn app_files(dist: &Path, app: &str) -> Result<Option<(String, String)>, String> {
        let failed = |e: std::io::Error| format!("{}: {e}", dist.display());
        let prefix = format!("{app}-");
        let mut js = Vec::new();
        for entry in std::fs::read_dir(dist).map_err(failed)? {
            let name = entry.map_err(failed)?.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix) && name.ends_with(".js") && hosting::is_hashed_name(&name) {
                js.push(name);
            }
        }
        match js.as_slice() {
            [] => Ok(None),
            [one] => {
                let wasm = format!("{}_bg.wasm", one.trim_end_matches(".js"));
                match dist.join(&wasm).is_file() {
                    true => Ok(Some((format!("/{one}"), format!("/{wasm}")))),
                    false => Err(format!("{one} has no {wasm} beside it")),
                }
            }
            more => Err(format!("{} builds of {app} in {}: {}", more.len(), dist.display(), more.join(", "))),
        }
    }

    /// The problems of the bundle in `data`, one a line as `nextseason-bundle check` prints them
    /// (file:line:column: json.path: what is wrong), and how many.
    fn problems(data: &Path, files: &BundleFiles, found: &[Located]) -> String {
        let lines: Vec<String> = found.iter().map(|l| format!("{}/{l}", data.display())).collect();
        let with = found.iter().map(|l| &l.file).collect::<std::collections::BTreeSet<_>>().len();
        let s = |n: usize| if n == 1 { "" } else { "s" };
        format!(
            "the bundle has {} problem{} in {with} of {} files; nothing was written:\n{}",
            found.len(),
            s(found.len()),
            files.file_count(),
            lines.join("\n"),
        )
    }

    /// The files and folders at the top of the build.
    fn top_level(dist: &Path) -> Result<Vec<nextseason::hosting::TopLevel>, String> {
        let failed = |e: std::io::Error| format!("{}: {e}", dist.display());
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dist).map_err(failed)? {
            let entry = entry.map_err(failed)?;
            let is_folder = entry.file_type().map_err(failed)?.is_dir();
            entries.push(nextseason::hosting::TopLevel { name: entry.file_name().to_string_lossy().into_owned(), is_folder });
        }
        Ok(entries)
    }

    fn read(file: &Path) -> Result<String, String> {
        std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))
    }

    fn write(file: &Path, text: &str) -> Result<(), String> {
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(file, text).map_err(|e| format!("{}: {e}", file.display()))
    }
}
