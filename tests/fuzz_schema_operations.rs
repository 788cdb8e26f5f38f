//! Fuzzing the SDL loader and the generator with damaged schemas and operation
//! documents: each run gives a result or diagnostics naming places in the input files,
//! never a panic or an error of another kind.
//!
//! `FUZZ_SECONDS=300 cargo test --release --test fuzz_schema_operations -- --nocapture`
//! (or `benches/fuzz.sh fuzz_schema_operations 300`) runs it for five minutes.

mod fuzz_support;

use std::fs;
use std::path::{Path, PathBuf};

use fuzz_support::{apply, check_diagnostics, edits, Campaign, Edit, Outcome};
use kraken_codegen::builder::Error;
use kraken_codegen::{schema, Builder, Diagnostics, SourceFile};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;

/// The independent fixture schema and operations (interfaces, unions, input objects,
/// fragments, deprecations).
const SCHEMA: &str = "codegen/tests/fixtures/independent/schema.graphql";
const OPERATIONS: &str = "codegen/tests/fixtures/independent/operations.graphql";
/// The shipped JP schema.
const JP_SCHEMA: &str = "schema/kraken-jp.graphql";

/// Keywords and punctuation of GraphQL.
const GRAPHQL_SNIPPETS: &[&str] = &[
    "type",
    "input",
    "enum",
    "union",
    "interface",
    "scalar",
    "schema",
    "directive",
    "extend",
    "extend type Query { extra: Int }",
    "implements",
    "implements Node &",
    "&",
    "=",
    "@",
    "@deprecated",
    "@deprecated(reason: \"x\")",
    "@skip(if: true)",
    "@include(if: $v)",
    "query",
    "mutation",
    "subscription",
    "fragment",
    "on",
    "...",
    "... on Dog",
    "...CatFields",
    "$",
    "$id",
    "!",
    "[",
    "]",
    "[[Int!]!]",
    "(",
    ")",
    "{",
    "}",
    ":",
    "\"\"\"",
    "#",
    "__typename",
    "__schema",
    "Query",
    "Mutation",
    "Node",
    "String",
    "Int",
    "Float",
    "ID",
    "Boolean",
    "Date",
    "null",
    "true",
    "1e3",
    "-0",
    "\"text\"",
    "id",
    "name",
    "self",
    "type",
    "match",
    "Self",
    "r#type",
    "union U = Dog | Cat",
    "scalar Date",
    "enum E { A B }",
    "type T implements Node { id: ID! }",
    "input I { i: I }",
    "fragment F on Dog { ...F }",
    "query Q($id: ID! = 1) { node(id: $id) { id } }",
];

fn read(relative: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(root.join(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// Loads `text` from memory, as one file or split at `split` into two.
fn check_sdl(text: &str, split: Option<Index>) -> Result<Outcome, TestCaseError> {
    let files = match split {
        None => vec![SourceFile::new("schema.graphql", text)],
        Some(at) => {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            let at = at.index(lines.len() + 1);
            vec![
                SourceFile::new("a.graphql", lines[..at].concat()),
                SourceFile::new("b.graphql", lines[at..].concat()),
            ]
        }
    };
    match schema::from_sources(files) {
        Ok(schema) => {
            if !schema.warnings.is_empty() {
                check_diagnostics(&schema.warnings)?;
            }
            Ok(Outcome::Accepted)
        }
        Err(diagnostics) => check_diagnostics(&diagnostics),
    }
}

/// Generates from `schema` and `operations` written to files under `dir`.
fn check_generate(dir: &Path, schema: &str, operations: &str) -> Result<Outcome, TestCaseError> {
    let (schema_path, operations_path) = (dir.join("schema.graphql"), dir.join("ops.graphql"));
    fs::write(&schema_path, schema).map_err(|error| TestCaseError::fail(error.to_string()))?;
    fs::write(&operations_path, operations)
        .map_err(|error| TestCaseError::fail(error.to_string()))?;
    let generated = Builder::new()
        .schema(&schema_path)
        .operations([&operations_path])
        .runtime_path("::kraken_jp")
        .generate();
    match generated {
        Ok(generated) => {
            prop_assert!(!generated.to_string().is_empty());
            prop_assert!(!generated.ir().operations.is_empty());
            for (name, document) in generated.documents() {
                prop_assert!(!document.trim().is_empty(), "empty document for `{name}`");
            }
            if !generated.warnings().is_empty() {
                check_diagnostics(generated.warnings())?;
            }
            Ok(Outcome::Accepted)
        }
        Err(Error::Diagnostics(diagnostics)) => check_diagnostics(&diagnostics),
        Err(other) => Err(TestCaseError::fail(format!("not a diagnostic: {other}"))),
    }
}

#[test]
fn damaged_schemas_and_operations_load_or_fail_with_diagnostics() {
    let (schema, operations, jp_schema) = (read(SCHEMA), read(OPERATIONS), read(JP_SCHEMA));
    let scratch = fuzz_support::scratch_dir();
    let dir: PathBuf = scratch.path().to_path_buf();
    let sdl = {
        let schema = schema.clone();
        move |(edits, split): (Vec<Edit>, Option<Index>)| check_sdl(&apply(&schema, &edits), split)
    };
    let jp_sdl = move |edits: Vec<Edit>| check_sdl(&apply(&jp_schema, &edits), None);
    let damaged_operations = {
        let (dir, schema, operations) = (dir.clone(), schema.clone(), operations.clone());
        move |edits: Vec<Edit>| check_generate(&dir, &schema, &apply(&operations, &edits))
    };
    let damaged_schema = {
        let dir = dir.clone();
        move |edits: Vec<Edit>| check_generate(&dir, &apply(&schema, &edits), &operations)
    };
    Campaign::new("schema_operations")
        .target(
            "sdl",
            128,
            (edits(GRAPHQL_SNIPPETS, 1, 8), any::<Option<Index>>()),
            sdl,
        )
        .target("jp_sdl", 8, edits(GRAPHQL_SNIPPETS, 1, 8), jp_sdl)
        .target(
            "operations",
            48,
            edits(GRAPHQL_SNIPPETS, 1, 6),
            damaged_operations,
        )
        .target(
            "schema_for_operations",
            24,
            edits(GRAPHQL_SNIPPETS, 1, 4),
            damaged_schema,
        )
        .run();
}

/// Found by fuzzing: an error past column 65535 of a one-line document panicked while
/// rendering (the former renderer padded the excerpt up to the column, and formatting
/// widths stop at 65535). A place on so long a line is named without an excerpt.
#[test]
fn error_far_along_a_one_line_document_renders() {
    let operations = format!(
        "query Q {{ shop(id: \"1\") {{ id{} ) }} }}\n",
        " id".repeat(30_000)
    );
    let diagnostics = rejection(&operations);
    let [diagnostic] = diagnostics.as_slice() else {
        panic!("not one diagnostic: {diagnostics}");
    };
    assert!(diagnostic.position.column > 65_535, "{diagnostic}");
    let expected = format!(
        "error: syntax error: Unexpected `)`; Expected }}\n\
         --> {}:1:90030\n \
         = help: fix the GraphQL syntax at this position\n",
        diagnostic.path().display(),
    );
    assert_eq!(diagnostics.render(), expected);
}

/// The diagnostics of generating `operations` against the fixture schema, once
/// `check_generate` has found them a well-formed rejection.
fn rejection(operations: &str) -> Diagnostics {
    let dir = fuzz_support::scratch_dir();
    let outcome = check_generate(dir.path(), &read(SCHEMA), operations);
    assert!(matches!(outcome, Ok(Outcome::Rejected)), "{outcome:?}");
    let generated = Builder::new()
        .schema(dir.path().join("schema.graphql"))
        .operations([dir.path().join("ops.graphql")])
        .generate();
    match generated {
        Err(Error::Diagnostics(diagnostics)) => diagnostics,
        Err(other) => panic!("not a diagnostic: {other}"),
        Ok(_) => panic!("generated code from a rejected document"),
    }
}

/// The position of the only diagnostic of loading `text`.
fn sdl_error(text: &str) -> (usize, usize, String) {
    let diagnostics = schema::from_sources(vec![SourceFile::new("a.graphql", text)])
        .expect_err("an invalid schema");
    let [diagnostic] = diagnostics.as_slice() else {
        panic!("not one diagnostic: {diagnostics}");
    };
    let position = diagnostic.position;
    (position.line, position.column, diagnostic.message.clone())
}

/// Found by fuzzing: graphql-parser counts a tab as 8 columns, so a syntax error after
/// a tab was reported past the end of its line.
#[test]
fn syntax_error_after_tabs_points_at_its_token() {
    let (line, column, message) = sdl_error("type A {\n\tb: Int\n\t\tc d\n}\n");
    assert_eq!((line, column), (3, 5), "{message}");
    assert!(message.contains("Unexpected `d`"), "{message}");
}

/// Found while fixing the above: graphql-parser ends a comment at a carriage return and
/// counts a line there, so each comment of a CRLF file moved later positions down a line.
#[test]
fn comments_in_a_crlf_file_do_not_move_positions() {
    let (line, column, message) = sdl_error("# a type\r\ntype A {\r\n  b: Nope\r\n}\r\n");
    assert_eq!((line, column), (3, 6), "{message}");
    assert!(message.contains("`Nope`"), "{message}");
}

/// Tabs in operation documents: an unknown field after tabs is reported at its name.
#[test]
fn validation_error_after_tabs_points_at_the_field() {
    let diagnostics = rejection("query Q($id: ID!) {\n\tshop(id: $id) {\n\t\tnope\n\t}\n}\n");
    let positions: Vec<(usize, usize)> = diagnostics
        .iter()
        .map(|diagnostic| (diagnostic.position.line, diagnostic.position.column))
        .collect();
    assert_eq!(positions, [(3, 3)], "{diagnostics}");
}
