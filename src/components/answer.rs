use super::season_answer::{badge, sentence, source_line, window_row, SeasonAnswer, NO_OUTLOOK};
use super::watch::platform_language;
use super::{heading, in_languages, text_in, time_left, JumpLinks, JumpTarget};
use crate::browser;
use crate::bundle::{NativeText, Offer};
use leptos::prelude::*;

/// The answer to the headline's question, on the first screen: the outlook's badge, its one
/// sentence and the detail that matters most (the window, or a countdown), where to watch now in
/// the reader's region, and links down to the cards. The same `SeasonAnswer` as the outlook
/// card's, so the two always agree. Under the article's headline; a card of its own, under
/// `question`, where the article is not shown (a widget).
#[component]
pub fn AnswerBox(
    /// What is known of the next season; None where no outlook is written.
    answer: Option<SeasonAnswer>,
    /// The show's title in its own language, marked with its `lang` where the text names it.
    #[prop(optional_no_strip)]
    native_title: Option<NativeText>,
    /// The show's offers: the first usable in the reader's region is named.
    offers: Vec<Offer>,
    /// The reader's region, shared with the watch card so that a change there shows here; the
    /// browser's when not given (none natively: the written page reserves the line).
    #[prop(optional)]
    region: Option<RwSignal<Option<String>>>,
    /// Whether the watch card is on the page, to link down to it.
    #[prop(optional)]
    watch_card: bool,
    /// The cards below, linked under the answer.
    #[prop(optional)]
    jumps: Vec<JumpTarget>,
    /// Where the answer stands alone: the question it answers, as its card's heading.
    #[prop(optional_no_strip)]
    question: Option<String>,
    /// The show's own calendar, where it has something ahead (`follow::has_calendar`).
    #[prop(optional_no_strip)]
    calendar: Option<String>,
) -> impl IntoView {
    let region = region.unwrap_or_else(|| RwSignal::new(browser::reader_region()));
    let lang = native_title.as_ref();
    let watch = watch_row(offers, region, watch_card);
    let body = match answer {
        Some(answer) => {
            let countdown = answer.countdown.map(|(target_ms, _)| countdown_row(target_ms));
            view! {
                <p class="ns-answer__status">{badge(answer.reading)}</p>
                <p class="ns-answer__sentence">{sentence(&answer.sentence, lang)}</p>
                {answer.source.as_ref().map(|source| source_line(source, "ns-answer__source"))}
                {answer.caveat.map(|caveat| view! { <p class="ns-answer__caveat">{caveat}</p> })}
                <dl class="ns-answer__facts">{answer.answer_window().map(window_row)}{countdown}{watch}</dl>
            }
            .into_any()
        }
        None => view! {
            <p class="ns-answer__sentence ns-empty">{NO_OUTLOOK}</p>
            <dl class="ns-answer__facts">{watch}</dl>
        }
        .into_any(),
    };
    let follow = super::follow_links(calendar, false);
    let answer = view! { <div class="ns-answer">{body}{follow}</div><JumpLinks targets=jumps/> };
    match question {
        Some(question) => view! {
            <section class="ns-card ns-answer-card" aria-labelledby="ns-answer-h">
                {heading(1, Some("ns-answer-h"), Some("ns-card__title"), true, in_languages(&question, lang))}
                {answer}
            </section>
        }
        .into_any(),
        None => answer.into_any(),
    }
}

/// The time left, ticking, on one line: the sentence above gives the day, and the outlook card
/// the time in the reader's zone, whose words (the zone's name) would change the line's length
/// when the app takes the written page's place. Only the sentence is read by screen readers: the
/// clock is a `timer`, not announced at every tick.
fn countdown_row(target_ms: i64) -> AnyView {
    let now = browser::clock();
    view! {
        <div class="ns-sheet__row ns-answer__countdown">
            <dt>"Countdown"</dt>
            <dd><span role="timer" aria-live="off" aria-atomic="true">{move || time_left(now.get(), target_ms)}</span></dd>
        </div>
    }
    .into_any()
}

/// "Where to watch now": the first platform usable in the reader's region (the watch card's
/// first too), or that none is. The page written at build time knows no region: it says how many
/// platforms there are on the same one line, so the reader's own region changes words, not the
/// layout.
fn watch_row(offers: Vec<Offer>, region: RwSignal<Option<String>>, watch_card: bool) -> AnyView {
    let value = move || -> AnyView {
        if offers.is_empty() {
            return "No platform listed yet".into_any();
        }
        match region.get() {
            None => match offers.len() {
                1 => "1 platform: set your region".into_any(),
                n => format!("{n} platforms: set your region").into_any(),
            },
            Some(code) => match offers.iter().find(|offer| offer.available_in(&code)) {
                Some(offer) => text_in(&offer.platform, None, Some(platform_language(&offer.only))),
                None => "Not streaming in your region".into_any(),
            },
        }
    };
    let value = match watch_card {
        true => view! { <a href="#ns-watch-h">{value}</a> }.into_any(),
        false => view! { <span>{value}</span> }.into_any(),
    };
    view! { <div class="ns-sheet__row ns-answer__watch"><dt>"Where to watch now"</dt><dd>{value}</dd></div> }.into_any()
}
