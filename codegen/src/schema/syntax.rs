//! Helpers shared by the SDL and operation loaders: positions, type references,
//! `@deprecated`, and graphql-parser's parse errors turned into diagnostics.

use std::borrow::Cow;
use std::path::Path;

use graphql_parser::query::{Directive, Text, Type, Value};
use graphql_parser::Pos;

use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::type_system::{Deprecated, TypeRef};

/// The reason `@deprecated` gives when none is written (GraphQL specification).
const DEFAULT_DEPRECATION_REASON: &str = "No longer supported";

/// The text to give graphql-parser: tabs, carriage returns and byte-order marks outside
/// strings become spaces, so that its positions count lines ending in `\n` and columns
/// in characters, as [`Position`] does. (It counts such a tab as 8 columns, a carriage
/// return or byte-order mark as none, and a carriage return ending a comment as a line
/// of its own, so that each comment of a CRLF file moved every later line down.) Tokens
/// and string values are unchanged; a lone carriage return, not a line break here,
/// does not end a comment.
pub fn parser_text(text: &str) -> Cow<'_, str> {
    // One search per character: each is a fast byte search, where a search for any of
    // several characters decodes every character of the text.
    if !['\t', '\r', '\u{feff}'].iter().any(|&c| text.contains(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    let mut in_comment = false;
    // Runs without a character of interest are copied whole. The bytes searched for are
    // ASCII or, for the byte-order mark, a character's first byte.
    let interesting = |byte: &u8| matches!(byte, b'"' | b'#' | b'\n' | b'\t' | b'\r' | 0xEF);
    while let Some(offset) = text.as_bytes()[index..].iter().position(interesting) {
        out.push_str(&text[index..index + offset]);
        index += offset;
        let rest = &text[index..];
        let end = if in_comment {
            None
        } else if rest.starts_with("\"\"\"") {
            Some(block_string_end(text, index))
        } else if rest.starts_with('"') {
            Some(string_end(text, index))
        } else {
            None
        };
        if let Some(end) = end {
            out.push_str(&text[index..end]);
            index = end;
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        match c {
            '#' => in_comment = true,
            '\n' => in_comment = false,
            _ => {}
        }
        out.push(if matches!(c, '\t' | '\r' | '\u{feff}') {
            ' '
        } else {
            c
        });
        index += c.len_utf8();
    }
    out.push_str(&text[index..]);
    Cow::Owned(out)
}

/// The end of the block string opening at `start`, found as graphql-parser finds it: the
/// first `"""` not preceded by a backslash (or the end of the text).
pub(crate) fn block_string_end(text: &str, start: usize) -> usize {
    let tail = &text[start + 3..];
    tail.match_indices("\"\"\"")
        .find(|(end, _)| !tail[..*end].ends_with('\\'))
        .map_or(text.len(), |(end, _)| start + 3 + end + 3)
}

/// The end of the string opening at `start`: past its closing quote, or at the line's
/// end when it has none (graphql-parser rejects such a string).
pub(crate) fn string_end(text: &str, start: usize) -> usize {
    let mut escaped = false;
    for (offset, c) in text[start + 1..].char_indices() {
        match c {
            '"' if !escaped => return start + 1 + offset + 1,
            '\n' => return start + 1 + offset,
            _ => {}
        }
        escaped = !escaped && c == '\\';
    }
    text.len()
}

/// A graphql-parser position of a text prepared by [`parser_text`].
pub fn position(pos: Pos) -> Position {
    Position {
        line: pos.line,
        column: pos.column,
    }
}

pub fn type_ref<'a, T: Text<'a>>(ty: &Type<'a, T>) -> TypeRef {
    match ty {
        Type::NamedType(name) => TypeRef::Named(name.as_ref().to_string()),
        Type::ListType(inner) => TypeRef::List(Box::new(type_ref(inner))),
        Type::NonNullType(inner) => TypeRef::NonNull(Box::new(type_ref(inner))),
    }
}

/// The deprecation a `@deprecated(reason: ...)` directive expresses, if present.
pub fn deprecated<'a, T: Text<'a>>(directives: &[Directive<'a, T>]) -> Option<Deprecated> {
    let directive = directives
        .iter()
        .find(|directive| directive.name.as_ref() == "deprecated")?;
    let reason = directive
        .arguments
        .iter()
        .find(|(name, _)| name.as_ref() == "reason")
        .and_then(|(_, value)| match value {
            Value::String(reason) => Some(reason.clone()),
            _ => None,
        });
    Some(Deprecated {
        note: reason.unwrap_or_else(|| DEFAULT_DEPRECATION_REASON.to_string()),
    })
}

/// Reads a GraphQL file; a file that cannot be read is a diagnostic pointing at it.
pub fn read_source(path: &Path) -> Result<SourceFile, Diagnostics> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(SourceFile::new(path, text)),
        Err(error) => Err(Diagnostic::new(
            &SourceFile::new(path, ""),
            Position { line: 1, column: 1 },
            format!("cannot read `{}`: {error}", path.display()),
        )
        .with_hint("check that the file exists and is readable")
        .into()),
    }
}

/// A diagnostic for a graphql-parser error message such as
/// `query parse error: Parse error at 3:5\nUnexpected ...\nExpected ...`.
pub fn parse_error(file: &SourceFile, message: &str) -> Diagnostic {
    let (position, details) = split_parse_error(message);
    let text = if details.is_empty() {
        "syntax error".to_string()
    } else {
        format!("syntax error: {}", details.join("; "))
    };
    Diagnostic::new(file, position, text).with_hint("fix the GraphQL syntax at this position")
}

/// The position and the detail lines of a graphql-parser error message. Messages
/// without a position point at the start of the file.
fn split_parse_error(message: &str) -> (Position, Vec<String>) {
    let mut position = Position { line: 1, column: 1 };
    let mut details = Vec::new();
    for line in message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        match line.split_once("Parse error at ") {
            Some((_, at)) => {
                if let Some(found) = parse_position(at) {
                    position = found;
                }
            }
            None => details.push(without_token_kinds(line)),
        }
    }
    (position, details)
}

/// graphql-parser prints tokens as `value[Kind]`; the kind is noise to a reader.
fn without_token_kinds(line: &str) -> String {
    const KINDS: [&str; 6] = [
        "[Punctuator]",
        "[Name]",
        "[IntValue]",
        "[FloatValue]",
        "[StringValue]",
        "[BlockString]",
    ];
    KINDS
        .iter()
        .fold(line.to_string(), |line, kind| line.replace(kind, ""))
}

fn parse_position(text: &str) -> Option<Position> {
    let (line, column) = text.trim().split_once(':')?;
    Some(Position {
        line: line.trim().parse().ok()?,
        column: column.trim().parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_text_replaces_whitespace_outside_strings_only() {
        assert!(matches!(
            parser_text("type A { b: Int }\n"),
            Cow::Borrowed(_)
        ));
        let text = "\u{feff}type A {\r\n\tb: String # a\tcomment\r\n\
                    \t\"\"\"a\tblock\\\"\"\"\tstring\r\n\"\"\" c(d: String = \"e\\\"\tf\"): Int\r\n}\r\n";
        assert_eq!(
            parser_text(text),
            " type A { \n b: String # a comment \n \
             \"\"\"a\tblock\\\"\"\"\tstring\r\n\"\"\" c(d: String = \"e\\\"\tf\"): Int \n} \n"
        );
        assert_eq!(parser_text("\"open\t\nx\ty"), "\"open\t\nx y");
        // Other characters whose UTF-8 starts like a byte-order mark's are kept.
        assert_eq!(parser_text("# ｱ\u{feff}\r\n\"ｱ\"\tｱ"), "# ｱ  \n\"ｱ\" ｱ");
    }

    #[test]
    fn positions_in_prepared_text_count_characters_and_lines() {
        // A tab before the error, and a comment in a CRLF file, used to shift it.
        let text = "# note\r\nquery {\r\n\ta(\r\n}\r\n";
        let file = SourceFile::new("a.graphql", text);
        let error = graphql_parser::parse_query::<String>(&parser_text(text))
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert_eq!(
            parse_error(&file, &error).to_string(),
            "a.graphql:4:1: syntax error: Unexpected `}`; Expected Name"
        );
        let text = "query {\n\tb(c: \"\tx\")\t)\n}\n";
        let error = graphql_parser::parse_query::<String>(&parser_text(text))
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(error.contains("Parse error at 2:"), "{error}");
        let column = split_parse_error(&error).0.column;
        assert_eq!(&text.lines().nth(1).unwrap()[column - 1..], ")");
    }

    #[test]
    fn parse_error_position_and_details() {
        let file = SourceFile::new("a.graphql", "query {\n  a(\n}\n");
        let error = graphql_parser::parse_query::<String>(&file.text)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        let diagnostic = parse_error(&file, &error);
        assert_eq!(
            diagnostic.to_string(),
            "a.graphql:3:1: syntax error: Unexpected `}`; Expected Name"
        );
    }

    #[test]
    fn parse_error_without_position_points_at_start() {
        let file = SourceFile::new("a.graphql", "");
        let diagnostic = parse_error(&file, "schema parse error: something odd");
        assert_eq!(
            diagnostic.to_string(),
            "a.graphql:1:1: syntax error: schema parse error: something odd"
        );
    }
}
