//! Facts from one source, and how the sources are merged in order of trust.

use std::collections::BTreeMap;
use std::fmt;

use crate::introspect::model::{EnumValue, Field, FullType, InputValue, TypeKind, TypeRef};

/// Where a fact came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// The public introspection result of the JP schema.
    JpIntrospection,
    /// The published docs page of the JP mutations.
    DocsPage,
    /// The platform facts of another territory (Spain).
    PlatformEs,
    /// Inferred from the docs page's prose, in the hand-written overlay.
    Inferred,
}

impl Source {
    pub const ALL: [Source; 4] = [
        Source::JpIntrospection,
        Source::DocsPage,
        Source::PlatformEs,
        Source::Inferred,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Source::JpIntrospection => "jp-introspection",
            Source::DocsPage => "docs-page",
            Source::PlatformEs => "platform-es",
            Source::Inferred => "inferred",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The types one source describes (possibly partly).
#[derive(Debug, Clone)]
pub struct Layer {
    pub source: Source,
    pub types: BTreeMap<String, FullType>,
}

impl Layer {
    pub fn new(source: Source) -> Self {
        Layer {
            source,
            types: BTreeMap::new(),
        }
    }

    pub fn insert(&mut self, ty: FullType) {
        self.types.insert(ty.name.clone(), ty);
    }
}

/// Where a merged type came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub kind: TypeKind,
    /// The source of the body (fields, values or members), or of the type itself when
    /// it has no body or no source gave one.
    pub source: Source,
    /// Whether some source gave the body.
    pub has_body: bool,
    /// Members (fields, values, union members, interfaces) added by a less trusted source.
    pub additions: Vec<(String, Source)>,
    /// Where sources disagree, per member (or the type's own name); the more trusted
    /// source was kept.
    pub disagreements: Vec<(String, String)>,
}

/// Merges `layers` (most trusted first): the first layer to know a type sets its kind;
/// the first with a body gives the body; later layers add the members it lacks and
/// mark deprecations; differing types and kinds are recorded, never applied.
pub fn merge(layers: &[Layer]) -> (BTreeMap<String, FullType>, BTreeMap<String, Record>) {
    let mut names: Vec<&String> = layers.iter().flat_map(|l| l.types.keys()).collect();
    names.sort();
    names.dedup();
    let mut types = BTreeMap::new();
    let mut records = BTreeMap::new();
    for name in names {
        let mut found = layers
            .iter()
            .filter_map(|layer| layer.types.get(name).map(|ty| (layer.source, ty)));
        let Some((first_source, first)) = found.next() else {
            continue;
        };
        let mut merged = FullType::new(first.kind, name.clone());
        let mut record = Record {
            kind: first.kind,
            source: first_source,
            has_body: false,
            additions: Vec::new(),
            disagreements: Vec::new(),
        };
        for (source, ty) in std::iter::once((first_source, first)).chain(found) {
            if ty.kind != merged.kind {
                record.disagreements.push((
                    name.clone(),
                    format!(
                        "{source} says it is {:?}; kept {:?} from {first_source}",
                        ty.kind, merged.kind
                    ),
                ));
                continue;
            }
            if merged.description.is_none() {
                merged.description.clone_from(&ty.description);
            }
            if merged.specified_by_url.is_none() {
                merged.specified_by_url.clone_from(&ty.specified_by_url);
            }
            let had_body = merged.has_body();
            let mut part = Part {
                source,
                extend: may_extend(source, record.source, merged.kind, name),
                record: &mut record,
            };
            part.fields(&mut merged.fields, &ty.fields);
            part.input_values(&mut merged.input_fields, &ty.input_fields);
            part.enum_values(&mut merged.enum_values, &ty.enum_values);
            part.names(&mut merged.possible_types, &ty.possible_types, false);
            part.names(&mut merged.interfaces, &ty.interfaces, true);
            if !had_body && ty.has_body() {
                record.source = source;
                record.has_body = true;
            }
        }
        if merged.kind == TypeKind::Scalar {
            record.has_body = true;
        }
        records.insert(name.clone(), record);
        types.insert(name.clone(), merged);
    }
    (types, records)
}

/// Whether `adder` may add members to a body that `body` gave. The JP introspection
/// lists every non-deprecated field of its object and interface types, so the platform
/// facts of another territory may not extend them (their extra fields belong to that
/// territory or are deprecated); `Mutation` is the exception, since only the fields the
/// docs page documents are kept, whatever gives their signature.
fn may_extend(adder: Source, body: Source, kind: TypeKind, name: &str) -> bool {
    let jp_output =
        body == Source::JpIntrospection && matches!(kind, TypeKind::Object | TypeKind::Interface);
    !(adder == Source::PlatformEs && jp_output && name != "Mutation")
}

/// Merging one layer's part of a type into the merged type.
struct Part<'r> {
    source: Source,
    /// Whether members the merged type lacks are added (see [`may_extend`]).
    extend: bool,
    record: &'r mut Record,
}

impl Part<'_> {
    fn fields(&mut self, merged: &mut Option<Vec<Field>>, layer: &Option<Vec<Field>>) {
        let Some(layer) = layer else { return };
        let Some(merged) = merged else {
            *merged = Some(layer.clone());
            return;
        };
        for field in layer {
            match merged.iter_mut().find(|f| f.name == field.name) {
                Some(kept) => {
                    self.compare(&field.name, &kept.ty, &field.ty);
                    for arg in &field.args {
                        let member = format!("{}({}:)", field.name, arg.name);
                        match kept.args.iter().find(|a| a.name == arg.name) {
                            Some(kept_arg) => self.compare(&member, &kept_arg.ty, &arg.ty),
                            None => self.record.disagreements.push((
                                field.name.clone(),
                                format!(
                                    "`{member}`: only {} has this argument; left out",
                                    self.source
                                ),
                            )),
                        }
                    }
                    if field.is_deprecated && !kept.is_deprecated {
                        kept.is_deprecated = true;
                        kept.deprecation_reason
                            .clone_from(&field.deprecation_reason);
                    }
                    if kept.description.is_none() {
                        kept.description.clone_from(&field.description);
                    }
                }
                None if self.extend => {
                    self.added(&field.name);
                    merged.push(field.clone());
                }
                None => {}
            }
        }
    }

    fn input_values(
        &mut self,
        merged: &mut Option<Vec<InputValue>>,
        layer: &Option<Vec<InputValue>>,
    ) {
        let Some(layer) = layer else { return };
        let Some(merged) = merged else {
            *merged = Some(layer.clone());
            return;
        };
        for value in layer {
            match merged.iter().find(|v| v.name == value.name) {
                Some(kept) => self.compare(&value.name, &kept.ty, &value.ty),
                None if self.extend => {
                    self.added(&value.name);
                    merged.push(value.clone());
                }
                None => {}
            }
        }
    }

    fn enum_values(&mut self, merged: &mut Option<Vec<EnumValue>>, layer: &Option<Vec<EnumValue>>) {
        let Some(layer) = layer else { return };
        let Some(merged) = merged else {
            *merged = Some(layer.clone());
            return;
        };
        for value in layer {
            if self.extend && !merged.iter().any(|v| v.name == value.name) {
                self.added(&value.name);
                merged.push(value.clone());
            }
        }
    }

    /// Union members or implemented interfaces: the union of every source's names.
    /// Interfaces are not the body of an object, so each is recorded as an addition.
    fn names(
        &mut self,
        merged: &mut Option<Vec<TypeRef>>,
        layer: &Option<Vec<TypeRef>>,
        record_all: bool,
    ) {
        let Some(layer) = layer else { return };
        let merged = match merged {
            Some(merged) => merged,
            None if record_all => merged.insert(Vec::new()),
            None => {
                *merged = Some(layer.clone());
                return;
            }
        };
        for member in layer {
            if self.extend
                && !merged
                    .iter()
                    .any(|m| m.innermost_name() == member.innermost_name())
            {
                self.added(member.innermost_name().unwrap_or_default());
                merged.push(member.clone());
            }
        }
    }

    fn added(&mut self, member: &str) {
        self.record
            .additions
            .push((member.to_string(), self.source));
    }

    fn compare(&mut self, member: &str, kept: &TypeRef, other: &TypeRef) {
        let (kept, other) = (kept.to_sdl(), other.to_sdl());
        if kept != other {
            self.record.disagreements.push((
                member.to_string(),
                format!(
                    "`{member}`: {} says `{}`; kept `{}`",
                    self.source,
                    other.unwrap_or_default(),
                    kept.unwrap_or_default()
                ),
            ));
        }
    }
}
