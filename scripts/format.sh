#!/usr/bin/env bash
# Formatting is a script (STYLE.md): `scripts/format.sh` checks every Swift file with the
# toolchain's swift-format against `.swift-format` and fails on any finding, as CI runs it;
# `scripts/format.sh --fix` rewrites the files first.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Sources Tests Fuzz Package.swift)
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place --recursive "${paths[@]}"
fi
swift format lint --strict --recursive "${paths[@]}"
