//! `import-docs`: the scraped docs page of the mutations → the catalogue.
//!
//! The page is read top to bottom: a section heading ("API Site", "Authentication
//! Server") sets the endpoint of the operations after it; each operation ends with its
//! response example. What the scrape damaged is recovered where the page still says it
//! (and recorded as the operation's `damage`); what cannot be recovered is an error
//! naming the page line.

// Each step fails with the one `Diagnostic` that stops it; that path is cold, so its
// size does not matter.
#![allow(clippy::result_large_err)]

mod build;
mod deprecation;
mod errors_list;
mod example;
mod operation;
mod page;
mod prose;
mod table;

use std::collections::BTreeMap;
use std::path::Path;

use crate::catalogue::{Catalogue, Endpoint, Endpoints};
use crate::diagnostic::{Diagnostic, Diagnostics};
use errors_list::DocumentedError;
use operation::Section;
use page::{heading_of, is_block_marker, section_heading, Cursor, Page};

/// An imported catalogue with the damage the importer recovered from, one warning each.
#[derive(Debug)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub warnings: Vec<Diagnostic>,
}

/// Imports the page; errors name the page line.
pub fn import(page_text: &str, page_path: &Path) -> Result<Catalogue, Diagnostics> {
    import_with_warnings(page_text, page_path).map(|imported| imported.catalogue)
}

/// Imports the page, also returning a warning for each piece of damage recovered from.
pub fn import_with_warnings(page_text: &str, page_path: &Path) -> Result<Imported, Diagnostics> {
    let page = Page::new(page_text, page_path);
    let sections = sections(&page)?;
    let mut diagnostics = Diagnostics::default();
    let mut warnings = Vec::new();
    let mut operations = Vec::new();
    for section in &sections {
        match build::build(&page, section) {
            Ok(built) => {
                warnings.extend(built.damage.iter().map(|(line, text)| {
                    page.error(*line, format!("`{}`: {text}", built.operation.field_name))
                }));
                operations.push((section, built.operation));
            }
            Err(error) => diagnostics.push(error),
        }
    }
    check_unique_names(&page, &operations, &mut diagnostics);
    let errors = error_table(&page, &sections, &mut diagnostics);
    let endpoints = endpoints(&page, &sections, &mut diagnostics);
    let mut operations: Vec<_> = operations
        .into_iter()
        .map(|(_, operation)| operation)
        .collect();
    operations.sort_by(|a, b| a.field_name.cmp(&b.field_name));
    let catalogue = endpoints.map(|endpoints| Catalogue {
        endpoints,
        errors,
        undocumented_errors: BTreeMap::new(),
        error_classes: BTreeMap::new(),
        operations,
    });
    match catalogue {
        Some(catalogue) => diagnostics.into_result(Imported {
            catalogue,
            warnings,
        }),
        None => Err(diagnostics),
    }
}

/// Splits the page into operation sections, each with the endpoint of its heading.
fn sections<'a>(page: &Page<'a>) -> Result<Vec<Section<'a>>, Diagnostic> {
    let mut cursor = Cursor::new(page);
    let mut endpoint = None;
    let mut sections = Vec::new();
    loop {
        cursor.skip_blank();
        let Some(line) = cursor.peek() else { break };
        if let Some(heading) = section_heading(line) {
            endpoint = Some(heading);
            cursor.next_line();
            continue;
        }
        match endpoint {
            Some(endpoint) => sections.push(operation::parse(&mut cursor, endpoint)?),
            None if is_block_marker(line) => {
                return Err(page
                    .error(cursor.index, "an operation comes before any section heading")
                    .with_hint("the headings \"API Site\" and \"Authentication Server\" decide the endpoint"));
            }
            // The page's introduction.
            None => {
                cursor.next_line();
            }
        }
    }
    if sections.is_empty() {
        return Err(page.error(0, "the page documents no operation").with_hint(
            "operations follow the headings \"API Site\" and \"Authentication Server\"",
        ));
    }
    Ok(sections)
}

fn check_unique_names(
    page: &Page<'_>,
    operations: &[(&Section<'_>, crate::catalogue::Operation)],
    diagnostics: &mut Diagnostics,
) {
    let mut first_field: BTreeMap<&str, usize> = BTreeMap::new();
    let mut first_name: BTreeMap<&str, usize> = BTreeMap::new();
    for (section, operation) in operations {
        for (seen, name, what) in [
            (&mut first_field, operation.field_name.as_str(), "field"),
            (
                &mut first_name,
                operation.operation_name.as_str(),
                "operation name",
            ),
        ] {
            if let Some(&first) = seen.get(name) {
                diagnostics.push(
                    page.error(
                        section.start,
                        format!("a second operation with the {what} `{name}`"),
                    )
                    .with_related("first documented here", Page::position(first)),
                );
            } else {
                seen.insert(name, section.start);
            }
        }
    }
}

/// The global error table; the same code documented with two messages is an error.
fn error_table(
    page: &Page<'_>,
    sections: &[Section<'_>],
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let mut first: BTreeMap<&str, &DocumentedError> = BTreeMap::new();
    for error in sections.iter().flat_map(|section| &section.errors) {
        match first.get(error.code.as_str()) {
            Some(earlier) if earlier.message != error.message => diagnostics.push(
                page.error(
                    error.line,
                    format!(
                        "`{}` is documented as \"{}\" here but as \"{}\" before",
                        error.code, error.message, earlier.message
                    ),
                )
                .with_related("first documented here", Page::position(earlier.line)),
            ),
            Some(_) => {}
            None => {
                first.insert(&error.code, error);
            }
        }
    }
    first
        .into_iter()
        .map(|(code, error)| (code.to_string(), error.message.clone()))
        .collect()
}

/// Each section's base URL is the one its `URL:` lines give; a line that gives another
/// contradicts its section.
fn endpoints(
    page: &Page<'_>,
    sections: &[Section<'_>],
    diagnostics: &mut Diagnostics,
) -> Option<Endpoints> {
    let mut base = |endpoint: Endpoint| -> Option<String> {
        let urls: Vec<(usize, &str)> = sections
            .iter()
            .filter(|section| section.endpoint == endpoint)
            .filter_map(|section| section.url)
            .collect();
        let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (order, (_, url)) in urls.iter().enumerate() {
            counts.entry(url).or_insert((0, order)).0 += 1;
        }
        // The most frequent URL; on a tie, the first one given.
        let Some((&chosen, _)) = counts
            .iter()
            .max_by(|(_, a), (_, b)| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        else {
            diagnostics.push(
                page.error(
                    0,
                    format!(
                        "no `URL:` line under \"{}\": its base URL is unknown",
                        heading_of(endpoint)
                    ),
                )
                .with_hint("at least one operation of each section must keep its `URL:` line"),
            );
            return None;
        };
        for (line, url) in urls.iter().filter(|(_, url)| *url != chosen) {
            diagnostics.push(
                page.error(
                    *line,
                    format!(
                        "`URL:{url}` contradicts its section \"{}\", whose operations use `{chosen}`",
                        heading_of(endpoint)
                    ),
                )
                .with_hint("the section heading decides the endpoint; check the operation is under the right heading"),
            );
        }
        Some(chosen.to_string())
    };
    let api = base(Endpoint::Api);
    let auth = base(Endpoint::Auth);
    let (api, auth) = (api?, auth?);
    if api == auth {
        diagnostics.push(page.error(0, format!("both sections use the same URL `{api}`")));
    }
    Some(Endpoints { api, auth })
}
