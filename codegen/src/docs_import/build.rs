//! Turning one operation's section into its catalogue record, checking the blocks
//! against each other (document, header, tables, examples).

use std::path::PathBuf;

use super::example::{self, Sample};
use super::operation::{Lines, Section};
use super::page::{heading_of, joined, Page};
use super::prose;
use super::table;
use crate::catalogue::document::{analyze, DocumentShape};
use crate::catalogue::files::OPERATIONS_DIR;
use crate::catalogue::{Availability, Operation};
use crate::diagnostic::{Diagnostic, Position};
use crate::ir::OperationKind;

/// A record with the damage found on the way, each at its 0-based page line.
pub struct Built {
    pub operation: Operation,
    pub damage: Vec<(usize, String)>,
}

pub fn build(page: &Page<'_>, section: &Section<'_>) -> Result<Built, Diagnostic> {
    let document = joined(&section.document);
    let document_start = section
        .document
        .first()
        .map_or(section.start, |(index, _)| *index);
    let shape = analyze(&document, OperationKind::Mutation).map_err(|error| {
        let position = Position {
            line: document_start + error.position.line,
            column: error.position.column,
        };
        Diagnostic::new(&page.file, position, error.message)
    })?;
    let field = shape.root_field.clone();
    if let Some((line, name)) = section.name {
        if name != field {
            return Err(page
                .error(
                    line,
                    format!("the header names `{name}` but its document's root field is `{field}`"),
                )
                .with_related("document", Page::position(document_start))
                .with_hint(
                    "if this section lost its own document, the next section's was read as its",
                ));
        }
    }
    let mut damage = Vec::new();
    if section.name.is_none() {
        let lost = [
            (section.description.is_empty(), "description"),
            (section.return_type.is_none(), "`Type:` line"),
            (section.url.is_none(), "`URL:` line"),
        ];
        let lost: Vec<&str> = lost
            .iter()
            .filter(|(gone, _)| *gone)
            .map(|(_, what)| *what)
            .collect();
        let mut text = format!(
            "the page lost the header: name taken from the document, endpoint from the section \"{}\"",
            heading_of(section.endpoint)
        );
        if !lost.is_empty() {
            text.push_str(&format!("; also lost: {}", lost.join(", ")));
        }
        damage.push((section.start, text));
    }
    let deprecation = match &section.deprecation {
        Some((line, named, _)) if *named != field => {
            return Err(page.error(
                *line + 1,
                format!("this deprecation names `{named}` but the operation is `{field}`"),
            ))
        }
        Some((_, _, deprecation)) => Some(deprecation.clone()),
        None => None,
    };
    let prose = prose::recover(page, &section.description)?;
    let arguments = table::align(
        page,
        section.arguments.as_ref(),
        &shape.arguments,
        "argument",
    )?;
    let return_fields = table::align(
        page,
        section.return_fields.as_ref(),
        &shape.selections,
        "return field",
    )?;
    damage.extend(arguments.damage);
    damage.extend(return_fields.damage);
    let variables_example = variables_example(page, section, &shape, &mut damage)?;
    check_response(page, &section.response, &shape)?;
    Ok(Built {
        operation: Operation {
            name: field.clone(),
            kind: OperationKind::Mutation,
            operation_name: shape.operation_name,
            endpoint: section.endpoint,
            availability: Availability::Live,
            return_type: section.return_type.clone(),
            description: prose.description,
            errors: section
                .errors
                .iter()
                .map(|error| error.code.clone())
                .collect(),
            deprecation,
            arguments: arguments.fields,
            return_fields: return_fields.fields,
            notes: prose.notes,
            validation_error_codes: prose.validation_error_codes,
            rate_limit_cost: None,
            damage: damage.iter().map(|(_, text)| text.clone()).collect(),
            variables_example,
            response_example: Some(joined(&section.response)),
            document,
            document_path: PathBuf::from(OPERATIONS_DIR).join(format!("{field}.graphql")),
            field_name: field,
        },
        damage,
    })
}

/// The variables example, checked against the document's variables.
fn variables_example(
    page: &Page<'_>,
    section: &Section<'_>,
    shape: &DocumentShape,
    damage: &mut Vec<(usize, String)>,
) -> Result<Option<String>, Diagnostic> {
    let Some((line, lines)) = &section.variables else {
        if !shape.variables.is_empty() {
            damage.push((
                section.start,
                "the page gives no variables example".to_string(),
            ));
        }
        return Ok(None);
    };
    if lines.is_empty() {
        damage.push((
            *line,
            "the page lost the variables example: `Variables` is followed by nothing".to_string(),
        ));
        return Ok(None);
    }
    let sample = parse_example(page, lines)?;
    let keys = sample.keys();
    if keys != shape.variables {
        let mut error = page.error(
            lines[0].0,
            format!(
                "the variables example has {} but the document declares {}",
                listed(&keys),
                listed(&shape.variables)
            ),
        );
        if sample.only("data").is_some() {
            error = error.with_hint("this is a response example: the page put another block here");
        }
        return Err(error);
    }
    Ok(Some(joined(lines)))
}

/// The response example must answer the document: `data`, the root field, its fields.
fn check_response(
    page: &Page<'_>,
    lines: &Lines<'_>,
    shape: &DocumentShape,
) -> Result<(), Diagnostic> {
    let sample = parse_example(page, lines)?;
    let field = &shape.root_field;
    let Some(value) = sample.only("data").and_then(|data| data.only(field)) else {
        return Err(page
            .error(
                lines[0].0,
                format!("the response example does not answer `{field}`"),
            )
            .with_hint(format!("expected {{ \"data\": {{ \"{field}\": ... }} }}")));
    };
    // A union result prints a type name and selects no field directly: both are empty.
    let keys = value.keys();
    if keys != shape.selections {
        return Err(page.error(
            lines[0].0,
            format!(
                "the response example has {} but the document selects {}",
                listed(&keys),
                listed(&shape.selections)
            ),
        ));
    }
    Ok(())
}

fn parse_example(page: &Page<'_>, lines: &Lines<'_>) -> Result<Sample, Diagnostic> {
    example::parse(&joined(lines)).map_err(|error| {
        let line = lines
            .get(error.line)
            .map_or(lines[0].0, |(index, _)| *index);
        page.error(line, error.message)
    })
}

fn listed<S: AsRef<str>>(names: &[S]) -> String {
    if names.is_empty() {
        return "no keys".to_string();
    }
    names
        .iter()
        .map(|name| format!("`{}`", name.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}
