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
  # dotnet-repl reports every cell as a test, prose included; run a copy with the code cells only so the count
  # is of code that ran. The copy sits beside the original because #r paths are relative to the notebooks folder.
  code_only="$ROOT/notebooks/.code-only-$name.ipynb"
  python3 -c 'import json,sys; nb=json.load(open(sys.argv[1],encoding="utf-8")); nb["cells"]=[c for c in nb["cells"] if c["cell_type"]=="code"]; json.dump(nb,open(sys.argv[2],"w",encoding="utf-8"))' "$nb" "$code_only"
  (cd "$ROOT/notebooks" && timeout 900 dotnet tool run dotnet-repl --run "$code_only" --exit-after-run --output-format trx --output-path "$trx") \
    >"$RESULTS/notebook-$name.log" 2>&1 || failed=1
  rm -f "$code_only"
  if [ ! -s "$trx" ]; then
    echo "[notebooks] $name did not run (see $RESULTS/notebook-$name.log)" >&2
    printf '<?xml version="1.0"?>\n<TestRun><ResultSummary outcome="Failed"><Counters total="1" executed="1" passed="0" failed="1" /></ResultSummary></TestRun>\n' > "$trx"
  fi
done
exit $failed
