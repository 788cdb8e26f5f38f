//! Calendar dates as deprecation reasons write them (`2025-03-01`), and today's.

pub use chrono::NaiveDate as Date;

/// The phrase Kraken deprecation reasons put before the removal date.
const REMOVAL_PHRASE: &str = "Scheduled for removal on or after ";

/// Today in UTC, from the system clock.
pub fn today() -> Date {
    chrono::Utc::now().date_naive()
}

/// `YYYY-MM-DD`, four, two and two digits, a day that exists.
pub fn parse(text: &str) -> Result<Date, String> {
    crate::catalogue::model::is_date(text)
        .then(|| Date::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| format!("`{text}` is not a calendar date (YYYY-MM-DD)"))
}

/// The removal date a deprecation reason announces ("Scheduled for removal on or
/// after 2025-03-01."), if it announces one.
pub fn of_removal(reason: &str) -> Option<Date> {
    let (_, after) = reason.split_once(REMOVAL_PHRASE)?;
    parse(after.get(..10)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_existing_days() {
        assert_eq!(parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        for bad in [
            "2023-02-29",
            "2025-13-01",
            "2025-04-31",
            "2025-1-01",
            "2025-01-1x",
            "2025-01-01-01",
            "+025-01-01",
            "tomorrow",
        ] {
            assert_eq!(
                parse(bad),
                Err(format!("`{bad}` is not a calendar date (YYYY-MM-DD)"))
            );
        }
    }

    #[test]
    fn reads_the_removal_date_of_a_reason() {
        let reason = "Use `b` instead. - Marked as deprecated on 2024-11-01. \
                      - Scheduled for removal on or after 2025-03-01.";
        assert_eq!(of_removal(reason), Some(parse("2025-03-01").unwrap()));
        assert_eq!(of_removal("No longer supported"), None);
        assert_eq!(of_removal("Scheduled for removal on or after soon."), None);
    }
}
