"""Checks gold/storylines/orangesum.jsonl against OrangeSum: every id exists, no article is a
member of two threads or both member and negative, each thread has at least 5 members spanning
at least 14 days. Prints one line per thread (split, members, span) and, with --titles, the
title of every member and negative for review.

usage: python3 gold/storylines/tools/check.py [--titles] [path/to/orangesum_articles.jsonl.gz]
"""
import gzip, json, sys
from datetime import date

args = [a for a in sys.argv[1:] if a != "--titles"]
titles = "--titles" in sys.argv
corpus = args[0] if args else "../shared/data/orangesum-fr/orangesum_articles.jsonl.gz"
here = __file__.rsplit("/tools/", 1)[0]

articles = {}
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        day = (r.get("published_time") or r.get("date") or "")[:10]
        articles[str(r["id"])] = (day, r.get("title") or "")

errors, member_of = [], {}
threads = [json.loads(l) for l in open(f"{here}/orangesum.jsonl", encoding="utf-8")]
for i, t in enumerate(threads):
    split = "dev" if i % 2 == 0 else "test"
    for m in t["members"]:
        if m in member_of:
            errors.append(f"{m} is a member of {member_of[m]} and {t['thread']}")
        member_of[m] = t["thread"]
    unknown = [x for x in t["members"] + [n["id"] for n in t["negatives"]] if x not in articles]
    errors += [f"{t['thread']}: unknown id {x}" for x in unknown]
    days = sorted(date.fromisoformat(articles[m][0]) for m in t["members"] if m in articles)
    span = (days[-1] - days[0]).days if days else 0
    if len(t["members"]) < 5 or span < 14:
        errors.append(f"{t['thread']}: {len(t['members'])} members over {span} days")
    print(f"{i:2d} {split:4s} {t['thread']:24s} members {len(t['members']):2d} negatives "
          f"{len(t['negatives'])} span {span:4d} days ({days[0]} .. {days[-1]})")
    if titles:
        for m in t["members"]:
            print(f"     + {m:>6s} {articles[m][0]} {articles[m][1][:90]}")
        for n in t["negatives"]:
            print(f"     - {n['id']:>6s} {articles[n['id']][0]} {articles[n['id']][1][:90]}")
for t in threads:
    for n in t["negatives"]:
        if n["id"] in member_of:
            errors.append(f"{t['thread']}: negative {n['id']} is a member of {member_of[n['id']]}")
print("\n".join(errors) or "ok")
sys.exit(1 if errors else 0)
