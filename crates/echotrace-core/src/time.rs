use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// How much of a publication time is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Year => "year",
            DatePrecision::Month => "month",
            DatePrecision::Day => "day",
            DatePrecision::Hour => "hour",
            DatePrecision::Minute => "minute",
            DatePrecision::Second => "second",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "year" => DatePrecision::Year,
            "month" => DatePrecision::Month,
            "day" => DatePrecision::Day,
            "hour" => DatePrecision::Hour,
            "minute" => DatePrecision::Minute,
            "second" => DatePrecision::Second,
            _ => return None,
        })
    }
}

/// A publication time with its precision: the interval `[earliest, latest)` in which the
/// document appeared.
///
/// `2022-01-10` is the whole day (UTC, since a bare day carries no zone), not its midnight: two
/// copies stamped `2022-01-10` and `2022-01-10T09:30:00Z` are a tie, and [`Published::order`]
/// says so rather than inventing an order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Published {
    earliest: DateTime<Utc>,
    precision: DatePrecision,
}

/// The order of two publication times given what is known of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeOrder {
    Before,
    After,
    /// The intervals overlap: either could be first.
    Tie,
}

impl Published {
    /// A time known to the given precision; `at` is truncated to it.
    pub fn new(at: DateTime<Utc>, precision: DatePrecision) -> Self {
        let d = at.date_naive();
        let earliest = match precision {
            DatePrecision::Year => ymd(d.year(), 1, 1),
            DatePrecision::Month => ymd(d.year(), d.month(), 1),
            DatePrecision::Day => ymd(d.year(), d.month(), d.day()),
            DatePrecision::Hour => trunc(at, 3600),
            DatePrecision::Minute => trunc(at, 60),
            DatePrecision::Second => trunc(at, 1),
        };
        Published {
            earliest: earliest.unwrap_or(at),
            precision,
        }
    }

    pub fn day(date: NaiveDate) -> Self {
        Published::new(Utc.from_utc_datetime(&date.into()), DatePrecision::Day)
    }

    pub fn earliest(&self) -> DateTime<Utc> {
        self.earliest
    }

    /// The end of the interval, exclusive.
    pub fn latest(&self) -> DateTime<Utc> {
        let e = self.earliest;
        match self.precision {
            DatePrecision::Year => ymd(e.year() + 1, 1, 1).unwrap_or(e + Duration::days(366)),
            DatePrecision::Month => {
                let (y, m) = if e.month() == 12 {
                    (e.year() + 1, 1)
                } else {
                    (e.year(), e.month() + 1)
                };
                ymd(y, m, 1).unwrap_or(e + Duration::days(31))
            }
            DatePrecision::Day => e + Duration::days(1),
            DatePrecision::Hour => e + Duration::hours(1),
            DatePrecision::Minute => e + Duration::minutes(1),
            DatePrecision::Second => e + Duration::seconds(1),
        }
    }

    pub fn precision(&self) -> DatePrecision {
        self.precision
    }

    /// Which came first, if that is known.
    pub fn order(&self, other: &Published) -> TimeOrder {
        if self.latest() <= other.earliest {
            TimeOrder::Before
        } else if other.latest() <= self.earliest {
            TimeOrder::After
        } else {
            TimeOrder::Tie
        }
    }

    /// A total order for sorting: by earliest instant, then the more precise first.
    pub fn sort_key(&self) -> (i64, std::cmp::Reverse<DatePrecision>) {
        (self.earliest.timestamp(), std::cmp::Reverse(self.precision))
    }

    /// Parses the date formats news pages and feeds carry: RFC 3339 / ISO 8601 (with or without
    /// zone, seconds, fraction), RFC 2822, `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY-MM`, `YYYY`,
    /// `January 10, 2022`, `10 January 2022`, `Jan 10 2022`. A time with no zone is taken as UTC.
    /// Returns `None` for anything else rather than guessing.
    pub fn parse(input: &str) -> Option<Published> {
        let s = input.trim();
        if s.is_empty() || s.len() > 64 {
            return None;
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(Published::new(t.with_timezone(&Utc), seconds_precision(s)));
        }
        if let Ok(t) = DateTime::parse_from_rfc2822(s) {
            return Some(Published::new(t.with_timezone(&Utc), seconds_precision(s)));
        }
        for f in [
            "%Y-%m-%dT%H:%M:%S%.f%z",
            "%Y-%m-%dT%H:%M%z",
            "%Y-%m-%d %H:%M:%S%.f%z",
            "%Y-%m-%d %H:%M:%S %z",
            "%Y-%m-%d %H:%M%z",
        ] {
            if let Ok(t) = DateTime::<FixedOffset>::parse_from_str(s, f) {
                return Some(Published::new(t.with_timezone(&Utc), seconds_precision(s)));
            }
        }
        let no_zone = s
            .trim_end_matches('Z')
            .trim_end_matches(" UTC")
            .trim_end_matches(" GMT");
        for f in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(t) = NaiveDateTime::parse_from_str(no_zone, f) {
                return Some(Published::new(
                    Utc.from_utc_datetime(&t),
                    seconds_precision(s),
                ));
            }
        }
        for f in [
            "%Y-%m-%d",
            "%Y/%m/%d",
            "%Y.%m.%d",
            "%Y%m%d",
            "%B %d, %Y",
            "%B %d %Y",
            "%b %d, %Y",
            "%b %d %Y",
            "%b. %d, %Y",
            "%d %B %Y",
            "%d %b %Y",
            "%d %B, %Y",
            "%A, %B %d, %Y",
            "%a, %d %b %Y",
            "%A, %d %B %Y",
        ] {
            if let Ok(d) = NaiveDate::parse_from_str(s, f) {
                return plausible(d).then(|| Published::day(d));
            }
        }
        // A date followed by a time we could not read is still a day.
        if s.len() > 10 && s.is_char_boundary(10) {
            if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
                return plausible(d).then(|| Published::day(d));
            }
        }
        if let Ok(d) = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d") {
            return plausible(d).then(|| Published::new(utc_day(d), DatePrecision::Month));
        }
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = s.parse().ok()?;
            let d = NaiveDate::from_ymd_opt(y, 1, 1)?;
            return plausible(d).then(|| Published::new(utc_day(d), DatePrecision::Year));
        }
        None
    }
}

/// Years outside this range are typos or epoch zeros, not publication dates.
fn plausible(d: NaiveDate) -> bool {
    (1900..=2200).contains(&d.year())
}

fn utc_day(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.into())
}

fn ymd(y: i32, m: u32, d: u32) -> Option<DateTime<Utc>> {
    NaiveDate::from_ymd_opt(y, m, d).map(utc_day)
}

fn trunc(at: DateTime<Utc>, secs: i64) -> Option<DateTime<Utc>> {
    let t = at.timestamp();
    DateTime::from_timestamp(t - t.rem_euclid(secs), 0)
}

/// `10:30` is known to the minute, `10:30:00` to the second.
fn seconds_precision(s: &str) -> DatePrecision {
    let time = s
        .split(['T', ' '])
        .find(|part| part.contains(':'))
        .unwrap_or("");
    if time.matches(':').count() >= 2 {
        DatePrecision::Second
    } else {
        DatePrecision::Minute
    }
}

impl fmt::Display for Published {
    /// The ISO form at the known precision: `2022`, `2022-01`, `2022-01-10`,
    /// `2022-01-10T09:30Z`, `2022-01-10T09:30:15Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.earliest;
        match self.precision {
            DatePrecision::Year => write!(f, "{}", e.format("%Y")),
            DatePrecision::Month => write!(f, "{}", e.format("%Y-%m")),
            DatePrecision::Day => write!(f, "{}", e.format("%Y-%m-%d")),
            DatePrecision::Hour | DatePrecision::Minute => {
                write!(f, "{}", e.format("%Y-%m-%dT%H:%MZ"))
            }
            DatePrecision::Second => write!(f, "{}", e.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

impl PartialOrd for Published {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.order(other) {
            TimeOrder::Before => Some(Ordering::Less),
            TimeOrder::After => Some(Ordering::Greater),
            TimeOrder::Tie if self == other => Some(Ordering::Equal),
            TimeOrder::Tie => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_day_is_a_day_not_midnight() {
        let day = Published::parse("2022-01-10").unwrap();
        let morning = Published::parse("2022-01-10T09:30:00Z").unwrap();
        let next = Published::parse("2022-01-11T00:00:01Z").unwrap();
        assert_eq!(day.precision(), DatePrecision::Day);
        assert_eq!(day.order(&morning), TimeOrder::Tie);
        assert_eq!(morning.order(&day), TimeOrder::Tie);
        assert_eq!(day.order(&next), TimeOrder::Before);
        assert_eq!(day.partial_cmp(&morning), None);
        assert_eq!(day.to_string(), "2022-01-10");
    }

    #[test]
    fn parses_news_formats_with_their_precision() {
        let cases = [
            (
                "2022-01-10T09:30:15+03:00",
                "2022-01-10T06:30:15Z",
                DatePrecision::Second,
            ),
            (
                "2022-01-10T09:30Z",
                "2022-01-10T09:30Z",
                DatePrecision::Minute,
            ),
            (
                "Mon, 10 Jan 2022 09:30:15 GMT",
                "2022-01-10T09:30:15Z",
                DatePrecision::Second,
            ),
            (
                "2022-01-10 09:30:15",
                "2022-01-10T09:30:15Z",
                DatePrecision::Second,
            ),
            ("January 10, 2022", "2022-01-10", DatePrecision::Day),
            ("10 January 2022", "2022-01-10", DatePrecision::Day),
            ("2022/01/10", "2022-01-10", DatePrecision::Day),
            ("2022-01", "2022-01", DatePrecision::Month),
            ("2022", "2022", DatePrecision::Year),
        ];
        for (input, shown, precision) in cases {
            let p = Published::parse(input).unwrap_or_else(|| panic!("{input} did not parse"));
            assert_eq!(p.to_string(), shown, "{input}");
            assert_eq!(p.precision(), precision, "{input}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for s in [
            "",
            "yesterday",
            "0000-00-00",
            "1066-10-14",
            "2022-13-45",
            "12345",
        ] {
            assert_eq!(Published::parse(s), None, "{s}");
        }
    }

    #[test]
    fn month_interval_covers_the_month() {
        let m = Published::parse("2022-12").unwrap();
        assert_eq!(m.latest().to_rfc3339(), "2023-01-01T00:00:00+00:00");
        let d = Published::parse("2022-12-31").unwrap();
        assert_eq!(m.order(&d), TimeOrder::Tie);
    }
}
