//! Latin names for works the data names in Japanese only (native only: the importer's).
//!
//! A work's Latin name is, in this order of trust: its editor's title; the data's English title;
//! a name **derived** from its franchise (a later season of a work with an English title: "Frieren:
//! Beyond Journey's End Season 2"); the native title's **romaji**, read at set-up time by
//! `.ci/readings/readings.py` ([`Readings`]). The importer picks; this module makes the derived
//! names and reads the readings.

use crate::franchise::markers::MarkerKind;
use crate::franchise::title::Form;
use std::collections::HashMap;

/// The romaji of the data's Japanese titles, as `.ci/bangumi-data/readings.json` holds them: a
/// title the reader could not read whole has none.
#[derive(Clone, Debug, Default)]
pub struct Readings {
    by_title: HashMap<String, String>,
    /// Whole readings the dictionary was unsure of: for addresses only, never a shown name.
    unsure: HashMap<String, String>,
    /// The loanwords of a title spelled as in English ("Queen Circus"): for search only.
    spelled: HashMap<String, String>,
}

impl Readings {
    /// Reads the file's JSON: `{"readings": {"<native title>": "<romaji>" | null, …},
    /// "unsure": {"<native title>": "<romaji>", …}, "spelled": {"<native title>": "<words>", …}}`
    /// (`unsure` and `spelled` may be absent).
    pub fn parse(text: &str) -> Result<Readings, String> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let map = value.get("readings").and_then(|r| r.as_object()).ok_or("has no \"readings\" object")?;
        let read = |map: &serde_json::Map<String, serde_json::Value>, field: &str| -> Result<HashMap<String, String>, String> {
            let mut by_title = HashMap::new();
            for (title, reading) in map {
                match reading {
                    serde_json::Value::Null if field == "readings" => {}
                    serde_json::Value::String(r) if is_reading(r) => {
                        by_title.insert(title.clone(), r.clone());
                    }
                    other => return Err(format!("{field}: the reading of {title:?} is {other}, not a romaji string{}", if field == "readings" { " or null" } else { "" })),
                }
            }
            Ok(by_title)
        };
        let by_title = read(map, "readings")?;
        let optional = |field: &str| match value.get(field) {
            None => Ok(HashMap::new()),
            Some(serde_json::Value::Object(map)) => read(map, field),
            Some(_) => Err(format!("\"{field}\" is not an object")),
        };
        Ok(Readings { by_title, unsure: optional("unsure")?, spelled: optional("spelled")? })
    }

    /// A whole reading of a title that has no sure one: good enough for an address in Latin
    /// letters, not for a name shown as the title's reading.
    pub fn unsure_of(&self, native: &str) -> Option<&str> {
        self.unsure.get(native).map(String::as_str)
    }

    /// The title's loanwords as fans spell them in English, when its reading transliterates
    /// them: words for search to find, never a name.
    pub fn spelled_of(&self, native: &str) -> Option<&str> {
        self.spelled.get(native).map(String::as_str)
    }

    /// The romaji of a native title, when it was read.
    pub fn of(&self, native: &str) -> Option<&str> {
        self.by_title.get(native).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.by_title.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_title.is_empty()
    }
}

/// Latin letters, digits and the punctuation titles use: no control characters, no kana left.
fn is_reading(text: &str) -> bool {
    !text.trim().is_empty() && text.is_ascii() && !text.chars().any(|c| c.is_ascii_control()) && text.chars().any(|c| c.is_ascii_alphabetic())
}

/// The English name of a later season, derived from its franchise's first season: that
/// season's English title with the season or part the native title numbers, and nothing else.
/// `native` and `first_native` must be one name once their markers are off (`葬送のフリーレン
/// (第2期)` and `葬送のフリーレン`); the first must carry no number of its own. A title with an
/// arc's name, a sequel word or any other marker gets no derived name: its number alone would not
/// say what it is. Nor does a season number higher than one more than the works of its name
/// before it (`earlier`): a number that is part of the name (`ブラック・ジャック21`,
/// `サイバーフォーミュラ11`) is no season's.
pub fn derived(native: &str, first_native: &str, first_english: &str, earlier: usize) -> Option<String> {
    let (form, first) = (Form::of(native), Form::of(first_native));
    if form.stem != first.stem || !first.markers.is_empty() || form.markers.is_empty() {
        return None;
    }
    if form.markers.iter().any(|m| !matches!(m.kind, MarkerKind::Season | MarkerKind::Part) || m.number.is_none()) {
        return None;
    }
    let english = Form::of(first_english);
    if english.markers.iter().any(|m| matches!(m.kind, MarkerKind::Season | MarkerKind::Part)) {
        return None;
    }
    let mut name = first_english.trim().to_string();
    for kind in [MarkerKind::Season, MarkerKind::Part] {
        let Some(marker) = form.marker(kind) else { continue };
        let n = marker.number?;
        if kind == MarkerKind::Season && n as usize > earlier + 1 {
            return None;
        }
        let roman = marker.text.chars().all(|c| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x') || ('\u{2160}'..='\u{217f}').contains(&c));
        match kind {
            MarkerKind::Season if roman => name = format!("{name} {}", to_roman(n)?),
            MarkerKind::Season => name = format!("{name} Season {n}"),
            _ => name = format!("{name} Part {n}"),
        }
    }
    Some(name)
}

fn to_roman(n: u32) -> Option<&'static str> {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"].get((n as usize).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_seasons_take_the_first_seasons_english_name() {
        let frieren = "Frieren: Beyond Journey's End";
        assert_eq!(derived("葬送のフリーレン(第2期)", "葬送のフリーレン", frieren, 1).as_deref(), Some("Frieren: Beyond Journey's End Season 2"));
        assert_eq!(derived("モブサイコ100III", "モブサイコ100", "Mob Psycho 100", 2).as_deref(), Some("Mob Psycho 100 III"));
        assert_eq!(derived("SPY×FAMILY(第2クール)", "SPY×FAMILY", "SPY x FAMILY", 1).as_deref(), Some("SPY x FAMILY Part 2"));
        assert_eq!(derived("進撃の巨人 Season 3 Part.2", "進撃の巨人", "Attack on Titan", 3).as_deref(), Some("Attack on Titan Season 3 Part 2"));
    }

    #[test]
    fn a_name_is_derived_only_from_a_number() {
        // An arc, a sequel word, another name, or a first season that is numbered itself.
        assert_eq!(derived("鬼滅の刃 遊郭編", "鬼滅の刃", "Demon Slayer", 1), None);
        assert_eq!(derived("続 夏目友人帳", "夏目友人帳", "Natsume's Book of Friends", 1), None);
        assert_eq!(derived("かぐや様は告らせたい-ウルトラロマンティック-", "かぐや様は告らせたい～天才たちの恋愛頭脳戦～", "Kaguya-sama: Love Is War", 2), None);
        assert_eq!(derived("グラゼニ 第3期", "グラゼニ 第2期", "Grazeni", 2), None);
        assert_eq!(derived("葬送のフリーレン(第2期)", "葬送のフリーレン", "Frieren Season 1", 1), None, "an English title that numbers itself");
        assert_eq!(derived("葬送のフリーレン", "葬送のフリーレン", "Frieren", 1), None, "no marker: the same work's name");
        // A number in the name: the 21st season of a franchise with one work before it.
        assert_eq!(derived("ブラック・ジャック21", "ブラック・ジャック", "Black Jack", 1), None);
        assert_eq!(derived("ブラック・ジャック2", "ブラック・ジャック", "Black Jack", 1).as_deref(), Some("Black Jack Season 2"));
    }

    #[test]
    fn readings_are_latin_or_left_out() {
        let r = Readings::parse(r#"{"readings": {"薬屋のひとりごと": "Kusuriya no Hitorigoto", "肆": null}}"#).unwrap();
        assert_eq!(r.of("薬屋のひとりごと"), Some("Kusuriya no Hitorigoto"));
        assert_eq!(r.of("肆"), None);
        assert_eq!(r.len(), 1);
        assert!(Readings::parse(r#"{"readings": {"x": "ふりーれん"}}"#).unwrap_err().contains("not a romaji"));
        assert!(Readings::parse(r#"{"readings": {"x": 3}}"#).is_err());
        assert!(Readings::parse("[]").is_err());
    }

    #[test]
    fn unsure_readings_are_kept_apart_for_addresses() {
        let r = Readings::parse(r#"{"readings": {"鬼滅の刃": null}, "unsure": {"鬼滅の刃": "Oni Metsu no Yaiba"}}"#).unwrap();
        assert_eq!(r.of("鬼滅の刃"), None, "never a shown name");
        assert_eq!(r.unsure_of("鬼滅の刃"), Some("Oni Metsu no Yaiba"));
        assert!(Readings::parse(r#"{"readings": {}, "unsure": {"x": null}}"#).unwrap_err().contains("unsure"));
        assert!(Readings::parse(r#"{"readings": {}, "unsure": []}"#).is_err());
    }
}
