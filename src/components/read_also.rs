use super::{in_languages, Card};
use crate::bundle::ShowLink;
use crate::links::LinkToShow;
use leptos::prelude::*;

/// Links to other shows, followed client-side on the site and in a widget. Pointing at one
/// (hover or keyboard focus) tells `on_intent`, so that the page can start fetching that show
/// before the click.
#[component]
pub fn ReadAlsoCard(links: Vec<ShowLink>, #[prop(optional)] on_intent: Option<Callback<String>>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <Card id="ns-read-also-h" title="Read also" class="ns-read-also">
                <ul class="ns-read-also__list">
                    {links.into_iter().map(|link| {
                        let slug = link.slug.clone();
                        // A pointer may still enter a link of a page being disposed: try_run.
                        let intent = move || if let Some(on_intent) = on_intent { let _ = on_intent.try_run(slug.clone()); };
                        let intent_too = intent.clone();
                        view! {
                            <li on:pointerenter=move |_| intent() on:focusin=move |_| intent_too()>
                                <LinkToShow slug=link.slug>{in_languages(&link.title, None)}</LinkToShow>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Card>
        }
    })
}
