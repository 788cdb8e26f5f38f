//! Helpers shared by the SDL and operation loaders: positions, type references,
//! `@deprecated`, and graphql-parser's parse errors turned into diagnostics.

use std::path::Path;

use graphql_parser::query::{Directive, Text, Type, Value};
use graphql_parser::Pos;

use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::ir::{Deprecated, TypeRef};

/// The reason `@deprecated` gives when none is written (GraphQL specification).
const DEFAULT_DEPRECATION_REASON: &str = "No longer supported";

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
