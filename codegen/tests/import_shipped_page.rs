//! The shipped docs page: its figures, whole records of a few operations, the damage
//! reported, and the committed `schema/catalogue/` being exactly its import (beside
//! `availability.toml`, which schema assembly writes).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use kraken_codegen::catalogue::{self, listing, Catalogue, Endpoint};
use kraken_codegen::docs_import;

const PAGE: &str = "schema/docs/kraken-jp-mutations-docs.txt";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn imported() -> docs_import::Imported {
    let text = fs::read_to_string(workspace().join(PAGE)).unwrap();
    docs_import::import_with_warnings(&text, Path::new(PAGE)).unwrap()
}

fn operation<'c>(catalogue: &'c Catalogue, field: &str) -> &'c catalogue::Operation {
    catalogue
        .operations
        .iter()
        .find(|operation| operation.field_name == field)
        .unwrap()
}

/// Every file under `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_path_buf();
                found.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    found
}

#[test]
fn gives_the_documented_figures() {
    let catalogue = imported().catalogue;
    let operations = &catalogue.operations;
    assert_eq!(operations.len(), 98);
    let on = |endpoint| {
        operations
            .iter()
            .filter(|op| op.endpoint == endpoint)
            .count()
    };
    assert_eq!((on(Endpoint::Api), on(Endpoint::Auth)), (95, 3));
    let auth: Vec<&str> = operations
        .iter()
        .filter(|op| op.endpoint == Endpoint::Auth)
        .map(|op| op.field_name.as_str())
        .collect();
    assert_eq!(
        auth,
        ["createMfaDevice", "deleteMfaDevice", "validateMfaDevice"]
    );
    let deprecated: Vec<&str> = operations
        .iter()
        .filter(|op| op.deprecation.is_some())
        .map(|op| op.field_name.as_str())
        .collect();
    assert_eq!(deprecated, ["resetPassword", "updateUserDetails"]);
    let references: usize = operations.iter().map(|op| op.errors.len()).sum();
    assert_eq!(references, 414);
    let referenced: BTreeSet<&String> = operations.iter().flat_map(|op| &op.errors).collect();
    assert_eq!(referenced, catalogue.errors.keys().collect());
    let mut by_area: BTreeMap<&str, usize> = BTreeMap::new();
    for code in catalogue.errors.keys() {
        *by_area.entry(&code[..5]).or_default() += 1;
    }
    assert_eq!(
        by_area,
        BTreeMap::from([("KT-CT", 140), ("KT-GB", 1), ("KT-JP", 29)])
    );
    assert_eq!(
        (
            catalogue.endpoints.api.as_str(),
            catalogue.endpoints.auth.as_str()
        ),
        (
            "https://api.oejp-kraken.energy/v1/graphql/",
            "https://auth.oejp-kraken.energy/graphql/"
        )
    );
    let untyped = operations
        .iter()
        .filter(|op| op.return_type.is_none())
        .count();
    assert_eq!(untyped, 26);
    let without_errors = operations.iter().filter(|op| op.errors.is_empty()).count();
    assert_eq!(without_errors, 98 - 70);
    let without_variables: Vec<&str> = operations
        .iter()
        .filter(|op| !op.document.contains('$'))
        .map(|op| op.field_name.as_str())
        .collect();
    assert_eq!(
        without_variables,
        ["regenerateSecretKey", "unlinkUserFromLine"]
    );
}

#[test]
fn imports_whole_records() {
    let catalogue = imported().catalogue;
    for field in [
        "createKonbiniPayment",     // union result, no tables
        "masqueradeAuthentication", // several arguments, document over several lines
        "resetPassword",            // deprecated operation
        "initiateLiveChat",         // header block lost
        "createMfaDevice",          // authentication server
        "resetUserPassword",        // notes, validation codes, deprecated return fields
    ] {
        insta::assert_debug_snapshot!(field, operation(&catalogue, field));
    }
}

#[test]
fn reports_the_damage_it_recovered_from() {
    let warnings: Vec<String> = imported()
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    insta::assert_snapshot!(warnings.join("\n"));
}

/// What `list` and `errors` print for the committed catalogue: the import, with the
/// availability that schema assembly recorded.
#[test]
fn lists_operations_and_errors() {
    let catalogue = catalogue::load(&workspace().join("schema/catalogue")).unwrap();
    insta::assert_snapshot!("list", listing::operation_lines(&catalogue));
    insta::assert_snapshot!("errors", listing::error_lines(&catalogue));
}

#[test]
fn the_committed_catalogue_is_the_page_imported() {
    let out = tempfile::tempdir().unwrap();
    catalogue::write(&imported().catalogue, out.path()).unwrap();
    let mut committed = files(&workspace().join("schema/catalogue"));
    // `assemble-schema` writes `availability.toml` (tests/schema_jp.rs checks it), and
    // `error_classes.toml` is kept by hand; the import neither writes nor removes them.
    assert!(committed.remove(Path::new("availability.toml")).is_some());
    assert!(committed.remove(Path::new("error_classes.toml")).is_some());
    let fresh = files(out.path());
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &fresh {
        assert!(
            committed[path] == *bytes,
            "{} is stale: run import-docs",
            path.display()
        );
    }
}

#[test]
fn importing_twice_gives_identical_files_and_loads_back() {
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let catalogue = imported().catalogue;
    let written = catalogue::write(&catalogue, first.path()).unwrap();
    assert_eq!((written.written.len(), written.unchanged), (197, 0));
    catalogue::write(&imported().catalogue, second.path()).unwrap();
    assert_eq!(files(first.path()), files(second.path()));

    let again = catalogue::write(&imported().catalogue, first.path()).unwrap();
    assert_eq!(
        (again.written.len(), again.unchanged, again.removed.len()),
        (0, 197, 0)
    );

    let mut loaded = catalogue::load(first.path()).unwrap();
    for operation in &mut loaded.operations {
        let expected = first
            .path()
            .join("operations")
            .join(format!("{}.graphql", operation.field_name));
        assert_eq!(operation.document_path, expected);
        operation.document_path =
            Path::new("operations").join(format!("{}.graphql", operation.field_name));
    }
    assert_eq!(loaded, catalogue);
}
