//! `schema-diff` and `introspect --diff` as a user runs them: the whole report, the exit
//! status (0 nothing breaks, 1 an operation breaks, 2 bad input), and what is written.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kraken_codegen::{introspect, SourceFile};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the command in `dir`, so that paths in its output are the relative ones given.
fn codegen_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kraken-codegen"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the kraken-codegen binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

const FIXTURE_PAIR: [&str; 7] = [
    "schema-diff",
    "old.graphql",
    "new.graphql",
    "--operations",
    "operations.graphql",
    "--today",
    "2026-06-16",
];

#[test]
fn fixture_pair_reports_every_kind_and_exits_1() {
    let output = codegen_in(&fixture("schema_diff"), &FIXTURE_PAIR);
    assert_eq!(text(&output.stderr), "");
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("report", text(&output.stdout));
}

#[test]
fn verbose_lists_the_other_changes_and_the_unaffected_operations() {
    let mut args = FIXTURE_PAIR.to_vec();
    args.push("--verbose");
    let output = codegen_in(&fixture("schema_diff"), &args);
    assert_eq!(text(&output.stderr), "");
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("report_verbose", text(&output.stdout));
}

#[test]
fn the_shipped_schema_against_itself_changes_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let schema = "schema/kraken-jp.graphql";
    let output = codegen_in(
        &root,
        &["schema-diff", schema, schema, "--today", "2000-01-01"],
    );
    assert_eq!(text(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
    // Every operation of the catalogue, the reads with the mutations.
    let operations = kraken_codegen::catalogue::load(&root.join("schema/catalogue"))
        .unwrap()
        .operations
        .len();
    assert_eq!(
        text(&output.stdout),
        format!(
            "{operations} operations checked: 0 with breaking changes, 0 with risky changes \
             only, {operations} unaffected (removal dates compared with 2000-01-01).\n\
             No other changes to the schema.\n"
        )
    );
}

/// A scratch directory with `ok.graphql` (`type Query { a: Int }`) and the given files.
fn scratch(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.graphql"), "type Query {\n  a: Int\n}\n").unwrap();
    for (name, contents) in files {
        fs::write(dir.path().join(name), contents).unwrap();
    }
    dir
}

#[test]
fn bad_input_exits_2_naming_the_place() {
    let dir = scratch(&[
        ("bad.graphql", "type Query {\n  a: Int\n  b(: Int\n}\n"),
        ("ops.graphql", "query Q {\n  a\n}\n"),
        ("wrong.graphql", "query Q {\n  a\n  c\n}\n"),
    ]);
    let cases: [(&[&str], &str); 4] = [
        (
            &["bad.graphql", "ok.graphql", "--operations", "ops.graphql"],
            "error: syntax error: Unexpected `:`; Expected Name\n --> bad.graphql:3:5\n  |\n3 |   b(: Int\n  |     ^ here\n  |\n  = help: fix the GraphQL syntax at this position\n",
        ),
        (
            &["ok.graphql", "bad.graphql", "--operations", "ops.graphql"],
            "error: syntax error: Unexpected `:`; Expected Name\n --> bad.graphql:3:5\n  |\n3 |   b(: Int\n  |     ^ here\n  |\n  = help: fix the GraphQL syntax at this position\n",
        ),
        (
            &["ok.graphql", "ok.graphql", "--operations", "wrong.graphql"],
            "error: the operations do not validate against the old schema, so what they use of it is unknown; fix them first\n\n\
             error: unknown field `c` on type `Query`\n --> wrong.graphql:3:3\n  |\n3 |   c\n  |   ^ here\n  |\n  = help: did you mean `a`?\n",
        ),
        (
            &["ok.graphql", "missing.graphql", "--operations", "ops.graphql"],
            "error: cannot read missing.graphql: No such file or directory (os error 2)\n",
        ),
    ];
    for (args, expected) in cases {
        let output = codegen_in(dir.path(), &[&["schema-diff"], args].concat());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&output.stderr), expected, "{args:?}");
        assert_eq!(text(&output.stdout), "", "{args:?}");
    }
    let output = codegen_in(
        dir.path(),
        &[
            "schema-diff",
            "ok.graphql",
            "ok.graphql",
            "--today",
            "2025-02-30",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: invalid value '2025-02-30' for '--today <TODAY>': `2025-02-30` is not a calendar date (YYYY-MM-DD)\n\n\
         For more information, try '--help'.\n"
    );
}

/// The SDL `introspect` makes of the saved result `full.json`.
fn converted_full_result() -> String {
    let path = fixture("introspection/full.json");
    let file = SourceFile::new(&path, fs::read_to_string(&path).unwrap());
    introspect::print(&introspect::parse(&file).unwrap()).sdl
}

/// The converted SDL as a previous refresh would have left it: `RenameInput` still
/// shows the deprecated `email` that the server accepts but no longer lists.
fn with_deprecated_email(sdl: &str) -> String {
    let input = "input RenameInput {\n  id: ID!\n";
    assert!(sdl.contains(input));
    sdl.replacen(
        input,
        &format!("{input}  email: String @deprecated(reason: \"Use `id`.\")\n"),
        1,
    )
}

const RENAME: &str =
    "mutation Rename($input: RenameInput!) {\n  rename(input: $input) {\n    id\n  }\n}\n";

fn introspect_diff(dir: &Path, extra: &[&str]) -> Output {
    let input = fixture("introspection/full.json");
    let args = [
        "introspect",
        input.to_str().unwrap(),
        "-o",
        "schema.graphql",
        "--diff",
        "--operations",
        "rename.graphql",
        "--today",
        "2026-06-16",
    ];
    codegen_in(dir, &[&args[..], extra].concat())
}

const RENAME_BREAKS: &str = "rename: mutation Rename\n\
    \x20 breaking  input field removed  RenameInput.email (was String, deprecated: Use `id`.)\n\
    \n\
    1 operation checked: 1 with breaking changes, 0 with risky changes only, 0 unaffected (removal dates compared with 2026-06-16).\n\
    No other changes to the schema.\n";

#[test]
fn introspect_diff_keeps_a_schema_that_would_break_an_operation() {
    let old = with_deprecated_email(&converted_full_result());
    let dir = scratch(&[("schema.graphql", &old), ("rename.graphql", RENAME)]);
    let output = introspect_diff(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), RENAME_BREAKS);
    assert_eq!(
        text(&output.stderr),
        "error: schema.graphql not written: the new schema breaks the operations above; fix them, or pass --force to write it anyway\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("schema.graphql")).unwrap(),
        old
    );

    let forced = introspect_diff(dir.path(), &["--force"]);
    assert_eq!(forced.status.code(), Some(1));
    assert_eq!(text(&forced.stdout), RENAME_BREAKS);
    assert_eq!(text(&forced.stderr), "");
    assert_eq!(
        fs::read_to_string(dir.path().join("schema.graphql")).unwrap(),
        converted_full_result()
    );
}

#[test]
fn introspect_diff_writes_when_nothing_breaks_or_nothing_was_there() {
    let dir = scratch(&[("rename.graphql", RENAME)]);
    let first = introspect_diff(dir.path(), &[]);
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(text(&first.stdout), "");
    assert_eq!(
        text(&first.stderr),
        "note: schema.graphql does not exist yet; nothing to compare\n"
    );
    let sdl = converted_full_result();
    assert_eq!(
        fs::read_to_string(dir.path().join("schema.graphql")).unwrap(),
        sdl
    );

    let again = introspect_diff(dir.path(), &[]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(text(&again.stderr), "");
    assert_eq!(
        text(&again.stdout),
        "1 operation checked: 0 with breaking changes, 0 with risky changes only, 1 unaffected (removal dates compared with 2026-06-16).\n\
         No other changes to the schema.\n"
    );
}

#[test]
fn drift_options_without_diff_are_refused() {
    let input = fixture("introspection/full.json");
    let output = codegen_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["introspect", input.to_str().unwrap(), "--verbose"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "error: --catalogue, --operations, --today and --verbose need --diff\n"
    );
    assert_eq!(text(&output.stdout), "");
}
