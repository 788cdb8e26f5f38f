//! The live JP schema, as a Markdown rendering of a full introspection
//! (`oejp-live-schema-<date>.md`): the most trusted source, and the only dated one.
//!
//! The rendering has a preamble (the summary, whose root types, type count and date are
//! read, then tables of the root fields, a type index and a quick reference, which repeat
//! the full reference and are not read), `# Full type reference` and `# Directives`. A type
//! is a `` ## Type `Name` `` block: `` **Kind:** `KIND` ``, the description's paragraphs,
//! `**Implements:**` and `**Possible types:**` lists of code spans, the table of fields,
//! input fields or values, then `### Field arguments` with one `` #### `field` `` table per
//! field taking arguments. Whatever does not fit is an error at its line.

mod blocks;
mod cells;
mod references;

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::introspect::model::FullType;

/// What the rendering gives.
#[derive(Debug, Clone)]
pub struct Live {
    /// Every type by name, built-in scalars included.
    pub types: BTreeMap<String, FullType>,
    /// The day the introspection was taken, `YYYY-MM-DD`.
    pub snapshot: String,
}

const FULL_REFERENCE: &str = "# Full type reference";
const DIRECTIVES: &str = "# Directives";
const TAKEN_AT: &str = " using GraphQL introspection at `";
const TYPE_COUNT: &str = "- Public non-introspection type count: `";
const ROOTS: [(&str, &str); 3] = [
    ("- Query type: `", "Query"),
    ("- Mutation type: `", "Mutation"),
    ("- Subscription type: `", "None"),
];

/// Reads the rendering.
pub fn read(file: &SourceFile) -> Result<Live, Diagnostics> {
    let lines: Vec<&str> = file.text.lines().collect();
    let at_line = |index: usize, column: usize| Position {
        line: index + 1,
        column,
    };
    let error = |index: usize, message: String| Diagnostic::new(file, at_line(index, 1), message);
    let Some(full) = lines.iter().position(|line| *line == FULL_REFERENCE) else {
        let last = lines.len().saturating_sub(1);
        return Err(error(
            last,
            format!("no `{FULL_REFERENCE}` heading: the rendering is truncated or not one"),
        )
        .into());
    };
    let preamble = &lines[..full];
    let snapshot = preamble
        .iter()
        .find_map(|line| {
            let (_, at) = line.split_once(TAKEN_AT)?;
            let date = at.get(..10)?;
            date.chars()
                .enumerate()
                .all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
                .then(|| date.to_string())
        })
        .ok_or_else(|| {
            error(
                0,
                format!("no line says when the introspection was taken (`…{TAKEN_AT}YYYY-MM-DD…`)"),
            )
        })?;
    for (prefix, expected) in ROOTS {
        let found = preamble
            .iter()
            .enumerate()
            .find_map(|(index, line)| Some((index, line.strip_prefix(prefix)?.strip_suffix('`')?)));
        match found {
            Some((_, name)) if name == expected => {}
            Some((index, name)) => {
                return Err(Diagnostic::new(
                    file,
                    at_line(index, prefix.len() + 1),
                    format!("the root type is `{name}`; the reader expects `{expected}`"),
                )
                .into())
            }
            None => return Err(error(0, format!("the summary has no `{prefix}…` line")).into()),
        }
    }
    let count = preamble.iter().enumerate().find_map(|(index, line)| {
        let count = line.strip_prefix(TYPE_COUNT)?.strip_suffix('`')?;
        Some((index, count.parse::<usize>().ok()?))
    });
    let Some((count_line, count)) = count else {
        return Err(error(0, format!("the summary has no `{TYPE_COUNT}N`` line")).into());
    };

    let end = lines
        .iter()
        .position(|line| *line == DIRECTIVES)
        .unwrap_or(lines.len());
    let read = blocks::types(file, &lines, full + 1..end).map_err(|e| Diagnostics::from(*e))?;
    if end < lines.len() {
        blocks::directives(file, &lines, end + 1..lines.len())
            .map_err(|e| Diagnostics::from(*e))?;
    }
    if read.types.len() != count {
        return Err(Diagnostic::new(
            file,
            at_line(count_line, TYPE_COUNT.len() + 1),
            format!(
                "the summary counts {count} types but the full reference defines {}",
                read.types.len()
            ),
        )
        .with_hint("the rendering is truncated or a type block was lost")
        .into());
    }
    references::check(file, &read)?;
    let types = read.types.into_iter().map(|(ty, _)| (ty.name.clone(), ty));
    Ok(Live {
        types: types.collect(),
        snapshot,
    })
}
