use crate::follow::{CALENDAR_PATH, FEED_PATH};
use crate::links::ShowLinks;
use leptos::prelude::*;

/// "Add to calendar" and "Follow changes": a calendar (a show's own, or the site's premieres)
/// and the site's feed, files the release build writes (src/follow). Only where cards are on the
/// site: a widget's host serves no such file. Whole page loads (`rel="external"`): the router
/// must leave them to the browser, which hands them to a calendar application or feed reader.
/// `calendar` is the show's own calendar where it has one; None on a show with nothing ahead
/// (the feed alone), and the site's calendar where `site_wide`.
pub fn follow_links(calendar: Option<String>, site_wide: bool) -> Option<AnyView> {
    if matches!(use_context::<ShowLinks>(), Some(ShowLinks::Written(_))) {
        return None;
    }
    let calendar = calendar.or_else(|| site_wide.then(|| CALENDAR_PATH.to_string()));
    let calendar_text = match site_wide {
        true => "Add the premieres to your calendar",
        false => "Add to calendar",
    };
    Some(
        view! {
            <p class="ns-follow">
                {calendar.map(|href| view! { <a class="ns-follow__link" href=href type="text/calendar" rel="external">{calendar_text}</a> })}
                <a class="ns-follow__link" href=FEED_PATH type="application/atom+xml" rel="external">"Follow changes (Atom feed)"</a>
            </p>
        }
        .into_any(),
    )
}
