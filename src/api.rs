//! Fetching the bundle: the only module that knows its URLs and how files arrive.
//!
//! Every file goes through [`fetch_text`] and then through the shared decoder of
//! [`crate::bundle`], so a failure is always reported the same way: the URL, and what went
//! wrong (HTTP status, network, or the field and problem of an invalid file).

use crate::bundle::{self, Catalogue, Problem, Show};

/// Where the bundle is served, relative to the site root.
const DATA_ROOT: &str = "/data";

pub fn show_url(slug: &str) -> String {
    format!("{DATA_ROOT}/shows/{slug}.json")
}

pub fn catalogue_url() -> String {
    format!("{DATA_ROOT}/index.json")
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

/// Loads a show for its page. A missing shard is told apart from an unknown show by asking
/// the catalogue, only then: a show page otherwise fetches nothing that grows with the catalogue.
pub async fn load_show_page(slug: &str) -> Result<Show, ShowError> {
    if !bundle::is_valid_slug(slug) {
        return Err(ShowError::Unknown);
    }
    match load_show(slug).await {
        Err(missing @ LoadError::Missing { .. }) => match load_catalogue().await {
            Ok(catalogue) if !catalogue.contains(slug) => Err(ShowError::Unknown),
            _ => Err(ShowError::Load(missing)),
        },
        other => other.map_err(ShowError::Load),
    }
}

pub async fn load_show(slug: &str) -> Result<Show, LoadError> {
    let url = show_url(slug);
    let text = fetch_text(&url).await?;
    bundle::decode_show(&text, slug).map_err(|problems| LoadError::Invalid { url, problems })
}

/// The one place that reads the catalogue index (it may later be split into pages).
pub async fn load_catalogue() -> Result<Catalogue, LoadError> {
    let url = catalogue_url();
    let text = fetch_text(&url).await?;
    bundle::decode_catalogue(&text).map_err(|problems| LoadError::Invalid { url, problems })
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
