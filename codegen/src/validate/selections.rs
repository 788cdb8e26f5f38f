//! Selection sets checked against the schema: fields, arguments, sub-selections and
//! type conditions. Variables met on the way are recorded as [`Usage`]s.

use std::collections::BTreeMap;

use graphql_parser::query::{Directive, Field, Selection, TypeCondition, Value};

use super::documents::{AstSelectionSet, FragmentDef, OperationDef};
use super::fragments::kind_name;
use super::suggest::{did_you_mean, hint_for};
use super::values::{Usage, ValueChecker};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::ir::TypeRef;
use crate::schema::syntax::position;
use crate::schema::{InputValueDef, Schema, TypeDef};

pub(crate) struct Checker<'a> {
    pub schema: &'a Schema,
    pub fragments: &'a BTreeMap<String, FragmentDef>,
    pub diagnostics: &'a mut Diagnostics,
}

impl<'a> Checker<'a> {
    /// Checks an operation's selection; returns the variables it uses directly.
    pub fn operation(&mut self, operation: &OperationDef) -> Vec<Usage> {
        let mut usages = Vec::new();
        self.directives(&operation.file, &operation.directives, &mut usages);
        match self.schema.root_type(operation.kind) {
            Some(root) => {
                self.selection_set(&operation.file, root, &operation.selection, &mut usages)
            }
            None => {
                let kind = operation.kind.keyword();
                self.error(
                    &operation.file,
                    operation.position,
                    format!("the schema has no {kind} type"),
                    format!("the schema defines no `{kind}` root type; check the schema files"),
                );
            }
        }
        usages
    }

    /// Checks a fragment definition on its own; returns the variables it uses directly.
    pub fn fragment(&mut self, fragment: &FragmentDef) -> Vec<Usage> {
        let mut usages = Vec::new();
        self.directives(&fragment.file, &fragment.directives, &mut usages);
        if let Some(on) = self.condition(&fragment.file, fragment.position, &fragment.on_type, None)
        {
            self.selection_set(&fragment.file, on, &fragment.selection, &mut usages);
        }
        usages
    }

    fn selection_set(
        &mut self,
        file: &SourceFile,
        parent: &TypeDef,
        set: &AstSelectionSet,
        usages: &mut Vec<Usage>,
    ) {
        self.conflicts(file, set);
        for item in &set.items {
            match item {
                Selection::Field(field) => self.field(file, parent, field, usages),
                Selection::InlineFragment(inline) => {
                    let at = position(inline.position);
                    self.directives(file, &inline.directives, usages);
                    let on = match &inline.type_condition {
                        Some(TypeCondition::On(name)) => {
                            self.condition(file, at, name, Some(parent))
                        }
                        None => Some(parent),
                    };
                    if let Some(on) = on {
                        self.selection_set(file, on, &inline.selection_set, usages);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    let at = position(spread.position);
                    self.directives(file, &spread.directives, usages);
                    self.spread(file, at, parent, &spread.fragment_name);
                }
            }
        }
    }

    /// Checks one field: that `parent` has it, its arguments, and its sub-selection.
    fn field(
        &mut self,
        file: &SourceFile,
        parent: &TypeDef,
        field: &Field<'static, String>,
        usages: &mut Vec<Usage>,
    ) {
        let at = position(field.position);
        self.directives(file, &field.directives, usages);
        if field.name == "__typename" {
            if !field.selection_set.items.is_empty() {
                self.error(
                    file,
                    at,
                    "`__typename` is a `String!` and takes no selection".to_string(),
                    "remove the `{ ... }` after it".to_string(),
                );
            }
            return;
        }
        let Some(def) = self.schema.field(parent, &field.name) else {
            let names: Vec<&str> = parent.fields.iter().map(|f| f.name.as_str()).collect();
            let meta_field = self.schema.meta_fields.iter().any(|f| f.name == field.name);
            let hint = if meta_field {
                format!(
                    "`{}` is a meta-field of the query root only: select it at the top of a query",
                    field.name
                )
            } else if names.is_empty() {
                format!(
                    "`{}` is {}: select fields inside `... on SomeMember {{ }}`",
                    parent.name,
                    kind_name(parent.kind)
                )
            } else {
                hint_for(
                    &field.name,
                    &names,
                    &format!("`{}` has the fields", parent.name),
                )
            };
            let message = format!("unknown field `{}` on type `{}`", field.name, parent.name);
            self.error(file, at, message, hint);
            return;
        };
        let owner = format!("{}.{}", parent.name, def.name);
        self.arguments(file, at, &owner, &def.args, &field.arguments, usages);
        self.sub_selection(file, at, &owner, &def.ty, &field.selection_set, usages);
    }

    /// Checks the arguments given to `owner` (a field or a directive) against its
    /// definitions: each known, of the right type, and every required one given.
    fn arguments(
        &mut self,
        file: &SourceFile,
        at: Position,
        owner: &str,
        defs: &[InputValueDef],
        given: &[(String, Value<'static, String>)],
        usages: &mut Vec<Usage>,
    ) {
        for (name, value) in given {
            let arg_at = locate_name(file, at, name);
            match defs.iter().find(|def| def.name == *name) {
                Some(arg) => ValueChecker {
                    schema: self.schema,
                    file,
                    position: arg_at,
                    diagnostics: self.diagnostics,
                    usages,
                }
                .check(
                    value,
                    &arg.ty,
                    &format!("argument `{name}` of `{owner}`"),
                    arg.default.is_some(),
                ),
                None => {
                    let names: Vec<&str> = defs.iter().map(|a| a.name.as_str()).collect();
                    let hint = if names.is_empty() {
                        format!("`{owner}` takes no arguments")
                    } else {
                        hint_for(name, &names, &format!("`{owner}` takes"))
                    };
                    let message = format!("unknown argument `{name}` of `{owner}`");
                    self.error(file, arg_at, message, hint);
                }
            }
        }
        for arg in defs.iter().filter(|arg| arg.is_required()) {
            if !given.iter().any(|(name, _)| *name == arg.name) {
                self.error(
                    file,
                    at,
                    format!(
                        "missing required argument `{}: {}` of `{owner}`",
                        arg.name, arg.ty
                    ),
                    format!("add `{}: ...` to the arguments of `{owner}`", arg.name),
                );
            }
        }
    }

    /// Checks that a spread fragment can apply within `parent` (unknown fragments are
    /// reported where placeholders are resolved).
    fn spread(&mut self, file: &SourceFile, at: Position, parent: &TypeDef, name: &str) {
        let on = self
            .fragments
            .get(name)
            .and_then(|fragment| self.schema.get(&fragment.on_type))
            .filter(|on| on.kind.is_composite());
        if let Some(on) = on.filter(|on| !self.schema.overlaps(&on.name, &parent.name)) {
            self.error(
                file,
                at,
                format!(
                    "fragment `{name}` on `{}` can never apply to `{}`",
                    on.name, parent.name
                ),
                format!(
                    "no object type is both `{}` and `{}`: spread it where `{}` is selected",
                    on.name, parent.name, on.name
                ),
            );
        }
    }

    /// Reports fields of one selection set that share a response key but differ in
    /// field or arguments (they cannot be merged into one response value).
    fn conflicts(&mut self, file: &SourceFile, set: &AstSelectionSet) {
        let mut seen: BTreeMap<&str, (String, Position)> = BTreeMap::new();
        for item in &set.items {
            let Selection::Field(field) = item else {
                continue;
            };
            let key = field.alias.as_deref().unwrap_or(&field.name);
            let mut arguments: Vec<String> = field
                .arguments
                .iter()
                .map(|(name, value)| format!("{name}: {value}"))
                .collect();
            arguments.sort();
            let shape = if arguments.is_empty() {
                field.name.clone()
            } else {
                format!("{}({})", field.name, arguments.join(", "))
            };
            let at = position(field.position);
            match seen.get(key) {
                Some((first, first_at)) if *first != shape => {
                    let diagnostic = Diagnostic::new(
                        file,
                        at,
                        format!("`{key}` selects both `{first}` and `{shape}`"),
                    )
                    .with_related("first selected here", *first_at)
                    .with_hint("give one of them an alias: `other: field`");
                    self.diagnostics.push(diagnostic);
                }
                Some(_) => {}
                None => {
                    seen.insert(key, (shape, at));
                }
            }
        }
    }

    /// Checks what follows a field of type `ty`: nothing for scalars and enums, a
    /// selection set for objects, interfaces and unions.
    fn sub_selection(
        &mut self,
        file: &SourceFile,
        at: Position,
        owner: &str,
        ty: &TypeRef,
        set: &AstSelectionSet,
        usages: &mut Vec<Usage>,
    ) {
        let Some(target) = self.schema.get(ty.name()) else {
            self.error(
                file,
                at,
                format!(
                    "the type `{}` of `{owner}` is not defined in the schema",
                    ty.name()
                ),
                "the schema is incomplete: define the type in the schema files".to_string(),
            );
            return;
        };
        if target.kind.is_leaf() && !set.items.is_empty() {
            self.error(
                file,
                at,
                format!(
                    "`{owner}` is {} (`{ty}`) and takes no selection",
                    kind_name(target.kind)
                ),
                "remove the `{ ... }` after the field".to_string(),
            );
        } else if target.kind.is_composite() && set.items.is_empty() {
            self.error(
                file,
                at,
                format!("`{owner}` returns `{ty}` and needs a selection of its fields"),
                format!(
                    "add `{{ ... }}` with the fields of `{}` to select",
                    target.name
                ),
            );
        } else if target.kind.is_composite() {
            self.selection_set(file, target, set, usages);
        }
    }

    /// The type of a type condition, if it exists, is composite and (for an inline
    /// fragment) can apply within `parent`.
    fn condition(
        &mut self,
        file: &SourceFile,
        at: Position,
        name: &str,
        parent: Option<&TypeDef>,
    ) -> Option<&'a TypeDef> {
        let schema = self.schema;
        let Some(on) = schema.get(name) else {
            let names: Vec<&str> = schema
                .types
                .values()
                .filter(|ty| ty.kind.is_composite())
                .map(|ty| ty.name.as_str())
                .collect();
            let hint = did_you_mean(name, &names)
                .unwrap_or_else(|| "check the type name against the schema".to_string());
            self.error(
                file,
                at,
                format!("unknown type `{name}` in a type condition"),
                hint,
            );
            return None;
        };
        if !on.kind.is_composite() {
            self.error(
                file,
                at,
                format!(
                    "fragment on `{name}`, {}: fragments apply to objects, interfaces and unions",
                    kind_name(on.kind)
                ),
                "select the field directly instead of through a fragment".to_string(),
            );
            return None;
        }
        if let Some(parent) = parent.filter(|parent| !schema.overlaps(name, &parent.name)) {
            self.error(
                file,
                at,
                format!("fragment on `{name}` can never apply to `{}`", parent.name),
                format!(
                    "no object type is both `{name}` and `{}`: check the type condition",
                    parent.name
                ),
            );
            return None;
        }
        Some(on)
    }

    /// Records the variables of directive arguments; `@skip`/`@include` take `if: Boolean!`.
    /// Checks directives against the schema's definitions (`@skip` and `@include`
    /// included).
    fn directives(
        &mut self,
        file: &SourceFile,
        directives: &[Directive<'static, String>],
        usages: &mut Vec<Usage>,
    ) {
        for directive in directives {
            let at = position(directive.position);
            let owner = format!("@{}", directive.name);
            match self.schema.directives.get(&directive.name) {
                Some(def) => {
                    self.arguments(file, at, &owner, &def.args, &directive.arguments, usages)
                }
                None => {
                    let names: Vec<&str> =
                        self.schema.directives.keys().map(String::as_str).collect();
                    let hint = hint_for(&directive.name, &names, "the schema defines");
                    self.error(file, at, format!("unknown directive `{owner}`"), hint);
                }
            }
        }
    }

    fn error(&mut self, file: &SourceFile, at: Position, message: String, hint: String) {
        self.diagnostics
            .push(Diagnostic::new(file, at, message).with_hint(hint));
    }
}

/// The position of `name:` (an argument) at or after `from`, or `from` itself.
pub(crate) fn locate_name(file: &SourceFile, from: Position, name: &str) -> Position {
    for (index, line) in file
        .text
        .lines()
        .enumerate()
        .skip(from.line.saturating_sub(1))
    {
        let chars: Vec<char> = line.chars().collect();
        let start = if index + 1 == from.line {
            from.column.saturating_sub(1)
        } else {
            0
        };
        let name_chars: Vec<char> = name.chars().collect();
        for column in start..chars.len() {
            let fits = chars[column..].starts_with(&name_chars)
                && (column == 0 || !is_name_char(chars[column - 1]))
                && chars[column + name_chars.len()..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    == Some(&':');
            if fits {
                return Position {
                    line: index + 1,
                    column: column + 1,
                };
            }
        }
    }
    from
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}
