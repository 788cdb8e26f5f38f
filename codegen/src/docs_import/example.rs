//! The variables and response examples. They are not JSON: values are often type
//! names (`"input": AcceptGoodsQuoteInput`) or alternatives (`"abc123" | 1 | true`).
//! This reads them leniently, enough to check their keys against the document.

/// An example value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sample {
    Object(Vec<(String, Sample)>),
    List(Vec<Sample>),
    /// A string, number, literal or type name, as printed.
    Word(String),
    /// Values separated by `|`.
    Choice(Vec<Sample>),
}

impl Sample {
    /// The keys of an object, in order; nothing for any other value.
    pub fn keys(&self) -> Vec<&str> {
        match self {
            Sample::Object(entries) => entries.iter().map(|(key, _)| key.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// The value of `key` in an object with that single key.
    pub fn only(&self, key: &str) -> Option<&Sample> {
        match self {
            Sample::Object(entries) => match entries.as_slice() {
                [(found, value)] if found == key => Some(value),
                _ => None,
            },
            _ => None,
        }
    }
}

/// A problem in an example, at a 0-based line of the example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleError {
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Punct(char),
    Text(String),
    Word(String),
}

/// Reads an example.
pub fn parse(text: &str) -> Result<Sample, ExampleError> {
    let mut parser = Parser {
        tokens: tokenize(text)?,
        next: 0,
        last_line: text.lines().count().saturating_sub(1),
    };
    let sample = parser.value()?;
    match parser.tokens.get(parser.next) {
        None => Ok(sample),
        Some((line, token)) => Err(ExampleError {
            line: *line,
            message: format!(
                "unexpected {} after the end of the example",
                describe(token)
            ),
        }),
    }
}

fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, ExampleError> {
    let mut tokens = Vec::new();
    for (line, content) in text.lines().enumerate() {
        let mut chars = content.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                _ if c.is_whitespace() => {}
                '{' | '}' | '[' | ']' | ':' | ',' | '|' => tokens.push((line, Token::Punct(c))),
                '"' => {
                    let mut string = String::new();
                    loop {
                        match chars.next() {
                            Some('"') => break,
                            Some('\\') => string.extend(chars.next()),
                            Some(c) => string.push(c),
                            None => {
                                return Err(ExampleError {
                                    line,
                                    message: "a string in the example is not closed".into(),
                                })
                            }
                        }
                    }
                    tokens.push((line, Token::Text(string)));
                }
                _ => {
                    let mut word = c.to_string();
                    while let Some(&c) = chars.peek() {
                        if c.is_whitespace() || "{}[]:,|\"".contains(c) {
                            break;
                        }
                        word.push(c);
                        chars.next();
                    }
                    tokens.push((line, Token::Word(word)));
                }
            }
        }
    }
    Ok(tokens)
}

fn describe(token: &Token) -> String {
    match token {
        Token::Punct(c) => format!("`{c}`"),
        Token::Text(text) => format!("\"{text}\""),
        Token::Word(word) => format!("`{word}`"),
    }
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    next: usize,
    last_line: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(_, token)| token)
    }

    fn take(&mut self, what: &str) -> Result<Token, ExampleError> {
        match self.tokens.get(self.next) {
            Some((_, token)) => {
                self.next += 1;
                Ok(token.clone())
            }
            None => Err(ExampleError {
                line: self.last_line,
                message: format!("the example ends where {what} was expected (unbalanced braces)"),
            }),
        }
    }

    fn unexpected(&self, token: &Token, what: &str) -> ExampleError {
        ExampleError {
            line: self.tokens[self.next - 1].0,
            message: format!("expected {what} in the example, found {}", describe(token)),
        }
    }

    fn value(&mut self) -> Result<Sample, ExampleError> {
        let first = self.single()?;
        if self.peek() != Some(&Token::Punct('|')) {
            return Ok(first);
        }
        let mut choices = vec![first];
        while self.peek() == Some(&Token::Punct('|')) {
            self.next += 1;
            choices.push(self.single()?);
        }
        Ok(Sample::Choice(choices))
    }

    fn single(&mut self) -> Result<Sample, ExampleError> {
        match self.take("a value")? {
            Token::Punct('{') => self.object(),
            Token::Punct('[') => {
                let mut items = Vec::new();
                if self.peek() == Some(&Token::Punct(']')) {
                    self.next += 1;
                    return Ok(Sample::List(items));
                }
                loop {
                    items.push(self.value()?);
                    match self.take("`,` or `]`")? {
                        Token::Punct(',') => {}
                        Token::Punct(']') => return Ok(Sample::List(items)),
                        other => return Err(self.unexpected(&other, "`,` or `]`")),
                    }
                }
            }
            Token::Text(text) => Ok(Sample::Word(format!("{text:?}"))),
            Token::Word(word) => Ok(Sample::Word(word)),
            other => Err(self.unexpected(&other, "a value")),
        }
    }

    fn object(&mut self) -> Result<Sample, ExampleError> {
        let mut entries = Vec::new();
        if self.peek() == Some(&Token::Punct('}')) {
            self.next += 1;
            return Ok(Sample::Object(entries));
        }
        loop {
            let key = match self.take("a key")? {
                Token::Text(key) => key,
                other => return Err(self.unexpected(&other, "a quoted key")),
            };
            match self.take("`:`")? {
                Token::Punct(':') => {}
                other => return Err(self.unexpected(&other, "`:`")),
            }
            entries.push((key, self.value()?));
            match self.take("`,` or `}`")? {
                Token::Punct(',') => {}
                Token::Punct('}') => return Ok(Sample::Object(entries)),
                other => return Err(self.unexpected(&other, "`,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Sample {
        Sample::Word(text.into())
    }

    #[test]
    fn reads_type_names_alternatives_and_nested_objects() {
        let sample = parse(
            "{\n\"data\": {\n\"op\": {\n\"errors\": [ErrorType],\n\"payload\": \"abc\" | 1 | true,\n\"content\": {\"key\": \"value\"}\n}\n}\n}",
        )
        .unwrap();
        let op = sample
            .only("data")
            .and_then(|data| data.only("op"))
            .unwrap();
        assert_eq!(
            op,
            &Sample::Object(vec![
                ("errors".into(), Sample::List(vec![word("ErrorType")])),
                (
                    "payload".into(),
                    Sample::Choice(vec![word("\"abc\""), word("1"), word("true")])
                ),
                (
                    "content".into(),
                    Sample::Object(vec![("key".into(), word("\"value\""))])
                ),
            ])
        );
        assert_eq!(op.keys(), ["errors", "payload", "content"]);
    }

    #[test]
    fn reports_unbalanced_and_malformed_examples_at_their_line() {
        assert_eq!(
            parse("{\n\"input\": X\n").unwrap_err(),
            ExampleError {
                line: 1,
                message: "the example ends where `,` or `}` was expected (unbalanced braces)"
                    .into()
            }
        );
        assert_eq!(
            parse("{\n\"a\" 1\n}").unwrap_err(),
            ExampleError {
                line: 1,
                message: "expected `:` in the example, found `1`".into()
            }
        );
        assert_eq!(
            parse("{}\n}").unwrap_err().message,
            "unexpected `}` after the end of the example"
        );
    }
}
