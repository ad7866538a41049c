//! The site's other written files: sitemaps, robots.txt and the cards a blogger pastes.

use super::*;
use crate::bundle::Show;
use crate::components::HeadingLevel;
use crate::embed::CardKind;
use crate::dates::PartialDate;
use crate::links::{self, ShowLinks};
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
pub fn embed_snippet(show: &Arc<Show>, origin: &str) -> String {
    let show = show.clone();
    let origin = origin.to_string();
    let slug = show.slug.clone();
    let cards = to_html(move || {
        provide_context(HeadingLevel(2));
        provide_context(ShowLinks::written(move |slug: &str| format!("{origin}{}", links::show_path(slug))));
        crate::embed::show_cards(&show, &CardKind::ALL, crate::api::SITE_DATA)
    });
    format!("<div data-nextseason data-show=\"{}\">\n{cards}\n</div>\n", escape_html(&slug))
}
