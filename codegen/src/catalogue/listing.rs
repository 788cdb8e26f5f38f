//! The text the `list` and `errors` commands print.

use super::model::Catalogue;

/// One line per operation, sorted by name: `<name>\t<query|mutation>\t<api|auth>\t<number
/// of documented errors>\t<deprecated|->\t<live|docs-only>`.
pub fn operation_lines(catalogue: &Catalogue) -> String {
    let mut operations: Vec<_> = catalogue.operations.iter().collect();
    operations.sort_by(|a, b| a.name.cmp(&b.name));
    operations
        .iter()
        .map(|operation| {
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                operation.name,
                operation.kind.keyword(),
                operation.endpoint.as_str(),
                operation.errors.len(),
                if operation.deprecation.is_some() {
                    "deprecated"
                } else {
                    "-"
                },
                operation.availability.as_str(),
            )
        })
        .collect()
}

/// The global error table, one `<code>\t<message>` line per code, sorted by code.
pub fn error_lines(catalogue: &Catalogue) -> String {
    catalogue
        .errors
        .iter()
        .map(|(code, message)| format!("{code}\t{message}\n"))
        .collect()
}
