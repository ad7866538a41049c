//! The embed page, `/embed/` (`embed/index.html`): one page for every show, in place of a file
//! of cards per show. Written with the site's frame and no app, and its own script and
//! stylesheet in files named by a hash of their content (`embed_page.js`, which the widget's
//! wasm serves through `NextSeason.snippet`, and `embed_page.css`: no other page loads them).

use super::*;
use crate::head::PageHead;
use crate::links::EMBED_PATH;
use crate::pages::EmbedCodeView;

/// The page, and its script and stylesheet: each `(file name, contents)`.
pub struct EmbedPage {
    pub page: Page,
    pub script: Script,
    pub style: Script,
}

/// The script's source; the build writes it as `nextseason-paste-<hash>.js`.
const SCRIPT: &str = include_str!("embed_page.js");
/// The stylesheet's; the build writes it as `nextseason-paste-<hash>.css`.
const STYLE: &str = include_str!("embed_page.css");

/// The embed page for the site at `origin`, whose address the code to paste holds.
pub fn embed_page(origin: &str) -> EmbedPage {
    let shown = origin.to_string();
    let body = framed(EMBED_PATH, move || view! { <EmbedCodeView origin=shown/> });
    EmbedPage {
        page: Page {
            path: EMBED_PATH.into(),
            file: "embed/index.html".into(),
            head: PageHead::embed(),
            og_type: "website",
            image: None,
            calendar: None,
            json_ld: Vec::new(),
            body,
            modified: None,
            app: AppStart::None,
        },
        script: shell::script_file("nextseason-paste", SCRIPT.to_string()),
        style: {
            let (name, style) = shell::script_file("nextseason-paste", STYLE.to_string());
            (format!("{}.css", name.trim_end_matches(".js")), style)
        },
    }
}

impl EmbedPage {
    /// The files the page loads besides the site's: `(file name, contents)`.
    pub fn files(&self) -> [&Script; 2] {
        [&self.script, &self.style]
    }
}

impl EmbedPage {
    /// The page's document: `shell` filled as [`document`] fills every page, with its
    /// stylesheet (after the site's) and its script.
    pub fn document(&self, shell: &str, origin: &str) -> Result<String, String> {
        let html = document(shell, origin, &self.page)?;
        let tag = format!("<link rel=\"stylesheet\" href=\"/{}\" />\n<script type=\"module\" src=\"/{}\"></script>\n</head>", self.style.0, self.script.0);
        match html.contains("</head>") {
            true => Ok(html.replacen("</head>", &tag, 1)),
            false => Err("the embed page has no </head> for its script".into()),
        }
    }
}
