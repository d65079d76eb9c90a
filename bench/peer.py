#!/usr/bin/python3
"""The benchmark's peer: the same job as `citegraph run`, written the way a
researcher would script it today -- Python `re` over each file, then
python-igraph (Debian's python3-igraph) for the graph and its measures.

    peer.py CORPUS OUTDIR

Reads every .txt/.md/.html file under CORPUS; finds document symbols,
Security Council and General Assembly resolutions and URLs with regular
expressions; builds the directed citation graph (one vertex per id, one
edge per citing document and target, weighted by mentions); computes
in-degree, weighted PageRank (damping 0.85) and HITS; writes the ranking
(report.txt), graph.dot and graph.graphml into OUTDIR.  It is simpler than
citegraph (no short forms, no bodies, no lists), so the comparison
favours it."""
import os
import re
import sys

import igraph

SYMBOL = re.compile(rb"\b[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)*/[A-Za-z0-9.\-]*[0-9]\b")
SC_RES = re.compile(rb"[Rr]esolutions? (\d{1,4}) \((\d{4})\)")
GA_RES = re.compile(rb"[Rr]esolutions? (\d{1,3})/(\d{1,4})")
URL = re.compile(rb"https?://[^\s<>\"')\]]+")


def references(data):
    for m in SYMBOL.finditer(data):
        yield m.group(0).decode("utf-8", "replace")
    for m in SC_RES.finditer(data):
        yield "S/RES/%d (%s)" % (int(m.group(1)), m.group(2).decode())
    for m in GA_RES.finditer(data):
        yield "A/RES/%d/%d" % (int(m.group(1)), int(m.group(2)))
    for m in URL.finditer(data):
        yield m.group(0).decode("utf-8", "replace").rstrip(".,;")


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    weights = {}
    docs = []
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith((".txt", ".md", ".html", ".htm")):
                continue
            path = os.path.join(root, name)
            doc = "doc:" + os.path.relpath(path, corpus).rsplit(".", 1)[0]
            docs.append(doc)
            with open(path, "rb") as f:
                data = f.read()
            for target in references(data):
                key = (doc, target)
                weights[key] = weights.get(key, 0) + 1
    g = igraph.Graph.TupleList(((a, b, w) for (a, b), w in weights.items()),
                               directed=True, weights=True)
    w = g.es["weight"] if g.ecount() else None
    g.vs["cited_by"] = g.indegree()
    g.vs["mentions"] = g.strength(mode="in", weights=w)
    g.vs["pagerank"] = g.pagerank(weights=w, damping=0.85)
    if g.ecount():
        g.vs["hub"] = g.hub_score(weights=w)
        g.vs["authority"] = g.authority_score(weights=w)
    order = sorted(range(g.vcount()), key=lambda v: (-g.vs[v]["cited_by"],
                                                     -g.vs[v]["mentions"],
                                                     -g.vs[v]["pagerank"], g.vs[v]["name"]))
    with open(os.path.join(out, "report.txt"), "w") as f:
        f.write("documents read %d\nvertices %d\nedges %d\n\n" % (len(docs), g.vcount(), g.ecount()))
        for rank, v in enumerate(order, 1):
            x = g.vs[v]
            f.write("%6d %6d %6d %.6f %s\n" % (rank, x["cited_by"], x["mentions"], x["pagerank"],
                                              x["name"]))
    g.write_dot(os.path.join(out, "graph.dot"))
    g.write_graphml(os.path.join(out, "graph.graphml"))
    print("documents %d, vertices %d, edges %d" % (len(docs), g.vcount(), g.ecount()))


if __name__ == "__main__":
    main()
