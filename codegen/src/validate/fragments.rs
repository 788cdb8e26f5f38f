//! Fragments: unknown fragments, the docs' `...XFragment` placeholders synthesized
//! from the schema when asked for, and fragment cycles.

use std::collections::{BTreeMap, BTreeSet};

use graphql_parser::query::{Field, Selection};
use graphql_parser::Pos;

use super::documents::{AstSelectionSet, Documents, FragmentDef};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::ir::TypeKind;
use crate::schema::syntax::position;
use crate::schema::{Schema, TypeDef};

/// The suffix that marks a placeholder: `...GoodsPurchaseFragment` stands for the
/// fields of `GoodsPurchase`.
const PLACEHOLDER_SUFFIX: &str = "Fragment";

/// Every fragment spread directly in a selection set (inline fragments included), in
/// document order.
pub(crate) fn spreads(set: &AstSelectionSet) -> Vec<(&str, Position)> {
    let mut found = Vec::new();
    collect_spreads(set, &mut found);
    found
}

fn collect_spreads<'a>(set: &'a AstSelectionSet, found: &mut Vec<(&'a str, Position)>) {
    for item in &set.items {
        match item {
            Selection::Field(field) => collect_spreads(&field.selection_set, found),
            Selection::InlineFragment(inline) => collect_spreads(&inline.selection_set, found),
            Selection::FragmentSpread(spread) => {
                found.push((spread.fragment_name.as_str(), position(spread.position)))
            }
        }
    }
}

/// The names of the fragments `set` uses, directly or through other fragments.
pub(crate) fn used_fragments<'a>(
    set: &'a AstSelectionSet,
    fragments: &'a BTreeMap<String, FragmentDef>,
) -> BTreeSet<&'a str> {
    let mut used = BTreeSet::new();
    let mut pending: Vec<&str> = spreads(set).into_iter().map(|(name, _)| name).collect();
    while let Some(name) = pending.pop() {
        if let Some((key, fragment)) = fragments.get_key_value(name) {
            if used.insert(key.as_str()) {
                pending.extend(
                    spreads(&fragment.selection)
                        .into_iter()
                        .map(|(name, _)| name),
                );
            }
        }
    }
    used
}

/// Reports every spread of an undefined fragment; with `placeholders`, first adds a
/// synthesized fragment for each undefined `XFragment` whose `X` is an object or
/// interface.
pub(crate) fn resolve_spreads(
    schema: &Schema,
    documents: &mut Documents,
    placeholders: bool,
    diagnostics: &mut Diagnostics,
) {
    let mut uses: Vec<(SourceFile, String, Position)> = Vec::new();
    let sets = documents
        .operations
        .iter()
        .map(|operation| (&operation.file, &operation.selection))
        .chain(
            documents
                .fragments
                .values()
                .map(|fragment| (&fragment.file, &fragment.selection)),
        );
    for (file, set) in sets {
        for (name, position) in spreads(set) {
            uses.push((file.clone(), name.to_string(), position));
        }
    }
    for (file, name, position) in uses {
        if documents.fragments.contains_key(&name) {
            continue;
        }
        match placeholder_type(schema, &name).filter(|_| placeholders) {
            Some(ty) => {
                let fragment = placeholder_fragment(schema, &name, ty);
                documents.fragments.insert(name, fragment);
            }
            None => diagnostics.push(unknown_fragment(
                schema,
                &file,
                position,
                &name,
                placeholders,
            )),
        }
    }
}

/// The object or interface `X` a spread of `XFragment` may stand for.
fn placeholder_type<'s>(schema: &'s Schema, name: &str) -> Option<&'s TypeDef> {
    name.strip_suffix(PLACEHOLDER_SUFFIX)
        .and_then(|type_name| schema.get(type_name))
        .filter(|ty| matches!(ty.kind, TypeKind::Object | TypeKind::Interface))
}

fn unknown_fragment(
    schema: &Schema,
    file: &SourceFile,
    position: Position,
    name: &str,
    placeholders: bool,
) -> Diagnostic {
    let define = format!("define `fragment {name} on ... {{ ... }}` in an operations file");
    let type_name = name
        .strip_suffix(PLACEHOLDER_SUFFIX)
        .filter(|type_name| !type_name.is_empty());
    let hint = match type_name.map(|type_name| (type_name, schema.get(type_name))) {
        // Only reached with placeholders off.
        Some((type_name, Some(_))) if placeholder_type(schema, name).is_some() => format!(
            "define `fragment {name} on {type_name} {{ ... }}`, or turn on \
             `Builder::placeholder_fragments` to have it stand for the scalar and enum \
             fields of `{type_name}`"
        ),
        Some((type_name, Some(ty))) if placeholders => format!(
            "`{type_name}` is {}, whose fields cannot stand in for the placeholder: {define}",
            kind_name(ty.kind)
        ),
        Some((type_name, None)) if placeholders => {
            format!("no type `{type_name}` in the schema: {define}, or fix the name")
        }
        _ => define,
    };
    Diagnostic::new(file, position, format!("unknown fragment `{name}`")).with_hint(hint)
}

/// The kind of a type with its article, for messages: "an enum".
pub(crate) fn kind_name(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::BuiltinScalar | TypeKind::CustomScalar => "a scalar",
        TypeKind::Enum => "an enum",
        TypeKind::InputObject => "an input object",
        TypeKind::Object => "an object",
        TypeKind::Interface => "an interface",
        TypeKind::Union => "a union",
    }
}

/// `fragment XFragment on X { ... }` selecting every field of `X` whose type is a scalar
/// or an enum (in any list or non-null wrapping) and that needs no argument, in schema
/// order, deprecated fields included. `__typename` alone when there is none.
fn placeholder_fragment(schema: &Schema, name: &str, ty: &TypeDef) -> FragmentDef {
    let mut fields: Vec<&str> = ty
        .fields
        .iter()
        .filter(|field| {
            schema.kind(field.ty.name()).is_some_and(TypeKind::is_leaf)
                && !field.args.iter().any(|arg| arg.is_required())
        })
        .map(|field| field.name.as_str())
        .collect();
    if fields.is_empty() {
        fields.push("__typename");
    }
    // The text is what a diagnostic would show; the AST below matches it line by line.
    let body: String = fields.iter().map(|field| format!("  {field}\n")).collect();
    let text = format!("fragment {name} on {} {{\n{body}}}\n", ty.name);
    let at = |line: usize, column: usize| Pos { line, column };
    let items = fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            Selection::Field(Field {
                position: at(index + 2, 3),
                alias: None,
                name: field.to_string(),
                arguments: Vec::new(),
                directives: Vec::new(),
                selection_set: AstSelectionSet {
                    span: (at(index + 2, 3), at(index + 2, 3)),
                    items: Vec::new(),
                },
            })
        })
        .collect();
    FragmentDef {
        file: SourceFile::new(format!("<{name} synthesized from the schema>"), text),
        name: name.to_string(),
        on_type: ty.name.clone(),
        position: Position { line: 1, column: 1 },
        directives: Vec::new(),
        selection: AstSelectionSet {
            span: (at(1, 1), at(fields.len() + 2, 1)),
            items,
        },
        synthesized: true,
    }
}

/// Reports every cycle of fragment spreads once, at the spread that closes it.
pub(crate) fn check_cycles(
    fragments: &BTreeMap<String, FragmentDef>,
    diagnostics: &mut Diagnostics,
) {
    let mut done = BTreeSet::new();
    for name in fragments.keys() {
        let mut path = Vec::new();
        visit(name, fragments, &mut path, &mut done, diagnostics);
    }
}

fn visit<'a>(
    name: &'a str,
    fragments: &'a BTreeMap<String, FragmentDef>,
    path: &mut Vec<&'a str>,
    done: &mut BTreeSet<&'a str>,
    diagnostics: &mut Diagnostics,
) {
    if done.contains(name) {
        return;
    }
    let Some(fragment) = fragments.get(name) else {
        return;
    };
    path.push(name);
    for (target, position) in spreads(&fragment.selection) {
        if let Some(start) = path.iter().position(|on_path| *on_path == target) {
            let cycle: Vec<&str> = path[start..].iter().copied().chain([target]).collect();
            diagnostics.push(
                Diagnostic::new(
                    &fragment.file,
                    position,
                    format!("fragment cycle: {}", cycle.join(" → ")),
                )
                .with_hint("a fragment cannot spread itself, directly or through other fragments"),
            );
        } else if let Some((key, _)) = fragments.get_key_value(target) {
            visit(key, fragments, path, done, diagnostics);
        }
    }
    path.pop();
    done.insert(name);
}
