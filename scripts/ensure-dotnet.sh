#!/usr/bin/env bash
# Restores NuGet packages (and local tools) once per change of the project files.
set -euo pipefail
ROOT="${AIGOV_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
ensure_dotnet() {
  command -v dotnet >/dev/null || { echo "[setup] the .NET 10 SDK is required (dotnet not on PATH)" >&2; return 1; }
  echo "[setup] restoring NuGet packages" >&2
  dotnet restore "$ROOT/AiGovernance.sln" -v q --nologo >/dev/null
}
