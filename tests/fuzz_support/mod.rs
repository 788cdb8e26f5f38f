//! Fuzzing with proptest, shared by the `fuzz_*` tests: edits that damage a text,
//! arbitrary and damaged JSON, the check every diagnostic must pass, and a campaign that
//! runs its targets for a fixed number of cases or, with `FUZZ_SECONDS`, until a
//! deadline.
//!
//! A campaign prints one line per target (`fuzz <campaign>/<target>: <cases> cases ...`)
//! and a summary line; `benches/fuzz.sh` runs one campaign in release mode for a given
//! time. A failure names the seed (`FUZZ_SEED=<seed>` replays the same cases) and the
//! minimized input.

#![allow(dead_code)]

use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::time::{Duration, Instant};

use kraken_codegen::{Diagnostic, Diagnostics, Position};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRng, TestRunner};
use serde_json::{Map, Value};

/// Runs named targets, each a strategy and a property, with one seed.
pub struct Campaign {
    name: &'static str,
    targets: Vec<Target>,
}

/// What the code under test made of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A result (a catalogue, a schema, generated code, decoded data).
    Accepted,
    /// An error of the expected kind.
    Rejected,
}

/// Figures of the cases a batch ran.
#[derive(Default)]
struct Figures {
    accepted: u64,
    slowest: Duration,
}

type Batch = Box<dyn FnMut(TestRng, u32) -> Result<Figures, String>>;

struct Target {
    name: &'static str,
    /// Cases of a normal run, and of each batch of a timed run.
    cases: u32,
    batch: Batch,
    run: u64,
    accepted: u64,
    slowest: Duration,
}

impl Campaign {
    pub fn new(name: &'static str) -> Self {
        Campaign {
            name,
            targets: Vec::new(),
        }
    }

    /// Adds a target: `test` must hold for every value of `strategy`. A panic in `test`
    /// is a failure like an `Err`.
    pub fn target<S>(
        mut self,
        name: &'static str,
        cases: u32,
        strategy: S,
        test: impl Fn(S::Value) -> Result<Outcome, TestCaseError> + 'static,
    ) -> Self
    where
        S: Strategy + 'static,
    {
        let batch = move |rng: TestRng, cases: u32| {
            let config = Config {
                cases,
                failure_persistence: None,
                max_shrink_iters: 4096,
                max_shrink_time: 120_000,
                ..Config::default()
            };
            let mut runner = TestRunner::new_with_rng(config, rng);
            let (accepted, slowest) = (Cell::new(0), Cell::new(Duration::ZERO));
            let outcome = runner.run(&strategy, |value| {
                let started = Instant::now();
                let outcome = test(value)?;
                slowest.set(slowest.get().max(started.elapsed()));
                if outcome == Outcome::Accepted {
                    accepted.set(accepted.get() + 1);
                }
                Ok(())
            });
            match outcome {
                Ok(()) => Ok(Figures {
                    accepted: accepted.get(),
                    slowest: slowest.get(),
                }),
                Err(TestError::Fail(reason, input)) => {
                    Err(format!("{reason}\nminimal failing input: {input:#?}"))
                }
                Err(TestError::Abort(reason)) => Err(format!("aborted: {reason}")),
            }
        };
        self.targets.push(Target {
            name,
            cases,
            batch: Box::new(batch),
            run: 0,
            accepted: 0,
            slowest: Duration::ZERO,
        });
        self
    }

    /// Runs every target once for its number of cases or, when `FUZZ_SECONDS` is set, in
    /// turn until that many seconds have passed; panics on the first failure.
    pub fn run(mut self) {
        let seed = seed();
        let budget = fuzz_seconds();
        let started = Instant::now();
        let mut master = TestRunner::new(Config {
            rng_seed: RngSeed::Fixed(seed),
            ..Config::default()
        });
        loop {
            for target in &mut self.targets {
                let batch = (target.batch)(master.new_rng(), target.cases);
                match batch {
                    Ok(figures) => {
                        target.run += u64::from(target.cases);
                        target.accepted += figures.accepted;
                        target.slowest = target.slowest.max(figures.slowest);
                    }
                    Err(failure) => panic!(
                        "fuzz {}/{} failed after {} cases (FUZZ_SEED={seed} replays it): {failure}",
                        self.name, target.name, target.run
                    ),
                }
            }
            match budget {
                Some(budget) if started.elapsed() < budget => {}
                _ => break,
            }
        }
        let elapsed = started.elapsed();
        let mut total = 0;
        for target in &self.targets {
            total += target.run;
            println!(
                "fuzz {}/{}: {} cases ({} accepted, {} rejected), slowest {:.1} ms",
                self.name,
                target.name,
                target.run,
                target.accepted,
                target.run - target.accepted,
                target.slowest.as_secs_f64() * 1000.0
            );
        }
        println!(
            "fuzz {}: {total} cases in {:.1} s, seed {seed}, no failure",
            self.name,
            elapsed.as_secs_f64()
        );
    }
}

/// `FUZZ_SECONDS`, when set: how long a campaign runs.
fn fuzz_seconds() -> Option<Duration> {
    let value = std::env::var("FUZZ_SECONDS").ok()?;
    let seconds = value
        .parse()
        .unwrap_or_else(|_| panic!("FUZZ_SECONDS must be a number of seconds, not `{value}`"));
    Some(Duration::from_secs(seconds))
}

/// `FUZZ_SEED` when set; otherwise a fresh random seed for a campaign (`FUZZ_SECONDS`)
/// and a fixed one for the normal test run, so `cargo test` is reproducible.
fn seed() -> u64 {
    match std::env::var("FUZZ_SEED") {
        Ok(value) => value
            .parse()
            .unwrap_or_else(|_| panic!("FUZZ_SEED must be a u64, not `{value}`")),
        Err(_) if fuzz_seconds().is_some() => RandomState::new().build_hasher().finish(),
        Err(_) => 0x6b72_616b_656e,
    }
}

/// A scratch directory, in memory where the system offers one (`/dev/shm`): the code
/// under test syncs each file it writes, which on disk would dominate a fuzz run.
pub fn scratch_dir() -> tempfile::TempDir {
    let in_memory = Path::new("/dev/shm");
    if in_memory.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(in_memory) {
            return dir;
        }
    }
    tempfile::tempdir().expect("a scratch directory")
}

/// Every diagnostic points at a place that exists in its own file: a line no further
/// than the last one (counting the empty line after a final newline) and a column no
/// further than one past that line's last character. Rendering must not panic either.
/// The outcome is [`Outcome::Rejected`].
pub fn check_diagnostics(diagnostics: &Diagnostics) -> Result<Outcome, TestCaseError> {
    prop_assert!(!diagnostics.is_empty(), "an error without any diagnostic");
    for diagnostic in diagnostics {
        check_position(diagnostic, diagnostic.position)?;
        for (_, position) in &diagnostic.related {
            check_position(diagnostic, *position)?;
        }
        prop_assert!(!diagnostic.message.is_empty());
        prop_assert!(!diagnostic.render().trim().is_empty());
    }
    Ok(Outcome::Rejected)
}

fn check_position(diagnostic: &Diagnostic, position: Position) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = diagnostic.file.text.split('\n').collect();
    prop_assert!(
        (1..=lines.len()).contains(&position.line),
        "`{diagnostic}` names line {} of a file of {} lines",
        position.line,
        lines.len()
    );
    let width = lines[position.line - 1].chars().count();
    prop_assert!(
        (1..=width + 1).contains(&position.column),
        "`{diagnostic}` names column {} of a line of {width} characters",
        position.column
    );
    Ok(())
}

/// One change to a text. Positions are proportions of the text, so an edit applies to
/// any text and shrinks towards its start.
#[derive(Debug, Clone)]
pub enum Edit {
    DeleteLines {
        at: Index,
        count: usize,
    },
    DuplicateLine {
        at: Index,
    },
    SwapLines {
        a: Index,
        b: Index,
    },
    /// Inserts a copy of the line at `from` before the line at `to`.
    CopyLine {
        from: Index,
        to: Index,
    },
    ReplaceLine {
        at: Index,
        with: String,
    },
    InsertLine {
        at: Index,
        line: String,
    },
    InsertText {
        at: Index,
        text: String,
    },
    /// Inserts `text` repeated `times` times: deep nesting, long lines.
    Repeat {
        at: Index,
        text: String,
        times: usize,
    },
    /// Flips one bit of one byte; bytes that are no longer UTF-8 become U+FFFD.
    FlipBit {
        at: Index,
        bit: u8,
    },
    Truncate {
        at: Index,
    },
}

/// Snippets any text may receive: brackets, quotes, separators, odd whitespace and
/// characters outside ASCII.
pub const COMMON_SNIPPETS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "\"",
    "\\",
    "|",
    ":",
    ",",
    "-",
    "#",
    " ",
    "\t",
    "\r",
    "\r\n",
    "\u{0}",
    "\u{feff}",
    "é",
    "エラー",
    "🦀",
    "\u{301}",
];

/// Strings for inserted text: a snippet of `vocabulary` or of [`COMMON_SNIPPETS`], or
/// random characters.
pub fn snippet(vocabulary: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vocabulary).prop_map(str::to_owned),
        2 => select(COMMON_SNIPPETS).prop_map(str::to_owned),
        1 => "\\PC{0,16}",
        1 => any::<String>().prop_map(|text| text.chars().take(16).collect()),
    ]
    .boxed()
}

/// One edit, its inserted text drawn by [`snippet`].
pub fn edit(vocabulary: &'static [&'static str]) -> BoxedStrategy<Edit> {
    let text = snippet(vocabulary);
    prop_oneof![
        3 => (any::<Index>(), 1..8usize).prop_map(|(at, count)| Edit::DeleteLines { at, count }),
        2 => any::<Index>().prop_map(|at| Edit::DuplicateLine { at }),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines { a, b }),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| Edit::CopyLine { from, to }),
        2 => (any::<Index>(), text.clone()).prop_map(|(at, with)| Edit::ReplaceLine { at, with }),
        2 => (any::<Index>(), text.clone()).prop_map(|(at, line)| Edit::InsertLine { at, line }),
        3 => (any::<Index>(), text.clone()).prop_map(|(at, text)| Edit::InsertText { at, text }),
        1 => (any::<Index>(), text, 2..5000usize)
            .prop_map(|(at, text, times)| Edit::Repeat { at, text, times }),
        2 => (any::<Index>(), 0..8u8).prop_map(|(at, bit)| Edit::FlipBit { at, bit }),
        1 => any::<Index>().prop_map(|at| Edit::Truncate { at }),
    ]
    .boxed()
}

/// Between `min` and `max` edits.
pub fn edits(
    vocabulary: &'static [&'static str],
    min: usize,
    max: usize,
) -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(edit(vocabulary), min..=max)
}

/// `text` with `edits` applied in order.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    edits.iter().fold(text.to_owned(), apply_one)
}

fn apply_one(text: String, edit: &Edit) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    // Line edits on an empty text have nothing to act on.
    let line = |at: &Index| at.index(lines.len().max(1));
    let insert_at = |at: &Index| at.index(lines.len() + 1);
    match edit {
        Edit::DeleteLines { at, count } if !lines.is_empty() => {
            let start = line(at);
            let end = (start + count).min(lines.len());
            lines.drain(start..end);
        }
        Edit::DuplicateLine { at } if !lines.is_empty() => {
            let index = line(at);
            let copy = terminated(&lines[index]);
            lines.insert(index, copy);
        }
        Edit::SwapLines { a, b } if !lines.is_empty() => {
            let (a, b) = (line(a), line(b));
            let last = lines.len() - 1;
            // Keep the last line's (missing) terminator where it was.
            let (a_text, b_text) = (lines[a].clone(), lines[b].clone());
            lines[a] = if a == last {
                b_text.trim_end_matches('\n').to_owned()
            } else {
                terminated(&b_text)
            };
            lines[b] = if b == last {
                a_text.trim_end_matches('\n').to_owned()
            } else {
                terminated(&a_text)
            };
        }
        Edit::CopyLine { from, to } if !lines.is_empty() => {
            let copy = terminated(&lines[line(from)]);
            let index = insert_at(to);
            lines.insert(index, copy);
        }
        Edit::ReplaceLine { at, with } if !lines.is_empty() => {
            let index = line(at);
            let ending = if lines[index].ends_with('\n') {
                "\n"
            } else {
                ""
            };
            lines[index] = format!("{with}{ending}");
        }
        Edit::InsertLine { at, line } => {
            let index = insert_at(at);
            lines.insert(index, format!("{line}\n"));
        }
        Edit::InsertText { at, text: inserted } => {
            let mut text = lines.concat();
            text.insert_str(char_boundary(&text, at), inserted);
            return text;
        }
        Edit::Repeat {
            at,
            text: repeated,
            times,
        } => {
            let mut text = lines.concat();
            text.insert_str(char_boundary(&text, at), &repeated.repeat(*times));
            return text;
        }
        Edit::FlipBit { at, bit } if !text.is_empty() => {
            let mut bytes = text.into_bytes();
            let index = at.index(bytes.len());
            bytes[index] ^= 1 << bit;
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        Edit::Truncate { at } => {
            let mut text = lines.concat();
            text.truncate(char_boundary(&text, at));
            return text;
        }
        _ => {}
    }
    lines.concat()
}

fn terminated(line: &str) -> String {
    if line.ends_with('\n') {
        line.to_owned()
    } else {
        format!("{line}\n")
    }
}

/// The char boundary at or before the proportion `at` of `text`.
fn char_boundary(text: &str, at: &Index) -> usize {
    let mut index = at.index(text.len() + 1);
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Any JSON value: scalars of every kind, nested up to a few levels.
pub fn json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        json_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((json_key(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
    .boxed()
}

/// Strings a GraphQL answer might hold: dates, numbers, enum-like names, type names,
/// or anything.
fn json_string() -> BoxedStrategy<String> {
    prop_oneof![
        select(
            &[
                "",
                "2020-01-01",
                "2020-13-45",
                "2020-01-01T09:30:00+09:00",
                "2020-01-01T09:30:00",
                "1.50",
                "-0",
                "1e400",
                "NaN",
                "6f1c7a3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b",
                "not-a-uuid",
                "{\"key\":\"value\"}",
                "{",
                "UNKNOWN",
                "ACTIVE",
                "__typename",
                "KT-CT-1111",
            ][..]
        )
        .prop_map(str::to_owned),
        "[A-Z_]{1,12}",
        "\\PC{0,12}",
    ]
    .boxed()
}

/// Object keys: the names GraphQL answers use, or anything.
fn json_key() -> BoxedStrategy<String> {
    prop_oneof![
        select(
            &[
                "data",
                "errors",
                "__typename",
                "message",
                "path",
                "locations",
                "extensions",
                "errorCode",
                "errorType",
                "errorDescription",
                "validationErrors",
                "code",
                "inputPath",
                "line",
                "column",
                "id",
                "number",
                "token",
            ][..]
        )
        .prop_map(str::to_owned),
        "[a-zA-Z_]{1,12}",
    ]
    .boxed()
}

/// One change to a JSON value, at the node reached by following `path` (an index into
/// the entries or items of each object or array on the way).
#[derive(Debug, Clone)]
pub enum JsonEdit {
    Replace {
        path: Vec<Index>,
        with: Value,
    },
    /// Removes an object entry or array item.
    Remove {
        path: Vec<Index>,
    },
    Null {
        path: Vec<Index>,
    },
    /// Duplicates an array's first item, or wraps a non-array in one.
    Listify {
        path: Vec<Index>,
    },
    /// Replaces an array by its first item (or null).
    Unlistify {
        path: Vec<Index>,
    },
    /// Sets `__typename` on an object.
    Typename {
        path: Vec<Index>,
        name: String,
    },
}

/// One JSON edit; `typenames` are the type names worth trying for `__typename`.
pub fn json_edit(typenames: Vec<String>) -> BoxedStrategy<JsonEdit> {
    let path = || proptest::collection::vec(any::<Index>(), 0..8);
    let typename = if typenames.is_empty() {
        "[A-Za-z]{0,12}".boxed()
    } else {
        prop_oneof![3 => select(typenames), 1 => "[A-Za-z]{0,12}"].boxed()
    };
    prop_oneof![
        2 => (path(), json()).prop_map(|(path, with)| JsonEdit::Replace { path, with }),
        2 => path().prop_map(|path| JsonEdit::Remove { path }),
        2 => path().prop_map(|path| JsonEdit::Null { path }),
        1 => path().prop_map(|path| JsonEdit::Listify { path }),
        1 => path().prop_map(|path| JsonEdit::Unlistify { path }),
        2 => (path(), typename).prop_map(|(path, name)| JsonEdit::Typename { path, name }),
    ]
    .boxed()
}

/// `value` with `edits` applied in order.
pub fn apply_json(mut value: Value, edits: &[JsonEdit]) -> Value {
    for edit in edits {
        match edit {
            JsonEdit::Replace { path, with } => *node(&mut value, path) = with.clone(),
            JsonEdit::Remove { path } => {
                let Some((last, parent)) = path.split_last() else {
                    continue;
                };
                match node(&mut value, parent) {
                    Value::Object(map) if !map.is_empty() => {
                        let key = last.get(&map.keys().cloned().collect::<Vec<_>>()).clone();
                        map.remove(&key);
                    }
                    Value::Array(items) if !items.is_empty() => {
                        items.remove(last.index(items.len()));
                    }
                    _ => {}
                }
            }
            JsonEdit::Null { path } => *node(&mut value, path) = Value::Null,
            JsonEdit::Listify { path } => {
                let target = node(&mut value, path);
                match target {
                    Value::Array(items) if !items.is_empty() => items.push(items[0].clone()),
                    other => *other = Value::Array(vec![other.take()]),
                }
            }
            JsonEdit::Unlistify { path } => {
                let target = node(&mut value, path);
                if let Value::Array(items) = target {
                    *target = items.first().cloned().unwrap_or(Value::Null);
                }
            }
            JsonEdit::Typename { path, name } => {
                if let Value::Object(map) = node(&mut value, path) {
                    map.insert("__typename".into(), Value::String(name.clone()));
                }
            }
        }
    }
    value
}

/// The node `path` leads to; the walk stops early at a scalar or an empty container.
fn node<'v>(value: &'v mut Value, path: &[Index]) -> &'v mut Value {
    let Some((first, rest)) = path.split_first() else {
        return value;
    };
    let len = match &*value {
        Value::Object(map) => map.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if len == 0 {
        return value;
    }
    let index = first.index(len);
    let child = match value {
        Value::Object(map) => map.values_mut().nth(index),
        Value::Array(items) => items.get_mut(index),
        _ => None,
    };
    node(child.expect("an index within the container"), rest)
}
