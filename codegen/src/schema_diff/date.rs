//! Calendar dates as deprecation reasons write them (`2025-03-01`), and today's.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

/// A date of the proleptic Gregorian calendar; ordered as the calendar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// The phrase Kraken deprecation reasons put before the removal date.
const REMOVAL_PHRASE: &str = "Scheduled for removal on or after ";

impl Date {
    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        Date::from_days_since_epoch(seconds / 86_400)
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    fn from_days_since_epoch(days: u64) -> Date {
        let z = days as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u8;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The removal date a deprecation reason announces ("Scheduled for removal on or
    /// after 2025-03-01."), if it announces one.
    pub fn of_removal(reason: &str) -> Option<Date> {
        let (_, after) = reason.split_once(REMOVAL_PHRASE)?;
        after.get(..10)?.parse().ok()
    }
}

impl FromStr for Date {
    type Err = String;

    /// `YYYY-MM-DD`, a day that exists.
    fn from_str(text: &str) -> Result<Date, String> {
        let invalid = || format!("`{text}` is not a calendar date (YYYY-MM-DD)");
        let mut parts = text.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid());
        };
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return Err(invalid());
        }
        let number = |part: &str| {
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse::<u32>().ok())
                .flatten()
                .ok_or_else(invalid)
        };
        let (year, month, day) = (number(year)?, number(month)?, number(day)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(invalid()),
        };
        if day == 0 || day > days_in_month {
            return Err(invalid());
        }
        Ok(Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_epoch_become_calendar_dates() {
        for (days, date) in [
            (0, "1970-01-01"),
            (59, "1970-03-01"),
            (11_016, "2000-02-29"),
            (11_017, "2000-03-01"),
            (20_426, "2025-12-04"),
            (20_819, "2027-01-01"),
        ] {
            assert_eq!(Date::from_days_since_epoch(days).to_string(), date);
        }
    }

    #[test]
    fn parses_only_existing_days() {
        assert_eq!(
            "2024-02-29".parse::<Date>().unwrap().to_string(),
            "2024-02-29"
        );
        for bad in [
            "2023-02-29",
            "2025-13-01",
            "2025-04-31",
            "2025-1-01",
            "2025-01-01-01",
            "+025-01-01",
            "tomorrow",
        ] {
            assert_eq!(
                bad.parse::<Date>(),
                Err(format!("`{bad}` is not a calendar date (YYYY-MM-DD)"))
            );
        }
    }

    #[test]
    fn reads_the_removal_date_of_a_reason() {
        let reason = "Use `b` instead. - Marked as deprecated on 2024-11-01. \
                      - Scheduled for removal on or after 2025-03-01.";
        assert_eq!(
            Date::of_removal(reason),
            Some("2025-03-01".parse().unwrap())
        );
        assert_eq!(Date::of_removal("No longer supported"), None);
        assert_eq!(
            Date::of_removal("Scheduled for removal on or after soon."),
            None
        );
    }

    #[test]
    fn orders_as_the_calendar() {
        let dates: Vec<Date> = ["2024-12-31", "2025-01-01", "2025-02-01"]
            .iter()
            .map(|d| d.parse().unwrap())
            .collect();
        assert!(dates[0] < dates[1] && dates[1] < dates[2]);
    }
}
