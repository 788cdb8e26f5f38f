//! One test per kind of change: which operations list it, and how.

use super::*;
use crate::diagnostic::SourceFile;

/// What `compare` reports for one operation (`document`, named `Q` when written as a
/// bare selection) validated against `old`: the lines listed under it, then the other
/// changes, each as `label: change`.
fn exposure(old: &str, new: &str, document: &str) -> (Vec<String>, Vec<String>) {
    let load = |name: &str, text: &str| {
        schema::from_sources(vec![SourceFile::new(name, text)]).expect("the SDL loads")
    };
    let (old, new) = (load("old.graphql", old), load("new.graphql", new));
    let document = match document.strip_prefix('{') {
        Some(selection) => format!("query Q {{{selection}"),
        None => document.to_string(),
    };
    let source = ExecutableSource {
        file: SourceFile::new("op.graphql", document),
        docs: None,
    };
    let ir =
        validate::resolve(&old, &[source], &Options::default()).expect("the operation validates");
    let today = super::date::parse("2026-06-16").unwrap();
    let report = compare(&old, &new, &ir.operations, today).expect("the wire document parses");
    let line =
        |severity: &str, change: &Change| format!("{severity} {}: {change}", change.kind.label());
    let op = &report.operations[0];
    let listed = op
        .breaking
        .iter()
        .map(|change| line("breaking", change))
        .chain(op.risky.iter().map(|change| line("risky", change)))
        .collect();
    let other = report
        .other
        .iter()
        .map(|change| line("other", change))
        .collect();
    (listed, other)
}

fn lines(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| text.to_string()).collect()
}

#[test]
fn a_removed_type_breaks_the_operations_reaching_it() {
    let old = "type Query { a: A b: B } type A { x: Int } type B { y: Int }";
    let new = "type Query { a: A b: Int } type A { x: Int }";
    let (listed, other) = exposure(old, new, "{ b { y } }");
    assert_eq!(
        listed,
        lines(&[
            "breaking type removed: B (was object)",
            "breaking field type changed: Query.b: B → Int",
        ])
    );
    assert!(other.is_empty());
    let (listed, other) = exposure(old, new, "{ a { x } }");
    assert!(listed.is_empty());
    assert_eq!(
        other,
        lines(&[
            "other type removed: B (was object)",
            "other field type changed: Query.b: B → Int",
        ])
    );
}

#[test]
fn a_type_of_another_kind_breaks() {
    let old = "type Query { a: A } type A { x: Int }";
    let new = "type Query { a: A } interface A { x: Int } type C implements A { x: Int }";
    let (listed, other) = exposure(old, new, "{ a { x } }");
    assert_eq!(
        listed,
        lines(&["breaking type kind changed: A: object → interface"])
    );
    assert_eq!(
        other,
        lines(&[
            "other implementation added: C implements A",
            "other type added: C: object"
        ])
    );
}

#[test]
fn removed_and_retyped_fields_break_where_selected() {
    let old = "type Query { a: A } type A { x: Int! y: Int z: String w: Int }";
    let new = "type Query { a: A } type A { x: Int y: Int! z: [String] v: Int }";
    let (listed, other) = exposure(old, new, "{ a { x y z } }");
    assert_eq!(
        listed,
        lines(&[
            "breaking field type changed: A.x: Int! → Int",
            "breaking field type changed: A.z: String → [String]",
        ])
    );
    assert_eq!(
        other,
        lines(&[
            "other field removed: A.w (was Int)",
            "other field made non-null: A.y: Int → Int!",
            "other field added: A.v: Int",
        ])
    );
    let (listed, _) = exposure(old, new, "{ a { w } }");
    assert_eq!(listed, lines(&["breaking field removed: A.w (was Int)"]));
}

#[test]
fn argument_changes_break_operations_that_give_it_or_must_now() {
    let old = "type Query { a(x: Int, y: Int, z: Int!, w: String): Int }";
    let new = "type Query { a(x: String, y: Int!, z: Int, n: Int!, o: Int): Int }";
    let (listed, other) = exposure(
        old,
        new,
        "query Q($y: Int!) { a(x: 1, y: $y, z: 2, w: \"w\") }",
    );
    assert_eq!(
        listed,
        lines(&[
            "breaking argument removed: Query.a(w:) (was String)",
            "breaking argument type changed: Query.a(x:): Int → String",
            "breaking required argument added: Query.a(n:): Int!",
        ])
    );
    // It gives a non-null value to the argument made required.
    assert_eq!(
        other,
        lines(&[
            "other argument made required: Query.a(y:): Int → Int!",
            "other argument made nullable: Query.a(z:): Int! → Int",
            "other optional argument added: Query.a(o:): Int",
        ])
    );
    // An argument made required breaks an operation that leaves it out or may give null.
    let (listed, _) = exposure(old, new, "query Q($y: Int) { a(y: $y, z: 1) }");
    assert_eq!(
        listed,
        lines(&[
            "breaking argument made required: Query.a(y:): Int → Int!",
            "breaking required argument added: Query.a(n:): Int!",
        ])
    );
}

#[test]
fn a_new_default_is_risky_for_operations_that_rely_on_the_old_one() {
    let old = "enum O { ASC DESC } type Query { a(o: O = ASC): Int }";
    let new = "enum O { ASC DESC } type Query { a(o: O = DESC): Int }";
    let (listed, _) = exposure(old, new, "{ a }");
    assert_eq!(
        listed,
        lines(&["risky argument default changed: Query.a(o:): ASC → DESC"])
    );
    let (listed, other) = exposure(old, new, "{ a(o: ASC) }");
    assert!(listed.is_empty());
    assert_eq!(
        other,
        lines(&["other argument default changed: Query.a(o:): ASC → DESC"])
    );
    // Losing its default makes a non-null argument required.
    let new = "enum O { ASC DESC } type Query { a(o: O!): Int }";
    let old = "enum O { ASC DESC } type Query { a(o: O! = ASC): Int }";
    let (listed, _) = exposure(old, new, "{ a }");
    assert_eq!(
        listed,
        lines(&["breaking argument made required: Query.a(o:): O! = ASC → O!"])
    );
}

#[test]
fn every_input_field_of_a_reached_input_object_counts() {
    let old = "type Query { a(i: I): Int } input I { j: J keep: Int } input J { gone: Int \
               email: String @deprecated(reason: \"Use `key`.\") n: Int t: Int m: Int! d: Int = 1 }";
    let new = "type Query { a(i: I): Int } input I { j: J keep: Int } input J { n: Int! t: String \
               m: Int r: Int! o: Int d: Int = 2 }";
    let (listed, other) = exposure(old, new, "query Q($i: I) { a(i: $i) }");
    assert_eq!(
        listed,
        lines(&[
            "breaking input field removed: J.email (was String, deprecated: Use `key`.)",
            "breaking input field removed: J.gone (was Int)",
            "breaking input field type changed: J.t: Int → String",
            "breaking input field made required: J.n: Int → Int!",
            "breaking required input field added: J.r: Int!",
            "risky input field default changed: J.d: 1 → 2",
        ])
    );
    assert_eq!(
        other,
        lines(&[
            "other input field made nullable: J.m: Int! → Int",
            "other optional input field added: J.o: Int",
        ])
    );
    let (listed, _) = exposure(old, new, "{ a }");
    assert!(listed.is_empty());
}

#[test]
fn enum_values_removed_break_and_added_ones_are_risky_in_answers() {
    let old = "type Query { a(e: E): F } enum E { X Y } enum F { P Q }";
    let new = "type Query { a(e: E): F } enum E { X Z } enum F { P R }";
    let (listed, other) = exposure(old, new, "{ a(e: X) }");
    assert_eq!(
        listed,
        lines(&[
            "breaking enum value removed: E.Y",
            "breaking enum value removed: F.Q",
            "risky enum value added: F.R",
        ])
    );
    // A request's enum gains a value: the generated type can only send the old ones.
    assert_eq!(other, lines(&["other enum value added: E.Z"]));
}

#[test]
fn union_members_selected_with_on_break_and_new_ones_are_risky() {
    let old = "type Query { u: U v: U } union U = A | B | C \
               type A { x: Int } type B { x: Int } type C { x: Int }";
    let new = "type Query { u: U v: U } union U = A | D \
               type A { x: Int } type B { x: Int } type C { x: Int } type D { x: Int }";
    let (listed, other) = exposure(old, new, "{ u { ... on A { x } ... on B { x } } }");
    assert_eq!(
        listed,
        lines(&[
            "breaking union member removed: U = B",
            "risky union member removed: U = C",
            "risky union member added: U = D",
        ])
    );
    assert_eq!(other, lines(&["other type added: D: object"]));
    // Without `... on`, the answer is a plain struct: a new member changes nothing.
    let (listed, other) = exposure(old, new, "{ v { __typename } }");
    assert_eq!(
        listed,
        lines(&[
            "risky union member removed: U = B",
            "risky union member removed: U = C"
        ])
    );
    assert_eq!(
        other,
        lines(&[
            "other union member added: U = D",
            "other type added: D: object"
        ])
    );
}

#[test]
fn interface_implementations_count_like_union_members() {
    let old = "type Query { n: I m: J } interface I { id: ID } interface J { id: ID } \
               type A implements I & J { id: ID } type B implements I { id: ID }";
    let new = "type Query { n: I m: J } interface I { id: ID } interface J { id: ID } \
               type A implements J { id: ID } type B implements I & J { id: ID } \
               type C implements I { id: ID }";
    let (listed, other) = exposure(old, new, "{ n { id ... on A { id } } }");
    assert_eq!(
        listed,
        lines(&[
            "breaking implementation removed: A implements I",
            "risky implementation added: C implements I",
        ])
    );
    assert_eq!(
        other,
        lines(&[
            "other implementation added: B implements J",
            "other type added: C: object"
        ])
    );
}

#[test]
fn deprecations_and_removal_dates_are_risky_where_used() {
    let old = "type Query { a: Int b: Int c: Int d: Int @deprecated(reason: \"Old.\") \
               e: Int @deprecated(reason: \"Gone. - Scheduled for removal on or after 2026-06-16.\") }";
    let new = "type Query { a: Int @deprecated(reason: \"Use b.\") \
               b: Int @deprecated(reason: \"Use c. - Scheduled for removal on or after 2026-06-17.\") \
               c: Int d: Int @deprecated(reason: \"Older.\") \
               e: Int @deprecated(reason: \"Gone. - Scheduled for removal on or after 2026-06-16.\") }";
    let (listed, other) = exposure(old, new, "{ a b e }");
    assert_eq!(
        listed,
        lines(&[
            "risky deprecated: Query.a: Use b.",
            "risky deprecated: Query.b: for removal on or after 2026-06-17",
            "risky removal date reached: Query.e: on or after 2026-06-16",
        ])
    );
    assert_eq!(other, lines(&["other deprecation reason changed: Query.d"]));
    let (listed, other) = exposure(old, new, "{ c d }");
    assert!(listed.is_empty());
    assert_eq!(
        other,
        lines(&[
            "other deprecated: Query.a: Use b.",
            "other deprecated: Query.b: for removal on or after 2026-06-17",
            "other removal date reached: Query.e: on or after 2026-06-16",
            "other deprecation reason changed: Query.d",
        ])
    );
}

#[test]
fn descriptions_and_undeprecations_are_summary_only() {
    let old = "\"Q\" type Query { \"a\" a(\"x\" x: Int): E @deprecated } enum E { \"v\" V }";
    let new = "\"Q2\" type Query { \"a2\" a(\"x2\" x: Int): E } enum E { V }";
    let (listed, other) = exposure(old, new, "{ a(x: 1) }");
    assert!(listed.is_empty());
    assert_eq!(
        other,
        lines(&[
            "other deprecation removed: Query.a",
            "other description changed: Query",
            "other description changed: Query.a",
            "other description changed: Query.a(x:)",
            "other description changed: E.V",
        ])
    );
}

#[test]
fn identical_schemas_have_no_changes() {
    let sdl = "type Query { a(x: Int = 1): [E!] } enum E { V @deprecated(reason: \"No.\") }";
    assert_eq!(exposure(sdl, sdl, "{ a }"), (Vec::new(), Vec::new()));
}
