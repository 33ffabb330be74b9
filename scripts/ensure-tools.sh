#!/usr/bin/env bash
# Debian packages the tests and benchmarks use besides PostgreSQL: a TrueType font for the PDFs the
# tests generate (standard PDF fonts cannot write € or ü), poppler's pdftotext (the baseline of
# `aigov bench documents`), python3 (test.sh strips prose cells from notebooks before running them) and
# chromium, which the browser tests drive headless through Playwright (no browser download).
# Idempotent; sourced by test.sh and run.sh.
set -euo pipefail

ensure_tools() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  local missing=()
  for p in fonts-dejavu-core poppler-utils python3 chromium; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "[setup] installing ${missing[*]} from Debian" >&2
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
