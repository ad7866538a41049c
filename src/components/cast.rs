use super::{native, Card};
use crate::bundle::{Role, Voice};
use crate::regions::language_name;
use leptos::prelude::*;

/// Said under a character whose voice actor is not announced yet.
const NO_VOICE: &str = "Voice actor not announced";

/// Characters and the actors who voice them, with the language of each performance; a character
/// announced before their voice actor, with a line saying so.
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
                        {voices(role.voices)}
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

/// The actors voicing a character, each with the language of the performance; a muted line
/// where none is announced (no empty list).
fn voices(voices: Vec<Voice>) -> AnyView {
    if voices.is_empty() {
        return view! { <p class="ns-cast__voices ns-empty">{NO_VOICE}</p> }.into_any();
    }
    view! {
        <ul class="ns-cast__voices">
            {voices.into_iter().map(|voice| view! {
                <li>
                    <span class="ns-cast__actor">{voice.actor.name}</span>" "
                    {native(voice.actor.native.as_ref())}
                    <span class="ns-cast__language">{format!(" · {}", language_name(&voice.language))}</span>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
