//! The generator's output depends on its inputs only: the JP client generated ten times
//! in one process, and twice by separate `regenerate` processes, is the same bytes every
//! time, file for file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use kraken_codegen::project::{self, Project};

/// In-process runs compared with the first.
const RUNS: usize = 10;

/// A generated tree: file path (relative to its root) → bytes.
type Tree = BTreeMap<PathBuf, Vec<u8>>;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One in-process run: what `regenerate` would write.
fn generate() -> Tree {
    let generated = Project::new(workspace_root())
        .generate()
        .expect("the shipped schema and catalogue generate");
    project::output_tree(&generated)
        .files()
        .map(|(path, contents)| (path.to_path_buf(), contents.as_bytes().to_vec()))
        .collect()
}

/// Every file under `dir`, by path relative to it.
fn read_tree(dir: &Path) -> Tree {
    let mut tree = Tree::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).expect("a readable directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("under dir").to_path_buf();
                tree.insert(relative, fs::read(&path).expect("a readable file"));
            }
        }
    }
    tree
}

/// Panics naming each file that is missing, extra or different (with the first
/// differing line) in `other` compared with `first`.
fn assert_same(first: &Tree, other: &Tree, what: &str) {
    let mut differences = Vec::new();
    for path in first.keys().filter(|path| !other.contains_key(*path)) {
        differences.push(format!("{}: missing", path.display()));
    }
    for path in other.keys().filter(|path| !first.contains_key(*path)) {
        differences.push(format!("{}: extra", path.display()));
    }
    for (path, bytes) in first {
        let Some(again) = other.get(path) else {
            continue;
        };
        if bytes != again {
            let (a, b) = (
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(again),
            );
            let line = a
                .lines()
                .zip(b.lines())
                .position(|(a, b)| a != b)
                .map_or_else(|| "their lengths".to_owned(), |n| format!("line {}", n + 1));
            differences.push(format!("{}: differs at {line}", path.display()));
        }
    }
    assert!(
        differences.is_empty(),
        "{what} differs from the first run:\n{}",
        differences.join("\n")
    );
}

#[test]
fn ten_runs_in_one_process_give_the_same_bytes() {
    let first = generate();
    let operations = kraken_codegen::catalogue::load(&Project::new(workspace_root()).catalogue())
        .unwrap()
        .operations
        .len();
    // The Rust, OPERATIONS.md and one wire document per operation.
    assert_eq!(
        first.len(),
        2 + operations,
        "{:?}",
        first.keys().collect::<Vec<_>>()
    );
    assert!(first.values().all(|bytes| !bytes.is_empty()));
    for run in 2..=RUNS {
        assert_same(&first, &generate(), &format!("in-process run {run}"));
    }
}

#[test]
fn two_regenerate_processes_give_the_same_tree() {
    let root = workspace_root();
    let outs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    for out in &outs {
        let output = Command::new(env!("CARGO_BIN_EXE_kraken-codegen"))
            .arg("regenerate")
            .arg("--root")
            .arg(&root)
            .arg("--out")
            .arg(out.path())
            .output()
            .expect("the kraken-codegen binary runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let first = read_tree(outs[0].path());
    assert_same(
        &first,
        &read_tree(outs[1].path()),
        "the second process's tree",
    );
    assert_same(&first, &generate(), "the in-process run");
}
