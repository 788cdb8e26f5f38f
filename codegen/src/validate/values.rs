//! Values given to arguments: literals checked against the argument's input type,
//! variables recorded for the per-operation check of their declared type.

use graphql_parser::query::Value;

use super::suggest::hint_for;
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::ir::{TypeKind, TypeRef};
use crate::schema::Schema;

type AstValue = Value<'static, String>;

/// A variable used where a value of `expected` type goes.
#[derive(Debug, Clone)]
pub(crate) struct Usage {
    pub name: String,
    /// `None` where the expected type is unknown (an unknown directive's argument).
    pub expected: Option<TypeRef>,
    /// Whether the place has a default of its own (then a nullable variable may feed a
    /// non-null place).
    pub place_has_default: bool,
    /// What the place is, for messages (e.g. "argument `input` of `Mutation.login`").
    pub place: String,
    pub file: SourceFile,
    pub position: Position,
}

/// Checks values found at one position of one file.
pub(crate) struct ValueChecker<'a> {
    pub schema: &'a Schema,
    pub file: &'a SourceFile,
    pub position: Position,
    pub diagnostics: &'a mut Diagnostics,
    pub usages: &'a mut Vec<Usage>,
}

impl ValueChecker<'_> {
    /// Checks `value` given for `place` of type `expected`.
    pub fn check(
        &mut self,
        value: &AstValue,
        expected: &TypeRef,
        place: &str,
        place_has_default: bool,
    ) {
        self.check_within(value, expected, expected, place, place_has_default);
    }

    /// Checks `value` against `expected`, a part of `declared` (the place's whole type,
    /// which messages show).
    fn check_within(
        &mut self,
        value: &AstValue,
        expected: &TypeRef,
        declared: &TypeRef,
        place: &str,
        place_has_default: bool,
    ) {
        if let Value::Variable(name) = value {
            self.usages.push(Usage {
                name: name.clone(),
                expected: Some(expected.clone()),
                place_has_default,
                place: place.to_string(),
                file: self.file.clone(),
                position: self.position,
            });
            return;
        }
        match expected {
            TypeRef::NonNull(inner) => {
                if matches!(value, Value::Null) {
                    self.error(
                        format!("{place} is `{declared}` but given `null`"),
                        "give a value: a non-null place does not accept null",
                    );
                } else {
                    self.check_within(value, inner, declared, place, false);
                }
            }
            TypeRef::List(inner) => match value {
                Value::Null => {}
                Value::List(items) => {
                    for item in items {
                        self.check_within(item, inner, declared, place, false);
                    }
                }
                // A single value is accepted for a list (input coercion).
                single => self.check_within(single, inner, declared, place, false),
            },
            TypeRef::Named(name) => self.check_named(value, name, declared, place),
        }
    }

    fn check_named(&mut self, value: &AstValue, name: &str, declared: &TypeRef, place: &str) {
        if matches!(value, Value::Null) {
            return;
        }
        let Some(ty) = self.schema.get(name) else {
            return;
        };
        let fits = match ty.kind {
            TypeKind::BuiltinScalar => builtin_accepts(name, value),
            TypeKind::CustomScalar => true,
            TypeKind::Enum => {
                if let Value::Enum(found) = value {
                    if ty.enum_values.iter().all(|known| known.name != *found) {
                        let names: Vec<&str> =
                            ty.enum_values.iter().map(|v| v.name.as_str()).collect();
                        self.error(
                            format!("{place} expects a value of enum `{name}`, found `{found}`"),
                            &hint_for(found, &names, &format!("`{name}` has the values")),
                        );
                    }
                    return;
                }
                false
            }
            TypeKind::InputObject => {
                if let Value::Object(given) = value {
                    for (field, field_value) in given {
                        match ty.input_field(field) {
                            Some(def) => {
                                let inner = format!("field `{field}` of {place}");
                                self.check(field_value, &def.ty, &inner, def.default.is_some());
                            }
                            None => {
                                let names: Vec<&str> =
                                    ty.input_fields.iter().map(|f| f.name.as_str()).collect();
                                self.error(
                                    format!("unknown field `{field}` in input object `{name}` ({place})"),
                                    &hint_for(field, &names, &format!("`{name}` has the fields")),
                                );
                            }
                        }
                    }
                    for def in ty.input_fields.iter().filter(|def| def.is_required()) {
                        if !given.contains_key(&def.name) {
                            self.error(
                                format!(
                                    "{place} misses the required field `{}: {}` of `{name}`",
                                    def.name, def.ty
                                ),
                                "add the field to the object",
                            );
                        }
                    }
                    return;
                }
                false
            }
            TypeKind::Object | TypeKind::Interface | TypeKind::Union => true,
        };
        if !fits {
            self.error(
                format!("{place} expects `{declared}`, found `{}`", short(value)),
                &format!("give a value of type `{declared}`"),
            );
        }
    }

    fn error(&mut self, message: String, hint: &str) {
        self.diagnostics
            .push(Diagnostic::new(self.file, self.position, message).with_hint(hint));
    }
}

fn builtin_accepts(name: &str, value: &AstValue) -> bool {
    match name {
        "Int" => matches!(value, Value::Int(_)),
        "Float" => matches!(value, Value::Int(_) | Value::Float(_)),
        "String" => matches!(value, Value::String(_)),
        "Boolean" => matches!(value, Value::Boolean(_)),
        "ID" => matches!(value, Value::String(_) | Value::Int(_)),
        _ => true,
    }
}

/// A value as GraphQL text, cut short for messages.
fn short(value: &AstValue) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// Whether a variable of type `variable` may be used where `place` is expected
/// (GraphQL "All Variable Usages Are Allowed").
pub(crate) fn variable_fits(
    variable: &TypeRef,
    variable_has_default: bool,
    place: &TypeRef,
    place_has_default: bool,
) -> bool {
    match (variable, place) {
        (TypeRef::NonNull(_), TypeRef::NonNull(_)) => fits(variable, place),
        (_, TypeRef::NonNull(inner)) => {
            (variable_has_default || place_has_default) && fits(variable, inner)
        }
        _ => fits(variable, place),
    }
}

fn fits(variable: &TypeRef, place: &TypeRef) -> bool {
    match (variable, place) {
        (TypeRef::NonNull(v), TypeRef::NonNull(p)) => fits(v, p),
        (TypeRef::NonNull(v), p) => fits(v, p),
        (_, TypeRef::NonNull(_)) => false,
        (TypeRef::List(v), TypeRef::List(p)) => fits(v, p),
        (TypeRef::Named(v), TypeRef::Named(p)) => v == p,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> TypeRef {
        let named = |name: &str| TypeRef::Named(name.to_string());
        match text.strip_suffix('!') {
            Some(inner) => TypeRef::NonNull(Box::new(parse(inner))),
            None => match text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                Some(inner) => TypeRef::List(Box::new(parse(inner))),
                None => named(text),
            },
        }
    }

    #[test]
    fn variable_type_compatibility() {
        let cases = [
            ("Int", "Int", true),
            ("Int!", "Int", true),
            ("Int", "Int!", false),
            ("[Int!]!", "[Int]", true),
            ("[Int]", "[Int!]", false),
            ("Int", "[Int]", false),
            ("[Int]", "Int", false),
            ("String", "Int", false),
        ];
        for (variable, place, expected) in cases {
            assert_eq!(
                variable_fits(&parse(variable), false, &parse(place), false),
                expected,
                "{variable} used as {place}"
            );
        }
        assert!(variable_fits(&parse("Int"), true, &parse("Int!"), false));
        assert!(variable_fits(&parse("Int"), false, &parse("Int!"), true));
        assert_eq!(parse("[Int!]!").to_string(), "[Int!]!");
    }
}
