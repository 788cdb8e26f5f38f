//! One operation's section of the page, split into its blocks: header, description,
//! errors, deprecation, tables, document, variables and response examples.

use super::deprecation;
use super::errors_list::{self, DocumentedError};
use super::page::{
    brace_balance, is_block_marker, is_field_name, section_heading, Cursor, ARGUMENTS, DEPRECATED,
    ERRORS_INTRO, MUTATION, RESPONSE, RETURN_FIELDS, VARIABLES,
};
use super::table::{self, Table};
use crate::catalogue::{Deprecation, Endpoint};
use crate::diagnostic::Diagnostic;

/// Numbered page lines (0-based).
pub type Lines<'a> = Vec<(usize, &'a str)>;

/// The blocks of one operation, as found on the page.
pub struct Section<'a> {
    /// 0-based line the section starts at.
    pub start: usize,
    pub endpoint: Endpoint,
    /// The name line of the header, when the page kept it.
    pub name: Option<(usize, &'a str)>,
    pub return_type: Option<String>,
    pub url: Option<(usize, &'a str)>,
    pub description: Lines<'a>,
    pub errors: Vec<DocumentedError>,
    /// Line of the "Deprecated" marker, the name its sentence gives, and the deprecation.
    pub deprecation: Option<(usize, &'a str, Deprecation)>,
    pub arguments: Option<Table>,
    pub return_fields: Option<Table>,
    pub document: Lines<'a>,
    /// The line of `Variables` and the lines after it (none when the scrape lost them).
    pub variables: Option<(usize, Lines<'a>)>,
    pub response: Lines<'a>,
}

/// Reads the operation starting at the cursor, in the section of `endpoint`.
pub fn parse<'a>(
    cursor: &mut Cursor<'_, 'a>,
    endpoint: Endpoint,
) -> Result<Section<'a>, Diagnostic> {
    let page = cursor.page;
    let start = cursor.index;
    let name = cursor
        .peek()
        .filter(|line| is_field_name(line))
        .map(|line| (start, line));
    if name.is_some() {
        cursor.next_line();
    }
    let return_type = cursor.peek().and_then(|line| line.strip_prefix("Type:"));
    if return_type.is_some() {
        cursor.next_line();
    }
    let url = cursor
        .peek()
        .and_then(|line| line.strip_prefix("URL:"))
        .map(|url| (cursor.index, url.trim()));
    if url.is_some() {
        cursor.next_line();
    }
    let label = match name {
        Some((_, name)) => format!("operation `{name}`"),
        None => format!("the operation starting on line {}", start + 1),
    };
    let mut section = Section {
        start,
        endpoint,
        name,
        return_type: return_type.map(|text| text.trim().to_string()),
        url,
        description: Vec::new(),
        errors: Vec::new(),
        deprecation: None,
        arguments: None,
        return_fields: None,
        document: Vec::new(),
        variables: None,
        response: Vec::new(),
    };
    let mut seen: Vec<&str> = Vec::new();
    loop {
        cursor.skip_blank();
        let index = cursor.index;
        let Some(line) = cursor.next_line() else {
            return Err(page.error(
                start,
                format!("{label} has no document: the page ends before its `{MUTATION}` line"),
            ));
        };
        if is_block_marker(line) {
            if seen.contains(&line) {
                return Err(page.error(index, format!("{label} has a second `{line}` block")));
            }
            seen.push(line);
        }
        match line {
            MUTATION => break,
            ERRORS_INTRO => section.errors = errors_list::parse(cursor, index)?,
            DEPRECATED => {
                let (named, deprecation) = deprecation::parse_block(cursor)?;
                section.deprecation = Some((index, named, deprecation));
            }
            ARGUMENTS => section.arguments = Some(table::parse(cursor, index)?),
            RETURN_FIELDS => section.return_fields = Some(table::parse(cursor, index)?),
            _ if section_heading(line).is_some() || line == VARIABLES || line == RESPONSE => {
                return Err(page
                    .error(
                        index,
                        format!("`{line}` comes before the document of {label}"),
                    )
                    .with_hint(format!(
                        "the `{MUTATION}` line and the document are missing"
                    )));
            }
            _ if seen.is_empty() => section.description.push((index, line)),
            _ if is_field_name(line) => {
                return Err(page
                    .error(
                        index,
                        format!("{label} ends without its document before `{line}`"),
                    )
                    .with_hint(format!(
                        "the `{MUTATION}` line and the document are missing"
                    )));
            }
            _ => {
                return Err(page
                    .error(index, format!("unexpected line in {label}"))
                    .with_hint(
                        "after the description come errors, deprecation, tables, then `Mutation`",
                    ));
            }
        }
    }
    let document_start = cursor.index;
    section.document = cursor.take_until(|line| {
        line == VARIABLES
            || line == RESPONSE
            || is_block_marker(line)
            || section_heading(line).is_some()
    });
    trim_blank(&mut section.document);
    check_document_braces(cursor, document_start, &section.document, &label)?;
    if cursor.eat(VARIABLES) {
        let variables_line = cursor.index - 1;
        let mut lines = cursor.take_until(|line| line == RESPONSE || is_block_marker(line));
        trim_blank(&mut lines);
        section.variables = Some((variables_line, lines));
    }
    if !cursor.eat(RESPONSE) {
        return Err(page
            .error(
                cursor.index,
                format!("expected `{RESPONSE}` here, after the document of {label}"),
            )
            .with_hint("every operation ends with its response example"));
    }
    cursor.skip_blank();
    section.response = cursor.take_braced(&format!("the response example of {label}"))?;
    Ok(section)
}

/// A document must be there and close every brace it opens.
fn check_document_braces(
    cursor: &Cursor<'_, '_>,
    start: usize,
    document: &Lines<'_>,
    label: &str,
) -> Result<(), Diagnostic> {
    let page = cursor.page;
    if document.is_empty() {
        return Err(page.error(
            start,
            format!("the `{MUTATION}` line of {label} is not followed by a document"),
        ));
    }
    let mut depth = 0;
    for (index, line) in document {
        depth += brace_balance(line);
        if depth < 0 {
            return Err(page.error(
                *index,
                format!("the document of {label} closes a brace it never opened"),
            ));
        }
    }
    if depth > 0 {
        let end = document.last().map_or(start, |(index, _)| *index);
        return Err(page
            .error(
                end,
                format!("the document of {label} is truncated: {depth} brace(s) never closed"),
            )
            .with_hint("the scrape lost the end of the document; restore it from the docs site"));
    }
    Ok(())
}

fn trim_blank(lines: &mut Lines<'_>) {
    while lines.last().is_some_and(|(_, line)| line.is_empty()) {
        lines.pop();
    }
}
