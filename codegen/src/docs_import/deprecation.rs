//! Deprecations: the "Deprecated" block of an operation, and the sentence a table row
//! ends with when its field is deprecated.

use super::page::{is_block_marker, Cursor};
use crate::catalogue::model::is_date;
use crate::catalogue::Deprecation;
use crate::diagnostic::Diagnostic;

const MARKED: &str = "- Marked as deprecated on ";
const REMOVAL: &str = "- Scheduled for removal on or after ";
const READ_MORE: &str = "You can read more about this deprecation on:";

/// The name in "The 'NAME' field is deprecated.", when `sentence` is that sentence.
pub fn deprecated_name(sentence: &str) -> Option<&str> {
    sentence
        .strip_prefix("The '")?
        .strip_suffix("' field is deprecated.")
        .filter(|name| !name.contains('\''))
}

/// Reads the block after a "Deprecated" line (already passed); returns the name its
/// first sentence gives, and the deprecation.
pub fn parse_block<'a>(cursor: &mut Cursor<'_, 'a>) -> Result<(&'a str, Deprecation), Diagnostic> {
    let page = cursor.page;
    let first = cursor.index;
    let name = cursor
        .next_line()
        .and_then(deprecated_name)
        .ok_or_else(|| {
            page.error(
                first,
                "a deprecation must open with \"The '<name>' field is deprecated.\"",
            )
        })?;
    let mut sentences = vec![page.line(first).unwrap_or_default().to_string()];
    let mut deprecation = Deprecation::default();
    while let Some(line) = cursor.peek().filter(|line| !is_block_marker(line)) {
        let index = cursor.index;
        cursor.next_line();
        if let Some(date) = line.strip_prefix(MARKED) {
            deprecation.marked_on = Some(date_of(date).ok_or_else(|| bad_date(cursor, index))?);
        } else if let Some(date) = line.strip_prefix(REMOVAL) {
            deprecation.removal_on = Some(date_of(date).ok_or_else(|| bad_date(cursor, index))?);
        } else if line == READ_MORE {
            let url = cursor.next_line().filter(|url| url.starts_with("https://"));
            let url =
                url.ok_or_else(|| page.error(index + 1, "the announcement link is missing"))?;
            deprecation.announcement = Some(url.to_string());
        } else if line.starts_with("- ") {
            return Err(page.error(index, "unknown line in a deprecation block"));
        } else if !line.is_empty() {
            sentences.push(line.to_string());
        }
    }
    deprecation.note = sentences.join(" ");
    deprecation.replacement = replacement(&deprecation.note);
    Ok((name, deprecation))
}

/// The name quoted after "use" ("Please use `x` instead", "use the 'x' mutation").
fn replacement(note: &str) -> Option<String> {
    let mut words = note
        .split_whitespace()
        .skip_while(|word| !word.eq_ignore_ascii_case("use"));
    words.next()?;
    let mut word = words.next()?;
    if word == "the" {
        word = words.next()?;
    }
    let quote = word.chars().next().filter(|c| *c == '`' || *c == '\'')?;
    let inner = &word[1..];
    Some(inner[..inner.find(quote)?].to_string()).filter(|name| !name.is_empty())
}

/// `YYYY-MM-DD.` → `YYYY-MM-DD`.
fn date_of(text: &str) -> Option<String> {
    let date = text.strip_suffix('.').unwrap_or(text);
    is_date(date).then(|| date.to_string())
}

fn bad_date(cursor: &Cursor<'_, '_>, index: usize) -> Diagnostic {
    cursor
        .page
        .error(index, "the date of this deprecation is not YYYY-MM-DD")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_replacement_in_either_quoting() {
        assert_eq!(
            replacement("The 'a' field is deprecated. Please use `resetUserPassword` instead."),
            Some("resetUserPassword".into())
        );
        assert_eq!(
            replacement(
                "The 'b' field is deprecated. Please use the 'updateUser' mutation instead."
            ),
            Some("updateUser".into())
        );
        assert_eq!(replacement("The 'c' field is deprecated."), None);
        assert_eq!(replacement("Because reasons, use something else."), None);
    }

    #[test]
    fn reads_the_deprecated_sentence_and_dates() {
        assert_eq!(
            deprecated_name("The 'possibleErrors' field is deprecated."),
            Some("possibleErrors")
        );
        assert_eq!(deprecated_name("The 'x' field is gone."), None);
        assert_eq!(date_of("2024-12-04."), Some("2024-12-04".into()));
        assert_eq!(date_of("2024-12."), None);
    }
}
