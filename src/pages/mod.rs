//! One module per route, and the frame around them.

mod frame;
mod home;
mod methods;
mod not_found;
mod show;

pub use frame::{site_links, SiteFrame};
pub use home::{Home, HomePage, Listing};
pub use methods::{MethodsPage, MethodsView};
pub use not_found::{NotFound, NotFoundPage};
pub use show::{ShowPage, ShowView};
