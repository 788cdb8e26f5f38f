//! Turns a docs-page response example into JSON the generated types can decode.
//!
//! The page prints placeholders instead of values: a type name (`GoodsPurchase`,
//! `[PossibleErrorType]`) where an object goes, and alternatives (`"abc123" | 1 | true`)
//! where a scalar of several shapes goes. Placeholders are replaced by sample values built
//! from the operation's resolved selection; alternatives keep their first choice.

use kraken_codegen::ir::{Field, Ir, SelectionSet, TypeKind, TypeRef};
use serde_json::{Map, Value};

/// Marks a placeholder in the rewritten text; the page never prints it.
const PLACEHOLDER: &str = "@placeholder:";

/// The example with every placeholder filled, or why it could not be read.
pub fn fill(example: &str, selection: &SelectionSet, ir: &Ir) -> Result<Value, String> {
    let text = rewrite_placeholders(example);
    let mut json: Value =
        serde_json::from_str(&text).map_err(|error| format!("{error} in\n{text}"))?;
    let data = json.get_mut("data").ok_or("the example has no `data`")?;
    fill_selection(data, selection, None, ir);
    Ok(json)
}

/// Bare type names become marker strings; `a | b | c` keeps `a`.
fn rewrite_placeholders(example: &str) -> String {
    let chars: Vec<char> = example.chars().collect();
    let mut out = String::with_capacity(example.len());
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if c == '"' {
            let end = string_end(&chars, index);
            out.extend(&chars[index..end]);
            index = end;
        } else if c == '|' {
            index = alternatives_end(&chars, index);
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = index;
            while index < chars.len()
                && (chars[index].is_ascii_alphanumeric() || chars[index] == '_')
            {
                index += 1;
            }
            let word: String = chars[start..index].iter().collect();
            match word.as_str() {
                "true" | "false" | "null" => out.push_str(&word),
                _ => out.push_str(&format!("\"{PLACEHOLDER}{word}\"")),
            }
        } else {
            out.push(c);
            index += 1;
        }
    }
    out
}

/// Index just past the string literal starting at `start`.
fn string_end(chars: &[char], start: usize) -> usize {
    let mut index = start + 1;
    while index < chars.len() {
        match chars[index] {
            '\\' => index += 2,
            '"' => return index + 1,
            _ => index += 1,
        }
    }
    chars.len()
}

/// Index of the `,`, `}` or `]` that ends a run of `| alternative` clauses.
fn alternatives_end(chars: &[char], start: usize) -> usize {
    let mut depth = 0usize;
    let mut index = start;
    while index < chars.len() {
        match chars[index] {
            '"' => {
                index = string_end(chars, index);
                continue;
            }
            '[' | '{' => depth += 1,
            ']' | '}' if depth > 0 => depth -= 1,
            ',' | ']' | '}' => return index,
            _ => {}
        }
        index += 1;
    }
    index
}

fn placeholder_name(value: &Value) -> Option<&str> {
    value.as_str()?.strip_prefix(PLACEHOLDER)
}

/// Fills every field of `selection` present in `value` (an object).
fn fill_selection(value: &mut Value, selection: &SelectionSet, member: Option<&str>, ir: &Ir) {
    if let Some(name) = placeholder_name(value).map(str::to_owned) {
        *value = sample_selection(selection, Some(&name), ir);
        return;
    }
    let Some(object) = value.as_object_mut() else {
        return;
    };
    for field in all_fields(selection, member, ir) {
        if let Some(inner) = object.get_mut(&field.response_key) {
            fill_value(inner, &field.ty, field, ir);
        }
    }
}

fn fill_value(value: &mut Value, ty: &TypeRef, field: &Field, ir: &Ir) {
    match (ty, value) {
        (TypeRef::NonNull(inner), value) => fill_value(value, inner, field, ir),
        (TypeRef::List(inner), Value::Array(items)) => {
            for item in items {
                fill_value(item, inner, field, ir);
            }
        }
        (TypeRef::List(inner), value) if placeholder_name(value).is_some() => {
            let mut item = value.take();
            fill_value(&mut item, inner, field, ir);
            *value = Value::Array(vec![item]);
        }
        (TypeRef::Named(name), value) => match &field.selection {
            Some(selection) => fill_selection(value, selection, None, ir),
            None if placeholder_name(value).is_some() => {
                *value = sample_scalar(name, field.kind, ir);
            }
            None => {}
        },
        _ => {}
    }
}

/// The fields selected on `selection`, with its fragments' fields and, for an abstract
/// type, those of the chosen member.
fn all_fields<'a>(selection: &'a SelectionSet, member: Option<&str>, ir: &'a Ir) -> Vec<&'a Field> {
    let mut fields: Vec<&Field> = selection.fields.iter().collect();
    for name in &selection.fragment_spreads {
        if let Some(fragment) = ir.fragments.iter().find(|fragment| &fragment.name == name) {
            fields.extend(all_fields(&fragment.selection, member, ir));
        }
    }
    if let Some(variant) = chosen_variant(selection, member) {
        fields.extend(all_fields(&variant.selection, None, ir));
    }
    fields
}

fn chosen_variant<'a>(
    selection: &'a SelectionSet,
    member: Option<&str>,
) -> Option<&'a kraken_codegen::ir::Variant> {
    selection
        .variants
        .iter()
        .find(|variant| Some(variant.type_name.as_str()) == member)
        .or(selection.variants.first())
}

/// A whole object for a placeholder such as `GoodsPurchase`.
fn sample_selection(selection: &SelectionSet, member: Option<&str>, ir: &Ir) -> Value {
    let mut object = Map::new();
    if let Some(variant) = chosen_variant(selection, member) {
        object.insert(
            "__typename".into(),
            Value::String(variant.type_name.clone()),
        );
    }
    for field in all_fields(selection, member, ir) {
        object.insert(
            field.response_key.clone(),
            sample_type(&field.ty, field, ir),
        );
    }
    Value::Object(object)
}

fn sample_type(ty: &TypeRef, field: &Field, ir: &Ir) -> Value {
    match ty {
        TypeRef::NonNull(inner) => sample_type(inner, field, ir),
        TypeRef::List(inner) => Value::Array(vec![sample_type(inner, field, ir)]),
        TypeRef::Named(name) => match &field.selection {
            Some(selection) => sample_selection(selection, None, ir),
            None => sample_scalar(name, field.kind, ir),
        },
    }
}

fn sample_scalar(name: &str, kind: TypeKind, ir: &Ir) -> Value {
    if kind == TypeKind::Enum {
        let first = ir
            .enums
            .iter()
            .find(|candidate| candidate.name == name)
            .and_then(|found| found.values.first());
        return first.map_or(Value::String("UNKNOWN".into()), |value| {
            Value::String(value.name.clone())
        });
    }
    match name {
        "Int" => Value::from(1),
        "Float" => Value::from(1.5),
        "Boolean" => Value::Bool(true),
        "Date" => Value::from("2020-01-01"),
        "DateTime" => Value::from("2020-01-01T09:30:00+09:00"),
        "Decimal" => Value::from("1.50"),
        "UUID" => Value::from("6f1c7a3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b"),
        "JSONString" => Value::from("{\"key\":\"value\"}"),
        "GenericScalar" => serde_json::json!({"key": "value"}),
        _ => Value::from("abc123"),
    }
}
