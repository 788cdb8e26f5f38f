//! What the damaged-input corpora share: the fixtures a corpus directory holds, and the
//! one-line form of the diagnostics each case expects.

use std::fs;
use std::path::Path;

/// The file stems under `dir` (relative to the crate), sorted: the cases on disk, which
/// a corpus test compares with the cases it lists.
pub fn fixture_stems(dir: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut stems: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            path.file_stem().unwrap().to_str().unwrap().to_string()
        })
        .collect();
    stems.sort();
    stems
}

/// What `Diagnostics`' `Display` gives for a case at `relative` whose diagnostics are
/// `expected` (`line:col: message` each): one `relative:line:col: message` line apiece.
pub fn expected_lines(relative: &str, expected: &[&str]) -> String {
    let lines: Vec<String> = expected
        .iter()
        .map(|line| format!("{relative}:{line}"))
        .collect();
    lines.join("\n")
}
