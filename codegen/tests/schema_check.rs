//! The SDL structural checker on a corpus of good and bad schemas.

use std::path::Path;

use kraken_codegen::schema::check::check;
use kraken_codegen::SourceFile;

fn checked(name: &str) -> (usize, usize, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sdl")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let file = SourceFile::new(format!("fixtures/sdl/{name}"), text.as_str());
    let document = graphql_parser::parse_schema::<String>(&text).unwrap();
    let result = check(&document, &file);
    let mut rendered = String::new();
    let errors = result.errors.iter().map(|d| ("error", d, d.render()));
    let warnings = result
        .warnings
        .iter()
        .map(|d| ("warning", d, d.render_warning()));
    for (label, diagnostic, report) in errors.chain(warnings) {
        rendered.push_str(&format!("[{label}] {diagnostic}\n{report}\n"));
    }
    (result.errors.len(), result.warnings.len(), rendered)
}

#[test]
fn valid_schema_has_no_diagnostics() {
    assert_eq!(checked("valid.graphql"), (0, 0, String::new()));
}

#[test]
fn dangling_references() {
    let (errors, warnings, rendered) = checked("dangling_reference.graphql");
    assert_eq!((errors, warnings), (4, 0));
    insta::assert_snapshot!(rendered);
}

#[test]
fn types_in_the_wrong_position() {
    let (errors, warnings, rendered) = checked("wrong_positions.graphql");
    assert_eq!((errors, warnings), (6, 0));
    insta::assert_snapshot!(rendered);
}

#[test]
fn duplicate_fields_are_warnings_with_both_positions() {
    let (errors, warnings, rendered) = checked("duplicate_fields.graphql");
    assert_eq!((errors, warnings), (0, 4));
    insta::assert_snapshot!(rendered);
}

#[test]
fn duplicate_types_are_errors() {
    let (errors, warnings, rendered) = checked("duplicate_types.graphql");
    assert_eq!((errors, warnings), (2, 0));
    insta::assert_snapshot!(rendered);
}

#[test]
fn schema_roots_must_be_defined_objects() {
    let (errors, warnings, rendered) = checked("schema_roots.graphql");
    assert_eq!((errors, warnings), (3, 0));
    insta::assert_snapshot!(rendered);
}

#[test]
fn empty_enums_and_unions_are_warnings() {
    let (errors, warnings, rendered) = checked("empty_types.graphql");
    assert_eq!((errors, warnings), (0, 2));
    insta::assert_snapshot!(rendered);
}
