//! `assemble-schema`: the project's SDL built from facts of differing trust (the JP
//! introspection result, the docs page, the platform facts of another territory and a
//! hand-written overlay of inferred types), with a provenance record per type.
//!
//! Only what the catalogue's mutations reach is kept: the `Mutation` fields the page
//! documents, and every type reachable from them (field and argument types, input
//! fields, union members, implemented interfaces, and the types the page's
//! `...XFragment` and `... on X` name). Types are printed sorted by name.

mod docs_page;
mod jp;
mod layer;
mod overlay;
mod page_layer;
mod platform;
mod provenance;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::introspect::model::{FullType, RootRef, Schema};
use crate::introspect::to_sdl::is_built_in_scalar;
use crate::schema::check::check;
pub use layer::{Record, Source};

/// Where the facts are.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The JP introspection result (may be partial).
    pub introspection: PathBuf,
    /// The docs page of the JP mutations, as text.
    pub docs: PathBuf,
    /// The directory of the platform facts (`kraken-es-*.json`).
    pub platform: PathBuf,
    /// Overlay SDL files of inferred types.
    pub overlays: Vec<PathBuf>,
}

/// The assembled schema and its provenance summary.
#[derive(Debug, Clone)]
pub struct Assembled {
    pub sdl: String,
    /// Markdown: per type its source, with totals.
    pub provenance: String,
}

/// Builds the schema. `sdl_path` names the output in diagnostics about it.
pub fn assemble(inputs: &Inputs, sdl_path: &Path) -> Result<Assembled, Diagnostics> {
    let introspection = read(&inputs.introspection)?;
    let jp = jp::read(&introspection)?;
    let platform = platform::read(&inputs.platform)?;
    let mut inferred = Vec::new();
    for path in &inputs.overlays {
        inferred.push(overlay::read(&read(path)?)?);
    }
    let page_file = read(&inputs.docs)?;
    let page = docs_page::read(&page_file)?;
    let mut trusted = vec![jp.layer, platform];
    trusted.extend(inferred);
    let page = page_layer::build(&page_file, &page, &trusted)?;

    let mut layers = vec![trusted.remove(0), page.layer];
    layers.extend(trusted);
    let (mut types, mut records) = layer::merge(&layers);
    keep_catalogue_fields(&mut types, &mut records, &page.fields, &page_file)?;

    let mut roots: Vec<&str> = vec!["Mutation"];
    roots.extend(page.named_types.iter().map(String::as_str));
    let mut reachable = reachable(&types, &roots, &page_file)?;
    let query_type = query_root(&mut types, &mut reachable);
    let schema = Schema {
        query_type,
        mutation_type: Some(RootRef {
            name: "Mutation".to_string(),
        }),
        subscription_type: None,
        types: reachable.iter().map(|name| types[name].clone()).collect(),
        directives: Vec::new(),
    };
    let printed = crate::introspect::print(&schema);
    verify(&printed.sdl, sdl_path)?;
    let records: BTreeMap<String, Record> = reachable
        .iter()
        .filter(|name| !is_built_in_scalar(name))
        .map(|name| (name.clone(), records[name].clone()))
        .collect();
    let provenance = provenance::render(&provenance::Summary {
        inputs,
        records: &records,
        dropped: &jp.dropped,
    });
    Ok(Assembled {
        sdl: printed.sdl,
        provenance,
    })
}

fn read(path: &Path) -> Result<SourceFile, Diagnostics> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(SourceFile::new(path, text)),
        Err(error) => Err(Diagnostic::new(
            &SourceFile::new(path, ""),
            Position { line: 1, column: 1 },
            format!("cannot read: {error}"),
        )
        .into()),
    }
}

/// Keeps only the `Mutation` fields the page documents; each must have a signature.
fn keep_catalogue_fields(
    types: &mut BTreeMap<String, FullType>,
    records: &mut BTreeMap<String, Record>,
    catalogue: &[(String, Position)],
    page: &SourceFile,
) -> Result<(), Diagnostics> {
    let wanted: BTreeSet<&str> = catalogue.iter().map(|(name, _)| name.as_str()).collect();
    let mutation = types.get_mut("Mutation").and_then(|m| m.fields.as_mut());
    let fields = match mutation {
        Some(fields) => fields,
        None => {
            return Err(Diagnostic::new(
                page,
                Position { line: 1, column: 1 },
                "no source defines the `Mutation` type",
            )
            .into())
        }
    };
    fields.retain(|field| wanted.contains(field.name.as_str()));
    fields.sort_by(|a, b| a.name.cmp(&b.name));
    let mut missing = Diagnostics::default();
    for (name, position) in catalogue {
        if !fields.iter().any(|field| &field.name == name) {
            missing.push(
                Diagnostic::new(
                    page,
                    *position,
                    format!("no source gives the signature of mutation field `{name}`"),
                )
                .with_hint("add it to `type Mutation` in an overlay"),
            );
        }
    }
    if let Some(record) = records.get_mut("Mutation") {
        record
            .additions
            .retain(|(name, _)| wanted.contains(name.as_str()));
        record
            .disagreements
            .retain(|(name, _)| wanted.contains(name.as_str()));
    }
    missing.into_result(())
}

/// The spec requires a query root: the JP `Query` fields that need no type beyond those
/// the mutations reach (so the query root pulls nothing else in), when there are any.
fn query_root(
    types: &mut BTreeMap<String, FullType>,
    reachable: &mut BTreeSet<String>,
) -> Option<RootRef> {
    let known =
        |name: Option<&str>| name.is_some_and(|n| reachable.contains(n) || is_built_in_scalar(n));
    let query = types.get_mut("Query")?;
    let fields = query.fields.as_mut()?;
    fields.retain(|field| {
        known(field.ty.innermost_name()) && field.args.iter().all(|a| known(a.ty.innermost_name()))
    });
    if fields.is_empty() {
        return None;
    }
    reachable.insert("Query".to_string());
    Some(RootRef {
        name: "Query".to_string(),
    })
}

/// Every type reachable from `roots`, sorted by name; an unknown reference is an error.
fn reachable(
    types: &BTreeMap<String, FullType>,
    roots: &[&str],
    page: &SourceFile,
) -> Result<BTreeSet<String>, Diagnostics> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<(String, String)> = roots
        .iter()
        .map(|r| (r.to_string(), "the docs page".to_string()))
        .collect();
    let mut unknown: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    while let Some((name, user)) = stack.pop() {
        if seen.contains(&name) {
            continue;
        }
        let Some(ty) = types.get(&name) else {
            if !is_built_in_scalar(&name) {
                unknown.entry(name).or_default().insert(user);
            }
            continue;
        };
        seen.insert(name.clone());
        let mut push = |target: Option<&str>| {
            if let Some(target) = target {
                stack.push((target.to_string(), name.clone()));
            }
        };
        for field in ty.fields.iter().flatten() {
            push(field.ty.innermost_name());
            for arg in &field.args {
                push(arg.ty.innermost_name());
            }
        }
        for value in ty.input_fields.iter().flatten() {
            push(value.ty.innermost_name());
        }
        for member in ty
            .possible_types
            .iter()
            .flatten()
            .chain(ty.interfaces.iter().flatten())
        {
            push(member.innermost_name());
        }
    }
    if unknown.is_empty() {
        return Ok(seen);
    }
    let start = Position { line: 1, column: 1 };
    Err(Diagnostics(
        unknown
            .into_iter()
            .map(|(name, users)| {
                let users: Vec<String> = users.into_iter().collect();
                Diagnostic::new(
                    page,
                    start,
                    format!(
                        "no source defines type `{name}` (used by {})",
                        users.join(", ")
                    ),
                )
                .with_hint("define it in an overlay")
            })
            .collect(),
    ))
}

/// The printed SDL must load: parse it and pass the structural checks. (Its warnings are
/// the types no source gives a body for, which the provenance summary lists.)
fn verify(sdl: &str, path: &Path) -> Result<(), Diagnostics> {
    let file = SourceFile::new(path, sdl);
    let document = graphql_parser::parse_schema::<String>(sdl).map_err(|error| {
        Diagnostic::new(
            &file,
            Position { line: 1, column: 1 },
            format!("the assembled SDL does not parse: {error}"),
        )
    })?;
    Diagnostics(check(&document, &file).errors).into_result(())
}
