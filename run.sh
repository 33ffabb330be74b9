#!/usr/bin/env bash
# Runs AiGovernance: the embedded default (private PostgreSQL cluster, migrations, demo tenant)
# unless ConnectionStrings__Governance points at your own database.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
export AIGOV_ROOT="$ROOT"
source "$ROOT/scripts/ensure-dotnet.sh"
source "$ROOT/scripts/ensure-postgres.sh"

if [ -z "${ConnectionStrings__Governance:-}" ]; then
  ensure_postgres
  ensure_database aigov
  connection_strings_for aigov
  export Governance__Auth__SigningKey="${Governance__Auth__SigningKey:-$AIGOV_JWT_KEY}"
  # The embedded setup is for development on one machine: a local ERP stub on loopback is fine.
  export Governance__Outbox__AllowPrivateEndpoints="${Governance__Outbox__AllowPrivateEndpoints:-true}"
  # The embedded setup has one tenant: its data scientists and compliance officers run the models.
  export Governance__Models__OperatorTenant="${Governance__Models__OperatorTenant:-demo}"
  # The embedded setup is a development machine: the workspace's sign-in lists the demo users.
  export Governance__Web__DevSignIn="${Governance__Web__DevSignIn:-true}"
else
  echo "[run] using ConnectionStrings__Governance from the environment" >&2
  : "${Governance__Auth__SigningKey:?set Governance__Auth__SigningKey (32+ chars) or Governance__Auth__Authority}"
fi
ensure_dotnet
source "$ROOT/scripts/ensure-tools.sh"
ensure_tools
echo "[run] building" >&2
dotnet build "$ROOT/AiGovernance.sln" -c Release -v q --nologo -clp:ErrorsOnly >/dev/null
AIGOV="dotnet $ROOT/src/AiGovernance.Cli/bin/Release/net10.0/aigov.dll"
$AIGOV migrate
$AIGOV seed demo
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export Governance__Logging__Directory="${Governance__Logging__Directory:-$ROOT/.data/logs}"
echo
echo "AiGovernance workspace: ${ASPNETCORE_URLS}/   (sign in as any demo user; API reference: ${ASPNETCORE_URLS}/docs, OpenAPI: ${ASPNETCORE_URLS}/openapi/v1.json)"
echo "Sign in: send 'Authorization: Bearer <token>'. Ready tokens for the demo tenant, one per role (valid 12 h):"
$AIGOV tokens demo --ttl 12h
echo
exec dotnet "$ROOT/src/AiGovernance.Api/bin/Release/net10.0/AiGovernance.Api.dll"
