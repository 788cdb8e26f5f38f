#!/usr/bin/env bash
# Runs one fuzz target (tests/<target>.rs) in release mode for a number of seconds and
# prints the cases run per target and the outcome.
#
#   benches/fuzz.sh fuzz_docs_import 300
#   FUZZ_SEED=123 benches/fuzz.sh fuzz_response 60    # replay a seed
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -ne 2 ]]; then
  echo "usage: benches/fuzz.sh <target> <seconds>   (targets: $(cd tests && ls fuzz_*.rs | sed 's/\.rs$//' | tr '\n' ' '))" >&2
  exit 2
fi
target=$1
seconds=$2
if [[ ! -f tests/$target.rs ]]; then
  echo "error: no fuzz target tests/$target.rs" >&2
  exit 2
fi
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
  echo "error: <seconds> must be a whole number, not '$seconds'" >&2
  exit 2
fi

cargo test --release --locked --test "$target" --no-run
log=$(mktemp)
trap 'rm -f "$log"' EXIT
started=$(date +%s)
status=0
FUZZ_SECONDS=$seconds cargo test --release --locked --test "$target" -- --nocapture --test-threads 1 \
  2>&1 | tee "$log" || status=$?
elapsed=$(($(date +%s) - started))

echo
echo "== $target: ${seconds} s requested, ${elapsed} s wall clock"
grep -oE 'fuzz [a-z_]+(/[a-z_]+)?: .*' "$log" || true
if [[ $status -eq 0 ]]; then
  echo "outcome: no failure"
else
  echo "outcome: FAILED (exit status $status; the failing target, seed and minimal input are above)"
fi
exit "$status"
