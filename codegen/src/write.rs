//! Writing output files: atomically, and only when their content changes.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// What [`write_if_changed`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    /// The file already held these bytes; it was not touched.
    Unchanged,
    /// The file was created or replaced.
    Written,
}

/// Writes `contents` to `path` unless it already holds exactly those bytes.
///
/// The new content goes to a temporary file in the same directory, which is then
/// renamed over `path`, so a reader never sees a half-written file; on failure the
/// temporary file is removed. There is no `fsync`: the output is reproducible from its
/// inputs, and a sync per file made a fresh `regenerate` (100 files) several times
/// slower.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> io::Result<WriteOutcome> {
    if fs::read(path).is_ok_and(|existing| existing == contents) {
        return Ok(WriteOutcome::Unchanged);
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let temp = dir.join(temp_name(path));
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| file.write_all(contents))
        .and_then(|()| fs::rename(&temp, path));
    if let Err(error) = written {
        // The temporary file may not exist (creating it failed); the write's error is
        // the one to report.
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    Ok(WriteOutcome::Written)
}

/// A hidden name beside `path` that no other write uses: this process's id and a
/// counter, since threads write files of one directory at once.
fn temp_name(path: &Path) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let count = NEXT.fetch_add(1, Ordering::Relaxed);
    format!(".{name}.{}.{count}.tmp", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_new_then_skips_identical_then_replaces_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/out.rs");
        assert_eq!(
            write_if_changed(&path, b"one").unwrap(),
            WriteOutcome::Written
        );
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        assert_eq!(
            write_if_changed(&path, b"one").unwrap(),
            WriteOutcome::Unchanged
        );
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
        assert_eq!(
            write_if_changed(&path, b"two").unwrap(),
            WriteOutcome::Written
        );
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
        // The mode of any new file (the umask's), not a temporary file's private 0600.
        let usual = path.with_file_name("usual.rs");
        fs::write(&usual, b"").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions(),
            fs::metadata(&usual).unwrap().permissions()
        );
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A directory with something in it cannot be replaced by a file.
        let path = dir.path().join("out.rs");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), b"").unwrap();
        let error = write_if_changed(&path, b"one").unwrap_err();
        assert_ne!(error.kind(), io::ErrorKind::NotFound, "{error}");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.rs"]);
    }
}
