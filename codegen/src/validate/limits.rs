//! A server's request limits, checked on every operation when the run is given them
//! ([`crate::Builder::request_limits`]): each connection asks for a bounded page, and
//! no operation can fetch more nodes than a request may.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use graphql_parser::query::Value;

use super::connections::{self, Connection};
use super::documents::{Documents, OperationDef};
use crate::diagnostic::{Diagnostic, Diagnostics, Position};
use crate::schema::syntax::position;
use crate::schema::Schema;

/// What a server refuses to run, for the generator to report before it is sent.
///
/// A connection (a field taking `first` that returns an object type with `edges` and
/// `pageInfo`) must be given `first`: a literal of at most `max_page_size`, or a
/// variable whose default is such a literal (its bound: the node count assumes a caller
/// keeps to it). Each operation's node count is the sum,
/// over every connection it selects, of the product of the `first` values from the
/// root down to it; lists that are not connections count once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLimits {
    /// The largest `first` a connection accepts.
    pub max_page_size: u64,
    /// The most nodes one request may fetch.
    pub max_nodes: u64,
}

/// Checks every operation of documents that passed validation.
pub(crate) fn check(
    schema: &Schema,
    documents: &Documents,
    limits: &RequestLimits,
    diagnostics: &mut Diagnostics,
) {
    // A connection in a fragment shared by several operations is reported once.
    let mut reported: BTreeSet<(PathBuf, Position, String)> = BTreeSet::new();
    for operation in &documents.operations {
        let found = connections::of_operation(schema, &documents.fragments, operation);
        let mut problems = Vec::new();
        let pages: Vec<u64> = found
            .iter()
            .map(|connection| page_size(operation, connection, limits, &mut problems))
            .collect();
        if problems.is_empty() {
            problems.extend(node_count(operation, &found, &pages, limits));
        }
        for problem in problems {
            let key = (
                problem.file.path.clone(),
                problem.position,
                problem.message.clone(),
            );
            if reported.insert(key) {
                diagnostics.push(problem);
            }
        }
    }
}

/// The page size `connection` asks for, reporting a missing or unbounded `first`.
/// After a problem, the largest accepted size stands in for it.
fn page_size(
    operation: &OperationDef,
    connection: &Connection,
    limits: &RequestLimits,
    problems: &mut Vec<Diagnostic>,
) -> u64 {
    let max = limits.max_page_size;
    let at = position(connection.field.position);
    let owner = &connection.owner;
    let value = match connection.argument("first") {
        None | Some(Value::Null) => {
            problems.push(
                Diagnostic::new(
                    connection.file,
                    at,
                    format!("connection `{owner}` is selected without `first`"),
                )
                .with_hint(format!(
                    "the server refuses a connection without a page size: add `first: {max}` (at most {max}), or `first: $first` with a default"
                )),
            );
            return max;
        }
        Some(value) => value,
    };
    let first_at = super::selections::locate_name(connection.file, at, "first");
    match value {
        Value::Int(number) => {
            let size = number.as_i64().unwrap_or(i64::MAX);
            if size > max as i64 {
                problems.push(
                    Diagnostic::new(
                        connection.file,
                        first_at,
                        format!("`first: {size}` on `{owner}` is more than the server accepts ({max} at most)"),
                    )
                    .with_hint(format!(
                        "ask for at most {max} per page and walk the pages with `after`"
                    )),
                );
                return max;
            }
            size.max(0) as u64
        }
        Value::Variable(name) => {
            variable_bound(operation, connection, name, first_at, limits, problems)
        }
        // Any other value is a type error, already reported by validation.
        _ => max,
    }
}

/// The bound of a variable `first`: its default, which must be a page size the server
/// accepts.
fn variable_bound(
    operation: &OperationDef,
    connection: &Connection,
    name: &str,
    first_at: Position,
    limits: &RequestLimits,
    problems: &mut Vec<Diagnostic>,
) -> u64 {
    let max = limits.max_page_size;
    let owner = &connection.owner;
    let declaration = operation
        .variables
        .iter()
        .find(|variable| variable.name == name);
    let default = declaration.and_then(|variable| match &variable.default_value {
        Some(Value::Int(number)) => Some(number.as_i64().unwrap_or(i64::MAX)),
        _ => None,
    });
    match (declaration, default) {
        (Some(variable), Some(size)) if size > max as i64 => {
            problems.push(
                Diagnostic::new(
                    &operation.file,
                    position(variable.position),
                    format!(
                        "`${name}`, the `first` of `{owner}`, defaults to {size}, more than the server accepts ({max} at most)"
                    ),
                )
                .with_hint(format!("give it a default of at most {max}")),
            );
            max
        }
        (_, Some(size)) => size.max(0) as u64,
        (_, None) => {
            problems.push(
                Diagnostic::new(
                    connection.file,
                    first_at,
                    format!("`first: ${name}` on `{owner}` has no bound: `${name}` has no default"),
                )
                .with_hint(format!(
                    "declare it with a default of at most {max} (`${name}: Int = {max}`): the default bounds the page size and the node count"
                )),
            );
            max
        }
    }
}

/// Reports an operation whose connections can fetch more nodes than a request may.
fn node_count(
    operation: &OperationDef,
    found: &[Connection],
    pages: &[u64],
    limits: &RequestLimits,
) -> Option<Diagnostic> {
    let mut nodes: Vec<u64> = Vec::with_capacity(found.len());
    for (connection, page) in found.iter().zip(pages) {
        let above = connection.parent.map_or(1, |parent| nodes[parent]);
        nodes.push(above.saturating_mul(*page));
    }
    let total = nodes
        .iter()
        .fold(0u64, |sum, count| sum.saturating_add(*count));
    if total <= limits.max_nodes {
        return None;
    }
    // The costliest paths first; one path selected twice counts twice.
    let mut by_path: BTreeMap<String, u64> = BTreeMap::new();
    for (connection, count) in found.iter().zip(&nodes) {
        let sum = by_path.entry(connection.dotted_path()).or_default();
        *sum = sum.saturating_add(*count);
    }
    let mut costliest: Vec<(String, u64)> = by_path.into_iter().collect();
    costliest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let listed: Vec<String> = costliest
        .iter()
        .take(3)
        .map(|(path, count)| format!("`{path}` ({count})"))
        .collect();
    Some(
        Diagnostic::new(
            &operation.file,
            operation.position,
            format!(
                "operation `{}` can fetch {total} nodes, more than the {} a request may",
                operation.name, limits.max_nodes
            ),
        )
        .with_hint(format!(
            "lower the `first` of nested connections (each multiplies the ones inside it); the most nodes come from {}",
            listed.join(", ")
        )),
    )
}
