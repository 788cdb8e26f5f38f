//! Facts from one source, and how the sources are merged in order of trust.

use std::collections::BTreeMap;
use std::fmt;

use crate::introspect::model::{EnumValue, Field, FullType, InputValue, TypeKind, TypeRef};

/// Where a fact came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// The full introspection of the live JP API, rendered as Markdown (dated).
    JpLive,
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
    pub const ALL: [Source; 5] = [
        Source::JpLive,
        Source::JpIntrospection,
        Source::DocsPage,
        Source::PlatformEs,
        Source::Inferred,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Source::JpLive => "jp-live",
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
    /// Type references cut short in the body's source, completed by another source:
    /// (the field they belong to, the member, the source).
    pub completions: Vec<(String, String, Source)>,
    /// Where sources disagree, per member (or the type's own name); the more trusted
    /// source was kept.
    pub disagreements: Vec<(String, String)>,
}

/// Merges `layers` (most trusted first): the first layer to know a type sets its kind;
/// the first with a body gives the body; later layers add the members it lacks and
/// mark deprecations, except in a body of the live schema, which is complete; differing
/// types, kinds and members are recorded, never applied.
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
            completions: Vec::new(),
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
            let live = record.source == Source::JpLive && record.has_body;
            if live {
                reflow(&mut merged.description, &ty.description);
            } else if merged.description.is_none() {
                merged.description.clone_from(&ty.description);
            }
            if merged.specified_by_url.is_none() {
                merged.specified_by_url.clone_from(&ty.specified_by_url);
            }
            let had_body = merged.has_body();
            let mut part = Part {
                source,
                body: record.source,
                live,
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

/// Whether `adder` may add members to a body that `body` gave. The live schema is
/// complete, so nothing extends it. The older JP introspection lists every non-deprecated
/// field of its object and interface types, so the platform facts of another territory
/// may not extend them (their extra fields belong to that territory or are deprecated).
/// `Mutation` is the exception to both: the catalogue's mutations the live schema lacks
/// come from the other sources, and only they and the live fields are kept.
fn may_extend(adder: Source, body: Source, kind: TypeKind, name: &str) -> bool {
    let jp_output =
        body == Source::JpIntrospection && matches!(kind, TypeKind::Object | TypeKind::Interface);
    let closed = body == Source::JpLive || (adder == Source::PlatformEs && jp_output);
    !closed || name == "Mutation"
}

/// The live rendering printed each description on one line. Where another source gives
/// the same words with their line breaks (lists of error codes, paragraphs), its text is
/// kept, so documentation keeps its layout; any other difference leaves `kept` as it is.
fn reflow(kept: &mut Option<String>, other: &Option<String>) {
    let (Some(text), Some(other)) = (kept.as_ref(), other) else {
        return;
    };
    if text != other && text.split_whitespace().eq(other.split_whitespace()) {
        kept.clone_from(&Some(other.clone()));
    }
}

/// Merging one layer's part of a type into the merged type.
struct Part<'r> {
    source: Source,
    /// The source of the body so far.
    body: Source,
    /// Whether the body is the live schema's: nothing else describes or deprecates it.
    live: bool,
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
                    self.compare(&field.name, &field.name, &mut kept.ty, &field.ty);
                    for arg in &field.args {
                        let member = format!("{}({}:)", field.name, arg.name);
                        match kept.args.iter_mut().find(|a| a.name == arg.name) {
                            Some(kept_arg) => {
                                self.compare(&field.name, &member, &mut kept_arg.ty, &arg.ty);
                                reflow(&mut kept_arg.description, &arg.description);
                            }
                            None => self.left_out(&field.name, &member),
                        }
                    }
                    if field.is_deprecated && !kept.is_deprecated {
                        if self.live {
                            self.disagree(&field.name, &field.name, "deprecates it; kept current");
                        } else {
                            kept.is_deprecated = true;
                            kept.deprecation_reason
                                .clone_from(&field.deprecation_reason);
                        }
                    }
                    if self.live {
                        reflow(&mut kept.description, &field.description);
                        reflow(&mut kept.deprecation_reason, &field.deprecation_reason);
                    } else if kept.description.is_none() {
                        kept.description.clone_from(&field.description);
                    }
                }
                None if self.extend => {
                    self.added(&field.name);
                    merged.push(field.clone());
                }
                None => self.left_out(&field.name, &field.name),
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
            match merged.iter_mut().find(|v| v.name == value.name) {
                Some(kept) => self.compare(&value.name, &value.name, &mut kept.ty, &value.ty),
                None if self.extend => {
                    self.added(&value.name);
                    merged.push(value.clone());
                }
                None => self.left_out(&value.name, &value.name),
            }
        }
        self.lacking(
            merged.iter().map(|v| v.name.as_str()),
            layer.iter().map(|v| v.name.as_str()),
        );
    }

    fn enum_values(&mut self, merged: &mut Option<Vec<EnumValue>>, layer: &Option<Vec<EnumValue>>) {
        let Some(layer) = layer else { return };
        let Some(merged) = merged else {
            *merged = Some(layer.clone());
            return;
        };
        for value in layer {
            if merged.iter().any(|v| v.name == value.name) {
                continue;
            }
            if self.extend {
                self.added(&value.name);
                merged.push(value.clone());
            } else {
                self.left_out(&value.name, &value.name);
            }
        }
        self.lacking(
            merged.iter().map(|v| v.name.as_str()),
            layer.iter().map(|v| v.name.as_str()),
        );
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
            None if record_all && self.source != Source::JpLive => merged.insert(Vec::new()),
            None => {
                *merged = Some(layer.clone());
                return;
            }
        };
        for member in layer {
            let name = member.innermost_name().unwrap_or_default();
            if merged.iter().any(|m| m.innermost_name() == Some(name)) {
                continue;
            }
            if self.extend {
                self.added(name);
                merged.push(member.clone());
            } else {
                self.left_out(name, name);
            }
        }
    }

    /// The source of the member recorded under `key`: the body's, unless a less trusted
    /// source added it.
    fn winner(&self, key: &str) -> Source {
        let added = self
            .record
            .additions
            .iter()
            .find(|(member, _)| member == key);
        added.map_or(self.body, |(_, source)| *source)
    }

    fn disagree(&mut self, key: &str, member: &str, what: &str) {
        let winner = self.winner(key);
        let message = format!("`{member}`: {} {what} ({winner} wins)", self.source);
        self.record.disagreements.push((key.to_string(), message));
    }

    /// A member only this layer has, which may not extend the body.
    fn left_out(&mut self, key: &str, member: &str) {
        let winner = self.winner(key);
        let message = format!(
            "`{member}`: only {} has it; left out ({winner} wins)",
            self.source
        );
        self.record.disagreements.push((key.to_string(), message));
    }

    /// Members of a closed body that this layer's full list of values lacks.
    fn lacking<'m>(
        &mut self,
        kept: impl Iterator<Item = &'m str>,
        layer: impl Iterator<Item = &'m str> + Clone,
    ) {
        if self.extend {
            return;
        }
        for member in kept {
            if !layer.clone().any(|name| name == member) {
                self.disagree(member, member, "lacks it; kept");
            }
        }
    }

    fn added(&mut self, member: &str) {
        self.record
            .additions
            .push((member.to_string(), self.source));
    }

    /// Compares the type of `member` (recorded under `key`, the field it belongs to) with
    /// this layer's: a reference cut short is completed from it when the wrappers it kept
    /// agree; otherwise a difference is recorded and the kept type stays.
    fn compare(&mut self, key: &str, member: &str, kept: &mut TypeRef, other: &TypeRef) {
        let Some(other_sdl) = other.to_sdl() else {
            return;
        };
        let Some(kept_sdl) = kept.to_sdl() else {
            if kept.agrees_so_far(other) {
                *kept = other.clone();
                self.record
                    .completions
                    .push((key.to_string(), member.to_string(), self.source));
            } else {
                self.record.disagreements.push((
                    key.to_string(),
                    format!("`{member}`: {} says `{other_sdl}`, which does not fit the cut-short reference; left out", self.source),
                ));
            }
            return;
        };
        if kept_sdl != other_sdl {
            let winner = self.winner(key);
            self.record.disagreements.push((
                key.to_string(),
                format!(
                    "`{member}`: {} says `{other_sdl}`; kept `{kept_sdl}` ({winner} wins)",
                    self.source
                ),
            ));
        }
    }
}
