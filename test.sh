#!/usr/bin/env bash
# Runs every test against a real PostgreSQL (a private cluster, fresh test database each run) and
# prints "N passed, N failed, N skipped" as its last line.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
export AIGOV_ROOT="$ROOT"
source "$ROOT/scripts/ensure-dotnet.sh"
source "$ROOT/scripts/test-env.sh" recreate
ensure_dotnet
source "$ROOT/scripts/ensure-tools.sh"
ensure_tools

RESULTS="$ROOT/.data/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
# The browser tests save a screenshot of every page they walk through here.
export AIGOV_SCREENSHOTS="$RESULTS/screenshots"
echo "[test] building" >&2
dotnet build "$ROOT/AiGovernance.sln" -v q --nologo -clp:ErrorsOnly
set +e
dotnet test "$ROOT/AiGovernance.sln" --no-build --nologo -v q --logger "trx" --results-directory "$RESULTS" "$@"
status=$?
# The notebooks run top to bottom against the same database, so they never rot; each code cell is a test result.
bash "$ROOT/scripts/run-notebooks.sh" "$RESULTS" || status=1
set -e
bash "$ROOT/scripts/summarize-trx.sh" "$RESULTS"
exit $status
