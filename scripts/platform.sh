#!/usr/bin/env bash
# platform.sh - the whole platform on this machine: PostgreSQL, RabbitMQ, the four services and the gateway.
#   scripts/platform.sh up     build, start everything in the background, migrate, seed the demo tenants
#   scripts/platform.sh down   stop everything (data kept; `scripts/infra.sh down --purge` deletes it)
# Logs: .local/logs/<service>.log (JSON lines). Knobs: GATEWAY_PORT (8080), DEMO_PASSWORD (demo), CONFIGURATION (Release).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.local/run"; LOGS="$ROOT/.local/logs"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
CONFIGURATION="${CONFIGURATION:-Release}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-demo}"
# name  project-folder  port
APPS=(
  "clients   services/clients   5101"
  "queue     services/queue     5102"
  "scripts   services/scripts   5103"
  "reporting services/reporting 5104"
  "gateway   gateway            $GATEWAY_PORT"
)
log() { printf '[platform %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

dll_of() { local dir="$1"; local proj; proj=$(basename "$ROOT/$dir"/*.csproj .csproj); echo "$ROOT/$dir/bin/$CONFIGURATION/net10.0/$proj.dll"; }

up() {
  command -v dotnet >/dev/null || die "the .NET SDK is not installed (https://dot.net); it is the one thing this script does not install"
  "$ROOT/scripts/infra.sh" up
  eval "$("$ROOT/scripts/infra.sh" env)"
  export ConnectionStrings__postgres="$PG_CONNECTION_STRING" ConnectionStrings__rabbitmq="$RABBITMQ_URL"
  export ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

  log "building ($CONFIGURATION)"
  for app in "${APPS[@]}"; do
    read -r _ dir _ <<<"$app"
    dotnet build "$ROOT/$dir" -c "$CONFIGURATION" -m:2 -nologo -v quiet -clp:ErrorsOnly >/dev/null || die "build of $dir failed"
  done

  mkdir -p "$RUN" "$LOGS"
  log "migrating the gateway's database and seeding the demo tenants"
  dotnet "$(dll_of gateway)" seed-demo > "$LOGS/seed.log" 2>&1 || { tail -20 "$LOGS/seed.log" >&2; die "seeding failed"; }

  for app in "${APPS[@]}"; do
    read -r name dir port <<<"$app"
    if [ -f "$RUN/$name.pid" ] && kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
      log "$name already running"; continue
    fi
    log "starting $name on port $port"
    ( cd "$ROOT/$dir" && exec setsid nohup dotnet "$(dll_of "$dir")" --urls "http://localhost:$port" ) >"$LOGS/$name.log" 2>&1 </dev/null &
    echo $! > "$RUN/$name.pid"
  done

  for app in "${APPS[@]}"; do
    read -r name _ port <<<"$app"
    local deadline=$(( $(date +%s) + 90 ))
    until curl -fsS -o /dev/null "http://localhost:$port/health/ready" 2>/dev/null; do
      kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null || { tail -20 "$LOGS/$name.log" >&2; die "$name exited (log: $LOGS/$name.log)"; }
      [ "$(date +%s)" -lt "$deadline" ] || die "$name not ready after 90 s (log: $LOGS/$name.log)"
      sleep 0.5
    done
  done

  cat <<MSG

  The platform is up.

    Gateway      http://localhost:$GATEWAY_PORT
    OpenAPI      http://localhost:$GATEWAY_PORT/openapi/{clients,queue,scripts,reporting}.json
                 (the gateway's own, sign-in and users: /openapi/v1.json)
    Sign in      tenant "demo", users admin, supervisor, agent1 … agent5, password "$DEMO_PASSWORD"
                 (a second tenant, "other", has an admin with the same password)
    Logs         $LOGS
    Stop         make down

    TOKEN=\$(curl -s localhost:$GATEWAY_PORT/api/auth/token -H 'Content-Type: application/json' \\
      -d '{"tenant":"demo","username":"admin","password":"$DEMO_PASSWORD"}' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
    curl -s localhost:$GATEWAY_PORT/api/clients/projects -H "Authorization: Bearer \$TOKEN"

MSG
}

down() {
  for app in "${APPS[@]}"; do
    read -r name _ _ <<<"$app"
    local pidfile="$RUN/$name.pid"
    [ -f "$pidfile" ] || continue
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping $name"; kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$pidfile"
  done
  "$ROOT/scripts/infra.sh" down
}

case "${1:-up}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
