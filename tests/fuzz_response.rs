//! Fuzzing the decoding of answers: damaged docs-page response examples, damaged filled
//! examples and arbitrary JSON decoded as every generated operation's `ResponseData`, and
//! damaged GraphQL errors decoded as `GraphQLError`. Decoding succeeds or fails with an
//! error, never panics; a decoded value serializes back to JSON that decodes to the same.
//!
//! `FUZZ_SECONDS=300 cargo test --release --test fuzz_response -- --nocapture` (or
//! `benches/fuzz.sh fuzz_response 300`) runs it for five minutes.

mod fuzz_support;
mod support;

use std::path::Path;
use std::rc::Rc;

use fuzz_support::{apply, apply_json, edits, json, json_edit, Campaign, Edit, JsonEdit, Outcome};
use kraken_codegen::ir::{Ir, SelectionSet};
use kraken_codegen::project::Project;
use kraken_jp::operations::obtain_kraken_token;
use kraken_jp::{ErrorCodeSet, GraphQLError};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};
use support::decoders::{decoders, module_name, Decode, DecodeError};
use support::examples;

/// What the page's response examples are made of.
const EXAMPLE_SNIPPETS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1.5e3",
    "1e400",
    "\"\"",
    "\"abc123\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "|",
    "\"abc123\" | 1 | true",
    "[PossibleErrorType]",
    "PossibleErrorType",
    "\"__typename\": \"X\",",
    "\"data\": {",
    "\"errors\": [],",
    "\"2020-01-01\"",
    "\"2020-01-01T09:30:00+09:00\"",
    "\"1.50\"",
];

/// One generated operation: its decoder, its response example and that example filled.
struct Case {
    name: String,
    decode: Decode,
    example: String,
    filled: Value,
}

/// Decodes `data`: an error, or a value whose JSON decodes again to the same JSON.
fn check_decode(case: &Case, data: Value) -> Result<Outcome, TestCaseError> {
    let json = match (case.decode)(data) {
        Ok(json) => json,
        Err(DecodeError::Decode(_)) => return Ok(Outcome::Rejected),
        Err(DecodeError::Serialize(error)) => {
            return Err(TestCaseError::fail(format!(
                "{}: decoded data does not serialize: {error}",
                case.name
            )))
        }
    };
    match (case.decode)(json.clone()) {
        Ok(again) => prop_assert_eq!(&again, &json, "{}: serialized data changes", case.name),
        Err(error) => {
            return Err(TestCaseError::fail(format!(
                "{}: serialized data {json} does not decode: {error}",
                case.name
            )))
        }
    }
    Ok(Outcome::Accepted)
}

/// Every operation with a response example on the page.
fn cases(ir: &Ir) -> Vec<Case> {
    let decoders = decoders();
    ir.operations
        .iter()
        .filter_map(|operation| {
            let example = operation.docs.as_ref()?.response_example.clone()?;
            let filled = examples::fill(&example, &operation.selection, ir)
                .unwrap_or_else(|error| panic!("{}: {error}", operation.root_field));
            Some(Case {
                name: operation.root_field.clone(),
                decode: decoders[module_name(operation).as_str()],
                example,
                filled: filled["data"].clone(),
            })
        })
        .collect()
}

/// The `__typename` of every member of an interface or union some operation selects.
fn typenames(ir: &Ir) -> Vec<String> {
    fn walk(selection: &SelectionSet, names: &mut Vec<String>) {
        for variant in &selection.variants {
            names.push(variant.type_name.clone());
            walk(&variant.selection, names);
        }
        for field in &selection.fields {
            if let Some(inner) = &field.selection {
                walk(inner, names);
            }
        }
    }
    let mut names = Vec::new();
    for operation in &ir.operations {
        walk(&operation.selection, &mut names);
    }
    for fragment in &ir.fragments {
        walk(&fragment.selection, &mut names);
    }
    names.sort();
    names.dedup();
    names
}

/// A GraphQL error with every field Kraken sends.
fn sample_error() -> Value {
    json!({
        "message": "Invalid data.",
        "locations": [{"line": 2, "column": 3}],
        "path": ["obtainKrakenToken", 0],
        "extensions": {
            "errorType": "VALIDATION",
            "errorCode": "KT-CT-1139",
            "errorDescription": "Authentication failed.",
            "validationErrors": [
                {"code": "password_too_short", "message": "Too short.", "inputPath": ["input", "password"]}
            ],
            "requestId": "abc"
        }
    })
}

/// Decodes `value` as a GraphQL error with each kind of error-code set: a decoded error
/// keeps its message and the code sent, and displays.
fn check_error(value: Value) -> Result<Outcome, TestCaseError> {
    let global = check_error_as::<kraken_jp::ErrorCode>(&value)?;
    let per_operation = check_error_as::<obtain_kraken_token::ErrorCode>(&value)?;
    prop_assert_eq!(
        global,
        per_operation,
        "the code set changed whether {} decodes",
        value
    );
    Ok(global)
}

fn check_error_as<C: ErrorCodeSet>(value: &Value) -> Result<Outcome, TestCaseError> {
    let Ok(error) = serde_json::from_value::<GraphQLError<C>>(value.clone()) else {
        return Ok(Outcome::Rejected);
    };
    let shown = error.to_string();
    // serde also reads a struct from an array of its fields in order; only an object
    // names them.
    if !value.is_object() {
        return Ok(Outcome::Accepted);
    }
    prop_assert_eq!(Some(error.message.as_str()), value["message"].as_str());
    let sent = value["extensions"]["errorCode"].as_str();
    prop_assert_eq!(error.code(), sent);
    prop_assert!(shown.contains(&error.message));
    if let Some(code) = sent {
        prop_assert!(shown.contains(code));
    }
    Ok(Outcome::Accepted)
}

#[test]
fn damaged_answers_decode_or_fail_with_an_error() {
    let generated = Project::new(Path::new(env!("CARGO_MANIFEST_DIR")))
        .generate()
        .expect("the shipped schema and catalogue generate");
    let ir = Rc::new(generated.ir().clone());
    let cases = Rc::new(cases(&ir));
    assert_eq!(cases.len(), 98, "a response example per operation");
    let typenames = typenames(&ir);
    assert!(!typenames.is_empty());

    let damaged_examples = {
        let (cases, ir) = (cases.clone(), ir.clone());
        move |(at, edits): (Index, Vec<Edit>)| {
            let case = at.get(&cases);
            let operation = ir
                .operations
                .iter()
                .find(|operation| operation.root_field == case.name)
                .expect("the case's operation");
            match examples::fill(&apply(&case.example, &edits), &operation.selection, &ir) {
                Ok(filled) => check_decode(case, filled["data"].clone()),
                Err(_) => Ok(Outcome::Rejected),
            }
        }
    };
    let damaged_data = {
        let cases = cases.clone();
        move |(at, edits): (Index, Vec<JsonEdit>)| {
            let case = at.get(&cases);
            check_decode(case, apply_json(case.filled.clone(), &edits))
        }
    };
    let arbitrary_data = move |(at, value, wrap): (Index, Value, bool)| {
        let case = at.get(&cases);
        let data = match (wrap, case.filled.as_object()) {
            // The root field's value, under the root field.
            (true, Some(object)) => match object.keys().next() {
                Some(key) => json!({ key: value }),
                None => value,
            },
            _ => value,
        };
        check_decode(case, data)
    };
    let errors = proptest::collection::vec(json_edit(Vec::new()), 0..4)
        .prop_map(|edits| apply_json(sample_error(), &edits));
    Campaign::new("response")
        .target(
            "examples",
            64,
            (any::<Index>(), edits(EXAMPLE_SNIPPETS, 1, 4)),
            damaged_examples,
        )
        .target(
            "filled",
            128,
            (
                any::<Index>(),
                proptest::collection::vec(json_edit(typenames), 1..6),
            ),
            damaged_data,
        )
        .target(
            "arbitrary",
            128,
            (any::<Index>(), json(), any::<bool>()),
            arbitrary_data,
        )
        .target("errors", 128, errors, check_error)
        .target("arbitrary_errors", 128, json(), check_error)
        .run();
}

/// Found by fuzzing: a float inside a `JSONString` changed in its last digit between
/// decoding and decoding again (serde_json's default float parsing is not exact).
#[test]
fn floats_survive_decoding_twice() {
    let generated = Project::new(Path::new(env!("CARGO_MANIFEST_DIR")))
        .generate()
        .expect("the shipped schema and catalogue generate");
    let cases = cases(generated.ir());
    let case = cases
        .iter()
        .find(|case| case.name == "updateDemandResponseCampaignParticipantTip")
        .expect("the operation");
    let mut data = case.filled.clone();
    data["updateDemandResponseCampaignParticipantTip"]["tips"] =
        json!([{"data": 1.4006138748059641e20}]);
    assert!(matches!(check_decode(case, data), Ok(Outcome::Accepted)));
}
