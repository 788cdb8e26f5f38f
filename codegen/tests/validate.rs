//! Resolution of valid operations: fragments, `__typename`, wire documents and the IR.

use std::collections::BTreeMap;
use std::path::PathBuf;

use kraken_codegen::catalogue::{
    Availability, Catalogue, Deprecation, Endpoint, Endpoints, ErrorClass, FieldDoc,
    Operation as Documented,
};
use kraken_codegen::ir::{Ir, ScalarMapping, SelectionSet, TypeKind};
use kraken_codegen::schema::{self, Schema};
use kraken_codegen::validate::{self, ExecutableSource, Options};
use kraken_codegen::SourceFile;

fn schema() -> Schema {
    match schema::load(&[PathBuf::from("tests/fixtures/schema.graphql")]) {
        Ok(schema) => schema,
        Err(errors) => panic!("test schema does not load:\n{}", errors.render()),
    }
}

fn sources(documents: &[&str]) -> Vec<ExecutableSource> {
    documents
        .iter()
        .enumerate()
        .map(|(index, text)| ExecutableSource {
            file: SourceFile::new(format!("ops{index}.graphql"), *text),
            docs: None,
        })
        .collect()
}

fn resolve_with(documents: &[&str], options: &Options) -> Ir {
    match validate::resolve(&schema(), &sources(documents), options) {
        Ok(ir) => ir,
        Err(errors) => panic!("unexpected errors:\n{}", errors.render()),
    }
}

/// Options with the docs' `...XFragment` placeholders on, as the JP project has them.
fn placeholders() -> Options {
    Options {
        placeholder_fragments: true,
        ..Options::default()
    }
}

fn resolve(documents: &[&str]) -> Ir {
    resolve_with(documents, &placeholders())
}

/// A compact, whole view of a selection set: one line per field, spread and variant.
fn outline(set: &SelectionSet) -> String {
    let mut out = String::new();
    write_outline(set, 0, &mut out);
    out
}

fn write_outline(set: &SelectionSet, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    for field in &set.fields {
        let name = if field.response_key == field.field_name {
            field.field_name.clone()
        } else {
            format!("{}: {}", field.response_key, field.field_name)
        };
        out.push_str(&format!("{indent}{name} {} {:?}\n", field.ty, field.kind));
        if let Some(selection) = &field.selection {
            write_outline(selection, depth + 1, out);
        }
    }
    for spread in &set.fragment_spreads {
        out.push_str(&format!("{indent}...{spread}\n"));
    }
    for variant in &set.variants {
        out.push_str(&format!("{indent}on {}\n", variant.type_name));
        write_outline(&variant.selection, depth + 1, out);
    }
}

const UPDATE: &str = "mutation UpdateAccount($input: UpdateAccountInput!) {
  updateAccount(input: $input) {
    possibleErrors { ...ErrorTypeFragment }
    account { ...AccountFragment owner { id } }
  }
}";

#[test]
fn placeholders_are_synthesized_from_the_schema_into_the_wire_document() {
    let ir = resolve(&[UPDATE]);
    assert_eq!(
        ir.operations[0].wire_document,
        "mutation UpdateAccount($input: UpdateAccountInput!) {
  updateAccount(input: $input) {
    possibleErrors {
      __typename
      ...ErrorTypeFragment
    }
    account {
      ...AccountFragment
      owner {
        id
      }
    }
  }
}

fragment AccountFragment on Account {
  id
  number
  status
  createdAt
  legacyNumber
  labels
}

fragment ErrorTypeFragment on ErrorType {
  __typename
  message
  code
}
"
    );
    let fragments: Vec<(&str, &str, bool)> = ir
        .fragments
        .iter()
        .map(|f| (f.name.as_str(), f.on_type.as_str(), f.synthesized))
        .collect();
    assert_eq!(
        fragments,
        [
            ("AccountFragment", "Account", true),
            ("ErrorTypeFragment", "ErrorType", true)
        ]
    );
    assert_eq!(
        outline(&ir.fragments[0].selection),
        "id ID! BuiltinScalar
number String! BuiltinScalar
status Status Enum
createdAt Date CustomScalar
legacyNumber String BuiltinScalar
labels [String!] BuiltinScalar
"
    );
}

#[test]
fn a_supplied_definition_replaces_the_placeholder() {
    let ir = resolve(&[
        UPDATE,
        "fragment AccountFragment on Account {\n  number\n}\n",
    ]);
    let account = &ir.fragments[0];
    assert_eq!(
        (account.name.as_str(), account.synthesized),
        ("AccountFragment", false)
    );
    assert_eq!(
        outline(&account.selection),
        "number String! BuiltinScalar\n"
    );
    assert_eq!(
        ir.operations[0].wire_document,
        "mutation UpdateAccount($input: UpdateAccountInput!) {
  updateAccount(input: $input) {
    possibleErrors {
      __typename
      ...ErrorTypeFragment
    }
    account {
      ...AccountFragment
      owner {
        id
      }
    }
  }
}

fragment AccountFragment on Account {
  number
}

fragment ErrorTypeFragment on ErrorType {
  __typename
  message
  code
}
"
    );
}

#[test]
fn typename_is_added_once_to_each_abstract_selection() {
    let ir = resolve(&["query Lookup($id: ID!) {
  node(id: $id) { id }
  accountResult(number: \"A-1\") {
    __typename
    ... on Account { number payments { amount } }
    ... on NotFound { message }
  }
}"]);
    assert_eq!(
        ir.operations[0].wire_document,
        "query Lookup($id: ID!) {
  node(id: $id) {
    __typename
    id
  }
  accountResult(number: \"A-1\") {
    __typename
    ... on Account {
      number
      payments {
        amount
      }
    }
    ... on NotFound {
      message
    }
  }
}
"
    );
}

#[test]
fn abstract_selections_resolve_into_variants() {
    let ir = resolve(&["query Lookup {
  accountResult(number: \"A-1\") {
    ... on Account { ...AccountFragment }
    ... on ErrorType { message }
    ... on Forbidden { reason }
  }
}"]);
    assert_eq!(
        outline(&ir.operations[0].selection),
        "accountResult AccountResult Union
  on Account
    ...AccountFragment
  on Forbidden
    message String! BuiltinScalar
    reason String BuiltinScalar
  on NotFound
    message String! BuiltinScalar
"
    );
}

#[test]
fn fields_merge_by_response_key_and_wider_fragments_are_inlined() {
    let ir = resolve(&["query Viewer {
  viewer {
    id
    accounts { id }
    accounts { number }
    mail: email
    ... on Node { id }
    ...UserFields
  }
}

fragment UserFields on User {
  email
}"]);
    assert_eq!(
        outline(&ir.operations[0].selection),
        "viewer User Object
  id ID! BuiltinScalar
  accounts [Account!]! Object
    id ID! BuiltinScalar
    number String! BuiltinScalar
  mail: email String! BuiltinScalar
  ...UserFields
"
    );
}

#[test]
fn the_ir_lists_what_operations_use_sorted() {
    let mut scalars = BTreeMap::new();
    scalars.insert(
        "Date".to_string(),
        ScalarMapping {
            rust_type: "chrono::NaiveDate".to_string(),
        },
    );
    let options = Options {
        scalars,
        ..placeholders()
    };
    let ir = resolve_with(
        &[
            UPDATE,
            "mutation Close($number: String!) {
  closeAccount(number: $number) { __typename }
}

query Account($number: String! = \"A-1\") {
  account(number: $number) { id }
}",
        ],
        &options,
    );
    let operations: Vec<(&str, &str)> = ir
        .operations
        .iter()
        .map(|op| (op.root_field.as_str(), op.name.as_str()))
        .collect();
    assert_eq!(
        operations,
        [
            ("account", "Account"),
            ("closeAccount", "Close"),
            ("updateAccount", "UpdateAccount")
        ]
    );
    let close = &ir.operations[1];
    assert_eq!(
        close.deprecated.as_ref().map(|d| d.note.as_str()),
        Some("Use `updateAccount`.")
    );
    let account = &ir.operations[0];
    assert_eq!(account.variables[0].default.as_deref(), Some("\"A-1\""));
    let update = &ir.operations[2];
    assert_eq!(
        (
            update.variables[0].name.as_str(),
            update.variables[0].ty.to_string(),
            update.variables[0].kind,
            update.variables[0].description.as_deref()
        ),
        (
            "input",
            "UpdateAccountInput!".to_string(),
            TypeKind::InputObject,
            Some("The changes.")
        )
    );
    let inputs: Vec<(&str, Vec<String>)> = ir
        .input_objects
        .iter()
        .map(|input| {
            let fields = input
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{}: {}{}",
                        f.name,
                        f.ty,
                        f.default
                            .as_deref()
                            .map(|d| format!(" = {d}"))
                            .unwrap_or_default()
                    )
                })
                .collect();
            (input.name.as_str(), fields)
        })
        .collect();
    assert_eq!(
        inputs,
        [
            (
                "AddressInput",
                vec![
                    "line1: String!".to_string(),
                    "line2: String".to_string(),
                    "postcode: String = \"000-0000\"".to_string()
                ]
            ),
            (
                "UpdateAccountInput",
                vec![
                    "number: String!".to_string(),
                    "status: Status".to_string(),
                    "address: AddressInput".to_string(),
                    "metadata: JSONString".to_string()
                ]
            ),
        ]
    );
    let enums: Vec<(&str, Vec<String>)> = ir
        .enums
        .iter()
        .map(|e| {
            let values = e
                .values
                .iter()
                .map(|v| match &v.deprecated {
                    Some(deprecated) => format!("{} (deprecated: {})", v.name, deprecated.note),
                    None => v.name.clone(),
                })
                .collect();
            (e.name.as_str(), values)
        })
        .collect();
    assert_eq!(
        enums,
        [(
            "Status",
            vec![
                "ACTIVE".to_string(),
                "SUSPENDED (deprecated: Use `ACTIVE`.)".to_string(),
                "CLOSED".to_string()
            ]
        )]
    );
    let scalars: Vec<(&str, &str)> = ir
        .scalars
        .iter()
        .map(|(name, mapping)| (name.as_str(), mapping.rust_type.as_str()))
        .collect();
    assert_eq!(
        scalars,
        [
            ("Date", "chrono::NaiveDate"),
            ("JSONString", "{runtime}::serde_json::Value")
        ]
    );
}

fn documented() -> Documented {
    Documented {
        field_name: "updateAccount".to_string(),
        operation_name: "UpdateAccount".to_string(),
        endpoint: Endpoint::Api,
        availability: Availability::Live,
        return_type: Some("UpdateAccount".to_string()),
        description: Some("Update an account.".to_string()),
        errors: vec!["KT-CT-1111".to_string()],
        deprecation: Some(Deprecation {
            note: "Please use `changeAccount` instead.".to_string(),
            ..Deprecation::default()
        }),
        arguments: vec![FieldDoc {
            name: "input".to_string(),
            description: Some("Input fields for updating an account.".to_string()),
            deprecation: None,
        }],
        return_fields: vec![FieldDoc {
            name: "account".to_string(),
            description: Some("The updated account.".to_string()),
            deprecation: Some(Deprecation {
                note: "Read the account again instead.".to_string(),
                ..Deprecation::default()
            }),
        }],
        notes: Vec::new(),
        validation_error_codes: Vec::new(),
        damage: Vec::new(),
        variables_example: None,
        response_example: None,
        document: UPDATE.to_string(),
        document_path: PathBuf::from("catalogue/updateAccount.graphql"),
    }
}

#[test]
fn catalogue_docs_fill_descriptions_and_deprecations() {
    let catalogue = Catalogue {
        endpoints: Endpoints {
            api: "https://api.example/graphql/".to_string(),
            auth: "https://auth.example/graphql/".to_string(),
        },
        errors: BTreeMap::from([("KT-CT-1111".to_string(), "Unauthorized.".to_string())]),
        undocumented_errors: BTreeMap::from([(
            "KT-CT-1124".to_string(),
            "Signature of the JWT has expired.".to_string(),
        )]),
        error_classes: BTreeMap::from([("KT-CT-1124".to_string(), ErrorClass::ExpiredToken)]),
        operations: vec![documented()],
    };
    let ir = match validate::resolve_catalogue(&schema(), &catalogue, &[], placeholders()) {
        Ok(ir) => ir,
        Err(errors) => panic!("{}", errors.render()),
    };
    // The IR's error table holds the documented and the undocumented codes.
    assert_eq!(
        ir.error_codes,
        BTreeMap::from([
            ("KT-CT-1111".to_string(), "Unauthorized.".to_string()),
            (
                "KT-CT-1124".to_string(),
                "Signature of the JWT has expired.".to_string()
            ),
        ])
    );
    assert_eq!(ir.error_classes, catalogue.error_classes);
    let operation = &ir.operations[0];
    assert_eq!(operation.docs, Some(documented()));
    assert_eq!(
        operation.deprecated.as_ref().map(|d| d.note.as_str()),
        Some("Please use `changeAccount` instead.")
    );
    assert_eq!(
        operation.variables[0].description.as_deref(),
        Some("Input fields for updating an account.")
    );
    let payload = operation.selection.fields[0]
        .selection
        .as_ref()
        .map(|s| &s.fields);
    let payload: Vec<(&str, Option<&str>, Option<&str>)> = payload
        .into_iter()
        .flatten()
        .map(|f| {
            (
                f.field_name.as_str(),
                f.description.as_deref(),
                f.deprecated.as_ref().map(|d| d.note.as_str()),
            )
        })
        .collect();
    assert_eq!(
        payload,
        [
            (
                "possibleErrors",
                Some("The errors of the update."),
                Some("Use `errors`.")
            ),
            (
                "account",
                Some("The updated account."),
                Some("Read the account again instead.")
            ),
        ]
    );
}

#[test]
fn the_same_input_gives_the_same_ir() {
    let documents = [UPDATE, "query Viewer { viewer { id email } }"];
    assert_eq!(resolve(&documents), resolve(&documents));
}

#[test]
fn a_fragment_on_an_interface_without_implementors_applies_to_itself() {
    let ir = resolve(&["query Labelled {\n  labelled { ...LabelledFragment }\n}\n"]);
    assert_eq!(
        ir.operations[0].wire_document,
        "query Labelled {
  labelled {
    __typename
    ...LabelledFragment
  }
}

fragment LabelledFragment on Labelled {
  __typename
  label
}
"
    );
    assert_eq!(
        outline(&ir.operations[0].selection),
        "labelled Labelled Interface\n  ...LabelledFragment\n"
    );
}

#[test]
fn directive_variables_count_as_used_and_stay_on_the_wire() {
    let ir = resolve(&["query Viewer($full: Boolean!) {\n  viewer {\n    id\n    email @include(if: $full)\n  }\n}\n"]);
    assert_eq!(
        ir.operations[0].wire_document,
        "query Viewer($full: Boolean!) {
  viewer {
    id
    email @include(if: $full)
  }
}
"
    );
}

#[test]
fn the_query_roots_meta_fields_select_the_spec_introspection_types() {
    // Refused before with "unknown field `__type` on type `Query`": the schema declares
    // neither the meta-fields nor the types they return.
    let ir = resolve(&[
        r#"query AccountFields { __type(name: "Account") { fields { name } } }"#,
        "query Roots {
  __schema { queryType { name } directives { name locations args { type { kind } } } }
}",
    ]);
    let outlines: Vec<String> = ir
        .operations
        .iter()
        .map(|operation| outline(&operation.selection))
        .collect();
    assert_eq!(
        outlines,
        [
            "__type __Type Object\n  fields [__Field!] Object\n    name String! BuiltinScalar\n",
            "__schema __Schema! Object\n  queryType __Type! Object\n    name String BuiltinScalar\n  \
             directives [__Directive!]! Object\n    name String! BuiltinScalar\n    \
             locations [__DirectiveLocation!]! Enum\n    args [__InputValue!]! Object\n      \
             type __Type! Object\n        kind __TypeKind! Enum\n",
        ]
    );
    let enums: Vec<&str> = ir.enums.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(enums, ["__DirectiveLocation", "__TypeKind"]);
    assert_eq!(ir.enums[1].values.len(), 8);
}

#[test]
fn an_sdl_that_declares_an_introspection_type_keeps_its_own() {
    let schema = schema::from_sources(vec![SourceFile::new(
        "schema.graphql",
        "type Query { a: Int }\ntype __Type { name: String }\n",
    )])
    .unwrap();
    let own = r#"query T { __type(name: "Query") { name } __schema { types { name } } }"#;
    let ir = validate::resolve(&schema, &sources(&[own]), &Options::default()).unwrap();
    assert_eq!(
        outline(&ir.operations[0].selection),
        "__type __Type Object\n  name String BuiltinScalar\n\
         __schema __Schema! Object\n  types [__Type!]! Object\n    name String BuiltinScalar\n"
    );
    let spec_only = r#"query K { __type(name: "Query") { kind } }"#;
    let errors = validate::resolve(&schema, &sources(&[spec_only]), &Options::default())
        .unwrap_err()
        .to_string();
    assert_eq!(
        errors,
        "ops0.graphql:1:35: unknown field `kind` on type `__Type`"
    );
    // Declared as another kind, it is still the SDL's, not defined twice.
    let scalar = SourceFile::new("s.graphql", "type Query { a: Int }\nscalar __Type\n");
    let schema = schema::from_sources(vec![scalar]).unwrap();
    assert_eq!(
        schema.get("__Type").map(|ty| ty.kind),
        Some(TypeKind::CustomScalar)
    );
}
