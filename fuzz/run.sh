#!/usr/bin/env bash
# Runs each fuzz target (html, feed, warc) for a fixed time and exits non-zero when one crashes.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (default 60 s each, all targets)
# Needs cargo-fuzz (cargo install cargo-fuzz); works on the stable toolchain through
# RUSTC_BOOTSTRAP=1 (see fuzz/README.md). Crashes are kept in fuzz/artifacts/TARGET/.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(html feed warc)
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --help >/dev/null 2>&1; then
  echo "cargo-fuzz is not installed: cargo install cargo-fuzz" >&2
  exit 2
fi
cargo fuzz build >&2 || exit 2
failed=()
for target in "${targets[@]}"; do
  corpus=corpus/$target
  mkdir -p "$corpus"
  # A first run starts from small valid inputs: fuzz/seeds/TARGET, and for html the example pages.
  if [[ -z $(ls -A "$corpus") ]]; then
    [[ -d seeds/$target ]] && cp seeds/"$target"/* "$corpus"/
    [[ $target == html ]] && find ../examples/corpus -name '*.html' -exec cp -t "$corpus" {} +
  fi
  echo "== $target, $seconds s"
  # -rss_limit_mb: a reader must not need more than this on a small input.
  if ! cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1 2>&1 | tail -n 12; then
    failed+=("$target")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "crashed: ${failed[*]} (reproducers in fuzz/artifacts/)"
  exit 1
fi
echo "no crash in ${targets[*]}"
