//! The facts the schema takes from the published docs page: each mutation document, the
//! `Type:` line before it, deprecation notes, and the field types a response example shows.

use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::introspect::model::TypeRef;

/// One operation as the page shows it.
#[derive(Debug, Clone)]
pub struct PageOperation {
    /// The document, `mutation Name(…) { field(…) { … } }`.
    pub document: String,
    /// Where the document starts on the page.
    pub position: Position,
    /// The return type from the `Type:` line, when the page has one.
    pub return_type: Option<TypeRef>,
    /// The deprecation note of the mutation field, when there is one.
    pub deprecation: Option<String>,
    /// Return fields the page marks deprecated: (field, reason).
    pub deprecated_fields: Vec<(String, String)>,
    /// Top-level fields of the response example whose type the example shows.
    pub example_fields: Vec<(String, TypeRef)>,
}

/// Reads every operation of the page, in page order.
pub fn read(file: &SourceFile) -> Result<Vec<PageOperation>, Diagnostics> {
    let lines: Vec<&str> = file.text.lines().collect();
    let mut operations = Vec::new();
    let mut section_start = 0;
    let mut index = 0;
    while index < lines.len() {
        if !lines[index].starts_with("mutation ") {
            index += 1;
            continue;
        }
        let start = index;
        let end = balanced_end(&lines, start).ok_or_else(|| {
            Diagnostic::new(
                file,
                line_start(start),
                "the mutation document never closes its braces",
            )
        })?;
        let header = &lines[section_start..start];
        let (example_fields, after) = response_example(&lines, end + 1);
        operations.push(PageOperation {
            document: lines[start..=end].join("\n"),
            position: line_start(start),
            return_type: header
                .iter()
                .find_map(|line| line.strip_prefix("Type:"))
                .and_then(TypeRef::parse),
            deprecation: deprecation(header),
            deprecated_fields: deprecated_fields(header),
            example_fields,
        });
        section_start = after;
        index = after.max(end + 1);
    }
    Ok(operations)
}

fn line_start(index: usize) -> Position {
    Position {
        line: index + 1,
        column: 1,
    }
}

/// The index of the line where the braces opened at `start` are balanced again.
fn balanced_end(lines: &[&str], start: usize) -> Option<usize> {
    let mut depth = 0i64;
    let mut opened = false;
    for (index, line) in lines.iter().enumerate().skip(start) {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        if opened && depth <= 0 {
            return Some(index);
        }
    }
    None
}

/// The text after a `Deprecated` line of the header, up to `Arguments`.
fn deprecation(header: &[&str]) -> Option<String> {
    let start = header.iter().position(|line| *line == "Deprecated")? + 1;
    let note: Vec<&str> = header[start..]
        .iter()
        .take_while(|line| !matches!(**line, "Arguments" | "Return fields" | "Mutation"))
        .copied()
        .collect();
    (!note.is_empty()).then(|| note.join("\n"))
}

/// `Deprecated The 'x' field is deprecated.` notes in the return-fields table.
fn deprecated_fields(header: &[&str]) -> Vec<(String, String)> {
    const OPEN: &str = "Deprecated The '";
    const CLOSE: &str = "' field is deprecated.";
    let mut found = Vec::new();
    for line in header {
        let mut rest = *line;
        while let Some(at) = rest.find(OPEN) {
            let after = &rest[at + OPEN.len()..];
            let Some(end) = after.find(CLOSE) else { break };
            let name = &after[..end];
            found.push((
                name.to_string(),
                format!("The '{name}' field is deprecated."),
            ));
            rest = &after[end..];
        }
    }
    found
}

/// The typed top-level fields of the response example that follows `from` (if any), and
/// the index of the first line after it.
fn response_example(lines: &[&str], from: usize) -> (Vec<(String, TypeRef)>, usize) {
    let Some(offset) = lines[from..]
        .iter()
        .take_while(|line| !line.starts_with("mutation "))
        .position(|line| *line == "Response")
    else {
        return (Vec::new(), from);
    };
    let start = from + offset + 1;
    let Some(end) = balanced_end(lines, start) else {
        return (Vec::new(), from);
    };
    // {"data": {"field": { entries at depth 3 }}}
    let mut fields = Vec::new();
    let mut depth = 0;
    for line in &lines[start..=end] {
        if depth == 3 {
            if let Some((name, ty)) = example_entry(line) {
                fields.push((name, ty));
            }
        }
        depth += line.matches('{').count() as i64 - line.matches('}').count() as i64;
    }
    (fields, end + 1)
}

/// `"name": value,` to a name and the type the value shows, when it shows one.
fn example_entry(line: &str) -> Option<(String, TypeRef)> {
    let rest = line.strip_prefix('"')?;
    let (name, value) = rest.split_once("\": ")?;
    let value = value.trim_end_matches(',').trim();
    Some((name.to_string(), example_type(value)?))
}

fn example_type(value: &str) -> Option<TypeRef> {
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        return Some(TypeRef::list(example_type(inner)?));
    }
    if let Some(text) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        let is_date = |t: &str| {
            t.len() == 10
                && t.char_indices().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        };
        let scalar = if is_date(text) {
            "Date"
        } else if text.len() > 10 && is_date(&text[..10]) && text[10..].starts_with('T') {
            "DateTime"
        } else {
            "String"
        };
        return Some(TypeRef::named(scalar));
    }
    match value {
        "true" | "false" => Some(TypeRef::named("Boolean")),
        _ if value.parse::<i64>().is_ok() => Some(TypeRef::named("Int")),
        _ if value.parse::<f64>().is_ok() => Some(TypeRef::named("Float")),
        // A type name standing for an object of that type.
        _ => TypeRef::parse(value).filter(|_| value != "null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "\
acceptGoodsQuote
Type:AcceptGoodsQuote
Accept a goods quote.
Return fields
Name | Description |
---|---|
| Field with the possible errors. Deprecated The 'possibleErrors' field is deprecated. |
| Goods purchase created. |
Mutation
mutation AcceptGoodsQuote($input: AcceptGoodsQuoteInput!) {
acceptGoodsQuote(input: $input) {
possibleErrors {
...PossibleErrorTypeFragment
}
goodsPurchase {
...GoodsPurchaseFragment
}
}
}
Variables
{
\"input\": AcceptGoodsQuoteInput
}
Response
{
\"data\": {
\"acceptGoodsQuote\": {
\"possibleErrors\": [PossibleErrorType],
\"goodsPurchase\": GoodsPurchase,
\"when\": \"2020-01-01T00:00:00.000Z\",
\"day\": \"2020-01-01\",
\"codes\": [\"abc123\"],
\"count\": 1,
\"ok\": true,
\"map\": {\"key\": [SerializerFieldErrorsType]}
}
}
}
resetPassword
Type:ResetPasswordMutationPayload
Deprecated
The 'resetPassword' field is deprecated.
Please use `resetUserPassword` instead.
Arguments
Mutation
mutation ResetPassword($input: ResetPasswordMutationInput!) {
resetPassword(input: $input) {
clientMutationId
}
}
";

    #[test]
    fn reads_documents_types_deprecations_and_examples() {
        let operations = read(&SourceFile::new("page.txt", PAGE)).unwrap();
        assert_eq!(operations.len(), 2);
        let first = &operations[0];
        assert_eq!(
            first.position,
            Position {
                line: 10,
                column: 1
            }
        );
        assert!(first.document.starts_with("mutation AcceptGoodsQuote("));
        assert!(first.document.ends_with("}\n}\n}"));
        assert_eq!(first.return_type, TypeRef::parse("AcceptGoodsQuote"));
        assert_eq!(first.deprecation, None);
        assert_eq!(
            first.deprecated_fields,
            [(
                "possibleErrors".to_string(),
                "The 'possibleErrors' field is deprecated.".to_string()
            )]
        );
        let examples: Vec<(String, String)> = first
            .example_fields
            .iter()
            .map(|(name, ty)| (name.clone(), ty.to_sdl().unwrap()))
            .collect();
        let expected = [
            ("possibleErrors", "[PossibleErrorType]"),
            ("goodsPurchase", "GoodsPurchase"),
            ("when", "DateTime"),
            ("day", "Date"),
            ("codes", "[String]"),
            ("count", "Int"),
            ("ok", "Boolean"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(examples, expected);
        let second = &operations[1];
        assert_eq!(
            second.deprecation.as_deref(),
            Some(
                "The 'resetPassword' field is deprecated.\nPlease use `resetUserPassword` instead."
            )
        );
        assert!(second.example_fields.is_empty());
    }

    #[test]
    fn unclosed_document_is_reported_at_its_line() {
        let error = read(&SourceFile::new("page.txt", "intro\nmutation A {\na {\n")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "page.txt:2:1: the mutation document never closes its braces"
        );
    }
}
