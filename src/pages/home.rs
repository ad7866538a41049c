use crate::api::{self, LoadError};
use crate::browser::Delay;
use crate::bundle::{CatalogueEntry, CatalogueHead};
use crate::components::{CatalogueSkeleton, ComingNext, ErrorCard, ShowCard};
use crate::head::{use_page_head, PageHead};
use crate::navigation;
use crate::search::{self, Facet, FacetLists, FacetValue, Index, Query, Results, Sort, PAGE_SIZE};
use crate::{browser, regions};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::components::A;
use leptos_router::NavigateOptions;
use super::search_loader::{self, Progress};

/// How long typing must pause before the search becomes a step in the history.
const TYPING_PAUSE_MS: u64 = 350;

/// One page of the list, with what the filters offer; the same for the unfiltered catalogue
/// (read from the index's files) and for a search (computed by the index).
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    total: usize,
    page: usize,
    pages: usize,
    shown: Vec<CatalogueEntry>,
    facets: FacetLists,
    /// Which filters to offer, from the whole catalogue's values.
    offered: [bool; search::FACETS],
    /// The head's "Coming next" and how many shows have a next season coming.
    coming: (Vec<CatalogueEntry>, usize),
    /// A search over part of the catalogue, while the rest loads or after some of it failed:
    /// the shows searched and in all.
    partial: Option<(usize, usize)>,
    /// A chunk of the search index that failed (the others are searched).
    failed: Option<LoadError>,
}

impl Listing {
    /// The first page of the unfiltered catalogue: its first entries in the default order.
    pub fn first_page(head: &CatalogueHead, first: Vec<CatalogueEntry>) -> Self {
        let facets = search::facet_values(&head.facets);
        Listing {
            total: head.total,
            page: 1,
            pages: head.total.div_ceil(PAGE_SIZE).max(1),
            shown: first.into_iter().take(PAGE_SIZE).collect(),
            offered: search::offered_facets(&facets, head.total),
            facets,
            coming: (head.coming.clone(), head.coming_total),
            partial: None,
            failed: None,
        }
    }

    /// A search's page, over the shows indexed so far.
    fn of(index: &Index, results: Results, progress: &Progress) -> Self {
        let complete = progress.complete();
        Listing {
            total: results.total,
            page: results.page,
            pages: results.pages,
            shown: results.shown.iter().map(|&i| index.entries[i].clone()).collect(),
            facets: results.facets,
            // Until every show is in, the filters the whole catalogue offers, from the head.
            offered: match complete {
                true => index.offered,
                false => progress.offered.unwrap_or(index.offered),
            },
            coming: (Vec::new(), 0),
            partial: (!complete || progress.error.is_some()).then_some((index.len(), progress.total)),
            failed: progress.error.clone(),
        }
    }
}

/// Page `page` of the unfiltered catalogue in its default order, from the head and only the
/// part(s) holding it; facets are the head's counts. A page past the end shows the last one.
async fn load_default_page(page: usize) -> Result<Listing, LoadError> {
    let head = api::catalogue_head(api::SITE_DATA).await?;
    let pages = head.total.div_ceil(PAGE_SIZE).max(1);
    let page = page.min(pages);
    let start = (page - 1) * PAGE_SIZE;
    let (head, shown) = api::catalogue_entries(api::SITE_DATA, start..start + PAGE_SIZE).await?;
    let facets = search::facet_values(&head.facets);
    let offered = search::offered_facets(&facets, head.total);
    Ok(Listing { total: head.total, page, pages, shown, facets, offered, coming: (head.coming.clone(), head.coming_total), partial: None, failed: None })
}

/// `/`: every show of the catalogue, with search, filters, sort and pages. The whole state is in
/// the URL (`/?q=rouge&genre=action&page=2`), so a link reproduces the view and Back/Forward
/// step through the reader's searches. The unfiltered catalogue is read a page at a time; a
/// search, a filter or another order loads the whole catalogue once.
#[component]
pub fn HomePage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|params| Query::from_params(|name| params.get(name))));
    // Searching changes the URL, never the scroll position.
    let navigate = use_navigate();
    let go = Callback::new(move |next: Query| navigate(&next.to_url(), NavigateOptions { scroll: false, ..Default::default() }));
    view! { <Home query=query go/> }
}

/// The catalogue page for `query`, apart from the router, which the build cannot run: `go`
/// follows a new query. `prerendered`: the first page, given when the page is written at build
/// time (the browser loads it instead).
#[component]
pub fn Home(#[prop(into)] query: Signal<Query>, go: Callback<Query>, #[prop(optional)] prerendered: Option<Listing>) -> impl IntoView {
    // A show is a page load from here: its page runs the show pages' own wasm.
    provide_context(crate::pages::catalogue_links());

    // The list follows every keystroke; the URL (a step in the history) follows once typing
    // pauses. Back/Forward put their query back into the box.
    let draft = RwSignal::new(query.get_untracked().text);
    let searched = Memo::new(move |_| {
        let query = query.get();
        let typed = draft.get();
        if typed == query.text { query } else { query.with(|q| q.text = typed) }
    });
    let page = Memo::new(move |_| searched.with(|q| q.page));
    let default_page = LocalResource::new(move || load_default_page(page.get()));

    // The search index, loaded (once per visit, chunk by chunk) when a query first needs it. A
    // signal, not a resource: the list says that it is searching meanwhile, and lists what has
    // arrived while the rest loads.
    let progress: RwSignal<Progress> = search_loader::progress().into();
    Effect::new(move |_| {
        if !searched.with(Query::is_default_view) && !progress.with_untracked(|p| p.started) {
            search_loader::start();
        }
    });
    let searched_listing: Memo<Option<Result<Listing, LoadError>>> = Memo::new(move |_| {
        let query = searched.get();
        if query.is_default_view() {
            return None;
        }
        let progress = progress.get();
        if progress.loaded == 0 && !progress.complete() {
            // Nothing to search yet: "Searching…", or the error card.
            return progress.error.map(Err);
        }
        Some(Ok(search_loader::with_index(|index| Listing::of(index, index.search(&query), &progress))))
    });
    let listing = move || match searched.with(Query::is_default_view) {
        true => default_page.get(),
        false => searched_listing.get(),
    };

    let pushed = StoredValue::new(query.get_untracked().text);
    Effect::new(move |_| {
        let text = query.get().text;
        if text != pushed.get_value() {
            pushed.set_value(text.clone());
            draft.set(text);
        }
    });
    let delay = StoredValue::new_local(Delay::new());
    let commit = move || {
        delay.update_value(Delay::cancel);
        let text = draft.get_untracked();
        if text != query.get_untracked().text {
            pushed.set_value(text.clone());
            go.run(query.get_untracked().with(|q| q.text = text));
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        draft.set(event_target_value(&ev));
        delay.update_value(|d| d.restart(TYPING_PAUSE_MS, commit));
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        commit();
    };

    // Written at build time, the page's filters list the head's values too.
    let written_facets = prerendered.as_ref().map(|listing| listing.facets.clone());
    let facets: Memo<FacetLists> = Memo::new(move |_| match listing() {
        Some(Ok(listing)) => listing.facets,
        _ => written_facets.clone().unwrap_or_default(),
    });
    // A filter is offered when the whole catalogue gives it a choice (`search::offered_facets`),
    // and kept while a link has it chosen. Kept as it was while a search loads.
    let written_offered = prerendered.as_ref().map(|listing| listing.offered);
    let offered: Memo<[bool; search::FACETS]> = Memo::new(move |before: Option<&[bool; search::FACETS]>| match listing() {
        Some(Ok(listing)) => listing.offered,
        _ => before.copied().or(written_offered).unwrap_or([true; search::FACETS]),
    });
    // Each control has the name of its URL parameter, so that the form, sent before the app has
    // taken over the page written at build time, loads the same view.
    let facet_select = move |facet: Facet, id: &'static str, label: &'static str, all: &'static str| {
        let on_change = move |ev: leptos::ev::Event| {
            let value = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
            go.run(query.get_untracked().with(|q| q.filters[facet as usize] = value));
        };
        let pick = move |q: &Query| q.filter(facet).map(str::to_string);
        let shown = move || offered.with(|o| o[facet as usize]) || query.with(|q| q.filter(facet).is_some());
        move || shown().then(|| view! {
            <div class="ns-finder__field">
                <label for=id>{label}</label>
                <select id=id name=search::param(facet) on:change=on_change>
                    <option value="" selected=move || query.with(|q| q.filter(facet).is_none())>{all}</option>
                    {move || {
                        let chosen = pick(&query.get());
                        let mut values = facets.with(|f| f[facet as usize].clone());
                        // A filter from a link that matches nothing still shows as chosen.
                        if let Some(key) = chosen.as_ref().filter(|k| !values.iter().any(|v| &v.key == *k)) {
                            values.push(FacetValue { key: key.clone(), label: key.clone(), count: 0 });
                        }
                        values.into_iter().map(|v| {
                            let selected = chosen.as_deref() == Some(v.key.as_str());
                            // An option holds text only: a label in another script (the data's
                            // platforms of China, Taiwan and Japan) marks the whole option.
                            let lang = crate::text::language_pieces(&v.label, None, Some("zh")).into_iter().find_map(|(_, lang)| lang).map(str::to_string);
                            view! { <option value=v.key selected=selected lang=lang>{format!("{} ({})", v.label, v.count)}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
        })
    };

    let retry = move || {
        default_page.refetch();
        if progress.with_untracked(|p| p.error.is_some()) {
            search_loader::start();
        }
    };
    let clear = move |_| {
        draft.set(String::new());
        pushed.set_value(String::new());
        go.run(Query { sort: query.get_untracked().sort, ..Query::default() });
    };

    Effect::new(move |_| {
        if matches!(listing(), Some(Ok(_))) {
            navigation::page_ready("/");
        }
    });

    // "Coming next" is the head's, loaded with the catalogue's first page.
    let written_coming = prerendered.as_ref().map(|listing| listing.coming.clone());
    let coming = move || {
        let (entries, total) = match &written_coming {
            Some(coming) => coming.clone(),
            None => default_page.get()?.ok()?.coming,
        };
        (!entries.is_empty()).then(|| view! { <ComingNext entries total all_href=Query { sort: Sort::Soonest, ..Query::default() }.to_url()/> })
    };
    let is_prerendered = prerendered.is_some();
    let list = move || {
        // Read inside the Transition, so that it shows the skeletons until the first page is in.
        let first_page = match &prerendered {
            Some(listing) => Ok(listing.clone()),
            None => default_page.get()?,
        };
        let loaded = match searched.with(Query::is_default_view) {
            true => first_page.clone(),
            false => match searched_listing.get() {
                Some(loaded) => loaded,
                None => {
                    let status = match first_page {
                        Ok(page) => format!("Searching all {} shows…", page.total),
                        Err(_) => "Searching all shows…".to_string(),
                    };
                    return Some(view! { <p class="ns-results-count ns-searching" role="status">{status}</p> }.into_any());
                }
            },
        };
        Some(match loaded {
            Ok(listing) => {
                // A chunk that failed: its error card, above what the others give.
                let failed = listing.failed.clone().map(|error| view! { <ErrorCard error on_retry=move |_| retry()/> });
                view! { {failed} <ResultsView found=listing query=searched.get() on_clear=clear/> }.into_any()
            }
            Err(error) => {
                Effect::new(|_| crate::browser::take_over());
                view! { <ErrorCard error on_retry=move |_| retry()/> }.into_any()
            }
        })
    };
    // Written at build time, the first page is at hand: a Transition would render its skeletons.
    let results = match is_prerendered {
        true => list.into_any(),
        false => view! { <Transition fallback=CatalogueSkeleton set_pending=navigation::route_pending()>{list}</Transition> }.into_any(),
    };
    use_page_head(move || PageHead::home(&query.get().text));
    view! {
        <div class="ns-home">
            <section class="ns-intro" aria-labelledby="ns-home-h">
                <h1 id="ns-home-h" tabindex="-1">"Will it get a season 2?"</h1>
                <p>"The outlook for the next season of every show we follow: announcements, expected release windows, where to watch and who is in the cast."</p>
                {crate::components::follow_links(None, true)}
            </section>
            {coming}
            <form class="ns-finder" role="search" aria-label="Shows" on:submit=on_submit>
                <div class="ns-finder__field ns-finder__field--search">
                    <label for="ns-q">"Search shows"</label>
                    <input id="ns-q" name="q" type="search" autocomplete="off" spellcheck="false"
                        placeholder="Title, Japanese title or studio"
                        prop:value=move || draft.get() on:input=on_input/>
                </div>
                {facet_select(Facet::Genre, "ns-genre", "Genre", "All genres")}
                {facet_select(Facet::Studio, "ns-studio", "Studio", "All studios")}
                {facet_select(Facet::Status, "ns-status", "Outlook", "Any outlook")}
                {facet_select(Facet::Kind, "ns-type", "Type", "All types")}
                {facet_select(Facet::Year, "ns-year", "Year", "All years")}
                {facet_select(Facet::Season, "ns-season", "Season", "Any season")}
                {facet_select(Facet::Platform, "ns-platform", "Platform", "All platforms")}
                <RegionFilter query go/>
                <div class="ns-finder__field">
                    <label for="ns-sort">"Sort by"</label>
                    <select id="ns-sort" name="sort" on:change=move |ev| {
                        let sort = Sort::ALL.into_iter().find(|s| s.key() == event_target_value(&ev)).unwrap_or_default();
                        go.run(query.get_untracked().with(|q| q.sort = sort));
                    }>
                        {Sort::ALL.into_iter().map(|sort| view! {
                            <option value=sort.key() selected=move || query.get().sort == sort>{sort.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </form>
            {results}
        </div>
    }
}

/// "Watchable in": only shows with an offer serving a country, the reader's own listed first
/// when known. With none known it says so, and the country picked here becomes the reader's
/// region (the show pages' "Where to watch" orders by it).
#[component]
fn RegionFilter(#[prop(into)] query: Signal<Query>, go: Callback<Query>) -> impl IntoView {
    let mine = RwSignal::new(browser::reader_region());
    let on_change = move |ev: leptos::ev::Event| {
        let code = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
        if let (None, Some(code)) = (mine.get_untracked(), &code) {
            browser::remember_region(code);
            mine.set(Some(code.clone()));
        }
        go.run(query.get_untracked().with(|q| q.region = code));
    };
    // The country list is one piece of markup (the table's own names), built once per visit.
    let options = move || {
        let mut html = String::from("<option value=\"\">Anywhere</option>");
        if let Some(country) = mine.get().as_deref().and_then(regions::country) {
            html.push_str(&format!("<option value=\"{}\">{} (your region)</option>", country.code, crate::text::escape_html(country.name)));
        }
        html.push_str(&crate::components::country_options());
        html
    };
    // The line is there whether the region is known or not, so that knowing it moves nothing.
    let hint = move || match mine.get().as_deref().and_then(regions::country) {
        Some(country) => format!("Your region: {}", country.name),
        None => "Your region is not set: pick your country".to_string(),
    };
    view! {
        <div class="ns-finder__field">
            <label for="ns-where">"Watchable in"</label>
            <select id="ns-where" name="region" aria-describedby="ns-where-hint" on:change=on_change inner_html=options
                prop:value=move || query.with(|q| q.region.clone().unwrap_or_default())></select>
            <p id="ns-where-hint" class="ns-finder__hint">{hint}</p>
        </div>
    }
}

/// One page of results, the count (announced politely as it changes), the pager, or what to do
/// when nothing matches.
#[component]
fn ResultsView(found: Listing, query: Query, #[prop(into)] on_clear: Callback<()>) -> impl IntoView {
    let count = match found.total {
        1 => "1 show".to_string(),
        n => format!("{n} shows"),
    };
    let count = if found.partial.is_some() { format!("{count} so far") } else { count };
    let status = if found.pages > 1 { format!("{count} · page {} of {}", found.page, found.pages) } else { count };
    // Until every show is in, what the list and its counts are over, announced politely.
    let loading = found.partial.map(|(searched, total)| {
        let text = match found.failed {
            Some(_) => format!("{searched} of {total} shows searched: some could not be loaded."),
            None => format!("Still loading more shows… {searched} of {total} searched so far; the counts are final once all have arrived."),
        };
        view! { <p class="ns-loading-more" role="status" aria-live="polite">{text}</p> }
    });
    if found.total == 0 && found.partial.is_none() {
        return view! {
            <p class="ns-results-count" role="status">"No show found"</p>
            <section class="ns-card ns-no-results" aria-labelledby="ns-no-results-h">
                <h2 id="ns-no-results-h" class="ns-card__title">"No show matches"</h2>
                <p>{describe(&query)}</p>
                <button type="button" class="ns-button" on:click=move |_| on_clear.run(())>"Clear search and filters"</button>
            </section>
        }
        .into_any();
    }
    let page_link = move |page: usize| Query { page, ..query.clone() }.to_url();
    let pager = (found.pages > 1).then(|| {
        view! {
            <nav class="ns-pager" aria-label="Pages of results">
                {(found.page > 1).then(|| view! { <A href=page_link(found.page - 1) attr:class="ns-button" attr:rel="prev">"Previous"</A> })}
                <span>{format!("Page {} of {}", found.page, found.pages)}</span>
                {(found.page < found.pages).then(|| view! { <A href=page_link(found.page + 1) attr:class="ns-button" attr:rel="next">"Next"</A> })}
            </nav>
        }
    });
    view! {
        {loading}
        <p class="ns-results-count" role="status">{status}</p>
        <ul class="ns-catalogue">
            {found.shown.into_iter().map(|entry| view! { <ShowCard entry/> }).collect_view()}
        </ul>
        {pager}
    }
    .into_any()
}

/// "Nothing matches “rouge” with genre action and outlook announced."
fn describe(query: &Query) -> String {
    let mut parts = Vec::new();
    if !query.text.trim().is_empty() {
        parts.push(format!("“{}”", query.text.trim()));
    }
    let names = ["genre", "studio", "outlook", "type", "year", "season", "platform"];
    for (name, value) in names.iter().zip(&query.filters) {
        if let Some(value) = value {
            parts.push(format!("{name} {}", value.replace('-', " ")));
        }
    }
    if let Some(code) = &query.region {
        parts.push(format!("an offer in {}", regions::region_name(code)));
    }
    match parts.split_first() {
        None => "The catalogue is empty.".to_string(),
        Some((first, [])) => format!("Nothing matches {first}."),
        Some((first, rest)) if query.text.trim().is_empty() => format!("No show has {first} and {}.", rest.join(" and ")),
        Some((first, rest)) => format!("Nothing matches {first} with {}.", rest.join(" and ")),
    }
}
