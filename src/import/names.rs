//! Each work's Latin name ([`crate::names`]): the data's English title, else one derived from
//! its franchise's first season, else its romaji; and its romaji for the technical sheet.

use super::facts::Work;
use crate::bundle::TitleMade;
use crate::franchise::title::Form;
use crate::franchise::Franchises;
use crate::names::{derived, Readings};
use super::slugs::title_slug;

/// How a work was named, beside the title now in `Work::title`.
#[derive(Clone, Debug, Default)]
pub struct Naming {
    pub made: Option<TitleMade>,
    pub romaji: Option<String>,
    /// The loanwords of the native title spelled as in English: for search.
    pub spelled: Option<String>,
}

impl Naming {
    /// Where the name came from, for the report's count (an editor's file counts as "editor").
    pub fn source(&self, work: &Work) -> &'static str {
        match self.made {
            Some(TitleMade::Derived) => "derived",
            Some(TitleMade::Romaji) => "romaji",
            None if !work.en.is_empty() => "english",
            None => "native",
        }
    }
}

/// Names every work without an English title, and reads every Japanese title's romaji.
pub fn name(works: &mut [Work], franchises: &Franchises, readings: &Readings) -> Vec<Naming> {
    let mut naming: Vec<Naming> = works
        .iter()
        .map(|w| {
            let japanese = japanese(w);
            Naming {
                made: None,
                romaji: readings.of(&w.native).filter(|_| japanese).map(str::to_string),
                spelled: japanese.then(|| searched(readings, &w.native)).flatten(),
            }
        })
        .collect();
    let stems: Vec<String> = works.iter().map(|w| Form::of(&w.native).stem).collect();
    for w in 0..works.len() {
        if !works[w].en.is_empty() {
            continue;
        }
        let begin = works[w].begin.map(|b| b.epoch_ms);
        let earlier = franchises.continuity(w).iter().filter(|&&b| b != w && stems[b] == stems[w] && works[b].begin.map(|x| x.epoch_ms) < begin && works[b].begin.is_some()).count();
        // The earliest work of the continuity whose English title this one's number continues.
        let from_first = franchises
            .continuity(w)
            .iter()
            .filter(|&&b| b != w)
            .find_map(|&b| derived(&works[w].native, &works[b].native, works[b].en.first()?, earlier));
        if let Some(title) = from_first {
            works[w].title = title;
            naming[w].made = Some(TitleMade::Derived);
        } else if let Some(romaji) = naming[w].romaji.clone() {
            works[w].title = romaji;
            naming[w].made = Some(TitleMade::Romaji);
        }
    }
    naming
}

/// What a work's slug is made of: its Latin name (the data's English title, a derived name or
/// the romaji), else its own title when written in Latin letters, else the reading the
/// dictionary was unsure of (good enough for an address, never shown as a name); None when the
/// work has no reading at all.
pub fn slug_base(work: &Work, naming: &Naming, readings: &Readings) -> Option<String> {
    let named = match naming.made {
        Some(_) => title_slug(&work.title),
        None => work.en.iter().find_map(|t| title_slug(t)),
    };
    named
        .or_else(|| title_slug(&work.native))
        .or_else(|| japanese(work).then(|| readings.unsure_of(&work.native)).flatten().and_then(title_slug))
}

/// What search reads of a title beyond its names: its loanwords as spelled in English, and,
/// where the dictionary was unsure of its words, that reading (a fan may type it so; it is
/// never shown).
fn searched(readings: &Readings, native: &str) -> Option<String> {
    let words: Vec<&str> = readings.unsure_of(native).into_iter().chain(readings.spelled_of(native)).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn japanese(work: &Work) -> bool {
    work.lang.as_deref() == Some("ja")
}
