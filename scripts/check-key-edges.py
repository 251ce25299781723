#!/usr/bin/env python3
"""Checks a graph built from the seeds against ../shared/gold/key_edges.json.

    scripts/check-key-edges.py MENTIONS.jsonl GRAPH.graphml GOLD_DIR

Gold entities are paired with the tool's ids through the mentions (the id each gold entity most
often received), then every key edge is looked up in the GraphML. Exits 1 when a core edge is
missing or Musk–Putin is not the strongest edge by count.
"""
import collections
import json
import sys
import xml.etree.ElementTree as ElementTree

mentions_path, graph_path, gold_dir = sys.argv[1:4]
gold = {(r["doc"], r["start"], r["end"]): r for r in map(json.loads, open(f"{gold_dir}/mentions.jsonl"))}
votes = collections.defaultdict(collections.Counter)
for row in map(json.loads, open(mentions_path)):
    g = gold.get((row["doc"].split("/")[-1], row["start"], row["end"]))
    if g:
        votes[g["entity"]][row["entity"]] += 1
ids = {entity: counter.most_common(1)[0][0] for entity, counter in votes.items()}

ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ElementTree.parse(graph_path).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
edges = {}
for edge in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
    data = {keys[d.get("key")]: d.text for d in edge.findall("g:data", ns)}
    edges[frozenset((edge.get("source"), edge.get("target")))] = int(data["count"])

failures = 0
for item in json.load(open(f"{gold_dir}/key_edges.json")):
    a, b = ids.get(item["source"]), ids.get(item["target"])
    count = edges.get(frozenset((a, b))) if a and b else None
    status = "ok  " if count else "MISS"
    if not count and item["priority"] == "core":
        failures += 1
    print(f"{status} {item['priority']:<9} {item['source']} — {item['target']}: {count or 0}")
strongest = max(edges.items(), key=lambda entry: entry[1])
musk_putin = frozenset((ids.get("Elon Musk"), ids.get("Vladimir Putin")))
print(f"strongest by count: {sorted(strongest[0])} ({strongest[1]})")
if strongest[0] != musk_putin:
    failures += 1
sys.exit(1 if failures else 0)
