//! The site's other written files, sitemaps and robots.txt, and the cards a blogger pastes (on
//! demand: `--snippets`, and the reference for the embed page's).

use super::*;
use crate::bundle::Show;
use crate::dates::PartialDate;
use crate::text::escape_html;
use std::sync::Arc;

/// A search engine reads at most 50,000 addresses from one sitemap file.
pub(super) const SITEMAP_LIMIT: usize = 50_000;

/// `sitemap.xml`, and when there are more addresses than one sitemap may hold, the files it
/// indexes (`sitemap-1.xml`, …): (file name, contents) pairs.
pub fn sitemaps(origin: &str, pages: &[(String, Option<PartialDate>)]) -> Vec<(String, String)> {
    let urlset = |pages: &[(String, Option<PartialDate>)]| {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (path, modified) in pages {
            xml.push_str(&format!("  <url><loc>{}</loc>", escape_html(&format!("{origin}{path}"))));
            if let Some(date) = modified {
                xml.push_str(&format!("<lastmod>{}</lastmod>", date.machine()));
            }
            xml.push_str("</url>\n");
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if pages.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".into(), urlset(pages))];
    }
    let mut files: Vec<(String, String)> =
        pages.chunks(SITEMAP_LIMIT).enumerate().map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), urlset(chunk))).collect();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (name, _) in &files {
        index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", escape_html(&format!("{origin}/{name}"))));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index));
    files
}

pub fn robots(origin: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n")
}

/// The cards of a show as a blogger may paste them inside their `<div data-nextseason
/// data-show="…">`: readers without JavaScript see them, and embed.js replaces them with the
/// live widget. Headings start at `<h2>` (the post has its `<h1>`), and links lead to the site.
/// The build writes none (a file per show would take 8,000 of a host's files): the embed page
/// (`/embed/?show=…`) renders the same in the browser (`embed::snippet_in_browser`); this is
/// the native reference the tests hold it to, and what `nextseason-prerender --snippets` writes.
pub fn embed_snippet(show: &Arc<Show>, origin: &str) -> String {
    let show = show.clone();
    let origin = origin.to_string();
    let slug = show.slug.clone();
    // Without the marker Leptos writes for an empty view (`<!--<() />-->`, for hydration, which
    // pasted cards never see): the browser's rendering has none.
    let cards = to_html(move || crate::embed::pasted_cards(&show, &origin)).replace("<!--<() />-->", "");
    crate::embed::pasted_snippet(&slug, &cards)
}
