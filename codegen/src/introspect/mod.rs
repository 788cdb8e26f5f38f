//! `introspect`: an introspection result (file or live endpoint) converted to SDL.

#[cfg(feature = "fetch")]
pub mod fetch;
pub mod model;
pub mod to_sdl;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
pub use model::Schema;
pub use to_sdl::{print, Printed};

/// The accepted shapes: `{"data":{"__schema":…}}`, `{"__schema":…}` or the `__schema` object itself.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    #[serde(default)]
    data: Option<Data>,
    #[serde(default, rename = "__schema")]
    schema: Option<Schema>,
    #[serde(default)]
    errors: Option<Vec<GraphqlError>>,
    #[serde(default)]
    types: Option<Vec<model::FullType>>,
    #[serde(default)]
    query_type: Option<model::RootRef>,
    #[serde(default)]
    mutation_type: Option<model::RootRef>,
    #[serde(default)]
    subscription_type: Option<model::RootRef>,
    #[serde(default)]
    directives: Vec<model::DirectiveDef>,
}

#[derive(Deserialize)]
struct Data {
    #[serde(default, rename = "__schema")]
    schema: Option<Schema>,
}

#[derive(Deserialize)]
struct GraphqlError {
    message: String,
}

/// Reads an introspection result; syntax and shape errors point at their line and column.
pub fn parse(file: &SourceFile) -> Result<Schema, Diagnostics> {
    let envelope: Envelope = serde_json::from_str(&file.text).map_err(|error| {
        let position = Position {
            line: error.line().max(1),
            column: error.column().max(1),
        };
        Diagnostic::new(
            file,
            position,
            format!("not an introspection result: {}", without_location(&error)),
        )
        .with_hint("expected {\"data\":{\"__schema\":…}}, {\"__schema\":…} or the __schema object")
    })?;
    let start = Position { line: 1, column: 1 };
    let from_data = envelope.data.and_then(|data| data.schema);
    if let Some(schema) = from_data.or(envelope.schema) {
        return Ok(schema);
    }
    if let Some(types) = envelope.types {
        return Ok(Schema {
            query_type: envelope.query_type,
            mutation_type: envelope.mutation_type,
            subscription_type: envelope.subscription_type,
            types,
            directives: envelope.directives,
        });
    }
    let messages: Vec<String> = envelope
        .errors
        .unwrap_or_default()
        .into_iter()
        .map(|e| e.message)
        .collect();
    let message = if messages.is_empty() {
        "no `__schema` in this introspection result".to_string()
    } else {
        format!("the server answered with errors: {}", messages.join("; "))
    };
    Err(Diagnostic::new(file, start, message).into())
}

/// serde_json's message without its trailing ` at line L column C` (the diagnostic shows it).
fn without_location(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    message
        .strip_suffix(&suffix)
        .unwrap_or(&message)
        .to_string()
}

/// One line for stderr about types printed without a body, or `None` when there were none.
pub fn bodiless_note(printed: &Printed) -> Option<String> {
    if printed.bodiless.is_empty() {
        return None;
    }
    Some(format!(
        "note: {} types had no body in the introspection result (fields, values or members not requested) and are printed without one: {}",
        printed.bodiless.len(),
        printed.bodiless.join(", ")
    ))
}

/// One line for stderr about fields and arguments left out, or `None` when there were none.
pub fn dropped_note(printed: &Printed) -> Option<String> {
    if printed.dropped.is_empty() {
        return None;
    }
    Some(format!(
        "note: {} fields or arguments were left out because their type reference was cut short (request deeper `ofType`): {}",
        printed.dropped.len(),
        printed.dropped.join(", ")
    ))
}
