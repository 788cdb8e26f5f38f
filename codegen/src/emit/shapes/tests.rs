//! Unit tests of the names the plan decides.

use quote::ToTokens;

use super::super::tests::{field, named, non_null, sample, selection, spread, with_selection};
use super::*;
use crate::emit::Settings;
use crate::ir::{Ir, TypeKind, Variant};

fn context(ir: &Ir) -> Result<Context, EmitError> {
    Context::new(ir, &Settings::default(), &mut Namespace::items())
}

/// The shapes of an operation's `ResponseData` selecting `root`, one line each:
/// `struct Name: field: Type, ...` or `union Name: Variant(Type), ...`.
fn plan(ir: &Ir, root: SelectionSet) -> Result<Vec<String>, EmitError> {
    let ctx = context(ir)?;
    let mut names = Namespace::items();
    names.reserve("ResponseData");
    let members = Members::of(&root);
    let child_names = match (&members.fields[..], &members.spreads[..]) {
        ([_], []) => ChildNames::Payload,
        _ => ChildNames::Prefixed(""),
    };
    let shapes = Planner::new(&ctx, &mut names).structure(
        naming::ident("ResponseData"),
        members,
        String::new(),
        child_names,
    )?;
    Ok(shapes.iter().map(describe).collect())
}

fn describe(shape: &Shape) -> String {
    let leaf = |leaf: &Leaf| match leaf {
        Leaf::Scalar(ty) => ty.to_token_stream().to_string(),
        Leaf::Shared(ident) => format!("types::{ident}"),
        Leaf::Local(ident) => ident.to_string(),
    };
    match shape {
        Shape::Struct(shape) => {
            let fields = shape
                .fields
                .iter()
                .map(|field| {
                    let rename = field
                        .rename
                        .as_ref()
                        .map_or(String::new(), |wire| format!(" as {wire}"));
                    format!("{}{rename}: {}", field.ident, leaf(&field.ty.leaf))
                })
                .chain(
                    shape
                        .spreads
                        .iter()
                        .map(|spread| format!("..{}: types::{}", spread.ident, spread.ty)),
                );
            let camel = if shape.camel_case { " (camelCase)" } else { "" };
            format!(
                "struct {}{camel}: {}",
                shape.ident,
                fields.collect::<Vec<_>>().join(", ")
            )
        }
        Shape::Union(shape) => {
            let variants = shape
                .variants
                .iter()
                .map(|variant| format!("{}({})", variant.ident, leaf(&variant.payload)))
                .chain([format!("{}({})", shape.catch_all, shape.unknown)]);
            format!(
                "union {}: {}",
                shape.ident,
                variants.collect::<Vec<_>>().join(", ")
            )
        }
    }
}

fn object(name: &str, fields: Vec<Field>) -> SelectionSet {
    selection(name, fields)
}

fn id() -> Field {
    field("id", non_null(named("ID")), TypeKind::BuiltinScalar)
}

#[test]
fn nested_types_are_named_by_path_from_the_root() {
    let root = object(
        "Query",
        vec![
            with_selection(
                field("viewer", named("User"), TypeKind::Object),
                object(
                    "User",
                    vec![with_selection(
                        field("account", named("Account"), TypeKind::Object),
                        object("Account", vec![id()]),
                    )],
                ),
            ),
            with_selection(
                field("me", named("User"), TypeKind::Object),
                object("User", vec![id()]),
            ),
        ],
    );
    assert_eq!(
        plan(&sample(), root).unwrap(),
        [
            "struct ResponseData: viewer: Viewer, me: Me",
            "struct Viewer: account: ViewerAccount",
            "struct ViewerAccount: id: String",
            "struct Me: id: String",
        ]
    );
}

#[test]
fn one_root_field_is_the_payload_and_its_children_start_a_fresh_path() {
    let root = object(
        "Mutation",
        vec![with_selection(
            field("createAccount", named("Created"), TypeKind::Object),
            object(
                "Created",
                vec![
                    with_selection(
                        field("account", named("Account"), TypeKind::Object),
                        object("Account", vec![id()]),
                    ),
                    with_selection(
                        field("payload", named("Account"), TypeKind::Object),
                        object("Account", vec![id()]),
                    ),
                ],
            ),
        )],
    );
    assert_eq!(
        plan(&sample(), root).unwrap(),
        [
            "struct ResponseData (camelCase): create_account: Payload",
            "struct Payload: account: Account, payload: Payload2",
            "struct Account: id: String",
            "struct Payload2: id: String",
        ]
    );
}

#[test]
fn paths_that_convert_alike_get_suffixes_in_visiting_order() {
    let user = |key: &str| {
        with_selection(
            field(key, named("User"), TypeKind::Object),
            object(
                "User",
                vec![with_selection(
                    field("account", named("Account"), TypeKind::Object),
                    object("Account", vec![id()]),
                )],
            ),
        )
    };
    let root = object("Query", vec![user("fooBar"), user("foo_bar")]);
    assert_eq!(
        plan(&sample(), root).unwrap(),
        [
            "struct ResponseData (camelCase): foo_bar: FooBar, foo_bar_2 as foo_bar: FooBar2",
            "struct FooBar: account: FooBarAccount",
            "struct FooBarAccount: id: String",
            "struct FooBar2: account: FooBar2Account",
            "struct FooBar2Account: id: String",
        ]
    );
}

#[test]
fn keywords_and_wire_names_of_fields() {
    let root = object(
        "Query",
        vec![
            field("type", named("String"), TypeKind::BuiltinScalar),
            field("self", named("String"), TypeKind::BuiltinScalar),
            field("ID", named("ID"), TypeKind::BuiltinScalar),
            field("status", named("PaymentStatus"), TypeKind::Enum),
            field("amount", named("Decimal"), TypeKind::CustomScalar),
        ],
    );
    assert_eq!(
        plan(&sample(), root).unwrap(),
        [
            "struct ResponseData (camelCase): r#type: String, self_: String, id as ID: String, \
          status: types::PaymentStatus, amount: rust_decimal :: Decimal"
        ]
    );
}

#[test]
fn union_members_are_variants_beside_the_catch_all() {
    let member = |type_name: &str, selection: SelectionSet| Variant {
        type_name: type_name.to_string(),
        selection,
    };
    let result = SelectionSet {
        variants: vec![
            member("CommonError", spread("CommonError", "CommonErrorFragment")),
            member("Created", object("Created", vec![id()])),
            member("UnknownMember", object("UnknownMember", vec![id()])),
        ],
        ..selection(
            "Result",
            vec![field(
                "__typename",
                non_null(named("String")),
                TypeKind::BuiltinScalar,
            )],
        )
    };
    let root = object(
        "Mutation",
        vec![with_selection(
            field("create", non_null(named("Result")), TypeKind::Union),
            result,
        )],
    );
    assert_eq!(
        plan(&sample(), root).unwrap(),
        [
            "struct ResponseData: create: Payload",
            "union Payload: CommonError(types::CommonErrorFragment), Created(PayloadCreated), \
             UnknownMember2(PayloadUnknownMember), UnknownMember(PayloadUnknownMember2)",
            "struct PayloadCreated: id: String",
            "struct PayloadUnknownMember: id: String",
            "struct PayloadUnknownMember2: typename as __typename: String",
        ]
    );
}

#[test]
fn a_sole_spread_is_the_fragment_and_a_spread_beside_fields_is_flattened() {
    let mut beside = spread("Payment", "PaymentFragment");
    beside.fields.push(id());
    let root = object(
        "Query",
        vec![
            with_selection(
                field("payment", named("Payment"), TypeKind::Object),
                spread("Payment", "PaymentFragment"),
            ),
            with_selection(field("other", named("Payment"), TypeKind::Object), beside),
        ],
    );
    assert_eq!(
        plan(&sample(), root).unwrap(),
        [
            "struct ResponseData: payment: types::PaymentFragment, other: Other",
            "struct Other: id: String, ..payment_fragment: types::PaymentFragment",
        ]
    );
}

#[test]
fn a_name_missing_from_the_plan_is_an_error_not_a_guess() {
    let root = object(
        "Query",
        vec![
            with_selection(
                field("payment", named("Payment"), TypeKind::Object),
                spread("Payment", "NoSuchFragment"),
            ),
            field("when", named("Instant"), TypeKind::CustomScalar),
        ],
    );
    assert_eq!(
        plan(&sample(), root).unwrap_err().to_string(),
        "no Rust type was decided for the fragment `NoSuchFragment` (a generator bug)"
    );
    let root = object(
        "Query",
        vec![field("when", named("Instant"), TypeKind::CustomScalar)],
    );
    assert_eq!(
        plan(&sample(), root).unwrap_err(),
        EmitError::Unnamed {
            what: "scalar",
            name: "Instant".to_string()
        }
    );
}

/// An input struct's fields, one line each: `field as wire: Leaf, presence`.
fn describe_input(shape: &InputShape) -> Vec<String> {
    shape
        .fields
        .iter()
        .map(|field| {
            let rename = field
                .rename
                .as_ref()
                .map_or(String::new(), |wire| format!(" as {wire}"));
            let leaf = match &field.ty.leaf {
                Leaf::Scalar(ty) => ty.to_token_stream().to_string(),
                Leaf::Shared(ident) | Leaf::Local(ident) => ident.to_string(),
            };
            let boxed = if field.boxed { " boxed" } else { "" };
            let presence = match &field.presence {
                Presence::Required => "in new()".to_string(),
                Presence::Nullable { setter } => format!("nullable, set by {setter}()"),
                Presence::Defaulted { setter } => format!("defaulted, set by {setter}()"),
            };
            format!("{}{rename}: {leaf}{boxed}, {presence}", field.ident)
        })
        .collect()
}

#[test]
fn input_fields_setters_and_presence() {
    let ir = sample();
    let ctx = context(&ir).unwrap();
    let create = input_object(&ctx, &ir.input_objects[0]).unwrap();
    assert_eq!(
        (create.ident.to_string(), create.camel_case),
        ("CreatePaymentInput".to_string(), true)
    );
    assert_eq!(
        describe_input(&create),
        [
            "account_number: String, in new()",
            "amount: rust_decimal :: Decimal, nullable, set by amount()",
            "retries: i64, defaulted, set by retries()",
            "self_: Filter, nullable, set by self_()",
        ]
    );
    let filter = input_object(&ctx, &ir.input_objects[1]).unwrap();
    assert_eq!(
        describe_input(&filter),
        [
            "not: Filter boxed, nullable, set by not()",
            "any: Filter, nullable, set by any()",
        ]
    );
}

#[test]
fn a_variable_named_new_gets_a_suffixed_setter() {
    let ir = sample();
    let ctx = context(&ir).unwrap();
    let ty = named("Int");
    let member = |name| Member {
        name,
        ty: &ty,
        kind: TypeKind::BuiltinScalar,
        description: None,
        has_default: false,
        deprecated: None,
        boxed: false,
    };
    let members = [member("new"), member("type"), member("first_name")];
    let shape = input(&ctx, naming::ident("Variables"), String::new(), &members).unwrap();
    assert!(!shape.camel_case);
    assert_eq!(
        describe_input(&shape),
        [
            "new: i64, nullable, set by new_2()",
            "r#type: i64, nullable, set by r#type()",
            "first_name: i64, nullable, set by first_name()",
        ]
    );
}

#[test]
fn enum_values_are_variants_after_the_reserved_catch_all() {
    let ir = sample();
    let ctx = context(&ir).unwrap();
    let shape = enumeration(&ctx, &ir.enums[0]).unwrap();
    let variants: Vec<_> = shape
        .values
        .iter()
        .map(|value| format!("{} = {}", value.ident, value.wire))
        .collect();
    assert_eq!(
        (shape.ident.to_string(), shape.catch_all.to_string()),
        ("PaymentStatus".to_string(), "UnknownValue".to_string())
    );
    assert_eq!(
        variants,
        ["Pending = PENDING", "UnknownValue2 = UNKNOWN_VALUE"]
    );
}

#[test]
fn an_operation_module_takes_the_generators_names_first() {
    let mut ir = sample();
    let ctx = context(&ir).unwrap();
    let create = operation(&ctx, &ir.operations[0]).unwrap();
    let idents: Vec<_> = create
        .responses
        .iter()
        .map(|shape| match shape {
            Shape::Struct(shape) => shape.ident.to_string(),
            Shape::Union(shape) => shape.ident.to_string(),
        })
        .collect();
    assert_eq!(
        (create.module.to_string(), create.ident.to_string()),
        ("create_payment".to_string(), "CreatePayment".to_string())
    );
    assert_eq!(create.variables.ident.to_string(), "Variables");
    assert_eq!(
        idents,
        [
            "ResponseData",
            "Payload",
            "PayloadPaymentCreated",
            "PayloadUnknownMember"
        ]
    );
    ir.operations[1].name = "Variables".to_string();
    let clash = operation(&ctx, &ir.operations[1]).unwrap();
    assert_eq!(
        (clash.module.to_string(), clash.ident.to_string()),
        ("variables".to_string(), "Variables2".to_string())
    );
}
