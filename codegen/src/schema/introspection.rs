//! The spec's introspection types (GraphQL, October 2021 edition, §4.2) and the query
//! root's `__schema` and `__type` meta-fields: part of every schema, as the built-in
//! scalars are, whether or not the SDL declares them.

use graphql_parser::schema::Document;

use crate::diagnostic::SourceFile;

/// Where the built-in definitions appear in diagnostics.
const PATH: &str = "<GraphQL introspection types>";

/// The type whose fields are the query root's meta-fields. It holds them for indexing
/// only and is not a type of the schema.
pub const META_FIELDS: &str = "__MetaFields";

/// The spec's definitions, then the meta-fields.
const SDL: &str = r#"type __Schema {
  description: String
  types: [__Type!]!
  queryType: __Type!
  mutationType: __Type
  subscriptionType: __Type
  directives: [__Directive!]!
}

type __Type {
  kind: __TypeKind!
  name: String
  description: String
  specifiedByURL: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields(includeDeprecated: Boolean = false): [__InputValue!]
  ofType: __Type
}

enum __TypeKind {
  SCALAR
  OBJECT
  INTERFACE
  UNION
  ENUM
  INPUT_OBJECT
  LIST
  NON_NULL
}

type __Field {
  name: String!
  description: String
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
}

type __InputValue {
  name: String!
  description: String
  type: __Type!
  defaultValue: String
  isDeprecated: Boolean!
  deprecationReason: String
}

type __EnumValue {
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
}

type __Directive {
  name: String!
  description: String
  locations: [__DirectiveLocation!]!
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  isRepeatable: Boolean!
}

enum __DirectiveLocation {
  QUERY
  MUTATION
  SUBSCRIPTION
  FIELD
  FRAGMENT_DEFINITION
  FRAGMENT_SPREAD
  INLINE_FRAGMENT
  VARIABLE_DEFINITION
  SCHEMA
  SCALAR
  OBJECT
  FIELD_DEFINITION
  ARGUMENT_DEFINITION
  INTERFACE
  UNION
  ENUM
  ENUM_VALUE
  INPUT_OBJECT
  INPUT_FIELD_DEFINITION
}

type __MetaFields {
  __schema: __Schema!
  __type(name: String!): __Type
}
"#;

/// The built-in file and its definitions, less the types `declared` already defines (an
/// SDL that declares the introspection types keeps its own).
pub fn definitions(declared: impl Fn(&str) -> bool) -> (SourceFile, Document<'static, String>) {
    let mut document = graphql_parser::parse_schema::<String>(SDL)
        .expect("the built-in introspection SDL parses")
        .into_static();
    document
        .definitions
        .retain(|definition| match super::type_name(definition) {
            Some(name) => name == META_FIELDS || !declared(name),
            None => true,
        });
    (SourceFile::new(PATH, SDL), document)
}
