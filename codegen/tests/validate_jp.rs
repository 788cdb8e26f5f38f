//! Every documented operation of the catalogue validates against the shipped JP schema.

use std::path::{Path, PathBuf};

use kraken_codegen::catalogue::{self, Catalogue};
use kraken_codegen::ir::{Ir, OperationKind};
use kraken_codegen::schema::{self, Schema};
use kraken_codegen::validate;

fn schema() -> Schema {
    match schema::load(&[PathBuf::from("../schema/kraken-jp.graphql")]) {
        Ok(schema) => schema,
        Err(errors) => panic!("the JP schema does not load:\n{}", errors.render()),
    }
}

fn catalogue() -> Catalogue {
    match catalogue::load(Path::new("../schema/catalogue")) {
        Ok(catalogue) => catalogue,
        Err(errors) => panic!("the catalogue does not load:\n{}", errors.render()),
    }
}

fn resolve(schema: &Schema, catalogue: &Catalogue) -> Ir {
    // The docs' `...XFragment` placeholders, as the JP project resolves them.
    let options = validate::Options {
        placeholder_fragments: true,
        ..Default::default()
    };
    match validate::resolve_catalogue(schema, catalogue, &[], options) {
        Ok(ir) => ir,
        Err(errors) => panic!("catalogue documents do not validate:\n{}", errors.render()),
    }
}

#[test]
fn every_catalogue_document_validates_against_the_jp_schema() {
    let schema = schema();
    let catalogue = catalogue();
    let ir = resolve(&schema, &catalogue);
    let resolved: Vec<(&str, &str)> = ir
        .operations
        .iter()
        .map(|op| (op.root_field.as_str(), op.name.as_str()))
        .collect();
    let documented: Vec<(&str, &str)> = catalogue
        .operations
        .iter()
        .map(|op| (op.field_name.as_str(), op.operation_name.as_str()))
        .collect();
    let mutations = catalogue
        .operations
        .iter()
        .filter(|op| op.kind == OperationKind::Mutation)
        .count();
    assert_eq!(mutations, 98);
    assert_eq!(resolved, documented);
    assert!(ir.operations.iter().all(|op| op.docs.is_some()));
    // The error table: the docs page's codes and those errors.toml adds; every classified
    // code is in it.
    assert_eq!(ir.error_codes, catalogue.errors);
    assert!(catalogue
        .error_classes
        .keys()
        .all(|code| catalogue.errors.contains_key(code)));
    assert_eq!(ir.error_classes, catalogue.error_classes);
}

#[test]
fn jp_wire_documents() {
    let ir = resolve(&schema(), &catalogue());
    for field in ["acceptGoodsQuote", "createBankTransferPaymentMethod"] {
        let operation = ir.operations.iter().find(|op| op.root_field == field);
        let document = operation
            .map(|op| op.wire_document.as_str())
            .unwrap_or_default();
        insta::assert_snapshot!(field, document);
    }
}

/// Read queries public JP clients send (tariffs through `Agreement.product`, bills,
/// `postalAreas`, `rateLimitInfo`, readings sorted with `IntervalReadingsSortOrder`): the
/// schema assembled before the live snapshot refused every one.
#[test]
fn read_queries_of_public_jp_clients_validate() {
    let generated = kraken_codegen::Builder::new()
        .schema("../schema/kraken-jp.graphql")
        .operations(["tests/fixtures/live/read_queries.graphql"])
        .generate();
    let generated = match generated {
        Ok(generated) => generated,
        Err(error) => panic!("{error}"),
    };
    let mut names: Vec<&str> = generated
        .ir()
        .operations
        .iter()
        .map(|op| op.name.as_str())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["Bills", "PostalAreas", "RateLimits", "Readings", "Tariffs"]
    );
}

#[test]
fn the_jp_project_checks_krakens_request_limits() {
    let generated = kraken_codegen::project::Project::new("..")
        .builder()
        .select(["viewerAccounts"])
        .operations(["tests/fixtures/jp_limits.graphql"])
        .generate();
    let errors = match generated {
        Err(kraken_codegen::builder::Error::Diagnostics(errors)) => errors,
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("the limits were not checked"),
    };
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "tests/fixtures/jp_limits.graphql:5:5: connection `Account.bills` is selected without `first`",
            "tests/fixtures/jp_limits.graphql:13:18: `first: 100` on `Account.transactions` is more than the server accepts (99 at most)",
        ]
    );
}
