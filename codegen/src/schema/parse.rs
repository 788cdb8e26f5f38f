//! Parsing SDL with graphql-parser; a large file is parsed in two halves, one per core.
//!
//! The halves meet at the start of a line after a `}` that closes a top-level body, so
//! each half is a sequence of whole definitions. The second half is given as many
//! leading `\n` as the first half has lines, so graphql-parser's positions in it are
//! those of the whole file. If either half does not parse, the whole text is parsed,
//! so a syntax error is reported exactly as without the split.

use graphql_parser::schema::{parse_schema, Document, ParseError};

use super::syntax::{block_string_end, parser_text, string_end};
use crate::parallel::map_indices;

/// A parsed SDL document that owns its text.
pub(crate) type Sdl = Document<'static, String>;

/// Texts at least this long (in bytes) are parsed in two halves: below it, parsing takes
/// about a millisecond, not worth a thread.
const SPLIT_FROM: usize = 64 * 1024;

/// Parses the SDL `text` (prepared for graphql-parser by [`parser_text`]).
pub(crate) fn parse(text: &str) -> Result<Sdl, ParseError> {
    let text = parser_text(text);
    if text.len() >= SPLIT_FROM {
        if let Some(document) = boundary(&text).and_then(|at| parse_halves(&text, at)) {
            return Ok(document);
        }
    }
    parse_schema::<String>(&text).map(Document::into_static)
}

/// The definitions of `text[..at]` and then those of `text[at..]`, parsed side by side;
/// `None` if either half does not parse.
fn parse_halves(text: &str, at: usize) -> Option<Sdl> {
    let (first, rest) = text.split_at(at);
    let lines_before = first.bytes().filter(|&byte| byte == b'\n').count();
    let second = "\n".repeat(lines_before) + rest;
    let halves = [first, second.as_str()];
    let parsed = map_indices(
        halves.len(),
        || (),
        |(), half| parse_schema::<String>(halves[half]).map(Document::into_static),
    );
    let mut parsed = parsed.into_iter();
    let mut document = parsed.next()?.ok()?;
    document
        .definitions
        .extend(parsed.next()?.ok()?.definitions);
    Some(document)
}

/// The line start nearest the middle of `text` (and not at its end) that follows a line
/// whose last significant character is a `}` closing a top-level body. The scan skips
/// comments, strings and block strings as graphql-parser reads them, and counts every
/// bracket, so a `}` of a default value in a directive's arguments is not taken.
fn boundary(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let middle = text.len() / 2;
    let mut before_middle = None;
    let mut depth = 0usize;
    // Whether the current line's last significant character is a top-level body's `}`.
    let mut closed = false;
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\n' if closed && index + 1 >= middle => {
                let after_middle = Some(index + 1).filter(|&at| at < text.len());
                return [before_middle, after_middle]
                    .into_iter()
                    .flatten()
                    .min_by_key(|at: &usize| at.abs_diff(middle));
            }
            b'\n' => {
                if closed {
                    before_middle = Some(index + 1);
                }
                closed = false;
            }
            b'#' => {
                index += text[index..].find('\n').unwrap_or(text.len() - index);
                continue;
            }
            b'"' => {
                index = if text[index..].starts_with("\"\"\"") {
                    block_string_end(text, index)
                } else {
                    string_end(text, index)
                };
                closed = false;
                continue;
            }
            b'{' | b'(' | b'[' => {
                depth += 1;
                closed = false;
            }
            b'}' | b')' | b']' => {
                depth = depth.checked_sub(1)?;
                closed = depth == 0 && byte == b'}';
            }
            b' ' | b',' | b'\t' | b'\r' => {}
            _ => closed = false,
        }
        index += 1;
    }
    before_middle
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text after the boundary.
    fn after_boundary(text: &str) -> Option<&str> {
        boundary(text).map(|at| &text[at..])
    }

    #[test]
    fn boundary_is_the_top_level_body_end_nearest_the_middle() {
        let short = "type A {\n  a: Int\n}\n";
        let long = "type B {\n  b: Int\n  c: Int\n  d: Int\n}\n";
        let text = format!("{short}{long}scalar C\n");
        assert_eq!(after_boundary(&text), Some(&text[short.len()..]));
        let text = format!("scalar C\n{long}{short}");
        assert_eq!(after_boundary(&text), Some(short));
        // A further token after the brace is significant; a comment is not.
        let text = "scalar A\n".repeat(4)
            + "type B { b: Int } scalar C\ntype D { d: Int } # }\nscalar E\n";
        assert_eq!(after_boundary(&text), Some("scalar E\n"));
    }

    #[test]
    fn braces_in_strings_comments_and_arguments_are_not_boundaries() {
        let text =
            "type A {\n  \"\"\"a \\\"\"\" }\n}\n\"\"\"\n  a: Int\n  \"}\"\n  b: String\n  # }\n  \
                    c(d: In = {e: 1}\n): Int\n}\nscalar F\n";
        assert_eq!(after_boundary(text), Some("scalar F\n"));
        let text = "directive @a(\n  b: In = {c: 1}\n) on FIELD\nscalar A\nscalar B\n";
        assert_eq!(after_boundary(text), None);
    }

    #[test]
    fn no_boundary_without_a_later_definition_or_with_unbalanced_brackets() {
        assert_eq!(after_boundary("type A {\n  a: Int\n}\n"), None);
        assert_eq!(after_boundary("type A {\n  a: Int\n}"), None);
        assert_eq!(after_boundary("scalar A\nscalar B\n"), None);
        assert_eq!(after_boundary("}\ntype A { a: Int }\n"), None);
    }

    #[test]
    fn halves_keep_positions_and_a_broken_half_fails() {
        let text = "type A {\n  a: Int\n}\n\ntype B {\n  b: Int\n}\n";
        let whole = parse_schema::<String>(text).map(Document::into_static).ok();
        assert_eq!(parse_halves(text, 20), whole);
        assert_eq!(
            parse_halves("type A {\n  a: \n}\ntype B {\n  b: Int\n}\n", 17),
            None
        );
    }

    #[test]
    fn the_shipped_schema_parses_the_same_in_halves() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../schema/kraken-jp.graphql");
        let text = std::fs::read_to_string(path).unwrap();
        let at = boundary(&text).unwrap();
        assert!(at.abs_diff(text.len() / 2) < text.len() / 10, "{at}");
        let whole = parse_schema::<String>(&text).unwrap().into_static();
        assert_eq!(parse_halves(&text, at), Some(whole.clone()));
        assert_eq!(parse(&text).unwrap(), whole);
    }

    #[test]
    fn a_syntax_error_is_reported_as_by_a_whole_parse() {
        let mut text = "type A {\n  a: Int\n}\n".repeat(SPLIT_FROM / 16);
        text.push_str("type B {\n  b: \n}\n");
        let whole = parse_schema::<String>(&text).map(|_| ()).unwrap_err();
        assert_eq!(
            parse(&text).map(|_| ()).unwrap_err().to_string(),
            whole.to_string()
        );
    }
}
