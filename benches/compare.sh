#!/usr/bin/env bash
# kraken-codegen against graphql-client (graphql_client_cli 0.16) on the JP schema and the
# JP wire documents, and kraken-codegen on a synthetic schema of growing size.
#
# Times whole processes (median of several runs, peak RSS over the runs), builds
# throwaway crates holding each tool's output in debug mode, counts generated lines,
# and checks that a no-op `cargo build` of this repository reruns nothing. The Markdown
# report goes to stdout, progress to stderr.
#
# Usage: benches/compare.sh > report.md
#   GRAPHQL_CLIENT  the graphql-client binary (default: `graphql-client` on PATH)
#   RUNS            runs per codegen measurement (default 11)
#   BUILD_RUNS      rounds of crate builds with dependencies already built (default 3)
#   CLEAN_RUNS      rounds of crate builds from an empty target directory (default 3)
#   KEEP=1          keep the temporary directory (its path is printed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${RUNS:-11}
build_runs=${BUILD_RUNS:-3}
clean_runs=${CLEAN_RUNS:-3}
gqlc=${GRAPHQL_CLIENT:-graphql-client}
command -v "$gqlc" >/dev/null || {
  echo "error: $gqlc not found; cargo install graphql_client_cli --version 0.16.0 --locked," \
    "then set GRAPHQL_CLIENT to its path" >&2
  exit 1
}
target=${CARGO_TARGET_DIR:-$root/target}
tmp=$(mktemp -d)
if [[ ${KEEP:-} == 1 ]]; then
  echo "keeping $tmp" >&2
else
  trap 'rm -rf "$tmp"' EXIT
fi

# The derives graphql-client is given: those kraken-codegen puts on variables and responses.
variables_derives="Debug, Clone, PartialEq"
response_derives="Debug, Clone, PartialEq, Serialize"

log() { printf '%s\n' "$*" >&2; }

# peak OUT CMD...: runs CMD, writing its peak RSS in KiB (with its children's) as the
# last line of OUT.
if [[ -x /usr/bin/time ]]; then
  peak() {
    local out=$1
    shift
    /usr/bin/time -f %M -o "$out" "$@"
  }
else
  peak() {
    python3 -c '
import resource, subprocess, sys
status = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=out)
sys.exit(status)' "$@"
  }
fi

# measure COUNT SETUP CMD...: runs SETUP then CMD (only CMD timed) COUNT times; sets
# `ms` to the median wall time in milliseconds and `kib` to the peak RSS over the runs.
measure() {
  local count=$1 setup=$2 run start end rss
  shift 2
  local times=()
  kib=0
  for ((run = 0; run < count; run++)); do
    $setup
    start=$(date +%s%N)
    if ! peak "$tmp/rss" "$@" >"$tmp/run.log" 2>&1; then
      cat "$tmp/run.log" >&2
      log "error: failed: $*"
      exit 1
    fi
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
    rss=$(tail -n1 "$tmp/rss")
    if ((rss > kib)); then kib=$rss; fi
  done
  ms=$(awk -v us="$(median "${times[@]}")" 'BEGIN { printf "%.1f", us / 1000 }')
}

# median N...: the middle number (the lower middle of an even count).
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

mib() { awk -v kib="$1" 'BEGIN { printf "%.1f", kib / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# lines FILE...: "non-blank lines | non-blank lines that are not `//` comments | bytes |
# bytes of the lines that are not `//` comments". Doc comments count as comments: they
# are not compiled, and graphql-client emits none.
lines() {
  cat "$@" | LC_ALL=C awk '
    /[^[:space:]]/ { lines++ }
    /[^[:space:]]/ && !/^[[:space:]]*\/\// { code++ }
    !/^[[:space:]]*\/\// { code_bytes += length($0) + 1 }
    { bytes += length($0) + 1 }
    END { printf "%d | %d | %d | %d", lines, code, bytes, code_bytes }'
}

log "building the release CLI"
cargo build --release --locked -q -p kraken-codegen --bin kraken-codegen
codegen=$target/release/kraken-codegen
schema=$root/schema/kraken-jp.graphql

# --- Codegen of the JP catalogue -------------------------------------------------------

log "kraken-codegen regenerate"
clean_regen() { rm -rf "$tmp/regen"; }
measure "$runs" clean_regen "$codegen" regenerate --root "$root" --out "$tmp/regen"
ours_ms=$ms ours_kib=$kib
documents=("$tmp/regen/documents"/*.graphql)

gqlc_args=(generate --schema-path "$schema" -I "$variables_derives" -O "$response_derives")
# One graphql-client process per document, as a script so it is one timed process.
each_script() {
  local doc
  for doc in "${documents[@]}"; do
    printf '%q ' "$gqlc" "${gqlc_args[@]}" --output-directory "$tmp/gqlc-each" "$@" "$doc"
    printf '\n'
  done
}
each_script >"$tmp/each.sh"
each_script --no-formatting >"$tmp/each-raw.sh"
# All documents in one file, each fragment once (the documents repeat shared fragments).
awk 'BEGIN { RS = ""; ORS = "\n\n" } !seen[$0]++' "${documents[@]}" >"$tmp/all.graphql"
one=("$gqlc" "${gqlc_args[@]}" --output-directory "$tmp/gqlc-one")
clean_each() { rm -rf "$tmp/gqlc-each" && mkdir "$tmp/gqlc-each"; }
clean_one() { rm -rf "$tmp/gqlc-one" && mkdir "$tmp/gqlc-one"; }

log "graphql-client generate, one call per document"
measure "$runs" clean_each bash "$tmp/each-raw.sh"
each_raw_ms=$ms each_raw_kib=$kib
measure "$runs" clean_each bash "$tmp/each.sh"
each_ms=$ms each_kib=$kib
log "graphql-client generate, all documents in one file"
measure "$runs" clean_one "${one[@]}" --no-formatting "$tmp/all.graphql"
one_raw_ms=$ms one_raw_kib=$kib
measure "$runs" clean_one "${one[@]}" "$tmp/all.graphql"
one_ms=$ms one_kib=$kib

# --- Debug builds of crates holding the generated code ---------------------------------

log "preparing the crates"
crates=$tmp/crates
mkdir -p "$crates"
cp "$root/Cargo.lock" "$crates/"
cat >"$crates/Cargo.toml" <<'EOF'
[workspace]
members = ["ours", "ours_build_rs", "gqlc_cli", "gqlc_derive"]
resolver = "2"

# kraken-codegen and its runtime are path dependencies here, which cargo compiles
# incrementally; from a registry, as graphql_client's crates come, they would not be.
[profile.dev.package.kraken-codegen]
incremental = false

[profile.dev.package.kraken-codegen-runtime]
incremental = false
EOF
# The dependencies of the generated code: serde and serde_json come through the runtime
# crate for ours, directly for graphql-client's crates, which add graphql_client.
scalar_deps='chrono = { version = "0.4", default-features = false, features = ["serde", "std", "clock"] }
rust_decimal = { version = "1", features = ["serde-str"] }
uuid = { version = "1", features = ["serde"] }'
serde_deps='serde = { version = "1", features = ["derive"] }
serde_json = "1"'
# The runtime crate without its client, as graphql_client comes without one.
runtime_dep="kraken-codegen-runtime = { path = \"$root/runtime\", default-features = false }"
# manifest NAME DEPS: creates the crate NAME, with the scalars' crates and DEPS.
manifest() {
  mkdir -p "$crates/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%s\n%s\n' \
    "$1" "$scalar_deps" "$2" >"$crates/$1/Cargo.toml"
}
# graphql-client names custom scalars from the enclosing module: kraken-codegen's mappings.
scalar_types() {
  local name
  for name in $(awk '$1 == "scalar" { print $2 }' "$schema"); do
    case $name in
      Date) echo "pub type Date = chrono::NaiveDate;" ;;
      DateTime) echo "pub type DateTime = chrono::DateTime<chrono::FixedOffset>;" ;;
      Decimal) echo "pub type Decimal = rust_decimal::Decimal;" ;;
      UUID) echo "pub type UUID = uuid::Uuid;" ;;
      *) echo "pub type $name = serde_json::Value;" ;;
    esac
  done
}

manifest ours "$runtime_dep"
cp "$tmp/regen/kraken_jp.rs" "$crates/ours/src/"
printf 'include!("kraken_jp.rs");\n' >"$crates/ours/src/lib.rs"

# The same with kraken-jp's build script generating the code at build time.
manifest ours_build_rs "$(printf '%s\n\n[build-dependencies]\nkraken-codegen = { path = "%s", default-features = false }\n' \
  "$runtime_dep" "$root/codegen")"
cp "$root/build.rs" "$crates/ours_build_rs/"
mkdir "$crates/ours_build_rs/schema"
cp -r "$root/schema/kraken-jp.graphql" "$root/schema/catalogue" "$crates/ours_build_rs/schema/"
printf 'include!(concat!(env!("OUT_DIR"), "/kraken_jp.rs"));\n' >"$crates/ours_build_rs/src/lib.rs"

manifest gqlc_cli "$serde_deps
graphql_client = \"0.16\""
{
  echo '#![allow(clippy::all, warnings)]'
  scalar_types
  echo 'include!("generated.rs");'
} >"$crates/gqlc_cli/src/lib.rs"
# The CLI's files each open with the crate-level allow above.
cat "$tmp/gqlc-each"/*.rs | grep -vxF '#![allow(clippy::all, warnings)]' \
  >"$crates/gqlc_cli/src/generated.rs"

manifest gqlc_derive "$serde_deps
graphql_client = \"0.16\""
mkdir -p "$crates/gqlc_derive/documents"
cp "$schema" "$crates/gqlc_derive/schema.graphql"
cp "${documents[@]}" "$crates/gqlc_derive/documents/"
{
  echo '#![allow(clippy::all, warnings)]'
  echo 'use graphql_client::GraphQLQuery;'
  scalar_types
  for doc in "${documents[@]}"; do
    name=$(awk '$1 ~ /^(query|mutation|subscription)$/ { sub(/[(].*/, "", $2); print $2; exit }' "$doc")
    printf '#[derive(GraphQLQuery)]\n#[graphql(schema_path = "schema.graphql", '
    printf 'query_path = "documents/%s", ' "$(basename "$doc")"
    printf 'variables_derives = "%s", response_derives = "%s")]\n' \
      "$variables_derives" "$response_derives"
    printf 'pub struct %s;\n' "$name"
  done
} >"$crates/gqlc_derive/src/lib.rs"

# Cargo on the crates' workspace, as a command (not a function) so it can be timed.
cargo_crates=(env "CARGO_TARGET_DIR=$crates/target" cargo)
in_crates=(--manifest-path "$crates/Cargo.toml")
build_names=(ours ours_build_rs gqlc_cli gqlc_derive)
declare -A build_ms build_kib clean_ms clean_kib
clean_crate() { "${cargo_crates[@]}" clean -q -p "$crate" "${in_crates[@]}"; }
clean_all() { "${cargo_crates[@]}" clean -q "${in_crates[@]}"; }
# interleave COUNT SETUP MS KIB: COUNT rounds, each building every crate once after
# SETUP, so that the machine's drift falls on all crates alike. Stores each crate's
# median in the array named MS and its peak RSS in the one named KIB.
interleave() {
  local count=$1 setup=$2 round
  local -n medians=$3 peaks=$4
  local -A runs=()
  for ((round = 1; round <= count; round++)); do
    for crate in "${build_names[@]}"; do
      measure 1 "$setup" "${cargo_crates[@]}" build -q -p "$crate" "${in_crates[@]}"
      log "  round $round of $count: $crate $ms ms"
      runs[$crate]+="$ms "
      if ((kib > ${peaks[$crate]:-0})); then peaks[$crate]=$kib; fi
    done
  done
  for crate in "${build_names[@]}"; do
    # shellcheck disable=SC2086 # one run per word
    medians[$crate]=$(median ${runs[$crate]})
  done
}
log "debug builds with the dependencies built"
for crate in "${build_names[@]}"; do
  # Its dependencies, with the features it alone selects.
  "${cargo_crates[@]}" build -q -p "$crate" "${in_crates[@]}"
done
interleave "$build_runs" clean_crate build_ms build_kib
log "debug builds from an empty target directory"
interleave "$clean_runs" clean_all clean_ms clean_kib

# --- No-op build of this repository ----------------------------------------------------

log "no-op cargo build"
cargo build --locked -q
start=$(date +%s%N)
noop_log=$(cargo build --locked -v 2>&1)
end=$(date +%s%N)
noop_ms=$(awk -v ns="$((end - start))" 'BEGIN { printf "%.0f", ns / 1e6 }')
if grep -Eq 'Running `[^`]*build-script-build|Compiling ' <<<"$noop_log"; then
  noop="no: $(grep -Ec 'Running `|Compiling ' <<<"$noop_log") steps reran"
else
  noop="yes"
fi

# --- Scale: the synthetic schema of 2,000 types ----------------------------------------

sizes=(10 100 1000)
declare -A scale_ms scale_kib scale_lines
clean_scale() { rm -rf "$tmp/scale-$size/generated"; }
for size in "${sizes[@]}"; do
  log "synthetic project with $size operations"
  cargo run --locked -q --example synthetic -- "$tmp/scale-$size" "$size"
  measure "$runs" clean_scale "$codegen" regenerate --root "$tmp/scale-$size" \
    --out "$tmp/scale-$size/generated"
  scale_ms[$size]=$ms scale_kib[$size]=$kib
  scale_lines[$size]=$(lines "$tmp/scale-$size/generated/kraken_jp.rs" | cut -d' ' -f1)
done

# --- Report ----------------------------------------------------------------------------

ours_lines=$(lines "$tmp/regen/kraken_jp.rs")
each_lines=$(lines "$tmp/gqlc-each"/*.rs)
one_lines=$(lines "$tmp/gqlc-one"/*.rs)
read -r ours_all _ ours_code _ ours_bytes _ ours_code_bytes <<<"$ours_lines"
read -r each_all _ each_code _ each_bytes _ each_code_bytes <<<"$each_lines"
# verdict CONDITION: "met" if the awk CONDITION holds.
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "not met"; fi; }

cat <<EOF
## Machine

- date: $(date -u '+%Y-%m-%d %H:%M UTC')
- nproc: $(nproc)
- cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' || true)
- kernel: $(uname -srm)
- $(rustc -V)
- $("$gqlc" --version)
- runs: codegen median of $runs, crate builds median of $build_runs (dependencies built) and of $clean_runs (from an empty target directory)

## Codegen of the JP catalogue (${#documents[@]} operations)

| command | median ms | peak RSS MiB |
|---|---:|---:|
| \`kraken-codegen regenerate --out <tmp>\` | $ours_ms | $(mib "$ours_kib") |
| \`graphql-client generate\`, one call per document | $each_ms | $(mib "$each_kib") |
| same, \`--no-formatting\` | $each_raw_ms | $(mib "$each_raw_kib") |
| \`graphql-client generate\`, all documents in one file | $one_ms | $(mib "$one_kib") |
| same, \`--no-formatting\` | $one_raw_ms | $(mib "$one_raw_kib") |

graphql-client / kraken-codegen: $(ratio "$each_ms" "$ours_ms")× (one call per document),
$(ratio "$one_ms" "$ours_ms")× (one file). graphql-client formats with rustfmt unless
\`--no-formatting\`; kraken-codegen formats in-process. In the one-file run every
operation's \`QUERY\` is the whole file, not its own document.

## Generated code

| output | non-blank lines | non-blank, non-\`//\` lines | bytes | bytes of non-\`//\` lines |
|---|---:|---:|---:|---:|
| kraken-codegen \`kraken_jp.rs\` | $ours_lines |
| graphql-client, one file per document | $each_lines |
| graphql-client, one file | $one_lines |

## Debug builds

| crate | ms, dependencies built | peak RSS MiB | ms, empty target dir | peak RSS MiB |
|---|---:|---:|---:|---:|
EOF
for crate in "${build_names[@]}"; do
  printf '| %s | %s | %s | %s | %s |\n' "$crate" "${build_ms[$crate]}" \
    "$(mib "${build_kib[$crate]}")" "${clean_ms[$crate]}" "$(mib "${clean_kib[$crate]}")"
done
cat <<EOF

- ours: the regenerated \`kraken_jp.rs\`; dependencies kraken-codegen-runtime (without
  its client), chrono, rust_decimal, uuid.
- ours_build_rs: the same, generated by kraken-jp's \`build.rs\` at build time
  (build-dependency kraken-codegen).
- gqlc_cli: graphql-client's one-file-per-document output; dependencies serde, serde_json,
  chrono, rust_decimal, uuid and graphql_client 0.16.
- gqlc_derive: \`#[derive(GraphQLQuery)]\` on each document; the same dependencies.

Each build is \`cargo build -p <crate>\` after \`cargo clean -p <crate>\` (dependencies
built) or \`cargo clean\` (empty target directory).

## No-op build

\`cargo build\` of this repository right after a build: nothing rerun: $noop ($noop_ms ms).

## Scale: synthetic schema of 2,000 types

| operations | median ms | ms per operation | peak RSS MiB | generated non-blank lines |
|---:|---:|---:|---:|---:|
EOF
for size in "${sizes[@]}"; do
  printf '| %s | %s | %s | %s | %s |\n' "$size" "${scale_ms[$size]}" \
    "$(ratio "${scale_ms[$size]}" "$size")" "$(mib "${scale_kib[$size]}")" "${scale_lines[$size]}"
done
cat <<EOF

Marginal cost per operation: $(awk -v a="${scale_ms[10]}" -v b="${scale_ms[100]}" \
  'BEGIN { printf "%.2f", (b - a) / 90 }') ms from 10 to 100,
$(awk -v a="${scale_ms[100]}" -v b="${scale_ms[1000]}" \
  'BEGIN { printf "%.2f", (b - a) / 900 }') ms from 100 to 1,000.

## Targets

| target | figures | verdict |
|---|---|---|
| JP codegen ≤ 100 ms wall | $ours_ms ms | $(verdict "$ours_ms <= 100") |
| ≥ 3× faster than graphql-client, one call per document | $(ratio "$each_ms" "$ours_ms")× | $(verdict "$each_ms >= 3 * $ours_ms") |
| generated code no larger than graphql-client's (non-comment lines, their bytes) | $ours_code / $ours_code_bytes against $each_code / $each_code_bytes | $(verdict "$ours_code <= $each_code && $ours_code_bytes <= $each_code_bytes") |
| the same with comments (lines, bytes) | $ours_all / $ours_bytes against $each_all / $each_bytes | $(verdict "$ours_all <= $each_all && $ours_bytes <= $each_bytes") |
| debug build no slower (ours against gqlc_cli, ours_build_rs against gqlc_derive) | ${build_ms[ours]} / ${build_ms[gqlc_cli]} ms, ${build_ms[ours_build_rs]} / ${build_ms[gqlc_derive]} ms | $(verdict "${build_ms[ours]} <= ${build_ms[gqlc_cli]} && ${build_ms[ours_build_rs]} <= ${build_ms[gqlc_derive]}") |
| the same from an empty target directory | ${clean_ms[ours]} / ${clean_ms[gqlc_cli]} ms, ${clean_ms[ours_build_rs]} / ${clean_ms[gqlc_derive]} ms | $(verdict "${clean_ms[ours]} <= ${clean_ms[gqlc_cli]} && ${clean_ms[ours_build_rs]} <= ${clean_ms[gqlc_derive]}") |
| JP codegen peak memory ≤ 64 MiB | $(mib "$ours_kib") MiB | $(verdict "$ours_kib <= 65536") |
| no-op \`cargo build\` reruns nothing | $noop | $([[ $noop == yes ]] && echo met || echo "not met") |
EOF
