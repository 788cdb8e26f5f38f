//! Errors about user input (schema, catalogue, operations, docs page), with
//! `file:line:col`, a source excerpt and a hint, rendered by annotate-snippets in the
//! form rustc and cargo print.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// A 1-based position in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A source file shared by the diagnostics that point into it. `Debug` shows its path
/// and length, not its text (a schema may be megabytes).
#[derive(Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl fmt::Debug for SourceFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SourceFile")
            .field("path", &self.path)
            .field("bytes", &self.text.len())
            .finish()
    }
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// The 1-based number and the bytes (with its line break) of `line`, or of the last
    /// line when `line` is past it. The text after a final line break is a last, empty line.
    fn line(&self, line: usize) -> (usize, Range<usize>) {
        let text = &*self.text;
        let (mut number, mut start) = (1, 0);
        while number < line {
            match text[start..].find('\n') {
                Some(at) => {
                    number += 1;
                    start += at + 1;
                }
                None => break,
            }
        }
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |at| start + at + 1);
        (number, start..end)
    }

    /// Where `position` is: its line (clamped to the text) and the bytes of the character
    /// at its 1-based column (columns count characters), an empty range at the end of the
    /// line or of the text.
    fn place(&self, position: Position) -> Place {
        let (line, bytes) = self.line(position.line);
        let content = &self.text[bytes.clone()];
        let content = content.strip_suffix('\n').unwrap_or(content);
        let within: usize = content
            .chars()
            .take(position.column.saturating_sub(1))
            .map(char::len_utf8)
            .sum();
        let width = content[within..].chars().next().map_or(0, char::len_utf8);
        let start = bytes.start + within;
        Place {
            line,
            bytes,
            mark: start..start + width,
        }
    }
}

/// A position found in its file.
struct Place {
    /// 1-based line number.
    line: usize,
    /// The bytes of the line, with its line break.
    bytes: Range<usize>,
    /// The bytes to mark: one character, or none at the end of the line.
    mark: Range<usize>,
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

    /// The full report as rustc prints an error, without colours: the message, the
    /// location, an excerpt of the lines concerned with the position marked `here` and each
    /// related place marked with its label and `(line:col)`, then the hint as `help:`.
    pub fn render(&self) -> String {
        self.render_at(Level::ERROR)
    }

    /// The full report as [`render`](Self::render) gives it, titled `warning:`.
    pub fn render_warning(&self) -> String {
        self.render_at(Level::WARNING)
    }

    fn render_at(&self, level: Level<'_>) -> String {
        let text = &*self.file.text;
        let path = self.file.path.display().to_string();
        let mut near = vec![Mark {
            kind: AnnotationKind::Primary,
            label: "here".to_string(),
            place: self.file.place(self.position),
        }];
        let mut far = Vec::new();
        for (label, position) in &self.related {
            let mark = Mark {
                kind: AnnotationKind::Context,
                label: format!("{label} ({}:{})", position.line, position.column),
                place: self.file.place(*position),
            };
            if position.column.abs_diff(self.position.column) <= SHARED_EXCERPT_COLUMNS {
                near.push(mark);
            } else {
                far.push(mark);
            }
        }
        let mut report = Group::with_title(level.primary_title(self.message.as_str()));
        let too_long = near
            .iter()
            .chain(&far)
            .any(|mark| mark.place.bytes.len() > EXCERPT_LINE_LIMIT);
        if too_long {
            report = report.element(
                Origin::path(path.as_str())
                    .line(self.position.line)
                    .char_column(self.position.column),
            );
            // The first mark is the position itself, named by the location line.
            for mark in near.iter().chain(&far).skip(1) {
                report = report.element(Level::NOTE.message(mark.label.as_str()));
            }
        } else {
            report = report.element(excerpt(text, &path, near));
            for mark in far {
                report = report.element(excerpt(text, &path, vec![mark]));
            }
        }
        if let Some(hint) = &self.hint {
            let hint = annotate_snippets::normalize_untrusted_str(hint);
            report = report.element(Level::HELP.message(hint));
        }
        let rendered = Renderer::plain()
            .decor_style(DecorStyle::Ascii)
            .render(&[report]);
        // Trailing spaces (a tab at the end of a line) make snapshots brittle.
        rendered
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }
}

/// The longest line, in bytes, an excerpt shows. The renderer shows a window of a long
/// line but reads all of it, at about 25 ns a byte for every report, so many errors on
/// one huge line (a minified document) took seconds each; a report on a longer line
/// names its places without an excerpt.
const EXCERPT_LINE_LIMIT: usize = 4_096;

/// How many columns left or right of the position a related place may be and still share
/// its excerpt. The renderer cuts long lines to a window
/// ([`DEFAULT_TERM_WIDTH`](annotate_snippets::renderer::DEFAULT_TERM_WIDTH), 140 columns)
/// around the places an excerpt marks; for places further apart it would print each line
/// whole from the first place to the last, so such a place gets an excerpt of its own.
const SHARED_EXCERPT_COLUMNS: usize = 100;

/// A place to mark in an excerpt.
struct Mark {
    kind: AnnotationKind,
    label: String,
    place: Place,
}

/// The lines of `text` from the first to the last of `marks`, each place marked. The
/// renderer shows the marked lines and elides long runs of the others.
fn excerpt<'a>(text: &'a str, path: &str, marks: Vec<Mark>) -> Snippet<'a, Annotation<'a>> {
    let first = marks
        .iter()
        .map(|mark| &mark.place)
        .min_by_key(|place| place.line);
    let last = marks
        .iter()
        .map(|mark| &mark.place)
        .max_by_key(|place| place.line);
    let (line_start, bytes) = first.zip(last).map_or((1, 0..0), |(first, last)| {
        (first.line, first.bytes.start..last.bytes.end)
    });
    let offset = bytes.start;
    Snippet::source(&text[bytes])
        .line_start(line_start)
        .path(path.to_string())
        .annotations(marks.into_iter().map(|mark| {
            let Range { start, end } = mark.place.mark;
            mark.kind
                .span(start - offset..end - offset)
                .label(mark.label)
        }))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// Every diagnostic of a run, reported together.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The diagnostics in the order reported (sorted by place once [`into_result`]
    /// returned them).
    ///
    /// [`into_result`]: Diagnostics::into_result
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.0
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
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

    /// All reports rendered one after another, with an empty line between two.
    pub fn render(&self) -> String {
        let reports: Vec<String> = self.0.iter().map(Diagnostic::render).collect();
        reports.join("\n")
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

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Diagnostics(diagnostics)
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(diagnostics: I) -> Self {
        Diagnostics(diagnostics.into_iter().collect())
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, diagnostics: I) {
        self.0.extend(diagnostics);
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_names_the_file_without_its_text() {
        let file = SourceFile::new("schema.graphql", "type Query { a: Int }\n".repeat(1000));
        let diagnostic = Diagnostic::new(
            &file,
            Position {
                line: 3,
                column: 14,
            },
            "unknown type",
        )
        .with_hint("did you mean `Int`?");
        assert_eq!(
            format!("{:?}", Diagnostics::from(diagnostic)),
            "Diagnostics([Diagnostic { file: SourceFile { path: \"schema.graphql\", bytes: 22000 }, \
             position: Position { line: 3, column: 14 }, message: \"unknown type\", \
             hint: Some(\"did you mean `Int`?\"), related: [] }])"
        );
    }

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
        // A warning is the same report under another title.
        assert_eq!(
            diagnostic.render_warning(),
            diagnostic.render().replacen("error:", "warning:", 1)
        );
        assert!(diagnostic
            .render_warning()
            .starts_with("warning: unknown field"));
    }

    /// A file whose second line is `length` `x`s and a tab, and a diagnostic at its last
    /// `x` but one, related to the file's first character and to the line's third.
    fn on_a_long_line(length: usize) -> (SourceFile, Diagnostic) {
        let line = format!("{}\t", "x".repeat(length));
        let file = SourceFile::new("ops/long.graphql", format!("{{\n{line}\n}}\n"));
        let position = Position {
            line: 2,
            column: length - 1,
        };
        let diagnostic = Diagnostic::new(&file, position, "unexpected `x`")
            .with_related("opened here", Position { line: 1, column: 1 })
            .with_related("first selected here", Position { line: 2, column: 3 })
            .with_hint("shorten the line");
        (file, diagnostic)
    }

    #[test]
    fn renders_a_place_far_along_a_long_line_cut_around_it() {
        // Each place far from the position has an excerpt of its own, so the line is never
        // shown whole.
        let (_, diagnostic) = on_a_long_line(4_000);
        let expected = format!(
            "error: unexpected `x`\n \
             --> ops/long.graphql:2:3999\n  \
             |\n\
             2 | ...{}\n  \
             |{}^ here\n  \
             |\n \
             ::: ops/long.graphql:1:1\n  \
             |\n\
             1 | {{\n  \
             | - opened here (1:1)\n  \
             |\n \
             ::: ops/long.graphql:2:3\n  \
             |\n\
             2 | {}...\n  \
             |   - first selected here (2:3)\n  \
             |\n  \
             = help: shorten the line\n",
            "x".repeat(64),
            " ".repeat(66),
            "x".repeat(133),
        );
        assert_eq!(diagnostic.render(), expected);
    }

    /// The rendering of a diagnostic `m` in `a.graphql` at `position`, with a related
    /// place `r` at each of `related`.
    fn rendered(text: &str, position: (usize, usize), related: &[(usize, usize)]) -> String {
        let file = SourceFile::new("a.graphql", text);
        let at = |(line, column)| Position { line, column };
        related
            .iter()
            .fold(
                Diagnostic::new(&file, at(position), "m"),
                |diagnostic, place| diagnostic.with_related("r", at(*place)),
            )
            .render()
    }

    #[test]
    fn names_places_on_an_overlong_line_without_an_excerpt() {
        // The former renderer panicked past column 65535 ("Formatting argument out of
        // range"); found by fuzzing a one-line operation document. This one reads the
        // whole line for every report, which fuzzing found slow (30 s for a case with
        // many errors on one huge line).
        let (file, diagnostic) = on_a_long_line(70_000);
        assert_eq!(
            diagnostic.render(),
            "error: unexpected `x`\n\
             --> ops/long.graphql:2:69999\n \
             = note: opened here (1:1)\n \
             = note: first selected here (2:3)\n \
             = help: shorten the line\n"
        );
        // The limit is on the lines of the report's places, not on the file.
        let near = Diagnostic::new(&file, Position { line: 3, column: 1 }, "unexpected `}`");
        assert_eq!(
            near.render(),
            "error: unexpected `}`\n \
             --> ops/long.graphql:3:1\n  \
             |\n\
             3 | }\n  \
             | ^ here\n"
        );
    }

    #[test]
    fn marks_characters_after_tabs_wide_characters_and_in_crlf_lines() {
        // A tab shows as four spaces.
        assert_eq!(
            rendered("query {\n\tshop {\n\t\tnope\n\t}\n}\n", (3, 3), &[(2, 2)]),
            "error: m\n --> a.graphql:3:3\n  |\n2 |     shop {\n  |     - r (2:2)\n\
             3 |         nope\n  |         ^ here\n"
        );
        // A wide character is two columns wide and marked whole.
        assert_eq!(
            rendered("type 日本語 {\n  b: 名前\n}\n", (2, 6), &[(1, 6)]),
            "error: m\n --> a.graphql:2:6\n  |\n1 | type 日本語 {\n  |      -- r (1:6)\n\
             2 |   b: 名前\n  |      ^^ here\n"
        );
        let crlf = "# a type\r\ntype A {\r\n  b: Nope\r\n}\r\n";
        assert_eq!(
            rendered(crlf, (3, 6), &[(2, 6)]),
            "error: m\n --> a.graphql:3:6\n  |\n2 | type A {\n  |      - r (2:6)\n\
             3 |   b: Nope\n  |      ^ here\n"
        );
        // The carriage return itself, and the place after it.
        for column in [10, 11] {
            assert_eq!(
                rendered(crlf, (3, column), &[]),
                format!("error: m\n --> a.graphql:3:{column}\n  |\n3 |   b: Nope\n  |          ^ here\n")
            );
        }
    }

    #[test]
    fn marks_the_end_of_a_line_and_of_the_text() {
        let text = "type A {\n  b\n}\n";
        let end_of_line = "error: m\n --> a.graphql:2:4\n  |\n2 |   b\n  |    ^ here\n";
        assert_eq!(rendered(text, (2, 4), &[]), end_of_line);
        // A column past the end of its line is shown at the end.
        assert_eq!(rendered(text, (2, 40), &[]), end_of_line);
        // After a final line break is an empty last line; a line past it is shown there.
        let last_line = "error: m\n --> a.graphql:4:1\n  |\n4 |\n  | ^ here\n";
        assert_eq!(rendered(text, (4, 1), &[]), last_line);
        assert_eq!(rendered(text, (9, 9), &[]), last_line);
        assert_eq!(
            rendered("type A {", (1, 9), &[]),
            "error: m\n --> a.graphql:1:9\n  |\n1 | type A {\n  |         ^ here\n"
        );
        assert_eq!(
            rendered("", (1, 1), &[]),
            "error: m\n --> a.graphql:1:1\n  |\n1 |\n  | ^ here\n"
        );
    }

    #[test]
    fn renders_any_place_in_short_texts_of_awkward_characters() {
        // The renderer panics on a range past the text or inside a character; every place,
        // in range or not, must become a range it accepts.
        let alphabet = [
            'a', ' ', '\t', '\r', '\n', '語', '😀', '\u{301}', '\u{200d}', '\u{202e}', '\u{feff}',
            '\u{0}', '\u{1b}', '\u{7f}', '\u{85}', '\u{2028}',
        ];
        // xorshift64: the same texts on every run.
        let mut state: u64 = 0x6b72_616b_656e;
        let mut next = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        for _ in 0..2_000 {
            let text: String = (0..next(40))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let lines = text.split('\n').count();
            for _ in 0..5 {
                let position = (next(lines + 2), next(42));
                let related: Vec<(usize, usize)> = (0..next(3))
                    .map(|_| (next(lines + 1) + 1, next(41) + 1))
                    .collect();
                let rendered = rendered(&text, position, &related);
                assert!(
                    rendered.starts_with("error: m\n --> a.graphql:"),
                    "{rendered}"
                );
            }
        }
    }

    #[test]
    fn elides_the_lines_between_distant_places() {
        let text: String = (1..=40).map(|line| format!("line {line}\n")).collect();
        assert_eq!(
            rendered(&text, (40, 1), &[(1, 1), (3, 6)]),
            "error: m\n  --> a.graphql:40:1\n   |\n 1 | line 1\n   | - r (1:1)\n \
             2 | line 2\n 3 | line 3\n   |      - r (3:6)\n...\n\
             40 | line 40\n   | ^ here\n"
        );
    }
}
