#!/usr/bin/env bash
# Source this to get the environment the tests expect: the private cluster running, a test database
# and its connection strings (app role, owner role, superuser for tamper tests) and a signing key.
# Usage: source scripts/test-env.sh [recreate]
ROOT="${AIGOV_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export AIGOV_ROOT="$ROOT"
source "$ROOT/scripts/ensure-postgres.sh"
ensure_postgres
ensure_database aigov_test "${1:-}"
connection_strings_for aigov_test
export Governance__Auth__SigningKey="test-signing-key-$AIGOV_JWT_KEY"
