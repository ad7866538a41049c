use super::Card;
use crate::bundle::ShowLink;
use crate::router;
use leptos::prelude::*;

/// Links to other shows. Plain anchors: the router follows them client-side, and they stay
/// links natively. Pointing at one (hover or keyboard focus) tells `on_intent`, so that the page
/// can start fetching that show before the click.
#[component]
pub fn ReadAlsoCard(links: Vec<ShowLink>, #[prop(optional)] on_intent: Option<Callback<String>>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <Card id="ns-read-also-h" title="Read also" class="ns-read-also">
                <ul class="ns-read-also__list">
                    {links.into_iter().map(|link| {
                        let slug = link.slug.clone();
                        let intent = move || if let Some(on_intent) = on_intent { on_intent.run(slug.clone()) };
                        let intent_too = intent.clone();
                        view! {
                            <li>
                                <a href=router::show_href(&link.slug) data-ns-show=link.slug.clone() on:pointerenter=move |_| intent() on:focus=move |_| intent_too()>
                                    {link.title}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Card>
        }
    })
}
