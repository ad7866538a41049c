//! The data's season chains as the odds count them ([`crate::odds`]): every TV or web season or
//! part that ended, how many came before it in its continuity, and its next one's premiere.

use super::facts::Work;
use crate::bundle::WorkKind;
use crate::dates::days_from_civil;
use crate::franchise::{Franchises, Role};
use crate::odds::Season;

/// The seasons of `works` for the odds, in the works' order.
pub fn seasons(works: &[Work], franchises: &Franchises) -> Vec<Season> {
    let is_season = |w: usize| matches!(works[w].kind, WorkKind::Tv | WorkKind::Web) && matches!(franchises.roles[w], Role::Season | Role::Part);
    let mut previous: Vec<Option<usize>> = vec![None; works.len()];
    for (w, next) in franchises.next.iter().enumerate() {
        if let Some(n) = *next {
            previous[n] = Some(w);
        }
    }
    let day = |(y, m, d): (i32, u8, u8)| days_from_civil(y, m, d);
    (0..works.len())
        .filter(|&w| is_season(w))
        .filter_map(|w| {
            let work = &works[w];
            let (began, ended) = (work.premiere()?.earliest_day(), work.ends()?.earliest_day());
            let earlier = std::iter::successors(previous[w], |&p| previous[p]).take(works.len()).count();
            let next = franchises.next[w].and_then(|n| works[n].premiere()).map(|p| day(p.earliest_day()));
            Some(Season { web: work.kind == WorkKind::Web, earlier, began: day(began), ended: day(ended), next })
        })
        .collect()
}
