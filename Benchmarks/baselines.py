#!/usr/bin/env python3
"""Runs one dictionary-matching baseline over a gazetteer and a JSON lines corpus and prints one
JSON object with its timings and peak memory.

    baselines.py flashtext2|pyahocorasick GAZETTEER.tsv CORPUS.jsonl

flashtext2 (Rust core): every alias added with add_keywords_with_clean_word_from_iter (alias, id), then extract_keywords
on every document's text. pyahocorasick: every lower-cased alias added and the automaton made,
then iter_long over every lower-cased text, keeping matches on word boundaries.
"""
import json
import resource
import sys
import time


def aliases(path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3 and fields[0]:
                yield fields[0], fields[1]


def documents(path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)["text"]


def run_flashtext2(gazetteer, corpus):
    from flashtext2 import KeywordProcessor
    started = time.perf_counter()
    processor = KeywordProcessor(case_sensitive=False)
    processor.add_keywords_with_clean_word_from_iter(aliases(gazetteer))
    built = time.perf_counter()
    found = size = 0
    for text in documents(corpus):
        size += len(text.encode("utf-8"))
        found += len(processor.extract_keywords(text))
    return built - started, time.perf_counter() - built, found, size


def run_pyahocorasick(gazetteer, corpus):
    import ahocorasick
    started = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for alias, entity in aliases(gazetteer):
        key = alias.lower()
        automaton.add_word(key, (len(key), entity))
    automaton.make_automaton()
    built = time.perf_counter()
    found = size = 0
    for text in documents(corpus):
        size += len(text.encode("utf-8"))
        lowered = text.lower()
        for end, (length, _) in automaton.iter_long(lowered):
            start = end - length + 1
            if (start == 0 or not lowered[start - 1].isalnum()) and (end + 1 == len(lowered) or not lowered[end + 1].isalnum()):
                found += 1
    return built - started, time.perf_counter() - built, found, size


def main():
    tool, gazetteer, corpus = sys.argv[1:4]
    build, match, found, size = {"flashtext2": run_flashtext2, "pyahocorasick": run_pyahocorasick}[tool](gazetteer, corpus)
    print(json.dumps({"tool": tool, "build_s": build, "match_s": match, "total_s": build + match, "mentions": found,
                      "bytes": size, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
