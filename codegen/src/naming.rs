//! Every Rust identifier the generator emits comes from here.
//!
//! # The rules
//!
//! 1. **Case.** Types, enum variants and union members are `UpperCamelCase`; fields,
//!    methods and modules are `snake_case` (conversion by `heck`). Error-code variants
//!    are the code itself in `UpperCamelCase` (`KT-CT-1111` → `KtCt1111`), so adding a
//!    code to the catalogue never renames an existing variant.
//! 2. **Unusable results.** A name with no letter or digit left after conversion becomes
//!    `unnamed` (`Unnamed`); a name starting with a digit gets a leading `_`.
//! 3. **Keywords.** A Rust keyword becomes a raw identifier (`type` → `r#type`), except
//!    `self`, `Self`, `super` and `crate`, which cannot be raw and get a trailing `_`
//!    (`self_`).
//! 4. **Collisions.** Each scope (a module's types, a struct's fields, an enum's
//!    variants, a type's methods) is a [`Namespace`]. Names the generator itself needs
//!    (`new`, `Variables`, `ResponseData`, `ErrorCode`, the catch-all variants) are
//!    reserved first; then GraphQL names are added in schema or document order. A name
//!    already taken gets the smallest numeric suffix from 2 that is free: `fooBar` and
//!    `foo_bar` both convert to `foo_bar`, so the later one becomes `foo_bar_2`
//!    (`FooBar2` for types and variants).
//! 5. **Wire names.** A field whose Rust name differs from its GraphQL name carries
//!    `#[serde(rename = "...")]`; no other field does ([`needs_rename`]).

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// The two spellings of generated identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `UpperCamelCase`: types, variants.
    Pascal,
    /// `snake_case`: fields, methods, modules.
    Snake,
}

/// Keywords that `r#` makes usable.
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized",
    "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// The converted spelling of `name` (rules 1 and 2), before keyword handling.
fn convert(name: &str, case: Case) -> String {
    let converted = match case {
        Case::Pascal => name.to_upper_camel_case(),
        Case::Snake => name.to_snake_case(),
    };
    if converted.is_empty() {
        return match case {
            Case::Pascal => "Unnamed".to_string(),
            Case::Snake => "unnamed".to_string(),
        };
    }
    if converted.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{converted}")
    } else {
        converted
    }
}

/// A Rust identifier for an already converted name (rule 3).
pub fn ident(name: &str) -> Ident {
    if NON_RAW_KEYWORDS.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if RAW_KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// The identifier as written without `r#`, which is what serde sees.
pub fn unraw(ident: &Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").map_or(text.clone(), str::to_string)
}

/// True when a field named `ident` needs `#[serde(rename = graphql)]` (rule 5).
pub fn needs_rename(ident: &Ident, graphql: &str) -> bool {
    unraw(ident) != graphql
}

/// The `UpperCamelCase` variant name of an error code (rule 1).
pub fn error_code_variant(code: &str) -> String {
    convert(code, Case::Pascal)
}

/// One scope of names; see rule 4.
#[derive(Debug, Clone)]
pub struct Namespace {
    case: Case,
    taken: BTreeSet<String>,
}

impl Namespace {
    pub fn new(case: Case) -> Self {
        Namespace {
            case,
            taken: BTreeSet::new(),
        }
    }

    /// Takes a name the generator needs, exactly as given.
    pub fn reserve(&mut self, name: &str) -> Ident {
        self.take(name.to_string())
    }

    /// Converts a GraphQL (or generator-made) name and takes it, suffixed if needed.
    pub fn name(&mut self, source: &str) -> Ident {
        self.take(convert(source, self.case))
    }

    fn take(&mut self, base: String) -> Ident {
        let mut candidate = base.clone();
        let mut suffix = 2;
        while self.taken.contains(&candidate) {
            candidate = match self.case {
                Case::Pascal => format!("{base}{suffix}"),
                Case::Snake => format!("{base}_{suffix}"),
            };
            suffix += 1;
        }
        self.taken.insert(candidate.clone());
        ident(&candidate)
    }
}

/// `UpperCamelCase` of a name, for building compound type names.
pub fn pascal(name: &str) -> String {
    convert(name, Case::Pascal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(case: Case, sources: &[&str]) -> Vec<String> {
        let mut namespace = Namespace::new(case);
        sources
            .iter()
            .map(|source| namespace.name(source).to_string())
            .collect()
    }

    #[test]
    fn converts_case_and_escapes_keywords() {
        assert_eq!(
            names(
                Case::Snake,
                &[
                    "fooBar",
                    "type",
                    "self",
                    "crate",
                    "__typename",
                    "match",
                    "ID",
                    "_1st"
                ]
            ),
            ["foo_bar", "r#type", "self_", "crate_", "typename", "r#match", "id", "_1st"]
        );
        assert_eq!(
            names(
                Case::Pascal,
                &["UUID", "JSONString", "Self", "IN_PROGRESS", "_"]
            ),
            ["Uuid", "JsonString", "Self_", "InProgress", "Unnamed"]
        );
    }

    #[test]
    fn later_collision_gets_the_smallest_free_suffix() {
        assert_eq!(
            names(Case::Snake, &["fooBar", "foo_bar", "FooBar", "foo_bar_2"]),
            ["foo_bar", "foo_bar_2", "foo_bar_3", "foo_bar_2_2"]
        );
        assert_eq!(
            names(Case::Pascal, &["fooBar", "foo_bar"]),
            ["FooBar", "FooBar2"]
        );
    }

    #[test]
    fn reserved_names_win() {
        let mut namespace = Namespace::new(Case::Pascal);
        assert_eq!(
            namespace.reserve("UnknownMember").to_string(),
            "UnknownMember"
        );
        assert_eq!(
            namespace.name("unknownMember").to_string(),
            "UnknownMember2"
        );
        let mut methods = Namespace::new(Case::Snake);
        methods.reserve("new");
        assert_eq!(methods.name("new").to_string(), "new_2");
    }

    #[test]
    fn rename_only_when_names_differ() {
        assert!(!needs_rename(&ident("name"), "name"));
        assert!(!needs_rename(
            &Ident::new_raw("type", Span::call_site()),
            "type"
        ));
        assert!(needs_rename(&ident("foo_bar"), "fooBar"));
        assert_eq!(error_code_variant("KT-CT-1111"), "KtCt1111");
    }
}
