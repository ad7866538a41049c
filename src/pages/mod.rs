//! One module per route.

mod home;
mod not_found;
mod show;

pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use show::{ShowPage, ShowView};
