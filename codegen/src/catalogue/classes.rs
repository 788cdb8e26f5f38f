//! The behaviour class of error codes: `error_classes.toml` read and checked against the
//! catalogue's error table.

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use super::files::{ErrorClassesFile, CATALOGUE_FILE, ERROR_CLASSES_FILE};
use super::model::ErrorClass;
use super::source::{position_at, read_toml, unreadable};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};

/// The classes of `<dir>/error_classes.toml`, and its undocumented codes with their
/// messages; both empty without the file. Every code must be in `errors` (the
/// documented table) or in the file's `[undocumented]`, be classified once, and an
/// undocumented code must be classified and not documented.
pub(super) fn load(
    dir: &Path,
    errors: &BTreeMap<String, String>,
    diagnostics: &mut Diagnostics,
) -> (BTreeMap<String, ErrorClass>, BTreeMap<String, String>) {
    let mut classes = BTreeMap::new();
    let mut undocumented = BTreeMap::new();
    let path = dir.join(ERROR_CLASSES_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == ErrorKind::NotFound => return (classes, undocumented),
        Err(error) => {
            diagnostics.push(unreadable(&path, &error));
            return (classes, undocumented);
        }
    };
    let source = SourceFile::new(path, text);
    let file = match read_toml(&source, ErrorClassesFile::read) {
        Ok(file) => file,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return (classes, undocumented);
        }
    };
    let at = |offset: usize| position_at(&source.text, offset);
    let mut first_classified: BTreeMap<&str, (ErrorClass, Position)> = BTreeMap::new();
    for (class, codes) in &file.classes {
        for code in codes {
            let here = at(code.span().start);
            let name = code.get_ref().as_str();
            if let Some((earlier, first)) = first_classified.get(name) {
                diagnostics.push(
                    Diagnostic::new(
                        &source,
                        here,
                        format!("`{name}` is already in class `{}`", earlier.key()),
                    )
                    .with_related("first classified here", *first),
                );
                continue;
            }
            first_classified.insert(name, (*class, here));
            let listed = errors.contains_key(name)
                || file
                    .undocumented
                    .iter()
                    .any(|(key, _)| key.get_ref() == name);
            if !listed {
                diagnostics.push(
                    Diagnostic::new(&source, here, format!("unknown error code `{name}`"))
                        .with_hint(format!(
                            "add it to the error table in {CATALOGUE_FILE}, or with its \
                             message to `[undocumented]` here"
                        )),
                );
            }
            classes.insert(name.to_string(), *class);
        }
    }
    for (code, message) in &file.undocumented {
        let here = at(code.span().start);
        let name = code.get_ref().as_str();
        if errors.contains_key(name) {
            diagnostics.push(
                Diagnostic::new(
                    &source,
                    here,
                    format!("`{name}` is documented in {CATALOGUE_FILE}"),
                )
                .with_hint("list under `[undocumented]` only codes the docs page lacks"),
            );
        } else if !classes.contains_key(name) {
            diagnostics.push(
                Diagnostic::new(&source, here, format!("`{name}` is in no class"))
                    .with_hint("an undocumented code is listed only to be classified"),
            );
        } else {
            undocumented.insert(name.to_string(), message.get_ref().clone());
        }
    }
    (classes, undocumented)
}
