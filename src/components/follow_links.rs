use crate::follow::{CALENDAR_PATH, FEED_PATH};
use crate::links::ShowLinks;
use crate::text::escape_html;
use leptos::prelude::*;

/// "Add to calendar" and "Follow changes": a calendar (a show's own, or the site's premieres)
/// and the site's feed, files the release build writes (src/follow). Only where cards are on the
/// site: a widget's host serves no such file. Whole page loads (`rel="external"`): the router
/// must leave them to the browser, which hands them to a calendar application or feed reader.
/// `calendar` is the show's own calendar where it has one; None on a show with nothing ahead
/// (the feed alone), and the site's calendar where `site_wide`.
///
/// As one piece of markup, the site's own paths and words (never bundle text; a slug is
/// `[a-z0-9-]`, escaped all the same): a typed view of two links cost 2 KB of the show pages'
/// wasm, this a few hundred bytes.
pub fn follow_links(calendar: Option<String>, site_wide: bool) -> Option<AnyView> {
    if matches!(use_context::<ShowLinks>(), Some(ShowLinks::Written(_))) {
        return None;
    }
    let calendar = calendar.or_else(|| site_wide.then(|| CALENDAR_PATH.to_string()));
    let calendar_text = match site_wide {
        true => "Add the premieres to your calendar",
        false => "Add to calendar",
    };
    let link = |href: &str, kind: &str, text: &str| format!("<a class=\"ns-follow__link\" href=\"{}\" type=\"{kind}\" rel=\"external\">{text}</a>", escape_html(href));
    let mut html = calendar.map(|href| link(&href, "text/calendar", calendar_text)).unwrap_or_default();
    html.push_str(&link(FEED_PATH, "application/atom+xml", "Follow changes (Atom feed)"));
    Some(view! { <p class="ns-follow" inner_html=html></p> }.into_any())
}
