//! Damaged renderings of the live schema: each is an error naming the rendering's line,
//! never a silent skip.

mod corpus_support;

use std::fs;
use std::path::Path;

use kraken_codegen::assemble::live;
use kraken_codegen::SourceFile;

const DAMAGED: &str = "tests/fixtures/live/damaged";

/// Each damaged rendering with its one-line diagnostics (`line:col: message`).
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "argument_table_disagrees",
        &["52:1: this row says `id: String!` but the signature of `Mutation.refund` says `id: ID!`"],
    ),
    (
        "argument_table_missing",
        &["38:3: field `Mutation.refund` takes arguments but has no `#### `refund`` table"],
    ),
    (
        "custom_directive",
        &["142:15: `@cached` is not a built-in directive"],
    ),
    (
        "default_not_a_value",
        &["97:29: the default `{JPY` is not a GraphQL value"],
    ),
    (
        "deprecation_date_malformed",
        &["98:23: malformed deprecation: expected `- Marked as deprecated on YYYY-MM-DD. - Scheduled for removal on or after YYYY-MM-DD.`"],
    ),
    (
        "enum_without_values",
        &["26:1: the table in `Currency` has no rows"],
    ),
    (
        "implementation_not_listed",
        &[
            "60:21: `Node` names `PayFailed`, but `PayFailed` does not implement `Node`",
            "70:17: `Paid` names `Node`, but `Node` does not list `Paid`",
        ],
    ),
    (
        "input_object_as_field_type",
        &["75:14: `PayInput` is InputObject, which cannot be the type of a field"],
    ),
    (
        "kind_line_missing",
        &["68:1: type `Paid` has no `**Kind:** `KIND`` line after its heading"],
    ),
    (
        "member_given_twice",
        &["84:3: a second member `reason` in `PayFailed`"],
    ),
    (
        "no_full_reference",
        &["150:1: no `# Full type reference` heading: the rendering is truncated or not one"],
    ),
    (
        "row_with_wrong_cell_count",
        &["75:1: this row has 2 cells; its table has 3"],
    ),
    (
        "row_without_closing_pipe",
        &["83:1: a table row must start and end with `|`"],
    ),
    (
        "truncated",
        &["10:41: the summary counts 12 types but the full reference defines 6"],
    ),
    (
        "type_defined_twice",
        &["106:1: a second definition of type `PayFailed`"],
    ),
    (
        "type_never_defined",
        &["83:14: type `FailureReason` is referenced but never defined"],
    ),
    (
        "union_without_members",
        &["100:1: union `PayResult` has no `**Possible types:**` line"],
    ),
    (
        "unknown_kind",
        &["79:12: unknown kind `RECORD` of type `PayFailed`"],
    ),
];

fn read(relative: &str) -> Result<live::Live, kraken_codegen::Diagnostics> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap();
    live::read(&SourceFile::new(relative, text))
}

#[test]
fn every_fixture_has_its_expected_error() {
    let listed: Vec<&str> = EXPECTED.iter().map(|(name, _)| *name).collect();
    assert_eq!(corpus_support::fixture_stems(DAMAGED), listed);
}

#[test]
fn each_damaged_rendering_is_an_error_naming_its_line() {
    for (name, expected) in EXPECTED {
        let relative = format!("{DAMAGED}/{name}.md");
        let diagnostics = read(&relative).expect_err(&format!("{name} must not be read"));
        assert_eq!(
            diagnostics.to_string(),
            corpus_support::expected_lines(&relative, expected),
            "{name}"
        );
        insta::assert_snapshot!(*name, diagnostics.render());
    }
}

/// A rendering cut anywhere (a download or copy that stopped) is read without a panic,
/// and is refused unless every type block is whole.
#[test]
fn a_rendering_cut_anywhere_is_refused_unless_its_types_are_whole() {
    let relative = "tests/fixtures/assemble/live.md";
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap();
    // The last type block ends with the line before the empty one before `# Directives`.
    let types_end = text.find("\n\n# Directives").unwrap();
    let mut read = Vec::new();
    for end in (0..=text.len()).filter(|end| text.is_char_boundary(*end)) {
        if let Ok(live) = live::read(&SourceFile::new(relative, &text[..end])) {
            assert_eq!(live.types.len(), 12, "cut at byte {end}");
            read.push(end);
        }
    }
    assert!(read.iter().all(|end| *end >= types_end), "{read:?}");
    assert_eq!(read.first(), Some(&types_end));
    assert_eq!(read.last(), Some(&text.len()));
}

/// A rendering with any one line lost, repeated or stripped of its backticks or pipes is
/// read without a panic; when it is refused, the error names a line of the file.
#[test]
fn a_rendering_with_any_line_damaged_is_read_without_a_panic() {
    let relative = "tests/fixtures/assemble/live.md";
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut refused = 0;
    for (index, line) in lines.iter().enumerate() {
        let damaged = [
            String::new(),
            format!("{line}\n{line}"),
            line.replace('`', ""),
            line.replace('|', ""),
        ];
        for replacement in damaged {
            let mut copy = lines.clone();
            copy[index] = &replacement;
            let damaged = copy.join("\n");
            if let Err(errors) = live::read(&SourceFile::new(relative, damaged.as_str())) {
                let line_count = damaged.lines().count().max(1);
                assert!(errors.iter().all(|e| e.position.line <= line_count));
                refused += 1;
            }
        }
    }
    assert!(
        refused > lines.len(),
        "only {refused} of {} refused",
        4 * lines.len()
    );
}
