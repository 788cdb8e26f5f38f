//! Writing output files: atomically, and only when their content changes.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

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
/// renamed over `path`, so a reader never sees a half-written file. There is no
/// `fsync`: the output is reproducible from its inputs, and a sync per file made a
/// fresh `regenerate` (100 files) several times slower.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> io::Result<WriteOutcome> {
    if fs::read(path).is_ok_and(|existing| existing == contents) {
        return Ok(WriteOutcome::Unchanged);
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    // A temporary file is private (0600); the output gets the usual file mode instead.
    set_readable(temp.as_file())?;
    temp.write_all(contents)?;
    temp.persist(path).map_err(|error| error.error)?;
    Ok(WriteOutcome::Written)
}

#[cfg(unix)]
fn set_readable(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_readable(_file: &fs::File) -> io::Result<()> {
    Ok(())
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
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
