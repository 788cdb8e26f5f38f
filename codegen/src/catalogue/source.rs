//! Catalogue files as the places diagnostics point at: a byte offset's line and column,
//! and the errors of reading a file.

// A diagnostic is the error of a whole file, made once per file: returned by value.
#![allow(clippy::result_large_err)]

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::read;
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};

/// The first character of a file.
pub(super) const START: Position = Position { line: 1, column: 1 };

/// Reads a catalogue file with `read`, reporting what is wrong at its place.
pub(super) fn read_toml<T>(
    source: &SourceFile,
    read: impl FnOnce(&str) -> read::Result<T>,
) -> Result<T, Diagnostic> {
    read(&source.text).map_err(|error| {
        Diagnostic::new(
            source,
            position_at(&source.text, error.span.start),
            error.message,
        )
    })
}

/// Reads the optional catalogue file `path` with `read`: `None` when there is no such
/// file, or when it cannot be read or is wrong, which is then pushed to `diagnostics`.
pub(super) fn read_optional<T>(
    path: PathBuf,
    read: impl FnOnce(&str) -> read::Result<T>,
    diagnostics: &mut Diagnostics,
) -> Option<(SourceFile, T)> {
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == ErrorKind::NotFound => return None,
        Err(error) => {
            diagnostics.push(unreadable(&path, &error));
            return None;
        }
    };
    let source = SourceFile::new(path, text);
    match read_toml(&source, read) {
        Ok(file) => Some((source, file)),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            None
        }
    }
}

/// A file that could not be read, reported at its start.
pub(super) fn unreadable(path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        &SourceFile::new(PathBuf::from(path), ""),
        START,
        format!("cannot read {}: {error}", path.display()),
    )
}

/// The 1-based line and column (in characters) of a byte offset.
pub(super) fn position_at(text: &str, offset: usize) -> Position {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}
