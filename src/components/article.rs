use super::{heading, in_languages};
use crate::bundle::{inline, Article, DataSource, Inline, NativeText, Section};
use crate::dates::PartialDate;
use leptos::prelude::*;

/// The article itself: headline (the page's `<h1>`), byline, intro, sections and footnotes. An
/// article the importer wrote says so under its headline.
#[component]
pub fn ArticleCard(
    article: Article,
    /// The show's title in its own language: marked with its `lang` where the text names it.
    #[prop(optional_no_strip)]
    native_title: Option<NativeText>,
    /// Where a generated article's facts come from.
    #[prop(optional_no_strip)]
    data: Option<DataSource>,
    /// Right under the headline: the answer box (`show_cards`), so that the answer to the
    /// headline's question is on the first screen.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let Article { headline, intro, sections, footnotes, author, published, updated, generated } = article;
    let title = native_title.as_ref();
    let source = data.map_or_else(|| "the data".to_string(), |d| d.source);
    let has_byline = author.is_some() || published.is_some() || updated.is_some();
    let unwritten = intro.is_empty() && sections.is_empty();
    view! {
        <section class="ns-card ns-article" aria-labelledby="ns-headline">
            // The native title over a written headline that names the show otherwise (in
            // English, or in romaji), in its own language; an editor's headline is as written.
            // Above it, so that the answer stays right under the headline.
            {title.filter(|t| generated && !headline.contains(t.text.as_str())).map(|t| view! {
                <p class="ns-article__native" lang=t.lang.clone()>{t.text.clone()}</p>
            })}
            {heading(0, Some("ns-headline"), Some("ns-article__headline"), true, in_languages(&headline, title))}
            {children.map(|answer| answer())}
            {generated.then(|| view! {
                <p class="ns-generated">{format!("This summary was written automatically from {source}’s facts, not by an editor.")}</p>
            })}
            {has_byline.then(|| view! {
                <p class="ns-byline">
                    {author.map(|a| view! { <span>"By "<span class="ns-byline__author">{a}</span></span> })}
                    {published.map(|d| dated("Published", d))}
                    {updated.map(|d| dated("Updated", d))}
                </p>
            })}
            {unwritten.then(|| view! { <p class="ns-empty">"The article on this show is still being written; the cards below hold what is known so far."</p> })}
            {intro.iter().map(|p| paragraph(p, title)).collect_view()}
            {sections.into_iter().map(|s| section(s, 1, title)).collect_view()}
            {(!footnotes.is_empty()).then(|| view! {
                <footer class="ns-footnotes">
                    {heading(1, None, Some("ns-visually-hidden"), false, "Notes".into_any())}
                    <ol>
                        {footnotes.into_iter().map(|note| view! {
                            <li id=format!("ns-fn-{}", note.id) value={note.id.parse::<u32>().ok()}>
                                {in_languages(&note.text, title)}" "
                                <a href=format!("#ns-fnref-{}", note.id) class="ns-footnotes__back" aria-label="Back to the text">"↩"</a>
                            </li>
                        }).collect_view()}
                    </ol>
                </footer>
            })}
        </section>
    }
}

fn dated(label: &'static str, date: PartialDate) -> impl IntoView {
    view! { <span>{label}" "<time datetime=date.machine()>{date.label()}</time></span> }
}

/// A section of the article, its heading `depth` levels below the headline.
fn section(part: Section, depth: u8, title: Option<&NativeText>) -> AnyView {
    let Section { heading: name, paragraphs, subsections } = part;
    view! {
        <div class="ns-article__section">
            {heading(depth, None, Some("ns-article__heading"), false, in_languages(&name, title))}
            {paragraphs.iter().map(|p| paragraph(p, title)).collect_view()}
            {subsections.into_iter().map(|s| section(s, depth + 1, title)).collect_view()}
        </div>
    }
    .into_any()
}

/// Paragraph text, with `[^id]` turned into a footnote reference. Everything else is text,
/// never HTML.
fn paragraph(text: &str, title: Option<&NativeText>) -> impl IntoView {
    let pieces = inline(text)
        .into_iter()
        .map(|piece| match piece {
            Inline::Text(t) => in_languages(t, title),
            Inline::FootnoteRef(id) => view! {
                <sup class="ns-fnref">
                    <a id=format!("ns-fnref-{id}") href=format!("#ns-fn-{id}") aria-label=format!("Note {id}")>{id.to_string()}</a>
                </sup>
            }
            .into_any(),
        })
        .collect_view();
    view! { <p>{pieces}</p> }
}
