//! The pages: each route rendered with what the build gives it, and its structured data.

use super::*;
use crate::bundle::{CatalogueEntry, CatalogueHead, Show};
use crate::head::{PageHead, SITE_NAME};
use crate::pages::{Home, Listing, NotFound, ShowView};
use crate::links;
use crate::search::Query;
use serde_json::{json, Value};
use std::sync::Arc;

/// `/`: the first page of the catalogue in its default order, with the head's filter counts.
pub fn home_page(head: &CatalogueHead, first: Vec<CatalogueEntry>, origin: &str) -> Page {
    let listing = Listing::first_page(head, first);
    let body = framed("/", move || {
        view! { <Home query=Signal::stored(Query::default()) go=Callback::new(|_| {}) prerendered=listing/> }
    });
    Page {
        path: "/".into(),
        file: "index.html".into(),
        head: PageHead::home(""),
        og_type: "website",
        image: None,
        calendar: Some(crate::follow::CALENDAR_PATH.into()),
        json_ld: vec![json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": SITE_NAME,
            "url": format!("{origin}/"),
        })],
        body,
        modified: None,
        app: AppStart::AfterPaint,
    }
}

/// `/shows/<slug>`: every card of the show.
pub fn show_page(show: &Arc<Show>, origin: &str) -> Page {
    let path = links::show_path(&show.slug);
    let shown = show.clone();
    let body = framed(&path, move || view! { <ShowView show=shown/> });
    Page {
        file: format!("{}/index.html", path.trim_start_matches('/')),
        head: PageHead::show(show),
        og_type: "article",
        // The editor's key visual stays in the JSON-LD; the link preview shows the show's
        // share card, the same size for every show, which the binary sets.
        image: None,
        calendar: crate::follow::has_calendar(show).then(|| crate::follow::show_calendar_path(&show.slug)),
        json_ld: show_json_ld(show, &format!("{origin}{path}")),
        body,
        modified: show.article.updated.or(show.article.published),
        app: AppStart::Preloaded,
        path,
    }
}

/// `/methods`: how the odds from history are reckoned, with the bundle's numbers.
pub fn methods_page(methods: &crate::bundle::OddsMethods) -> Page {
    let methods = Arc::new(methods.clone());
    let modified = Some(methods.as_of);
    let body = framed(crate::links::METHODS_PATH, move || view! { <crate::pages::MethodsView methods/> });
    Page {
        path: crate::links::METHODS_PATH.into(),
        file: "methods/index.html".into(),
        head: PageHead::methods(),
        og_type: "article",
        image: None,
        calendar: None,
        json_ld: Vec::new(),
        body,
        modified,
        app: AppStart::None,
    }
}

/// The page a static host serves at any path it has no file for (404.html). The browser app
/// then shows the path asked for, or the show if the path is one the build did not know.
pub fn not_found_page() -> Page {
    let body = framed("", || view! { <NotFound path=Signal::stored(String::new())/> });
    Page {
        path: String::new(),
        file: NOT_FOUND_FILE.into(),
        head: PageHead::not_found(),
        og_type: "website",
        image: None,
        calendar: None,
        json_ld: Vec::new(),
        body,
        modified: None,
        app: AppStart::AfterPaint,
    }
}

/// The former addresses of renamed shows and their addresses now, for the hosts' redirects: the
/// newest shows first (a host that reads only so many, Cloudflare Pages, keeps those most likely
/// linked today; the 404 page takes readers on from the rest), then by the old address.
pub fn moved_addresses(aliases: &crate::bundle::Aliases, shows: &[std::sync::Arc<Show>]) -> Vec<crate::hosting::Moved> {
    let premiere: std::collections::HashMap<&str, Option<(i32, u8, u8)>> = shows.iter().map(|s| (s.slug.as_str(), s.premiere.map(|p| p.earliest_day()))).collect();
    let mut moved: Vec<(&str, &str)> = aliases.aliases.iter().map(|(a, s)| (a.as_str(), s.as_str())).collect();
    moved.sort_by(|a, b| premiere.get(b.1).cmp(&premiere.get(a.1)).then(a.0.cmp(b.0)));
    moved.into_iter().map(|(alias, slug)| (crate::links::show_path(alias), crate::links::show_path(slug))).collect()
}

/// Schema.org data of a show's page: the article, and the series it is about.
pub fn show_json_ld(show: &Show, url: &str) -> Vec<Value> {
    let series_id = format!("{url}#series");
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": show.article.headline,
        "url": url,
        "mainEntityOfPage": url,
        "about": { "@id": series_id },
    });
    if let Some(author) = &show.article.author {
        article["author"] = json!({ "@type": "Person", "name": author });
    }
    if let Some(date) = show.article.published {
        article["datePublished"] = json!(date.machine());
    }
    if let Some(date) = show.article.updated.or(show.article.published) {
        article["dateModified"] = json!(date.machine());
    }
    if let Some(image) = &show.image {
        article["image"] = json!(image);
    }

    let mut series = json!({
        "@context": "https://schema.org",
        "@type": "TVSeries",
        "@id": series_id,
        "name": show.title,
    });
    let romaji = show.romaji.as_deref().filter(|r| *r != show.title);
    let alternate: Vec<&str> = show.native_title.iter().map(|n| n.text.as_str()).chain(show.alt_titles.iter().map(String::as_str)).chain(romaji).collect();
    if !alternate.is_empty() {
        series["alternateName"] = json!(alternate);
    }
    if !show.genres.is_empty() {
        series["genre"] = json!(show.genres);
    }
    if !show.studios.is_empty() {
        series["productionCompany"] = show.studios.iter().map(|s| json!({ "@type": "Organization", "name": s })).collect();
    }
    if let Some(date) = show.premiere {
        series["startDate"] = json!(date.machine());
    }
    if let Some(seasons) = show.seasons {
        series["numberOfSeasons"] = json!(seasons);
    }
    let roles: Vec<Value> = show
        .cast
        .iter()
        .flat_map(|role| {
            role.voices.iter().map(move |voice| {
                let mut person = json!({ "@type": "Person", "name": voice.actor.name });
                if let Some(native) = &voice.actor.native {
                    person["alternateName"] = json!(native.text);
                }
                json!({ "@type": "PerformanceRole", "actor": person, "characterName": role.character.name })
            })
        })
        .collect();
    if !roles.is_empty() {
        series["actor"] = json!(roles);
    }
    vec![article, series]
}
