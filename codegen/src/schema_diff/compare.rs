//! The changes from one schema to another, every one of them, before anyone asks which
//! operations they touch.

use std::collections::BTreeMap;
use std::fmt::Display;

use super::change::{Change, Coordinate, Kind};
use super::date::{self, Date};
use crate::ir::{Deprecated, TypeKind, TypeRef};
use crate::schema::{InputValueDef, Schema, TypeDef};

/// Every change from `old` to `new`, sorted by kind then coordinate, plus every
/// deprecation of `new` whose removal date is `today` or earlier.
pub fn changes(old: &Schema, new: &Schema, today: Date) -> Vec<Change> {
    let mut out = Vec::new();
    let (removed, added, kept) = by_name(old.types.values(), new.types.values(), |ty| {
        ty.name.as_str()
    });
    for ty in removed {
        let change = Change::at(Kind::TypeRemoved, Coordinate::Type(ty.name.clone()));
        out.push(change.was(kind_name(ty.kind)));
        implementations(Kind::ImplementationRemoved, ty, &ty.interfaces, &mut out);
    }
    for ty in added {
        let change = Change::at(Kind::TypeAdded, Coordinate::Type(ty.name.clone()));
        out.push(change.now(kind_name(ty.kind)));
        implementations(Kind::ImplementationAdded, ty, &ty.interfaces, &mut out);
    }
    for (old_ty, new_ty) in kept {
        type_changes(old_ty, new_ty, &mut out);
    }
    removal_dates(new, today, &mut out);
    out.sort();
    out
}

/// How the report names a kind of type.
fn kind_name(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::BuiltinScalar | TypeKind::CustomScalar => "scalar",
        TypeKind::Enum => "enum",
        TypeKind::InputObject => "input object",
        TypeKind::Object => "object",
        TypeKind::Interface => "interface",
        TypeKind::Union => "union",
    }
}

fn type_changes(old: &TypeDef, new: &TypeDef, out: &mut Vec<Change>) {
    let name = &old.name;
    if kind_name(old.kind) != kind_name(new.kind) {
        out.push(
            Change::at(Kind::TypeKindChanged, Coordinate::Type(name.clone()))
                .was(kind_name(old.kind))
                .now(kind_name(new.kind)),
        );
        return;
    }
    description(
        &old.description,
        &new.description,
        Coordinate::Type(name.clone()),
        out,
    );
    field_changes(old, new, out);
    let (removed, added, _) = by_name(&old.interfaces, &new.interfaces, |i| i.as_str());
    implementations(Kind::ImplementationRemoved, old, removed, out);
    implementations(Kind::ImplementationAdded, new, added, out);
    let (removed, added, _) = by_name(&old.members, &new.members, |m| m.as_str());
    let member = |member: &String| Coordinate::Member(name.clone(), member.clone());
    out.extend(
        removed
            .into_iter()
            .map(|m| Change::at(Kind::UnionMemberRemoved, member(m))),
    );
    out.extend(
        added
            .into_iter()
            .map(|m| Change::at(Kind::UnionMemberAdded, member(m))),
    );
    enum_value_changes(old, new, out);
    let split = by_name(&old.input_fields, &new.input_fields, |f| f.name.as_str());
    let at = |field: &InputValueDef| Coordinate::InputField(name.clone(), field.name.clone());
    input_value_changes(&INPUT_FIELD, split, at, out);
}

/// One change of `kind` for each of `interfaces` that `ty` implements.
fn implementations<'a>(
    kind: Kind,
    ty: &TypeDef,
    interfaces: impl IntoIterator<Item = &'a String>,
    out: &mut Vec<Change>,
) {
    for interface in interfaces {
        let at = Coordinate::Implementation(ty.name.clone(), interface.clone());
        out.push(Change::at(kind, at));
    }
}

fn field_changes(old: &TypeDef, new: &TypeDef, out: &mut Vec<Change>) {
    let name = &old.name;
    let (removed, added, kept) = by_name(&old.fields, &new.fields, |f| f.name.as_str());
    let at = |field: &str| Coordinate::Field(name.clone(), field.to_string());
    for field in removed {
        out.push(
            Change::at(Kind::FieldRemoved, at(&field.name))
                .was(with_deprecation(&field.ty, &field.deprecated)),
        );
    }
    for field in added {
        out.push(Change::at(Kind::FieldAdded, at(&field.name)).now(&field.ty));
    }
    for (old_field, new_field) in kept {
        let coordinate = at(&old_field.name);
        if old_field.ty != new_field.ty {
            let kind = if only_non_null_added(&old_field.ty, &new_field.ty) {
                Kind::FieldMadeNonNull
            } else {
                Kind::FieldTypeChanged
            };
            out.push(
                Change::at(kind, coordinate.clone())
                    .was(&old_field.ty)
                    .now(&new_field.ty),
            );
        }
        description(
            &old_field.description,
            &new_field.description,
            coordinate.clone(),
            out,
        );
        deprecation(
            &old_field.deprecated,
            &new_field.deprecated,
            coordinate,
            out,
        );
        let split = by_name(&old_field.args, &new_field.args, |a| a.name.as_str());
        let at = |arg: &InputValueDef| {
            Coordinate::Argument(name.clone(), old_field.name.clone(), arg.name.clone())
        };
        input_value_changes(&ARGUMENT, split, at, out);
    }
}

fn enum_value_changes(old: &TypeDef, new: &TypeDef, out: &mut Vec<Change>) {
    let (removed, added, kept) = by_name(&old.enum_values, &new.enum_values, |v| v.name.as_str());
    let at = |value: &str| Coordinate::EnumValue(old.name.clone(), value.to_string());
    for value in removed {
        let mut change = Change::at(Kind::EnumValueRemoved, at(&value.name));
        if let Some(deprecated) = &value.deprecated {
            change = change.was(deprecated_words(deprecated));
        }
        out.push(change);
    }
    out.extend(
        added
            .into_iter()
            .map(|value| Change::at(Kind::EnumValueAdded, at(&value.name))),
    );
    for (old_value, new_value) in kept {
        let coordinate = at(&old_value.name);
        description(
            &old_value.description,
            &new_value.description,
            coordinate.clone(),
            out,
        );
        deprecation(
            &old_value.deprecated,
            &new_value.deprecated,
            coordinate,
            out,
        );
    }
}

/// The kinds of change of an argument or of an input field.
struct InputValueKinds {
    removed: Kind,
    type_changed: Kind,
    made_required: Kind,
    made_nullable: Kind,
    required_added: Kind,
    optional_added: Kind,
    default_changed: Kind,
}

const ARGUMENT: InputValueKinds = InputValueKinds {
    removed: Kind::ArgumentRemoved,
    type_changed: Kind::ArgumentTypeChanged,
    made_required: Kind::ArgumentMadeRequired,
    made_nullable: Kind::ArgumentMadeNullable,
    required_added: Kind::RequiredArgumentAdded,
    optional_added: Kind::OptionalArgumentAdded,
    default_changed: Kind::ArgumentDefaultChanged,
};

const INPUT_FIELD: InputValueKinds = InputValueKinds {
    removed: Kind::InputFieldRemoved,
    type_changed: Kind::InputFieldTypeChanged,
    made_required: Kind::InputFieldMadeRequired,
    made_nullable: Kind::InputFieldMadeNullable,
    required_added: Kind::RequiredInputFieldAdded,
    optional_added: Kind::OptionalInputFieldAdded,
    default_changed: Kind::InputFieldDefaultChanged,
};

fn input_value_changes(
    kinds: &InputValueKinds,
    (removed, added, kept): Split<'_, InputValueDef>,
    at: impl Fn(&InputValueDef) -> Coordinate,
    out: &mut Vec<Change>,
) {
    for value in removed {
        out.push(
            Change::at(kinds.removed, at(value))
                .was(with_deprecation(&value.ty, &value.deprecated)),
        );
    }
    for value in added {
        let kind = if value.is_required() {
            kinds.required_added
        } else {
            kinds.optional_added
        };
        out.push(Change::at(kind, at(value)).now(&value.ty));
    }
    for (old, new) in kept {
        let coordinate = at(old);
        let made_required = !old.is_required() && new.is_required();
        let type_kind = if made_required {
            Some(kinds.made_required)
        } else if old.ty == new.ty {
            None
        } else if only_non_null_added(&new.ty, &old.ty) {
            Some(kinds.made_nullable)
        } else {
            Some(kinds.type_changed)
        };
        if let Some(kind) = type_kind {
            out.push(
                Change::at(kind, coordinate.clone())
                    .was(with_default(old))
                    .now(with_default(new)),
            );
        } else if old.default != new.default {
            let shown = |default: &Option<String>| {
                default.clone().unwrap_or_else(|| "no default".to_string())
            };
            out.push(
                Change::at(kinds.default_changed, coordinate.clone())
                    .was(shown(&old.default))
                    .now(shown(&new.default)),
            );
        }
        description(&old.description, &new.description, coordinate.clone(), out);
        deprecation(&old.deprecated, &new.deprecated, coordinate, out);
    }
}

/// An input value's type with its default: `Int = 10`.
fn with_default(value: &InputValueDef) -> String {
    match &value.default {
        Some(default) => format!("{} = {default}", value.ty),
        None => value.ty.to_string(),
    }
}

/// Whether `wider` becomes `narrower` by making some of its levels non-null and
/// nothing else: safe for a response (a client reading `wider` reads `narrower`), and,
/// read the other way round, for a request.
fn only_non_null_added(wider: &TypeRef, narrower: &TypeRef) -> bool {
    match (wider, narrower) {
        (TypeRef::NonNull(wider), TypeRef::NonNull(narrower)) => {
            only_non_null_added(wider, narrower)
        }
        (wider, TypeRef::NonNull(narrower)) => only_non_null_added(wider, narrower),
        (TypeRef::List(wider), TypeRef::List(narrower)) => only_non_null_added(wider, narrower),
        (TypeRef::Named(wider), TypeRef::Named(narrower)) => wider == narrower,
        _ => false,
    }
}

fn description(old: &Option<String>, new: &Option<String>, at: Coordinate, out: &mut Vec<Change>) {
    if old != new {
        out.push(Change::at(Kind::DescriptionChanged, at));
    }
}

fn deprecation(
    old: &Option<Deprecated>,
    new: &Option<Deprecated>,
    at: Coordinate,
    out: &mut Vec<Change>,
) {
    match (old, new) {
        (None, Some(new)) => {
            out.push(Change::at(Kind::Deprecated, at).now(deprecation_detail(new)))
        }
        (Some(_), None) => out.push(Change::at(Kind::DeprecationRemoved, at)),
        (Some(old), Some(new)) if old != new => {
            out.push(Change::at(Kind::DeprecationReasonChanged, at))
        }
        _ => {}
    }
}

/// A deprecation in a few words: its removal date when the reason gives one
/// ("for removal on or after 2025-03-01"), else the reason's first line.
fn deprecation_detail(deprecated: &Deprecated) -> String {
    match date::of_removal(&deprecated.note) {
        Some(date) => format!("for removal on or after {date}"),
        None => deprecated
            .note
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// "deprecated for removal on or after 2025-03-01", "deprecated: Use `b`.".
fn deprecated_words(deprecated: &Deprecated) -> String {
    let separator = match date::of_removal(&deprecated.note) {
        Some(_) => " ",
        None => ": ",
    };
    format!("deprecated{separator}{}", deprecation_detail(deprecated))
}

/// A removed member's type, and its deprecation if it had one: the server may still
/// accept a deprecated member that introspection no longer shows.
fn with_deprecation(ty: impl Display, deprecated: &Option<Deprecated>) -> String {
    match deprecated {
        Some(deprecated) => format!("{ty}, {}", deprecated_words(deprecated)),
        None => ty.to_string(),
    }
}

/// Every field, argument, input field and enum value of `schema` whose deprecation
/// announces a removal date that is `today` or earlier.
fn removal_dates(schema: &Schema, today: Date, out: &mut Vec<Change>) {
    let mut due = |deprecated: &Option<Deprecated>, at: Coordinate| {
        if let Some(date) = deprecated.as_ref().and_then(|d| date::of_removal(&d.note)) {
            if date <= today {
                out.push(
                    Change::at(Kind::RemovalDateReached, at).now(format!("on or after {date}")),
                );
            }
        }
    };
    for ty in schema.types.values() {
        let name = &ty.name;
        for field in &ty.fields {
            due(
                &field.deprecated,
                Coordinate::Field(name.clone(), field.name.clone()),
            );
            for arg in &field.args {
                due(
                    &arg.deprecated,
                    Coordinate::Argument(name.clone(), field.name.clone(), arg.name.clone()),
                );
            }
        }
        for field in &ty.input_fields {
            due(
                &field.deprecated,
                Coordinate::InputField(name.clone(), field.name.clone()),
            );
        }
        for value in &ty.enum_values {
            due(
                &value.deprecated,
                Coordinate::EnumValue(name.clone(), value.name.clone()),
            );
        }
    }
}

/// Items only in the old list, only in the new one, and in both (paired).
type Split<'a, T> = (Vec<&'a T>, Vec<&'a T>, Vec<(&'a T, &'a T)>);

/// Splits two lists by name, each part sorted by name. A name listed twice counts once,
/// its first entry, as the schema index keeps it.
fn by_name<'a, T>(
    old: impl IntoIterator<Item = &'a T>,
    new: impl IntoIterator<Item = &'a T>,
    name: impl Fn(&'a T) -> &'a str,
) -> Split<'a, T> {
    let (old, new) = (index(old, &name), index(new, &name));
    let removed = old
        .iter()
        .filter(|(n, _)| !new.contains_key(*n))
        .map(|(_, item)| *item)
        .collect();
    let added = new
        .iter()
        .filter(|(n, _)| !old.contains_key(*n))
        .map(|(_, item)| *item)
        .collect();
    let kept = old
        .iter()
        .filter_map(|(n, item)| Some((*item, *new.get(n)?)))
        .collect();
    (removed, added, kept)
}

/// Items by name, the first of each name.
fn index<'a, T>(
    list: impl IntoIterator<Item = &'a T>,
    name: &impl Fn(&'a T) -> &'a str,
) -> BTreeMap<&'a str, &'a T> {
    let mut map = BTreeMap::new();
    for item in list {
        map.entry(name(item)).or_insert(item);
    }
    map
}
