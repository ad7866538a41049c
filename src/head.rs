//! What each page says about itself in the document's `<head>`: its title, its description and
//! whether search engines should index it. One value per route, computed from the bundle, so
//! that the browser app (which applies it on every route change, [`use_page_head`]) and anything
//! that writes pages ahead of time say the same thing.
//!
//! This replaces leptos_meta: the site needs two tags it can set directly, and the crate's
//! machinery cost kilobytes of wasm (BENCHMARKS.md).

use crate::bundle::Show;
use leptos::prelude::*;

pub const SITE_NAME: &str = "NextSeason";

const HOME_DESCRIPTION: &str =
    "Will your anime get a season 2, and when? Outlooks, expected release windows, where to watch and the cast, show by show.";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageHead {
    /// The page's own title, without the site's name.
    pub title: String,
    pub description: String,
    /// False for pages that must stay out of search results (404).
    pub indexed: bool,
}

impl PageHead {
    /// "Metallic Rouge season 2 … · NextSeason"; the site's name alone for an untitled page.
    pub fn document_title(&self) -> String {
        if self.title.is_empty() {
            SITE_NAME.to_string()
        } else {
            format!("{} · {SITE_NAME}", self.title)
        }
    }

    /// The catalogue, or a search in it.
    pub fn home(search: &str) -> Self {
        let search = search.trim();
        let title = if search.is_empty() { "Will it get a season 2?".to_string() } else { format!("“{search}”: search") };
        PageHead { title, description: HOME_DESCRIPTION.to_string(), indexed: true }
    }

    /// A show's page: its headline, and the outlook's summary (else the article's first
    /// paragraph) as description.
    pub fn show(show: &Show) -> Self {
        let description = show
            .outlook
            .as_ref()
            .and_then(|o| o.summary.clone())
            .or_else(|| show.article.intro.first().cloned())
            .unwrap_or_else(|| format!("Will {} get another season? Outlook, where to watch and cast.", show.title));
        PageHead { title: show.article.headline.clone(), description, indexed: true }
    }

    /// A show whose file could not be loaded: not a page to index.
    pub fn show_error() -> Self {
        PageHead { title: "This show could not be loaded".into(), description: HOME_DESCRIPTION.to_string(), indexed: false }
    }

    pub fn methods() -> Self {
        PageHead {
            title: "How NextSeason reckons the odds of another season".into(),
            description: "What the odds from history on NextSeason's pages count, how they are computed, the groups of the data, and how the method did on past data.".into(),
            indexed: true,
        }
    }

    /// The embed page (`/embed/`): the code a blogger pastes for a show.
    pub fn embed() -> Self {
        PageHead {
            title: "Embed a show on your blog".into(),
            description: "The two lines that put a show's NextSeason cards in your post, kept up to date: the answer, where to watch, the cast. With the cards for readers without JavaScript, and a preview.".into(),
            indexed: true,
        }
    }

    pub fn not_found() -> Self {
        PageHead { title: "Page not found".into(), description: HOME_DESCRIPTION.to_string(), indexed: false }
    }
}

/// Keeps the document's head in step with `head` while the calling page is shown. Does
/// nothing natively (effects do not run there).
pub fn use_page_head(head: impl Fn() -> PageHead + 'static) {
    Effect::new(move |_| {
        let head = head();
        crate::browser::set_head(&head.document_title(), &head.description, head.indexed);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(PageHead::home("").document_title(), "Will it get a season 2? · NextSeason");
        assert_eq!(PageHead::home("  rouge ").document_title(), "“rouge”: search · NextSeason");
        assert_eq!(PageHead { title: String::new(), description: String::new(), indexed: true }.document_title(), "NextSeason");
        assert!(!PageHead::not_found().indexed && !PageHead::show_error().indexed && PageHead::home("").indexed);
    }

    #[test]
    fn a_show_is_described_by_its_outlook_then_its_intro() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/shows/metallic-rouge.json")).unwrap();
        let mut show = crate::bundle::decode_show(&text, "metallic-rouge").unwrap();
        let head = PageHead::show(&show);
        assert_eq!(head.title, show.article.headline);
        assert_eq!(Some(&head.description), show.outlook.as_ref().unwrap().summary.as_ref());
        // An outlook without its reasoning: the intro, as without an outlook.
        show.outlook.as_mut().unwrap().summary = None;
        assert_eq!(PageHead::show(&show).description, show.article.intro[0]);
        show.outlook = None;
        assert_eq!(PageHead::show(&show).description, show.article.intro[0]);
        show.article.intro.clear();
        assert_eq!(PageHead::show(&show).description, "Will Metallic Rouge get another season? Outlook, where to watch and cast.");
    }
}
