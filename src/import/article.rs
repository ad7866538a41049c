//! The short text of a generated shard, written from the facts of the data and nothing else:
//! what the work is and when it aired, and its story so far ([`super::story`]); and the data's
//! outlook (`outlook_summary`), which the answer box shows and the article does not repeat. It is
//! marked `generated`, and says that it only reports the data: a season missing from the data is
//! unknown to it, never "not announced".

use super::facts::Work;
use super::seasons::{After, Stands};
use super::Release;
use crate::bundle::{Article, DataStatus, Section, WorkKind};
use crate::dates::PartialDate;
use crate::franchise::markers::MarkerKind;
use crate::franchise::title::Form;

/// "Will Sengoku Youko get a season 2?"; another season after a first (by its links, or by its
/// own title: モブサイコ100III is a third season whatever the data holds before it); a sequel to a
/// film.
pub fn headline(work: &Work, has_prequel: bool) -> String {
    let marked = Form::of(&work.native);
    let later = marked.season().is_some_and(|n| n >= 2) || marked.has(MarkerKind::Part) || marked.has(MarkerKind::Sequel) || marked.has(MarkerKind::Arc);
    match work.kind {
        WorkKind::Movie => format!("Will {} get a sequel?", work.title),
        _ if has_prequel || later => format!("Will {} get another season?", work.title),
        _ => format!("Will {} get a season 2?", work.title),
    }
}

/// A work named in a sentence: its title and, when it has one, its first day in Japan.
pub struct Named {
    pub title: String,
    pub premiere: Option<PartialDate>,
    pub ends: Option<PartialDate>,
}

/// The data's outlook for a work, in sentences, and its status. A later season is NextSeason's
/// own finding (its franchises), and said so: never as a fact the data "lists".
pub fn outlook_summary(title: &str, after: &After, named: &dyn Fn(usize) -> Named, release: &Release) -> (DataStatus, String) {
    let as_of = release.as_of.label();
    match after {
        After::Next { work, stands, part } => {
            let next = named(*work);
            let what = if *part { "a later part" } else { "a later season" };
            let on = next.premiere.map(|d| format!(" on {}", d.label())).unwrap_or_default();
            let found = format!("NextSeason found {what} of {title} in bangumi-data (as of {as_of})");
            match stands {
                Stands::Aired => {
                    let ended = next.ends.map(|d| format!(", and its last episode aired on {}", d.label())).unwrap_or_default();
                    (DataStatus::Aired, format!("{found}: {} premiered in Japan{on}{ended}.", next.title))
                }
                Stands::Airing => {
                    let end = match next.ends {
                        Some(d) => format!("its last episode is listed for {}", d.label()),
                        None => "the data gives no end date".to_string(),
                    };
                    (DataStatus::Airing, format!("{found}, on the air: {} premiered in Japan{on}; {end}.", next.title))
                }
                Stands::Dated => (DataStatus::Dated, format!("{found}, dated: {} is set to premiere in Japan{on}.", next.title)),
            }
        }
        After::FilmsOnly(later) => {
            let mut names: Vec<String> = later
                .iter()
                .take(3)
                .map(|&i| {
                    let w = named(i);
                    match w.premiere {
                        Some(d) => format!("{} ({})", w.title, d.label()),
                        None => w.title,
                    }
                })
                .collect();
            if later.len() > 3 {
                names.push(format!("{} more", later.len() - 3));
            }
            (
                DataStatus::FilmsOnly,
                format!(
                    "NextSeason found no later TV or web season of {title} in bangumi-data (as of {as_of}), only films, recaps or specials: {}. The data may not hold a later season yet: this is not a statement that none has been announced.",
                    list(&names)
                ),
            )
        }
        After::Nothing => (
            DataStatus::NothingLater,
            format!(
                "NextSeason found no later season of {title} in bangumi-data (as of {as_of}): no later season, part or film. The data may not hold one yet: this is not a statement that none has been announced."
            ),
        ),
    }
}

/// "A", "A and B", "A, B and C".
fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

/// The generated article of a work: the headline, what the work is, where the text comes from,
/// and its story so far. Not the outlook: the answer box under the headline gives it.
pub fn article(work: &Work, has_prequel: bool, story: Option<Section>, release: &Release) -> Article {
    let as_of = release.as_of.earliest_day();
    let past = |d: PartialDate| d.earliest_day() <= as_of;
    let mut facts = format!("{}{}", work.title, if work.native != work.title { format!(" ({})", work.native) } else { String::new() });
    // No country: the data's `lang` is its title's language, not where the work was made (Arcane
    // is listed under its Japanese title), and the native title already carries it.
    let described = match work.kind {
        WorkKind::Tv => "TV anime",
        WorkKind::Web => "web anime",
        WorkKind::Movie => "anime film",
        WorkKind::Ova => "OVA",
    };
    let a = if described.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    facts.push_str(&format!(" is {a} {described}"));
    match (work.kind, work.premiere()) {
        (WorkKind::Movie, Some(d)) if past(d) => facts.push_str(&format!(" released in Japan on {}.", d.label())),
        (WorkKind::Movie, Some(d)) => facts.push_str(&format!(" set for release in Japan on {}.", d.label())),
        (WorkKind::Ova, Some(d)) if past(d) => facts.push_str(&format!(" first released on {}.", d.label())),
        (_, Some(d)) if past(d) => facts.push_str(&format!(" that premiered in Japan on {}.", d.label())),
        (_, Some(d)) => facts.push_str(&format!(" set to premiere in Japan on {}.", d.label())),
        (_, None) => facts.push('.'),
    }
    let ended = work.ends().filter(|d| past(*d));
    if let Some(slot) = &work.slot {
        let verb = if ended.is_some() { "was" } else { "is" };
        facts.push_str(&format!(" In Japan it {verb} broadcast weekly on {}s at {} ({}).", slot.weekday.label(), slot.time, slot.zone));
    }
    match (work.kind, work.ends()) {
        (WorkKind::Ova, Some(d)) if past(d) => facts.push_str(&format!(" Its last volume came out on {}.", d.label())),
        (WorkKind::Tv | WorkKind::Web, Some(d)) if past(d) => facts.push_str(&format!(" Its last episode aired on {}.", d.label())),
        (WorkKind::Tv | WorkKind::Web, Some(d)) => facts.push_str(&format!(" Its last episode is listed for {}.", d.label())),
        _ => {}
    }
    let credit = format!(
        "This text was written automatically from bangumi-data {} (as of {}), a public list of anime and where they air (CC BY 4.0). It states what the data holds and what NextSeason found in it, nothing more.",
        release.version,
        release.as_of.label()
    );
    Article {
        headline: headline(work, has_prequel),
        intro: vec![facts, credit],
        sections: story.into_iter().collect(),
        footnotes: Vec::new(),
        author: None,
        published: None,
        updated: None,
        generated: true,
    }
}
