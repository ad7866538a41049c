//! The embed page, `/embed/` (`embed/index.html`): one page for every show, in place of a file
//! of cards per show. Written with the site's frame and no app, and its own script in a hashed
//! file (`embed_page.js`), which the widget's wasm serves (`NextSeason.snippet`).

use super::*;
use crate::head::PageHead;
use crate::links::EMBED_PATH;
use crate::pages::EmbedCodeView;

/// The page, and its script: `(file name, contents)`.
pub struct EmbedPage {
    pub page: Page,
    pub script: Script,
}

/// The script's source; the build writes it as `nextseason-paste-<hash>.js`.
const SCRIPT: &str = include_str!("embed_page.js");

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
            json_ld: Vec::new(),
            body,
            modified: None,
            app: false,
        },
        script: shell::script_file("nextseason-paste", SCRIPT.to_string()),
    }
}

impl EmbedPage {
    /// The page's document: `shell` filled as [`document`] fills every page, with its script.
    pub fn document(&self, shell: &str, origin: &str) -> Result<String, String> {
        let html = document(shell, origin, &self.page)?;
        let tag = format!("<script type=\"module\" src=\"/{}\"></script>\n</head>", self.script.0);
        match html.contains("</head>") {
            true => Ok(html.replacen("</head>", &tag, 1)),
            false => Err("the embed page has no </head> for its script".into()),
        }
    }
}
