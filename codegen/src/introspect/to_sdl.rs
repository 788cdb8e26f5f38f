//! Printing an introspection [`Schema`] as SDL.
//!
//! Order: a `schema { … }` block only when a root type has a non-default name, then
//! custom directives, then every type sorted by name. Fields, arguments, enum values,
//! interfaces and union members keep the order the server gave. Built-in scalars and
//! `__` types are left out. A type whose body was not in the result is printed without
//! one (`type Foo`); a field or argument whose type reference was cut short is dropped.

use std::fmt::Write;

use super::model::{DirectiveDef, EnumValue, Field, FullType, InputValue, Schema, TypeKind};

/// The SDL text and what could not be carried over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub sdl: String,
    /// Types printed without a body, sorted.
    pub bodiless: Vec<String>,
    /// `Type.field` or `Type.field(arg)` left out because its type reference was cut short.
    pub dropped: Vec<String>,
}

const BUILT_IN_SCALARS: [&str; 5] = ["Boolean", "Float", "ID", "Int", "String"];
const BUILT_IN_DIRECTIVES: [&str; 5] = ["deprecated", "include", "oneOf", "skip", "specifiedBy"];

/// Whether `name` is a scalar every GraphQL schema has.
pub fn is_built_in_scalar(name: &str) -> bool {
    BUILT_IN_SCALARS.contains(&name)
}

/// Prints `schema` as SDL.
pub fn print(schema: &Schema) -> Printed {
    let mut printer = Printer::default();
    printer.schema_block(schema);
    let mut directives: Vec<&DirectiveDef> = schema
        .directives
        .iter()
        .filter(|d| !BUILT_IN_DIRECTIVES.contains(&d.name.as_str()))
        .collect();
    directives.sort_by(|a, b| a.name.cmp(&b.name));
    for directive in directives {
        printer.directive(directive);
    }
    let mut types: Vec<&FullType> = schema
        .types
        .iter()
        .filter(|t| !t.name.starts_with("__") && !is_built_in_scalar(&t.name))
        .collect();
    types.sort_by(|a, b| a.name.cmp(&b.name));
    for ty in types {
        printer.full_type(ty);
    }
    printer.bodiless.sort();
    Printed {
        sdl: printer.out,
        bodiless: printer.bodiless,
        dropped: printer.dropped,
    }
}

#[derive(Default)]
struct Printer {
    out: String,
    bodiless: Vec<String>,
    dropped: Vec<String>,
}

impl Printer {
    /// Starts a new top-level definition, separated from the previous one by a blank line.
    fn start_definition(&mut self, description: Option<&str>) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.description(description, "");
    }

    fn schema_block(&mut self, schema: &Schema) {
        let roots = [
            ("query", &schema.query_type, "Query"),
            ("mutation", &schema.mutation_type, "Mutation"),
            ("subscription", &schema.subscription_type, "Subscription"),
        ];
        let default_names = roots
            .iter()
            .all(|(_, root, default)| root.as_ref().is_none_or(|r| r.name == *default));
        if default_names {
            return;
        }
        self.start_definition(None);
        self.out.push_str("schema {\n");
        for (operation, root, _) in roots {
            if let Some(root) = root {
                let _ = writeln!(self.out, "  {operation}: {}", root.name);
            }
        }
        self.out.push_str("}\n");
    }

    fn directive(&mut self, directive: &DirectiveDef) {
        if self.drops_cut_arguments(&format!("@{}", directive.name), &directive.args) {
            return;
        }
        self.start_definition(directive.description.as_deref());
        let _ = write!(self.out, "directive @{}", directive.name);
        let owner = format!("@{}", directive.name);
        self.arguments(&owner, &directive.args, "");
        if directive.is_repeatable {
            self.out.push_str(" repeatable");
        }
        let _ = writeln!(self.out, " on {}", directive.locations.join(" | "));
    }

    fn full_type(&mut self, ty: &FullType) {
        self.start_definition(ty.description.as_deref());
        let keyword = match ty.kind {
            TypeKind::Scalar => "scalar",
            TypeKind::Object => "type",
            TypeKind::Interface => "interface",
            TypeKind::Union => "union",
            TypeKind::Enum => "enum",
            TypeKind::InputObject => "input",
            // Wrappers are never named types; print nothing rather than invalid SDL.
            TypeKind::List | TypeKind::NonNull => return,
        };
        let _ = write!(self.out, "{keyword} {}", ty.name);
        if !ty.has_body() {
            self.bodiless.push(ty.name.clone());
        }
        match ty.kind {
            TypeKind::Scalar => {
                if let Some(url) = &ty.specified_by_url {
                    let _ = write!(self.out, " @specifiedBy(url: {})", string_literal(url));
                }
            }
            TypeKind::Object | TypeKind::Interface => {
                let interfaces: Vec<&str> = ty
                    .interfaces
                    .iter()
                    .flatten()
                    .filter_map(|i| i.innermost_name())
                    .collect();
                if !interfaces.is_empty() {
                    let _ = write!(self.out, " implements {}", interfaces.join(" & "));
                }
                if let Some(fields) = &ty.fields {
                    self.body(|printer| {
                        for field in fields {
                            printer.field(&ty.name, field);
                        }
                    });
                }
            }
            TypeKind::Union => {
                let members: Vec<&str> = ty
                    .possible_types
                    .iter()
                    .flatten()
                    .filter_map(|m| m.innermost_name())
                    .collect();
                if !members.is_empty() {
                    let _ = write!(self.out, " = {}", members.join(" | "));
                }
            }
            TypeKind::Enum => {
                if let Some(values) = &ty.enum_values {
                    self.body(|printer| {
                        for value in values {
                            printer.enum_value(value);
                        }
                    });
                }
            }
            TypeKind::InputObject => {
                if let Some(fields) = &ty.input_fields {
                    self.body(|printer| {
                        for field in fields {
                            printer.input_value(&ty.name, field, "  ");
                        }
                    });
                }
            }
            TypeKind::List | TypeKind::NonNull => {}
        }
        self.out.push('\n');
    }

    /// ` { … }` around what `members` prints; nothing when it prints nothing, since SDL
    /// has no empty braces (the type then reads as bodiless, which is what it is).
    fn body(&mut self, members: impl FnOnce(&mut Self)) {
        let start = self.out.len();
        self.out.push_str(" {\n");
        let opened = self.out.len();
        members(self);
        if self.out.len() == opened {
            self.out.truncate(start);
        } else {
            self.out.push('}');
        }
    }

    fn field(&mut self, owner: &str, field: &Field) {
        let Some(ty) = field.ty.to_sdl() else {
            self.dropped.push(format!("{owner}.{}", field.name));
            return;
        };
        if self.drops_cut_arguments(&format!("{owner}.{}", field.name), &field.args) {
            return;
        }
        self.description(field.description.as_deref(), "  ");
        let _ = write!(self.out, "  {}", field.name);
        self.arguments(&format!("{owner}.{}", field.name), &field.args, "  ");
        let _ = write!(self.out, ": {ty}");
        deprecated(
            &mut self.out,
            field.is_deprecated,
            &field.deprecation_reason,
        );
        self.out.push('\n');
    }

    /// Whether an argument's type reference was cut short (each is recorded): the owner is
    /// then left out, since printing it without the argument would misstate its signature.
    fn drops_cut_arguments(&mut self, owner: &str, args: &[InputValue]) -> bool {
        let before = self.dropped.len();
        for arg in args.iter().filter(|a| a.ty.to_sdl().is_none()) {
            self.dropped.push(format!("{owner}({})", arg.name));
        }
        self.dropped.len() > before
    }

    /// `(a: Int, b: String)` on one line, or one per line when any has a description.
    fn arguments(&mut self, owner: &str, args: &[InputValue], indent: &str) {
        if args.is_empty() {
            return;
        }
        if args.iter().any(|a| a.description.is_some()) {
            self.out.push_str("(\n");
            let inner = format!("{indent}  ");
            for arg in args {
                self.input_value(owner, arg, &inner);
            }
            let _ = write!(self.out, "{indent})");
        } else {
            self.out.push('(');
            for (index, arg) in args.iter().enumerate() {
                if index > 0 {
                    self.out.push_str(", ");
                }
                self.input_value_inline(arg);
            }
            self.out.push(')');
        }
    }

    fn input_value(&mut self, owner: &str, value: &InputValue, indent: &str) {
        if value.ty.to_sdl().is_none() {
            self.dropped.push(format!("{owner}.{}", value.name));
            return;
        }
        self.description(value.description.as_deref(), indent);
        self.out.push_str(indent);
        self.input_value_inline(value);
        self.out.push('\n');
    }

    fn input_value_inline(&mut self, value: &InputValue) {
        let ty = value.ty.to_sdl().unwrap_or_default();
        let _ = write!(self.out, "{}: {ty}", value.name);
        if let Some(default) = &value.default_value {
            let _ = write!(self.out, " = {default}");
        }
        deprecated(
            &mut self.out,
            value.is_deprecated,
            &value.deprecation_reason,
        );
    }

    fn enum_value(&mut self, value: &EnumValue) {
        self.description(value.description.as_deref(), "  ");
        let _ = write!(self.out, "  {}", value.name);
        deprecated(
            &mut self.out,
            value.is_deprecated,
            &value.deprecation_reason,
        );
        self.out.push('\n');
    }

    /// A description as a block string, on one line when it fits on one.
    fn description(&mut self, description: Option<&str>, indent: &str) {
        let Some(text) = description.map(str::trim).filter(|t| !t.is_empty()) else {
            return;
        };
        let escaped = text.replace("\"\"\"", "\\\"\"\"");
        if !escaped.contains('\n') && !escaped.ends_with('"') {
            let _ = writeln!(self.out, "{indent}\"\"\"{escaped}\"\"\"");
            return;
        }
        let _ = writeln!(self.out, "{indent}\"\"\"");
        for line in escaped.lines() {
            if line.trim().is_empty() {
                self.out.push('\n');
            } else {
                let _ = writeln!(self.out, "{indent}{}", line.trim_end());
            }
        }
        let _ = writeln!(self.out, "{indent}\"\"\"");
    }
}

fn deprecated(out: &mut String, is_deprecated: bool, reason: &Option<String>) {
    if !is_deprecated {
        return;
    }
    match reason {
        Some(reason) => {
            let _ = write!(out, " @deprecated(reason: {})", string_literal(reason));
        }
        None => out.push_str(" @deprecated"),
    }
}

/// A GraphQL string literal (`"…"`) with the required escapes.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
