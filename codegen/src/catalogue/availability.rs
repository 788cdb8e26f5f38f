//! Which catalogue operations the live API still has: `availability.toml` read into each
//! operation's [`Availability`], and the warning each docs-only operation gets.

use std::path::Path;

use super::files::{AvailabilityFile, AVAILABILITY_FILE};
use super::model::{Availability, Catalogue, Operation};
use super::source::{position_at, read_optional};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};

/// Marks the operations `<dir>/availability.toml` lists as docs-only; without the file
/// every operation stays live. `stems` are the names of every operation in the
/// directory, loaded or not; a name that is none of them, or is listed twice, is reported.
pub(super) fn apply(
    dir: &Path,
    stems: &[String],
    operations: &mut [Operation],
    diagnostics: &mut Diagnostics,
) {
    let Some((source, file)) = read_optional(
        dir.join(AVAILABILITY_FILE),
        AvailabilityFile::read,
        diagnostics,
    ) else {
        return;
    };
    let mut listed: Vec<(&str, Position)> = Vec::new();
    for name in &file.docs_only {
        let at = position_at(&source.text, name.span().start);
        let name = name.get_ref().as_str();
        if let Some((_, first)) = listed.iter().find(|(earlier, _)| *earlier == name) {
            diagnostics.push(
                Diagnostic::new(&source, at, format!("`{name}` is listed twice"))
                    .with_related("first listed here", *first),
            );
        } else if stems.iter().any(|stem| stem == name) {
            listed.push((name, at));
        } else {
            diagnostics.push(
                Diagnostic::new(
                    &source,
                    at,
                    format!("`{name}` is not an operation of the catalogue"),
                )
                .with_hint("list only names of operations in `operations/` or `queries/`"),
            );
        }
    }
    for operation in operations {
        if listed.iter().any(|(name, _)| *name == operation.name) {
            operation.availability = Availability::DocsOnly {
                snapshot: file.snapshot.clone(),
            };
        }
    }
}

/// One warning per docs-only operation of `catalogue`, at its document, for the caller
/// to show: the generated code sends it, and the API is likely to refuse it.
pub(crate) fn warnings(catalogue: &Catalogue) -> Vec<Diagnostic> {
    catalogue
        .operations
        .iter()
        .filter_map(|operation| {
            let Availability::DocsOnly { snapshot } = &operation.availability else {
                return None;
            };
            let document = SourceFile::new(&operation.document_path, operation.document.as_str());
            Some(
                Diagnostic::new(
                    &document,
                    Position { line: 1, column: 1 },
                    format!(
                        "operation `{}` is documented but absent from the live schema \
                         snapshot of {snapshot}; the API is likely to refuse it",
                        operation.name
                    ),
                )
                .with_hint(format!(
                    "the catalogue keeps every documented operation; {AVAILABILITY_FILE} \
                     lists those the live schema lacks"
                )),
            )
        })
        .collect()
}
