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

baseline() {  # baseline TOOL → the JSON of the run with the median end-to-end time
  for _ in $(seq "$runs"); do
    taskset -c 0 "$work/venv/bin/python" "$root/Benchmarks/baselines.py" "$1" "$gazetteer" "$corpus"
  done | python3 -c "import json, sys; r = sorted((json.loads(l) for l in sys.stdin), key=lambda x: x['total_s']); print(json.dumps(r[len(r) // 2]))"
}

echo '{"id": "one", "text": "Paris"}' > "$work/one.jsonl"
cache="$work/cache"
rm -rf "$cache"
read -r cold_s cold_mb < <(measure build taskset -c 0 "$binary" extract --no-cache --gazetteer "$gazetteer" "$work/one.jsonl")
# Each run of this step starts without the cache (removing it takes milliseconds).
read -r write_s write_mb < <(measure write bash -c 'rm -rf "$1" && exec taskset -c 0 "$2" extract --cache "$1" --gazetteer "$3" "$4"' \
  _ "$cache" "$binary" "$gazetteer" "$work/one.jsonl")
read -r load_s load_mb < <(measure load taskset -c 0 "$binary" extract --cache "$cache" --gazetteer "$gazetteer" "$work/one.jsonl")
read -r one_s one_mb < <(measure one taskset -c 0 "$binary" extract --jobs 1 --cache "$cache" --gazetteer "$gazetteer" "$corpus")
read -r all_s all_mb < <(measure all "$binary" extract --cache "$cache" --gazetteer "$gazetteer" "$corpus")
read -r build_s build_mb < <(measure graph taskset -c 0 "$binary" build --jobs 1 --cache "$cache" --gazetteer "$gazetteer" --out "$work/graph" "$corpus")
read -r buildall_s buildall_mb < <(measure graph-all "$binary" build --cache "$cache" --gazetteer "$gazetteer" --out "$work/graph-all" "$corpus")
read -r small_s small_build_mb < <(measure graph-small taskset -c 0 "$binary" build --jobs 1 --cache "$cache" --gazetteer "$gazetteer" --out "$work/graph-small" "$work/corpus-10mb.jsonl")
"$binary" extract --jobs 1 --cache "$cache" --gazetteer "$gazetteer" "$corpus" | md5sum > "$work/one.md5"
"$binary" extract --jobs 2 --no-cache --gazetteer "$gazetteer" "$corpus" | md5sum > "$work/two.md5"
same=$(cmp -s "$work/one.md5" "$work/two.md5" && echo yes || echo NO)

flash=$(baseline flashtext2)
aho=$(baseline pyahocorasick)

python3 - "$corpus_mb" "$small_mb" "$flash" "$aho" <<PY
import json, sys, platform, os
mb, small_mb = float(sys.argv[1]), float(sys.argv[2])
flash, aho = json.loads(sys.argv[3]), json.loads(sys.argv[4])
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
rows = [
    ("EntityGraph index build, cold (parse + compile, no cache)", "$cold_s", "-", "$cold_mb"),
    ("EntityGraph index build + cache write", "$write_s", "-", "$write_mb"),
    ("EntityGraph cached index load", "$load_s", "-", "$load_mb"),
    ("EntityGraph extract, 1 core, end to end (cache load + JSON lines out)", "$one_s", f"{mb/float('$one_s'):.1f}", "$one_mb"),
    ("EntityGraph extract, all cores, end to end", "$all_s", f"{mb/float('$all_s'):.1f}", "$all_mb"),
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
one, all_ = float("$one_s"), float("$all_s")
print(f"extract on 1 core is {flash['total_s']/one:.1f}x faster than flashtext2 end to end, {aho['total_s']/one:.1f}x faster than pyahocorasick")
print(f"all cores are {one/all_:.2f}x faster than 1 core; output identical with 1 and 2 threads, with and without the cache: $same")
print(f"build memory: {float('$small_build_mb'):.0f} MB on {small_mb:.0f} MB of text, {float('$build_mb'):.0f} MB on {mb:.0f} MB")
PY
