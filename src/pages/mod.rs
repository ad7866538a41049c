//! One module per route, and the frame around them.

mod frame;
mod home;
#[cfg(not(target_arch = "wasm32"))]
mod methods;
mod not_found;
mod search_loader;
mod show;

pub use frame::{site_links, SiteFrame};
pub use home::{Home, HomePage, Listing};
#[cfg(not(target_arch = "wasm32"))]
pub use methods::MethodsView;
pub use not_found::{NotFound, NotFoundPage};
pub use show::{ShowPage, ShowView};
