#!/usr/bin/env python3
"""Scores HTML main-text extractors on the two shared extraction sets, by each set's own metric.

Usage:
  score.py scrapinghub PRED.json [--data DIR]   # DIR: .../scrapinghub-article-extraction-benchmark
  score.py trafilatura PRED.json [--data DIR]   # DIR: .../trafilatura-eval
  score.py check [--data DIR]                   # reproduces the published scrapinghub F1 of committed peer outputs

PRED.json maps an id to {"articleBody": str, "title"?: str, "author"?: str, "date"?: str}. Ids are
the scrapinghub page hashes, or the trafilatura-eval file names without ".html". A page missing
from PRED counts as an empty extraction (the extractor failed on it). The result is one JSON object
on stdout.

Metrics, re-implemented from the sets' own scripts (their semantics, not their code):
- scrapinghub (evaluate.py of scrapinghub/article-extraction-benchmark): tokens are the \\w+ runs
  of the text, case kept; a document's shingles are its 4-token windows (one shorter shingle for a
  text of 1..3 tokens, none for an empty one), counted as multisets. Per document TP = sum of
  min(true, pred) counts, FP and FN the excesses, then TP, FP, FN divided by their sum so each
  document weighs the same. Precision is the mean of per-document precisions over documents with
  TP+FP > 0 (1 when FP = FN = 0), recall likewise over TP+FN > 0; F1 = 2PR/(P+R).
- trafilatura (tests/eval_common.py of adbar/trafilatura): whitespace runs become one space and the
  ends are trimmed, in both the segments and the extraction. Each "with" segment found as a
  substring is a TP (else FN), each "without" segment found is an FP. Micro P/R/F1 over all
  segments of all documents.

Metadata accuracy (trafilatura set only; bench/extractors.sh prints it), each over the entries
whose gold value is non-empty (845 titles, 538 authors, 728 dates):
- title: equal after Unicode NFKC, case folding and whitespace normalisation;
- author: the same normalisation, and also ignoring the separators between several names
  ("A; B", "A, B", "A and B" all become "a b"); a gold list of authors is joined the same way;
- date: the first 10 characters (YYYY-MM-DD) of the prediction equal the gold day.
"""

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
TOKEN = re.compile(r"\w+")
SPACE = re.compile(r"\s+")
# Published Scrapinghub F1 of committed peer outputs (shared/data/README.md, from the set's README).
PUBLISHED = {"trafilatura": 0.958, "go_trafilatura": 0.960, "rs_trafilatura": 0.970, "dom_smoothie": 0.865}


def shingles(text, n=4):
    """The multiset of n-token windows of text (\\w+ tokens)."""
    tokens = TOKEN.findall(text or "")
    if len(tokens) <= n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def doc_counts(true, pred):
    """Per-document (tp, fp, fn) over shingles, normalised to sum to 1."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def ratio(part, other_a, other_b):
    """part / (part + other_a), with the set's conventions for empty cases."""
    if other_a == other_b == 0:
        return 1.0
    if part == other_a == 0:
        return 0.0
    return part / (part + other_a)


def score_scrapinghub(pred, data):
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    counts = [doc_counts(gold.get("articleBody", ""), body_of(pred.get(key))) for key, gold in truth.items()]
    precisions = [ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    missing = sum(1 for key in truth if key not in pred)
    return {"set": "scrapinghub", "docs": len(truth), "missing": missing, "precision": p, "recall": r, "f1": f1(p, r)}


def norm(text):
    return SPACE.sub(" ", text).strip()


def fold(text):
    return norm(unicodedata.normalize("NFKC", text).casefold())


def author_key(value):
    if isinstance(value, list):
        value = " ".join(v for v in value if isinstance(v, str))
    words = re.sub(r"[;,/|&]|\band\b|\bund\b|\bet\b", " ", fold(value or ""))
    return norm(words)


def score_trafilatura(pred, data):
    evaldata = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    meta = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}
    missing = 0
    for item in evaldata.values():
        key = item["file"].removesuffix(".html")
        found = pred.get(key)
        missing += found is None
        text = norm(body_of(found))
        hits = sum(1 for seg in item["with"] if norm(seg) in text)
        tp += hits
        fn += len(item["with"]) - hits
        fp += sum(1 for seg in item["without"] if norm(seg) in text)
        found = found if isinstance(found, dict) else {}
        for field, same in (("title", same_title), ("author", same_author), ("date", same_date)):
            gold = item.get(field)
            if gold and (not isinstance(gold, str) or gold.strip()):
                meta[field][1] += 1
                meta[field][0] += bool(found.get(field)) and same(gold, found[field])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    out = {"set": "trafilatura", "docs": len(evaldata), "missing": missing, "precision": p, "recall": r, "f1": f1(p, r)}
    for field, (right, total) in meta.items():
        out[f"{field}_acc"] = right / total if total else None
        out[f"{field}_n"] = total
    return out


def same_title(gold, found):
    return fold(gold) == fold(found)


def same_author(gold, found):
    return author_key(gold) == author_key(found)


def same_date(gold, found):
    return str(found)[:10] == gold[:10]


def body_of(found):
    if isinstance(found, dict):
        return found.get("articleBody") or ""
    return ""


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def load_predictions(path):
    pred = json.loads(Path(path).read_text(encoding="utf-8"))
    # Some committed scrapinghub outputs are wrapped as {"version": .., "output": {..}}.
    if isinstance(pred, dict) and isinstance(pred.get("output"), dict):
        pred = pred["output"]
    return pred


def check(data):
    """Scores the committed peer outputs and compares with the published F1 (to 3 decimals)."""
    ok = True
    for name, published in PUBLISHED.items():
        got = score_scrapinghub(load_predictions(data / "output" / f"{name}.json"), data)["f1"]
        same = round(got, 3) == published
        ok &= same
        print(f"{name:<16} F1 {got:.3f}  published {published:.3f}  {'ok' if same else 'DIFFERENT'}")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", choices=["scrapinghub", "trafilatura", "check"])
    parser.add_argument("pred", nargs="?")
    parser.add_argument("--data", type=Path)
    args = parser.parse_args()
    default = {"scrapinghub": "scrapinghub-article-extraction-benchmark", "check": "scrapinghub-article-extraction-benchmark",
               "trafilatura": "trafilatura-eval"}[args.set]
    data = args.data or SHARED / default
    if not data.is_dir():
        print(f"skipped: {data} absent", file=sys.stderr)
        return 0
    if args.set == "check":
        return 0 if check(data) else 1
    if not args.pred:
        parser.error("PRED.json is required")
    pred = load_predictions(args.pred)
    scorer = score_scrapinghub if args.set == "scrapinghub" else score_trafilatura
    print(json.dumps(scorer(pred, data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
