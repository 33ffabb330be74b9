#!/usr/bin/env bash
# Adds up the TRX files of a test run into the one line CI reads: "N passed, N failed, N skipped".
set -euo pipefail
dir="$1"
passed=0; failed=0; skipped=0
shopt -s nullglob
files=("$dir"/*.trx)
for f in "${files[@]}"; do
  line="$(grep -o '<Counters [^>]*>' "$f" | head -1)"
  get() { echo "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ ${#files[@]} -eq 0 ]; then failed=1; echo "no test results were written (build or test host failure)" >&2; fi
echo "$passed passed, $failed failed, $skipped skipped"
