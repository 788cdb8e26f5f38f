//! The behaviour class of error codes: `error_classes.toml` read and checked against the
//! catalogue's error table.

use std::collections::BTreeMap;
use std::path::Path;

use super::files::{ErrorClassesFile, ERROR_CLASSES_FILE, MORE_ERRORS_FILE};
use super::model::ErrorClass;
use super::source::{position_at, read_optional};
use crate::diagnostic::{Diagnostic, Diagnostics, Position};

/// The classes of `<dir>/error_classes.toml`, empty without the file. Every code must
/// be in `errors` (the catalogue's table, `errors.toml` included) and be classified
/// once.
pub(super) fn load(
    dir: &Path,
    errors: &BTreeMap<String, String>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, ErrorClass> {
    let mut classes = BTreeMap::new();
    let Some((source, file)) = read_optional(
        dir.join(ERROR_CLASSES_FILE),
        ErrorClassesFile::read,
        diagnostics,
    ) else {
        return classes;
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
