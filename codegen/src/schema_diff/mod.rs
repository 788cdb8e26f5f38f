//! `schema-diff`: what a schema refresh changes for the operations that use the schema.
//!
//! [`compare`] lists every change from the old schema to the new one
//! (graphql-inspector's breaking / dangerous / safe changes, see [`Kind`]), reads what
//! each operation uses of the old schema (its validated wire document), and sorts each
//! change under the operations it affects as [`Severity::Breaking`] or
//! [`Severity::Risky`]; the changes that affect none are the report's summary.

mod change;
mod compare;
pub mod date;
mod report;
mod usage;

pub use change::{Change, Coordinate, Kind};
pub use date::Date;
pub use report::{severity, OperationReport, Report, Severity};
pub use usage::Usage;

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostics, SourceFile};
use crate::ir;
use crate::schema::{self, Schema};
use crate::validate::{self, ExecutableSource, Options};

/// What stops a comparison.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A schema that does not load, at its file:line:col.
    #[error("{0}")]
    Schema(Diagnostics),
    /// Operations that do not validate against the old schema: what they use is unknown.
    #[error("{0}")]
    Operations(Diagnostics),
}

impl Error {
    /// The message for a terminal, diagnostics rendered with their excerpts.
    pub fn render(&self) -> String {
        match self {
            Error::Schema(diagnostics) => diagnostics.render(),
            Error::Operations(diagnostics) => format!(
                "error: the operations do not validate against the old schema, so what they use of it is unknown; fix them first\n\n{}",
                diagnostics.render()
            ),
        }
    }
}

/// Compares two SDL texts for the operations in `sources` (catalogue documents or plain
/// operation files), which must validate against `old` with `options`.
pub fn check(
    old: SourceFile,
    new: SourceFile,
    sources: &[ExecutableSource],
    options: &Options,
    today: Date,
) -> Result<Report, Error> {
    let old = schema::from_sources(vec![old]);
    let new = schema::from_sources(vec![new]);
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let diagnostics = old.err().into_iter().chain(new.err()).flatten().collect();
            return Err(Error::Schema(diagnostics));
        }
    };
    let ir = validate::resolve(&old, sources, options).map_err(Error::Operations)?;
    compare(&old, &new, &ir.operations, today).map_err(Error::Operations)
}

/// Sorts every change from `old` to `new` under the operations (validated against
/// `old`) it affects.
pub fn compare(
    old: &Schema,
    new: &Schema,
    operations: &[ir::Operation],
    today: Date,
) -> Result<Report, Diagnostics> {
    let changes = compare::changes(old, new, today);
    let mut listed = BTreeSet::new();
    let mut reports = Vec::new();
    for operation in operations {
        let usage = Usage::of(old, operation)?;
        let mut report = OperationReport {
            root_field: operation.root_field.clone(),
            name: operation.name.clone(),
            kind: operation.kind,
            breaking: Vec::new(),
            risky: Vec::new(),
        };
        for (index, change) in changes.iter().enumerate() {
            let list = match severity(change, &usage) {
                Some(Severity::Breaking) => &mut report.breaking,
                Some(Severity::Risky) => &mut report.risky,
                None => continue,
            };
            list.push(change.clone());
            listed.insert(index);
        }
        reports.push(report);
    }
    let other = changes
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !listed.contains(index))
        .map(|(_, change)| change)
        .collect();
    Ok(Report {
        today,
        operations: reports,
        other,
    })
}

#[cfg(test)]
mod tests;
