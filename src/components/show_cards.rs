//! A show's cards in a given order: the one place that turns a show into its cards, for the
//! site's show page, the widget and the pasted embed.

use super::{ArticleCard, CastCard, DataCredit, OutlookCard, ReadAlsoCard, TechSheet, WatchCard};
use crate::api;
use crate::bundle::Show;
use leptos::prelude::*;

/// The cards a blogger can pick with `data-cards`, in the site's order by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardKind {
    Article,
    Sheet,
    Outlook,
    Watch,
    Cast,
    ReadAlso,
}

impl CardKind {
    pub const ALL: [CardKind; 6] =
        [CardKind::Article, CardKind::Sheet, CardKind::Outlook, CardKind::Watch, CardKind::Cast, CardKind::ReadAlso];

    pub fn key(self) -> &'static str {
        match self {
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
/// (whichever cards are picked): the site's show page (every card), a widget (the blogger's
/// pick), and what the build writes for bloggers to paste (`prerender::embed_snippet`).
/// `bundle`: where "Read also" prefetches.
pub fn show_cards(show: &Show, cards: &[CardKind], bundle: &str) -> impl IntoView {
    view! {
        <div class="ns-show">
            {cards.iter().map(|kind| card(*kind, show, bundle)).collect_view()}
            {show.data.clone().map(|data| view! { <DataCredit data/> })}
        </div>
    }
}

fn card(kind: CardKind, show: &Show, bundle: &str) -> AnyView {
    match kind {
        CardKind::Article => view! { <ArticleCard article=show.article.clone() native_title=show.native_title.clone() data=show.data.clone()/> }.into_any(),
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
        CardKind::Watch => view! { <WatchCard offers=show.watch.clone()/> }.into_any(),
        CardKind::Cast => view! { <CastCard cast=show.cast.clone()/> }.into_any(),
        CardKind::ReadAlso => {
            let bundle = bundle.to_string();
            let on_intent = Callback::new(move |slug: String| api::prefetch_show(&bundle, &slug));
            view! { <ReadAlsoCard links=show.read_also.clone() on_intent/> }.into_any()
        }
    }
}
