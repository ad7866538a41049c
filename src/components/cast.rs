use super::{native, Card};
use crate::bundle::Role;
use crate::regions::language_name;
use leptos::prelude::*;

/// Characters and the actors who voice them, with the language of each performance.
#[component]
pub fn CastCard(cast: Vec<Role>) -> impl IntoView {
    let body = if cast.is_empty() {
        view! { <p class="ns-empty">"The cast is not listed for this show yet."</p> }.into_any()
    } else {
        view! {
            <ul class="ns-cast">
                {cast.into_iter().map(|role| view! {
                    <li class="ns-cast__role">
                        <p class="ns-cast__character">{role.character.name}" "{native(role.character.native.as_ref())}</p>
                        <ul class="ns-cast__voices">
                            {role.voices.into_iter().map(|voice| view! {
                                <li>
                                    <span class="ns-cast__actor">{voice.actor.name}</span>" "
                                    {native(voice.actor.native.as_ref())}
                                    <span class="ns-cast__language">{format!(" · {}", language_name(&voice.language))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <Card id="ns-cast-h" title="Cast" class="ns-cast-card">
            {body}
        </Card>
    }
}
