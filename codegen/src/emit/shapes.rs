//! The plan stage: the IR becomes named Rust shapes (structs, enums, their fields and
//! variants) before any token is written. Response types are planned here, input
//! structs in [`inputs`], GraphQL enums in [`enums`].
//!
//! Every identifier is taken here, through [`crate::naming`], in the order the items
//! appear in the module; rendering ([`super::responses`], [`super::unions`],
//! [`super::inputs`], [`super::enums`]) only reads the finished shapes, one at a time. A
//! planned response shape comes before the shapes of its fields, so a module reads from
//! the outside in.
//!
//! Nested types are named by path: the type of field `b` inside type `A` is `AB`. In an
//! operation that selects one root field, that field's type is `Payload` and its
//! children start a fresh path (`payload.goodsPurchase` → `GoodsPurchase`). A selection
//! that is exactly one fragment spread is that fragment's struct, reused wherever it is
//! selected; a spread beside other fields is a `#[serde(flatten)]` field.
//!
//! An interface or union selected with `... on Member` is a [`UnionShape`]: one variant
//! per selected member plus the catch-all `UnknownMember`. Each member's struct holds
//! what is selected on the abstract type itself plus what is selected on the member;
//! the catch-all's struct holds `__typename` and what is selected on the abstract type.

mod enums;
mod inputs;

use std::collections::BTreeSet;

use proc_macro2::Ident;

pub(super) use enums::{enumeration, EnumShape};
pub(super) use inputs::{input, input_object, InputShape, Member, Presence};

use super::{docs, Context, EmitError};
use crate::ir::{Deprecated, Field, Fragment, SelectionSet, TypeRef};
use crate::naming::{self, Case, Namespace, WireNames};

/// The catch-all variant of a [`UnionShape`], reserved before the members' names.
pub(super) const CATCH_ALL: &str = "UnknownMember";

/// One planned item of a module.
pub(super) enum Shape {
    Struct(StructShape),
    Union(UnionShape),
}

/// A response struct.
pub(super) struct StructShape {
    pub ident: Ident,
    /// Sanitised Markdown.
    pub doc: String,
    /// Carries `#[serde(rename_all = "camelCase")]` (naming rule 6).
    pub camel_case: bool,
    /// Fields decoded from their own keys, in order (`__typename` first when held).
    pub fields: Vec<FieldShape>,
    /// Fragment spreads, each a `#[serde(flatten)]` field.
    pub spreads: Vec<SpreadShape>,
    /// Some response key is read by more than one part (its own fields and each spread),
    /// so the struct decodes by hand from a buffered value: serde gives each key to one
    /// part only.
    pub shared_keys: bool,
}

/// A field of a response struct.
pub(super) struct FieldShape {
    pub ident: Ident,
    /// The response key, when the field needs `#[serde(rename = ...)]`.
    pub rename: Option<String>,
    pub ty: FieldType,
    /// Sanitised Markdown.
    pub doc: Option<String>,
    pub deprecated: Option<Deprecated>,
}

/// A flattened fragment of a response struct.
pub(super) struct SpreadShape {
    pub ident: Ident,
    pub fragment: String,
    /// The fragment's struct in `types`.
    pub ty: Ident,
}

/// A Rust field type: a named leaf under the GraphQL type's list and null wrappers.
pub(crate) struct FieldType {
    pub graphql: TypeRef,
    pub leaf: Leaf,
}

/// The named Rust type at the bottom of a field type.
pub(crate) enum Leaf {
    /// A built-in or custom scalar's Rust type.
    Scalar(syn::Type),
    /// An enum, input object or fragment struct of `types`.
    Shared(Ident),
    /// A type of the module being planned.
    Local(Ident),
}

/// A tagged enum for an abstract selection with `... on` members.
pub(super) struct UnionShape {
    pub ident: Ident,
    /// Sanitised Markdown.
    pub doc: String,
    pub variants: Vec<VariantShape>,
    /// The catch-all variant and the struct it holds.
    pub catch_all: Ident,
    pub unknown: Ident,
    /// Sanitised Markdown, of the catch-all variant and its struct.
    pub unknown_doc: String,
}

/// A selected member of a union or interface.
pub(super) struct VariantShape {
    pub ident: Ident,
    /// The member's `__typename`.
    pub type_name: String,
    /// Needs `#[serde(rename = type_name)]`.
    pub rename: bool,
    pub payload: Leaf,
}

/// How the types of a struct's fields are named.
#[derive(Debug, Clone, Copy)]
pub(super) enum ChildNames<'a> {
    /// `prefix` + field name.
    Prefixed(&'a str),
    /// The one root field of an operation: `Payload`, children start a fresh path.
    Payload,
}

/// What a response struct is made of, before naming.
pub(super) struct Members<'a> {
    pub fields: Vec<&'a Field>,
    pub spreads: Vec<String>,
    /// Adds `typename: String` holding `__typename` (for catch-all members).
    pub typename: bool,
}

impl<'a> Members<'a> {
    /// The fields and spreads of a selection.
    pub fn of(selection: &'a SelectionSet) -> Self {
        Members {
            fields: selection.fields.iter().collect(),
            spreads: selection.fragment_spreads.clone(),
            typename: false,
        }
    }
}

/// Plans the shapes of one module, taking type names in its namespace.
pub(super) struct Planner<'a> {
    ctx: &'a Context,
    names: &'a mut Namespace,
}

impl<'a> Planner<'a> {
    pub fn new(ctx: &'a Context, names: &'a mut Namespace) -> Self {
        Planner { ctx, names }
    }

    /// Every fragment's shapes, under the name the context gave it.
    pub fn fragments(&mut self, fragments: &[Fragment]) -> Result<Vec<Shape>, EmitError> {
        let mut shapes = Vec::new();
        for fragment in fragments {
            let ident = self.ctx.fragment_ident(&fragment.name)?;
            let doc = format!(
                "The fragment `{}` on `{}`.",
                fragment.name, fragment.on_type
            );
            let prefix = ident.to_string();
            shapes.extend(self.selection(ident, &fragment.selection, doc, &prefix)?);
        }
        Ok(shapes)
    }

    /// The shapes of a selection named `ident`: a union when it has variants, a struct
    /// otherwise; then the shapes of its fields.
    fn selection(
        &mut self,
        ident: Ident,
        selection: &SelectionSet,
        doc: String,
        prefix: &str,
    ) -> Result<Vec<Shape>, EmitError> {
        if selection.variants.is_empty() {
            self.structure(
                ident,
                Members::of(selection),
                doc,
                ChildNames::Prefixed(prefix),
            )
        } else {
            self.union(ident, selection, doc)
        }
    }

    /// The type of a field with a sub-selection: the fragment struct when the selection
    /// is exactly one spread, otherwise a new type named `base` (suffixed if taken),
    /// whose shapes go to `nested`.
    fn selection_type(
        &mut self,
        selection: &SelectionSet,
        base: &str,
        child_prefix: Option<&str>,
        nested: &mut Vec<Shape>,
    ) -> Result<Leaf, EmitError> {
        if selection.variants.is_empty() {
            if let Some(fragment) = sole_spread(&selection.fields, &selection.fragment_spreads) {
                return Ok(Leaf::Shared(self.ctx.fragment_ident(fragment)?));
            }
        }
        let ident = self.names.name(base);
        let prefix = child_prefix.map_or_else(|| ident.to_string(), str::to_string);
        let doc = format!("Selection on `{}`.", selection.parent_type);
        nested.extend(self.selection(ident.clone(), selection, doc, &prefix)?);
        Ok(Leaf::Local(ident))
    }

    /// A response struct named `ident`, then the shapes of its fields.
    pub fn structure(
        &mut self,
        ident: Ident,
        members: Members,
        doc: String,
        child_names: ChildNames,
    ) -> Result<Vec<Shape>, EmitError> {
        let mut names = Namespace::new(Case::Snake);
        let mut fields = Vec::new();
        if members.typename {
            let field = names.name("__typename");
            fields.push(FieldShape {
                ident: field,
                rename: Some("__typename".to_string()),
                ty: FieldType {
                    graphql: TypeRef::NonNull(Box::new(TypeRef::Named("String".to_string()))),
                    leaf: Leaf::Scalar(syn::parse_quote!(String)),
                },
                doc: Some("The member's `__typename`.".to_string()),
                deprecated: None,
            });
        }
        let idents: Vec<_> = members
            .fields
            .iter()
            .map(|field| names.name(&field.response_key))
            .collect();
        let wire_names = WireNames::of(
            idents.iter().zip(
                members
                    .fields
                    .iter()
                    .map(|field| field.response_key.as_str()),
            ),
        );
        let mut nested = Vec::new();
        for (field, ident) in members.fields.iter().zip(idents) {
            let leaf = match &field.selection {
                Some(selection) => {
                    let (base, child_prefix) = match child_names {
                        ChildNames::Prefixed(prefix) => (
                            format!("{prefix}{}", naming::pascal(&field.response_key)),
                            None,
                        ),
                        ChildNames::Payload => ("Payload".to_string(), Some("")),
                    };
                    self.selection_type(selection, &base, child_prefix, &mut nested)?
                }
                None => self.ctx.leaf(field.ty.name(), field.kind)?,
            };
            fields.push(FieldShape {
                rename: wire_names
                    .needs_rename(&ident, &field.response_key)
                    .then(|| field.response_key.clone()),
                ident,
                ty: FieldType {
                    graphql: field.ty.clone(),
                    leaf,
                },
                doc: field.description.as_deref().map(docs::sanitize),
                deprecated: field.deprecated.clone(),
            });
        }
        let spreads = members
            .spreads
            .iter()
            .map(|fragment| {
                Ok(SpreadShape {
                    ident: names.name(fragment),
                    fragment: fragment.clone(),
                    ty: self.ctx.fragment_ident(fragment)?,
                })
            })
            .collect::<Result<Vec<_>, EmitError>>()?;
        let shape = StructShape {
            ident,
            doc,
            camel_case: wire_names.camel_case,
            shared_keys: shares_keys(self.ctx, &members),
            fields,
            spreads,
        };
        let mut shapes = vec![Shape::Struct(shape)];
        shapes.extend(nested);
        Ok(shapes)
    }

    /// A tagged enum named `ident`, then each member's struct (with its fields' shapes)
    /// and the catch-all's.
    fn union(
        &mut self,
        ident: Ident,
        selection: &SelectionSet,
        doc: String,
    ) -> Result<Vec<Shape>, EmitError> {
        let mut variant_names = Namespace::new(Case::Pascal);
        let catch_all = variant_names.reserve(CATCH_ALL);
        let mut variants = Vec::new();
        let mut nested = Vec::new();
        for variant in &selection.variants {
            let name = variant_names.name(&variant.type_name);
            let members = Members {
                fields: without_typename(&variant.selection.fields),
                spreads: member_spreads(selection, &variant.selection),
                typename: false,
            };
            let payload = match sole_spread(&members.fields, &members.spreads) {
                Some(fragment) => Leaf::Shared(self.ctx.fragment_ident(fragment)?),
                None => {
                    let member = self
                        .names
                        .name(&format!("{ident}{}", naming::pascal(&variant.type_name)));
                    let doc = format!("The fields of `{}` selected here.", variant.type_name);
                    let prefix = member.to_string();
                    nested.extend(self.structure(
                        member.clone(),
                        members,
                        doc,
                        ChildNames::Prefixed(&prefix),
                    )?);
                    Leaf::Local(member)
                }
            };
            variants.push(VariantShape {
                rename: WireNames::default().needs_rename(&name, &variant.type_name),
                ident: name,
                type_name: variant.type_name.clone(),
                payload,
            });
        }
        let unknown = self.names.name(&format!("{ident}{CATCH_ALL}"));
        let unknown_doc = format!(
            "A member of `{}` not selected here or not known to this schema.",
            selection.parent_type
        );
        let members = Members {
            fields: without_typename(&selection.fields),
            spreads: selection.fragment_spreads.clone(),
            typename: true,
        };
        let prefix = unknown.to_string();
        nested.extend(self.structure(
            unknown.clone(),
            members,
            unknown_doc.clone(),
            ChildNames::Prefixed(&prefix),
        )?);
        let shape = UnionShape {
            ident,
            doc,
            variants,
            catch_all,
            unknown,
            unknown_doc,
        };
        let mut shapes = vec![Shape::Union(shape)];
        shapes.extend(nested);
        Ok(shapes)
    }
}

/// The one fragment spread of a selection with no fields of its own.
fn sole_spread<'a, F>(fields: &[F], spreads: &'a [String]) -> Option<&'a str> {
    match spreads {
        [only] if fields.is_empty() => Some(only),
        _ => None,
    }
}

/// True when a response key is read by more than one part of the struct (its own fields
/// and each spread fragment).
fn shares_keys(ctx: &Context, members: &Members) -> bool {
    if members.spreads.is_empty() {
        return false;
    }
    let mut seen: BTreeSet<&str> = members
        .fields
        .iter()
        .map(|field| field.response_key.as_str())
        .collect();
    if members.typename {
        seen.insert("__typename");
    }
    for spread in &members.spreads {
        for key in ctx.fragment_keys(spread) {
            if !seen.insert(key) {
                return true;
            }
        }
    }
    false
}

/// The fragments a member reads: those spread on the abstract type itself (which the
/// member's own selection does not repeat), then its own.
fn member_spreads(selection: &SelectionSet, member: &SelectionSet) -> Vec<String> {
    let mut spreads = selection.fragment_spreads.clone();
    for spread in &member.fragment_spreads {
        if !spreads.contains(spread) {
            spreads.push(spread.clone());
        }
    }
    spreads
}

/// The fields of a member's selection except `__typename`, which the variant carries.
fn without_typename(fields: &[Field]) -> Vec<&Field> {
    fields
        .iter()
        .filter(|field| field.field_name != "__typename")
        .collect()
}

#[cfg(test)]
mod tests {
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
            ["struct ResponseData (camelCase): r#type: String, self_: String, id as ID: String, \
              status: types::PaymentStatus, amount: rust_decimal :: Decimal"]
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
}
