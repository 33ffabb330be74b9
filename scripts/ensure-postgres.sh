#!/usr/bin/env bash
# Installs PostgreSQL 15 + pgvector (built from Debian's trixie source package) and starts a
# private cluster for this checkout. Idempotent: a second run only checks and (re)starts.
# Sourced by run.sh and test.sh; exports AIGOV_PG_* and the connection strings.
set -euo pipefail

ROOT="${AIGOV_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
PG_BIN=/usr/lib/postgresql/15/bin
export AIGOV_PG_PORT="${AIGOV_PG_PORT:-55432}"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

say() { echo "[setup] $*" >&2; }

install_packages() {
  local missing=()
  for p in postgresql-15 postgresql-server-dev-15 build-essential dpkg-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# pgvector is not packaged for bookworm. We fetch the trixie *source* package through a private,
# temporary apt configuration that reuses the Debian URI already configured on this machine.
build_pgvector() {
  local sharedir; sharedir="$($PG_BIN/pg_config --sharedir)"
  if [ -f "$sharedir/extension/vector.control" ]; then return; fi
  say "building pgvector from Debian's trixie source package"
  local uri
  uri="$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)"
  if [ -z "$uri" ]; then
    uri="$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)"
  fi
  [ -n "$uri" ] || { say "no Debian apt URI configured on this machine; cannot fetch pgvector source"; return 1; }
  local tmp; tmp="$(mktemp -d)"; chmod 755 "$tmp"
  mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$tmp/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$tmp/sources.list" -o "Dir::Etc::SourceParts=$tmp/none"
              -o "Dir::State::Lists=$tmp/lists" -o "Dir::Cache=$tmp/cache" -o "APT::Sandbox::User=root"
              -o "Debug::NoLocking=1")
  $SUDO apt-get "${opts[@]}" update -qq
  (cd "$tmp/src" && $SUDO apt-get "${opts[@]}" source -qq pgvector >/dev/null)
  local dir; dir="$(find "$tmp/src" -maxdepth 1 -type d -name 'pgvector-*' | head -1)"
  $SUDO make -s -C "$dir" PG_CONFIG="$PG_BIN/pg_config" >/dev/null
  $SUDO make -s -C "$dir" PG_CONFIG="$PG_BIN/pg_config" install >/dev/null
  $SUDO rm -rf "$tmp"
  say "pgvector installed: $(grep default_version "$sharedir/extension/vector.control")"
}

# Postgres refuses to run as root; as root the cluster belongs to the 'postgres' user.
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

start_cluster() {
  local data="$ROOT/.data/pg"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$ROOT"; then
    # The checkout is not reachable by the postgres user: keep the cluster beside its home.
    data="/var/lib/postgresql/aigov-$(echo "$ROOT" | sha1sum | cut -c1-10)/pg"
  fi
  export AIGOV_PG_DATA="$data"
  local secrets="$ROOT/.data/secrets.env"
  mkdir -p "$ROOT/.data"
  if [ ! -f "$secrets" ]; then
    umask 077
    { echo "AIGOV_PG_SUPER_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
      echo "AIGOV_PG_OWNER_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
      echo "AIGOV_PG_APP_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
      echo "AIGOV_JWT_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '/+=')"; } > "$secrets"
    umask 022
  fi
  # shellcheck disable=SC1090
  source "$secrets"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating private cluster in $data (port $AIGOV_PG_PORT)"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$(dirname "$data")"
    local pw; pw="$(mktemp)"; echo "$AIGOV_PG_SUPER_PASSWORD" > "$pw"; chmod 644 "$pw"
    as_pg "$PG_BIN/initdb" -D "$data" -U aigov_super --pwfile="$pw" --auth-local=scram-sha-256 \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pw"
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $AIGOV_PG_PORT
unix_socket_directories = ''
max_connections = 200
shared_buffers = 256MB
CONF
  fi
  if ! as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "starting PostgreSQL on 127.0.0.1:$AIGOV_PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
  fi
  export PGPASSWORD="$AIGOV_PG_SUPER_PASSWORD"
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$AIGOV_PG_PORT" -U aigov_super -d postgres -v ON_ERROR_STOP=1 -qtA)
  "${psql[@]}" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='aigov_owner') THEN
    CREATE ROLE aigov_owner LOGIN PASSWORD '$AIGOV_PG_OWNER_PASSWORD'; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='aigov_app') THEN
    CREATE ROLE aigov_app LOGIN PASSWORD '$AIGOV_PG_APP_PASSWORD'; END IF;
END \$\$;
SQL
  unset PGPASSWORD
}

# Creates database $1 owned by aigov_owner (with pgvector) unless it exists; $2=recreate drops it first.
ensure_database() {
  local db="$1" recreate="${2:-}"
  export PGPASSWORD="$AIGOV_PG_SUPER_PASSWORD"
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$AIGOV_PG_PORT" -U aigov_super -v ON_ERROR_STOP=1 -qtA)
  if [ -n "$recreate" ]; then "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; fi
  if [ -z "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$db'")" ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE $db OWNER aigov_owner" >/dev/null
  fi
  # Extensions need a superuser; the schema itself is created by 'aigov migrate' as the owner.
  PGOPTIONS="-c client_min_messages=warning" "${psql[@]}" -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector" >/dev/null
  unset PGPASSWORD
}

connection_strings_for() {
  local db="$1" base="Host=127.0.0.1;Port=$AIGOV_PG_PORT;Database=$1"
  export ConnectionStrings__Governance="$base;Username=aigov_app;Password=$AIGOV_PG_APP_PASSWORD"
  export ConnectionStrings__GovernanceOwner="$base;Username=aigov_owner;Password=$AIGOV_PG_OWNER_PASSWORD"
  export ConnectionStrings__GovernanceSuper="$base;Username=aigov_super;Password=$AIGOV_PG_SUPER_PASSWORD"
}

ensure_postgres() {
  install_packages
  build_pgvector
  start_cluster
}
