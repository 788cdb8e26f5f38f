//! Every response example on the docs page decodes into its operation's `ResponseData`.
//!
//! The page's placeholders (`[PossibleErrorType]`, `GoodsPurchase`, `"abc123" | 1 | ...`) are
//! filled with sample values built from each operation's resolved selection.

mod support;

use std::path::Path;

use kraken_codegen::project::Project;
use support::decoders::{decoders, module_name};
use support::examples;

#[test]
fn every_response_example_decodes() {
    let generated = Project::new(Path::new(env!("CARGO_MANIFEST_DIR")))
        .generate()
        .expect("the shipped schema and catalogue generate");
    let ir = generated.ir();
    let decoders = decoders();
    let modules: Vec<String> = ir.operations.iter().map(module_name).collect();
    assert_eq!(
        modules,
        decoders
            .keys()
            .map(|name| name.to_string())
            .collect::<Vec<_>>(),
        "one decoder per generated operation"
    );

    let mut decoded = 0;
    let mut failures = Vec::new();
    for operation in &ir.operations {
        let docs = operation
            .docs
            .as_ref()
            .expect("catalogue operations carry their docs");
        let Some(example) = &docs.response_example else {
            continue;
        };
        let filled = examples::fill(example, &operation.selection, ir)
            .unwrap_or_else(|error| panic!("{}: {error}", operation.root_field));
        let decode = decoders[module_name(operation).as_str()];
        match decode(filled["data"].clone()) {
            Ok(_) => decoded += 1,
            Err(error) => failures.push(format!("{}: {error}\n{filled:#}", operation.root_field)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let with_examples = ir
        .operations
        .iter()
        .filter(|operation| {
            operation
                .docs
                .as_ref()
                .is_some_and(|docs| docs.response_example.is_some())
        })
        .count();
    assert_eq!(decoded, with_examples);
    assert_eq!(
        decoded, 98,
        "the page gives a response example for every operation"
    );
}
