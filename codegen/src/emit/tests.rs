//! Emission of hand-built IR (independent of schema loading and validation).

use std::collections::BTreeMap;

use super::{assemble, file, format, Emitter, Plan, Settings};
use crate::catalogue::{self, Availability, Endpoint, ErrorClass};
use crate::ir::*;

fn named(name: &str) -> TypeRef {
    TypeRef::Named(name.to_string())
}

fn non_null(ty: TypeRef) -> TypeRef {
    TypeRef::NonNull(Box::new(ty))
}

fn list(ty: TypeRef) -> TypeRef {
    TypeRef::List(Box::new(ty))
}

fn field(key: &str, ty: TypeRef, kind: TypeKind) -> Field {
    Field {
        response_key: key.to_string(),
        field_name: key.to_string(),
        ty,
        kind,
        description: None,
        deprecated: None,
        selection: None,
    }
}

fn selection(parent: &str, kind: TypeKind, fields: Vec<Field>) -> SelectionSet {
    SelectionSet {
        parent_type: parent.to_string(),
        parent_kind: kind,
        fields,
        fragment_spreads: Vec::new(),
        variants: Vec::new(),
    }
}

fn spread(parent: &str, kind: TypeKind, fragment: &str) -> SelectionSet {
    SelectionSet {
        fragment_spreads: vec![fragment.to_string()],
        ..selection(parent, kind, Vec::new())
    }
}

fn with_selection(mut field: Field, selection: SelectionSet) -> Field {
    field.selection = Some(selection);
    field
}

fn catalogue_entry(field_name: &str, name: &str, errors: &[&str]) -> catalogue::Operation {
    catalogue::Operation {
        field_name: field_name.to_string(),
        operation_name: name.to_string(),
        endpoint: Endpoint::Auth,
        availability: Availability::Live,
        return_type: None,
        description: Some("Create a [payment] with Vec<T>.\n    Indented.".to_string()),
        errors: errors.iter().map(|e| e.to_string()).collect(),
        deprecation: None,
        arguments: Vec::new(),
        return_fields: Vec::new(),
        notes: Vec::new(),
        validation_error_codes: Vec::new(),
        damage: Vec::new(),
        variables_example: None,
        response_example: None,
        document: String::new(),
        document_path: "ops.graphql".into(),
    }
}

/// A small IR covering every emission concern.
pub(super) fn sample() -> Ir {
    let payment_fragment = Fragment {
        name: "PaymentFragment".to_string(),
        on_type: "Payment".to_string(),
        synthesized: true,
        selection: selection(
            "Payment",
            TypeKind::Object,
            vec![
                field("id", non_null(named("ID")), TypeKind::BuiltinScalar),
                field("amount", named("Decimal"), TypeKind::CustomScalar),
                field("status", named("PaymentStatus"), TypeKind::Enum),
            ],
        ),
    };
    let error_fragment = Fragment {
        name: "CommonErrorFragment".to_string(),
        on_type: "CommonError".to_string(),
        synthesized: true,
        selection: selection(
            "CommonError",
            TypeKind::Object,
            vec![field(
                "message",
                non_null(named("String")),
                TypeKind::BuiltinScalar,
            )],
        ),
    };
    let mut deprecated_field = field("type", named("String"), TypeKind::BuiltinScalar);
    deprecated_field.deprecated = Some(Deprecated {
        note: "Use `kind`.".to_string(),
    });
    deprecated_field.description = Some("The type of thing.".to_string());
    let result = SelectionSet {
        variants: vec![
            Variant {
                type_name: "CommonError".to_string(),
                selection: spread("CommonError", TypeKind::Object, "CommonErrorFragment"),
            },
            Variant {
                type_name: "PaymentCreated".to_string(),
                selection: selection(
                    "PaymentCreated",
                    TypeKind::Object,
                    vec![
                        with_selection(
                            field("payment", named("Payment"), TypeKind::Object),
                            spread("Payment", TypeKind::Object, "PaymentFragment"),
                        ),
                        deprecated_field,
                        field(
                            "matrix",
                            list(non_null(list(non_null(named("Int"))))),
                            TypeKind::BuiltinScalar,
                        ),
                    ],
                ),
            },
        ],
        ..selection(
            "CreatePaymentResult",
            TypeKind::Union,
            vec![field(
                "__typename",
                non_null(named("String")),
                TypeKind::BuiltinScalar,
            )],
        )
    };
    let create = Operation {
        name: "CreatePayment".to_string(),
        root_field: "createPayment".to_string(),
        kind: OperationKind::Mutation,
        wire_document: "mutation CreatePayment($input: CreatePaymentInput!) {\n  createPayment(input: $input) {\n    __typename\n  }\n}".to_string(),
        variables: vec![Variable {
            name: "input".to_string(),
            ty: non_null(named("CreatePaymentInput")),
            kind: TypeKind::InputObject,
            default: None,
            description: Some("Input fields for creating a payment.".to_string()),
        }],
        selection: selection(
            "Mutation",
            TypeKind::Object,
            vec![with_selection(
                field("createPayment", non_null(named("CreatePaymentResult")), TypeKind::Union),
                result,
            )],
        ),
        docs: Some(catalogue_entry("createPayment", "CreatePayment", &["KT-CT-1111", "KT-JP-0001", "KT-CT-1111"])),
        deprecated: None,
    };
    let ping = Operation {
        name: "Ping".to_string(),
        root_field: "ping".to_string(),
        kind: OperationKind::Query,
        wire_document: "query Ping {\n  ping\n}".to_string(),
        variables: Vec::new(),
        selection: selection(
            "Query",
            TypeKind::Object,
            vec![field("ping", named("Boolean"), TypeKind::BuiltinScalar)],
        ),
        docs: None,
        deprecated: Some(Deprecated {
            note: "Use `health`.".to_string(),
        }),
    };
    let input_field = |name: &str, ty: TypeRef, kind: TypeKind, default: Option<&str>| InputField {
        name: name.to_string(),
        ty,
        kind,
        description: None,
        default: default.map(str::to_string),
        deprecated: None,
    };
    Ir {
        operations: vec![create, ping],
        input_objects: vec![
            InputObject {
                name: "CreatePaymentInput".to_string(),
                description: None,
                fields: vec![
                    input_field(
                        "accountNumber",
                        non_null(named("String")),
                        TypeKind::BuiltinScalar,
                        None,
                    ),
                    input_field("amount", named("Decimal"), TypeKind::CustomScalar, None),
                    input_field(
                        "retries",
                        non_null(named("Int")),
                        TypeKind::BuiltinScalar,
                        Some("3"),
                    ),
                    input_field("self", named("Filter"), TypeKind::InputObject, None),
                ],
            },
            InputObject {
                name: "Filter".to_string(),
                description: Some("A filter.".to_string()),
                fields: vec![
                    input_field("not", named("Filter"), TypeKind::InputObject, None),
                    input_field(
                        "any",
                        list(non_null(named("Filter"))),
                        TypeKind::InputObject,
                        None,
                    ),
                ],
            },
        ],
        enums: vec![Enum {
            name: "PaymentStatus".to_string(),
            description: None,
            values: vec![
                EnumValue {
                    name: "PENDING".to_string(),
                    description: Some("Not paid yet.".to_string()),
                    deprecated: None,
                },
                EnumValue {
                    name: "UNKNOWN_VALUE".to_string(),
                    description: None,
                    deprecated: None,
                },
            ],
        }],
        fragments: vec![error_fragment, payment_fragment],
        shared_type_order: ["PaymentStatus", "CreatePaymentInput", "Filter"]
            .map(String::from)
            .to_vec(),
        scalars: BTreeMap::from([(
            "Decimal".to_string(),
            ScalarMapping {
                rust_type: "rust_decimal::Decimal".to_string(),
            },
        )]),
        error_codes: BTreeMap::from([
            ("KT-CT-1111".to_string(), "Unauthorized.".to_string()),
            ("KT-JP-0001".to_string(), "Payment failed.".to_string()),
            (
                "KT-CT-1112".to_string(),
                "'Authorization' header not provided.".to_string(),
            ),
        ]),
        error_classes: BTreeMap::from([("KT-CT-1112".to_string(), ErrorClass::CredentialsRefused)]),
    }
}

/// Compares formatted code, so it needs the `format` feature.
#[cfg(feature = "format")]
#[test]
fn emits_every_concern() {
    let code = file(&sample(), &Settings::default()).unwrap();
    insta::assert_snapshot!(code);
}

#[test]
fn output_is_identical_run_to_run() {
    let settings = Settings {
        runtime: "::kraken_jp".to_string(),
        derives: vec!["Hash".to_string(), "PartialEq".to_string()],
    };
    let first = file(&sample(), &settings).unwrap();
    let second = file(&sample(), &settings).unwrap();
    assert_eq!(first, second);
}

#[test]
fn one_thread_gives_the_same_file_as_many() {
    let ir = sample();
    let settings = Settings::default();
    let plan = Plan::new(&ir, &settings);
    let emitter = Emitter::new(&plan).unwrap();
    let parts: Vec<_> = (0..plan.parts())
        .map(|index| format(emitter.emit(index).unwrap()).unwrap())
        .collect();
    assert_eq!(assemble(&plan, &parts), file(&ir, &settings).unwrap());
}

#[test]
fn bad_settings_are_errors() {
    let mut ir = sample();
    let settings = Settings {
        runtime: "not a path".to_string(),
        derives: Vec::new(),
    };
    assert_eq!(
        file(&ir, &settings).unwrap_err().to_string(),
        "the runtime path `not a path` is not a Rust path"
    );
    ir.scalars.insert(
        "Date".to_string(),
        ScalarMapping {
            rust_type: "Vec<".to_string(),
        },
    );
    assert!(matches!(
        file(&ir, &Settings::default()),
        Err(super::EmitError::ScalarType { scalar, .. }) if scalar == "Date"
    ));
}

#[test]
fn an_operation_code_missing_from_the_table_is_an_error() {
    let mut ir = sample();
    ir.error_codes.remove("KT-JP-0001");
    assert_eq!(
        file(&ir, &Settings::default()).unwrap_err().to_string(),
        "the error code `KT-JP-0001` is listed by an operation but missing from the error table"
    );
}
