//! Damaged docs pages: each is an error naming the page line, never a silent skip.

mod corpus_support;

use std::fs;
use std::path::Path;

use kraken_codegen::docs_import;

const DAMAGED: &str = "tests/fixtures/docs/damaged";

/// Each damaged page with its one-line diagnostics (`line:col: message`).
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "bad_deprecation_date",
        &["59:1: the date of this deprecation is not YYYY-MM-DD"],
    ),
    (
        "conflicting_error_messages",
        &["109:1: `KT-CT-1111` is documented as \"Not allowed.\" here but as \"Unauthorized.\" before"],
    ),
    (
        "document_extra_brace",
        &["39:1: the document of operation `doThing` closes a brace it never opened"],
    ),
    (
        "duplicate_operation",
        &[
            "104:1: a second operation with the field `doThing`",
            "104:1: a second operation with the operation name `DoThing`",
        ],
    ),
    (
        "empty_errors_list",
        &["108:1: the list of possible errors is empty"],
    ),
    (
        "error_line_not_a_code",
        &["12:1: `Unauthorized.` is not an error code"],
    ),
    (
        "error_without_message",
        &["12:1: error `KT-JP-4101` has no message"],
    ),
    (
        "header_names_another_field",
        &["53:1: the header names `formerThing` but its document's root field is `oldThing`"],
    ),
    (
        "invalid_document",
        &["111:25: the document is not valid GraphQL: Unexpected `)[Punctuator]`; Expected Name or ["],
    ),
    (
        "misaligned_return_fields",
        &["23:1: this row deprecates `possibleErrors` but aligns with the return field `ok`"],
    ),
    (
        "missing_document",
        &["53:1: the header names `oldThing` but its document's root field is `startChat`"],
    ),
    (
        "no_section_heading",
        &["9:1: an operation comes before any section heading"],
    ),
    (
        "operation_without_document",
        &["110:1: operation `signIn` ends without its document before `signOut`"],
    ),
    (
        "response_answers_other_fields",
        &["121:1: the response example has `accessToken` but the document selects `token`"],
    ),
    (
        "stray_line_between_operations",
        &["53:1: `See also the queries page.` starts no operation"],
    ),
    (
        "truncated_document",
        &["37:1: the document of operation `doThing` is truncated: 1 brace(s) never closed"],
    ),
    (
        "truncated_response",
        &["121:1: the response example of operation `signIn` is truncated: the page ends before its braces close"],
    ),
    (
        "unclosed_table_row",
        &["17:1: this table row never ends: no line closes it with ` |`"],
    ),
    (
        "url_contradicts_section",
        &["54:1: `URL:https://auth.example.test/graphql/` contradicts its section \"API Site\", whose operations use `https://api.example.test/graphql/`"],
    ),
    (
        "variables_hold_a_response",
        &["117:1: the variables example has `data` but the document declares `input`"],
    ),
];

#[test]
fn every_fixture_has_its_expected_error() {
    let listed: Vec<&str> = EXPECTED.iter().map(|(name, _)| *name).collect();
    assert_eq!(corpus_support::fixture_stems(DAMAGED), listed);
}

#[test]
fn each_damaged_page_is_an_error_naming_the_page_line() {
    for (name, expected) in EXPECTED {
        let relative = format!("{DAMAGED}/{name}.txt");
        let text =
            fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&relative)).unwrap();
        let diagnostics = docs_import::import(&text, Path::new(&relative))
            .expect_err(&format!("{name} must not import"));
        assert_eq!(
            diagnostics.to_string(),
            corpus_support::expected_lines(&relative, expected),
            "{name}"
        );
        insta::assert_snapshot!(*name, diagnostics.render());
    }
}
