//! Writing the catalogue to its directory: deterministic files, rewritten only when
//! their content changes, and operation files that no longer belong removed.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::{CatalogueFile, OperationFile, CATALOGUE_FILE, OPERATIONS_DIR};
use super::model::Catalogue;
use crate::ir::OperationKind;
use crate::write::{write_if_changed, WriteOutcome};

/// What [`write()`] did to the catalogue directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteSummary {
    /// Files created or replaced, in the order written.
    pub written: Vec<PathBuf>,
    /// Files that already held the right bytes.
    pub unchanged: usize,
    /// Operation files of operations no longer in the catalogue.
    pub removed: Vec<PathBuf>,
}

/// Writes `catalogue` under `dir`: `catalogue.toml`, and per documented mutation
/// `operations/<fieldName>.toml` and `operations/<fieldName>.graphql`. The reads in
/// `queries/` are written by hand and left alone.
pub fn write(catalogue: &Catalogue, dir: &Path) -> io::Result<WriteSummary> {
    let mut files = vec![(
        dir.join(CATALOGUE_FILE),
        to_toml(&CatalogueFile::new(&catalogue.endpoints, &catalogue.errors))?,
    )];
    let operations = dir.join(OPERATIONS_DIR);
    let mutations = catalogue
        .operations
        .iter()
        .filter(|operation| operation.kind == OperationKind::Mutation);
    for operation in mutations {
        let stem = &operation.name;
        files.push((
            operations.join(format!("{stem}.toml")),
            to_toml(&OperationFile::from(operation))?,
        ));
        files.push((
            operations.join(format!("{stem}.graphql")),
            format!("{}\n", operation.document),
        ));
    }
    let mut summary = WriteSummary::default();
    for (path, contents) in &files {
        match write_if_changed(path, contents.as_bytes())? {
            WriteOutcome::Written => summary.written.push(path.clone()),
            WriteOutcome::Unchanged => summary.unchanged += 1,
        }
    }
    let expected: BTreeSet<&PathBuf> = files.iter().map(|(path, _)| path).collect();
    let mut stale = Vec::new();
    fs::create_dir_all(&operations)?;
    for entry in fs::read_dir(&operations)? {
        let path = entry?.path();
        let ours = matches!(
            path.extension().and_then(|extension| extension.to_str()),
            Some("toml" | "graphql")
        );
        if ours && !expected.contains(&path) {
            stale.push(path);
        }
    }
    stale.sort();
    for path in stale {
        fs::remove_file(&path)?;
        summary.removed.push(path);
    }
    Ok(summary)
}

fn to_toml<T: serde::Serialize>(value: &T) -> io::Result<String> {
    toml::to_string_pretty(value).map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))
}
