//! `regenerate` and `check` as a user runs them: the checked-in `generated/` is current,
//! and a stale copy is named file by file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kraken-codegen"))
        .args(args)
        .output()
        .expect("the kraken-codegen binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn checked_in_generated_dir_is_current() {
    let root = workspace_root();
    let output = codegen(&["check", "--root", root.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn check_names_every_stale_file_and_regenerate_mends_them() {
    let root = workspace_root();
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().to_str().unwrap();
    let root_arg = root.to_str().unwrap();

    let first = codegen(&["regenerate", "--root", root_arg, "--out", out_arg]);
    assert!(first.status.success(), "{}", stderr(&first));
    let clean = codegen(&["check", "--root", root_arg, "--out", out_arg]);
    assert!(clean.status.success(), "{}", stderr(&clean));

    fs::write(out.path().join("kraken_jp.rs"), "// edited by hand\n").unwrap();
    fs::remove_file(out.path().join("documents/createMfaDevice.graphql")).unwrap();
    fs::write(
        out.path().join("documents/notAnOperation.graphql"),
        "{ x }\n",
    )
    .unwrap();
    let stale = codegen(&["check", "--root", root_arg, "--out", out_arg]);
    assert_eq!(stale.status.code(), Some(1));
    assert_eq!(
        stderr(&stale),
        format!(
            "error: {out_arg} is stale; run `cargo run -p kraken-codegen -- regenerate`\n\
             \x20 {out_arg}/documents/createMfaDevice.graphql: missing\n\
             \x20 {out_arg}/documents/notAnOperation.graphql: not produced by the inputs\n\
             \x20 {out_arg}/kraken_jp.rs: differs from what the inputs produce\n"
        )
    );

    let modified = fs::metadata(out.path().join("OPERATIONS.md"))
        .unwrap()
        .modified()
        .unwrap();
    let mend = codegen(&["regenerate", "--root", root_arg, "--out", out_arg]);
    assert!(mend.status.success(), "{}", stderr(&mend));
    assert_eq!(
        stderr(&mend).lines().last().unwrap(),
        format!("{out_arg}: 2 written, 1 removed, 98 unchanged")
    );
    let unchanged = fs::metadata(out.path().join("OPERATIONS.md"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(modified, unchanged, "unchanged files are not rewritten");
    let after = codegen(&["check", "--root", root_arg, "--out", out_arg]);
    assert!(after.status.success(), "{}", stderr(&after));
}
