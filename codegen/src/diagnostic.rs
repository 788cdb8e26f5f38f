//! Errors about user input (schema, catalogue, operations, docs page), with
//! `file:line:col`, a source excerpt and a hint, rendered by miette.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

/// A 1-based position in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A source file shared by the diagnostics that point into it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// Byte offset of a 1-based line/column (columns count characters), clamped to the text.
    fn offset(&self, pos: Position) -> usize {
        let mut offset = 0;
        for (index, line) in self.text.split_inclusive('\n').enumerate() {
            if index + 1 == pos.line {
                let within: usize = line
                    .chars()
                    .take(pos.column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return offset + within.min(line.trim_end_matches('\n').len());
            }
            offset += line.len();
        }
        self.text.len()
    }
}

/// One problem in the user's input.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub file: SourceFile,
    pub position: Position,
    pub message: String,
    /// One line telling the user what to do about it.
    pub hint: Option<String>,
    /// Other places that matter (e.g. the first definition of a duplicate).
    pub related: Vec<(String, Position)>,
}

impl Diagnostic {
    pub fn new(file: &SourceFile, position: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.clone(),
            position,
            message: message.into(),
            hint: None,
            related: Vec::new(),
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_related(mut self, label: impl Into<String>, position: Position) -> Self {
        self.related.push((label.into(), position));
        self
    }

    pub fn path(&self) -> &Path {
        &self.file.path
    }

    /// `file:line:col: message`, the one-line form.
    pub fn location(&self) -> String {
        format!(
            "{}:{}:{}",
            self.file.path.display(),
            self.position.line,
            self.position.column
        )
    }

    /// The full report: location, message, source excerpt and hint, without colours.
    /// A place on a line too long to show ([`EXCERPT_LINE_LIMIT`]) is named without an
    /// excerpt.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .with_links(false);
        let report = Report {
            diagnostic: self,
            excerpt: self.excerpt_fits(),
        };
        if handler.render_report(&mut out, &report).is_err() {
            out = format!("{}: {}", self.location(), self.message);
        }
        // Trailing spaces are an artefact of the renderer and make snapshots brittle.
        out.lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }

    /// Whether every line the excerpt would point into is short enough to show.
    fn excerpt_fits(&self) -> bool {
        std::iter::once(self.position)
            .chain(self.related.iter().map(|(_, position)| *position))
            .all(|position| {
                let line = self
                    .file
                    .text
                    .split('\n')
                    .nth(position.line.saturating_sub(1));
                line.map_or(0, |line| line.chars().count()) <= EXCERPT_LINE_LIMIT
            })
    }
}

/// The longest line (in characters) a rendered excerpt points into. The renderer pads
/// up to the column it points at and cannot pad past 65535 (a tab counts as four, a wide
/// character as two); a line this long shows nothing readable anyway.
pub const EXCERPT_LINE_LIMIT: usize = 8_000;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// miette's view of a [`Diagnostic`]: with a source excerpt, or with the places in the
/// message instead.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    excerpt: bool,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let diagnostic = self.diagnostic;
        if self.excerpt {
            return write!(f, "{}", diagnostic.message);
        }
        write!(f, "{}: {}", diagnostic.location(), diagnostic.message)?;
        for (label, position) in &diagnostic.related {
            write!(f, "\n{label} at {}:{}", position.line, position.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diagnostic
            .hint
            .as_ref()
            .map(|hint| Box::new(hint) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.excerpt.then_some(self as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.excerpt {
            return None;
        }
        let diagnostic = self.diagnostic;
        let file = &diagnostic.file;
        let primary = LabeledSpan::new_primary_with_span(
            Some("here".to_string()),
            SourceSpan::from((file.offset(diagnostic.position), 1)),
        );
        let related = diagnostic.related.iter().map(|(label, pos)| {
            LabeledSpan::new_with_span(
                Some(format!("{label} ({}:{})", pos.line, pos.column)),
                SourceSpan::from((file.offset(*pos), 1)),
            )
        });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

impl miette::SourceCode for Report<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let file = &self.diagnostic.file;
        let named = NamedSource::new(file.path.display().to_string(), file.text.clone());
        let contents = named.read_span(span, context_lines_before, context_lines_after)?;
        // Re-wrap so the borrowed contents outlive the temporary NamedSource.
        Ok(Box::new(miette::MietteSpanContents::new_named(
            file.path.display().to_string(),
            slice_of(&file.text, contents.span()),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
        )))
    }
}

fn slice_of<'a>(text: &'a str, span: &SourceSpan) -> &'a [u8] {
    &text.as_bytes()[span.offset()..span.offset() + span.len()]
}

/// Every diagnostic of a run, reported together.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was reported, otherwise every diagnostic, sorted by place.
    pub fn into_result<T>(mut self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            self.0.sort_by(|a, b| {
                (a.path(), a.position, &a.message).cmp(&(b.path(), b.position, &b.message))
            });
            Err(self)
        }
    }

    /// All reports rendered one after another.
    pub fn render(&self) -> String {
        self.0.iter().map(Diagnostic::render).collect()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_excerpt_and_hint() {
        let file = SourceFile::new("ops/a.graphql", "mutation A {\n  nope\n}\n");
        let diagnostic = Diagnostic::new(
            &file,
            Position { line: 2, column: 3 },
            "unknown field `nope` on `Mutation`",
        )
        .with_hint("check the spelling against the schema");
        assert_eq!(
            diagnostic.to_string(),
            "ops/a.graphql:2:3: unknown field `nope` on `Mutation`"
        );
        insta::assert_snapshot!(diagnostic.render());
    }

    #[test]
    fn renders_a_place_on_an_overlong_line_without_an_excerpt() {
        // Past column 65535 the renderer's padding panics ("Formatting argument out of
        // range"); found by fuzzing a one-line operation document.
        let line = format!("{}\t", "x".repeat(70_000));
        let file = SourceFile::new("ops/long.graphql", format!("{{\n{line}\n}}\n"));
        let diagnostic = Diagnostic::new(
            &file,
            Position {
                line: 2,
                column: 69_999,
            },
            "unexpected `x`",
        )
        .with_related("opened here", Position { line: 1, column: 1 })
        .with_hint("shorten the line");
        let rendered = diagnostic.render();
        assert!(
            rendered.contains("ops/long.graphql:2:69999: unexpected `x`"),
            "{rendered}"
        );
        assert!(rendered.contains("opened here at 1:1"), "{rendered}");
        assert!(rendered.contains("help: shorten the line"), "{rendered}");
        assert!(!rendered.contains("xxxx"), "{rendered}");
    }

    #[test]
    fn renders_an_excerpt_of_a_line_within_the_limit() {
        let line = "x".repeat(EXCERPT_LINE_LIMIT);
        let file = SourceFile::new("a.graphql", format!("{line}\n"));
        let position = Position {
            line: 1,
            column: EXCERPT_LINE_LIMIT,
        };
        let rendered = Diagnostic::new(&file, position, "here").render();
        assert!(rendered.contains("╭─[a.graphql:1:8000]"), "{rendered}");
    }
}
