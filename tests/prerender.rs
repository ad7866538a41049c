//! The pages written at build time (`nextseason-prerender`, src/prerender.rs), from the shipped
//! bundle: every route is written, holds the seed's facts, and carries its head tags and
//! JSON-LD. The shell is the source index.html, as Trunk would have built it minus the scripts.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A build folder: the shell and a copy of the shipped bundle.
fn build_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nextseason-prerender-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&Path::new(ROOT).join("public"), &dir);
    // The source index.html with the loader Trunk 0.21 puts in its place (the end-to-end tests
    // run the prerender on Trunk's real output).
    let source = read(Path::new(ROOT).join("index.html"));
    let shell = source.replace("</head>", &format!("{TRUNK_LOADER}</head>"));
    std::fs::write(dir.join("index.html"), shell).unwrap();
    dir
}

const TRUNK_LOADER: &str = "<script type=\"module\">
import init, * as bindings from '/nextseason-1.js';
const wasm = await init({ module_or_path: '/nextseason-1_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));
</script>
  <link rel=\"modulepreload\" href=\"/nextseason-1.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"/nextseason-1_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn prerender(dir: &Path, origin: Option<&str>) -> std::process::Output {
    match origin {
        Some(origin) => run(dir, None, &["--origin", origin]),
        None => run(dir, None, &[]),
    }
}

/// Runs the prerender on `dir` with `args` after it, and `NEXTSEASON_ORIGIN` set to `env`
/// (unset when None).
fn run(dir: &Path, env: Option<&str>, args: &[&str]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nextseason-prerender"));
    command.arg(dir).args(args);
    match env {
        Some(origin) => command.env("NEXTSEASON_ORIGIN", origin),
        None => command.env_remove("NEXTSEASON_ORIGIN"),
    };
    command.output().unwrap()
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The JSON-LD objects of a page, parsed.
fn json_ld(html: &str) -> Vec<Value> {
    html.split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|rest| serde_json::from_str(rest.split("</script>").next().unwrap()).expect("JSON-LD parses"))
        .collect()
}

/// A share card in the build: a PNG of 1200×630 pixels.
fn assert_png_card(file: &Path) {
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().expect("a PNG");
    assert_eq!((reader.info().width, reader.info().height), (1200, 630), "{}", file.display());
}

fn meta(html: &str, attr: &str, key: &str) -> Option<String> {
    let start = format!("<meta {attr}=\"{key}\" content=\"");
    html.split(&start).nth(1).map(|rest| rest.split('"').next().unwrap().to_string())
}

#[test]
fn every_route_of_the_shipped_bundle_is_written() {
    let dir = build_dir("routes");
    let output = prerender(&dir, Some("https://anime.example.org/"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let index = read(Path::new(ROOT).join("public/data/index.json"));
    let slugs: Vec<String> = serde_json::from_str::<Value>(&index).unwrap()["shows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["slug"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(slugs.len(), 2);
    for slug in &slugs {
        let page = read(dir.join(format!("shows/{slug}/index.html")));
        assert!(page.contains(&format!("data-ns-prerendered=\"/shows/{slug}\"")));
        assert!(page.contains("<h1 "), "{slug} has its headline");
        assert!(!page.contains("<noscript>"), "no 'needs JavaScript' note on a page that has its content");
        assert!(page.contains(&format!("<a href=\"/embed/?show={slug}\" rel=\"external\">Embed this show on your blog</a>")), "{slug} links to its embed page");
    }
    // One embed page for every show, not a file of cards per show (they took 8,000 of a host's
    // files): the cards to paste are rendered by the page's script (tests/e2e/embed-code.test.mjs).
    assert_eq!(std::fs::read_dir(dir.join("embed")).unwrap().count(), 1, "embed/ holds its index.html alone");
    let embed = read(dir.join("embed/index.html"));
    assert!(embed.contains("data-ns-prerendered=\"/embed/\"") && embed.contains("Embed a show on your blog</h1>"));
    let script = embed.split("<script type=\"module\" src=\"/").nth(1).and_then(|rest| rest.split('"').next()).expect("the page's script");
    assert!(script.starts_with("nextseason-paste-") && script.ends_with(".js"), "{script}");
    assert!(read(dir.join(script)).contains("NextSeason.snippet("));
    let style = embed.split("<link rel=\"stylesheet\" href=\"/").nth(1).and_then(|rest| rest.split('"').next()).expect("the page's stylesheet");
    assert!(style.starts_with("nextseason-paste-") && style.ends_with(".css") && read(dir.join(style)).contains(".ns-embed-code"), "{style}");
    assert!(!read(dir.join("shows/metallic-rouge/index.html")).contains(style), "no other page loads it");
    assert!(!embed.contains("nextseason-start-") && !embed.contains("nextseason-1_bg.wasm"), "the page needs no app");
    let home = read(dir.join("index.html"));
    assert!(home.contains("Will it get a season 2?</h1>") && home.contains("Metallic Rouge") && home.contains("Sengoku Youko"));
    assert!(home.contains("2 shows"), "the count of the catalogue");
    let not_found = read(dir.join("404.html"));
    assert!(not_found.contains("Page not found</h1>") && not_found.contains("There is no page at this address."));
    assert!(read(dir.join("app.html")).contains("<noscript>"), "the app's own page is kept");

    let sitemap = read(dir.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://anime.example.org/</loc>"));
    for slug in &slugs {
        assert!(sitemap.contains(&format!("<loc>https://anime.example.org/shows/{slug}</loc>")));
    }
    assert!(!sitemap.contains("404"), "the 404 page is not listed");
    assert_eq!(read(dir.join("robots.txt")), "User-agent: *\nAllow: /\n\nSitemap: https://anime.example.org/sitemap.xml\n");

    // Run again on its own output (the tests' generated catalogues do): same pages.
    let output = prerender(&dir, Some("https://anime.example.org"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(read(dir.join("index.html")), home);
    std::fs::remove_dir_all(dir).unwrap();
}

/// The script file a written page starts (`<script type="module" src="/…">`), read from `dir`.
fn start_script(dir: &Path, page: &str) -> String {
    let at = page.find("<script type=\"module\" src=\"/").expect("a module script") + "<script type=\"module\" src=\"/".len();
    let name = &page[at..at + page[at..].find('"').unwrap()];
    read(dir.join(name))
}

#[test]
fn show_pages_start_the_show_pages_own_app_and_the_others_the_sites() {
    let dir = build_dir("shows-app");
    // Without a build of the show pages' app, every page starts the site's (which has them all).
    let output = prerender(&dir, None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("every page starts the site's app"));
    let show = read(dir.join("shows/metallic-rouge/index.html"));
    assert!(start_script(&dir, &show).contains("import('/nextseason-1.js')"));

    // With one (.ci/build-wasm.sh names it by a hash of its content), show pages start it.
    std::fs::write(dir.join("nextseason-shows-0123456789abcdef.js"), "// glue").unwrap();
    std::fs::write(dir.join("nextseason-shows-0123456789abcdef_bg.wasm"), "wasm").unwrap();
    let output = prerender(&dir, None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for slug in ["metallic-rouge", "sengoku-youko"] {
        let page = read(dir.join(format!("shows/{slug}/index.html")));
        let start = start_script(&dir, &page);
        assert!(start.contains("import('/nextseason-shows-0123456789abcdef.js')"), "{slug}: {start}");
        assert!(start.contains("module_or_path: '/nextseason-shows-0123456789abcdef_bg.wasm'"), "{slug}: {start}");
        assert!(!page.contains("nextseason-1"), "{slug}: nothing of the site's app");
    }
    for page in ["index.html", "404.html"] {
        let html = read(dir.join(page));
        assert!(start_script(&dir, &html).contains("import('/nextseason-1.js')"), "{page} starts the site's app");
        assert!(!html.contains("nextseason-shows"), "{page}");
    }
    assert!(!read(dir.join("app.html")).contains("nextseason-shows"), "app.html (any other address) is the site's app");

    // Two builds of it side by side are refused, not guessed between.
    std::fs::write(dir.join("nextseason-shows-fedcba9876543210.js"), "// glue").unwrap();
    let refused = String::from_utf8_lossy(&prerender(&dir, None).stderr).into_owned();
    assert!(refused.contains("2 builds of nextseason-shows"), "{refused}");
    std::fs::remove_dir_all(dir).unwrap();
}

/// `--snippets FOLDER`: every show's cards as a blogger pastes them, one file each, as the
/// embed page gives them; nothing is written into the build.
#[test]
fn snippets_are_written_on_demand_outside_the_build() {
    let dir = build_dir("snippets");
    let folder = dir.with_extension("snippets");
    let before = read(dir.join("index.html"));
    let output = run(&dir, None, &["--origin", "https://anime.example.org", "--snippets", folder.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("2 embed snippets for https://anime.example.org"));
    for slug in ["metallic-rouge", "sengoku-youko"] {
        let snippet = read(folder.join(format!("{slug}.html")));
        assert!(snippet.starts_with(&format!("<div data-nextseason data-show=\"{slug}\">\n")) && snippet.ends_with("\n</div>\n"), "{snippet}");
        assert!(snippet.contains("<h2 ") && !snippet.contains("<h1 "), "the post has the <h1>");
        assert!(!snippet.contains("/embed/?show="), "no link to the embed page in the pasted cards");
    }
    assert!(read(folder.join("metallic-rouge.html")).contains("href=\"https://anime.example.org/shows/sengoku-youko\""));
    assert_eq!(read(dir.join("index.html")), before, "the build is left as it was");
    assert!(!dir.join("embed").exists() && !dir.join("sitemap.xml").exists());
    std::fs::remove_dir_all(folder).unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_show_page_holds_the_seeds_facts_and_its_head() {
    let dir = build_dir("facts");
    assert!(prerender(&dir, None).status.success());
    let page = read(dir.join("shows/metallic-rouge/index.html"));
    for fact in [
        "Will Metallic Rouge have season 2?【Release Date】</h1>",
        "Natalia Hernández",
        "Bones",
        "メタリックルージュ",
        "Crunchyroll",
        "Fuji TV +Ultra",
        "Yume Miyamoto",
        "Jill Sturgeon",
        "Yui Ogura",
        "Technical sheet",
        "Where to watch",
        "Read also",
        "Sengoku Youko",
        "href=\"/shows/sengoku-youko\"",
        "rel=\"noopener noreferrer\"",
        "lang=\"ja\"",
    ] {
        assert!(page.contains(fact), "missing {fact:?}");
    }
    assert!(!page.contains("<!>"), "no hydration markers");
    // The app starts after the first paint, from a file (no script is inline: a strict CSP).
    let start = page.split_once("<script type=\"module\" src=\"/").and_then(|(_, rest)| rest.split_once('"')).map(|(file, _)| file.to_string()).expect("the start script");
    assert!(read(dir.join(&start)).contains("requestAnimationFrame(() => setTimeout(async () => {"), "the app starts after the first paint");
    assert!(!page.contains("<script type=\"module\">") && !page.contains("<script>"), "no inline script");
    assert!(page.contains("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/data/shows/metallic-rouge.json\" />"), "the show's file preloaded");
    // The app's files are fetched from the start, at low priority, without the integrity of
    // Trunk's links (which was for the site's app: the test build has no show pages' app).
    assert!(page.contains("<link rel=\"modulepreload\" href=\"/nextseason-1.js\" crossorigin=\"anonymous\" fetchpriority=\"low\" />"), "the glue preloaded");
    assert!(page.contains("<link rel=\"preload\" href=\"/nextseason-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" fetchpriority=\"low\" />"), "the wasm preloaded");
    assert!(!page.contains("integrity="));
    let home = read(dir.join("index.html"));
    assert!(!home.contains("modulepreload") && !home.contains("_bg.wasm\" as"), "the catalogue's page fetches its app after its first paint");
    assert!(!page.contains("ns-skeleton"), "content, not placeholders");

    assert!(page.contains("<title>Will Metallic Rouge have season 2?【Release Date】 · NextSeason</title>"));
    let description = meta(&page, "name", "description").unwrap();
    assert!(description.starts_with("There is no official announcement"), "{description}");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://nextseason.example/shows/metallic-rouge\" />"));
    assert_eq!(meta(&page, "property", "og:type").as_deref(), Some("article"));
    assert_eq!(meta(&page, "property", "og:title").as_deref(), Some("Will Metallic Rouge have season 2?【Release Date】"));
    assert_eq!(meta(&page, "property", "og:description"), Some(description.clone()));
    assert_eq!(meta(&page, "property", "og:url").as_deref(), Some("https://nextseason.example/shows/metallic-rouge"));
    // The link preview's picture: the show's share card, written into the build.
    let card = "https://nextseason.example/cards/shows/metallic-rouge.png";
    assert_eq!(meta(&page, "property", "og:image").as_deref(), Some(card));
    assert_eq!(meta(&page, "property", "og:image:type").as_deref(), Some("image/png"));
    assert_eq!(meta(&page, "property", "og:image:width").as_deref(), Some("1200"));
    assert_eq!(meta(&page, "property", "og:image:height").as_deref(), Some("630"));
    let alt = meta(&page, "property", "og:image:alt").expect("the card's text alternative");
    assert_eq!(alt, "NextSeason card for Metallic Rouge (メタリックルージュ). No announcement. No second season has been announced.");
    assert_eq!(meta(&page, "name", "twitter:card").as_deref(), Some("summary_large_image"));
    assert_eq!(meta(&page, "name", "twitter:image").as_deref(), Some(card));
    assert_eq!(meta(&page, "name", "twitter:image:alt"), Some(alt));
    assert_png_card(&dir.join("cards/shows/metallic-rouge.png"));
    assert_eq!(page.matches("/cards/").count(), 2, "the card is named in the head's two tags only: the page shows no <img> of it");
    assert!(!page.contains("<img"));
    let home = read(dir.join("index.html"));
    assert_eq!(meta(&home, "property", "og:image").as_deref(), Some("https://nextseason.example/cards/home.png"));
    assert!(meta(&home, "property", "og:image:alt").unwrap().contains("Will it get a season 2?"));
    assert_png_card(&dir.join("cards/home.png"));
    assert_eq!(meta(&page, "name", "twitter:title").as_deref(), Some("Will Metallic Rouge have season 2?【Release Date】"));
    assert_eq!(meta(&page, "name", "robots"), None);

    let data = json_ld(&page);
    assert_eq!(data.len(), 2);
    let article = &data[0];
    assert_eq!(article["@context"], "https://schema.org");
    assert_eq!(article["@type"], "Article");
    assert_eq!(article["headline"], "Will Metallic Rouge have season 2?【Release Date】");
    assert_eq!(article["author"], serde_json::json!({ "@type": "Person", "name": "Natalia Hernández" }));
    assert!(article.get("datePublished").is_none(), "the seed gives no date, so none is claimed");
    let series = &data[1];
    assert_eq!(series["@type"], "TVSeries");
    assert_eq!(series["name"], "Metallic Rouge");
    assert_eq!(series["alternateName"][0], "メタリックルージュ");
    assert_eq!(series["productionCompany"][0], serde_json::json!({ "@type": "Organization", "name": "Bones" }));
    assert_eq!(series["startDate"], "2024-01-11");
    let roles = series["actor"].as_array().unwrap();
    assert!(roles.iter().all(|r| r["@type"] == "PerformanceRole" && r["actor"]["@type"] == "Person"));
    assert!(roles.iter().any(|r| r["characterName"] == "Jill Sturgeon" && r["actor"]["name"] == "Yui Ogura"));
    assert_eq!(article["about"]["@id"], series["@id"]);
    assert_only_schema_org_terms(&data);
    std::fs::remove_dir_all(dir).unwrap();
}

/// Every key is a JSON-LD keyword or a schema.org property, every type a schema.org type (the
/// ones this site writes: a new one must be looked up and added here).
fn assert_only_schema_org_terms(values: &[Value]) {
    const TYPES: [&str; 6] = ["Article", "TVSeries", "Person", "Organization", "PerformanceRole", "WebSite"];
    const PROPERTIES: [&str; 17] = [
        "headline", "author", "datePublished", "dateModified", "url", "mainEntityOfPage", "about", "image", "name",
        "alternateName", "genre", "productionCompany", "startDate", "numberOfSeasons", "actor", "characterName", "description",
    ];
    fn walk(value: &Value) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    match key.as_str() {
                        "@context" => assert_eq!(inner, "https://schema.org"),
                        "@type" => assert!(TYPES.contains(&inner.as_str().unwrap()), "type {inner}"),
                        "@id" => assert!(inner.as_str().unwrap().starts_with("https://")),
                        key => assert!(PROPERTIES.contains(&key), "property {key}"),
                    }
                    walk(inner);
                }
            }
            Value::Array(items) => items.iter().for_each(walk),
            _ => {}
        }
    }
    values.iter().for_each(walk);
}

#[test]
fn the_404_page_is_not_for_search_engines() {
    let dir = build_dir("404");
    assert!(prerender(&dir, None).status.success());
    let page = read(dir.join("404.html"));
    assert_eq!(meta(&page, "name", "robots").as_deref(), Some("noindex"));
    assert!(!page.contains("rel=\"canonical\""));
    assert!(page.contains("<title>Page not found · NextSeason</title>"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// Every file under `dir` with its bytes, by path: to tell that a run wrote nothing.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), Vec::new());
                walk(root, &path, out);
            } else {
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
            }
        }
    }
    let mut files = std::collections::BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// Runs the prerender on a bundle with problems: it fails, names each problem as
/// `nextseason-bundle check` does, and leaves the build folder as it was.
fn refused(dir: &Path) -> String {
    refused_with(dir, None, &[])
}

/// The prerender run as [`run`] fails, writes nothing, and says why (the build folder shown as
/// DIST).
fn refused_with(dir: &Path, env: Option<&str>, args: &[&str]) -> String {
    let before = snapshot(dir);
    let output = run(dir, env, args);
    assert!(!output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    assert_eq!(snapshot(dir).keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>(), "no file is written or removed");
    assert!(snapshot(dir) == before, "no file is changed");
    for written in ["app.html", "_headers", "404.html", "sitemap.xml", "robots.txt", "shows", "embed"] {
        assert!(!dir.join(written).exists(), "{written} is not written from a bad bundle");
    }
    String::from_utf8(output.stderr).unwrap().replace(&dir.display().to_string(), "DIST")
}

#[test]
fn a_bad_bundle_or_origin_stops_the_build_with_the_file_and_field() {
    let dir = build_dir("bad");
    let shard = dir.join("data/shows/sengoku-youko.json");
    std::fs::write(&shard, read(shard.clone()).replace("\"title\": \"Sengoku Youko\"", "\"title\": \"\"")).unwrap();
    let message = refused(&dir);
    assert!(message.contains("DIST/data/shows/sengoku-youko.json:4:12: title: must not be empty"), "{message}");

    let output = prerender(&dir, Some("http://insecure.example"));
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("the origin must be an https address"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_read_also_link_to_a_missing_show_stops_the_build() {
    let dir = build_dir("read-also");
    let shard = dir.join("data/shows/metallic-rouge.json");
    std::fs::write(&shard, read(shard.clone()).replace("{ \"slug\": \"sengoku-youko\", \"title\"", "{ \"slug\": \"no-such-show\", \"title\"")).unwrap();
    let message = refused(&dir);
    assert_eq!(
        message,
        "nextseason-prerender: the bundle has 1 problem in 1 of 4 files; nothing was written:\n\
         DIST/data/shows/metallic-rouge.json:84:15: read_also[0].slug: names \"no-such-show\", which has no file in shows/\n"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_show_missing_from_the_index_stops_the_build() {
    let dir = build_dir("unlisted");
    let copy = read(dir.join("data/shows/sengoku-youko.json")).replacen("\"slug\": \"sengoku-youko\"", "\"slug\": \"sengoku-youko-again\"", 1);
    std::fs::write(dir.join("data/shows/sengoku-youko-again.json"), copy).unwrap();
    let message = refused(&dir);
    assert_eq!(
        message,
        "nextseason-prerender: the bundle has 1 problem in 1 of 5 files; nothing was written:\n\
         DIST/data/shows/sengoku-youko-again.json:3:11: slug: \"sengoku-youko-again\" is not in index.json (run `nextseason-bundle index`)\n"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// Every address the written pages give uses `origin`: the show page's canonical link, og:url
/// and JSON-LD, the home page's JSON-LD, the sitemap, robots.txt and the embed page's code to paste.
fn assert_origin(dir: &Path, origin: &str) {
    let page = read(dir.join("shows/metallic-rouge/index.html"));
    let url = format!("{origin}/shows/metallic-rouge");
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\" />")), "canonical link to {url}");
    assert_eq!(meta(&page, "property", "og:url"), Some(url.clone()));
    let data = json_ld(&page);
    assert_eq!(data[0]["url"], url.as_str());
    assert_eq!(data[0]["mainEntityOfPage"], url.as_str());
    assert_eq!(data[1]["@id"], format!("{url}#series"));
    assert_eq!(json_ld(&read(dir.join("index.html")))[0]["url"], format!("{origin}/"));
    let sitemap = read(dir.join("sitemap.xml"));
    let locations: Vec<&str> = sitemap.split("<loc>").skip(1).map(|rest| rest.split("</loc>").next().unwrap()).collect();
    assert_eq!(locations, [format!("{origin}/"), url, format!("{origin}/shows/sengoku-youko"), format!("{origin}/embed/")], "{sitemap}");
    assert_eq!(read(dir.join("robots.txt")), format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n"));
    let embed = read(dir.join("embed/index.html"));
    assert!(embed.contains(&format!("data-origin=\"{origin}\"")) && embed.contains(&format!("src=&quot;{origin}/embed.js&quot;")), "the code to paste loads the site's embed.js");
    if origin != "https://nextseason.example" {
        for file in ["shows/metallic-rouge/index.html", "index.html", "sitemap.xml", "embed/index.html"] {
            assert!(!read(dir.join(file)).contains("nextseason.example"), "{file} holds the default origin");
        }
    }
}

#[test]
fn the_sites_address_comes_from_nextseason_origin() {
    let dir = build_dir("origin-env");
    let output = run(&dir, Some("https://anime.example.org"), &[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("for https://anime.example.org in"));
    assert_origin(&dir, "https://anime.example.org");
    let page = read(dir.join("shows/metallic-rouge/index.html"));

    // A trailing slash is trimmed: the same pages.
    let output = run(&dir, Some("https://anime.example.org/"), &[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_origin(&dir, "https://anime.example.org");
    assert_eq!(read(dir.join("shows/metallic-rouge/index.html")), page);

    // Set but empty, it is not set: the default.
    let output = run(&dir, Some(""), &[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_origin(&dir, "https://nextseason.example");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_origin_option_wins_over_nextseason_origin() {
    let dir = build_dir("origin-option");
    let output = run(&dir, Some("https://environment.example.org"), &["--origin", "https://option.example.org/"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_origin(&dir, "https://option.example.org");
    for file in ["shows/metallic-rouge/index.html", "index.html", "sitemap.xml", "robots.txt"] {
        assert!(!read(dir.join(file)).contains("environment.example.org"), "{file}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_origin_that_is_not_https_or_has_a_path_is_refused_and_nothing_is_written() {
    let dir = build_dir("origin-invalid");
    let cases: [(Option<&str>, &[&str], &str); 5] = [
        (Some("http://anime.example.org"), &[], "http://anime.example.org"),
        (Some("https://anime.example.org/site/"), &[], "https://anime.example.org/site"),
        (None, &["--origin", "http://anime.example.org"], "http://anime.example.org"),
        (None, &["--origin", "https://anime.example.org/site"], "https://anime.example.org/site"),
        // The option wins even when it is the wrong one.
        (Some("https://anime.example.org"), &["--origin", "anime.example.org"], "anime.example.org"),
    ];
    for (env, args, shown) in cases {
        let message = refused_with(&dir, env, args);
        assert_eq!(
            message,
            format!("nextseason-prerender: the origin must be an https address without a path, such as https://nextseason.example (got {shown:?})\n"),
            "{env:?} {args:?}"
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}
