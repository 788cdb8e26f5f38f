//! A synthetic project for scaling runs: a schema of 2,000 named types and a catalogue
//! of N mutations, laid out like the JP project (`schema/kraken-jp.graphql`,
//! `schema/catalogue/`), so `Project` and `kraken-codegen regenerate --root` read it.
//!
//! The schema is the same for every N (one mutation field per possible operation), so
//! only the operations grow. Each operation takes a nested input object and selects
//! scalars, an enum, nested objects, lists and a `...XFragment` placeholder; operation
//! `i` uses types of its own (`Input<i>`, `Object<i>`, `Object<i+1>`; indices wrap at
//! 949), so the code generated per operation stays about the same as N grows.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// Enum types in the schema.
const ENUMS: usize = 100;
/// Input object types; each even one nests the next.
const INPUTS: usize = 949;
/// Object types: 100 + 949 + 949 + `Query` and `Mutation` = 2,000 types.
const OBJECTS: usize = 949;
/// Mutation fields, hence the most operations a catalogue can have.
const MAX_OPERATIONS: usize = 1_000;
/// Error codes in the catalogue's table.
const ERROR_CODES: usize = 50;

/// Writes the schema and a catalogue of `operations` mutations under `root`.
pub fn write(root: &Path, operations: usize) -> io::Result<()> {
    if operations > MAX_OPERATIONS {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("at most {MAX_OPERATIONS} operations"),
        ));
    }
    let schema_dir = root.join("schema");
    let operations_dir = schema_dir.join("catalogue/operations");
    fs::create_dir_all(&operations_dir)?;
    fs::write(schema_dir.join("kraken-jp.graphql"), schema())?;
    fs::write(schema_dir.join("catalogue/catalogue.toml"), catalogue())?;
    for index in 0..operations {
        fs::write(
            operations_dir.join(format!("op{index}.graphql")),
            document(index),
        )?;
        fs::write(
            operations_dir.join(format!("op{index}.toml")),
            metadata(index),
        )?;
    }
    Ok(())
}

fn schema() -> String {
    let mut sdl = String::from("type Query {\n  object(id: ID!): Object0\n}\n\n");
    sdl.push_str("type Mutation {\n");
    for index in 0..MAX_OPERATIONS {
        let _ = writeln!(
            sdl,
            "  \"Operation {index}.\"\n  op{index}(input: Input{}!, limit: Int): Object{}",
            index % INPUTS,
            index % OBJECTS
        );
    }
    sdl.push_str("}\n");
    for index in 0..ENUMS {
        let _ = write!(
            sdl,
            "\n\"Enum {index}.\"\nenum Enum{index} {{\n  ALPHA\n  BETA\n  GAMMA\n  DELTA\n}}\n"
        );
    }
    for index in 0..INPUTS {
        let _ = write!(
            sdl,
            "\n\"Input {index}.\"\ninput Input{index} {{\n  id: ID!\n  name: String\n  \
             count: Int\n  at: DateTime\n  kind: Enum{}\n  tags: [String!]\n",
            index % ENUMS
        );
        if index % 2 == 0 && index + 1 < INPUTS {
            let _ = writeln!(sdl, "  child: Input{}", index + 1);
        }
        sdl.push_str("}\n");
    }
    for index in 0..OBJECTS {
        let _ = write!(
            sdl,
            "\n\"Object {index}.\"\ntype Object{index} {{\n  \"The id.\"\n  id: ID!\n  \
             name: String\n  count: Int\n  score: Float\n  active: Boolean!\n  \
             at: DateTime\n  kind: Enum{}\n  next: Object{}\n  items: [Object{}!]!\n}}\n",
            index % ENUMS,
            (index + 1) % OBJECTS,
            (index * 7 + 3) % OBJECTS
        );
    }
    // The scalars the JP project layout maps (`Project::builder`), which `regenerate`
    // uses for this schema too.
    sdl.push_str("\nscalar DateTime\nscalar BigInt\nscalar NonEmptyID\n");
    sdl
}

fn catalogue() -> String {
    let mut toml = String::from(
        "[endpoints]\napi = \"https://api.example.com/graphql/\"\n\
         auth = \"https://auth.example.com/graphql/\"\n\n[errors]\n",
    );
    for code in 0..ERROR_CODES {
        let _ = writeln!(toml, "E-{code} = \"Error {code}.\"");
    }
    toml
}

fn document(index: usize) -> String {
    let object = index % OBJECTS;
    let next = (object + 1) % OBJECTS;
    format!(
        "mutation Op{index}($input: Input{input}!, $limit: Int) {{\n\
         op{index}(input: $input, limit: $limit) {{\n\
         id\nname\nkind\nat\n\
         next {{\n...Object{next}Fragment\nitems {{\nid\ncount\n}}\n}}\n\
         items {{\nid\nscore\nnext {{\nid\nactive\n}}\n}}\n\
         }}\n}}\n",
        input = index % INPUTS,
    )
}

fn metadata(index: usize) -> String {
    format!(
        "endpoint = \"api\"\ndescription = \"Operation {index}.\"\n\
         errors = [\"E-{}\", \"E-{}\"]\n",
        index % ERROR_CODES,
        (index + 1) % ERROR_CODES
    )
}
