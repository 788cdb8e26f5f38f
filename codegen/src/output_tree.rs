//! A directory owned by the generator (the checked-in `generated/`): written by
//! `regenerate`, compared by `check`.
//!
//! The tree owns every file under its root: files the inputs no longer produce are
//! removed by [`OutputTree::write`] and reported as extra by [`OutputTree::stale`].

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::write::{write_if_changed, WriteOutcome};

/// The files a run produces, by path relative to the tree's root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutputTree {
    files: BTreeMap<PathBuf, String>,
}

/// What [`OutputTree::write`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub written: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
    pub unchanged: usize,
}

/// Why a file under the root differs from what the inputs produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staleness {
    Missing,
    Differs,
    Extra,
}

/// One stale file, relative to the root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleFile {
    pub path: PathBuf,
    pub staleness: Staleness,
}

impl fmt::Display for StaleFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.staleness {
            Staleness::Missing => "missing",
            Staleness::Differs => "differs from what the inputs produce",
            Staleness::Extra => "not produced by the inputs",
        };
        write!(f, "{}: {why}", self.path.display())
    }
}

impl OutputTree {
    /// Adds a file; a later insert at the same path replaces the earlier one.
    pub fn insert(&mut self, path: impl Into<PathBuf>, contents: impl Into<String>) {
        self.files.insert(path.into(), contents.into());
    }

    /// The files, sorted by path.
    pub fn files(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files
            .iter()
            .map(|(path, contents)| (path.as_path(), contents.as_str()))
    }

    /// Writes every file whose content changed (atomically) and removes files under
    /// `root` that the tree does not hold.
    pub fn write(&self, root: &Path) -> io::Result<WriteReport> {
        let mut report = WriteReport::default();
        // Creating files is mostly file-system work in the kernel; spread it over cores.
        let files: Vec<_> = self.files.iter().collect();
        let outcomes = crate::parallel::map_indices(
            files.len(),
            || (),
            |(), index| write_if_changed(&root.join(files[index].0), files[index].1.as_bytes()),
        );
        for ((path, _), outcome) in files.into_iter().zip(outcomes) {
            match outcome? {
                WriteOutcome::Written => report.written.push(path.clone()),
                WriteOutcome::Unchanged => report.unchanged += 1,
            }
        }
        for path in existing_files(root)? {
            if !self.files.contains_key(&path) {
                fs::remove_file(root.join(&path))?;
                report.removed.push(path);
            }
        }
        Ok(report)
    }

    /// Every file under `root` that is missing, differs, or should not be there.
    pub fn stale(&self, root: &Path) -> io::Result<Vec<StaleFile>> {
        let mut stale = Vec::new();
        for (path, contents) in &self.files {
            let staleness = match fs::read(root.join(path)) {
                Ok(existing) if existing == contents.as_bytes() => continue,
                Ok(_) => Staleness::Differs,
                Err(error) if error.kind() == io::ErrorKind::NotFound => Staleness::Missing,
                Err(error) => return Err(error),
            };
            stale.push(StaleFile {
                path: path.clone(),
                staleness,
            });
        }
        for path in existing_files(root)? {
            if !self.files.contains_key(&path) {
                stale.push(StaleFile {
                    path,
                    staleness: Staleness::Extra,
                });
            }
        }
        stale.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(stale)
    }
}

/// Paths of the regular files under `root`, relative to it; none if `root` does not exist.
fn existing_files(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let entries = match fs::read_dir(root.join(&relative)) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error),
        };
        for entry in entries {
            let entry = entry?;
            let path = relative.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> OutputTree {
        let mut tree = OutputTree::default();
        for (path, contents) in files {
            tree.insert(*path, *contents);
        }
        tree
    }

    #[test]
    fn write_then_check_then_change() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let first = tree(&[("a.rs", "A"), ("documents/x.graphql", "X")]);
        let report = first.write(root).unwrap();
        assert_eq!(
            report.written,
            vec![PathBuf::from("a.rs"), PathBuf::from("documents/x.graphql")]
        );
        assert_eq!(first.stale(root).unwrap(), vec![]);
        assert_eq!(first.write(root).unwrap().unchanged, 2);

        let second = tree(&[("a.rs", "B"), ("documents/y.graphql", "Y")]);
        let expected = vec![
            StaleFile {
                path: "a.rs".into(),
                staleness: Staleness::Differs,
            },
            StaleFile {
                path: "documents/x.graphql".into(),
                staleness: Staleness::Extra,
            },
            StaleFile {
                path: "documents/y.graphql".into(),
                staleness: Staleness::Missing,
            },
        ];
        assert_eq!(second.stale(root).unwrap(), expected);
        let report = second.write(root).unwrap();
        assert_eq!(report.removed, vec![PathBuf::from("documents/x.graphql")]);
        assert_eq!(second.stale(root).unwrap(), vec![]);
        assert_eq!(fs::read_to_string(root.join("a.rs")).unwrap(), "B");
    }
}
