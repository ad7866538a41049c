//! The answer to the question every show page is asked, "will it get another season, and
//! when?": one value made from the editor's outlook or, without one, from what the data lists
//! after the work. The outlook card and the answer box under the headline both render it, so
//! that their badge, sentence, window and countdown cannot disagree.

use super::{external_link, in_languages};
use crate::browser;
use crate::bundle::{DataOutlook, DataSource, DataStatus, HistoryOdds, NativeText, Outlook, OutlookSource, Related, Show, Status, Window};
use crate::dates::{months_text, start_of_day_ms, Instant, LocalTime, PartialDate};
use crate::links::LinkToShow;
use leptos::prelude::*;

/// What the answer is made from: the show's own fields.
#[derive(Clone, Copy, Default)]
pub struct OutlookFacts<'a> {
    pub outlook: Option<&'a Outlook>,
    pub data_outlook: Option<&'a DataOutlook>,
    /// Seasons aired so far, to name the next one.
    pub seasons: Option<u32>,
    /// The work's other seasons: the data's next one is linked to its page.
    pub related: &'a [Related],
    pub data: Option<&'a DataSource>,
    /// This work's title ("Nothing after <title> is in …"); empty: "this work".
    pub title: &'a str,
}

impl<'a> OutlookFacts<'a> {
    pub fn of(show: &'a Show) -> Self {
        OutlookFacts {
            outlook: show.outlook.as_ref(),
            data_outlook: show.data_outlook.as_ref(),
            seasons: show.seasons,
            related: &show.related,
            data: show.data.as_ref(),
            title: &show.title,
        }
    }
}

/// Whose reading the answer is: the editor's outlook, or what the data lists (never to be read
/// as an announcement, hence a badge of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    Editor(Status),
    Data(DataStatus),
}

impl Reading {
    pub fn label(self) -> &'static str {
        match self {
            Reading::Editor(status) => status.label(),
            Reading::Data(status) => status.label(),
        }
    }

    pub fn badge_class(self) -> String {
        match self {
            Reading::Editor(status) => format!("ns-badge ns-badge--{}", status.key()),
            Reading::Data(status) => format!("ns-badge ns-badge--data ns-badge--data-{}", status.key()),
        }
    }
}

/// A piece of the answer's sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Date(PartialDate),
    /// Another work of the catalogue, linked to its page.
    Work { slug: String, title: String },
    /// This page's work, named (its title may be in its own language).
    This(String),
}

/// The window the editor expects the season in, or announced for its premiere.
#[derive(Clone, Debug, PartialEq)]
pub struct WindowRow {
    /// "Expected" or "Premiere".
    pub term: &'static str,
    pub window: Window,
}

/// The answer: a badge, one sentence, and the detail that matters most.
#[derive(Clone, Debug, PartialEq)]
pub struct SeasonAnswer {
    pub reading: Reading,
    pub sentence: Vec<Piece>,
    pub window: Option<WindowRow>,
    /// Whether the sentence already gives the window's one date (then the answer box leaves the
    /// window's row to the outlook card).
    pub dated_in_sentence: bool,
    /// The moment to count down to, and whether its time of day is known.
    pub countdown: Option<(i64, bool)>,
    /// What a reading of the data must not be taken for.
    pub caveat: Option<&'static str>,
    /// Where the editor read the news (the data's reading has its own credit).
    pub source: Option<OutlookSource>,
}

/// Said where there is neither an editor's outlook nor the data's.
pub const NO_OUTLOOK: &str = "No outlook has been written for this show yet.";

/// Said after the data's reading when it lists no later season: its absence from the data is no
/// sign that none was announced.
pub const NOT_LISTED_CAVEAT: &str = "A season the data does not hold yet may already have been announced.";

impl SeasonAnswer {
    /// The editor's outlook when there is one, else the data's; None without either.
    pub fn of(facts: OutlookFacts) -> Option<SeasonAnswer> {
        match (facts.outlook, facts.data_outlook) {
            (Some(outlook), _) => Some(editor_answer(outlook, facts.seasons)),
            (None, Some(data_outlook)) => Some(data_answer(data_outlook, &facts)),
            (None, None) => None,
        }
    }

    /// The sentence as plain text (dates as readers read them).
    pub fn sentence_text(&self) -> String {
        self.sentence
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) | Piece::This(text) | Piece::Work { title: text, .. } => text.clone(),
                Piece::Date(date) => date.label(),
            })
            .collect()
    }

    /// The window's row, unless the sentence gives its date already.
    pub fn answer_window(&self) -> Option<&WindowRow> {
        self.window.as_ref().filter(|_| !self.dated_in_sentence)
    }
}

/// "Season 2" and "second": how the next season is named.
struct NextSeason {
    number: Option<u32>,
}

impl NextSeason {
    /// "Season 2", else "The next season".
    fn subject(&self) -> String {
        match self.number {
            Some(n) => format!("Season {n}"),
            None => "The next season".to_string(),
        }
    }

    /// "No second season", "No season 12", "No new season".
    fn none(&self) -> String {
        const ORDINALS: [&str; 9] = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
        match self.number {
            Some(n) if (2..=10).contains(&n) => format!("No {} season", ORDINALS[n as usize - 2]),
            Some(n) => format!("No season {n}"),
            None => "No new season".to_string(),
        }
    }
}

fn text(s: impl Into<String>) -> Piece {
    Piece::Text(s.into())
}

fn editor_answer(outlook: &Outlook, seasons: Option<u32>) -> SeasonAnswer {
    let next = NextSeason { number: seasons.map(|n| n + 1) };
    let subject = next.subject();
    // The one date of a dated season: its window's, else its exact premiere's day where announced.
    let one_date = outlook.window.as_ref().filter(|w| w.to.is_none() && !w.or_later).map(|w| w.from).or_else(|| {
        outlook.premiere_at.map(|at| {
            let day = LocalTime::at(at.epoch_ms, at.offset_minutes);
            PartialDate::Day(day.year, day.month, day.day)
        })
    });
    let mut dated_in_sentence = false;
    let sentence = match outlook.status {
        Status::NoAnnouncement => vec![text(format!("{} has been announced.", next.none()))],
        Status::Announced => vec![text(format!("{subject} has been announced."))],
        Status::Dated => match one_date {
            Some(date) => {
                dated_in_sentence = true;
                let on = if matches!(date, PartialDate::Day(..)) { "on" } else { "in" };
                vec![text(format!("{subject} premieres {on} ")), Piece::Date(date), text(".")]
            }
            None => vec![text(format!("{subject} has a premiere date."))],
        },
        Status::Airing => vec![text(format!("{subject} is on the air."))],
        Status::Cancelled => vec![text(format!("{subject} has been cancelled."))],
    };
    let term = if outlook.status == Status::Dated { "Premiere" } else { "Expected" };
    SeasonAnswer {
        reading: Reading::Editor(outlook.status),
        sentence,
        window: outlook.window.clone().map(|window| WindowRow { term, window }),
        dated_in_sentence,
        countdown: countdown_target(outlook),
        caveat: None,
        source: outlook.source.clone(),
    }
}

fn data_answer(outlook: &DataOutlook, facts: &OutlookFacts) -> SeasonAnswer {
    let DataOutlook { status, next, premiere, premiere_at, summary: _, odds } = outlook;
    let status = *status;
    let source = facts.data.map_or("the data", |d| d.source.as_str());
    let as_of = facts.data.map(|d| d.as_of);
    let this = if facts.title.is_empty() { Piece::Text("this work".into()) } else { Piece::This(facts.title.to_string()) };
    let next_work = next.as_deref().and_then(|slug| facts.related.iter().find(|r| r.slug == slug));
    // What NextSeason inferred is said as its own finding, never as what the data "lists".
    let found = text(format!("NextSeason found the next season in {source}: "));
    let mut sentence = match next_work {
        Some(work) if status.has_next() => vec![found, Piece::Work { slug: work.slug.clone(), title: work.title.clone() }],
        _ => vec![found, text("it")],
    };
    let on = |sentence: &mut Vec<Piece>, lead: &str, date: Option<PartialDate>| {
        if let Some(date) = date {
            sentence.extend([text(lead), Piece::Date(date)]);
        }
    };
    match status {
        DataStatus::Airing => {
            sentence.push(text(" premiered in Japan"));
            on(&mut sentence, " on ", *premiere);
            on(&mut sentence, " and was on the air there as of ", as_of);
            sentence.push(text("."));
        }
        DataStatus::Dated | DataStatus::Aired => {
            sentence.push(text(if status == DataStatus::Dated { " premieres in Japan" } else { " premiered in Japan" }));
            on(&mut sentence, " on ", *premiere);
            sentence.push(text("."));
        }
        DataStatus::FilmsOnly => {
            sentence = vec![text("NextSeason found no later season or part of "), this, text(format!(" in {source}"))];
            on(&mut sentence, " as of ", as_of);
            sentence.push(text(": only films, recaps or specials."));
        }
        DataStatus::NothingLater => {
            sentence = vec![text("NextSeason found nothing after "), this, text(format!(" in {source}"))];
            on(&mut sentence, " as of ", as_of);
            sentence.push(text(": no later season, part or film."));
        }
    }
    // With no later season found, the answer leads with the odds from history.
    if let Some(odds) = odds.as_ref().filter(|_| !status.has_next()) {
        let mut lead = vec![text(odds_sentence(odds))];
        lead.push(text(" "));
        lead.append(&mut sentence);
        sentence = lead;
    }
    SeasonAnswer {
        reading: Reading::Data(status),
        sentence,
        window: None,
        dated_in_sentence: false,
        countdown: (status == DataStatus::Dated).then(|| countdown_to(*premiere_at, *premiere)).flatten(),
        caveat: (!status.has_next()).then_some(NOT_LISTED_CAVEAT),
        source: None,
    }
}

/// The odds from history in words, a share of a group and never a prediction about this show:
/// "About 12 % of TV first seasons that ended 2010–2019 and had waited as long as this one (3
/// years 2 months) got another season within the next two years. When one came, half came
/// within 1 year 4 months of the last episode."
pub fn odds_sentence(odds: &HistoryOdds) -> String {
    let share = match odds.percent {
        // A no-break space: the share never wraps from its sign.
        0 => "Under 1\u{a0}%".to_string(),
        p => format!("About {p}\u{a0}%"),
    };
    let mut out = format!("{share} of {} got another season within the next two years.", group_that_waited(odds));
    if let Some(half) = odds.half_within_months.filter(|_| odds.percent > 0) {
        out.push_str(&format!(" When one came, half came within {} of the last episode.", months_text(half)));
    }
    out
}

/// The odds' group and its wait: "TV first seasons that ended 2010–2019 and had waited as long
/// as this one (3 years 2 months)".
pub fn group_that_waited(odds: &HistoryOdds) -> String {
    let waited = if odds.group.contains(" that ended ") { "and had waited" } else { "that had waited" };
    format!("{} {waited} as long as this one ({})", odds.group, months_text(odds.waited_months))
}

/// The moment to count down to, and whether its time of day is known: the exact premiere, or
/// else the start of the announced day in the reader's own time zone.
fn countdown_target(outlook: &Outlook) -> Option<(i64, bool)> {
    if matches!(outlook.status, Status::Cancelled | Status::Airing) {
        return None;
    }
    let day = outlook.window.as_ref().filter(|w| w.to.is_none() && !w.or_later).map(|w| w.from);
    countdown_to(outlook.premiere_at, day)
}

/// The exact premiere if known, else the start of its day (a day, not a month or season) in the
/// reader's time zone.
fn countdown_to(at: Option<Instant>, day: Option<PartialDate>) -> Option<(i64, bool)> {
    if let Some(at) = at {
        return Some((at.epoch_ms, true));
    }
    match day? {
        PartialDate::Day(y, m, d) => {
            let utc = start_of_day_ms(y, m, d, 0);
            Some((start_of_day_ms(y, m, d, browser::utc_offset_minutes(utc)), false))
        }
        _ => None,
    }
}

/// "Will Metallic Rouge get season 2?": the question the answer answers, as a heading where the
/// answer stands alone (a widget without the article).
pub fn question(title: &str, seasons: Option<u32>) -> String {
    match seasons {
        Some(n) => format!("Will {title} get season {}?", n + 1),
        None => format!("Will {title} get another season?"),
    }
}

// The answer's parts as markup, the same wherever they are shown.

/// The reading's badge: a coloured label whose colour repeats the text, never replaces it.
pub fn badge(reading: Reading) -> AnyView {
    view! { <span class=reading.badge_class()>{reading.label()}</span> }.into_any()
}

/// The sentence: dates as `<time>`, the next season linked to its page, titles in their language.
pub fn sentence(pieces: &[Piece], native_title: Option<&NativeText>) -> AnyView {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.clone().into_any(),
            Piece::Date(date) => view! { <time datetime=date.machine()>{date.label()}</time> }.into_any(),
            Piece::Work { slug, title } => {
                let name = in_languages(title, native_title);
                view! { <LinkToShow slug=slug.clone()>{name}</LinkToShow> }.into_any()
            }
            Piece::This(title) => in_languages(title, native_title),
        })
        .collect_view()
        .into_any()
}

/// "Source: natalie.mu, May 1, 2026": the site linked to the page (in a new tab, without the
/// page's address), and the day of the news. Text only: the link's name is the site's host.
pub fn source_line(source: &OutlookSource, class: &'static str) -> AnyView {
    let site = source.site().unwrap_or_else(|| source.url.clone());
    view! {
        <p class=class>
            "Source: "{external_link(&source.url, site.into_any())}", "
            <time datetime=source.date.machine()>{source.date.label()}</time>
        </p>
    }
    .into_any()
}

/// The window as a row of a description list: "Expected | 2025 or later (known to the year)".
pub fn window_row(row: &WindowRow) -> AnyView {
    let WindowRow { term, window } = row;
    view! {
        <div class="ns-sheet__row">
            <dt>{*term}</dt>
            <dd>
                <time datetime=window.from.machine()>{window.label()}</time>
                <span class="ns-precision">{format!(" (known to the {})", window.precision().label())}</span>
            </dd>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{DataSource, Relation};

    fn outlook(status: Status, window: Option<&str>, premiere_at: Option<&str>) -> Outlook {
        Outlook {
            status,
            summary: Some("Synthetic: the editor's reasoning.".into()),
            window: window.map(|w| serde_json::from_str(w).unwrap()),
            premiere_at: premiere_at.map(|at| Instant::parse(at).unwrap()),
            source: None,
        }
    }

    fn editor(outlook: &Outlook, seasons: Option<u32>) -> SeasonAnswer {
        SeasonAnswer::of(OutlookFacts { outlook: Some(outlook), seasons, ..Default::default() }).unwrap()
    }

    #[test]
    fn the_editors_outlook_for_every_status() {
        let expected = Some(r#"{"from":"2025","or_later":true}"#);
        let none = editor(&outlook(Status::NoAnnouncement, expected, None), Some(1));
        assert_eq!(none.reading, Reading::Editor(Status::NoAnnouncement));
        assert_eq!(none.sentence_text(), "No second season has been announced.");
        let row = none.answer_window().unwrap();
        assert_eq!((row.term, row.window.label()), ("Expected", "2025 or later".to_string()));
        assert_eq!((none.countdown, none.caveat), (None, None));

        let announced = editor(&outlook(Status::Announced, Some(r#"{"from":"2026-fall"}"#), None), Some(2));
        assert_eq!(announced.sentence_text(), "Season 3 has been announced.");
        assert_eq!(announced.answer_window().unwrap().window.label(), "Fall 2026");
        assert_eq!(announced.countdown, None, "no countdown to a season of the year");

        let dated = editor(&outlook(Status::Dated, Some(r#"{"from":"2026-01-16"}"#), None), Some(1));
        assert_eq!(dated.sentence_text(), "Season 2 premieres on January 16, 2026.");
        assert!(dated.sentence.contains(&Piece::Date(PartialDate::Day(2026, 1, 16))));
        assert_eq!(dated.window.as_ref().unwrap().term, "Premiere");
        assert!(dated.answer_window().is_none(), "the date is in the sentence already");
        // Natively the reader's zone is UTC: the start of the day there.
        assert_eq!(dated.countdown, Some((start_of_day_ms(2026, 1, 16, 0), false)));

        let exact = editor(&outlook(Status::Dated, None, Some("2027-01-10T23:00:00+09:00")), Some(1));
        assert_eq!(exact.sentence_text(), "Season 2 premieres on January 10, 2027.", "the day where it was announced");
        assert_eq!(exact.countdown, Some((Instant::parse("2027-01-10T23:00:00+09:00").unwrap().epoch_ms, true)));

        let month = editor(&outlook(Status::Dated, Some(r#"{"from":"2026-04"}"#), None), None);
        assert_eq!(month.sentence_text(), "The next season premieres in April 2026.");
        assert_eq!(month.countdown, None);

        let airing = editor(&outlook(Status::Airing, Some(r#"{"from":"2026-01-16"}"#), None), Some(1));
        assert_eq!(airing.sentence_text(), "Season 2 is on the air.");
        assert_eq!(airing.countdown, None);

        let cancelled = editor(&outlook(Status::Cancelled, None, None), Some(1));
        assert_eq!((cancelled.sentence_text(), cancelled.window.clone(), cancelled.countdown), ("Season 2 has been cancelled.".into(), None, None));
    }

    #[test]
    fn the_next_season_is_named_by_its_number() {
        let none = |seasons| editor(&outlook(Status::NoAnnouncement, None, None), seasons).sentence_text();
        assert_eq!(none(Some(2)), "No third season has been announced.");
        assert_eq!(none(Some(9)), "No tenth season has been announced.");
        assert_eq!(none(Some(11)), "No season 12 has been announced.");
        assert_eq!(none(None), "No new season has been announced.");
        assert_eq!(question("Metallic Rouge", Some(1)), "Will Metallic Rouge get season 2?");
        assert_eq!(question("Metallic Rouge", None), "Will Metallic Rouge get another season?");
    }

    fn data_facts(status: DataStatus) -> (DataOutlook, Vec<Related>, DataSource) {
        let outlook = DataOutlook {
            status,
            summary: String::new(),
            next: status.has_next().then(|| "synthetic-next".into()),
            premiere: status.has_next().then_some(PartialDate::Day(2024, 7, 18)),
            premiere_at: None,
            odds: None,
        };
        let related = vec![Related {
            slug: "synthetic-next".into(),
            title: "Synthetic: The Next Arc".into(),
            kind: None,
            premiere: Some(PartialDate::Day(2024, 7, 18)),
            relation: Relation::Sequel,
            reason: None,
        }];
        let data = DataSource { source: "bangumi-data".into(), version: "0.3.208".into(), as_of: PartialDate::Day(2026, 5, 15), license: "CC BY 4.0".into() };
        (outlook, related, data)
    }

    fn from_data(status: DataStatus) -> SeasonAnswer {
        let (outlook, related, data) = data_facts(status);
        let facts = OutlookFacts { data_outlook: Some(&outlook), related: &related, data: Some(&data), title: "Synthetic", ..Default::default() };
        SeasonAnswer::of(facts).unwrap()
    }

    #[test]
    fn the_odds_from_history_lead_the_answer_as_a_share_of_a_group() {
        let (mut outlook, related, data) = data_facts(DataStatus::NothingLater);
        outlook.odds = Some(HistoryOdds { percent: 12, group: "TV first seasons that ended 2010–2019".into(), population: 1385, waited_months: 38, half_within_months: Some(16), within: Vec::new() });
        let facts = OutlookFacts { data_outlook: Some(&outlook), related: &related, data: Some(&data), title: "Synthetic", ..Default::default() };
        let answer = SeasonAnswer::of(facts).unwrap();
        assert_eq!(
            answer.sentence_text(),
            "About 12\u{a0}% of TV first seasons that ended 2010–2019 and had waited as long as this one (3 years 2 months) got another season within the next two years. \
             When one came, half came within 1 year 4 months of the last episode. \
             NextSeason found nothing after Synthetic in bangumi-data as of May 15, 2026: no later season, part or film."
        );
        assert_eq!(answer.reading, Reading::Data(DataStatus::NothingLater), "never an announcement");
        let odds = HistoryOdds { percent: 0, group: "web seasons".into(), population: 271, waited_months: 1, half_within_months: Some(3), within: Vec::new() };
        assert_eq!(odds_sentence(&odds), "Under 1\u{a0}% of web seasons that had waited as long as this one (1 month) got another season within the next two years.");
    }

    #[test]
    fn the_datas_outlook_for_every_status() {
        let aired = from_data(DataStatus::Aired);
        assert_eq!(aired.reading, Reading::Data(DataStatus::Aired));
        assert_eq!(aired.sentence_text(), "NextSeason found the next season in bangumi-data: Synthetic: The Next Arc premiered in Japan on July 18, 2024.");
        assert!(aired.sentence.contains(&Piece::Work { slug: "synthetic-next".into(), title: "Synthetic: The Next Arc".into() }));
        assert_eq!((aired.countdown, aired.caveat, aired.window.clone()), (None, None, None));

        let airing = from_data(DataStatus::Airing);
        assert_eq!(
            airing.sentence_text(),
            "NextSeason found the next season in bangumi-data: Synthetic: The Next Arc premiered in Japan on July 18, 2024 and was on the air there as of May 15, 2026."
        );
        assert_eq!(airing.countdown, None);

        let dated = from_data(DataStatus::Dated);
        assert_eq!(dated.sentence_text(), "NextSeason found the next season in bangumi-data: Synthetic: The Next Arc premieres in Japan on July 18, 2024.");
        assert_eq!(dated.countdown, Some((start_of_day_ms(2024, 7, 18, 0), false)));

        let films = from_data(DataStatus::FilmsOnly);
        assert_eq!(films.sentence_text(), "NextSeason found no later season or part of Synthetic in bangumi-data as of May 15, 2026: only films, recaps or specials.");
        assert_eq!(films.caveat, Some(NOT_LISTED_CAVEAT));

        let nothing = from_data(DataStatus::NothingLater);
        assert_eq!(nothing.sentence_text(), "NextSeason found nothing after Synthetic in bangumi-data as of May 15, 2026: no later season, part or film.");
        assert!(nothing.sentence.contains(&Piece::This("Synthetic".into())));
        assert_eq!((nothing.caveat, nothing.countdown), (Some(NOT_LISTED_CAVEAT), None));
        assert_ne!(nothing.reading.label(), Status::NoAnnouncement.label(), "never read as not announced");
    }

    #[test]
    fn the_editor_wins_and_nothing_gives_no_answer() {
        let (data_outlook, related, data) = data_facts(DataStatus::Aired);
        let mine = outlook(Status::Announced, None, None);
        let both = OutlookFacts { outlook: Some(&mine), data_outlook: Some(&data_outlook), related: &related, data: Some(&data), seasons: Some(1), title: "S" };
        assert_eq!(SeasonAnswer::of(both).unwrap().reading, Reading::Editor(Status::Announced));
        assert_eq!(SeasonAnswer::of(OutlookFacts::default()), None);
        // A next season missing from related is named, not linked.
        let unlinked = OutlookFacts { data_outlook: Some(&data_outlook), data: Some(&data), ..Default::default() };
        assert_eq!(SeasonAnswer::of(unlinked).unwrap().sentence_text(), "NextSeason found the next season in bangumi-data: it premiered in Japan on July 18, 2024.");
    }

    #[test]
    fn badges_keep_the_editors_and_the_datas_apart() {
        assert_eq!(Reading::Editor(Status::NoAnnouncement).badge_class(), "ns-badge ns-badge--no-announcement");
        assert_eq!(Reading::Data(DataStatus::NothingLater).badge_class(), "ns-badge ns-badge--data ns-badge--data-nothing-later");
        assert_eq!(Reading::Data(DataStatus::Aired).label(), "Next season aired");
    }
}
