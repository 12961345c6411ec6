#!/usr/bin/env bash
# How the cost of read + extract + analyze + link grows with the input: the first 9,000,
# 18,000 OrangeSum articles and the whole corpus (36,152 OrangeSum + 300 BASIL), one run each, as a
# Markdown table. CPU seconds are the better measure on a shared machine; wall seconds are
# shown too. Needs ../shared/data. Usage: bench/linearity.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p storyline >&2
echo "| articles | wall s | CPU s | CPU µs per article | link stage s | peak RSS MiB |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in 9000 18000 999999; do
  ./target/release/storyline bench --limit "$n" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
n, cpu = r["articles"], r["cpu_seconds"]
print("| %s | %.1f | %.1f | %.0f | %.1f | %.0f |" % (format(n, ","), r["total_seconds"], cpu, 1e6 * cpu / n, r["link_seconds"], r["peak_rss_mib"]))'
done
