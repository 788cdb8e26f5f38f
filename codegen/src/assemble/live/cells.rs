//! The text of one table row of the rendering: cells, code spans, field signatures, type
//! references, and the deprecation and default that a description carries.

use crate::introspect::model::TypeRef;

/// Said of a deprecated element: `Deprecated: <reason> - Marked as deprecated on <date>. -
/// Scheduled for removal on or after <date>.`, optionally followed by a link.
const DEPRECATED: &str = "Deprecated: ";
const MARKED: &str = " - Marked as deprecated on ";
const REMOVAL: &str = ". - Scheduled for removal on or after ";
const READ_MORE: &str = " You can read more about this deprecation on: ";
const DEFAULT: &str = "Default: `";

/// One cell of a row: its trimmed text and its 1-based character column.
#[derive(Debug, Clone, Copy)]
pub struct Cell<'a> {
    pub text: &'a str,
    pub column: usize,
}

/// The cells of `| a | b | c |`, or `None` when the line is not framed by pipes.
pub fn row(line: &str) -> Option<Vec<Cell<'_>>> {
    let inner = line.strip_prefix('|')?.strip_suffix('|')?;
    let mut cells = Vec::new();
    let mut offset = 1;
    for raw in inner.split('|') {
        // An empty cell is placed after the space that opens it.
        let lead = match raw.trim_start().len() {
            0 => raw.len().min(1),
            rest => raw.len() - rest,
        };
        let start = offset + lead;
        cells.push(Cell {
            text: raw.trim(),
            column: line[..start].chars().count() + 1,
        });
        offset += raw.len() + 1;
    }
    Some(cells)
}

/// The text of a code span (`` `x` ``) that holds no other backtick.
pub fn code(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('`')?.strip_suffix('`')?;
    (!inner.is_empty() && !inner.contains('`')).then_some(inner)
}

/// Whether `text` is a GraphQL name.
pub fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A comma-separated list of code spans (`` `A`, `B` ``).
pub fn code_list(text: &str) -> Option<Vec<&str>> {
    text.split(", ")
        .map(|item| code(item).filter(|name| is_name(name)))
        .collect()
}

/// A field as its table shows it: `name` or `name(arg: Type, …)`.
pub fn signature(text: &str) -> Option<(&str, Vec<(&str, TypeRef)>)> {
    let Some((name, rest)) = text.split_once('(') else {
        return is_name(text).then(|| (text, Vec::new()));
    };
    let args = rest.strip_suffix(')')?;
    let args = args
        .split(", ")
        .map(|arg| {
            let (arg, ty) = arg.split_once(": ")?;
            Some((arg, TypeRef::parse(ty).filter(|_| is_name(arg))?))
        })
        .collect::<Option<Vec<_>>>()?;
    (is_name(name) && !args.is_empty()).then_some((name, args))
}

/// A description with its deprecation taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    pub description: Option<String>,
    /// The reason, dates and link kept as written.
    pub deprecation: Option<String>,
    /// An argument's or input field's default, a GraphQL literal.
    pub default: Option<String>,
}

/// Splits a description cell. `with_default` reads a trailing ``Default: `value`.``
/// (arguments and input fields). An error is what is malformed, for the message.
pub fn described(text: &str, with_default: bool) -> Result<Described, String> {
    let (rest, deprecation) = match text.find(MARKED) {
        None => (text, None),
        Some(marked) => {
            let start = text[..marked]
                .rfind(DEPRECATED)
                .ok_or("a deprecation date without `Deprecated:` before it")?;
            dates(&text[marked + MARKED.len()..])?;
            (
                &text[..start],
                Some(text[start + DEPRECATED.len()..].to_string()),
            )
        }
    };
    let mut rest = rest.trim_end();
    let mut default = None;
    if with_default {
        if let Some(at) = rest.rfind(DEFAULT) {
            let value = rest[at + DEFAULT.len()..]
                .strip_suffix("`.")
                .filter(|value| !value.contains('`'))
                .ok_or("`Default:` must end the description as ``Default: `value`.``")?;
            literal(value)?;
            default = Some(value.to_string());
            rest = rest[..at].trim_end();
        }
    }
    Ok(Described {
        description: (!rest.is_empty()).then(|| error_list(rest)),
        deprecation,
        default,
    })
}

/// The sentence before a description's list of error codes.
const ERRORS: &str = "The possible errors that can be raised are:";

/// The rendering joined each description's lines; its list of error codes (`… are: -
/// KT-CT-1111: Unauthorized. - KT-CT-1113: …`) gets its layout back, as the API writes
/// it: a paragraph of its own, then one line per code.
fn error_list(text: &str) -> String {
    match text.split_once(ERRORS) {
        Some((before, list)) if list.starts_with(" - KT-") => {
            let before = before.trim_end();
            let paragraph = if before.is_empty() { "" } else { "\n\n" };
            let items = list[1..].replace(" - KT-", "\n- KT-");
            format!("{before}{paragraph}{ERRORS}\n\n{items}")
        }
        _ => text.to_string(),
    }
}

/// What follows `- Marked as deprecated on `: two dates, then an optional link.
fn dates(text: &str) -> Result<(), String> {
    let malformed = || {
        format!(
            "malformed deprecation: expected `{}YYYY-MM-DD{}YYYY-MM-DD.`",
            MARKED.trim_start(),
            REMOVAL
        )
    };
    let (marked, rest) = text.split_at_checked(10).ok_or_else(malformed)?;
    let rest = rest.strip_prefix(REMOVAL).ok_or_else(malformed)?;
    let (removal, rest) = rest.split_at_checked(10).ok_or_else(malformed)?;
    let rest = rest.strip_prefix('.').ok_or_else(malformed)?;
    for date in [marked, removal] {
        if !crate::catalogue::model::is_date(date) {
            return Err(format!("`{date}` is not a date (YYYY-MM-DD)"));
        }
    }
    match rest.strip_prefix(READ_MORE) {
        None if rest.is_empty() => Ok(()),
        Some(link) if !link.is_empty() && !link.contains(' ') => Ok(()),
        _ => Err(format!(
            "unexpected text after the deprecation's dates: `{rest}`"
        )),
    }
}

/// Checks that a default is a GraphQL value without variables.
fn literal(value: &str) -> Result<(), String> {
    let query = format!("{{f(a: {value})}}");
    let parsed = graphql_parser::parse_query::<String>(&query).is_ok();
    if parsed && !value.contains('$') {
        Ok(())
    } else {
        Err(format!("the default `{value}` is not a GraphQL value"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_know_their_columns() {
        let cells = row("| `a` | `Int!` |  |").unwrap();
        let texts: Vec<(&str, usize)> = cells.iter().map(|c| (c.text, c.column)).collect();
        assert_eq!(texts, [("`a`", 3), ("`Int!`", 9), ("", 18)]);
        assert!(row("| `a` | `Int!`").is_none());
        let wide = row("| `名前` | x |").unwrap();
        assert_eq!(wide[1].column, 10);
    }

    #[test]
    fn signatures_and_lists() {
        let (name, args) = signature("ledgers(id: ID, first: [Int!]!)").unwrap();
        assert_eq!(name, "ledgers");
        let args: Vec<(&str, String)> = args
            .iter()
            .map(|(a, t)| (*a, t.to_sdl().unwrap()))
            .collect();
        assert_eq!(
            args,
            [("id", "ID".to_string()), ("first", "[Int!]!".to_string())]
        );
        assert_eq!(signature("id").map(|s| s.0), Some("id"));
        for bad in ["a(", "a()", "a(b Int)", "a(b: [Int)", "1a", "a b"] {
            assert!(signature(bad).is_none(), "{bad}");
        }
        assert_eq!(code_list("`A`, `B`"), Some(vec!["A", "B"]));
        assert_eq!(code_list("`A` `B`"), None);
    }

    #[test]
    fn a_list_of_error_codes_gets_one_line_per_code() {
        let text = "Get a thing. The possible errors that can be raised are: - KT-CT-1111: \
                    Unauthorized. - KT-CT-1113: Disabled GraphQL field requested.";
        assert_eq!(
            described(text, false).unwrap().description.as_deref(),
            Some(
                "Get a thing.\n\nThe possible errors that can be raised are:\n\n\
                 - KT-CT-1111: Unauthorized.\n- KT-CT-1113: Disabled GraphQL field requested."
            )
        );
        let prose = "Says: - no list - KT-CT-1111 stays.";
        assert_eq!(
            described(prose, false).unwrap().description.as_deref(),
            Some(prose)
        );
    }

    #[test]
    fn deprecation_and_default_are_taken_out() {
        let text = "Old. Default: `null`. Deprecated: Use `b`. - Marked as deprecated on \
                    2024-01-02. - Scheduled for removal on or after 2025-01-02. You can read \
                    more about this deprecation on: https://example.test/1/";
        assert_eq!(
            described(text, true).unwrap(),
            Described {
                description: Some("Old.".to_string()),
                deprecation: Some(
                    "Use `b`. - Marked as deprecated on 2024-01-02. - Scheduled for removal \
                     on or after 2025-01-02. You can read more about this deprecation on: \
                     https://example.test/1/"
                        .to_string()
                ),
                default: Some("null".to_string()),
            }
        );
        let prose = "Deprecated: use b. Deprecated: Gone. - Marked as deprecated on \
                     2024-01-02. - Scheduled for removal on or after 2025-01-02.";
        let split = described(prose, false).unwrap();
        assert_eq!(split.description.as_deref(), Some("Deprecated: use b."));
        assert_eq!(
            split.deprecation.as_deref(),
            Some("Gone. - Marked as deprecated on 2024-01-02. - Scheduled for removal on or after 2025-01-02.")
        );
        assert_eq!(
            described("Sort. Default: `ASC`.", false).unwrap().default,
            None
        );
        assert_eq!(
            described("", true).unwrap(),
            Described {
                description: None,
                deprecation: None,
                default: None
            }
        );
    }

    #[test]
    fn malformed_deprecations_and_defaults_are_errors() {
        let cases = [
            ("X - Marked as deprecated on 2024-01-02. - Scheduled for removal on or after 2025-01-02.", "a deprecation date without `Deprecated:` before it"),
            ("Deprecated: X - Marked as deprecated on 2024-1-2. - Scheduled for removal on or after 2025-01-02.", "malformed deprecation: expected `- Marked as deprecated on YYYY-MM-DD. - Scheduled for removal on or after YYYY-MM-DD.`"),
            ("Deprecated: X - Marked as deprecated on 2024-01-02. - Scheduled for removal on or after 2025-13-0x.", "`2025-13-0x` is not a date (YYYY-MM-DD)"),
            ("Deprecated: X - Marked as deprecated on 2024-01-02. - Scheduled for removal on or after 2025-01-02. And more", "unexpected text after the deprecation's dates: ` And more`"),
            ("Default: `1` then more", "`Default:` must end the description as ``Default: `value`.``"),
            ("Default: `{a: `.", "the default `{a: ` is not a GraphQL value"),
        ];
        for (text, message) in cases {
            assert_eq!(described(text, true), Err(message.to_string()), "{text}");
        }
    }
}
