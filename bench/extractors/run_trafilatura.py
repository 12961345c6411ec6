#!/usr/bin/env python3
"""Runs Python trafilatura over a folder of .html pages on 2 processes (bench/extractors.sh).

Usage: run_trafilatura.py DIR > out.json

Prints {id: {articleBody, title, author, date}} (id = file name without ".html") and one
"timing pages=N seconds=S" line on stderr for the extraction alone (imports and pool start-up
excluded, each file's reading included), the same contract as rust-peers and extract_pages.

Settings are the trafilatura evaluation's canonical ones (tests/eval_common.py: no comments,
tables kept, no formatting, fallback extractors on), with metadata, on both sets. Pages are given
as bytes so that trafilatura decodes them itself.
"""

import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import trafilatura


def run(path):
    try:
        doc = trafilatura.bare_extraction(
            path.read_bytes(),
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            with_metadata=True,
        )
    except Exception as exc:  # a crash is an empty extraction, as the set's own script counts it
        print(f"{path.stem}: {exc}", file=sys.stderr)
        doc = None
    if doc is None:
        return path.stem, {"articleBody": ""}
    return path.stem, {"articleBody": doc.text or "", "title": doc.title, "author": doc.author, "date": doc.date}


def main():
    pages = sorted(Path(sys.argv[1]).glob("*.html"))
    with Pool(2) as pool:
        pool.map(len, [[]] * 2)  # start both workers (and their imports) before the clock
        start = time.perf_counter()
        results = dict(pool.map(run, pages, chunksize=4))
        seconds = time.perf_counter() - start
    json.dump(results, sys.stdout, ensure_ascii=False)
    print(f"timing pages={len(pages)} seconds={seconds:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
