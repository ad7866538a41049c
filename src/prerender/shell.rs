//! The page Trunk built (the shell), filled with a written page: head tags, the page's policy,
//! and the app's start moved into script files (or left out of a page of the build alone).

use super::*;
use crate::head::SITE_NAME;
use crate::text::escape_html;
use serde_json::Value;

/// Fills the HTML that Trunk built (the app's shell) with one page: its head tags, and its
/// rendered body where the shell's `<noscript>` note was. Fails on a shell it does not know.
pub fn document(shell: &str, origin: &str, page: &Page) -> Result<String, String> {
    if shell.contains(PRERENDERED_ATTR) {
        return Err("the shell already holds a prerendered page: build it again with trunk first".into());
    }
    let scripts = match page.path.is_empty() {
        // The 404 page (the one page of no address), served for every unknown address: a
        // renamed show's former one moves on.
        true => MOVED_SCRIPT.to_string(),
        false => preload_for(&page.path),
    };
    let started = match page.app {
        AppStart::AfterPaint => start_app_after_paint(shell, false)?,
        AppStart::Preloaded => start_app_after_paint(shell, true)?,
        AppStart::None => without_app(shell)?,
    };
    let shell = with_policy(&started)?.replacen(PRELOAD_SCRIPT, &scripts, 1);
    let shell = shell.as_str();
    let title = "<title>NextSeason</title>";
    let (noscript_start, noscript_end) = match (shell.find("<noscript>"), shell.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => (start, end + "</noscript>".len()),
        _ => return Err("the shell has no <noscript> note where the page goes".into()),
    };
    if !shell.contains(title) || !shell.contains("</head>") {
        return Err("the shell has no <title>NextSeason</title> or no </head>".into());
    }
    let body = format!("<div class=\"ns-root\" {PRERENDERED_ATTR}=\"{}\">{}</div>", escape_html(&page.path), page.body);
    let html = format!("{}{body}{}", &shell[..noscript_start], &shell[noscript_end..]);
    let html = html.replacen(title, &format!("<title>{}</title>", escape_html(&page.head.document_title())), 1);
    Ok(html.replacen("</head>", &format!("{}</head>", head_tags(origin, page)), 1))
}

/// `shell` with the site's Content-Security-Policy as a `<meta>` (src/hosting.rs), for hosts
/// that cannot send headers: first in the head, since it governs only what follows it.
fn with_policy(shell: &str) -> Result<String, String> {
    const CHARSET: &str = "<meta charset=\"utf-8\" />";
    if shell.contains("http-equiv=\"Content-Security-Policy\"") {
        return Ok(shell.to_string());
    }
    let at = shell.find(CHARSET).ok_or("the shell has no <meta charset=\"utf-8\" /> to put the policy after")? + CHARSET.len();
    let meta = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />", escape_html(&crate::hosting::meta_content_security_policy()));
    Ok(format!("{}{meta}{}", &shell[..at], &shell[at..]))
}

/// The app's start in a file of its own, not an inline script, so that a strict
/// Content-Security-Policy (`script-src 'self'`) needs no exception: `(file name, contents)`,
/// the name carrying a hash of the contents.
pub type Script = (String, String);

/// The app's JS glue and wasm, as the preload links of Trunk's page name them.
fn app_files(shell: &str) -> Result<(String, String), String> {
    let unknown = || "the shell has no preload links for the app's JS and wasm (Trunk 0.21's <link rel=\"modulepreload\"> and <link rel=\"preload\" … _bg.wasm>)".to_string();
    let href_after = |marker: &str| {
        let at = shell.find(marker)? + marker.len();
        shell[at..].split_once('"').map(|(href, _)| href.to_string())
    };
    let js = href_after("<link rel=\"modulepreload\" href=\"").ok_or_else(unknown)?;
    let wasm = href_after("<link rel=\"preload\" href=\"").filter(|w| w.ends_with(".wasm")).ok_or_else(unknown)?;
    Ok((js, wasm))
}

/// `shell` starting another app of the build, whose JS glue and wasm are `js` and `wasm` (paths
/// from the site's root, `/nextseason-shows-<hash>.js`): the show pages' own, for the show
/// pages. For written pages only, which start their app from a script of their own and drop the
/// preload links (with their integrity, which was the site's app's).
pub fn with_app_files(shell: &str, js: &str, wasm: &str) -> Result<String, String> {
    let (site_js, site_wasm) = app_files(shell)?;
    Ok(shell.replace(&format!("\"{site_js}\""), &format!("\"{js}\"")).replace(&format!("\"{site_wasm}\""), &format!("\"{wasm}\"")))
}

/// The element that starts the app in `shell`: Trunk's inline loader, or the script that
/// replaced it ([`app_page`]), as a byte range. Fails, so that the build does, on another.
fn loader_range(shell: &str) -> Result<std::ops::Range<usize>, String> {
    let unknown = || "the shell's app loader is not Trunk 0.21's (import init … await init({ module_or_path … }))".to_string();
    for open in ["<script type=\"module\">", "<script type=\"module\" src=\"/nextseason-boot-"] {
        if let Some(start) = shell.find(open) {
            let end = start + shell[start..].find("</script>").ok_or_else(unknown)? + "</script>".len();
            let inline = &shell[start..end];
            if open.ends_with('>') && !(inline.contains("import init, * as bindings from '") && inline.contains("await init({ module_or_path: '")) {
                return Err(unknown());
            }
            return Ok(start..end);
        }
    }
    Err(unknown())
}

/// A script file named by its contents (FNV-1a, for cache names, not for security).
pub(super) fn script_file(prefix: &str, contents: String) -> Script {
    let hash = contents.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    (format!("{prefix}-{hash:016x}.js"), contents)
}

/// `app.html`, the page a host serves where nothing was written (and `trunk serve`'s page):
/// Trunk's inline loader moved into a file, which starts the app as the page is parsed, as
/// Trunk's does. A shell whose loader was moved already is returned as it is, without a file.
pub fn app_page(shell: &str) -> Result<(String, Option<Script>), String> {
    let shell = &with_policy(shell)?;
    let (js, wasm) = app_files(shell)?;
    let range = loader_range(shell)?;
    if !shell[range.clone()].starts_with("<script type=\"module\">") {
        return Ok((shell.to_string(), None));
    }
    let script = script_file(
        "nextseason-boot",
        format!(
            "// Written by nextseason-prerender: Trunk's loader, in a file of its own.\n\
             import init, * as bindings from '{js}';\n\
             const wasm = await init({{ module_or_path: '{wasm}' }});\n\
             window.wasmBindings = bindings;\n\
             dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n"
        ),
    );
    let html = format!("{}<script type=\"module\" src=\"/{}\"></script>{}", &shell[..range.start], script.0, &shell[range.end..]);
    Ok((html, Some(script)))
}

/// The start of the app in a written page. Trunk's loader starts the app as the page is parsed,
/// and has the browser fetch its JS and wasm first (preload links): right for `app.html`, which
/// shows nothing until the app runs, but a written page would paint later for it (about 1.5
/// times later on loopback, measured). In a written page the app starts after the first paint.
pub fn page_start_script(shell: &str) -> Result<Script, String> {
    let (js, wasm) = app_files(shell)?;
    Ok(start_script(&js, &wasm))
}

fn start_script(js: &str, wasm: &str) -> Script {
    script_file(
        "nextseason-start",
        format!(
            "// Written by nextseason-prerender: the page is painted first, then the app starts.\n\
             requestAnimationFrame(() => setTimeout(async () => {{\n\
             const bindings = await import('{js}');\n\
             const wasm = await bindings.default({{ module_or_path: '{wasm}' }});\n\
             window.wasmBindings = bindings;\n\
             dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n\
             }}));\n"
        ),
    )
}

/// `shell` with its loader replaced by [`page_start_script`]'s file, and Trunk's preload links
/// of the app's JS and wasm removed, or with `preloaded` replaced by low-priority ones
/// ([`AppStart::Preloaded`]; without Trunk's integrity, which is the site's app's).
fn start_app_after_paint(shell: &str, preloaded: bool) -> Result<String, String> {
    let (js, wasm) = app_files(shell)?;
    let (start_file, _) = start_script(&js, &wasm);
    let range = loader_range(shell)?;
    let mut html = format!("{}<script type=\"module\" src=\"/{start_file}\"></script>{}", &shell[..range.start], &shell[range.end..]);
    without_preloads(&mut html, &js, &wasm)?;
    if preloaded {
        let links = format!(
            "<link rel=\"modulepreload\" href=\"{}\" crossorigin=\"anonymous\" fetchpriority=\"low\" />\n\
             <link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" fetchpriority=\"low\" />\n",
            escape_html(&js),
            escape_html(&wasm)
        );
        html = html.replacen("</head>", &format!("{links}</head>"), 1);
    }
    Ok(html)
}

/// `shell` without the app: no loader, no preload links of its JS and wasm (a page of the
/// build alone).
fn without_app(shell: &str) -> Result<String, String> {
    let (js, wasm) = app_files(shell)?;
    let range = loader_range(shell)?;
    let mut html = format!("{}{}", &shell[..range.start], &shell[range.end..]);
    without_preloads(&mut html, &js, &wasm)?;
    Ok(html)
}

/// `html` without the preload links of the app's JS and wasm.
fn without_preloads(html: &mut String, js: &str, wasm: &str) -> Result<(), String> {
    for preloaded in [format!("<link rel=\"modulepreload\" href=\"{js}\""), format!("<link rel=\"preload\" href=\"{wasm}\"")] {
        if let Some(at) = html.find(&preloaded) {
            let close = at + html[at..].find('>').ok_or("a preload link without its end")? + 1;
            html.replace_range(at..close, "");
        }
    }
    Ok(())
}

/// The script of `index.html` that preloads a show's file on `app.html` (`/preload.js`): a
/// written page preloads its show's file with a plain link instead, and others need nothing.
const PRELOAD_SCRIPT: &str = "<script async src=\"/preload.js\"></script>";

/// The 404 page's script (`/moved.js`, from public/): a renamed show's former address
/// (`data/aliases.json`) takes the reader on to its address now, with or without the app.
const MOVED_SCRIPT: &str = "<script async src=\"/moved.js\"></script>";

/// The page a host serves for an unknown address.
pub const NOT_FOUND_FILE: &str = "404.html";

fn preload_for(path: &str) -> String {
    match path.strip_prefix("/shows/") {
        Some(slug) => format!("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/data/shows/{}.json\" />", escape_html(slug)),
        None => String::new(),
    }
}

/// Description, canonical address, robots, OpenGraph, Twitter card and JSON-LD.
pub fn head_tags(origin: &str, page: &Page) -> String {
    let meta = |attr: &str, key: &str, value: &str| format!("<meta {attr}=\"{key}\" content=\"{}\" />\n", escape_html(value));
    let head = &page.head;
    let mut tags = meta("name", "description", &head.description);
    if head.indexed {
        tags.push_str(&format!("<link rel=\"canonical\" href=\"{}\" />\n", escape_html(&format!("{origin}{}", page.path))));
    } else {
        tags.push_str(&meta("name", "robots", "noindex"));
    }
    // What a reader can follow: the site's feed from every page, and the page's calendar.
    tags.push_str(&format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" title=\"{}\" />\n",
        escape_html(&format!("{origin}{}", crate::follow::FEED_PATH)),
        escape_html(crate::follow::FEED_TITLE)
    ));
    if let Some(calendar) = &page.calendar {
        tags.push_str(&format!("<link rel=\"alternate\" type=\"text/calendar\" href=\"{}\" />\n", escape_html(&format!("{origin}{calendar}"))));
    }
    tags.push_str(&meta("property", "og:type", page.og_type));
    tags.push_str(&meta("property", "og:site_name", SITE_NAME));
    tags.push_str(&meta("property", "og:title", &head.title));
    tags.push_str(&meta("property", "og:description", &head.description));
    if head.indexed {
        tags.push_str(&meta("property", "og:url", &format!("{origin}{}", page.path)));
    }
    let card = if page.image.is_some() { "summary_large_image" } else { "summary" };
    tags.push_str(&meta("name", "twitter:card", card));
    tags.push_str(&meta("name", "twitter:title", &head.title));
    tags.push_str(&meta("name", "twitter:description", &head.description));
    if let Some(image) = &page.image {
        tags.push_str(&meta("property", "og:image", &image.url));
        tags.push_str(&meta("property", "og:image:type", "image/png"));
        tags.push_str(&meta("property", "og:image:width", &image.width.to_string()));
        tags.push_str(&meta("property", "og:image:height", &image.height.to_string()));
        tags.push_str(&meta("property", "og:image:alt", &image.alt));
        tags.push_str(&meta("name", "twitter:image", &image.url));
        tags.push_str(&meta("name", "twitter:image:alt", &image.alt));
    }
    for data in &page.json_ld {
        tags.push_str(&format!("<script type=\"application/ld+json\">{}</script>\n", script_json(data)));
    }
    tags
}

/// JSON that cannot end the `<script>` element it sits in: `<`, `>` and `&` as \u escapes,
/// which JSON reads back as the same characters.
pub fn script_json(data: &Value) -> String {
    data.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}
