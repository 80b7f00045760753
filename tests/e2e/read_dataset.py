"""Reads an N-Quads or TriG file with rdflib and prints, per graph, its name and triple count
(the default graph as DEFAULT), one line each, sorted: what tests/e2e/build_corpus_test.cpp checks.
Usage: read_dataset.py nquads|trig FILE"""
import sys

import rdflib

fmt, path = sys.argv[1], sys.argv[2]
ds = rdflib.Dataset()
ds.parse(path, format=fmt)
lines = []
for g in ds.graphs():
    if len(g) == 0:
        continue
    name = "DEFAULT" if g.identifier == rdflib.graph.DATASET_DEFAULT_GRAPH_ID or str(g.identifier).startswith("file:") else str(g.identifier)
    lines.append(f"{name} {len(g)}")
print("\n".join(sorted(lines)))
