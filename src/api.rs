//! Fetching the bundle: the only module that knows its URLs and how files arrive.
//!
//! Every file goes through [`fetch_text`] and then through the shared decoder of
//! [`crate::bundle`], so a failure is always reported the same way: the URL, and what went
//! wrong (HTTP status, network, or the field and problem of an invalid file).

use crate::bundle::{self, Aliases, Catalogue, CatalogueEntry, CatalogueHead, CataloguePart, Problem, Show};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

/// Where the site serves its own bundle. An embedded widget may read another (`data-bundle`),
/// so every function takes the bundle's root URL.
pub const SITE_DATA: &str = "/data";

pub fn show_url(root: &str, slug: &str) -> String {
    format!("{}/shows/{slug}.json", root.trim_end_matches('/'))
}

/// The head of the catalogue: counts, facets and its first entries.
pub fn catalogue_url(root: &str) -> String {
    format!("{}/index.json", root.trim_end_matches('/'))
}

/// The former slugs of renamed shows (`bundle::ALIASES_FILE`).
pub fn aliases_url(root: &str) -> String {
    format!("{}/{}", root.trim_end_matches('/'), bundle::ALIASES_FILE)
}


/// Part `n` (from 1) of the catalogue: the entries after the head's, in order.
pub fn catalogue_part_url(root: &str, n: usize) -> String {
    format!("{}/index/{n}.json", root.trim_end_matches('/'))
}

/// Chunk `n` (from 1) of the search index (`bundle::SearchChunk`).
pub fn search_chunk_url(root: &str, n: usize) -> String {
    format!("{}/{}/{n}.json", root.trim_end_matches('/'), bundle::SEARCH_DIR)
}

/// Why a file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The server has no such file (404, or a static host's HTML fallback page instead of JSON).
    Missing { url: String },
    Http { url: String, status: u16 },
    Network { url: String, message: String },
    Invalid { url: String, problems: Vec<Problem> },
}

impl LoadError {
    pub fn url(&self) -> &str {
        match self {
            Self::Missing { url } | Self::Http { url, .. } | Self::Network { url, .. } | Self::Invalid { url, .. } => url,
        }
    }

    /// One sentence for the reader.
    pub fn reason(&self) -> String {
        match self {
            Self::Missing { .. } => "the file is not on the server (404).".into(),
            Self::Http { status, .. } => format!("the server answered with HTTP status {status}."),
            Self::Network { message, .. } => format!("the network request failed ({message})."),
            Self::Invalid { problems, .. } => match problems.len() {
                1 => "the file has a problem:".into(),
                n => format!("the file has {n} problems:"),
            },
        }
    }

    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }
}

/// What a show page can end in: the show, no such show (a 404 page), or a load error (a card
/// with Retry).
#[derive(Clone, Debug, PartialEq)]
pub enum ShowError {
    Unknown,
    Load(LoadError),
}

/// How a document decodes show shards (in context, for "Read also"'s prefetch too): by every
/// rule, or, in the show pages' own app, as the build checked them ([`bundle::decode_built_show`]).
/// Function pointers, so that the rules are not linked into an app that never names them.
#[derive(Clone, Copy)]
pub struct ShowDecoding(pub fn(&str, &str) -> Result<Show, Vec<Problem>>);

impl ShowDecoding {
    /// Every rule: the site's app (whose shards may be an editor's file being written under
    /// `trunk serve`) and a widget (which may read any bundle).
    pub const CHECKED: ShowDecoding = ShowDecoding(bundle::decode_show);
    /// The show pages' own app, which only pages written from a checked bundle start.
    pub const BUILT: ShowDecoding = ShowDecoding(bundle::decode_built_show);
}

/// Loads a show for its page. A missing shard may be a renamed show's former slug: the show is
/// then loaded under its slug now (which the returned show carries, for the page to take the
/// reader's address on to it). Else it is told apart from an unknown show by asking the whole
/// catalogue, only then: a show page otherwise fetches nothing that grows with the catalogue.
pub async fn load_show_page(root: &str, slug: &str) -> Result<Arc<Show>, ShowError> {
    match load_show_or_alias(root, slug, ShowDecoding::CHECKED).await {
        Err(missing @ LoadError::Missing { .. }) if bundle::is_valid_slug(slug) => unknown_or_missing(root, slug, missing).await,
        Err(LoadError::Missing { .. }) => Err(ShowError::Unknown),
        other => other.map_err(ShowError::Load),
    }
}

/// A show's shard, or the one a former slug (an alias) leads to; a slug with neither is
/// `Missing`. What the show pages' own wasm loads: it carries no catalogue to tell an unknown
/// show from a missing file (a host answers an unknown address with the 404 page, which does).
pub async fn load_show_or_alias(root: &str, slug: &str, decoding: ShowDecoding) -> Result<Arc<Show>, LoadError> {
    if !bundle::is_valid_slug(slug) {
        return Err(LoadError::Missing { url: show_url(root, slug) });
    }
    match show(root, slug, decoding).await {
        // Only a slug made of an id is ever renamed: no other asks for the aliases.
        Err(missing @ LoadError::Missing { .. }) if bundle::is_id_slug(slug) => {
            match aliases(root).await.ok().and_then(|a| a.target(slug).map(str::to_string)) {
                Some(now) => show(root, &now, decoding).await,
                None => Err(missing),
            }
        }
        other => other,
    }
}

/// A missing shard of a slug no alias leads from: an unknown show, or a show whose file is
/// missing, as the whole catalogue says.
async fn unknown_or_missing(root: &str, slug: &str, missing: LoadError) -> Result<Arc<Show>, ShowError> {
    match catalogue(root).await {
        Ok(catalogue) if !catalogue.contains(slug) => Err(ShowError::Unknown),
        _ => Err(ShowError::Load(missing)),
    }
}

/// The bundle's aliases, fetched once per visit and only when a slug has no shard; a bundle
/// without them has none.
pub fn aliases(root: &str) -> impl Future<Output = Result<Arc<Aliases>, LoadError>> + 'static {
    cached(&ALIASES, aliases_url(root), |url| {
        async move {
            match fetch_text(&url).await {
                Ok(text) => bundle::decode_aliases(&text).map_err(|problems| LoadError::Invalid { url, problems }),
                Err(LoadError::Missing { .. }) => Ok(Aliases::default()),
                Err(other) => Err(other),
            }
        }
        .boxed_local()
    })
}

type Pending<T> = Shared<LocalBoxFuture<'static, Result<Arc<T>, LoadError>>>;

thread_local! {
    /// Every file fetched in this visit, or being fetched, by URL: a shard is requested once,
    /// however often its page is opened or its links hovered, and however many widgets show it.
    /// Failures are forgotten, so Retry fetches again.
    static SHOWS: RefCell<HashMap<String, Pending<Show>>> = RefCell::new(HashMap::new());
    static HEADS: RefCell<HashMap<String, Pending<CatalogueHead>>> = RefCell::new(HashMap::new());
    static PARTS: RefCell<HashMap<String, Pending<CataloguePart>>> = RefCell::new(HashMap::new());
    /// The search index's chunks, as the entries they hold.
    static CHUNKS: RefCell<HashMap<String, Pending<Vec<CatalogueEntry>>>> = RefCell::new(HashMap::new());
    /// The whole catalogue assembled from its head and parts, by the head's URL.
    static CATALOGUES: RefCell<HashMap<String, Pending<Catalogue>>> = RefCell::new(HashMap::new());
    static ALIASES: RefCell<HashMap<String, Pending<Aliases>>> = RefCell::new(HashMap::new());
}

/// A show's shard, fetched once per visit.
pub fn show(root: &str, slug: &str, decoding: ShowDecoding) -> impl Future<Output = Result<Arc<Show>, LoadError>> + 'static {
    let slug = slug.to_string();
    cached(&SHOWS, show_url(root, &slug), move |url| async move { load_show(&url, &slug, decoding).await }.boxed_local())
}

/// The fetch of `url` kept in `cache`: the one under way or done, else a new one made by
/// `load`. A failure leaves the cache, so that the next call (Retry) fetches again.
fn cached<T: 'static>(
    cache: &'static std::thread::LocalKey<RefCell<HashMap<String, Pending<T>>>>,
    url: String,
    load: impl FnOnce(String) -> LocalBoxFuture<'static, Result<T, LoadError>>,
) -> impl Future<Output = Result<Arc<T>, LoadError>> + 'static {
    let pending = cache.with(|c| {
        c.borrow_mut()
            .entry(url.clone())
            .or_insert_with(|| load(url.clone()).map(|loaded| loaded.map(Arc::new)).boxed_local().shared())
            .clone()
    });
    async move {
        let result = pending.await;
        if result.is_err() {
            cache.with(|c| c.borrow_mut().remove(&url));
        }
        result
    }
}

/// Starts fetching a show's shard before the reader clicks its link (on hover or focus), so
/// that the page opens at once. Does nothing natively.
pub fn prefetch_show(root: &str, slug: &str, decoding: ShowDecoding) {
    if bundle::is_valid_slug(slug) {
        #[cfg(target_arch = "wasm32")]
        {
            let fetch = show(root, slug, decoding);
            leptos::task::spawn_local(async move {
                let _ = fetch.await;
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (root, decoding);
    }
}

/// The head of the catalogue, fetched once per visit.
pub fn catalogue_head(root: &str) -> impl Future<Output = Result<Arc<CatalogueHead>, LoadError>> + 'static {
    cached(&HEADS, catalogue_url(root), |url| {
        async move {
            let text = fetch_text(&url).await?;
            bundle::decode_catalogue_head(&text).map_err(|problems| LoadError::Invalid { url, problems })
        }
        .boxed_local()
    })
}

/// Part `n` of the catalogue that `head` describes, fetched once per visit.
fn catalogue_part(root: &str, head: Arc<CatalogueHead>, n: usize) -> impl Future<Output = Result<Arc<CataloguePart>, LoadError>> + 'static {
    cached(&PARTS, catalogue_part_url(root, n), move |url| {
        async move {
            let text = fetch_text(&url).await?;
            let part = bundle::decode_catalogue_part(&text, n).map_err(|problems| LoadError::Invalid { url: url.clone(), problems })?;
            match head.part_count_problem(n, part.shows.len()) {
                Some(problem) => Err(LoadError::Invalid { url, problems: vec![problem] }),
                None => Ok(part),
            }
        }
        .boxed_local()
    })
}

/// Entries `range` of the catalogue's default order (cut to those there are), with the head:
/// read from the head and only the parts that hold them.
pub async fn catalogue_entries(root: &str, range: std::ops::Range<usize>) -> Result<(Arc<CatalogueHead>, Vec<CatalogueEntry>), LoadError> {
    let head = catalogue_head(root).await?;
    let layout = head.layout();
    let range = range.start.min(head.total)..range.end.min(head.total);
    let files = match range.is_empty() {
        true => 0..0,
        false => layout.locate(range.start).0.max(1)..layout.locate(range.end - 1).0 + 1,
    };
    let first = files.start;
    let parts = futures::future::try_join_all(files.map(|n| catalogue_part(root, head.clone(), n))).await?;
    let entries = range
        .map(|i| match layout.locate(i) {
            (0, at) => head.shows[at].clone(),
            (n, at) => parts[n - first].shows[at].clone(),
        })
        .collect();
    Ok((head, entries))
}

/// Chunk `n` of the search index that `head` describes, as the catalogue's entries it holds
/// (positions `bundle::chunk_range(head, n)` of the default order), fetched once per visit. Its
/// entries are read and checked a slice at a time, the browser let in between (a keystroke
/// waits for one slice, not for the whole file).
pub fn search_chunk(root: &str, head: Arc<CatalogueHead>, n: usize) -> impl Future<Output = Result<Arc<Vec<CatalogueEntry>>, LoadError>> + 'static {
    const SLICE: usize = 500;
    cached(&CHUNKS, search_chunk_url(root, n), move |url| {
        async move {
            let text = fetch_text(&url).await?;
            let invalid = |problems| LoadError::Invalid { url: url.clone(), problems };
            let chunk = bundle::read_search_chunk(&text, n, &head).map_err(invalid)?;
            drop(text);
            let mut entries = Vec::with_capacity(chunk.len());
            for start in (0..chunk.len()).step_by(SLICE) {
                crate::browser::yield_to_browser().await;
                entries.extend(chunk.entries_of(start..start + SLICE).map_err(invalid)?);
            }
            Ok(entries)
        }
        .boxed_local()
    })
}

/// The whole catalogue, once per visit: every chunk of the search index in parallel (or,
/// in a bundle without one, the head and every part). For the 404 page's suggestions and
/// telling an unknown show from a missing shard; the home page's search reads the chunks one
/// by one as they arrive.
pub fn catalogue(root: &str) -> impl Future<Output = Result<Arc<Catalogue>, LoadError>> + 'static {
    let root = root.to_string();
    cached(&CATALOGUES, catalogue_url(&root), move |_| {
        async move {
            let head = catalogue_head(&root).await?;
            let mut shows = Vec::with_capacity(head.total);
            if head.search_chunks.is_empty() {
                let parts = futures::future::try_join_all((1..=head.parts).map(|n| catalogue_part(&root, head.clone(), n))).await?;
                shows.extend(head.shows.iter().cloned());
                for part in &parts {
                    shows.extend(part.shows.iter().cloned());
                }
            } else {
                let chunks = futures::future::try_join_all((1..=head.search_chunks.len()).map(|n| search_chunk(&root, head.clone(), n))).await?;
                for chunk in &chunks {
                    shows.extend(chunk.iter().cloned());
                }
            }
            Ok(Catalogue { shows })
        }
        .boxed_local()
    })
}

async fn load_show(url: &str, slug: &str, decoding: ShowDecoding) -> Result<Show, LoadError> {
    let text = fetch_text(url).await?;
    (decoding.0)(&text, slug).map_err(|problems| LoadError::Invalid { url: url.to_string(), problems })
}

#[cfg(target_arch = "wasm32")]
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network { url: url.to_string(), message: e.to_string() };
    let response = gloo_net::http::Request::get(url).send().await.map_err(network)?;
    match response.status() {
        404 | 410 => return Err(LoadError::Missing { url: url.to_string() }),
        200..=299 => {}
        status => return Err(LoadError::Http { url: url.to_string(), status }),
    }
    // Single-page hosts (trunk serve among them) answer unknown paths with index.html.
    if response.headers().get("content-type").is_some_and(|t| t.contains("text/html")) {
        return Err(LoadError::Missing { url: url.to_string() });
    }
    response.text().await.map_err(network)
}

/// Natively the bundle is read from `public/`, where it is kept.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public").join(url.trim_start_matches('/'));
    std::fs::read_to_string(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::Missing { url: url.to_string() },
        _ => LoadError::Network { url: url.to_string(), message: e.to_string() },
    })
}
