//! The home page's search index, loaded once per visit chunk by chunk: the bundle's search
//! index (`search/<n>.json`) is requested first chunk first (the newest shows, in the smallest
//! file), then every other chunk at once; each is indexed as it arrives, in slices with the
//! browser let in between (`search::Prepared`), so that typing stays responsive and a search
//! lists what has arrived while the rest loads. A chunk that fails is kept apart (its error,
//! Retry) while the others are searched.

use crate::api::{self, LoadError};
use crate::bundle::{chunk_range, CatalogueEntry, CatalogueHead};
use crate::search::{Index, Prepared};
use crate::{browser, search};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

/// Shows prepared, then added, in one go before the browser is let in: a few milliseconds of
/// work each (measured by `search::tests::chunk_timings`).
const SLICE: usize = 250;

/// Where the index stands, for the page: a signal of it changes with each chunk indexed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Whether loading has begun.
    pub started: bool,
    /// Whether the head is in (`total` is known).
    pub head_in: bool,
    /// Shows indexed so far.
    pub loaded: usize,
    /// Shows in the whole catalogue (0 until the head is in).
    pub total: usize,
    /// The failure of the head, or of the first chunk that failed (the others are searched).
    pub error: Option<LoadError>,
    /// Which filters the whole catalogue offers (from the head's counts), while the index is
    /// partial.
    pub offered: Option<[bool; search::FACETS]>,
}

impl Progress {
    /// Every show is indexed: counts are final.
    pub fn complete(&self) -> bool {
        self.head_in && self.loaded >= self.total
    }
}

struct Loader {
    index: Index,
    head: Option<Arc<CatalogueHead>>,
    failed: BTreeMap<usize, LoadError>,
    /// Whether the chunks after the first have been requested.
    others_requested: bool,
    /// Chunks arrived and waiting to be indexed, as (position of the first show, shows): one at
    /// a time, in the order they arrived, so that the first is searched before the others'
    /// slices are taken in.
    queue: VecDeque<(usize, Arc<Vec<CatalogueEntry>>)>,
    /// Whether a task is indexing the queue.
    busy: bool,
    progress: ArcRwSignal<Progress>,
}

thread_local! {
    static LOADER: RefCell<Option<Loader>> = const { RefCell::new(None) };
}

fn with_loader<R>(f: impl FnOnce(&mut Loader) -> R) -> R {
    LOADER.with(|loader| {
        let mut loader = loader.borrow_mut();
        let loader = loader.get_or_insert_with(|| Loader { index: Index::default(), head: None, failed: BTreeMap::new(), others_requested: false, queue: VecDeque::new(), busy: false, progress: ArcRwSignal::new(Progress::default()) });
        f(loader)
    })
}

/// Where the index stands (a signal shared by every visit of the page).
pub fn progress() -> ArcRwSignal<Progress> {
    with_loader(|loader| loader.progress.clone())
}

/// `f` on the index as it is (what has arrived so far).
pub fn with_index<R>(f: impl FnOnce(&Index) -> R) -> R {
    with_loader(|loader| f(&loader.index))
}

/// Starts loading the index, once per visit; again, after a failure, what failed (Retry).
pub fn start() {
    let (head, failed) = with_loader(|loader| {
        let failed: Vec<usize> = std::mem::take(&mut loader.failed).into_keys().collect();
        (loader.head.clone(), failed)
    });
    let progress = progress();
    match head {
        Some(_) if failed.is_empty() => {}
        Some(head) => {
            progress.update(|p| p.error = None);
            match head.search_chunks.is_empty() {
                true => whole_catalogue(),
                false => failed.into_iter().for_each(|n| fetch_chunk(head.clone(), n)),
            }
        }
        None if progress.with_untracked(|p| p.started && p.error.is_none()) => {}
        None => {
            progress.update(|p| {
                p.started = true;
                p.error = None;
            });
            leptos::task::spawn_local(async move {
                match api::catalogue_head(api::SITE_DATA).await {
                    Err(error) => progress.update(|p| p.error = Some(error)),
                    Ok(head) => {
                        let offered = search::offered_facets(&search::facet_values(&head.facets), head.total);
                        progress.update(|p| {
                            p.head_in = true;
                            // The shows the chunks hold, which a search counts to.
                            p.total = match head.search_chunks.is_empty() {
                                true => head.total,
                                false => head.search_chunks.iter().sum(),
                            };
                            p.offered = Some(offered);
                        });
                        let chunks = head.search_chunks.len();
                        with_loader(|loader| loader.head = Some(head.clone()));
                        match chunks {
                            // A bundle without a search index: its parts, whole.
                            0 => whole_catalogue(),
                            _ => fetch_chunk(head.clone(), 1),
                        }
                    }
                }
            });
        }
    }
}

/// Fetches chunk `n` and indexes it when it arrives.
fn fetch_chunk(head: Arc<CatalogueHead>, n: usize) {
    let first = chunk_range(&head, n).map_or(0, |r| r.start);
    let fetch = api::search_chunk(api::SITE_DATA, head, n);
    leptos::task::spawn_local(async move {
        let arrived = fetch.await;
        if n == 1 {
            // The first is in (or failed): the others, all at once, while it is indexed.
            let later = with_loader(|loader| (!std::mem::replace(&mut loader.others_requested, true)).then(|| loader.head.clone()).flatten());
            if let Some(head) = later {
                (2..=head.search_chunks.len()).for_each(|n| fetch_chunk(head.clone(), n));
            }
        }
        arrive(n, first, arrived).await;
    });
}

/// A bundle without a search index: the whole catalogue from its parts, as one chunk.
fn whole_catalogue() {
    leptos::task::spawn_local(async move {
        let arrived = api::catalogue(api::SITE_DATA).await.map(|c| Arc::new(c.shows.clone()));
        arrive(0, 0, arrived).await;
    });
}

/// Indexes a chunk that arrived (after those before it in the queue), or keeps its failure.
async fn arrive(n: usize, first: usize, arrived: Result<Arc<Vec<CatalogueEntry>>, LoadError>) {
    let progress = progress();
    match arrived {
        Err(error) => {
            with_loader(|loader| loader.failed.insert(n.max(1), error.clone()));
            progress.update(|p| p.error = p.error.take().or(Some(error)));
        }
        Ok(entries) => {
            let idle = with_loader(|loader| {
                loader.queue.push_back((first, entries));
                !std::mem::replace(&mut loader.busy, true)
            });
            if idle {
                index_queue(progress).await;
            }
        }
    }
}

/// Indexes the chunks of the queue one by one, each a slice at a time, until it is empty.
async fn index_queue(progress: ArcRwSignal<Progress>) {
    loop {
        let next = with_loader(|loader| {
            let next = loader.queue.pop_front();
            loader.busy = next.is_some();
            next
        });
        let Some((first, entries)) = next else { return };
        for (k, slice) in entries.chunks(SLICE).enumerate() {
            // The folded text in one task, its merging into the index in the next: a search
            // between them finds the index whole.
            browser::yield_to_browser().await;
            let prepared = Prepared::of(slice, first + k * SLICE);
            browser::yield_to_browser().await;
            with_loader(|loader| loader.index.add_prepared(slice, prepared));
        }
        let loaded = with_loader(|loader| loader.index.len());
        progress.update(|p| p.loaded = loaded);
    }
}
