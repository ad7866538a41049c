use super::Card;
use crate::bundle::ShowLink;
use crate::routes;
use leptos::prelude::*;

/// Links to other shows. Plain anchors: the router follows them client-side, and they stay
/// links natively.
#[component]
pub fn ReadAlsoCard(links: Vec<ShowLink>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        view! {
            <Card id="ns-read-also-h" title="Read also" class="ns-read-also">
                <ul class="ns-read-also__list">
                    {links.into_iter().map(|link| view! {
                        <li><a href=routes::show(&link.slug)>{link.title}</a></li>
                    }).collect_view()}
                </ul>
            </Card>
        }
    })
}
