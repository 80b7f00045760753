#!/usr/bin/python3
"""Scores a built graph against the hand labels in labels/*.jsonl (see RULES.md).

    score.py GRAPH [--labels DIR] [--base IRI] [--disagreements] [--json]

GRAPH is read with rdflib (an independent reader: the format comes from the extension). For each
relation the script prints, per label set (seed, family), the number of gold and predicted facts
on the labelled units, the matches, precision, recall and F1; --disagreements lists every missed
(-) and extra (+) fact by unit. Exit status 0 when it scored, 1 when the input is unusable.
"""
import argparse
import collections
import json
import pathlib
import re
import sys

try:
    import rdflib
    from rdflib.namespace import RDF, RDFS, SKOS, DCTERMS
except ImportError:  # pragma: no cover
    sys.exit("score.py: needs rdflib (Debian: python3-rdflib)")

POL = rdflib.Namespace("https://w3id.org/policykg/ontology#")
RELATIONS = ["kind", "sector", "instrumentType", "condition", "dependsOn", "appliesTo", "excludes",
             "references", "mentions", "responsible", "role"]


def norm(s):
    """Lower case, words of letters and digits only, no leading article, no possessive."""
    s = re.sub(r"[\u2019']s\b", "", s.lower())
    words = re.findall(r"[0-9a-z]+", s)
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def dice(a, b):
    """Word overlap of two normalised strings, 0..1."""
    x, y = collections.Counter(a.split()), collections.Counter(b.split())
    if not x or not y:
        return 0.0
    return 2 * sum((x & y).values()) / (sum(x.values()) + sum(y.values()))


def contains(longer, shorter):
    return bool(shorter) and f" {shorter} " in f" {longer} "


def doc_key(s):
    """(year, number) of a document number in any usual form, or None."""
    year = re.search(r"\b(19|20)\d\d\b", s)
    if not year:
        return None
    rest = (s[:year.start()] + " " + s[year.end():])
    num = re.search(r"\b\d{1,4}\b", rest)
    return (year.group(0), num.group(0)) if num else None


# How a gold string matches a predicted node's names, by relation.
def match_name(gold, names):
    g = norm(gold)
    return any(norm(n) == g for n in names)


def match_phrase(gold, names):
    g = norm(gold)
    for n in names:
        n = norm(n)
        if n == g or dice(n, g) >= 0.5 or contains(n, g) or contains(g, n):
            return True
    return False


def match_document(gold, names):
    gk = doc_key(gold)
    for n in names:
        if gk and doc_key(n) == gk:
            return True
        if norm(n) == norm(gold) or dice(norm(n), norm(gold)) >= 0.6:
            return True
    return False


MATCHERS = {"sector": lambda g, n: g in n, "instrumentType": lambda g, n: g in n, "kind": lambda g, n: g in n,
            "condition": match_phrase, "dependsOn": match_phrase, "appliesTo": match_name,
            "excludes": match_name, "references": match_document, "mentions": match_name,
            "responsible": match_name, "role": lambda g, n: g in n}


class Graph:
    def __init__(self, path):
        self.g = rdflib.Graph()
        fmt = rdflib.util.guess_format(str(path)) or "turtle"
        self.g.parse(str(path), format=fmt)

    def names(self, node):
        """Every string a node is known by (labels, titles, identifiers, its IRI's tail, a unit's text)."""
        if isinstance(node, rdflib.Literal):
            return [str(node)]
        out = []
        for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, DCTERMS.title, DCTERMS.identifier, POL.text):
            out += [str(o) for o in self.g.objects(node, p)]
        out.append(str(node).rsplit("/", 1)[-1].replace("-", " "))
        return out

    def local(self, node):
        return str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def predicted(self, unit):
        """Predicted facts of one unit: relation -> list of (display, names)."""
        g, out = self.g, collections.defaultdict(list)
        types = {self.local(t) for t in g.objects(unit, RDF.type)}
        for k in ("Measure", "Statement"):
            if k in types:
                out["kind"].append((k, [k]))
        for rel in ("sector", "instrumentType"):
            for o in g.objects(unit, POL[rel]):
                out[rel].append((self.local(o), [self.local(o)]))
        for o in g.objects(unit, POL.condition):
            out["condition"].append((str(o), self.names(o)))
        for rel in ("dependsOn", "appliesTo", "excludes", "references", "mentions"):
            for o in g.objects(unit, POL[rel]):
                out[rel].append((self.display(o), self.names(o)))
        for o in g.objects(unit, POL.responsibleParty):
            out["responsible"].append((self.display(o), self.names(o)))
        for q in g.objects(unit, POL.qualifiedResponsibility):
            for agent in g.objects(q, POL.agent):
                for role in g.objects(q, POL.role):
                    r = self.local(role)
                    r = r[:-4].lower() if r.endswith("Role") else r.lower()
                    out["role"].append((f"{self.display(agent)}/{r}", [f"{n}/{r}" for n in self.names(agent)]))
        return out

    def display(self, node):
        for p in (RDFS.label, DCTERMS.identifier):
            for o in self.g.objects(node, p):
                return str(o)
        return str(node)

    def text(self, unit):
        for o in self.g.objects(unit, POL.text):
            return " ".join(str(o).split())
        return None


def gold_facts(label):
    out = collections.defaultdict(list)
    out["kind"] = [label["kind"]]
    for rel in ("sector", "condition", "dependsOn", "appliesTo", "excludes", "references", "mentions"):
        out[rel] = list(label.get(rel) or [])
    if label.get("instrumentType"):
        out["instrumentType"] = [label["instrumentType"]]
    for r in label.get("responsible") or []:
        # pol:responsibleParty names the bodies that act; approving and being handed the
        # implementation are roles only.
        if r["role"] not in ("approve", "addressee") and r["party"] not in out["responsible"]:
            out["responsible"].append(r["party"])
        out["role"].append(f"{r['party']}/{r['role']}")
    return out


def match(rel, gold, predicted):
    """One-to-one matching; returns (matched pairs, unmatched gold, unmatched predicted)."""
    free = list(range(len(predicted)))
    missed, pairs = [], []
    matcher = MATCHERS[rel]
    if rel == "role":
        def matcher(g, names):
            party, _, role = g.rpartition("/")
            return any(n.endswith("/" + role) and match_name(party, [n[:-len(role) - 1]]) for n in names)
    for g in gold:
        hit = next((i for i in free if matcher(g, predicted[i][1])), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((g, predicted[hit][0]))
    return pairs, missed, [predicted[i][0] for i in free]


def main():
    here = pathlib.Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph")
    ap.add_argument("--labels", default=str(here / "labels"))
    ap.add_argument("--base", default="https://w3id.org/policykg/id/")
    ap.add_argument("--disagreements", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    try:
        graph = Graph(args.graph)
    except Exception as e:  # rdflib raises many kinds
        sys.exit(f"score.py: cannot read {args.graph}: {e}")
    label_files = sorted(pathlib.Path(args.labels).glob("*.jsonl"))
    if not label_files:
        sys.exit(f"score.py: no labels/*.jsonl in {args.labels}")

    counts = collections.defaultdict(lambda: collections.Counter())  # (set, rel) -> gold/pred/tp
    lines_out, warnings = [], []
    units_per_set = collections.Counter()
    for lf in label_files:
        label_set = lf.stem.split("-")[0]
        for n, line in enumerate(lf.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                label = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"score.py: {lf}:{n}: {e}")
            unit = rdflib.URIRef(f"{args.base}doc/{label['doc']}/{label['unit']}")
            units_per_set[label_set] += 1
            text = graph.text(unit)
            if text is None:
                warnings.append(f"{label['doc']}/{label['unit']}: not in the graph")
            elif text != " ".join(label["text"].split()):
                warnings.append(f"{label['doc']}/{label['unit']}: the graph's text differs from the label's")
            gold, pred = gold_facts(label), graph.predicted(unit)
            for rel in RELATIONS:
                pairs, missed, extra = match(rel, gold[rel], pred[rel])
                c = counts[(label_set, rel)]
                c["gold"] += len(gold[rel])
                c["pred"] += len(pred[rel])
                c["tp"] += len(pairs)
                for m in missed:
                    lines_out.append(f"{label['doc'][:30]}/{label['unit']}\t{rel}\t- {m}")
                for x in extra:
                    lines_out.append(f"{label['doc'][:30]}/{label['unit']}\t{rel}\t+ {x}")

    def prf(c):
        p = c["tp"] / c["pred"] if c["pred"] else 1.0
        r = c["tp"] / c["gold"] if c["gold"] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    report = {}
    for label_set in sorted(units_per_set):
        report[label_set] = {"units": units_per_set[label_set], "relations": {}}
        for rel in RELATIONS:
            c = counts[(label_set, rel)]
            p, r, f = prf(c)
            report[label_set]["relations"][rel] = {"gold": c["gold"], "predicted": c["pred"], "matched": c["tp"],
                                                   "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        for label_set, r in report.items():
            print(f"{label_set}: {r['units']} labelled units")
            print(f"  {'relation':<15} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6}")
            for rel, v in r["relations"].items():
                print(f"  {rel:<15} {v['gold']:>5} {v['predicted']:>5} {v['matched']:>5} "
                      f"{v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}")
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if args.disagreements:
        print("\n".join(lines_out))


if __name__ == "__main__":
    main()
