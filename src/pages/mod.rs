//! One module per route, and the frame around them.

mod frame;
mod home;
mod not_found;
mod show;

pub use frame::{site_links, SiteFrame};
pub use home::{Home, HomePage, Listing};
pub use not_found::{NotFound, NotFoundPage};
pub use show::{ShowPage, ShowView};
