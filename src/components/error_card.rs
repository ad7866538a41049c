use super::heading;
use crate::api::LoadError;
use leptos::prelude::*;

/// A file could not be used: which URL, why, each problem's field, and a Retry that loads it again.
#[component]
pub fn ErrorCard(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="ns-card ns-error" role="alert" aria-labelledby="ns-error-h">
            {heading(1, Some("ns-error-h"), Some("ns-card__title"), false, "This could not be loaded".into_any())}
            <p>"Loading "<code class="ns-error__url">{error.url().to_string()}</code>" failed: "{error.reason()}</p>
            {(!error.problems().is_empty()).then(|| view! {
                <ul class="ns-error__problems">
                    {error.problems().iter().map(|p| {
                        // Where: the field, else the line and column of broken JSON, else the whole file.
                        let place = match (p.path.is_empty(), p.position) {
                            (false, _) => Some(p.path.clone()),
                            (true, Some((line, column))) => Some(format!("line {line}, column {column}")),
                            (true, None) => None,
                        };
                        view! { <li>{place.map(|place| view! { <code>{place}</code>": " })}{p.message.clone()}</li> }
                    }).collect_view()}
                </ul>
            })}
            <button type="button" class="ns-button" on:click=move |_| on_retry.run(())>"Retry"</button>
        </section>
    }
}
