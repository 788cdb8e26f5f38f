//! An operation's description, recovered from the scrape: lines broken at inline code
//! spans are joined again, `json` code blocks and `- ` lists are rebuilt, and the
//! blocks that document extra facts are kept apart as notes.

use super::page::{brace_balance, Page};
use crate::diagnostic::Diagnostic;

/// What the description lines of an operation say.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Prose {
    /// The paragraphs before the first code block or list, newline-separated.
    pub description: Option<String>,
    /// Each code block or list with the paragraph that introduces it.
    pub notes: Vec<String>,
    /// The items of a list introduced as the codes of a validation error.
    pub validation_error_codes: Vec<String>,
}

#[derive(Debug)]
enum Block {
    Paragraph(String),
    Code { language: String, text: String },
    List(Vec<String>),
}

pub fn recover(page: &Page<'_>, lines: &[(usize, &str)]) -> Result<Prose, Diagnostic> {
    Ok(split(blocks(page, lines)?))
}

fn blocks(page: &Page<'_>, lines: &[(usize, &str)]) -> Result<Vec<Block>, Diagnostic> {
    let mut blocks = Vec::new();
    let mut rest = lines;
    while let Some(&(index, line)) = rest.first() {
        rest = &rest[1..];
        if line.is_empty() {
            continue;
        }
        let opens_code = rest.first().is_some_and(|(_, next)| next.starts_with('{'));
        if opens_code && line.chars().all(|c| c.is_ascii_lowercase()) {
            let (code, after) = braced(rest).ok_or_else(|| {
                page.error(
                    index,
                    "the code block in this description is truncated: its braces never close",
                )
            })?;
            blocks.push(Block::Code {
                language: line.to_string(),
                text: code,
            });
            rest = after;
        } else if let Some(item) = line.strip_prefix("- ") {
            match blocks.last_mut() {
                Some(Block::List(items)) => items.push(item.to_string()),
                _ => blocks.push(Block::List(vec![item.to_string()])),
            }
        } else if let (true, Some(Block::Paragraph(text))) =
            (continues_broken_line(line), blocks.last_mut())
        {
            join_at_code_span(text, line);
        } else {
            blocks.push(Block::Paragraph(line.to_string()));
        }
    }
    Ok(blocks)
}

/// The lines of a `{ ... }` block at the start of `lines`, and the lines after it.
fn braced<'l, 'a>(lines: &'l [(usize, &'a str)]) -> Option<(String, &'l [(usize, &'a str)])> {
    let mut depth = 0;
    for (count, (_, line)) in lines.iter().enumerate() {
        depth += brace_balance(line);
        if depth <= 0 {
            let text = lines[..=count]
                .iter()
                .map(|(_, line)| *line)
                .collect::<Vec<_>>()
                .join("\n");
            return Some((text, &lines[count + 1..]));
        }
    }
    None
}

/// The scrape ends a line after each inline code span; the sentence goes on on the
/// next line, which then starts in lower case or with punctuation.
fn continues_broken_line(line: &str) -> bool {
    line.starts_with(|c: char| c.is_lowercase() || ",.;:)".contains(c))
}

/// Joins a broken line back, marking the word before the break as the code span it was.
fn join_at_code_span(text: &mut String, line: &str) {
    let start = text.rfind(' ').map_or(0, |space| space + 1);
    let word = text.split_off(start);
    text.push('`');
    text.push_str(&word);
    text.push('`');
    if line.starts_with(char::is_alphanumeric) {
        text.push(' ');
    }
    text.push_str(line);
}

fn split(blocks: Vec<Block>) -> Prose {
    let first_other = blocks
        .iter()
        .position(|block| !matches!(block, Block::Paragraph(_)))
        .unwrap_or(blocks.len());
    // The paragraph right before a code block or list introduces it, unless it is the only one.
    let description_end = if first_other < blocks.len() && first_other >= 2 {
        first_other - 1
    } else {
        first_other
    };
    let mut prose = Prose::default();
    let paragraphs: Vec<&str> = blocks[..description_end]
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    if !paragraphs.is_empty() {
        prose.description = Some(paragraphs.join("\n"));
    }
    let mut note: Vec<String> = Vec::new();
    let mut note_has_block = false;
    let mut lead: Option<&str> = None;
    for block in &blocks[description_end..] {
        match block {
            Block::Paragraph(text) => {
                if note_has_block {
                    prose.notes.push(note.join("\n"));
                    note.clear();
                    note_has_block = false;
                }
                note.push(text.clone());
                lead = Some(text);
            }
            Block::Code { language, text } => {
                note.push(format!("```{language}\n{text}\n```"));
                note_has_block = true;
                lead = None;
            }
            Block::List(items) => {
                if lead.is_some_and(|lead| lead.contains("validation error")) {
                    prose.validation_error_codes.extend(items.iter().cloned());
                }
                note.extend(items.iter().map(|item| format!("- {item}")));
                note_has_block = true;
                lead = None;
            }
        }
    }
    if !note.is_empty() {
        prose.notes.push(note.join("\n"));
    }
    prose
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn prose(text: &str) -> Prose {
        let page = Page::new(text, Path::new("page.txt"));
        let lines: Vec<_> = (0..page.len())
            .map(|i| (i, page.line(i).unwrap()))
            .collect();
        recover(&page, &lines).unwrap()
    }

    #[test]
    fn joins_lines_broken_at_code_spans() {
        assert_eq!(
            prose("Delete a token.\nThis field requires the Authorization\nheader to be set.\nUse POST\n, PATCH\n."),
            Prose {
                description: Some(
                    "Delete a token.\nThis field requires the `Authorization` header to be set.\nUse `POST`, `PATCH`."
                        .into()
                ),
                ..Prose::default()
            }
        );
    }

    #[test]
    fn keeps_code_blocks_and_lists_as_notes() {
        let text = "Reset it.\nRaises KT-1\nif it fails:\njson\n{\n\"a\": {\"b\": 1}\n}\nThe validation error's code\ncan be any of\n- too_short\n- too_common";
        assert_eq!(
            prose(text),
            Prose {
                description: Some("Reset it.".into()),
                notes: vec![
                    "Raises `KT-1` if it fails:\n```json\n{\n\"a\": {\"b\": 1}\n}\n```".into(),
                    "The validation error's `code` can be any of\n- too_short\n- too_common".into(),
                ],
                validation_error_codes: vec!["too_short".into(), "too_common".into()],
            }
        );
    }

    #[test]
    fn reports_an_unclosed_code_block() {
        let page = Page::new("Text.\njson\n{\n\"a\": 1\n", Path::new("p.txt"));
        let lines: Vec<_> = (0..page.len())
            .map(|i| (i, page.line(i).unwrap()))
            .collect();
        let error = recover(&page, &lines).unwrap_err();
        assert_eq!(
            error.to_string(),
            "p.txt:2:1: the code block in this description is truncated: its braces never close"
        );
    }
}
