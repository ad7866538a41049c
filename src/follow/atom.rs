//! The feed's Atom text (RFC 4287). Ids are tag URIs (RFC 4151) of the site's host: an entry's
//! id is what changed (`tag:<host>,2026:shows/<slug>/next/<next>/premiered`), never the build's.

use super::changes::Change;
use super::{FEED_PATH, FEED_TITLE};
use crate::dates::LocalTime;
use crate::head::SITE_NAME;

/// The year in the tag URIs' authority: when the site's ids began (RFC 4151 asks for a date at
/// which the host was the site's). Never changed, or every id would.
const TAG_YEAR: u16 = 2026;

/// Text as XML character data: escaped, and without the control characters XML 1.0 cannot
/// hold at all (escaped or not).
fn escape_html(text: &str) -> String {
    let kept: String = text.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n')).collect();
    crate::text::escape_html(&kept)
}

/// RFC 3339 in UTC.
fn rfc3339(epoch_ms: i64) -> String {
    let t = LocalTime::at(epoch_ms, 0);
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour, t.minute, t.second)
}

/// The feed of `changes` (newest first) for the site at `origin`. Its `updated` is its newest
/// entry's, or `fallback_ms` with none, so an unchanged bundle writes the same bytes.
pub fn feed(changes: &[Change], origin: &str, fallback_ms: i64) -> String {
    let host = origin.trim_start_matches("https://").trim_end_matches('/');
    let tag = |key: &str| format!("tag:{host},{TAG_YEAR}:{key}");
    let updated = changes.iter().map(|c| c.at_ms).max().unwrap_or(fallback_ms);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!("  <id>{}</id>", escape_html(&tag("feed"))));
    line(format!("  <title>{}</title>", escape_html(FEED_TITLE)));
    line("  <subtitle>Next seasons NextSeason found and their premieres, dates set, and its editors' announcements, show by show.</subtitle>".into());
    line(format!("  <updated>{}</updated>", rfc3339(updated)));
    line(format!("  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}{FEED_PATH}\"/>", escape_html(origin)));
    line(format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}/\"/>", escape_html(origin)));
    line(format!("  <author><name>{SITE_NAME}</name><uri>{}/</uri></author>", escape_html(origin)));
    line("  <rights>Facts from bangumi-data (CC BY 4.0) where an entry says so.</rights>".into());
    for change in changes {
        line("  <entry>".into());
        line(format!("    <id>{}</id>", escape_html(&tag(&change.key))));
        line(format!("    <title>{}</title>", escape_html(&change.title)));
        line(format!("    <updated>{}</updated>", rfc3339(change.at_ms)));
        line(format!("    <published>{}</published>", rfc3339(change.at_ms)));
        line(format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", escape_html(&change.page)));
        line(format!("    <category term=\"{}\"/>", escape_html(&change.slug)));
        line(format!("    <summary>{}</summary>", escape_html(&change.summary)));
        line("  </entry>".into());
    }
    out.push_str("</feed>\n");
    out
}
