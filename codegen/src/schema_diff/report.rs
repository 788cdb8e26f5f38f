//! Which changes each operation is exposed to, and the report as text.

use std::collections::BTreeMap;

use super::change::{Change, Coordinate, Kind};
use super::date::Date;
use super::usage::Usage;
use crate::ir::OperationKind;

/// How a change affects one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The operation no longer validates, or its answers no longer decode into the
    /// types generated before the change.
    Breaking,
    /// It still works, but answers may hold what the generated types only catch as
    /// unknown, or what it uses is going away.
    Risky,
}

/// The changes one operation is exposed to.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationReport {
    pub root_field: String,
    pub name: String,
    pub kind: OperationKind,
    pub breaking: Vec<Change>,
    pub risky: Vec<Change>,
}

/// The whole comparison: every operation, in the order given, then the changes that
/// affect none of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The date removal dates were compared with.
    pub today: Date,
    pub operations: Vec<OperationReport>,
    pub other: Vec<Change>,
}

/// How `change` affects an operation that uses `usage`, if at all.
pub fn severity(change: &Change, usage: &Usage) -> Option<Severity> {
    use Severity::{Breaking, Risky};
    let at = &change.coordinate;
    let used = usage.uses(at);
    match change.kind {
        Kind::TypeRemoved
        | Kind::TypeKindChanged
        | Kind::FieldRemoved
        | Kind::FieldTypeChanged
        | Kind::ArgumentRemoved
        | Kind::ArgumentTypeChanged
        | Kind::InputFieldRemoved
        | Kind::InputFieldTypeChanged
        | Kind::InputFieldMadeRequired
        | Kind::RequiredInputFieldAdded
        | Kind::EnumValueRemoved => used.then_some(Breaking),
        Kind::ArgumentMadeRequired | Kind::RequiredArgumentAdded => {
            (usage.selects_field_of(at) && !usage.gives_non_null(at)).then_some(Breaking)
        }
        Kind::UnionMemberRemoved | Kind::ImplementationRemoved => {
            if usage.conditions.contains(&abstract_and_object(at)?) {
                Some(Breaking)
            } else {
                used.then_some(Risky)
            }
        }
        Kind::EnumValueAdded => match at {
            Coordinate::EnumValue(ty, _) => usage.output_types.contains(ty).then_some(Risky),
            _ => None,
        },
        Kind::UnionMemberAdded | Kind::ImplementationAdded => {
            let (abstract_type, _) = abstract_and_object(at)?;
            usage.has_variants(&abstract_type).then_some(Risky)
        }
        Kind::Deprecated | Kind::RemovalDateReached | Kind::InputFieldDefaultChanged => {
            used.then_some(Risky)
        }
        Kind::ArgumentDefaultChanged => (usage.selects_field_of(at) && !used).then_some(Risky),
        Kind::FieldMadeNonNull
        | Kind::ArgumentMadeNullable
        | Kind::InputFieldMadeNullable
        | Kind::TypeAdded
        | Kind::FieldAdded
        | Kind::OptionalArgumentAdded
        | Kind::OptionalInputFieldAdded
        | Kind::DeprecationRemoved
        | Kind::DeprecationReasonChanged
        | Kind::DescriptionChanged => None,
    }
}

/// The abstract type and the object type of a union member or an implementation.
fn abstract_and_object(at: &Coordinate) -> Option<(String, String)> {
    match at {
        Coordinate::Member(union, member) => Some((union.clone(), member.clone())),
        Coordinate::Implementation(ty, interface) => Some((interface.clone(), ty.clone())),
        _ => None,
    }
}

impl Report {
    /// Whether some operation has a breaking change.
    pub fn is_breaking(&self) -> bool {
        self.operations.iter().any(|op| !op.breaking.is_empty())
    }

    /// The report as text: each affected operation with its breaking then its risky
    /// changes, a count of operations, then the other changes counted by kind
    /// (`verbose`: listed one by one, and the unaffected operations named).
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        let affected: Vec<&OperationReport> = self
            .operations
            .iter()
            .filter(|op| !op.breaking.is_empty() || !op.risky.is_empty())
            .collect();
        for op in &affected {
            let kind = match op.kind {
                OperationKind::Query => "query",
                OperationKind::Mutation => "mutation",
                OperationKind::Subscription => "subscription",
            };
            out.push_str(&format!("{}: {kind} {}\n", op.root_field, op.name));
            let rows: Vec<(&str, &Change)> = op
                .breaking
                .iter()
                .map(|change| ("breaking", change))
                .chain(op.risky.iter().map(|change| ("risky", change)))
                .collect();
            let width = label_width(rows.iter().map(|(_, change)| *change));
            for (severity, change) in rows {
                out.push_str(&format!(
                    "  {severity:<8}  {:<width$}  {change}\n",
                    change.kind.label()
                ));
            }
            out.push('\n');
        }
        let breaking = affected.iter().filter(|op| !op.breaking.is_empty()).count();
        out.push_str(&format!(
            "{} checked: {breaking} with breaking changes, {} with risky changes only, {} unaffected (removal dates compared with {}).\n",
            counted(self.operations.len(), "operation", "operations"),
            affected.len() - breaking,
            self.operations.len() - affected.len(),
            self.today,
        ));
        if verbose {
            let unaffected: Vec<&str> = self
                .operations
                .iter()
                .filter(|op| op.breaking.is_empty() && op.risky.is_empty())
                .map(|op| op.root_field.as_str())
                .collect();
            if !unaffected.is_empty() {
                out.push_str(&format!("Unaffected: {}.\n", unaffected.join(", ")));
            }
        }
        self.render_other(verbose, &mut out);
        out
    }

    fn render_other(&self, verbose: bool, out: &mut String) {
        if self.other.is_empty() {
            out.push_str("No other changes to the schema.\n");
            return;
        }
        out.push_str(&format!(
            "\n{} to the schema, used by no operation:\n",
            counted(self.other.len(), "other change", "other changes")
        ));
        let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
        for change in &self.other {
            *counts.entry(change.kind).or_default() += 1;
        }
        let digits = counts.values().max().map_or(1, |n| n.to_string().len());
        for (kind, count) in counts {
            out.push_str(&format!("  {count:>digits$}  {}\n", kind.label()));
        }
        if verbose {
            out.push('\n');
            let width = label_width(self.other.iter());
            for change in &self.other {
                out.push_str(&format!("  {:<width$}  {change}\n", change.kind.label()));
            }
        }
    }
}

/// The width of the longest label among `changes`.
fn label_width<'a>(changes: impl Iterator<Item = &'a Change>) -> usize {
    changes
        .map(|change| change.kind.label().len())
        .max()
        .unwrap_or(0)
}

/// `1 operation`, `2 operations`.
fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
