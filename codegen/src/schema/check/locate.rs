//! Precise positions inside SDL text. graphql-parser records where a definition or field
//! starts (its description, or its keyword); diagnostics point at the name or type the
//! message is about, so the text is re-scanned from there.

use crate::diagnostic::{Position, SourceFile};

/// A lexical token: its byte offset and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Name(&'a str),
    Punct(char),
    /// A string, number or anything else the checker never looks inside.
    Other,
}

/// A file's text with the byte offset of each line's start, for fast position lookups.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(file: &'a SourceFile) -> Self {
        let text: &str = &file.text;
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// Byte offset of a graphql-parser position in a text prepared by
    /// [`parser_text`](crate::schema::syntax::parser_text): its columns count characters.
    fn parser_offset(&self, pos: graphql_parser::Pos) -> usize {
        let Some(&start) = self.starts.get(pos.line.saturating_sub(1)) else {
            return self.text.len();
        };
        let line = self.text[start..].split('\n').next().unwrap_or_default();
        line.char_indices()
            .nth(pos.column.saturating_sub(1))
            .map_or(start + line.len(), |(index, _)| start + index)
    }

    /// The position of a byte offset, columns counted in characters.
    fn position(&self, offset: usize) -> Position {
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        Position { line, column }
    }
}

/// A cursor over the tokens of a file, starting at a given byte offset.
pub struct Cursor<'a> {
    lines: &'a Lines<'a>,
    offset: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at a graphql-parser position (1-based line and character column).
    pub fn at(lines: &'a Lines<'a>, pos: graphql_parser::Pos) -> Self {
        Cursor {
            lines,
            offset: lines.parser_offset(pos),
        }
    }

    /// The position of the current offset, columns counted in characters.
    pub fn position(&self) -> Position {
        self.lines.position(self.offset)
    }

    /// Moves to the next token whose name is `name` and returns its position.
    pub fn find_name(&mut self, name: &str) -> Option<Position> {
        self.skip_until(|token| token == Token::Name(name))
    }

    /// After a field, argument or input-field name: moves to the named type of its type
    /// reference (past arguments, `:` and `[`) and returns its position.
    pub fn find_type_reference(&mut self) -> Option<Position> {
        self.next_token()?; // the name itself
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                Token::Punct('(') => depth += 1,
                Token::Punct(')') => depth = depth.checked_sub(1)?,
                Token::Punct(':') if depth == 0 => {
                    self.next_token();
                    while self.peek()? == Token::Punct('[') {
                        self.next_token();
                    }
                    return Some(self.position());
                }
                _ => {}
            }
            self.next_token();
        }
    }

    /// The positions of the (at most `count`) names that follow `keyword` (e.g.
    /// `implements`, or `=` of a union), separated by `&` or `|`.
    fn names_after(&mut self, keyword: Token<'_>, count: usize) -> Vec<Position> {
        if count == 0 || self.skip_until(|token| token == keyword).is_none() {
            return Vec::new();
        }
        self.next_token();
        let mut positions = Vec::new();
        while positions.len() < count {
            let Some(token) = self.peek() else {
                break;
            };
            match token {
                Token::Punct('&' | '|') => {}
                Token::Name(_) => positions.push(self.position()),
                _ => break,
            }
            self.next_token();
        }
        positions
    }

    /// Positions of the `count` interface names after `implements`.
    pub fn implemented_interfaces(&mut self, count: usize) -> Vec<Position> {
        self.names_after(Token::Name("implements"), count)
    }

    /// Positions of the `count` member names after `=` of a union.
    pub fn union_members(&mut self, count: usize) -> Vec<Position> {
        self.names_after(Token::Punct('='), count)
    }

    fn skip_until(&mut self, wanted: impl Fn(Token<'_>) -> bool) -> Option<Position> {
        loop {
            let token = self.peek()?;
            if wanted(token) {
                return Some(self.position());
            }
            self.next_token();
        }
    }

    /// The next token, without moving past it (but past ignored text before it).
    fn peek(&mut self) -> Option<Token<'a>> {
        self.skip_ignored();
        let rest = &self.lines.text[self.offset..];
        let first = rest.chars().next()?;
        Some(if first.is_ascii_alphabetic() || first == '_' {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            Token::Name(&rest[..end])
        } else if "!$&()[]{}:=@|".contains(first) {
            Token::Punct(first)
        } else {
            Token::Other
        })
    }

    /// Moves past the next token.
    fn next_token(&mut self) -> Option<()> {
        self.skip_ignored();
        let text = self.lines.text;
        let rest = &text[self.offset..];
        let first = rest.chars().next()?;
        let length = if let Some(body) = rest.strip_prefix("\"\"\"") {
            3 + block_string_length(body)
        } else if first == '"' {
            1 + string_length(&rest[1..])
        } else if first.is_ascii_alphanumeric() || first == '_' || first == '-' {
            rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-'))
                .unwrap_or(rest.len())
        } else if rest.starts_with("...") {
            3
        } else {
            first.len_utf8()
        };
        self.offset += length;
        Some(())
    }

    /// Skips whitespace, commas, comments and a byte-order mark.
    fn skip_ignored(&mut self) {
        let text = self.lines.text;
        loop {
            let rest = &text[self.offset..];
            let Some(first) = rest.chars().next() else {
                return;
            };
            if first == '#' {
                self.offset += rest.find('\n').unwrap_or(rest.len());
            } else if first.is_whitespace() || first == ',' || first == '\u{feff}' {
                self.offset += first.len_utf8();
            } else {
                return;
            }
        }
    }
}

/// Length of a block string's body and closing `"""`, honouring `\"""`.
fn block_string_length(body: &str) -> usize {
    let mut index = 0;
    while index < body.len() {
        if body[index..].starts_with("\\\"\"\"") {
            index += 4;
        } else if body[index..].starts_with("\"\"\"") {
            return index + 3;
        } else {
            index += body[index..].chars().next().map_or(1, char::len_utf8);
        }
    }
    body.len()
}

/// Length of a string's body and closing `"`, honouring escapes.
fn string_length(body: &str) -> usize {
    let mut chars = body.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' | '\n' => return index + 1,
            _ => {}
        }
    }
    body.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cursor_at<'a>(lines: &'a Lines<'a>, line: usize, column: usize) -> Cursor<'a> {
        Cursor::at(lines, graphql_parser::Pos { line, column })
    }

    #[test]
    fn finds_the_name_and_type_after_a_description() {
        let file = SourceFile::new(
            "a.graphql",
            "type A {\n  \"\"\"about \\\"\"\" b\"\"\"\n  b(x: [Int] = [1], y: \"s)\"): [[B!]]\n}\n",
        );
        let lines = Lines::new(&file);
        let mut cursor = cursor_at(&lines, 2, 3);
        assert_eq!(cursor.find_name("b"), Some(Position { line: 3, column: 3 }));
        assert_eq!(
            cursor.find_type_reference(),
            Some(Position {
                line: 3,
                column: 33
            })
        );
    }

    #[test]
    fn finds_members_and_interfaces() {
        let file = SourceFile::new(
            "a.graphql",
            "union U @d(a: 1) =\n  | A\n  | B\ntype T implements I & J { f: Int }\n",
        );
        let lines = Lines::new(&file);
        assert_eq!(
            cursor_at(&lines, 1, 1).union_members(2),
            vec![
                Position { line: 2, column: 5 },
                Position { line: 3, column: 5 }
            ]
        );
        assert_eq!(
            cursor_at(&lines, 4, 1).implemented_interfaces(2),
            vec![
                Position {
                    line: 4,
                    column: 19
                },
                Position {
                    line: 4,
                    column: 23
                }
            ]
        );
    }

    #[test]
    fn parser_columns_count_characters() {
        let file = SourceFile::new("a.graphql", "\tfoo é bar");
        let lines = Lines::new(&file);
        assert_eq!(
            cursor_at(&lines, 1, 8).position(),
            Position { line: 1, column: 8 }
        );
        assert_eq!(
            cursor_at(&lines, 1, 40).position(),
            Position {
                line: 1,
                column: 11
            }
        );
    }
}
