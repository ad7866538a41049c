use super::heading;
use leptos::prelude::*;

/// The frame of every card: a `<section>` named by its visible heading (`<h2>` on the site), which
/// takes focus when the page's jump links lead to it.
#[component]
pub fn Card(
    /// The heading's id, unique on the page.
    id: &'static str,
    #[prop(into)] title: String,
    /// Extra class for the card's own look.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class=format!("ns-card {class}") aria-labelledby=id>
            {heading(1, Some(id), Some("ns-card__title"), true, title.into_any())}
            {children()}
        </section>
    }
}
