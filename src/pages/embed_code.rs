//! `/embed/`: the code a blogger pastes to embed a show (`?show=<slug>`), with the show's cards
//! for readers without JavaScript and a live preview. A page written at build time with no app
//! (native only, like the methods page): its script (`src/prerender/embed_page.js`, in a hashed
//! file) loads the widget (`embed.js`), which renders the cards to paste in the browser with the
//! same components as the build (`embed::snippet_in_browser`). One page for every show, where the
//! build used to write a file of cards per show (8,000 of a host's files).

use crate::components::Card;
use leptos::prelude::*;

/// Where the slug goes in the widget's code before a show is picked.
const SLUG_PLACEHOLDER: &str = "SLUG";

/// The two lines of the widget for `slug`, its script from the site at `origin`.
fn widget_code(origin: &str, slug: &str) -> String {
    format!("<div data-nextseason data-show=\"{slug}\"></div>\n<script type=\"module\" src=\"{origin}/embed.js\"></script>\n")
}

/// The page: the show to embed (a form, `?show=`), the code to paste and, once the script has
/// a show, the code with its cards and the widget's preview. Without JavaScript the two lines
/// are there with a placeholder, and the page says what needs JavaScript.
#[component]
pub fn EmbedCodeView(origin: String) -> impl IntoView {
    let example_page = format!("{origin}/shows/metallic-rouge");
    // Markup shown as text: escaped here, as Leptos writes a textarea's children as they are.
    let code = widget_code(&origin, SLUG_PLACEHOLDER);
    view! {
        <article class="ns-embed-code" data-ns-embed-code="" data-origin=origin>
            <h1 tabindex="-1">"Embed a show on your blog"</h1>
            <p class="ns-embed-code__lead">
                "Paste two lines into a post, and its readers see the show's cards as NextSeason keeps them: whether another season is coming and when, where to watch, the cast. "
                "The widget keeps to its own box: your theme's styles do not reach into it, nor do its own leak out."
            </p>
            <form class="ns-card ns-embed-code__pick" action="/embed/" method="get">
                <label for="ns-embed-show">"The show's address on NextSeason, or its end"</label>
                <p id="ns-embed-show-hint" class="ns-embed-code__hint">
                    "Such as " <code>"metallic-rouge"</code> " for " <code>{example_page}</code> ". Every show's page links here, at its end."
                </p>
                <div class="ns-embed-code__row">
                    <input id="ns-embed-show" name="show" type="text" required autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="ns-embed-show-hint"/>
                    <button type="submit" class="ns-button">"Get the code"</button>
                </div>
            </form>
            <p class="ns-embed-code__status" role="status" data-ns-status=""></p>
            <Card id="ns-embed-code-h" title="The code to paste" class="ns-embed-code__code">
                <label for="ns-embed-widget">"The widget, two lines"</label>
                <p id="ns-embed-widget-hint" class="ns-embed-code__hint" data-ns-placeholder-hint="">
                    "Put the show's slug, the end of its address, in place of " <code>{SLUG_PLACEHOLDER}</code> "."
                </p>
                <textarea id="ns-embed-widget" class="ns-embed-code__text" readonly rows="3" spellcheck="false" aria-describedby="ns-embed-widget-hint" inner_html=crate::text::escape_html(&code)></textarea>
                <p class="ns-embed-code__copy" hidden>
                    <button type="button" class="ns-button" data-ns-copy="ns-embed-widget">"Copy the widget"</button>
                </p>
                <div data-ns-with-cards="" hidden>
                    <label for="ns-embed-full">"The widget with the show's cards inside, for readers without JavaScript"</label>
                    <p id="ns-embed-full-hint" class="ns-embed-code__hint">
                        "Readers without JavaScript, and search engines, see the cards as they are today; the widget replaces them with the live cards as it loads. Their headings start at "<code>"<h2>"</code>", under your post's title."
                    </p>
                    <textarea id="ns-embed-full" class="ns-embed-code__text" readonly rows="12" spellcheck="false" aria-describedby="ns-embed-full-hint"></textarea>
                    <p class="ns-embed-code__copy">
                        <button type="button" class="ns-button" data-ns-copy="ns-embed-full">"Copy the widget with its cards"</button>
                    </p>
                </div>
                <noscript>
                    <p>"The show's cards for readers without JavaScript, and the preview, are made by this page's script: they need JavaScript."</p>
                </noscript>
                <p class="ns-embed-code__hint">
                    "Options go on the " <code>"<div>"</code> ": " <code>"data-cards=\"outlook,watch\""</code> " picks the cards ("
                    <code>"answer"</code> ", " <code>"article"</code> ", " <code>"sheet"</code> ", " <code>"outlook"</code> ", " <code>"watch"</code> ", "
                    <code>"cast"</code> ", " <code>"read-also"</code> "), " <code>"data-theme=\"dark\""</code> " forces a colour scheme, and "
                    <code>"data-links=\"/anime/{slug}/\""</code> " sends links to other shows to your own pages."
                </p>
            </Card>
            <div data-ns-preview-card="" hidden>
                <Card id="ns-embed-preview-h" title="Preview" class="ns-embed-code__preview">
                    <p class="ns-embed-code__hint">"The live widget, as your readers will see it."</p>
                    <div data-ns-preview=""></div>
                </Card>
            </div>
        </article>
    }
}
