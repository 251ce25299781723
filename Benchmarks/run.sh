#!/usr/bin/env bash
# EntityGraph's benchmark: index build and cache, extract on one and on all cores, build end to
# end, peak memory, and the same gazetteer and corpus through flashtext2 and pyahocorasick in the
# same run, so that the figures are ratios that hold on a noisy machine. Never a timed test.
#
#   Benchmarks/run.sh [GAZETTEER.tsv[.gz] CORPUS.jsonl[.gz]]
#
# Without arguments it uses ../shared/bench (a 1.3-million-alias GeoNames gazetteer and 32 MB of
# multilingual text). Scratch files go to ${BENCH_DIR:-/tmp/entity-graph-bench}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$root/.." && pwd)/shared
work=${BENCH_DIR:-/tmp/entity-graph-bench}
mkdir -p "$work"
gazetteer_in=${1:-$shared/bench/gazetteer.tsv.gz}
corpus_in=${2:-$shared/bench/corpus.jsonl.gz}

unpack() {  # unpack FILE NAME → path of a plain copy in $work
  case "$1" in
    *.gz) [ -s "$work/$2" ] || gunzip -c "$1" > "$work/$2"; echo "$work/$2" ;;
    *) echo "$1" ;;
  esac
}
gazetteer=$(unpack "$gazetteer_in" gazetteer.tsv)
corpus=$(unpack "$corpus_in" corpus.jsonl)
corpus_mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]) if l.strip())/1e6)" "$corpus")
head -c 10000000 "$corpus" | sed '$d' > "$work/corpus-10mb.jsonl"
small_mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]) if l.strip())/1e6)" "$work/corpus-10mb.jsonl")

echo "building EntityGraph (release)…" >&2
(cd "$root" && swift build -c release --product entity-graph >/dev/null)
binary="$root/.build/release/entity-graph"

if [ ! -x "$work/venv/bin/python" ] || ! "$work/venv/bin/python" -c "import flashtext2, ahocorasick" 2>/dev/null; then
  echo "installing flashtext2 and pyahocorasick from PyPI…" >&2
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q --disable-pip-version-check flashtext2 pyahocorasick
fi

# Every step runs $runs times (BENCH_RUNS, 3 by default): the table gives the median time and the
# largest peak, since a shared virtual machine can be 30% slower from one run to the next.
runs=${BENCH_RUNS:-3}

measure() {  # measure LABEL COMMAND… → "seconds peak_mb" on stdout, command output discarded
  shift
  : > "$work/times.txt"
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time.txt" -f "%e %M" "$@" >/dev/null 2>"$work/stderr.txt"
    tail -n 1 "$work/time.txt" >> "$work/times.txt"
  done
  sort -n "$work/times.txt" | awk '{t[NR] = $1; if ($2 > m) m = $2} END {printf "%.2f %.0f\n", t[int((NR + 1) / 2)], m / 1024}'
}

# extract on one core and on all, and the two other tools, take turns, round by round, so that
# each ratio compares runs a few seconds apart: the machine's speed drifts by the hour far more
# than within a round.
compare() {  # compare → one line per round in $work/rounds.jsonl
  : > "$work/rounds.jsonl"
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time.txt" -f "%e %M" taskset -c 0 "$binary" extract --jobs 1 --cache "$cache" \
      --gazetteer "$gazetteer" "$corpus" >/dev/null 2>"$work/stderr.txt"
    read -r one_s one_kb < <(tail -n 1 "$work/time.txt")
    /usr/bin/time -o "$work/time.txt" -f "%e %M" "$binary" extract --cache "$cache" \
      --gazetteer "$gazetteer" "$corpus" >/dev/null 2>"$work/stderr.txt"
    read -r all_s all_kb < <(tail -n 1 "$work/time.txt")
    for tool in flashtext2 pyahocorasick; do
      taskset -c 0 "$work/venv/bin/python" "$root/Benchmarks/baselines.py" "$tool" "$gazetteer" "$corpus"
    done | python3 -c '
import json, sys
tools = {r["tool"]: r for r in map(json.loads, sys.stdin)}
print(json.dumps({"one_s": float(sys.argv[1]), "one_mb": int(sys.argv[2]) / 1024, "all_s": float(sys.argv[3]),
                  "all_mb": int(sys.argv[4]) / 1024, **tools}))' "$one_s" "$one_kb" "$all_s" "$all_kb" >> "$work/rounds.jsonl"
  done
}

echo '{"id": "one", "text": "Paris"}' > "$work/one.jsonl"
cache="$work/cache"
rm -rf "$cache"
read -r cold_s cold_mb < <(measure build taskset -c 0 "$binary" extract --no-cache --gazetteer "$gazetteer" "$work/one.jsonl")
# Each run of this step starts without the cache (removing it takes milliseconds).
read -r write_s write_mb < <(measure write bash -c 'rm -rf "$1" && exec taskset -c 0 "$2" extract --cache "$1" --gazetteer "$3" "$4"' \
  _ "$cache" "$binary" "$gazetteer" "$work/one.jsonl")
read -r load_s load_mb < <(measure load taskset -c 0 "$binary" extract --cache "$cache" --gazetteer "$gazetteer" "$work/one.jsonl")
compare
read -r build_s build_mb < <(measure graph taskset -c 0 "$binary" build --jobs 1 --cache "$cache" --gazetteer "$gazetteer" --out "$work/graph" "$corpus")
read -r buildall_s buildall_mb < <(measure graph-all "$binary" build --cache "$cache" --gazetteer "$gazetteer" --out "$work/graph-all" "$corpus")
read -r small_s small_build_mb < <(measure graph-small taskset -c 0 "$binary" build --jobs 1 --cache "$cache" --gazetteer "$gazetteer" --out "$work/graph-small" "$work/corpus-10mb.jsonl")
"$binary" extract --jobs 1 --cache "$cache" --gazetteer "$gazetteer" "$corpus" | md5sum > "$work/one.md5"
"$binary" extract --jobs 2 --no-cache --gazetteer "$gazetteer" "$corpus" | md5sum > "$work/two.md5"
same=$(cmp -s "$work/one.md5" "$work/two.md5" && echo yes || echo NO)

python3 - "$corpus_mb" "$small_mb" "$work/rounds.jsonl" <<PY
import json, sys, platform, os, statistics
mb, small_mb = float(sys.argv[1]), float(sys.argv[2])
rounds = [json.loads(line) for line in open(sys.argv[3])]
def median_run(tool):
    runs = sorted((r[tool] for r in rounds), key=lambda r: r["total_s"])
    return runs[len(runs) // 2]
def median_ratio(ratio):
    return statistics.median(ratio(r) for r in rounds)
flash, aho = median_run("flashtext2"), median_run("pyahocorasick")
one_s, all_s = statistics.median(r["one_s"] for r in rounds), statistics.median(r["all_s"] for r in rounds)
one_mb, all_mb = max(r["one_mb"] for r in rounds), max(r["all_mb"] for r in rounds)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
rows = [
    ("EntityGraph index build, cold (parse + compile, no cache)", "$cold_s", "-", "$cold_mb"),
    ("EntityGraph index build + cache write", "$write_s", "-", "$write_mb"),
    ("EntityGraph cached index load", "$load_s", "-", "$load_mb"),
    ("EntityGraph extract, 1 core, end to end (cache load + JSON lines out)", f"{one_s:.2f}", f"{mb/one_s:.1f}", f"{one_mb:.0f}"),
    ("EntityGraph extract, all cores, end to end", f"{all_s:.2f}", f"{mb/all_s:.1f}", f"{all_mb:.0f}"),
    ("EntityGraph build, 1 core, end to end (GraphML out)", "$build_s", f"{mb/float('$build_s'):.1f}", "$build_mb"),
    ("EntityGraph build, all cores, end to end", "$buildall_s", f"{mb/float('$buildall_s'):.1f}", "$buildall_mb"),
    (f"EntityGraph build, 1 core, first {small_mb:.0f} MB only", "$small_s", f"{small_mb/float('$small_s'):.1f}", "$small_build_mb"),
    ("flashtext2, 1 core: keywords added", f"{flash['build_s']:.2f}", "-", "-"),
    ("flashtext2, 1 core: extract_keywords, then end to end", f"{flash['total_s']:.2f}", f"{mb/flash['match_s']:.1f} (matching)", f"{flash['peak_mb']:.0f}"),
    ("pyahocorasick, 1 core: automaton made", f"{aho['build_s']:.2f}", "-", "-"),
    ("pyahocorasick, 1 core: iter_long + word boundaries, end to end", f"{aho['total_s']:.2f}", f"{mb/aho['match_s']:.1f} (matching)", f"{aho['peak_mb']:.0f}"),
]
print(f"Machine: {cpu}, {os.cpu_count()} cores; corpus {mb:.1f} MB, gazetteer {sum(1 for _ in open('$gazetteer'))} aliases; median of $runs runs")
print()
print("| step | seconds | MB/s | peak MB |")
print("|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
print()
flash_ratio = median_ratio(lambda r: r["flashtext2"]["total_s"] / r["one_s"])
aho_ratio = median_ratio(lambda r: r["pyahocorasick"]["total_s"] / r["one_s"])
print(f"extract on 1 core is {flash_ratio:.1f}x faster than flashtext2 end to end, {aho_ratio:.1f}x faster than pyahocorasick")
print(f"all cores are {median_ratio(lambda r: r['one_s'] / r['all_s']):.2f}x faster than 1 core; output identical with 1 and 2 threads,"
      " with and without the cache: $same")
print("(ratios: medians of those of the rounds, in each of which the four runs took turns)")
print(f"build memory: {float('$small_build_mb'):.0f} MB on {small_mb:.0f} MB of text, {float('$build_mb'):.0f} MB on {mb:.0f} MB")
PY
