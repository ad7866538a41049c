//! Dates as the bundle writes them, and the arithmetic the outlook needs.
//!
//! Pure logic, no browser: the reader's clock and time zone come in as numbers from
//! `crate::browser`, so that every function here is tested natively. Written by hand instead of
//! taking chrono or time: the site needs a few dozen lines of calendar maths, not a time zone
//! database, and every kilobyte of wasm is paid by every reader.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The four broadcast seasons of Japanese television, each starting with its cour's month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AnimeSeason {
    Winter,
    Spring,
    Summer,
    Fall,
}

impl AnimeSeason {
    pub const ALL: [AnimeSeason; 4] = [Self::Winter, Self::Spring, Self::Summer, Self::Fall];

    pub fn key(self) -> &'static str {
        match self {
            Self::Winter => "winter",
            Self::Spring => "spring",
            Self::Summer => "summer",
            Self::Fall => "fall",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Winter => "Winter",
            Self::Spring => "Spring",
            Self::Summer => "Summer",
            Self::Fall => "Fall",
        }
    }

    /// The season a month falls in: January to March is winter, April to June spring, July to
    /// September summer, October to December fall.
    pub fn of_month(month: u8) -> Self {
        Self::ALL[(month.clamp(1, 12) as usize - 1) / 3]
    }

    /// First month of the season's cour: January, April, July, October.
    pub fn first_month(self) -> u8 {
        self as u8 * 3 + 1
    }
}

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Season,
    Month,
    Day,
}

impl Precision {
    pub fn label(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Season => "season",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// A date known to a year, a season, a month or a day. Written in the bundle as
/// `2025`, `2025-spring`, `2025-04` or `2025-04-05`: the form is the precision, so the two
/// can never disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartialDate {
    Year(i32),
    Season(i32, AnimeSeason),
    Month(i32, u8),
    Day(i32, u8, u8),
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<Self, String> {
        let expected = "expected YYYY, YYYY-season (winter, spring, summer, fall), YYYY-MM or YYYY-MM-DD";
        let mut parts = text.split('-');
        let year = parse_year(parts.next().unwrap_or_default()).ok_or_else(|| format!("\"{text}\" is not a date: {expected}"))?;
        let Some(second) = parts.next() else { return Ok(Self::Year(year)) };
        if let Some(season) = AnimeSeason::ALL.into_iter().find(|s| s.key() == second) {
            return match parts.next() {
                None => Ok(Self::Season(year, season)),
                Some(_) => Err(format!("\"{text}\" is not a date: {expected}")),
            };
        }
        let month = parse_fixed(second, 2).filter(|m| (1..=12).contains(m));
        let Some(month) = month.map(|m| m as u8) else {
            return Err(format!("\"{text}\" is not a date: the month must be 01 to 12 or a season ({expected})"));
        };
        let Some(third) = parts.next() else { return Ok(Self::Month(year, month)) };
        if parts.next().is_some() {
            return Err(format!("\"{text}\" is not a date: {expected}"));
        }
        let max = days_in_month(year, month);
        match parse_fixed(third, 2) {
            Some(day) if day >= 1 && day <= max as u32 => Ok(Self::Day(year, month, day as u8)),
            _ => Err(format!("\"{text}\" is not a date: {} {year} has days 01 to {max}", MONTHS[month as usize - 1])),
        }
    }

    pub fn precision(self) -> Precision {
        match self {
            Self::Year(_) => Precision::Year,
            Self::Season(..) => Precision::Season,
            Self::Month(..) => Precision::Month,
            Self::Day(..) => Precision::Day,
        }
    }

    pub fn year(self) -> i32 {
        match self {
            Self::Year(y) | Self::Season(y, _) | Self::Month(y, _) | Self::Day(y, ..) => y,
        }
    }

    /// The anime season it falls in ("2024-01-11" and "2024-winter": winter); none for a year.
    pub fn anime_season(self) -> Option<AnimeSeason> {
        match self {
            Self::Year(_) => None,
            Self::Season(_, s) => Some(s),
            Self::Month(_, m) | Self::Day(_, m, _) => Some(AnimeSeason::of_month(m)),
        }
    }

    /// The first day this date can mean, as (year, month, day): used to order dates.
    pub fn earliest_day(self) -> (i32, u8, u8) {
        match self {
            Self::Year(y) => (y, 1, 1),
            Self::Season(y, s) => (y, s.first_month(), 1),
            Self::Month(y, m) => (y, m, 1),
            Self::Day(y, m, d) => (y, m, d),
        }
    }

    /// The last day this date can mean, as (year, month, day).
    pub fn latest_day(self) -> (i32, u8, u8) {
        let (year, last_month) = match self {
            Self::Year(y) => (y, 12),
            Self::Season(y, s) => (y, s.first_month() + 2),
            Self::Month(y, m) => (y, m),
            Self::Day(y, m, d) => return (y, m, d),
        };
        (year, last_month, days_in_month(year, last_month))
    }

    /// Whether a day falls within this date: 2024-01-11 is within "2024-01" and "2024-winter".
    pub fn contains(self, year: i32, month: u8, day: u8) -> bool {
        (self.earliest_day()..=self.latest_day()).contains(&(year, month, day))
    }

    /// For humans: "2025", "Spring 2025", "April 2025", "January 11, 2024".
    pub fn label(self) -> String {
        match self {
            Self::Year(y) => y.to_string(),
            Self::Season(y, s) => format!("{} {y}", s.label()),
            Self::Month(y, m) => format!("{} {y}", MONTHS[m as usize - 1]),
            Self::Day(y, m, d) => format!("{} {d}, {y}", MONTHS[m as usize - 1]),
        }
    }

    /// For `<time datetime>`: a valid HTML date string of the same precision (a season gives
    /// its first month).
    pub fn machine(self) -> String {
        match self {
            Self::Year(y) => format!("{y:04}"),
            Self::Season(y, s) => format!("{y:04}-{:02}", s.first_month()),
            Self::Month(y, m) => format!("{y:04}-{m:02}"),
            Self::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl fmt::Display for PartialDate {
    /// The bundle's own form, so that a date written back reads the same.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Season(y, s) => write!(f, "{y:04}-{}", s.key()),
            other => f.write_str(&other.machine()),
        }
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(de::Error::custom)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An exact moment with the offset it was written in: `2027-01-10T23:00:00+09:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instant {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub epoch_ms: i64,
    /// The offset from UTC the bundle wrote it in, in minutes (Japan: 540).
    pub offset_minutes: i32,
}

impl Instant {
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("\"{text}\" is not a date and time: expected YYYY-MM-DDTHH:MM[:SS] followed by Z or an offset such as +09:00");
        let (date, rest) = text.split_once('T').ok_or_else(bad)?;
        let PartialDate::Day(y, m, d) = PartialDate::parse(date).map_err(|_| bad())? else { return Err(bad()) };
        let (clock, offset_minutes) = if let Some(clock) = rest.strip_suffix('Z') {
            (clock, 0)
        } else {
            let at = rest.rfind(['+', '-']).ok_or_else(bad)?;
            let (clock, offset) = rest.split_at(at);
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (h, m) = offset[1..].split_once(':').ok_or_else(bad)?;
            let (h, m) = (parse_fixed(h, 2).ok_or_else(bad)?, parse_fixed(m, 2).ok_or_else(bad)?);
            if h > 14 || m > 59 {
                return Err(bad());
            }
            (clock, sign * (h * 60 + m) as i32)
        };
        let mut fields = clock.split(':');
        let hour = fields.next().and_then(|h| parse_fixed(h, 2)).filter(|h| *h < 24).ok_or_else(bad)?;
        let minute = fields.next().and_then(|m| parse_fixed(m, 2)).filter(|m| *m < 60).ok_or_else(bad)?;
        let second = match fields.next() {
            Some(s) => parse_fixed(s, 2).filter(|s| *s < 60).ok_or_else(bad)?,
            None => 0,
        };
        if fields.next().is_some() {
            return Err(bad());
        }
        let local_seconds = days_from_civil(y, m, d) * 86_400 + (hour * 3600 + minute * 60 + second) as i64;
        Ok(Self { epoch_ms: (local_seconds - offset_minutes as i64 * 60) * 1000, offset_minutes })
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = LocalTime::at(self.epoch_ms, self.offset_minutes);
        write!(f, "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", local.year, local.month, local.day, local.hour, local.minute, local.second)?;
        match self.offset_minutes {
            0 => f.write_str("Z"),
            o => write!(f, "{}{:02}:{:02}", if o < 0 { '-' } else { '+' }, o.abs() / 60, o.abs() % 60),
        }
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(de::Error::custom)
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A wall-clock reading in some time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// 0 = Monday.
    pub weekday: u8,
}

impl LocalTime {
    /// The reading of a clock `offset_minutes` ahead of UTC at `epoch_ms`.
    pub fn at(epoch_ms: i64, offset_minutes: i32) -> Self {
        let seconds = epoch_ms.div_euclid(1000) + offset_minutes as i64 * 60;
        let days = seconds.div_euclid(86_400);
        let in_day = seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Self {
            year,
            month,
            day,
            hour: (in_day / 3600) as u8,
            minute: (in_day / 60 % 60) as u8,
            second: (in_day % 60) as u8,
            // 1970-01-01 was a Thursday (3 when Monday is 0).
            weekday: (days + 3).rem_euclid(7) as u8,
        }
    }

    /// "Sunday, January 10, 2027 at 23:00".
    pub fn label(&self) -> String {
        format!(
            "{}, {} {}, {} at {:02}:{:02}",
            WEEKDAYS[self.weekday as usize],
            MONTHS[self.month as usize - 1],
            self.day,
            self.year,
            self.hour,
            self.minute
        )
    }
}

/// Epoch milliseconds of the first moment of a day, on a clock `offset_minutes` ahead of UTC.
pub fn start_of_day_ms(year: i32, month: u8, day: u8, offset_minutes: i32) -> i64 {
    (days_from_civil(year, month, day) * 86_400 - offset_minutes as i64 * 60) * 1000
}

/// Time left until a moment, in whole seconds, split for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Remaining {
    pub days: i64,
    pub hours: u8,
    pub minutes: u8,
    pub seconds: u8,
}

impl Remaining {
    /// None once the moment has come.
    pub fn until(now_ms: i64, target_ms: i64) -> Option<Self> {
        // Round up, so that the display reaches 0 exactly when the moment comes, not a second early.
        let left = (target_ms - now_ms + 999).div_euclid(1000);
        (left > 0).then(|| Self {
            days: left / 86_400,
            hours: (left / 3600 % 24) as u8,
            minutes: (left / 60 % 60) as u8,
            seconds: (left % 60) as u8,
        })
    }

    /// "12 days, 03:04:05"; "1 day, …"; under a day, the clock alone.
    pub fn label(&self) -> String {
        let clock = format!("{:02}:{:02}:{:02}", self.hours, self.minutes, self.seconds);
        match self.days {
            0 => clock,
            1 => format!("1 day, {clock}"),
            n => format!("{n} days, {clock}"),
        }
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = year as i64 - (month <= 2) as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((yoe + era * 400 + (month <= 2) as i64) as i32, month, day)
}

/// Whole calendar months from one day to a later one: a month has passed on the same day of a
/// later month, or on that month's last day when it is shorter (January 31 to February 28 is a
/// month, as adding a month to January 31 lands there). None when `to` is before `from`.
pub fn whole_months(from: (i32, u8, u8), to: (i32, u8, u8)) -> Option<u16> {
    if to < from {
        return None;
    }
    let ((from_y, from_m, from_d), (to_y, to_m, to_d)) = (from, to);
    let mut months = (to_y - from_y) * 12 + to_m as i32 - from_m as i32;
    if to_d < from_d.min(days_in_month(to_y, to_m)) {
        months -= 1;
    }
    u16::try_from(months).ok()
}

/// "3 years 2 months", "1 year", "5 months", "less than a month".
pub fn months_text(months: u16) -> String {
    let (years, months) = (months / 12, months % 12);
    let unit = |n: u16, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (years, months) {
        (0, 0) => "less than a month".into(),
        (0, m) => unit(m, "month", "months"),
        (y, 0) => unit(y, "year", "years"),
        (y, m) => format!("{} {}", unit(y, "year", "years"), unit(m, "month", "months")),
    }
}

fn parse_year(text: &str) -> Option<i32> {
    parse_fixed(text, 4).filter(|y| (1900..=2999).contains(y)).map(|y| y as i32)
}

/// Exactly `width` ASCII digits.
fn parse_fixed(text: &str, width: usize) -> Option<u32> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anime_season_of_a_premiere() {
        let season = |text: &str| PartialDate::parse(text).unwrap().anime_season();
        assert_eq!(season("2024-01-11"), Some(AnimeSeason::Winter));
        assert_eq!(season("2024-03-31"), Some(AnimeSeason::Winter));
        assert_eq!(season("2024-04-01"), Some(AnimeSeason::Spring));
        assert_eq!(season("2024-06"), Some(AnimeSeason::Spring));
        assert_eq!(season("2024-07"), Some(AnimeSeason::Summer));
        assert_eq!(season("2024-09-30"), Some(AnimeSeason::Summer));
        assert_eq!(season("2024-10-01"), Some(AnimeSeason::Fall));
        assert_eq!(season("2024-12"), Some(AnimeSeason::Fall));
        assert_eq!(season("2024-summer"), Some(AnimeSeason::Summer));
        assert_eq!(season("2024"), None, "a year alone has no season");
        assert_eq!(PartialDate::parse("2023-fall").unwrap().year(), 2023);
    }

    #[test]
    fn partial_dates_parse_with_their_precision() {
        assert_eq!(PartialDate::parse("2025"), Ok(PartialDate::Year(2025)));
        assert_eq!(PartialDate::parse("2025-spring"), Ok(PartialDate::Season(2025, AnimeSeason::Spring)));
        assert_eq!(PartialDate::parse("2025-04"), Ok(PartialDate::Month(2025, 4)));
        assert_eq!(PartialDate::parse("2024-02-29"), Ok(PartialDate::Day(2024, 2, 29)));
        assert_eq!(PartialDate::parse("2025-spring").unwrap().precision(), Precision::Season);
        assert_eq!(PartialDate::parse("2024-01-11").unwrap().label(), "January 11, 2024");
        assert_eq!(PartialDate::parse("2025-fall").unwrap().label(), "Fall 2025");
        assert_eq!(PartialDate::parse("2025-fall").unwrap().machine(), "2025-10");
        assert_eq!(PartialDate::parse("2025-fall").unwrap().to_string(), "2025-fall");
    }

    #[test]
    fn partial_dates_span_days() {
        assert_eq!(PartialDate::parse("2024-winter").unwrap().latest_day(), (2024, 3, 31));
        assert_eq!(PartialDate::parse("2024-02").unwrap().latest_day(), (2024, 2, 29));
        assert_eq!(PartialDate::Year(2025).latest_day(), (2025, 12, 31));
        assert!(PartialDate::Month(2024, 1).contains(2024, 1, 11));
        assert!(!PartialDate::Month(2024, 1).contains(2024, 2, 1));
        assert!(PartialDate::Day(2024, 1, 11).contains(2024, 1, 11));
        assert!(!PartialDate::Day(2024, 1, 11).contains(2024, 1, 10));
    }

    #[test]
    fn impossible_dates_are_refused_with_the_reason() {
        assert_eq!(PartialDate::parse("2025-02-29").unwrap_err(), "\"2025-02-29\" is not a date: February 2025 has days 01 to 28");
        assert!(PartialDate::parse("2025-13").unwrap_err().contains("month must be 01 to 12"));
        assert!(PartialDate::parse("2025-4").is_err());
        assert!(PartialDate::parse("25").is_err());
        assert!(PartialDate::parse("2025-autumn").is_err());
        assert!(PartialDate::parse("2025-04-05-06").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn whole_months_by_calendar() {
        assert_eq!(whole_months((2024, 4, 2), (2024, 4, 20)), Some(0), "the same month");
        assert_eq!(whole_months((2024, 3, 28), (2024, 4, 5)), Some(0), "under a month across a month's end");
        assert_eq!(whole_months((2024, 3, 28), (2024, 4, 28)), Some(1));
        assert_eq!(whole_months((2024, 3, 28), (2024, 4, 27)), Some(0));
        assert_eq!(whole_months((2019, 12, 26), (2021, 1, 5)), Some(12), "a year and ten days");
        assert_eq!(whole_months((2020, 3, 25), (2021, 3, 25)), Some(12), "exactly a year");
        assert_eq!(whole_months((2020, 3, 25), (2021, 3, 24)), Some(11));
        // A month from the 31st ends on a shorter month's last day.
        assert_eq!(whole_months((2021, 1, 31), (2021, 2, 28)), Some(1));
        assert_eq!(whole_months((2021, 1, 31), (2021, 2, 27)), Some(0));
        assert_eq!(whole_months((2024, 1, 31), (2024, 2, 28)), Some(0), "2024 is a leap year: February 29 is the month's day");
        assert_eq!(whole_months((2024, 1, 31), (2024, 2, 29)), Some(1));
        assert_eq!(whole_months((2024, 1, 1), (2024, 1, 1)), Some(0));
        assert_eq!(whole_months((2024, 1, 2), (2024, 1, 1)), None, "backwards");
    }

    #[test]
    fn months_in_words() {
        assert_eq!(months_text(0), "less than a month");
        assert_eq!(months_text(1), "1 month");
        assert_eq!(months_text(12), "1 year");
        assert_eq!(months_text(21), "1 year 9 months");
        assert_eq!(months_text(25), "2 years 1 month");
    }

    #[test]
    fn instants_parse_with_their_offset() {
        let at = Instant::parse("2027-01-10T23:00:00+09:00").unwrap();
        assert_eq!(at.epoch_ms, 1_799_589_600_000);
        assert_eq!(at.offset_minutes, 540);
        assert_eq!(at.to_string(), "2027-01-10T23:00:00+09:00");
        assert_eq!(Instant::parse("2027-01-10T14:00Z").unwrap().epoch_ms, at.epoch_ms);
        assert_eq!(Instant::parse("2027-01-10T09:00-05:00").unwrap().epoch_ms, at.epoch_ms);
        assert!(Instant::parse("2027-01-10").is_err());
        assert!(Instant::parse("2027-01-10T24:00Z").is_err());
        assert!(Instant::parse("2027-01-10T23:00+15:00").is_err());
    }

    #[test]
    fn local_time_follows_the_readers_offset() {
        let at = Instant::parse("2027-01-10T23:00:00+09:00").unwrap().epoch_ms;
        // Paris in winter is UTC+1: 15:00 the same Sunday.
        assert_eq!(LocalTime::at(at, 60).label(), "Sunday, January 10, 2027 at 15:00");
        // New York is UTC-5: 09:00 the same day.
        assert_eq!(LocalTime::at(at, -300).label(), "Sunday, January 10, 2027 at 09:00");
        // Auckland in summer is UTC+13: already Monday.
        assert_eq!(LocalTime::at(at, 780).label(), "Monday, January 11, 2027 at 03:00");
        assert_eq!(start_of_day_ms(2027, 1, 11, 540), at + 3_600_000);
    }

    #[test]
    fn countdown_arithmetic() {
        let target = 1_799_589_600_000;
        let left = Remaining::until(target - (3 * 86_400 + 4 * 3600 + 5 * 60 + 6) * 1000, target).unwrap();
        assert_eq!(left, Remaining { days: 3, hours: 4, minutes: 5, seconds: 6 });
        assert_eq!(left.label(), "3 days, 04:05:06");
        assert_eq!(Remaining::until(target - 86_400_000, target).unwrap().label(), "1 day, 00:00:00");
        // A part of a second still to go shows as a whole second, never as 0.
        assert_eq!(Remaining::until(target - 1, target).unwrap().label(), "00:00:01");
        assert_eq!(Remaining::until(target, target), None);
        assert_eq!(Remaining::until(target + 5000, target), None);
    }
}
