//! Structural checks of an SDL document before it is indexed: every referenced type
//! exists and is used in a position its kind allows. Duplicates are tolerated (real
//! schemas have them) and reported as warnings; everything else stops the load.

mod locate;

use std::cell::OnceCell;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;

use graphql_parser::schema::{
    Definition, Document, EnumValue, Field, InputValue, Type, TypeDefinition, TypeExtension,
};
use graphql_parser::Pos;

use crate::diagnostic::{Diagnostic, Position, SourceFile};
use locate::{Cursor, Lines};

/// What [`check`] found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Problems that make the schema unusable: the load stops.
    pub errors: Vec<Diagnostic>,
    /// Problems the loader works around (it says how in each message).
    pub warnings: Vec<Diagnostic>,
}

/// The kind of a named type, as far as positions are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

impl Kind {
    fn of(definition: &TypeDefinition<'_, String>) -> Self {
        match definition {
            TypeDefinition::Scalar(_) => Kind::Scalar,
            TypeDefinition::Object(_) => Kind::Object,
            TypeDefinition::Interface(_) => Kind::Interface,
            TypeDefinition::Union(_) => Kind::Union,
            TypeDefinition::Enum(_) => Kind::Enum,
            TypeDefinition::InputObject(_) => Kind::InputObject,
        }
    }

    fn article(self) -> &'static str {
        match self {
            Kind::Scalar => "a scalar",
            Kind::Object => "an object type",
            Kind::Interface => "an interface",
            Kind::Union => "a union",
            Kind::Enum => "an enum",
            Kind::InputObject => "an input type",
        }
    }

    fn is_input(self) -> bool {
        matches!(self, Kind::Scalar | Kind::Enum | Kind::InputObject)
    }

    fn is_output(self) -> bool {
        self != Kind::InputObject
    }
}

const BUILT_IN_SCALARS: [&str; 5] = ["Boolean", "Float", "ID", "Int", "String"];

/// Checks `document`, whose text is `file`. Positions are found in the text only for
/// the diagnostics produced, so a schema without problems is never re-scanned.
pub fn check(document: &Document<'_, String>, file: &SourceFile) -> Checked {
    let mut checker = Checker {
        file,
        lines: OnceCell::new(),
        kinds: HashMap::new(),
        checked: Checked::default(),
    };
    checker.collect_kinds(document);
    for definition in &document.definitions {
        checker.definition(definition);
    }
    checker.checked
}

struct Checker<'f, 'd> {
    file: &'f SourceFile,
    /// The line index of `file`, built for the first diagnostic.
    lines: OnceCell<Lines<'f>>,
    kinds: HashMap<&'d str, Kind>,
    checked: Checked,
}

/// Where a type reference sits, which decides the kinds it may name.
#[derive(Clone, Copy)]
enum Usage {
    Output,
    Input,
}

/// Where in the text a diagnostic points, as graphql-parser's position of the enclosing
/// definition or field and what to look for from there.
#[derive(Clone, Copy)]
enum Anchor<'d> {
    /// The first name token `name` (of a definition, field, value or root type).
    Name(Pos, &'d str),
    /// The named type of the type reference after the name `name`.
    TypeOf(Pos, &'d str),
    /// The `index`th of the `count` interface names after `implements`.
    Interface {
        pos: Pos,
        index: usize,
        count: usize,
    },
    /// The `index`th of the `count` member names after a union's `=`.
    Member {
        pos: Pos,
        index: usize,
        count: usize,
    },
}

/// What a field, argument or input field belongs to, e.g. `Query.account(number:)`;
/// written out only for a diagnostic.
#[derive(Clone, Copy)]
struct Path<'d> {
    /// `@` for a directive, empty for a type.
    sigil: &'static str,
    owner: &'d str,
    field: Option<&'d str>,
    argument: Option<&'d str>,
}

impl<'d> Path<'d> {
    fn of_type(name: &'d str) -> Self {
        Path {
            sigil: "",
            owner: name,
            field: None,
            argument: None,
        }
    }

    fn with_field(self, field: &'d str) -> Self {
        Path {
            field: Some(field),
            ..self
        }
    }

    fn with_argument(self, argument: &'d str) -> Self {
        Path {
            argument: Some(argument),
            ..self
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.sigil, self.owner)?;
        if let Some(field) = self.field {
            write!(f, ".{field}")?;
        }
        if let Some(argument) = self.argument {
            write!(f, "({argument}:)")?;
        }
        Ok(())
    }
}

impl<'f, 'd> Checker<'f, 'd> {
    fn collect_kinds(&mut self, document: &'d Document<'_, String>) {
        self.kinds
            .reserve(BUILT_IN_SCALARS.len() + document.definitions.len());
        for name in BUILT_IN_SCALARS {
            self.kinds.insert(name, Kind::Scalar);
        }
        let mut first = HashMap::with_capacity(document.definitions.len());
        for definition in &document.definitions {
            let Definition::TypeDefinition(ty) = definition else {
                continue;
            };
            let (name, pos) = type_name_and_pos(ty);
            if let Some(earlier) = first_seen(&mut first, name, pos) {
                let diagnostic = self
                    .diagnostic(
                        Anchor::Name(pos, name),
                        format!("type `{name}` is defined twice"),
                    )
                    .with_related(
                        "first defined here",
                        self.locate(Anchor::Name(earlier, name)),
                    )
                    .with_hint("remove or rename one of the definitions");
                self.error(diagnostic);
                continue;
            }
            if BUILT_IN_SCALARS.contains(&name) && Kind::of(ty) != Kind::Scalar {
                let diagnostic = self.diagnostic(
                    Anchor::Name(pos, name),
                    format!("`{name}` is a built-in scalar and cannot be redefined"),
                );
                self.error(diagnostic);
            }
            self.kinds.insert(name, Kind::of(ty));
        }
    }

    fn definition(&mut self, definition: &'d Definition<'_, String>) {
        match definition {
            Definition::SchemaDefinition(schema) => {
                let roots = [&schema.query, &schema.mutation, &schema.subscription];
                for root in roots.into_iter().flatten() {
                    let anchor = Anchor::Name(schema.position, root);
                    match self.kinds.get(root.as_str()) {
                        Some(Kind::Object) => {}
                        Some(kind) => {
                            let message = format!(
                                "root operation type `{root}` is {}, not an object type",
                                kind.article()
                            );
                            let diagnostic = self.diagnostic(anchor, message);
                            self.error(diagnostic);
                        }
                        None => self.unknown(anchor, root, "the schema definition"),
                    }
                }
            }
            Definition::TypeDefinition(ty) => self.type_definition(ty),
            Definition::TypeExtension(extension) => self.type_extension(extension),
            Definition::DirectiveDefinition(directive) => {
                let owner = Path {
                    sigil: "@",
                    ..Path::of_type(&directive.name)
                };
                self.input_values(owner, &directive.arguments, "argument");
            }
        }
    }

    fn type_definition(&mut self, ty: &'d TypeDefinition<'_, String>) {
        match ty {
            TypeDefinition::Scalar(_) => {}
            TypeDefinition::Object(object) => {
                self.interfaces(&object.name, object.position, &object.implements_interfaces);
                self.fields(&object.name, &object.fields);
            }
            TypeDefinition::Interface(interface) => {
                self.interfaces(
                    &interface.name,
                    interface.position,
                    &interface.implements_interfaces,
                );
                self.fields(&interface.name, &interface.fields);
            }
            TypeDefinition::Union(union) => {
                if union.types.is_empty() {
                    self.empty(union.position, &union.name, "union", "members", "object");
                }
                self.union_members(&union.name, union.position, &union.types);
            }
            TypeDefinition::Enum(enumeration) => {
                if enumeration.values.is_empty() {
                    self.empty(
                        enumeration.position,
                        &enumeration.name,
                        "enum",
                        "values",
                        "value",
                    );
                }
                self.enum_values(&enumeration.name, &enumeration.values);
            }
            TypeDefinition::InputObject(input) => {
                self.input_values(Path::of_type(&input.name), &input.fields, "input field");
            }
        }
    }

    fn type_extension(&mut self, extension: &'d TypeExtension<'_, String>) {
        let (name, pos, expected) = match extension {
            TypeExtension::Scalar(e) => (&e.name, e.position, Kind::Scalar),
            TypeExtension::Object(e) => (&e.name, e.position, Kind::Object),
            TypeExtension::Interface(e) => (&e.name, e.position, Kind::Interface),
            TypeExtension::Union(e) => (&e.name, e.position, Kind::Union),
            TypeExtension::Enum(e) => (&e.name, e.position, Kind::Enum),
            TypeExtension::InputObject(e) => (&e.name, e.position, Kind::InputObject),
        };
        let anchor = Anchor::Name(pos, name);
        match self.kinds.get(name.as_str()) {
            None => self.unknown(anchor, name, "this extension"),
            Some(kind) if *kind != expected => {
                let message = format!(
                    "`{name}` is {}, but this extends it as {}",
                    kind.article(),
                    expected.article()
                );
                let diagnostic = self.diagnostic(anchor, message);
                self.error(diagnostic);
            }
            Some(_) => {}
        }
        match extension {
            TypeExtension::Scalar(_) => {}
            TypeExtension::Object(e) => {
                self.interfaces(&e.name, e.position, &e.implements_interfaces);
                self.fields(&e.name, &e.fields);
            }
            TypeExtension::Interface(e) => self.fields(&e.name, &e.fields),
            TypeExtension::Union(e) => self.union_members(&e.name, e.position, &e.types),
            TypeExtension::Enum(e) => self.enum_values(&e.name, &e.values),
            TypeExtension::InputObject(e) => {
                self.input_values(Path::of_type(&e.name), &e.fields, "input field");
            }
        }
    }

    fn interfaces(&mut self, owner: &str, pos: Pos, interfaces: &[String]) {
        let count = interfaces.len();
        for (index, interface) in interfaces.iter().enumerate() {
            let anchor = Anchor::Interface { pos, index, count };
            match self.kinds.get(interface.as_str()) {
                Some(Kind::Interface) => {}
                Some(kind) => {
                    let message = format!(
                        "`{owner}` implements `{interface}`, which is {}, not an interface",
                        kind.article()
                    );
                    let diagnostic = self.diagnostic(anchor, message);
                    self.error(diagnostic);
                }
                None => self.unknown(anchor, interface, &format!("`{owner}`")),
            }
        }
    }

    fn union_members(&mut self, owner: &str, pos: Pos, members: &[String]) {
        let count = members.len();
        let mut seen: HashMap<&str, Anchor<'_>> = HashMap::new();
        for (index, member) in members.iter().enumerate() {
            let anchor = Anchor::Member { pos, index, count };
            if let Some(first) = first_seen(&mut seen, member, anchor) {
                let what = format!("union `{owner}` lists member `{member}`");
                self.duplicate(anchor, first, &what, "once");
                continue;
            }
            match self.kinds.get(member.as_str()) {
                Some(Kind::Object) => {}
                Some(kind) => {
                    let message = format!(
                        "union `{owner}` has member `{member}`, which is {}, not an object type",
                        kind.article()
                    );
                    let diagnostic = self
                        .diagnostic(anchor, message)
                        .with_hint("union members must be object types");
                    self.error(diagnostic);
                }
                None => self.unknown(anchor, member, &format!("union `{owner}`")),
            }
        }
    }

    fn fields(&mut self, owner: &'d str, fields: &'d [Field<'_, String>]) {
        let mut seen: HashMap<&str, Pos> = HashMap::new();
        for field in fields {
            let path = Path::of_type(owner).with_field(&field.name);
            let anchor = Anchor::Name(field.position, &field.name);
            if let Some(first) = first_seen(&mut seen, &field.name, field.position) {
                let first = Anchor::Name(first, &field.name);
                let what = format!("field `{path}`");
                self.duplicate(anchor, first, &what, "the first definition");
                continue;
            }
            let type_anchor = Anchor::TypeOf(field.position, &field.name);
            self.type_reference(&field.field_type, type_anchor, path, Usage::Output);
            self.input_values(path, &field.arguments, "argument");
        }
    }

    fn input_values(&mut self, owner: Path<'d>, values: &'d [InputValue<'_, String>], what: &str) {
        let mut seen: HashMap<&str, Pos> = HashMap::new();
        for value in values {
            let path = if what == "argument" {
                owner.with_argument(&value.name)
            } else {
                owner.with_field(&value.name)
            };
            let anchor = Anchor::Name(value.position, &value.name);
            if let Some(first) = first_seen(&mut seen, &value.name, value.position) {
                let first = Anchor::Name(first, &value.name);
                let what = format!("{what} `{path}`");
                self.duplicate(anchor, first, &what, "the first definition");
                continue;
            }
            let type_anchor = Anchor::TypeOf(value.position, &value.name);
            self.type_reference(&value.value_type, type_anchor, path, Usage::Input);
        }
    }

    fn enum_values(&mut self, owner: &str, values: &[EnumValue<'_, String>]) {
        let mut seen: HashMap<&str, Pos> = HashMap::new();
        for value in values {
            if let Some(first) = first_seen(&mut seen, &value.name, value.position) {
                let what = format!("enum value `{owner}.{}`", value.name);
                let anchor = Anchor::Name(value.position, &value.name);
                self.duplicate(anchor, Anchor::Name(first, &value.name), &what, "one");
            }
        }
    }

    fn type_reference(
        &mut self,
        ty: &Type<'_, String>,
        anchor: Anchor<'_>,
        path: Path<'_>,
        usage: Usage,
    ) {
        let name = named_type(ty);
        let Some(kind) = self.kinds.get(name).copied() else {
            self.unknown(anchor, name, &format!("`{path}`"));
            return;
        };
        let diagnostic = match usage {
            Usage::Input if !kind.is_input() => self
                .diagnostic(
                    anchor,
                    format!("`{path}` takes `{name}`, which is {}: an output type in an input position", kind.article()),
                )
                .with_hint("arguments and input fields take scalars, enums and input types"),
            Usage::Output if !kind.is_output() => self
                .diagnostic(
                    anchor,
                    format!("`{path}` returns `{name}`, which is an input type: an input type in an output position"),
                )
                .with_hint("fields return scalars, enums, object types, interfaces and unions"),
            _ => return,
        };
        self.error(diagnostic);
    }

    fn unknown(&mut self, anchor: Anchor<'_>, name: &str, user: &str) {
        let diagnostic = self
            .diagnostic(anchor, format!("{user} refers to unknown type `{name}`"))
            .with_hint(format!("define `{name}` in the schema or correct the name"));
        self.error(diagnostic);
    }

    fn duplicate(&mut self, anchor: Anchor<'_>, first: Anchor<'_>, what: &str, kept: &str) {
        let message = format!("{what} is defined more than once; the loader proceeds with {kept}");
        let diagnostic = self
            .diagnostic(anchor, message)
            .with_related("first defined here", self.locate(first))
            .with_hint("remove the repeated definition");
        self.checked.warnings.push(diagnostic);
    }

    /// An enum without values or a union without members: valid to parse, rejected by
    /// stricter tools; responses still decode (every value is an unknown one).
    fn empty(&mut self, pos: Pos, name: &str, kind: &str, parts: &str, each: &str) {
        let diagnostic = self
            .diagnostic(
                Anchor::Name(pos, name),
                format!("{kind} `{name}` has no {parts}; the loader proceeds and decodes every {each} as an unknown one"),
            )
            .with_hint(format!("list its {parts}, or replace the schema with the live one (`kraken-codegen introspect`)"));
        self.checked.warnings.push(diagnostic);
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        self.checked.errors.push(diagnostic);
    }

    fn diagnostic(&self, anchor: Anchor<'_>, message: String) -> Diagnostic {
        Diagnostic::new(self.file, self.locate(anchor), message)
    }

    /// The position `anchor` stands for; graphql-parser's position when the text does
    /// not show what is looked for.
    fn locate(&self, anchor: Anchor<'_>) -> Position {
        let lines = self.lines.get_or_init(|| Lines::new(self.file));
        let (pos, found) = match anchor {
            Anchor::Name(pos, name) => (pos, Cursor::at(lines, pos).find_name(name)),
            Anchor::TypeOf(pos, name) => {
                let mut cursor = Cursor::at(lines, pos);
                let name = cursor.find_name(name);
                (pos, cursor.find_type_reference().or(name))
            }
            Anchor::Interface { pos, index, count } => {
                let positions = Cursor::at(lines, pos).implemented_interfaces(count);
                (pos, positions.get(index).copied())
            }
            Anchor::Member { pos, index, count } => {
                let positions = Cursor::at(lines, pos).union_members(count);
                (pos, positions.get(index).copied())
            }
        };
        found.unwrap_or_else(|| Cursor::at(lines, pos).position())
    }
}

/// Where `name` was first seen in a list, or `None` (remembering it `here`) the first
/// time.
fn first_seen<'d, T: Copy>(seen: &mut HashMap<&'d str, T>, name: &'d str, here: T) -> Option<T> {
    match seen.entry(name) {
        Entry::Occupied(first) => Some(*first.get()),
        Entry::Vacant(entry) => {
            entry.insert(here);
            None
        }
    }
}

fn type_name_and_pos<'d>(ty: &'d TypeDefinition<'_, String>) -> (&'d str, Pos) {
    match ty {
        TypeDefinition::Scalar(t) => (&t.name, t.position),
        TypeDefinition::Object(t) => (&t.name, t.position),
        TypeDefinition::Interface(t) => (&t.name, t.position),
        TypeDefinition::Union(t) => (&t.name, t.position),
        TypeDefinition::Enum(t) => (&t.name, t.position),
        TypeDefinition::InputObject(t) => (&t.name, t.position),
    }
}

fn named_type<'t>(ty: &'t Type<'_, String>) -> &'t str {
    match ty {
        Type::NamedType(name) => name,
        Type::ListType(inner) | Type::NonNullType(inner) => named_type(inner),
    }
}
