#!/usr/bin/env bash
# HTML main-text extractors side by side, in one run, on the same pages: storyline's own
# extractor (crates/extract/examples/extract_pages.rs), Python trafilatura (pip install
# trafilatura lxml_html_clean; test-time only), and the Rust ports rs-trafilatura and
# trafilatura (bench/extractors/rust-peers, its own Cargo project). Then the time of
# `storyline ingest` on the 300-page OrangeSum WARC. Not part of `cargo test`; needs ../shared/data.
#
# Usage: bench/extractors.sh            (prints the table; outputs kept in $OUT, default a temp dir)
#
# Sets: scrapinghub-article-extraction-benchmark (181 pages) and trafilatura-eval (990 pages),
# decompressed up front into one folder per set so that every tool reads the same plain files.
# Columns:
#   P, R, F1     each set's own metric (bench/extractors/score.py): Scrapinghub = per-document
#                4-gram shingle precision/recall averaged over documents; trafilatura = micro
#                P/R over 'with' (must appear) and 'without' (must not appear) segments.
#   title, author, date  accuracy on the trafilatura set, each over the entries whose gold value
#                is non-empty (845 / 538 / 728): title equal after NFKC, case folding and
#                whitespace normalisation; author the same, also ignoring the separators between
#                names (; , / & and und et); date = the first 10 characters of the prediction
#                (YYYY-MM-DD) equal the gold day. A tool that gives no value is wrong; "-" means
#                the tool has no such field.
#   pages/s      pages / the tool's own extraction time on all cores (reading each file
#                included; process start-up, Python imports and pool start excluded).
#   peak MiB     maximum resident set size from /usr/bin/time -v. For Python it is the largest
#                single process (the parent or one of the 2 workers), not their sum.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
sh_set=$data/scrapinghub-article-extraction-benchmark
tf_set=$data/trafilatura-eval
warc=$data/orangesum-fr/orangesum-sample-300.warc.gz
if [[ ! -d $sh_set || ! -d $tf_set ]]; then
  echo "skipped: $sh_set or $tf_set absent"
  exit 0
fi
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT/pages/scrapinghub" "$OUT/pages/trafilatura"
for f in "$sh_set"/html/*.html.gz; do
  name=$(basename -- "$f" .gz)
  gzip -dc -- "$f" >"$OUT/pages/scrapinghub/$name"
done
for f in "$tf_set"/html/*.html.gz; do
  name=$(basename -- "$f" .gz)
  gzip -dc -- "$f" >"$OUT/pages/trafilatura/$name"
done

echo "building storyline (release)..." >&2
cargo build --release --locked -p storyline-extract --example extract_pages >&2
cargo build --release --locked -p storyline >&2
tools=("storyline|./target/release/examples/extract_pages")
if python3 -c "import trafilatura" 2>/dev/null; then
  version=$(python3 -c "import trafilatura; print(trafilatura.__version__)")
  tools+=("trafilatura-py $version|python3 bench/extractors/run_trafilatura.py")
else
  echo "skipped: Python trafilatura (not installed: pip install trafilatura lxml_html_clean)"
fi
echo "building bench/extractors/rust-peers (release)..." >&2
if cargo build --release --locked --manifest-path bench/extractors/rust-peers/Cargo.toml >&2; then
  peers=bench/extractors/rust-peers/target/release/rust-peers
  tools+=("rs-trafilatura 0.2.2|$peers rs-trafilatura" "trafilatura-rs 0.6.0|$peers trafilatura")
else
  echo "skipped: rs-trafilatura and trafilatura-rs (bench/extractors/rust-peers does not build here)"
fi

rows=$OUT/rows.tsv
printf 'tool\tset\tP\tR\tF1\ttitle\tauthor\tdate\tpages/s\tpeak MiB\n' >"$rows"
for entry in "${tools[@]}"; do
  tool=${entry%%|*}
  cmd=${entry#*|}
  slug=${tool%% *}
  for set in scrapinghub trafilatura; do
    pred=$OUT/$slug-$set.json
    log=$OUT/$slug-$set.log
    # shellcheck disable=SC2086 # cmd is a command line with its arguments
    if ! /usr/bin/time -v $cmd "$OUT/pages/$set" >"$pred" 2>"$log"; then
      echo "failed: $tool on $set (see $log)"
      continue
    fi
    python3 - "$tool" "$set" "$pred" "$log" >>"$rows" <<'EOF'
import json, re, subprocess, sys
tool, set_, pred, log = sys.argv[1:]
text = open(log, encoding="utf-8", errors="replace").read()
pages, seconds = map(float, re.search(r"timing pages=(\d+) seconds=([\d.]+)", text).groups())
rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
m = json.loads(subprocess.run([sys.executable, "bench/extractors/score.py", set_, pred],
                              check=True, capture_output=True, text=True).stdout)
has = set()
for v in json.load(open(pred, encoding="utf-8")).values():
    has |= {k for k in ("title", "author", "date") if k in v}
def acc(field):
    if set_ != "trafilatura" or m.get(f"{field}_acc") is None:
        return ""
    return f"{m[field + '_acc']:.3f}" if field in has else "-"
print("\t".join([tool, set_, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                 acc("title"), acc("author"), acc("date"), f"{pages / seconds:.0f}", f"{rss_kib / 1024:.0f}"]))
EOF
  done
done
column -t -s $'\t' "$rows"

if [[ -f $warc ]]; then
  db=$OUT/ingest.sqlite
  rm -f "$db"
  /usr/bin/time -v ./target/release/storyline ingest "$warc" --db "$db" --json >"$OUT/ingest.json" 2>"$OUT/ingest.log"
  python3 - "$OUT/ingest.json" "$OUT/ingest.log" <<'EOF'
import json, re, sys
s = json.load(open(sys.argv[1]))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[2]).read()).group(1))
print(f"\nstoryline ingest orangesum-sample-300.warc.gz: read {s['read']}, stored {s['stored']}, "
      f"failed {len(s['failed'])} in {s['seconds']:.2f} s = {s['read'] / s['seconds']:.0f} articles/s "
      f"(read + extract + analyze + store + relink), peak {rss / 1024:.0f} MiB")
EOF
else
  echo "skipped: $warc absent"
fi
echo "outputs: $OUT" >&2
