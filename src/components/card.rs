use leptos::prelude::*;

/// The frame of every card: a `<section>` named by its visible `<h2>`.
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
            <h2 id=id class="ns-card__title">{title}</h2>
            {children()}
        </section>
    }
}
