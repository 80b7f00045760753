#!/usr/bin/env python3
"""How far two readers of the same units agree: the ceiling a reader of the text can be held to.

    python3 bench/extraction/agreement.py

Compares, unit by unit, the two independent readings in agreement/ (first-reading.jsonl: the labels
as first written; second-reading.jsonl: a second reader's, made from the rules and the text alone)
with each other and with the adjudicated labels in labels/*.jsonl (agreement/adjudication.jsonl:
each disputed field decided by a third reader, who saw both readings and neither the graph). For
`kind` and `instrumentType`: the share of units labelled alike and Cohen's kappa; for `sector`:
precision, recall and F1 of one reading's sectors against the other's, counted as score.py counts
them."""
import collections
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def read(paths):
    units = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            unit = json.loads(line)
            units[(unit["doc"], unit["unit"])] = unit
    return units


def categorical(a, b, field):
    pairs = [(a[k][field], b[k][field]) for k in a if k in b]
    pairs = [(x, y) for x, y in pairs if x is not None and y is not None] if field == "instrumentType" else pairs
    n = len(pairs)
    observed = sum(x == y for x, y in pairs) / n
    left, right = collections.Counter(x for x, _ in pairs), collections.Counter(y for _, y in pairs)
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    return f"{n:4d} units  agree {observed:.3f}  kappa {kappa:.3f}"


def sectors(gold, other):
    match = predicted = labelled = 0
    for key, unit in gold.items():
        if key not in other:
            continue
        g, o = set(unit["sector"]), set(other[key]["sector"])
        match, predicted, labelled = match + len(g & o), predicted + len(o), labelled + len(g)
    p, r = match / predicted, match / labelled
    return f"{labelled:4d} gold  P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r):.3f}"


def main():
    first = read([HERE / "agreement/first-reading.jsonl"])
    second = read([HERE / "agreement/second-reading.jsonl"])
    gold = read(sorted((HERE / "labels").glob("*.jsonl")))
    decided = collections.Counter()
    for line in (HERE / "agreement/adjudication.jsonl").read_text(encoding="utf-8").splitlines():
        for field, chose in json.loads(line)["chose"].items():
            if chose != "same":
                decided[(field, chose)] += 1
    for name, a, b in (("first / second", first, second), ("adjudicated / first", gold, first),
                       ("adjudicated / second", gold, second)):
        print(name)
        print(f"  kind            {categorical(a, b, 'kind')}")
        print(f"  instrumentType  {categorical(a, b, 'instrumentType')}")
        print(f"  sector          {sectors(a, b)}")
    print("adjudication: " + ", ".join(f"{field} {chose} {n}" for (field, chose), n in sorted(decided.items())))


if __name__ == "__main__":
    main()
