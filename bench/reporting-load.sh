#!/usr/bin/env bash
# reporting-load.sh - reporting under load: starts the reporting service (Release) on scripts/infra.sh's PostgreSQL and
# RabbitMQ, runs bench/Platform.Reporting.Load against it, stops the service.
#   bench/reporting-load.sh lag [--rate 1000] [--seconds 60] [--tenants 3]
#   bench/reporting-load.sh reports [--agents 500] [--days 30] [--requests 200]
# Knobs: REPORTING_PORT (5714); extra service settings as environment variables (e.g. Messaging__ConcurrentMessageLimit=8).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${REPORTING_PORT:-5714}"
eval "$("$ROOT/scripts/infra.sh" env)"
export ConnectionStrings__postgres="$PG_CONNECTION_STRING" ConnectionStrings__rabbitmq="$RABBITMQ_URL"
export ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__LogLevel__Default=Warning
dotnet build "$ROOT/services/reporting" -c Release -m:2 -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build "$ROOT/bench/Platform.Reporting.Load" -c Release -m:2 -nologo -v quiet -clp:ErrorsOnly >/dev/null
LOG="$(mktemp /tmp/reporting-load.XXXXXX.log)"
( cd "$ROOT/services/reporting" && exec dotnet bin/Release/net10.0/Platform.Reporting.dll --urls "http://localhost:$PORT" ) >"$LOG" 2>&1 </dev/null &
SERVICE=$!
trap 'kill "$SERVICE" 2>/dev/null; wait "$SERVICE" 2>/dev/null || true' EXIT
until curl -fsS -o /dev/null "http://localhost:$PORT/health/ready" 2>/dev/null; do
  kill -0 "$SERVICE" 2>/dev/null || { tail -20 "$LOG" >&2; exit 1; }
  sleep 0.5
done
echo "reporting ready on :$PORT (log $LOG)"
dotnet "$ROOT/bench/Platform.Reporting.Load/bin/Release/net10.0/Platform.Reporting.Load.dll" "$@" --url "http://localhost:$PORT"
