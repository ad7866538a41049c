use crate::bundle::Status;
use leptos::prelude::*;

/// The outlook's status as a coloured label; the colour repeats the text, never replaces it.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! { <span class=format!("ns-badge ns-badge--{}", status.key())>{status.label()}</span> }
}
