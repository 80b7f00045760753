#!/usr/bin/python3
"""Reads an exported graph with NetworkX (an independent reader) and prints it as JSON:
{"directed", "multigraph", "nodes": {id: attributes}, "edges": [[source, target, attributes]]}.
Usage: read_graph.py graphml|gexf FILE
Debian 12's NetworkX (2.8) reads GEXF up to 1.2draft, as it comes; 1.3 differs only in its
namespaces, which are registered here when the reader lacks them (newer NetworkX has them built
in). The version is the one the file's namespace names."""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "graphml":
        g = nx.read_graphml(path)
    elif kind == "gexf":
        with open(path, encoding="utf-8") as f:
            head = f.read(400)
        if 'xmlns="http://www.gexf.net/1.2draft"' in head:
            g = nx.read_gexf(path, version="1.2draft")
        elif 'xmlns="http://gexf.net/1.3"' not in head:
            sys.exit("not GEXF 1.2draft or 1.3")
        elif "1.3" not in gexf.GEXF.versions:
            gexf.GEXF.versions["1.3"] = {
                "NS_GEXF": "http://gexf.net/1.3",
                "NS_VIZ": "http://gexf.net/1.3/viz",
                "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
                "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                "VERSION": "1.3",
            }
        if 'xmlns="http://gexf.net/1.3"' in head:
            g = nx.read_gexf(path, version="1.3")
    else:
        sys.exit("unknown kind " + kind)
    out = {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "nodes": {str(n): d for n, d in g.nodes(data=True)},
        "edges": [[str(u), str(v), d] for u, v, d in g.edges(data=True)],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True, default=str)


main()
