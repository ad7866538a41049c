use super::calendar::{calendar_files, Follow, Start};
use super::*;
use crate::bundle::{decode_show, Show};

fn shipped(slug: &str) -> Show {
    let text = std::fs::read_to_string(format!("{}/public/data/shows/{slug}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    decode_show(&text, slug).unwrap()
}

/// A show on the air on the data's date, with its next season dated ahead.
fn airing_pair() -> Vec<Show> {
    let mut first = shipped("metallic-rouge");
    first.slug = "first".into();
    first.title = "First, the show".into();
    first.premiere = Some(PartialDate::Day(2026, 4, 3));
    first.ends = None;
    first.broadcast = Some(crate::bundle::BroadcastSlot { weekday: crate::bundle::Weekday::Friday, time: "23:30".into(), zone: "JST".into() });
    first.data = Some(crate::bundle::DataSource { source: "bangumi-data".into(), version: "0.3.208".into(), as_of: PartialDate::Day(2026, 5, 15), license: "CC BY 4.0".into() });
    first.outlook = None;
    let mut next = first.clone();
    next.slug = "second".into();
    next.title = "Second; the show".into();
    next.premiere = Some(PartialDate::Day(2026, 10, 2));
    first.data_outlook = Some(crate::bundle::DataOutlook {
        status: crate::bundle::DataStatus::Dated,
        summary: String::new(),
        next: Some("second".into()),
        premiere: Some(PartialDate::Day(2026, 10, 2)),
        premiere_at: None,
        odds: None,
    });
    vec![first, next]
}

#[test]
fn a_show_on_the_air_and_its_dated_next_season_have_calendars_with_stable_uids() {
    let shows = airing_pair();
    let follow = Follow::new(&shows, "https://nextseason.example");
    assert!(has_calendar(&shows[0]) && has_calendar(&shows[1]));
    let calendar = follow.show_calendar(&shows[0]).unwrap();
    let uids: Vec<&str> = calendar.events.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(uids, ["weekly-second@nextseason.example", "weekly-first@nextseason.example"]);
    // The next season's slot starts on its premiere, a Friday, at the slot's time in Japan.
    assert_eq!(calendar.events[0].start, Start::InJapan { day: (2026, 10, 2), hour: 23, minute: 30 });
    let ics = calendar.to_ics(PartialDate::Day(2026, 5, 15));
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=FR\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;TZID=Asia/Tokyo:20261002T233000\r\n"));
    assert!(ics.contains("SUMMARY:Second\\; the show: new episode\r\n"));
    // Written again from the same facts: the same bytes.
    assert_eq!(ics, Follow::new(&shows, "https://nextseason.example").show_calendar(&shows[0]).unwrap().to_ics(PartialDate::Day(2026, 5, 15)));
}

#[test]
fn a_known_last_episode_ends_the_weekly_rule_in_utc() {
    let mut shows = airing_pair();
    shows[0].ends = Some(PartialDate::Day(2026, 6, 26));
    let follow = Follow::new(&shows, "https://nextseason.example");
    let ics = follow.show_calendar(&shows[0]).unwrap().to_ics(PartialDate::Day(2026, 5, 15));
    // 23:30 in Japan on June 26 is 14:30 UTC.
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20260626T143000Z\r\n"), "{ics}");
}

#[test]
fn a_show_that_ended_before_the_data_date_with_nothing_ahead_has_no_calendar() {
    let mut shows = airing_pair();
    shows[0].ends = Some(PartialDate::Day(2026, 3, 27));
    shows[0].data_outlook = None;
    assert!(!has_calendar(&shows[0]));
    assert!(Follow::new(&shows, "https://nextseason.example").show_calendar(&shows[0]).is_none());
    // Its premiere is within the data's twelve months: in the site's calendar, all day.
    let files = calendar_files(&Follow::new(&shows, "https://nextseason.example"), &shows);
    assert!(files["calendar.ics"].contains("UID:premiere-first@nextseason.example\r\n"));
    assert!(!files.contains_key("shows/first/calendar.ics"));
}

#[test]
fn the_editors_dated_premiere_is_an_event_and_an_entry() {
    let mut show = shipped("metallic-rouge");
    show.outlook = Some(crate::bundle::Outlook {
        status: crate::bundle::Status::Dated,
        summary: None,
        window: None,
        premiere_at: Some(crate::dates::Instant::parse("2027-01-10T23:30:00+09:00").unwrap()),
        source: Some(crate::bundle::OutlookSource { url: "https://example.org/news/1".into(), date: PartialDate::Day(2026, 11, 2) }),
    });
    let shows = vec![show];
    let follow = Follow::new(&shows, "https://nextseason.example");
    let ics = follow.show_calendar(&shows[0]).unwrap().to_ics(PartialDate::Day(2026, 5, 15));
    assert!(ics.contains("DTSTART:20270110T143000Z\r\n"), "{ics}");
    let changes = follow.changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].key, "shows/metallic-rouge/outlook/dated/2026-11-02");
    let feed = atom::feed(&changes, "https://nextseason.example", 0);
    assert!(feed.contains("<id>tag:nextseason.example,2026:shows/metallic-rouge/outlook/dated/2026-11-02</id>"), "{feed}");
    assert!(feed.contains("<updated>2026-11-01T15:00:00Z</updated>"));
}

#[test]
fn feed_text_is_escaped_and_holds_no_control_character() {
    let mut shows = airing_pair();
    shows[0].title = "A <b>&\"'\u{7} show".into();
    shows[0].data_outlook.as_mut().unwrap().status = crate::bundle::DataStatus::Aired;
    shows[0].data_outlook.as_mut().unwrap().premiere = Some(PartialDate::Day(2026, 4, 3));
    let follow = Follow::new(&shows, "https://nextseason.example");
    let feed = atom::feed(&follow.changes(), "https://nextseason.example", 0);
    assert!(feed.contains("A &lt;b&gt;&amp;&quot;&#39; show: the next season premiered"), "{feed}");
    assert!(!feed.chars().any(|c| c == '\u{7}'));
}
