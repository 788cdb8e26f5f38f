//! The behaviour class of error codes: `error_classes.toml` read and checked against the
//! catalogue's error table.

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use super::files::{ErrorClassesFile, ERROR_CLASSES_FILE, MORE_ERRORS_FILE};
use super::model::ErrorClass;
use super::source::{position_at, read_toml, unreadable};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};

/// The classes of `<dir>/error_classes.toml`, empty without the file. Every code must
/// be in `errors` (the catalogue's table, `errors.toml` included) and be classified
/// once.
pub(super) fn load(
    dir: &Path,
    errors: &BTreeMap<String, String>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, ErrorClass> {
    let mut classes = BTreeMap::new();
    let path = dir.join(ERROR_CLASSES_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == ErrorKind::NotFound => return classes,
        Err(error) => {
            diagnostics.push(unreadable(&path, &error));
            return classes;
        }
    };
    let source = SourceFile::new(path, text);
    let file = match read_toml(&source, ErrorClassesFile::read) {
        Ok(file) => file,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return classes;
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
            if !errors.contains_key(name) {
                diagnostics.push(
                    Diagnostic::new(&source, here, format!("unknown error code `{name}`"))
                        .with_hint(format!(
                            "a code the docs page lacks goes with its message in \
                             {MORE_ERRORS_FILE}"
                        )),
                );
            }
            classes.insert(name.to_string(), *class);
        }
    }
    classes
}
