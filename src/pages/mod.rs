//! One module per route, and the frame around them.

#[cfg(not(target_arch = "wasm32"))]
mod embed_code;
mod frame;
mod home;
#[cfg(not(target_arch = "wasm32"))]
mod methods;
mod not_found;
mod search_loader;
mod show;

#[cfg(not(target_arch = "wasm32"))]
pub use embed_code::EmbedCodeView;
pub use frame::{catalogue_links, site_links, SiteFrame};
pub use home::{Home, HomePage, Listing};
#[cfg(not(target_arch = "wasm32"))]
pub use methods::MethodsView;
pub use not_found::{NotFound, NotFoundPage};
pub use show::{ShowPage, ShowRoute, ShowView};
