use leptos::prelude::*;

/// A card to jump to: its heading's id and its title, as the card shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JumpTarget {
    pub id: &'static str,
    pub title: String,
}

/// "On this page": links down to the cards, under the answer. Plain fragment links, which the
/// browser follows before the app runs and after (`browser::leave_fragment_links_to_browser`;
/// the widget follows them itself in its shadow root): the card headings take focus
/// (`tabindex="-1"`), so the keyboard and screen readers go on from there.
#[component]
pub fn JumpLinks(targets: Vec<JumpTarget>) -> impl IntoView {
    (!targets.is_empty()).then(|| {
        view! {
            <nav class="ns-jumps" aria-labelledby="ns-jumps-label">
                <p id="ns-jumps-label" class="ns-jumps__label">"On this page"</p>
                <ul class="ns-jumps__list">
                    {targets.into_iter().map(|JumpTarget { id, title }| view! { <li><a href=format!("#{id}")>{title}</a></li> }).collect_view()}
                </ul>
            </nav>
        }
    })
}
