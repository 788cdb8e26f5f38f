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
//! 5. **Prelude names.** Generated modules use the prelude's `Option`, `Some`, `None`,
//!    `Result`, `Ok`, `String`, `Vec`, `Box` and `Into` unqualified, so a module's type
//!    namespace ([`Namespace::items`]) reserves them: a GraphQL type `Option` becomes
//!    `Option2` instead of shadowing the prelude.
//! 6. **Wire names.** A struct whose fields mostly match their GraphQL names under
//!    serde's `camelCase` rule (`ledger_number` → `ledgerNumber`) carries
//!    `#[serde(rename_all = "camelCase")]`; then, or otherwise as written, a field whose
//!    wire name still differs carries `#[serde(rename = "...")]`, and no other does
//!    ([`WireNames`]).
//! 7. **Operation modules.** An operation's module under `operations` is its operation
//!    name in `snake_case` ([`operation_module`]: `AccountViewer` → `account_viewer`),
//!    so it depends on that operation alone: adding, removing or renaming another never
//!    moves it. Two operation names with the same module are an error, never suffixed.
//! 8. **Client methods.** An operation's method in the client-methods trait is its
//!    module name ([`client_methods`]), except that the names the trait inherits from the
//!    runtime's `Execute` are reserved: an operation `Execute` gets `execute_2`.

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

/// Prelude items generated modules name unqualified (rule 5).
const PRELUDE: &[&str] = &[
    "Box", "Into", "None", "Ok", "Option", "Result", "Some", "String", "Vec",
];

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

/// How a struct's fields (or an enum's variants) get their wire names (rule 6); the
/// default is names as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WireNames {
    /// The struct carries `#[serde(rename_all = "camelCase")]`.
    pub camel_case: bool,
}

impl WireNames {
    /// Picks `camelCase` when it leaves fewer fields needing their own rename.
    pub fn of<'a>(fields: impl IntoIterator<Item = (&'a Ident, &'a str)> + Clone) -> Self {
        let misses = |camel_case: bool| {
            let names = WireNames { camel_case };
            fields
                .clone()
                .into_iter()
                .filter(|(ident, wire)| names.needs_rename(ident, wire))
                .count()
        };
        WireNames {
            camel_case: misses(true) < misses(false),
        }
    }

    /// True when the field named `ident` needs `#[serde(rename = graphql)]`.
    pub fn needs_rename(&self, ident: &Ident, graphql: &str) -> bool {
        let name = unraw(ident);
        if self.camel_case {
            serde_camel_case(&name) != graphql
        } else {
            name != graphql
        }
    }
}

/// The wire name serde's `rename_all = "camelCase"` gives a field, by serde's own rule
/// (not heck's): `_` dropped, the character after each `_` and the first one
/// upper-cased, then the first one lower-cased.
fn serde_camel_case(field: &str) -> String {
    let mut pascal = String::with_capacity(field.len());
    let mut capitalize = true;
    for ch in field.chars() {
        if ch == '_' {
            capitalize = true;
        } else if capitalize {
            pascal.push(ch.to_ascii_uppercase());
            capitalize = false;
        } else {
            pascal.push(ch);
        }
    }
    let mut chars = pascal.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => pascal,
    }
}

/// The `UpperCamelCase` variant name of an error code (rule 1).
pub fn error_code_variant(code: &str) -> String {
    convert(code, Case::Pascal)
}

/// The module of the operation named `operation_name` (rule 7).
pub fn operation_module(operation_name: &str) -> Ident {
    ident(&convert(operation_name, Case::Snake))
}

/// The namespace of the client-methods trait's methods (rule 8): each operation's
/// method is [`Namespace::name`] of its operation name.
pub fn client_methods() -> Namespace {
    let mut names = Namespace::new(Case::Snake);
    names.reserve("execute");
    names
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

    /// The type namespace of a generated module, with the prelude names it uses
    /// reserved (rule 5).
    pub fn items() -> Self {
        let mut names = Namespace::new(Case::Pascal);
        for name in PRELUDE {
            names.reserve(name);
        }
        names
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

    #[test]
    fn camel_case_is_serdes_rule() {
        let cases = [
            ("ledger_number", "ledgerNumber"),
            ("address_line_1", "addressLine1"),
            ("typename", "typename"),
            ("_private", "private"),
            ("a__b", "aB"),
            ("", ""),
        ];
        for (field, wire) in cases {
            assert_eq!(serde_camel_case(field), wire, "{field}");
        }
    }

    #[test]
    fn wire_names_pick_the_rule_with_fewer_renames() {
        let fields = [ident("ledger_number"), ident("type"), ident("id")];
        let camel = WireNames::of(fields.iter().zip(["ledgerNumber", "type", "id"]));
        assert!(camel.camel_case);
        let renamed: Vec<_> = fields
            .iter()
            .zip(["ledgerNumber", "type", "id"])
            .filter(|(field, wire)| camel.needs_rename(field, wire))
            .collect();
        assert!(renamed.is_empty());
        let plain = WireNames::of(fields.iter().zip(["ledger_number", "type", "ID"]));
        assert_eq!(plain, WireNames::default());
        assert!(plain.needs_rename(&fields[2], "ID"));
        assert!(!plain.needs_rename(&fields[0], "ledger_number"));
    }

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
    fn an_operation_module_is_its_own_name_in_snake_case() {
        let modules: Vec<String> = ["AccountViewer", "obtainKrakenToken", "Type", "Self", "2FA"]
            .iter()
            .map(|name| operation_module(name).to_string())
            .collect();
        assert_eq!(
            modules,
            [
                "account_viewer",
                "obtain_kraken_token",
                "r#type",
                "self_",
                "_2fa"
            ]
        );
    }

    #[test]
    fn a_client_method_is_its_operation_module_except_inherited_names() {
        let mut names = client_methods();
        let methods: Vec<String> = ["CreateKonbiniPayment", "Type", "Execute", "execute"]
            .iter()
            .map(|name| names.name(name).to_string())
            .collect();
        assert_eq!(
            methods,
            ["create_konbini_payment", "r#type", "execute_2", "execute_3"]
        );
        assert_eq!(
            operation_module("CreateKonbiniPayment").to_string(),
            methods[0]
        );
    }

    #[test]
    fn rename_only_when_names_differ() {
        let plain = WireNames::default();
        assert!(!plain.needs_rename(&ident("name"), "name"));
        assert!(!plain.needs_rename(&Ident::new_raw("type", Span::call_site()), "type"));
        assert!(plain.needs_rename(&ident("foo_bar"), "fooBar"));
        assert_eq!(error_code_variant("KT-CT-1111"), "KtCt1111");
    }
}
