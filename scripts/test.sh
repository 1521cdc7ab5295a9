#!/usr/bin/env bash
# test.sh - every test of platform.sln against real PostgreSQL and RabbitMQ.
# With a reachable Docker engine the test fixtures start their own servers (Testcontainers); otherwise this
# script starts the project's own (scripts/infra.sh) and hands them to the tests through the environment.
# Ends with the names of the tests that failed, if any, and one line "N passed, N failed, N skipped".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="$ROOT/.local/test-results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v dotnet >/dev/null || { echo "the .NET SDK is not installed" >&2; exit 1; }
if docker info >/dev/null 2>&1; then
  echo "[test] Docker engine reachable: fixtures use Testcontainers" >&2
else
  echo "[test] no Docker engine: starting PostgreSQL and RabbitMQ with scripts/infra.sh" >&2
  "$ROOT/scripts/infra.sh" up
  eval "$("$ROOT/scripts/infra.sh" env)"
  export TEST_PG_CONNECTION_STRING="$PG_CONNECTION_STRING" TEST_RABBITMQ_URL
fi

# The browser tests (tests/Platform.Web.Tests) drive Debian's chromium over the built web app.
"$ROOT/scripts/web.sh" chromium
"$ROOT/scripts/web.sh" build

rm -rf "$RESULTS"
status=0
dotnet test "$ROOT/platform.sln" -m:2 --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@" || status=$?

# The failed tests by name, so that the end of a long log says which ones they were.
cat "$RESULTS"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' \
  | sed -E 's/.*testName="([^"]*)".*/failed: \1/' | sort -u || true

# One summary line over every test assembly's TRX file.
cat "$RESULTS"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "=\""); v = kv[2]; sub(/".*/, "", v);
      if (kv[1] == "passed") p += v; else if (kv[1] == "failed") f += v; else if (kv[1] == "notExecuted") s += v } }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
exit $status
