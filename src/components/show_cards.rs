//! A show's cards in a given order: the one place that turns a show into its cards, for the
//! site's show page, the widget and the cards a blogger pastes.

use super::{outlook_title, question, AnswerBox, ArticleCard, CastCard, DataCredit, JumpTarget, OutlookCard, OutlookFacts, ReadAlsoCard, SeasonAnswer, TechSheet, WatchCard};
use crate::api;
use crate::browser;
use crate::bundle::Show;
use leptos::prelude::*;

/// The cards a blogger can pick with `data-cards`, in the site's order by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardKind {
    /// The answer box: under the article's headline when the article is shown, else a card of
    /// its own.
    Answer,
    Article,
    Sheet,
    Outlook,
    Watch,
    Cast,
    ReadAlso,
}

impl CardKind {
    pub const ALL: [CardKind; 7] =
        [CardKind::Answer, CardKind::Article, CardKind::Sheet, CardKind::Outlook, CardKind::Watch, CardKind::Cast, CardKind::ReadAlso];

    pub fn key(self) -> &'static str {
        match self {
            CardKind::Answer => "answer",
            CardKind::Article => "article",
            CardKind::Sheet => "sheet",
            CardKind::Outlook => "outlook",
            CardKind::Watch => "watch",
            CardKind::Cast => "cast",
            CardKind::ReadAlso => "read-also",
        }
    }

    /// `"outlook,watch,cast"` → those cards in that order; unknown names are skipped; nothing
    /// usable gives every card.
    pub fn parse_list(list: Option<&str>) -> Vec<CardKind> {
        let picked: Vec<CardKind> = list
            .unwrap_or_default()
            .split(',')
            .filter_map(|name| CardKind::ALL.into_iter().find(|k| k.key() == name.trim()))
            .fold(Vec::new(), |mut kept, kind| {
                if !kept.contains(&kind) {
                    kept.push(kind);
                }
                kept
            });
        if picked.is_empty() {
            CardKind::ALL.to_vec()
        } else {
            picked
        }
    }
}

/// A show's cards, `cards` in that order, then the data's credit when facts come from it
/// (whichever cards are picked), and on the site the link to its embed page: the site's show
/// page (every card), a widget (the blogger's pick), and the cards bloggers paste
/// (`embed::pasted_cards`).
/// The answer goes under the article's headline when both are picked. `bundle`: where "Read
/// also" prefetches.
pub fn show_cards(show: &Show, cards: &[CardKind], bundle: &str) -> impl IntoView {
    let page = Page {
        show,
        cards,
        bundle,
        // Shared by the answer box and the watch card: a region changed in the card shows in both.
        region: RwSignal::new(browser::reader_region()),
        answer_in_article: cards.contains(&CardKind::Answer) && cards.contains(&CardKind::Article),
    };
    view! {
        <div class="ns-show">
            {cards.iter().map(|kind| page.card(*kind)).collect_view()}
            {show.data.clone().map(|data| view! { <DataCredit data/> })}
            {crate::links::embed_page_link(&show.slug)}
        </div>
    }
}

/// What every card of one rendering needs.
struct Page<'a> {
    show: &'a Show,
    cards: &'a [CardKind],
    bundle: &'a str,
    region: RwSignal<Option<String>>,
    answer_in_article: bool,
}

impl Page<'_> {
    fn card(&self, kind: CardKind) -> AnyView {
        let Page { show, bundle, region, .. } = *self;
        match kind {
            CardKind::Answer if self.answer_in_article => ().into_any(),
            CardKind::Answer => self.answer(true),
            CardKind::Article => {
                let answer = self.answer_in_article.then(|| self.answer(false));
                view! { <ArticleCard article=show.article.clone() native_title=show.native_title.clone() data=show.data.clone()>{answer}</ArticleCard> }.into_any()
            }
            CardKind::Sheet => view! { <TechSheet show=show.clone()/> }.into_any(),
            CardKind::Outlook => view! {
                <OutlookCard
                    outlook=show.outlook.clone()
                    seasons=show.seasons
                    data_outlook=show.data_outlook.clone()
                    related=show.related.clone()
                    data=show.data.clone()
                    title=show.title.clone()
                    native_title=show.native_title.clone()
                    kind=show.kind
                    premiere=show.premiere
                />
            }
            .into_any(),
            CardKind::Watch => view! { <WatchCard offers=show.watch.clone() region/> }.into_any(),
            // A card with nothing to show is left out (the cast of works the data imported).
            CardKind::Cast if show.cast.is_empty() => ().into_any(),
            CardKind::Cast => view! { <CastCard cast=show.cast.clone()/> }.into_any(),
            CardKind::ReadAlso => {
                let bundle = bundle.to_string();
                // The app's way of decoding shards; none where nothing is fetched (written pages).
                let decoding = use_context::<api::ShowDecoding>();
                let on_intent = Callback::new(move |slug: String| {
                    if let Some(decoding) = decoding {
                        api::prefetch_show(&bundle, &slug, decoding);
                    }
                });
                view! { <ReadAlsoCard links=show.read_also.clone() on_intent/> }.into_any()
            }
        }
    }

    /// The answer box, with links down to the other cards; a card of its own when `alone`.
    fn answer(&self, alone: bool) -> AnyView {
        let show = self.show;
        let jumps: Vec<JumpTarget> = self.cards.iter().filter_map(|kind| jump_target(*kind, show)).collect();
        view! {
            <AnswerBox
                answer=SeasonAnswer::of(OutlookFacts::of(show))
                native_title=show.native_title.clone()
                offers=show.watch.clone()
                region=self.region
                watch_card=self.cards.contains(&CardKind::Watch)
                jumps
                question=alone.then(|| question(&show.title, show.seasons))
                calendar=crate::follow::has_calendar(show).then(|| crate::follow::show_calendar_path(&show.slug))
            />
        }
        .into_any()
    }
}

/// A card's heading as the jump links name it: its id and its title, the card's own
/// (tests/render.rs holds the two together). None for the answer and the article, where the
/// links are, and for a card that shows nothing.
pub fn jump_target(kind: CardKind, show: &Show) -> Option<JumpTarget> {
    let (id, title) = match kind {
        CardKind::Answer | CardKind::Article => return None,
        CardKind::ReadAlso if show.read_also.is_empty() => return None,
        CardKind::Cast if show.cast.is_empty() => return None,
        CardKind::Sheet => ("ns-sheet-h", "Technical sheet".to_string()),
        CardKind::Outlook => ("ns-outlook-h", outlook_title(show.seasons)),
        CardKind::Watch => ("ns-watch-h", "Where to watch".to_string()),
        CardKind::Cast => ("ns-cast-h", "Cast".to_string()),
        CardKind::ReadAlso => ("ns-read-also-h", "Read also".to_string()),
    };
    Some(JumpTarget { id, title })
}
