//! The generated code of representative JP operations, from the shipped schema and
//! catalogue: a plain payload (`acceptGoodsQuote`), a union result
//! (`createKonbiniPayment`), a five-member union (`backendScreenEvent`), no variables
//! (`regenerateSecretKey`), a deprecated operation (`updateUserDetails`) and one on the
//! authentication server (`createMfaDevice`).

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
    assert_eq!(generated.documents().keys().collect::<Vec<_>>(), SELECTED);
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
    let stdout = emit_support::cargo_test("jp", &generated, &[("decode.rs", &test)]);
    assert!(stdout.contains("4 passed; 0 failed"), "{stdout}");
}

#[test]
fn whole_catalogue_generates() {
    let generated = Builder::new()
        .schema(repository("schema"))
        .catalogue(repository("schema/catalogue"))
        .generate()
        .unwrap();
    assert_eq!(generated.documents().len(), 98);
    assert_eq!(
        generated.inputs()[..2],
        [repository("schema"), repository("schema/kraken-jp.graphql")]
    );
}
