//! The generated code of representative JP operations, from the shipped schema and
//! catalogue: a plain payload (`acceptGoodsQuote`), a union result
//! (`createKonbiniPayment`), a five-member union (`backendScreenEvent`), no variables
//! (`regenerateSecretKey`), a deprecated operation (`updateUserDetails`) and one on the
//! authentication server (`createMfaDevice`); and what a docs-only operation
//! (`initiateLiveChat`, `sendLiveChatMessage`) gets: a warning and a note in its rustdoc.

mod emit_support;

use std::path::PathBuf;

use kraken_codegen::Builder;

fn repository(path: &str) -> PathBuf {
    emit_support::workspace_root().join(path)
}

fn jp() -> Builder {
    Builder::new()
        .schema(repository("schema/kraken-jp.graphql"))
        .catalogue(repository("schema/catalogue"))
        .placeholder_fragments(true)
        .client_methods("KrakenApi")
}

const SELECTED: [&str; 6] = [
    "acceptGoodsQuote",
    "backendScreenEvent",
    "createKonbiniPayment",
    "createMfaDevice",
    "regenerateSecretKey",
    "updateUserDetails",
];

/// Compares formatted code, so it needs the `format` feature.
#[cfg(feature = "format")]
#[test]
fn representative_operations() {
    let generated = jp().select(SELECTED).generate().unwrap();
    assert_eq!(
        generated.documents().keys().collect::<Vec<_>>(),
        [
            "AcceptGoodsQuote",
            "BackendScreenEvent",
            "CreateKonbiniPayment",
            "CreateMfaDevice",
            "RegenerateSecretKey",
            "UpdateUserDetails",
        ]
    );
    insta::assert_snapshot!(generated.to_string());
}

#[test]
fn unknown_selection_is_an_error() {
    let error = jp().select(["acceptGoodsQuotes"]).generate().unwrap_err();
    assert_eq!(
        error.to_string(),
        "selected operation `acceptGoodsQuotes` is not in the catalogue"
    );
}

#[test]
fn generated_for_another_crate_compiles_and_decodes() {
    let generated = jp().select(SELECTED).generate().unwrap();
    let test = repository("codegen/tests/fixtures/emit_jp/decode.rs");
    let stdout = emit_support::cargo_test("jp", &generated.to_string(), &[("decode.rs", &test)]);
    assert!(stdout.contains("4 passed; 0 failed"), "{stdout}");
}

#[test]
fn whole_catalogue_generates() {
    let generated = Builder::new()
        .schema(repository("schema"))
        .catalogue(repository("schema/catalogue"))
        .placeholder_fragments(true)
        .generate()
        .unwrap();
    let catalogue = kraken_codegen::catalogue::load(&repository("schema/catalogue")).unwrap();
    assert_eq!(generated.documents().len(), catalogue.operations.len());
    assert_eq!(
        generated.inputs()[..2],
        [repository("schema"), repository("schema/kraken-jp.graphql")]
    );
}

/// The rendered warnings about the catalogue (not the schema) of `generated`.
fn catalogue_warnings(generated: &kraken_codegen::Generated) -> Vec<String> {
    let schema = repository("schema/kraken-jp.graphql");
    let root = emit_support::workspace_root().display().to_string();
    generated
        .warnings()
        .iter()
        .filter(|warning| warning.path() != schema)
        .map(|warning| warning.render_warning().replace(&root, "<root>"))
        .collect()
}

#[test]
fn docs_only_operations_are_generated_with_a_warning_each() {
    let generated = jp()
        .select(["acceptGoodsQuote", "sendLiveChatMessage"])
        .generate()
        .unwrap();
    assert_eq!(
        generated.documents().keys().collect::<Vec<_>>(),
        ["AcceptGoodsQuote", "SendLiveChatMessage"]
    );
    assert_eq!(
        catalogue_warnings(&generated),
        [
            "warning: operation `sendLiveChatMessage` is documented but absent from the live \
          schema snapshot of 2026-06-16; the API is likely to refuse it\n \
          --> <root>/schema/catalogue/operations/sendLiveChatMessage.graphql:1:1\n  \
          |\n\
          1 | mutation SendLiveChatMessage($input: SendLiveChatMessageInput!) {\n  \
          | ^ here\n  \
          |\n  \
          = help: the catalogue keeps every documented operation; availability.toml lists \
          those the live schema lacks\n"
        ]
    );
    let live_only = jp().select(["acceptGoodsQuote"]).generate().unwrap();
    assert_eq!(catalogue_warnings(&live_only), Vec::<String>::new());
}

/// The `///` lines above the line starting with `item` and its attributes (trimmed), in
/// order.
#[cfg(feature = "format")]
fn doc_above<'c>(code: &'c str, item: &str) -> Vec<&'c str> {
    let lines: Vec<&str> = code.lines().map(str::trim).collect();
    let mut end = lines
        .iter()
        .position(|line| line.starts_with(item))
        .unwrap();
    while lines[end - 1].starts_with("#[") {
        end -= 1;
    }
    let start = lines[..end]
        .iter()
        .rposition(|line| !line.starts_with("///"))
        .map_or(0, |index| index + 1);
    lines[start..end].to_vec()
}

/// Looks at formatted code, so it needs the `format` feature.
#[cfg(feature = "format")]
#[test]
fn docs_only_operations_say_so_in_their_rustdoc() {
    let code = jp()
        .select(["initiateLiveChat"])
        .generate()
        .unwrap()
        .to_string();
    let note = "/// **Docs-only.** Documented, but absent from the live schema snapshot of \
                2026-06-16: the API is likely to refuse it.";
    assert_eq!(
        doc_above(&code, "pub mod initiate_live_chat {"),
        ["/// The `initiateLiveChat` mutation.", "///", note]
    );
    assert_eq!(
        doc_above(
            &code,
            "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]"
        ),
        ["/// The `InitiateLiveChat` mutation.", "///", note]
    );
}

/// The JP project's code names serde and serde_json only through the runtime, so the
/// runtime is the one dependency a crate including it needs for them (mapped scalars
/// included: the project maps `BigInt` to the runtime's JSON value).
#[test]
fn the_project_names_serde_only_through_the_runtime() {
    let code = kraken_codegen::project::Project::new(emit_support::workspace_root())
        .generate()
        .unwrap()
        .to_string();
    let code: String = code.split_whitespace().collect();
    let stray: Vec<&str> = ["serde_json::", "serde::"]
        .into_iter()
        .flat_map(|path| code.match_indices(path))
        .filter(|(at, _)| {
            let before = &code[..*at];
            !before.ends_with("__rt::") && !before.ends_with("::kraken_codegen_runtime::")
        })
        .map(|(at, path)| code.get(at.saturating_sub(60)..at + 20).unwrap_or(path))
        .collect();
    assert_eq!(stray, Vec::<&str>::new());
}
