//! The `## Type` and `## Directive` blocks of the rendering, line by line.

use std::collections::HashMap;
use std::ops::Range;

use super::cells::{self, code, code_list, described, is_name, row, Cell};
use crate::diagnostic::{Diagnostic, Position, SourceFile};
use crate::introspect::model::{EnumValue, Field, FullType, InputValue, TypeKind, TypeRef};

/// A problem in the rendering; boxed, as it is the rare path.
type Failure = Box<Diagnostic>;

/// Every type of the full reference, with the references to check once all are known.
pub struct Read {
    /// Each type with the position of its heading, in rendering order.
    pub types: Vec<(FullType, Position)>,
    pub references: Vec<Reference>,
}

/// A type named somewhere in a block.
pub struct Reference {
    pub name: String,
    pub position: Position,
    pub role: Role,
}

/// What a referenced type must be.
#[derive(Debug, Clone)]
pub enum Role {
    /// The type of a field.
    Output,
    /// The type of an argument or an input field.
    Input,
    /// A possible type of this union or interface.
    Member(String),
    /// An interface this object or interface implements.
    Interface(String),
}

const TYPE_HEADING: &str = "## Type ";
const DIRECTIVE_HEADING: &str = "## Directive ";
const KIND: &str = "**Kind:** ";
const IMPLEMENTS: &str = "**Implements:** ";
const POSSIBLE: &str = "**Possible types:** ";
const FIELD_ARGUMENTS: &str = "### Field arguments";
const ARGUMENT_HEADING: &str = "#### ";
const FIELDS: &str = "| Field | Returns | Description |";
const INPUT_FIELDS: &str = "| Input field | Type | Description |";
const VALUES: &str = "| Value | Description |";
const ARGUMENTS: &str = "| Argument | Type | Description |";
const BUILT_IN_DIRECTIVES: [&str; 5] =
    ["@deprecated", "@include", "@oneOf", "@skip", "@specifiedBy"];

/// Reads the type blocks of `range`; a type defined twice is an error at its second heading.
pub fn types(file: &SourceFile, lines: &[&str], range: Range<usize>) -> Result<Read, Failure> {
    let mut reader = Reader::new(file, lines, range);
    let mut types = Vec::new();
    let mut seen: HashMap<String, Position> = HashMap::new();
    while reader.skip_blank().is_some() {
        let (ty, position) = reader.type_block()?;
        if let Some(first) = seen.insert(ty.name.clone(), position) {
            let message = format!("a second definition of type `{}`", ty.name);
            let error = reader.error(position.line - 1, 1, message);
            return Err(Box::new(error.with_related("first defined here", first)));
        }
        types.push((ty, position));
    }
    Ok(Read {
        types,
        references: reader.references,
    })
}

/// Checks the directive blocks of `range`: only the built-in directives, which the schema
/// does not print, are expected.
pub fn directives(file: &SourceFile, lines: &[&str], range: Range<usize>) -> Result<(), Failure> {
    let mut reader = Reader::new(file, lines, range);
    while let Some(line) = reader.skip_blank() {
        let index = reader.index;
        let Some(name) = line.strip_prefix(DIRECTIVE_HEADING).and_then(code) else {
            return Err(reader.error(
                index,
                1,
                format!("expected a `{DIRECTIVE_HEADING}`@name`` heading"),
            ));
        };
        if !BUILT_IN_DIRECTIVES.contains(&name) {
            let message = format!("`{name}` is not a built-in directive");
            let error = reader.error(index, DIRECTIVE_HEADING.len() + 2, message);
            let hint = "the reader carries types only; custom directives need support in it";
            return Err(Box::new(error.with_hint(hint)));
        }
        reader.index += 1;
        while let Some(line) = reader.line() {
            if line.starts_with("## ") {
                break;
            }
            if line.starts_with('|') {
                reader.row(reader.index, 3)?;
            }
            reader.index += 1;
        }
    }
    Ok(())
}

struct Reader<'a> {
    file: &'a SourceFile,
    lines: &'a [&'a str],
    index: usize,
    end: usize,
    references: Vec<Reference>,
}

/// A field row, kept until its argument table is read.
struct FieldRow {
    index: usize,
    column: usize,
    args_described: bool,
}

impl<'a> Reader<'a> {
    fn new(file: &'a SourceFile, lines: &'a [&'a str], range: Range<usize>) -> Self {
        Reader {
            file,
            lines,
            index: range.start,
            end: range.end,
            references: Vec::new(),
        }
    }

    fn line(&self) -> Option<&'a str> {
        (self.index < self.end).then(|| self.lines[self.index])
    }

    /// Moves past blank lines; the first other line, if any.
    fn skip_blank(&mut self) -> Option<&'a str> {
        while self.line()?.trim().is_empty() {
            self.index += 1;
        }
        self.line()
    }

    fn position(index: usize, column: usize) -> Position {
        Position {
            line: index + 1,
            column,
        }
    }

    fn error(&self, index: usize, column: usize, message: String) -> Failure {
        Box::new(Diagnostic::new(
            self.file,
            Self::position(index, column),
            message,
        ))
    }

    fn refer(&mut self, ty: &TypeRef, index: usize, column: usize, role: Role) {
        if let Some(name) = ty.innermost_name() {
            self.references.push(Reference {
                name: name.to_string(),
                position: Self::position(index, column),
                role,
            });
        }
    }

    fn type_block(&mut self) -> Result<(FullType, Position), Failure> {
        let heading = self.index;
        let line = self.lines[heading];
        let Some(name) = line
            .strip_prefix(TYPE_HEADING)
            .and_then(code)
            .filter(|name| is_name(name))
        else {
            return Err(self.error(
                heading,
                1,
                format!("expected a `{TYPE_HEADING}`Name`` heading, found `{line}`"),
            ));
        };
        self.index += 1;
        let kind_line = self.skip_blank().unwrap_or_default();
        let Some(kind) = kind_line.strip_prefix(KIND).and_then(code) else {
            return Err(self.error(
                self.index,
                1,
                format!("type `{name}` has no `{KIND}`KIND`` line after its heading"),
            ));
        };
        let kind = match kind {
            "SCALAR" => TypeKind::Scalar,
            "OBJECT" => TypeKind::Object,
            "INTERFACE" => TypeKind::Interface,
            "UNION" => TypeKind::Union,
            "ENUM" => TypeKind::Enum,
            "INPUT_OBJECT" => TypeKind::InputObject,
            other => {
                return Err(self.error(
                    self.index,
                    KIND.len() + 2,
                    format!("unknown kind `{other}` of type `{name}`"),
                ))
            }
        };
        self.index += 1;
        let mut ty = FullType::new(kind, name);
        ty.description = self.description();
        self.lists(&mut ty)?;
        if kind == TypeKind::Union && ty.possible_types.is_none() {
            return Err(self.error(
                heading,
                1,
                format!("union `{name}` has no `{}` line", POSSIBLE.trim_end()),
            ));
        }
        let header = match kind {
            TypeKind::Object | TypeKind::Interface => Some(FIELDS),
            TypeKind::InputObject => Some(INPUT_FIELDS),
            TypeKind::Enum => Some(VALUES),
            _ => None,
        };
        let line = self.skip_blank().filter(|line| line.starts_with('|'));
        match (header, line) {
            (Some(header), Some(_)) => self.table(&mut ty, header)?,
            (Some(header), None) => {
                return Err(self.error(
                    heading,
                    1,
                    format!("type `{name}` has no `{header}` table"),
                ))
            }
            (None, Some(_)) => {
                return Err(self.error(
                    self.index,
                    1,
                    format!("a table in type `{name}`, whose kind has none"),
                ))
            }
            (None, None) => {}
        }
        match self.skip_blank() {
            None => {}
            Some(line) if line.starts_with("## ") => {}
            Some(line) => {
                return Err(self.error(
                    self.index,
                    1,
                    format!("unexpected line in the block of type `{name}`: `{line}`"),
                ))
            }
        }
        Ok((ty, Self::position(heading, 1)))
    }

    /// Paragraphs up to the next list, table or heading, joined by an empty line.
    fn description(&mut self) -> Option<String> {
        let mut paragraphs: Vec<Vec<&str>> = Vec::new();
        let mut open = false;
        while let Some(line) = self.line() {
            let ends = [IMPLEMENTS, POSSIBLE, "|", "#"];
            if ends.iter().any(|end| line.starts_with(end)) {
                break;
            }
            if line.trim().is_empty() {
                open = false;
            } else if open {
                paragraphs.last_mut().into_iter().for_each(|p| p.push(line));
            } else {
                paragraphs.push(vec![line]);
                open = true;
            }
            self.index += 1;
        }
        let text: Vec<String> = paragraphs.iter().map(|p| p.join("\n")).collect();
        (!text.is_empty()).then(|| text.join("\n\n"))
    }

    /// The `**Implements:**` and `**Possible types:**` lines.
    fn lists(&mut self, ty: &mut FullType) -> Result<(), Failure> {
        while let Some(line) = self.skip_blank() {
            let (prefix, allowed, role) = if line.starts_with(IMPLEMENTS) {
                let role = Role::Interface(ty.name.clone());
                (
                    IMPLEMENTS,
                    matches!(ty.kind, TypeKind::Object | TypeKind::Interface),
                    role,
                )
            } else if line.starts_with(POSSIBLE) {
                let role = Role::Member(ty.name.clone());
                (
                    POSSIBLE,
                    matches!(ty.kind, TypeKind::Union | TypeKind::Interface),
                    role,
                )
            } else {
                return Ok(());
            };
            let target = if prefix == IMPLEMENTS {
                &mut ty.interfaces
            } else {
                &mut ty.possible_types
            };
            if !allowed || target.is_some() {
                return Err(self.error(
                    self.index,
                    1,
                    format!(
                        "a `{}` line is not expected here in type `{}`",
                        prefix.trim_end(),
                        ty.name
                    ),
                ));
            }
            let Some(names) = code_list(&line[prefix.len()..]) else {
                return Err(self.error(
                    self.index,
                    prefix.len() + 1,
                    "expected type names in backticks, separated by `, `".to_string(),
                ));
            };
            let mut column = prefix.len() + 1;
            let mut refs = Vec::new();
            for name in names {
                let ty = TypeRef::named(name);
                self.refer(&ty, self.index, column, role.clone());
                column += name.len() + 4;
                refs.push(ty);
            }
            *target = Some(refs);
            self.index += 1;
        }
        Ok(())
    }

    /// The cells of the row at `index`, which must number `count`.
    fn row(&self, index: usize, count: usize) -> Result<Vec<Cell<'a>>, Failure> {
        let line = self.lines[index];
        match row(line) {
            Some(cells) if cells.len() == count => Ok(cells),
            Some(cells) => Err(self.error(
                index,
                1,
                format!("this row has {} cells; its table has {count}", cells.len()),
            )),
            None => Err(self.error(
                index,
                1,
                "a table row must start and end with `|`".to_string(),
            )),
        }
    }

    /// The table's header and separator; the indices of its rows. A table without rows
    /// is an error: no kind of type may be empty.
    fn rows(&mut self, header: &str, owner: &str) -> Result<Range<usize>, Failure> {
        let line = self.lines[self.index];
        if line != header {
            return Err(self.error(
                self.index,
                1,
                format!("expected the header `{header}` in `{owner}`, found `{line}`"),
            ));
        }
        let count = header.matches('|').count() - 1;
        let separator = self.index + 1;
        let is_separator = |line: &str| {
            row(line).is_some_and(|cells| {
                cells
                    .iter()
                    .all(|c| !c.text.is_empty() && c.text.chars().all(|c| c == '-' || c == ':'))
            })
        };
        if separator >= self.end || !is_separator(self.lines[separator]) {
            return Err(self.error(
                separator,
                1,
                format!("the table in `{owner}` has no separator line under its header"),
            ));
        }
        let start = separator + 1;
        let mut end = start;
        while end < self.end && self.lines[end].starts_with('|') {
            self.row(end, count)?;
            end += 1;
        }
        if end == start {
            return Err(self.error(self.index, 1, format!("the table in `{owner}` has no rows")));
        }
        self.index = end;
        Ok(start..end)
    }

    fn table(&mut self, ty: &mut FullType, header: &'static str) -> Result<(), Failure> {
        let rows = self.rows(header, &ty.name)?;
        self.members_once(&ty.name, rows.clone())?;
        match ty.kind {
            TypeKind::InputObject => {
                let mut fields = Vec::new();
                for index in rows {
                    let cells = self.row(index, 3)?;
                    let name = self.name(index, cells[0])?;
                    let value = self.input_value(index, name, &cells[1..])?;
                    fields.push(value);
                }
                ty.input_fields = Some(fields);
            }
            TypeKind::Enum => {
                let mut values = Vec::new();
                for index in rows {
                    let cells = self.row(index, 2)?;
                    let name = self.name(index, cells[0])?;
                    let text = self.described(index, cells[1], false)?;
                    values.push(EnumValue {
                        name: name.to_string(),
                        description: text.description,
                        is_deprecated: text.deprecation.is_some(),
                        deprecation_reason: text.deprecation,
                    });
                }
                ty.enum_values = Some(values);
            }
            _ => self.fields(ty, rows)?,
        }
        Ok(())
    }

    fn fields(&mut self, ty: &mut FullType, rows: Range<usize>) -> Result<(), Failure> {
        let mut fields = Vec::new();
        let mut field_rows = Vec::new();
        for index in rows {
            let cells = self.row(index, 3)?;
            let Some((name, args)) = code(cells[0].text).and_then(cells::signature) else {
                return Err(self.error(
                    index,
                    cells[0].column,
                    format!(
                        "expected `name` or `name(arg: Type, …)`, found `{}`",
                        cells[0].text
                    ),
                ));
            };
            let field_type = self.type_cell(index, cells[1])?;
            self.refer(&field_type, index, cells[1].column, Role::Output);
            let text = self.described(index, cells[2], false)?;
            let args = args
                .into_iter()
                // The argument table, which must follow, refers to the types.
                .map(|(arg, arg_type)| InputValue {
                    name: arg.to_string(),
                    description: None,
                    ty: arg_type,
                    default_value: None,
                    is_deprecated: false,
                    deprecation_reason: None,
                })
                .collect::<Vec<_>>();
            field_rows.push(FieldRow {
                index,
                column: cells[0].column,
                args_described: args.is_empty(),
            });
            fields.push(Field {
                name: name.to_string(),
                description: text.description,
                args,
                ty: field_type,
                is_deprecated: text.deprecation.is_some(),
                deprecation_reason: text.deprecation,
            });
        }
        if self.skip_blank() == Some(FIELD_ARGUMENTS) {
            self.index += 1;
            self.argument_tables(&ty.name, &mut fields, &mut field_rows)?;
        }
        if let Some((row, field)) = field_rows
            .iter()
            .zip(&fields)
            .find(|(row, _)| !row.args_described)
        {
            return Err(self.error(
                row.index,
                row.column,
                format!(
                    "field `{}.{}` takes arguments but has no `{ARGUMENT_HEADING}`{}`` table",
                    ty.name, field.name, field.name
                ),
            ));
        }
        ty.fields = Some(fields);
        Ok(())
    }

    /// Each row of a table names another member: a field, input field or value given twice
    /// is an error at the second row.
    fn members_once(&self, owner: &str, rows: Range<usize>) -> Result<(), Failure> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for index in rows {
            let first_cell = row(self.lines[index]).and_then(|cells| cells.first().copied());
            let Some(cell) = first_cell else { continue };
            let name = code(cell.text).and_then(|text| text.split('(').next());
            let Some(name) = name else { continue };
            if let Some(first) = seen.insert(name, index) {
                let message = format!("a second member `{name}` in `{owner}`");
                let error = self.error(index, cell.column, message);
                let first = Self::position(first, cell.column);
                return Err(Box::new(error.with_related("first given here", first)));
            }
        }
        Ok(())
    }

    /// The `` #### `field` `` tables, each matching the field's signature.
    fn argument_tables(
        &mut self,
        owner: &str,
        fields: &mut [Field],
        rows: &mut [FieldRow],
    ) -> Result<(), Failure> {
        while let Some(line) = self.skip_blank() {
            let Some(name) = line.strip_prefix(ARGUMENT_HEADING) else {
                return Ok(());
            };
            let heading = self.index;
            let found = code(name).and_then(|name| fields.iter().position(|f| f.name == name));
            let Some(at) =
                found.filter(|at| !fields[*at].args.is_empty() && !rows[*at].args_described)
            else {
                let message = format!(
                    "`{name}` names no field of `{owner}` that takes arguments, \
                     or one already described"
                );
                return Err(self.error(heading, ARGUMENT_HEADING.len() + 1, message));
            };
            self.index += 1;
            self.skip_blank();
            if self.line().is_none() {
                return Err(self.error(
                    heading,
                    1,
                    format!(
                        "the arguments of `{owner}.{}` have no table",
                        fields[at].name
                    ),
                ));
            }
            let table = self.rows(ARGUMENTS, owner)?;
            let field = &mut fields[at];
            if table.len() != field.args.len() {
                return Err(self.error(
                    heading,
                    1,
                    format!(
                        "the table lists {} arguments but `{owner}.{}` takes {}",
                        table.len(),
                        field.name,
                        field.args.len()
                    ),
                ));
            }
            for (index, arg) in table.zip(field.args.iter_mut()) {
                let cells = self.row(index, 3)?;
                let name = self.name(index, cells[0])?;
                let value = self.input_value(index, name, &cells[1..])?;
                if value.name != arg.name || value.ty != arg.ty {
                    let notation = |v: &InputValue| {
                        format!("{}: {}", v.name, v.ty.to_sdl().unwrap_or_default())
                    };
                    let message = format!(
                        "this row says `{}` but the signature of `{owner}.{}` says `{}`",
                        notation(&value),
                        field.name,
                        notation(arg)
                    );
                    return Err(self.error(index, 1, message));
                }
                *arg = value;
            }
            rows[at].args_described = true;
        }
        Ok(())
    }

    fn name(&self, index: usize, cell: Cell<'a>) -> Result<&'a str, Failure> {
        code(cell.text).filter(|name| is_name(name)).ok_or_else(|| {
            self.error(
                index,
                cell.column,
                format!("expected a name in backticks, found `{}`", cell.text),
            )
        })
    }

    fn type_cell(&self, index: usize, cell: Cell<'_>) -> Result<TypeRef, Failure> {
        code(cell.text).and_then(TypeRef::parse).ok_or_else(|| {
            self.error(
                index,
                cell.column,
                format!(
                    "expected a type such as `[Name!]!` in backticks, found `{}`",
                    cell.text
                ),
            )
        })
    }

    fn described(
        &self,
        index: usize,
        cell: Cell<'_>,
        with_default: bool,
    ) -> Result<cells::Described, Failure> {
        described(cell.text, with_default)
            .map_err(|message| self.error(index, cell.column, message))
    }

    /// An argument or input field from its type and description cells.
    fn input_value(
        &mut self,
        index: usize,
        name: &str,
        cells: &[Cell<'_>],
    ) -> Result<InputValue, Failure> {
        let ty = self.type_cell(index, cells[0])?;
        self.refer(&ty, index, cells[0].column, Role::Input);
        let text = self.described(index, cells[1], true)?;
        Ok(InputValue {
            name: name.to_string(),
            description: text.description,
            ty,
            default_value: text.default,
            is_deprecated: text.deprecation.is_some(),
            deprecation_reason: text.deprecation,
        })
    }
}
