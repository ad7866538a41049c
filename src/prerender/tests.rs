use super::*;
use super::site_files::SITEMAP_LIMIT;
use crate::bundle::Show;
use serde_json::json;

#[test]
fn json_in_a_script_cannot_close_it() {
    let data = json!({ "headline": "</script><script>alert(1)</script> & more" });
    let text = script_json(&data);
    assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), data, "reads back as the same data");
}

#[test]
fn more_addresses_than_a_sitemap_holds_get_an_index() {
    let pages: Vec<(String, Option<PartialDate>)> = (0..SITEMAP_LIMIT + 1).map(|i| (format!("/shows/s{i}"), None)).collect();
    let files = sitemaps("https://a.example", &pages);
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
    assert_eq!(files[0].1.matches("<url>").count(), SITEMAP_LIMIT);
    assert_eq!(files[1].1.matches("<url>").count(), 1);
    assert!(files[2].1.contains("<sitemapindex") && files[2].1.contains("<loc>https://a.example/sitemap-2.xml</loc>"));
    let one = sitemaps("https://a.example", &pages[..2]);
    assert_eq!(one.len(), 1);
    assert!(one[0].1.contains("<urlset"));
}

#[test]
fn a_shell_without_its_places_is_refused() {
    let page = not_found_page_for_test();
    let loader = "<link rel=\"modulepreload\" href=\"/a.js\"><link rel=\"preload\" href=\"/a_bg.wasm\" as=\"fetch\"><script type=\"module\">import init, * as bindings from '/a.js';\nconst wasm = await init({ module_or_path: '/a_bg.wasm' });</script>";
    let bare = format!("<html><head><meta charset=\"utf-8\" />{loader}</head><body></body></html>");
    assert!(document(&bare, DEFAULT_ORIGIN, &page).unwrap_err().contains("<noscript>"));
    let no_charset = format!("<html><head><title>NextSeason</title>{loader}</head><body><noscript>x</noscript></body></html>");
    assert!(document(&no_charset, DEFAULT_ORIGIN, &page).unwrap_err().contains("<meta charset"));
    let shell = format!("<html><head><meta charset=\"utf-8\" /><title>NextSeason</title>{loader}</head><body><noscript>x</noscript></body></html>");
    let shell = shell.as_str();
    let html = document(shell, DEFAULT_ORIGIN, &page).unwrap();
    assert!(html.contains("<title>Page not found · NextSeason</title>") && !html.contains("noscript"));
    assert!(document(&html, DEFAULT_ORIGIN, &page).unwrap_err().contains("already holds a prerendered page"));
}

#[test]
fn a_written_page_starts_the_app_after_its_first_paint() {
    let shell = "<html><head><meta charset=\"utf-8\" /><title>NextSeason</title><script type=\"module\">\nimport init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script><link rel=\"modulepreload\" href=\"/app-1.js\" integrity=\"x\"><link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\"></head><body><noscript>x</noscript></body></html>";
    let html = document(shell, DEFAULT_ORIGIN, &not_found_page_for_test()).unwrap();
    let (file, script) = page_start_script(shell).unwrap();
    assert!(file.starts_with("nextseason-start-") && file.ends_with(".js"));
    assert!(html.contains(&format!("<script type=\"module\" src=\"/{file}\"></script>")), "{html}");
    assert!(script.contains("requestAnimationFrame(() => setTimeout(async () => {"));
    assert!(script.contains("await import('/app-1.js')") && script.contains("module_or_path: '/app-1_bg.wasm'"));
    assert!(!html.contains("modulepreload") && !html.contains("rel=\"preload\""), "{html}");
    // A show page has its app's files fetched from the start, at low priority, started alike.
    let show = Page { path: "/shows/a-b".into(), app: AppStart::Preloaded, ..not_found_page_for_test() };
    let html = document(shell, DEFAULT_ORIGIN, &show).unwrap();
    assert!(html.contains(&format!("<script type=\"module\" src=\"/{file}\"></script>")), "{html}");
    assert!(html.contains("<link rel=\"modulepreload\" href=\"/app-1.js\" crossorigin=\"anonymous\" fetchpriority=\"low\" />"), "{html}");
    assert!(html.contains("<link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" fetchpriority=\"low\" />"), "{html}");
    assert!(!html.contains("integrity"), "{html}");
    // No script is inline: a strict Content-Security-Policy needs no exception.
    assert!(!html.contains("<script type=\"module\">") && !html.contains("<script>"), "{html}");
    let unknown = shell.replace("import init", "import start");
    assert!(document(&unknown, DEFAULT_ORIGIN, &not_found_page_for_test()).unwrap_err().contains("app loader"));
}

#[test]
fn the_app_page_starts_the_app_from_a_file_and_keeps_its_preloads() {
    let shell = "<html><head><meta charset=\"utf-8\" /><title>NextSeason</title><script async src=\"/preload.js\"></script><script type=\"module\">\nimport init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script><link rel=\"modulepreload\" href=\"/app-1.js\" integrity=\"x\"><link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\"></head><body><noscript>x</noscript></body></html>";
    let (app, script) = app_page(shell).unwrap();
    let (file, js) = script.unwrap();
    assert!(app.contains(&format!("<script type=\"module\" src=\"/{file}\"></script>")) && !app.contains("<script type=\"module\">"), "{app}");
    assert!(js.contains("import init, * as bindings from '/app-1.js';") && js.contains("TrunkApplicationStarted"));
    assert!(app.contains("modulepreload") && app.contains("/preload.js"));
    // Run again on its own output (a rebuilt bundle), it changes nothing and writes no file.
    assert_eq!(app_page(&app).unwrap(), (app.clone(), None));
    // And the pages written from it are the same as from Trunk's own.
    let show = Page { path: "/shows/a-b".into(), ..not_found_page_for_test() };
    let written = document(&app, DEFAULT_ORIGIN, &show).unwrap();
    assert_eq!(written, document(shell, DEFAULT_ORIGIN, &show).unwrap());
    assert!(written.contains("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/data/shows/a-b.json\" />"), "{written}");
    assert!(!written.contains("preload.js"));
    // The site's policy, once, before any script.
    assert_eq!(written.matches("http-equiv=\"Content-Security-Policy\"").count(), 1);
    assert!(written.find("Content-Security-Policy") < written.find("<script"));
}

#[test]
fn a_character_without_a_voice_actor_is_no_performance_role() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/shows/metallic-rouge.json")).unwrap();
    let mut show = crate::bundle::decode_show(&text, "metallic-rouge").unwrap();
    let url = "https://nextseason.example/shows/metallic-rouge";
    let actors = |show: &Show| show_json_ld(show, url)[1].get("actor").cloned();
    assert_eq!(actors(&show).unwrap().as_array().unwrap().len(), show.cast.len());
    // Rouge's voice not announced: her role is left out, not written with an empty actor.
    show.cast[0].voices.clear();
    let roles = actors(&show).unwrap();
    let roles = roles.as_array().unwrap();
    assert_eq!(roles.len(), show.cast.len() - 1);
    assert!(roles.iter().all(|r| r["characterName"] != "Rouge Redstar" && r["actor"]["name"].as_str().is_some_and(|n| !n.is_empty())));
    // No voice announced at all: no `actor` term.
    show.cast.iter_mut().for_each(|role| role.voices.clear());
    assert_eq!(actors(&show), None);
}

fn not_found_page_for_test() -> Page {
    init();
    not_found_page()
}
