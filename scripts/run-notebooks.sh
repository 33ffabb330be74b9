#!/usr/bin/env bash
# Runs every notebook in notebooks/ headlessly with dotnet-repl (a local tool, .config/dotnet-tools.json),
# writing one TRX per notebook (one result per cell) into the given directory. A notebook that cannot run at
# all still leaves a TRX with one failure, so it is never silently missing from the count.
# Needs the connection strings of scripts/test-env.sh (or your own) and a Debug build of the solution.
set -uo pipefail
ROOT="${AIGOV_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
RESULTS="${1:?usage: run-notebooks.sh RESULTS_DIR}"
mkdir -p "$RESULTS"
(cd "$ROOT" && dotnet tool restore >/dev/null) || { echo "[notebooks] dotnet tool restore failed" >&2; exit 1; }
failed=0
for nb in "$ROOT"/notebooks/*.ipynb; do
  name="$(basename "$nb" .ipynb)"
  trx="$RESULTS/notebook-$name.trx"
  echo "[notebooks] $name" >&2
  # #r paths in the notebooks are relative to the notebooks folder: run from there.
  (cd "$ROOT/notebooks" && timeout 900 dotnet tool run dotnet-repl --run "$nb" --exit-after-run --output-format trx --output-path "$trx") \
    >"$RESULTS/notebook-$name.log" 2>&1 || failed=1
  if [ ! -s "$trx" ]; then
    echo "[notebooks] $name did not run (see $RESULTS/notebook-$name.log)" >&2
    printf '<?xml version="1.0"?>\n<TestRun><ResultSummary outcome="Failed"><Counters total="1" executed="1" passed="0" failed="1" /></ResultSummary></TestRun>\n' > "$trx"
  fi
done
exit $failed
