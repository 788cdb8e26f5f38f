//! Serde model of an introspection result (`__schema`), tolerant of partial answers:
//! bodies that were not requested are `None`, and a type reference may lack its `kind`.

use serde::Deserialize;

/// The `__schema` object.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    #[serde(default)]
    pub query_type: Option<RootRef>,
    #[serde(default)]
    pub mutation_type: Option<RootRef>,
    #[serde(default)]
    pub subscription_type: Option<RootRef>,
    pub types: Vec<FullType>,
    #[serde(default)]
    pub directives: Vec<DirectiveDef>,
}

/// The root operation types are given by name only.
#[derive(Debug, Clone, Deserialize)]
pub struct RootRef {
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TypeKind {
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// A named type with whatever parts of its body were requested.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FullType {
    pub kind: TypeKind,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default, rename = "specifiedByURL")]
    pub specified_by_url: Option<String>,
    #[serde(default)]
    pub fields: Option<Vec<Field>>,
    #[serde(default)]
    pub input_fields: Option<Vec<InputValue>>,
    #[serde(default)]
    pub interfaces: Option<Vec<TypeRef>>,
    #[serde(default)]
    pub enum_values: Option<Vec<EnumValue>>,
    #[serde(default)]
    pub possible_types: Option<Vec<TypeRef>>,
}

impl FullType {
    /// A type of `kind` with no body yet.
    pub fn new(kind: TypeKind, name: impl Into<String>) -> Self {
        FullType {
            kind,
            name: name.into(),
            description: None,
            specified_by_url: None,
            fields: None,
            input_fields: None,
            interfaces: None,
            enum_values: None,
            possible_types: None,
        }
    }

    /// Whether the part of the body that defines this kind of type was given.
    pub fn has_body(&self) -> bool {
        match self.kind {
            TypeKind::Object | TypeKind::Interface => self.fields.is_some(),
            TypeKind::InputObject => self.input_fields.is_some(),
            TypeKind::Enum => self.enum_values.is_some(),
            TypeKind::Union => self.possible_types.is_some(),
            TypeKind::Scalar | TypeKind::List | TypeKind::NonNull => true,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub args: Vec<InputValue>,
    #[serde(rename = "type")]
    pub ty: TypeRef,
    #[serde(default)]
    pub is_deprecated: bool,
    #[serde(default)]
    pub deprecation_reason: Option<String>,
}

/// An argument or an input field.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InputValue {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(rename = "type")]
    pub ty: TypeRef,
    /// A GraphQL literal, as the server printed it.
    #[serde(default)]
    pub default_value: Option<String>,
    #[serde(default)]
    pub is_deprecated: bool,
    #[serde(default)]
    pub deprecation_reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnumValue {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub is_deprecated: bool,
    #[serde(default)]
    pub deprecation_reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectiveDef {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub locations: Vec<String>,
    #[serde(default)]
    pub args: Vec<InputValue>,
    #[serde(default)]
    pub is_repeatable: bool,
}

/// A reference to a type: `NON_NULL` and `LIST` wrap `of_type`; a named type has `name`.
/// A partial result may omit `kind` (look the type up by name) or cut the chain short.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeRef {
    #[serde(default)]
    pub kind: Option<TypeKind>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub of_type: Option<Box<TypeRef>>,
}

impl TypeRef {
    pub fn named(name: impl Into<String>) -> Self {
        TypeRef {
            kind: None,
            name: Some(name.into()),
            of_type: None,
        }
    }

    pub fn non_null(inner: TypeRef) -> Self {
        TypeRef {
            kind: Some(TypeKind::NonNull),
            name: None,
            of_type: Some(Box::new(inner)),
        }
    }

    pub fn list(inner: TypeRef) -> Self {
        TypeRef {
            kind: Some(TypeKind::List),
            name: None,
            of_type: Some(Box::new(inner)),
        }
    }

    /// Parses SDL type notation such as `[String!]!`; `None` when malformed.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some(inner) = text.strip_suffix('!') {
            return Some(TypeRef::non_null(TypeRef::parse(inner)?));
        }
        if let Some(inner) = text.strip_prefix('[') {
            return Some(TypeRef::list(TypeRef::parse(inner.strip_suffix(']')?)?));
        }
        let is_name = !text.is_empty()
            && !text.starts_with(|c: char| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        is_name.then(|| TypeRef::named(text))
    }

    /// The named type at the core of the wrappers, if the chain was not cut short.
    pub fn innermost_name(&self) -> Option<&str> {
        match (&self.of_type, &self.name) {
            (Some(inner), _) => inner.innermost_name(),
            (None, Some(name)) => Some(name),
            (None, None) => None,
        }
    }

    /// Whether `other` fits this reference as far as it goes: the same wrappers and name
    /// down to where this chain was cut short.
    pub fn agrees_so_far(&self, other: &TypeRef) -> bool {
        match (self.kind, &self.of_type, &self.name) {
            (Some(kind @ (TypeKind::NonNull | TypeKind::List)), Some(inner), _) => {
                other.kind == Some(kind)
                    && other
                        .of_type
                        .as_ref()
                        .is_some_and(|o| inner.agrees_so_far(o))
            }
            (Some(TypeKind::NonNull | TypeKind::List), None, _) | (_, _, None) => true,
            (_, _, Some(name)) => other.name.as_ref() == Some(name) && other.of_type.is_none(),
        }
    }

    /// SDL notation (`[String!]!`), or `None` when the chain was cut short.
    pub fn to_sdl(&self) -> Option<String> {
        match (self.kind, &self.of_type, &self.name) {
            (Some(TypeKind::NonNull), Some(inner), _) => Some(format!("{}!", inner.to_sdl()?)),
            (Some(TypeKind::List), Some(inner), _) => Some(format!("[{}]", inner.to_sdl()?)),
            (Some(TypeKind::NonNull | TypeKind::List), None, _) => None,
            (_, _, Some(name)) => Some(name.clone()),
            (_, _, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_notation_round_trips() {
        for text in ["String", "ID!", "[Int]", "[[Foo!]]!"] {
            let parsed = TypeRef::parse(text).unwrap();
            assert_eq!(parsed.to_sdl().as_deref(), Some(text));
        }
        assert_eq!(
            TypeRef::parse("[Foo!]!").unwrap().innermost_name(),
            Some("Foo")
        );
        for bad in ["", "[Foo", "Foo]", "1Foo", "Fo o"] {
            assert_eq!(TypeRef::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn truncated_chain_has_no_notation() {
        let cut: TypeRef =
            serde_json::from_str(r#"{"name":null,"kind":"NON_NULL","ofType":{"name":null}}"#)
                .unwrap();
        assert_eq!(cut.to_sdl(), None);
        assert_eq!(cut.innermost_name(), None);
        let kindless: TypeRef =
            serde_json::from_str(r#"{"name":null,"kind":"NON_NULL","ofType":{"name":"Foo"}}"#)
                .unwrap();
        assert_eq!(kindless.to_sdl().as_deref(), Some("Foo!"));
        let full = |t: &str| TypeRef::parse(t).unwrap();
        assert!(cut.agrees_so_far(&full("[Foo]!")));
        assert!(!cut.agrees_so_far(&full("[Foo]")));
        assert!(kindless.agrees_so_far(&full("Foo!")));
        assert!(!kindless.agrees_so_far(&full("Bar!")));
    }
}
