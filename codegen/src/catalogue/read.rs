//! Reading a catalogue file's parsed TOML into its on-disk struct ([`super::files`]).
//!
//! Every value is checked for its type and every table for unknown keys, and each
//! problem is reported as a message and the byte span it is about, which the loader
//! turns into file:line:col. This is all the catalogue needs of TOML, so build scripts
//! compile the `toml` parser without serde.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// What is wrong with a catalogue file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Byte span in the file's text.
    pub span: Range<usize>,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, ReadError>;

fn error<T>(span: Range<usize>, message: String) -> Result<T> {
    Err(ReadError { span, message })
}

/// Parses `text` as a TOML document.
pub fn parse(text: &str) -> Result<Spanned<DeTable<'_>>> {
    DeTable::parse(text).map_err(|parse_error| {
        let span = parse_error.span().unwrap_or(0..0);
        let mut message = parse_error.message().trim_end().to_string();
        // The parser's message does not say which key; its span does.
        if message == "duplicate key" {
            message = format!("duplicate key `{}`", &text[span.clone()]);
        }
        ReadError { span, message }
    })
}

/// A table whose keys have been checked against the ones its kind may have.
#[derive(Debug)]
pub struct Table<'t, 'i> {
    entries: &'t DeTable<'i>,
    span: Range<usize>,
    /// How messages name the table, e.g. "an operation file" or "`[endpoints]`".
    name: &'static str,
}

impl<'t, 'i> Table<'t, 'i> {
    /// The document's top-level table.
    pub fn document(
        document: &'t Spanned<DeTable<'i>>,
        name: &'static str,
        keys: &[&str],
    ) -> Result<Self> {
        Table::checked(document.get_ref(), document.span(), name, keys)
    }

    fn checked(
        entries: &'t DeTable<'i>,
        span: Range<usize>,
        name: &'static str,
        keys: &[&str],
    ) -> Result<Self> {
        if let Some((key, _)) = entries
            .iter()
            .find(|(key, _)| !keys.contains(&key.get_ref().as_ref()))
        {
            return error(
                key.span(),
                format!(
                    "unknown key `{}` in {name}; expected one of: {}",
                    key.get_ref(),
                    keys.join(", ")
                ),
            );
        }
        Ok(Table {
            entries,
            span,
            name,
        })
    }

    fn value(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.entries.get(key)
    }

    fn missing(&self, key: &str) -> ReadError {
        ReadError {
            span: self.span.start..self.span.start,
            message: format!("missing key `{key}` in {}", self.name),
        }
    }

    /// The string at `key`, with its span, if present.
    pub fn spanned_string(&self, key: &str) -> Result<Option<Spanned<String>>> {
        self.value(key).map(|value| string(key, value)).transpose()
    }

    /// The string at `key`, if present.
    pub fn string(&self, key: &str) -> Result<Option<String>> {
        Ok(self.spanned_string(key)?.map(Spanned::into_inner))
    }

    /// The string at `key`, which must be present.
    pub fn required_string(&self, key: &str) -> Result<Spanned<String>> {
        self.spanned_string(key)?.ok_or_else(|| self.missing(key))
    }

    /// The array of strings at `key`, each with its span; empty when absent.
    pub fn spanned_strings(&self, key: &str) -> Result<Vec<Spanned<String>>> {
        self.array(key)?
            .iter()
            .map(|item| string(key, item))
            .collect()
    }

    /// The array of strings at `key`; empty when absent.
    pub fn strings(&self, key: &str) -> Result<Vec<String>> {
        Ok(self
            .spanned_strings(key)?
            .into_iter()
            .map(Spanned::into_inner)
            .collect())
    }

    /// The table at `key` (named `name` in messages), if present.
    pub fn table(
        &self,
        key: &str,
        name: &'static str,
        keys: &[&str],
    ) -> Result<Option<Table<'t, 'i>>> {
        self.value(key)
            .map(|value| table(key, value, name, keys))
            .transpose()
    }

    /// The table at `key`, which must be present.
    pub fn required_table(
        &self,
        key: &str,
        name: &'static str,
        keys: &[&str],
    ) -> Result<Table<'t, 'i>> {
        self.table(key, name, keys)?
            .ok_or_else(|| self.missing(key))
    }

    /// The array of tables at `key` (`[[key]]`); empty when absent.
    pub fn tables(
        &self,
        key: &str,
        name: &'static str,
        keys: &[&str],
    ) -> Result<Vec<Table<'t, 'i>>> {
        self.array(key)?
            .iter()
            .map(|item| table(key, item, name, keys))
            .collect()
    }

    /// Every entry of the table at `key`, each value a string; the table must be present.
    pub fn required_string_map(&self, key: &str) -> Result<BTreeMap<String, String>> {
        let value = self.value(key).ok_or_else(|| self.missing(key))?;
        Ok(string_entries(key, value)?
            .into_iter()
            .map(|(name, value)| (name.into_inner(), value.into_inner()))
            .collect())
    }

    /// Every entry of the table at `key` in file order, keys and string values with
    /// their spans; empty when absent.
    pub fn spanned_string_map(&self, key: &str) -> Result<Vec<(Spanned<String>, Spanned<String>)>> {
        self.value(key)
            .map_or(Ok(Vec::new()), |value| string_entries(key, value))
    }

    fn array(&self, key: &str) -> Result<&'t [Spanned<DeValue<'i>>]> {
        match self.value(key) {
            None => Ok(&[]),
            Some(value) => match value.get_ref() {
                DeValue::Array(items) => Ok(items),
                _ => error(value.span(), expected(key, "an array", value)),
            },
        }
    }
}

/// The entries of a table whose values are strings, in file order.
fn string_entries(
    key: &str,
    value: &Spanned<DeValue<'_>>,
) -> Result<Vec<(Spanned<String>, Spanned<String>)>> {
    let DeValue::Table(entries) = value.get_ref() else {
        return error(value.span(), expected(key, "a table", value));
    };
    let mut entries: Vec<_> = entries
        .iter()
        .map(|(name, value)| {
            let text = string(name.get_ref(), value)?;
            Ok((Spanned::new(name.span(), name.get_ref().to_string()), text))
        })
        .collect::<Result<_>>()?;
    entries.sort_by_key(|(name, _)| name.span().start);
    Ok(entries)
}

fn string(key: &str, value: &Spanned<DeValue<'_>>) -> Result<Spanned<String>> {
    match value.get_ref() {
        DeValue::String(text) => Ok(Spanned::new(value.span(), text.to_string())),
        _ => error(value.span(), expected(key, "a string", value)),
    }
}

fn table<'t, 'i>(
    key: &str,
    value: &'t Spanned<DeValue<'i>>,
    name: &'static str,
    keys: &[&str],
) -> Result<Table<'t, 'i>> {
    match value.get_ref() {
        DeValue::Table(entries) => Table::checked(entries, value.span(), name, keys),
        _ => error(value.span(), expected(key, "a table", value)),
    }
}

/// "`key` must be a string, not an integer".
fn expected(key: &str, wanted: &str, found: &Spanned<DeValue<'_>>) -> String {
    let found = match found.get_ref() {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a datetime",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    };
    format!("`{key}` must be {wanted}, not {found}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &["name", "tags", "inner", "items", "map"];

    /// Reads `text` with `read`, returning the error's message and the text it spans.
    fn read_error(text: &str, read: impl Fn(&Table<'_, '_>) -> Result<()>) -> (String, String) {
        let error = parse(text)
            .and_then(|document| read(&Table::document(&document, "the file", KEYS)?))
            .unwrap_err();
        (error.message, text[error.span].to_string())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let text = "name = \"a\"\ntags = [\"x\", \"y\"]\nmap = { k = \"v\" }\n\
                    [inner]\nname = \"b\"\n[[items]]\nname = \"c\"\n[[items]]\nname = \"d\"\n";
        let document = parse(text).unwrap();
        let table = Table::document(&document, "the file", KEYS).unwrap();
        let name = table.required_string("name").unwrap();
        assert_eq!(
            (name.get_ref().as_str(), &text[name.span()]),
            ("a", "\"a\"")
        );
        assert_eq!(table.strings("tags").unwrap(), ["x", "y"]);
        assert_eq!(
            table.required_string_map("map").unwrap(),
            BTreeMap::from([("k".to_string(), "v".to_string())])
        );
        let inner = table.required_table("inner", "`[inner]`", KEYS).unwrap();
        assert_eq!(inner.string("name").unwrap().as_deref(), Some("b"));
        let items: Vec<Option<String>> = table
            .tables("items", "an item", KEYS)
            .unwrap()
            .iter()
            .map(|item| item.string("name").unwrap())
            .collect();
        assert_eq!(items, [Some("c".to_string()), Some("d".to_string())]);
        assert_eq!(table.string("absent").unwrap(), None);
        assert_eq!(table.strings("absent").unwrap(), Vec::<String>::new());
        assert!(table.tables("absent", "an item", KEYS).unwrap().is_empty());
    }

    #[test]
    fn reports_each_problem_at_its_place() {
        type Read = fn(&Table<'_, '_>) -> Result<()>;
        // The text, what is read from it, the message, and the text the error spans.
        let cases: [(&str, Read, &str, &str); 8] = [
            (
                "name = \"a\"\nnmae = \"b\"\n",
                |table| table.string("name").map(drop),
                "unknown key `nmae` in the file; expected one of: name, tags, inner, items, map",
                "nmae",
            ),
            (
                "name = 3\n",
                |table| table.string("name").map(drop),
                "`name` must be a string, not an integer",
                "3",
            ),
            (
                "tags = [\"x\", true]\n",
                |table| table.strings("tags").map(drop),
                "`tags` must be a string, not a boolean",
                "true",
            ),
            (
                "tags = \"x\"\n",
                |table| table.strings("tags").map(drop),
                "`tags` must be an array, not a string",
                "\"x\"",
            ),
            (
                "inner = 1.5\n",
                |table| table.table("inner", "`[inner]`", KEYS).map(drop),
                "`inner` must be a table, not a float",
                "1.5",
            ),
            (
                "[inner]\nother = 1\n",
                |table| table.table("inner", "`[inner]`", &["name"]).map(drop),
                "unknown key `other` in `[inner]`; expected one of: name",
                "other",
            ),
            (
                "map = { k = 1 }\n",
                |table| table.required_string_map("map").map(drop),
                "`k` must be a string, not an integer",
                "1",
            ),
            (
                "tags = []\n",
                |table| table.required_string("name").map(drop),
                "missing key `name` in the file",
                "",
            ),
        ];
        for (text, read, message, spanned) in cases {
            assert_eq!(
                read_error(text, read),
                (message.to_string(), spanned.to_string()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn reports_syntax_errors_at_their_place() {
        assert_eq!(
            parse("name = \"a\"\nname = \"b\"\n").unwrap_err(),
            ReadError {
                span: 11..15,
                message: "duplicate key `name`".to_string()
            }
        );
        assert_eq!(
            parse("name = \n").unwrap_err(),
            ReadError {
                span: 7..7,
                message: "string values must be quoted, expected literal string".to_string()
            }
        );
    }
}
