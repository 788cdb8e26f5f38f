//! The "Arguments" and "Return fields" tables. The scrape lost their name column, so
//! their rows are aligned by order to the names the document gives.

use super::deprecation::deprecated_name;
use super::page::{is_block_marker, Cursor, Page};
use crate::catalogue::{Deprecation, FieldDoc};
use crate::diagnostic::Diagnostic;

const HEADER: &str = "Name | Description |";
const SEPARATORS: [&str; 2] = ["---|---|", "---|"];

/// A table as printed, rows in order.
#[derive(Debug)]
pub struct Table {
    /// 0-based line of the table's title.
    pub line: usize,
    pub rows: Vec<Row>,
}

/// One row of a table whose name cell is lost.
#[derive(Debug)]
pub struct Row {
    pub line: usize,
    pub description: Option<String>,
    /// The name the row's deprecation sentence gives, with that sentence.
    pub deprecated: Option<(String, String)>,
    /// The row ended with an introduction ("One of:") whose list the scrape lost.
    pub lost_list: bool,
}

/// What the alignment of a table to the document's names found.
pub struct Aligned {
    pub fields: Vec<FieldDoc>,
    /// Damage found, with the 0-based line it is at.
    pub damage: Vec<(usize, String)>,
}

/// Reads the table whose title (at `title_line`) was just passed.
pub fn parse(cursor: &mut Cursor<'_, '_>, title_line: usize) -> Result<Table, Diagnostic> {
    let page = cursor.page;
    if !cursor.eat(HEADER) {
        return Err(page
            .error(
                cursor.index,
                format!("the table has no `{HEADER}` header line"),
            )
            .with_hint("a table title is followed by its header and `---|---|`"));
    }
    if !SEPARATORS.iter().any(|separator| cursor.eat(separator)) {
        return Err(page.error(
            cursor.index,
            "the table has no `---|---|` line under its header",
        ));
    }
    let mut rows = Vec::new();
    while let Some(line) = cursor.peek().filter(|line| !is_block_marker(line)) {
        let start = cursor.index;
        cursor.next_line();
        let cell = if line == "|" || line == "| |" {
            String::new()
        } else if let Some(inner) = line.strip_prefix("| ").and_then(|l| l.strip_suffix(" |")) {
            inner.trim().to_string()
        } else if let Some(inner) = line.strip_prefix("| ") {
            continued_cell(cursor, start, inner)?
        } else if let Some(inner) = line.strip_suffix(" |") {
            // The scrape also lost the row's leading `| `.
            inner.trim().to_string()
        } else {
            return Err(page
                .error(start, "this line is not a table row")
                .with_hint("rows read `| description |`"));
        };
        rows.push(row(page, start, &cell)?);
    }
    Ok(Table {
        line: title_line,
        rows,
    })
}

/// A cell spread over several lines: up to the line that ends with ` |`.
fn continued_cell(
    cursor: &mut Cursor<'_, '_>,
    start: usize,
    first: &str,
) -> Result<String, Diagnostic> {
    let mut lines = vec![first.trim().to_string()];
    // A new row or a block marker means this row lost its closing ` |`.
    while let Some(line) = cursor
        .peek()
        .filter(|line| !is_block_marker(line) && !line.starts_with('|'))
    {
        cursor.next_line();
        if let Some(last) = line.strip_suffix(" |") {
            lines.push(last.trim().to_string());
            return Ok(lines.join("\n"));
        }
        lines.push(line.trim().to_string());
    }
    Err(cursor.page.error(
        start,
        "this table row never ends: no line closes it with ` |`",
    ))
}

fn row(page: &Page<'_>, line: usize, cell: &str) -> Result<Row, Diagnostic> {
    let mut row = Row {
        line,
        description: None,
        deprecated: None,
        lost_list: false,
    };
    let mut text = cell;
    if let Some(at) = cell.find("Deprecated The '") {
        let sentence = &cell[at + "Deprecated ".len()..];
        let name = deprecated_name(sentence).ok_or_else(|| {
            page.error(
                line,
                "this row's deprecation does not read \"The '<name>' field is deprecated.\"",
            )
        })?;
        row.deprecated = Some((name.to_string(), sentence.to_string()));
        text = cell[..at].trim_end();
        // A list item left empty by the scrape, before the deprecation.
        if let Some(before) = text.strip_suffix("\n-") {
            text = before;
            if let Some((kept, _)) = text
                .rsplit_once('\n')
                .filter(|(_, intro)| intro.ends_with(':'))
            {
                text = kept;
                row.lost_list = true;
            }
        }
    }
    let text = text.trim();
    row.description = (!text.is_empty()).then(|| text.to_string());
    Ok(row)
}

/// Aligns a table's rows to `names` by order. A missing table documents nothing; a table
/// whose row count disagrees with the names is damage: its descriptions stay unassigned.
pub fn align(
    page: &Page<'_>,
    table: Option<&Table>,
    names: &[String],
    what: &str,
) -> Result<Aligned, Diagnostic> {
    let undocumented = |name: &String| FieldDoc {
        name: name.clone(),
        description: None,
        deprecation: None,
    };
    let mut aligned = Aligned {
        fields: names.iter().map(undocumented).collect(),
        damage: Vec::new(),
    };
    let Some(table) = table else {
        return Ok(aligned);
    };
    if table.rows.len() != names.len() {
        let unassigned: Vec<String> = table
            .rows
            .iter()
            .filter_map(|row| row.description.as_ref().map(|text| format!("{text:?}")))
            .collect();
        let mut message = format!(
            "the {what}s table has {} but the document has {} ({}); descriptions left unassigned",
            counted(table.rows.len(), "row"),
            counted(names.len(), what),
            names.join(", ")
        );
        if !unassigned.is_empty() {
            message.push_str(&format!(": {}", unassigned.join(", ")));
        }
        aligned.damage.push((table.line, message));
        return Ok(aligned);
    }
    for ((field, row), name) in aligned.fields.iter_mut().zip(&table.rows).zip(names) {
        if let Some((deprecated, sentence)) = &row.deprecated {
            if deprecated != name {
                return Err(page
                    .error(
                        row.line,
                        format!("this row deprecates `{deprecated}` but aligns with the {what} `{name}`"),
                    )
                    .with_hint("the table's rows and the document's names disagree"));
            }
            field.deprecation = Some(Deprecation {
                note: sentence.clone(),
                ..Deprecation::default()
            });
        }
        if let Some(last) = row.description.as_deref().and_then(cut_short) {
            aligned.damage.push((
                row.line,
                format!(
                    "the description of the {what} `{name}` is cut short after \"{last}\" (the page lost an inline code span and the rest)"
                ),
            ));
        }
        if row.lost_list {
            aligned.damage.push((
                row.line,
                format!("the description of the {what} `{name}` introduces a list the page lost"),
            ));
        }
        field.description = row.description.clone();
    }
    Ok(aligned)
}

/// Words no description ends with: the scrape cut the cell at an inline code span.
const DANGLING: [&str; 8] = ["a", "an", "the", "to", "of", "in", "for", "with"];

/// The last word of a description the scrape cut short.
fn cut_short(description: &str) -> Option<&str> {
    description
        .rsplit(' ')
        .next()
        .filter(|last| DANGLING.contains(last))
}

fn counted(count: usize, what: &str) -> String {
    if count == 1 {
        format!("1 {what}")
    } else {
        format!("{count} {what}s")
    }
}
