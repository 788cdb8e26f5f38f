//! The page as numbered lines, the markers that structure it, and a cursor over it.

use std::path::Path;

use crate::catalogue::Endpoint;
use crate::diagnostic::{Diagnostic, Position, SourceFile};

/// Opens the list of documented errors.
pub const ERRORS_INTRO: &str = "The possible errors that can be raised are:";
/// Opens an operation's deprecation block.
pub const DEPRECATED: &str = "Deprecated";
pub const ARGUMENTS: &str = "Arguments";
pub const RETURN_FIELDS: &str = "Return fields";
/// Precedes the operation document.
pub const MUTATION: &str = "Mutation";
pub const VARIABLES: &str = "Variables";
pub const RESPONSE: &str = "Response";

/// The endpoint a section heading stands for.
pub fn section_heading(line: &str) -> Option<Endpoint> {
    match line {
        "API Site" => Some(Endpoint::Api),
        "Authentication Server" => Some(Endpoint::Auth),
        _ => None,
    }
}

/// The heading of a section, as printed on the page.
pub fn heading_of(endpoint: Endpoint) -> &'static str {
    match endpoint {
        Endpoint::Api => "API Site",
        Endpoint::Auth => "Authentication Server",
    }
}

/// A line that opens one of the blocks of an operation, after its description.
pub fn is_block_marker(line: &str) -> bool {
    matches!(
        line,
        ERRORS_INTRO | DEPRECATED | ARGUMENTS | RETURN_FIELDS | MUTATION
    )
}

/// A GraphQL name on a line of its own: the first line of an operation's header.
pub fn is_field_name(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The page split into lines (trailing whitespace removed), with its source for diagnostics.
pub struct Page<'a> {
    pub file: SourceFile,
    lines: Vec<&'a str>,
    /// 0-based index of the text's last line, counting the empty line after a final
    /// newline: the furthest place a diagnostic may point.
    last: usize,
}

impl<'a> Page<'a> {
    pub fn new(text: &'a str, path: &Path) -> Self {
        Page {
            file: SourceFile::new(path, text),
            lines: text.lines().map(str::trim_end).collect(),
            last: text.matches('\n').count(),
        }
    }

    /// The line at a 0-based index.
    pub fn line(&self, index: usize) -> Option<&'a str> {
        self.lines.get(index).copied()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The position of the start of the line at a 0-based index.
    pub fn position(index: usize) -> Position {
        Position {
            line: index + 1,
            column: 1,
        }
    }

    /// A diagnostic at the start of the line at a 0-based index; an index past the end
    /// (a block the page ends before) points at the page's last line.
    pub fn error(&self, index: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(&self.file, Self::position(index.min(self.last)), message)
    }
}

/// A position in the page, moving forward only.
pub struct Cursor<'p, 'a> {
    pub page: &'p Page<'a>,
    pub index: usize,
}

impl<'p, 'a> Cursor<'p, 'a> {
    pub fn new(page: &'p Page<'a>) -> Self {
        Cursor { page, index: 0 }
    }

    pub fn peek(&self) -> Option<&'a str> {
        self.page.line(self.index)
    }

    /// The current line, moving past it.
    pub fn next_line(&mut self) -> Option<&'a str> {
        let line = self.peek();
        if line.is_some() {
            self.index += 1;
        }
        line
    }

    /// Moves past blank lines.
    pub fn skip_blank(&mut self) {
        while self.peek().is_some_and(str::is_empty) {
            self.index += 1;
        }
    }

    /// Moves past the current line when it is `line`.
    pub fn eat(&mut self, line: &str) -> bool {
        let found = self.peek() == Some(line);
        if found {
            self.index += 1;
        }
        found
    }

    /// Lines up to (not including) the first one for which `stop` holds, or the page's end.
    pub fn take_until(&mut self, stop: impl Fn(&str) -> bool) -> Vec<(usize, &'a str)> {
        let mut lines = Vec::new();
        while let Some(line) = self.peek() {
            if stop(line) {
                break;
            }
            lines.push((self.index, line));
            self.index += 1;
        }
        lines
    }

    /// A block that opens with `{` on the current line and ends on the line that closes it.
    pub fn take_braced(&mut self, what: &str) -> Result<Vec<(usize, &'a str)>, Diagnostic> {
        let start = self.index;
        if !self.peek().is_some_and(|line| line.starts_with('{')) {
            return Err(self
                .page
                .error(start, format!("{what} does not start with `{{`")));
        }
        let mut depth = 0i64;
        let mut lines = Vec::new();
        while let Some(line) = self.next_line() {
            lines.push((self.index - 1, line));
            depth += brace_balance(line);
            if depth <= 0 {
                return Ok(lines);
            }
        }
        Err(self
            .page
            .error(
                start,
                format!("{what} is truncated: the page ends before its braces close"),
            )
            .with_hint("the scrape lost the end of the page; restore the missing lines"))
    }
}

/// `{` minus `}` on a line, ignoring braces inside double-quoted strings.
pub fn brace_balance(line: &str) -> i64 {
    let mut balance = 0;
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' if !in_string => balance += 1,
            '}' if !in_string => balance -= 1,
            _ => {}
        }
    }
    balance
}

/// The text of numbered lines, joined by newlines.
pub fn joined(lines: &[(usize, &str)]) -> String {
    lines
        .iter()
        .map(|(_, line)| *line)
        .collect::<Vec<_>>()
        .join("\n")
}
