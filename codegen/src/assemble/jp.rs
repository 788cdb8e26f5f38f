//! The JP introspection result as a layer. A field whose type reference (or an
//! argument's) was cut short cannot be stated; it is left to other sources.

use super::layer::{Layer, Source};
use crate::diagnostic::{Diagnostics, SourceFile};
use crate::introspect;

/// The layer and the `Type.field` names left out.
pub struct JpFacts {
    pub layer: Layer,
    pub dropped: Vec<String>,
}

pub fn read(file: &SourceFile) -> Result<JpFacts, Diagnostics> {
    let schema = introspect::parse(file)?;
    let mut layer = Layer::new(Source::JpIntrospection);
    let mut dropped = Vec::new();
    for mut ty in schema.types {
        if ty.name.starts_with("__") {
            continue;
        }
        if let Some(fields) = &mut ty.fields {
            fields.retain(|field| {
                let complete = field.ty.to_sdl().is_some()
                    && field.args.iter().all(|arg| arg.ty.to_sdl().is_some());
                if !complete {
                    dropped.push(format!("{}.{}", ty.name, field.name));
                }
                complete
            });
        }
        layer.insert(ty);
    }
    dropped.sort();
    Ok(JpFacts { layer, dropped })
}
