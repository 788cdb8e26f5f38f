//! The shape of an operation document: what the catalogue needs to know of it
//! (names of the operation, root field, arguments, variables and selected fields).
//! A documented mutation and a read have the same shape: one named operation of their
//! kind, one root field.

use graphql_parser::query::{
    parse_query, Definition, Document, OperationDefinition, Selection, SelectionSet,
    VariableDefinition,
};

use crate::diagnostic::Position;
use crate::ir::OperationKind;
use crate::schema::syntax::parser_text;

/// What a catalogue document declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentShape {
    /// Name of the operation (`mutation AcceptGoodsQuote ...`, `query ViewerAccounts ...`).
    pub operation_name: String,
    /// The single root field (`acceptGoodsQuote`).
    pub root_field: String,
    /// Arguments of the root field, in document order.
    pub arguments: Vec<String>,
    /// Variables the operation declares, in document order.
    pub variables: Vec<String>,
    /// Fields selected directly on the root field (inline fragments and spreads
    /// excluded), each once, in document order.
    pub selections: Vec<String>,
}

/// A problem with a document, positioned inside the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    pub position: Position,
    pub message: String,
}

impl DocumentError {
    fn new(position: Position, message: impl Into<String>) -> Self {
        DocumentError {
            position,
            message: message.into(),
        }
    }
}

const START: Position = Position { line: 1, column: 1 };

/// Reads the shape of a document holding one named operation of `kind` with one root
/// field.
pub fn analyze(text: &str, kind: OperationKind) -> Result<DocumentShape, DocumentError> {
    let keyword = kind.keyword();
    let text = parser_text(text);
    let document: Document<'_, String> = parse_query(&text).map_err(|error| {
        let message = error.to_string();
        DocumentError::new(
            parse_error_position(&message).unwrap_or(START),
            format!(
                "the document is not valid GraphQL: {}",
                parse_error_detail(&message)
            ),
        )
    })?;
    let mut operations = Vec::new();
    for definition in &document.definitions {
        match definition {
            Definition::Operation(operation) => match parts(operation) {
                Some(parts) if parts.kind == kind => operations.push(parts),
                _ => {
                    return Err(DocumentError::new(
                        operation_position(operation),
                        format!("the document holds an operation that is not a {keyword}"),
                    ))
                }
            },
            Definition::Fragment(_) => {}
        }
    }
    let operation = match operations.as_slice() {
        [one] => one,
        [] => {
            return Err(DocumentError::new(
                START,
                format!("the document holds no {keyword}"),
            ))
        }
        [_, second, ..] => {
            return Err(DocumentError::new(
                second.position,
                format!("the document holds more than one {keyword}"),
            ))
        }
    };
    let operation_name = operation.name.ok_or_else(|| {
        DocumentError::new(
            operation.position,
            format!("the {keyword} has no operation name"),
        )
    })?;
    let root = single_root_field(operation.selection_set, operation.position, keyword)?;
    // GraphQL's argument and variable uniqueness: a catalogue documents each once.
    let mut arguments: Vec<&str> = Vec::new();
    for (name, _) in &root.arguments {
        if arguments.contains(&name.as_str()) {
            return Err(DocumentError::new(
                pos(root.position),
                format!(
                    "the root field `{}` is given the argument `{name}` twice",
                    root.name
                ),
            ));
        }
        arguments.push(name);
    }
    let mut variables: Vec<&str> = Vec::new();
    for variable in operation.variables {
        if variables.contains(&variable.name.as_str()) {
            return Err(DocumentError::new(
                pos(variable.position),
                format!("the variable `${}` is declared twice", variable.name),
            ));
        }
        variables.push(&variable.name);
    }
    // A field selected twice (or under two aliases) is one field.
    let mut selections: Vec<String> = Vec::new();
    for selection in &root.selection_set.items {
        if let Selection::Field(field) = selection {
            if !selections.contains(&field.name) {
                selections.push(field.name.clone());
            }
        }
    }
    Ok(DocumentShape {
        operation_name: operation_name.to_string(),
        root_field: root.name.to_string(),
        arguments: arguments.into_iter().map(str::to_string).collect(),
        variables: variables.into_iter().map(str::to_string).collect(),
        selections,
    })
}

/// What the catalogue reads of a named query or mutation.
struct OperationParts<'a, 'd> {
    kind: OperationKind,
    position: Position,
    name: Option<&'d str>,
    variables: &'d [VariableDefinition<'a, String>],
    selection_set: &'d SelectionSet<'a, String>,
}

/// The parts of a query or mutation; `None` for the other kinds of operation.
fn parts<'a, 'd>(operation: &'d OperationDefinition<'a, String>) -> Option<OperationParts<'a, 'd>> {
    match operation {
        OperationDefinition::Query(query) => Some(OperationParts {
            kind: OperationKind::Query,
            position: pos(query.position),
            name: query.name.as_deref(),
            variables: &query.variable_definitions,
            selection_set: &query.selection_set,
        }),
        OperationDefinition::Mutation(mutation) => Some(OperationParts {
            kind: OperationKind::Mutation,
            position: pos(mutation.position),
            name: mutation.name.as_deref(),
            variables: &mutation.variable_definitions,
            selection_set: &mutation.selection_set,
        }),
        OperationDefinition::SelectionSet(_) | OperationDefinition::Subscription(_) => None,
    }
}

fn single_root_field<'a, 'd>(
    set: &'d SelectionSet<'a, String>,
    at: Position,
    keyword: &str,
) -> Result<&'d graphql_parser::query::Field<'a, String>, DocumentError> {
    match set.items.as_slice() {
        [Selection::Field(field)] => Ok(field),
        [] => Err(DocumentError::new(
            at,
            format!("the {keyword} selects no field"),
        )),
        [Selection::Field(_), second, ..] => Err(DocumentError::new(
            selection_position(second),
            format!("the {keyword} selects more than one root field"),
        )),
        [other, ..] => Err(DocumentError::new(
            selection_position(other),
            format!("the {keyword}'s root selection must be a field"),
        )),
    }
}

fn pos(position: graphql_parser::Pos) -> Position {
    Position {
        line: position.line,
        column: position.column,
    }
}

fn operation_position(operation: &OperationDefinition<'_, String>) -> Position {
    match operation {
        OperationDefinition::SelectionSet(set) => pos(set.span.0),
        OperationDefinition::Query(query) => pos(query.position),
        OperationDefinition::Mutation(mutation) => pos(mutation.position),
        OperationDefinition::Subscription(subscription) => pos(subscription.position),
    }
}

fn selection_position(selection: &Selection<'_, String>) -> Position {
    match selection {
        Selection::Field(field) => pos(field.position),
        Selection::FragmentSpread(spread) => pos(spread.position),
        Selection::InlineFragment(fragment) => pos(fragment.position),
    }
}

/// graphql-parser reports positions only inside its message: "... at LINE:COL".
fn parse_error_position(message: &str) -> Option<Position> {
    let rest = &message[message.find(" at ")? + 4..];
    let end = rest
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    Some(Position {
        line: line.parse().ok()?,
        column: column.parse().ok()?,
    })
}

/// The message without its first line ("query parse error: Parse error at L:C"), whose
/// position is reported as the diagnostic's.
fn parse_error_detail(message: &str) -> String {
    message
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MUTATION: OperationKind = OperationKind::Mutation;

    #[test]
    fn reads_names_arguments_and_selections() {
        let shape = analyze(
            "mutation M(\n$a: String!,\n$b: Int\n) {\nm(a: $a, b: $b) {\nx\n... on T { y }\n...F\nz\n}\n}",
            MUTATION,
        )
        .unwrap();
        assert_eq!(
            shape,
            DocumentShape {
                operation_name: "M".into(),
                root_field: "m".into(),
                arguments: vec!["a".into(), "b".into()],
                variables: vec!["a".into(), "b".into()],
                selections: vec!["x".into(), "z".into()],
            }
        );
    }

    #[test]
    fn rejects_repeated_arguments_and_variables_and_merges_repeated_fields() {
        // Found by fuzzing: the importer accepted a document whose root field repeats an
        // argument, and wrote a catalogue the loader rejected.
        let error = analyze(
            "mutation M($a: Int) {\n  m(a: $a, a: $a) { x }\n}",
            MUTATION,
        )
        .unwrap_err();
        assert_eq!(
            (error.position, error.message.as_str()),
            (
                Position { line: 2, column: 3 },
                "the root field `m` is given the argument `a` twice"
            )
        );
        let error = analyze(
            "mutation M(\n$a: Int,\n$a: Int\n) { m(a: $a) { x } }",
            MUTATION,
        )
        .unwrap_err();
        assert_eq!(
            (error.position, error.message.as_str()),
            (
                Position { line: 3, column: 1 },
                "the variable `$a` is declared twice"
            )
        );
        let shape = analyze("mutation M { m { x\nx\ny: x\nz } }", MUTATION).unwrap();
        assert_eq!(shape.selections, ["x", "z"]);
    }

    #[test]
    fn reports_syntax_errors_with_their_position() {
        let error = analyze("mutation M {\nm {\nx\n}\n", MUTATION).unwrap_err();
        assert_eq!(error.position, Position { line: 5, column: 1 });
        assert!(error
            .message
            .starts_with("the document is not valid GraphQL: "));
    }

    #[test]
    fn rejects_anonymous_queries_and_two_root_fields() {
        assert_eq!(
            analyze("mutation { m }", MUTATION).unwrap_err().message,
            "the mutation has no operation name"
        );
        assert_eq!(
            analyze("query Q { m }", MUTATION).unwrap_err().message,
            "the document holds an operation that is not a mutation"
        );
        assert_eq!(
            analyze("mutation M { a\nb }", MUTATION).unwrap_err(),
            DocumentError::new(
                Position { line: 2, column: 1 },
                "the mutation selects more than one root field"
            )
        );
    }

    #[test]
    fn reads_a_query_and_refuses_the_other_kind() {
        let shape = analyze(
            "query Q($n: String!) {\naccount(accountNumber: $n) { number }\n}",
            OperationKind::Query,
        )
        .unwrap();
        assert_eq!(
            shape,
            DocumentShape {
                operation_name: "Q".into(),
                root_field: "account".into(),
                arguments: vec!["accountNumber".into()],
                variables: vec!["n".into()],
                selections: vec!["number".into()],
            }
        );
        assert_eq!(
            analyze("mutation M { m }", OperationKind::Query).unwrap_err(),
            DocumentError::new(
                Position { line: 1, column: 1 },
                "the document holds an operation that is not a query"
            )
        );
        assert_eq!(
            analyze("query { a }", OperationKind::Query)
                .unwrap_err()
                .message,
            "the query has no operation name"
        );
    }
}
