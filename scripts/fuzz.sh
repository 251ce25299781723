#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (with -sanitize=fuzzer,address) and runs each for the
# given number of seconds (default 30), seeded with the example corpus and the hostile fixtures.
# A crash leaves its input in .build-fuzz/crashes/TARGET/ and fails the script: turn it into a
# regression test in Tests/ before fixing it.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzRecognition FuzzGazetteer FuzzJSONLines FuzzGraphML)
scratch=.build-fuzz
swift build --package-path Fuzz --scratch-path "$scratch" -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
for target in "${targets[@]}"; do
  corpus="$scratch/corpus/$target"
  crashes="$scratch/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  case "$target" in
    FuzzRecognition) cp examples/corpus/*.txt Tests/Fixtures/hostile/*.txt "$corpus/" ;;
    FuzzGazetteer) cp gazetteers/default/regions.gaz Tests/Fixtures/hostile/*.tsv "$corpus/" 2>/dev/null || true ;;
    FuzzJSONLines) cp Tests/Fixtures/hostile/*.jsonl "$corpus/" ;;
    FuzzGraphML) cp Tests/EntityGraphExportTests/Snapshots/*.graphml "$corpus/" ;;
  esac
  echo "== $target for ${seconds}s"
  if ! "$scratch/release/$target" -max_total_time="$seconds" -max_len=4096 -timeout=20 \
       -artifact_prefix="$crashes/" "$corpus" > "$scratch/$target.log" 2>&1; then
    tail -n 30 "$scratch/$target.log"
    echo "FAIL $target: crash inputs in $crashes"
    exit 1
  fi
  grep -E "^Done [0-9]+ runs" "$scratch/$target.log" || tail -n 1 "$scratch/$target.log"
done
