#!/usr/bin/env python3
"""Scores `entity-graph extract` on the shared seeds and the Polish dev set and fails below the
thresholds the recognition issue set, so that they stay passing.

    scripts/check-scores.py BINARY SHARED_DIR

Seeds: exact-span P and R >= 0.95 overall and >= 0.93 per language, linking >= 0.97.
Polish dev set (base-form gazetteer, --lang pl): R >= 0.85 and P >= 0.90 on PER, ORG, LOC.
"""
import json
import os
import subprocess
import sys
import tempfile


def run(command, output):
    with open(output, "w", encoding="utf-8") as handle:
        subprocess.run(command, stdout=handle, check=True)


def score(shared, gold, predictions, *extra):
    tool = os.path.join(shared, "tools", "score-mentions.py")
    result = subprocess.run([sys.executable, tool, gold, predictions, "--json", *extra],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        seeds = os.path.join(folder, "seeds.jsonl")
        run([binary, "extract", os.path.join(shared, "seeds"), "--format", "jsonl"], seeds)
        report = score(shared, os.path.join(shared, "gold", "mentions.jsonl"), seeds, "--by-lang")
        for name, result in report.items():
            exact = result["exact"]
            floor = 0.95 if name == "all" else 0.93
            print(f"seeds {name:>3}: P={exact['P']:.3f} R={exact['R']:.3f} F1={exact['F1']:.3f} "
                  f"linking={result['linking_accuracy']:.3f}")
            if exact["P"] < floor or exact["R"] < floor:
                failures.append(f"seeds {name}: P {exact['P']:.3f} R {exact['R']:.3f} below {floor}")
            if name == "all" and result["linking_accuracy"] < 0.97:
                failures.append(f"seeds linking {result['linking_accuracy']:.3f} below 0.97")

        dev_folder = os.path.join(shared, "dev", "bsnlp-pl")
        if os.path.isdir(dev_folder):
            dev = os.path.join(folder, "dev.jsonl")
            run([binary, "extract", "--gazetteer", os.path.join(dev_folder, "gazetteer.tsv"), "--lang", "pl",
                 "--format", "jsonl", os.path.join(dev_folder, "docs")], dev)
            report = score(shared, os.path.join(dev_folder, "gold.jsonl"), dev,
                           "--types", "PER,ORG,LOC", "--ignore-flag", "group_noun")
            exact = report["all"]["exact"]
            print(f"dev-pl   : P={exact['P']:.3f} R={exact['R']:.3f} F1={exact['F1']:.3f} "
                  f"linking={report['all']['linking_accuracy']:.3f}")
            if exact["R"] < 0.85 or exact["P"] < 0.90:
                failures.append(f"Polish dev set: P {exact['P']:.3f} R {exact['R']:.3f} below P 0.90 / R 0.85")
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
