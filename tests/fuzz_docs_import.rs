//! Fuzzing the docs importer with damaged copies of the shipped docs page: it returns a
//! catalogue or diagnostics naming places in the page, never panics, and a catalogue it
//! returns saves and loads back unchanged.
//!
//! `FUZZ_SECONDS=300 cargo test --release --test fuzz_docs_import -- --nocapture` (or
//! `benches/fuzz.sh fuzz_docs_import 300`) runs it for five minutes.

mod fuzz_support;

use std::fs;
use std::path::Path;

use fuzz_support::{apply, check_diagnostics, edits, snippet, Campaign, Edit, Outcome};
use kraken_codegen::catalogue;
use kraken_codegen::docs_import;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;

const PAGE: &str = "schema/docs/kraken-jp-mutations-docs.txt";

/// Lines and words that structure the page.
const PAGE_SNIPPETS: &[&str] = &[
    "API Site",
    "Authentication Server",
    "Mutation",
    "Variables",
    "Response",
    "Arguments",
    "Return fields",
    "Deprecated",
    "The possible errors that can be raised are:",
    "- KT-CT-1111: Unauthorized.",
    "- KT-CT-1111: Not allowed.",
    "- KT-JP-0000:",
    "Type:",
    "Type:AcceptGoodsQuote",
    "URL:",
    "URL:https://api.oejp-kraken.energy/v1/graphql/",
    "URL:https://auth.oejp-kraken.energy/graphql/",
    "Name | Description |",
    "---|---|",
    "| Input fields. |",
    "|",
    "mutation X($input: XInput!) {",
    "query Q {",
    "doThing",
    "...PossibleErrorTypeFragment",
    "\"data\": {",
    "\"abc123\" | 1 | true",
    "Marked as deprecated on 2023-01-01.",
    "The field will be removed on or after 2024-13-01.",
    "This field is deprecated. Please use `other` instead.",
];

fn page() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(root.join(PAGE)).expect("the shipped docs page")
}

/// Imports `text`: diagnostics must name places in the page; a catalogue must survive a
/// save and load unchanged.
fn check_import(text: &str, scratch: &Path) -> Result<Outcome, TestCaseError> {
    let imported = match docs_import::import_with_warnings(text, Path::new(PAGE)) {
        Ok(imported) => imported,
        Err(diagnostics) => return check_diagnostics(&diagnostics),
    };
    for warning in &imported.warnings {
        check_diagnostics(&warning.clone().into())?;
    }
    let imported = imported.catalogue;
    prop_assert!(!imported.operations.is_empty());
    catalogue::write(&imported, scratch)
        .map_err(|error| TestCaseError::fail(format!("writing the catalogue: {error}")))?;
    let mut loaded = catalogue::load(scratch).map_err(|diagnostics| {
        TestCaseError::fail(format!(
            "an imported catalogue does not load back:\n{diagnostics}"
        ))
    })?;
    for operation in &mut loaded.operations {
        operation.document_path =
            Path::new("operations").join(format!("{}.graphql", operation.field_name));
    }
    prop_assert_eq!(loaded, imported);
    Ok(Outcome::Accepted)
}

/// The page's operations, each from its header to the end of its response example:
/// those of the "API Site" section and those of the "Authentication Server" section.
fn operation_blocks(page: &str) -> (Vec<String>, Vec<String>) {
    let (mut api, mut auth) = (Vec::new(), Vec::new());
    let mut current = String::new();
    let mut in_auth = false;
    let mut in_response = false;
    let mut depth = 0i64;
    for line in page.lines() {
        if matches!(line, "API Site" | "Authentication Server") {
            in_auth = line == "Authentication Server";
            current.clear();
            continue;
        }
        current.push_str(line);
        current.push('\n');
        if line == "Response" {
            (in_response, depth) = (true, 0);
        } else if in_response {
            depth += line.matches('{').count() as i64 - line.matches('}').count() as i64;
            if depth <= 0 && line.contains('}') {
                let block = std::mem::take(&mut current);
                if in_auth {
                    auth.push(block)
                } else {
                    api.push(block)
                }
                in_response = false;
            }
        }
    }
    (api, auth)
}

/// A page put together from whole operations of the shipped page under both headings
/// (in any order, some twice), with up to two stray parts (a heading, an operation of
/// the other section, a line) anywhere.
fn assembled_page(api: Vec<String>, auth: Vec<String>) -> impl Strategy<Value = Vec<String>> {
    let stray = prop_oneof![
        2 => proptest::sample::select(api.clone()),
        1 => proptest::sample::select(auth.clone()),
        1 => Just("API Site\n".to_owned()),
        1 => Just("Authentication Server\n".to_owned()),
        2 => snippet(PAGE_SNIPPETS).prop_map(|line| format!("{line}\n")),
    ];
    (
        proptest::collection::vec(proptest::sample::select(api), 1..6),
        proptest::collection::vec(proptest::sample::select(auth), 1..3),
        proptest::collection::vec((any::<Index>(), stray), 0..3),
    )
        .prop_map(|(api, auth, strays)| {
            let mut parts = vec!["API Site\n".to_owned()];
            parts.extend(api);
            parts.push("Authentication Server\n".to_owned());
            parts.extend(auth);
            for (at, stray) in strays {
                parts.insert(at.index(parts.len() + 1), stray);
            }
            parts
        })
}

#[test]
fn damaged_pages_import_or_fail_with_diagnostics() {
    let page = page();
    let (api, auth) = operation_blocks(&page);
    assert_eq!((api.len(), auth.len()), (95, 3), "one block per operation");
    let scratch_dir = fuzz_support::scratch_dir();
    let scratch = scratch_dir.path().to_path_buf();
    let page_damage = {
        let page = page.clone();
        let scratch = scratch.clone();
        move |edits: Vec<Edit>| check_import(&apply(&page, &edits), &scratch)
    };
    let assembled = move |parts: Vec<String>| check_import(&parts.concat(), &scratch);
    Campaign::new("docs_import")
        .target("page", 48, edits(PAGE_SNIPPETS, 1, 4), page_damage)
        .target("assembled", 128, assembled_page(api, auth), assembled)
        .run();
}

/// Found by fuzzing: a page cut right after a `Mutation` line, without a final newline,
/// was reported one line past its end.
#[test]
fn page_cut_after_a_mutation_line_is_reported_on_its_last_line() {
    let page = page();
    let cut = page.find("\nMutation\n").expect("a `Mutation` line") + "\nMutation".len();
    let text = &page[..cut];
    let diagnostics = docs_import::import(text, Path::new(PAGE)).expect_err("a truncated page");
    let last_line = text.lines().count();
    let positions: Vec<usize> = diagnostics
        .iter()
        .map(|diagnostic| diagnostic.position.line)
        .collect();
    assert!(
        diagnostics.iter().any(|diagnostic| {
            diagnostic.position.line == last_line
                && diagnostic.message.contains("is not followed by a document")
        }),
        "{diagnostics}"
    );
    assert!(
        positions.iter().all(|&line| line <= last_line),
        "{diagnostics}"
    );
}

/// `page` with its first line equal to `line` written twice.
fn with_line_twice(page: &str, line: &str) -> (String, usize) {
    let index = page
        .lines()
        .position(|candidate| candidate == line)
        .unwrap_or_else(|| panic!("no line `{line}`"));
    let mut lines: Vec<&str> = page.lines().collect();
    lines.insert(index, line);
    (lines.join("\n") + "\n", index + 1)
}

/// Found by fuzzing: a document whose root field repeats an argument was imported, and
/// the catalogue written from it did not load (`consents` documented twice).
#[test]
fn repeated_argument_is_an_error_at_the_root_field() {
    let (page, repeated) = with_line_twice(&page(), "consents: $consents,");
    let diagnostics = docs_import::import(&page, Path::new(PAGE)).expect_err("invalid GraphQL");
    let [diagnostic] = diagnostics.as_slice() else {
        panic!("not one diagnostic: {diagnostics}");
    };
    assert_eq!(
        page.lines().nth(diagnostic.position.line - 1),
        Some("updateAccountUserConsents("),
        "{diagnostic}"
    );
    assert!(diagnostic.position.line < repeated, "{diagnostic}");
    assert!(
        diagnostic
            .message
            .contains("is given the argument `consents` twice"),
        "{diagnostic}"
    );
}

/// The same field selected twice is valid GraphQL: the page imports, and its catalogue
/// loads back.
#[test]
fn field_selected_twice_imports_and_loads_back() {
    let (page, _) = with_line_twice(&page(), "campaignAdded");
    let scratch = fuzz_support::scratch_dir();
    let outcome = check_import(&page, scratch.path());
    assert!(matches!(outcome, Ok(Outcome::Accepted)), "{outcome:?}");
}
