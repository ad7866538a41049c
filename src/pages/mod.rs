//! One module per route.

mod home;
mod not_found;
mod show;

pub use home::{Home, HomePage, Listing};
pub use not_found::{NotFound, NotFoundPage};
pub use show::{ShowPage, ShowView};
