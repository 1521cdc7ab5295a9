#!/usr/bin/env bash
# test.sh - every test of platform.sln against real PostgreSQL and RabbitMQ.
# With a reachable Docker engine the test fixtures start their own servers (Testcontainers); otherwise this
# script starts the project's own (scripts/infra.sh) and hands them to the tests through the environment.
# Ends with one line "N passed, N failed, N skipped".
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

rm -rf "$RESULTS"
status=0
dotnet test "$ROOT/platform.sln" -m:2 --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@" || status=$?

# One summary line over every test assembly's TRX file.
python3 - "$RESULTS" <<'PY' || true
import glob, re, sys
totals = {"passed": 0, "failed": 0, "notExecuted": 0}
for path in glob.glob(sys.argv[1] + "/*.trx"):
    m = re.search(r"<Counters [^>]*>", open(path, encoding="utf-8").read())
    if m:
        for key in totals:
            v = re.search(key + r'="(\d+)"', m.group(0))
            totals[key] += int(v.group(1)) if v else 0
print(f"{totals['passed']} passed, {totals['failed']} failed, {totals['notExecuted']} skipped")
PY
exit $status
