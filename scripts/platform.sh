#!/usr/bin/env bash
# platform.sh - the whole platform on this machine: PostgreSQL, RabbitMQ, the four services and the gateway.
#   scripts/platform.sh up     build, start everything in the background, migrate, seed the demo tenants
#   scripts/platform.sh down   stop everything (data kept; `scripts/infra.sh down --purge` deletes it; KEEP_INFRA=1: the
#                              services only, PostgreSQL and RabbitMQ left running)
#   scripts/platform.sh simulate   start the call simulator against the running platform, in the background (`make simulate`)
# Logs: .local/logs/<service>.log (JSON lines). Knobs: GATEWAY_PORT (8080), SERVICE_PORT_BASE (5100: the services listen on
# base+1 … base+4, so a second platform on this machine can pick other ports), DEMO_PASSWORD (demo), CONFIGURATION (Release),
# SIMULATE=1 (`make up SIMULATE=1`: a living call center — the simulator plays a PBX and agents at a gentle rate; SIM_RATE
# calls/s (0.2), SIM_AGENTS (8); its log is .local/logs/simulator.log).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="$ROOT/.local/run"; LOGS="$ROOT/.local/logs"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
SERVICE_PORT_BASE="${SERVICE_PORT_BASE:-5100}"
CONFIGURATION="${CONFIGURATION:-Release}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-demo}"
# name  project-folder  port
APPS=(
  "clients   services/clients   $((SERVICE_PORT_BASE + 1))"
  "queue     services/queue     $((SERVICE_PORT_BASE + 2))"
  "scripts   services/scripts   $((SERVICE_PORT_BASE + 3))"
  "reporting services/reporting $((SERVICE_PORT_BASE + 4))"
  "gateway   gateway            $GATEWAY_PORT"
)
SIMULATOR="tools/CallSimulator"
# The gateway finds the services on their ports (its appsettings.json says 5101 … 5104).
for app in "${APPS[@]}"; do
  read -r name _ port <<<"$app"
  [ "$name" = gateway ] || export "ReverseProxy__Clusters__${name}__Destinations__primary__Address=http://127.0.0.1:$port/"
done
log() { printf '[platform %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

dll_of() { local dir="$1"; local proj; proj=$(basename "$ROOT/$dir"/*.csproj .csproj); echo "$ROOT/$dir/bin/$CONFIGURATION/net10.0/$proj.dll"; }

up() {
  command -v dotnet >/dev/null || die "the .NET SDK is not installed (https://dot.net); it is the one thing this script does not install"
  "$ROOT/scripts/infra.sh" up
  eval "$("$ROOT/scripts/infra.sh" env)"
  export ConnectionStrings__postgres="$PG_CONNECTION_STRING" ConnectionStrings__rabbitmq="$RABBITMQ_URL"
  export ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

  "$ROOT/scripts/web.sh" build   # the single-page app the gateway serves (web/dist)
  log "building ($CONFIGURATION)"
  for app in "${APPS[@]}" "simulator $SIMULATOR 0"; do
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

  local simulating="Simulate     make simulate (or make up SIMULATE=1): a PBX and agents at a gentle rate, for a living call center"
  if [ "${SIMULATE:-0}" = 1 ]; then
    simulate
    simulating="Simulator    running (tenant demo, project \"Simulated hotline\", users sim-*); log: $LOGS/simulator.log"
  fi

  cat <<MSG

  The platform is up.

    Gateway      http://localhost:$GATEWAY_PORT   (the web app: agent desktop, wallboard, reports, admin)
    OpenAPI      http://localhost:$GATEWAY_PORT/openapi/{clients,queue,scripts,reporting}.json
                 (the gateway's own, sign-in and users: /openapi/v1.json)
    Sign in      tenant "demo", users admin, supervisor, agent1 … agent5, password "$DEMO_PASSWORD"
                 (a second tenant, "other", has an admin with the same password)
    Logs         $LOGS
    $simulating
    Stop         make down

    TOKEN=\$(curl -s localhost:$GATEWAY_PORT/api/auth/token -H 'Content-Type: application/json' \\
      -d '{"tenant":"demo","username":"admin","password":"$DEMO_PASSWORD"}' | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
    curl -s localhost:$GATEWAY_PORT/api/clients/projects -H "Authorization: Bearer \$TOKEN"

MSG
}

# The call simulator in the background against the running gateway, on the demo tenant: it sets up its own project,
# queue and users (sim-pbx, sim-agent-NNN), then keeps calling until `make down` (SIGTERM: it drains and logs out).
simulate() {
  mkdir -p "$RUN" "$LOGS"
  if [ -f "$RUN/simulator.pid" ] && kill -0 "$(cat "$RUN/simulator.pid")" 2>/dev/null; then
    log "simulator already running"; return 0
  fi
  [ -f "$(dll_of "$SIMULATOR")" ] || dotnet build "$ROOT/$SIMULATOR" -c "$CONFIGURATION" -m:2 -nologo -v quiet -clp:ErrorsOnly >/dev/null \
    || die "build of $SIMULATOR failed"
  log "starting the call simulator (${SIM_RATE:-0.2} calls/s, ${SIM_AGENTS:-8} agents; log: $LOGS/simulator.log)"
  ( export SIM_PASSWORD="$DEMO_PASSWORD"
    exec setsid nohup dotnet "$(dll_of "$SIMULATOR")" --gateway "http://localhost:$GATEWAY_PORT" --tenant demo --username admin \
      --forever --rate "${SIM_RATE:-0.2}" --agents "${SIM_AGENTS:-8}" --handle-seconds 20 --wrapup-seconds 5 --patience-seconds 60 \
      --vip-share 0.1 --callback-share 0.2 --accept-ms 500-3000 --drain-seconds 5 --verify open --report-every 60 ) \
    >"$LOGS/simulator.log" 2>&1 </dev/null &
  echo $! > "$RUN/simulator.pid"
  # Beside the simulator's agents, the demo users agent1 … agent5 join its queue: sign in as agent1 in the browser, go available,
  # and simulated calls pop on the desktop (scripts/demo-desk.cs, in the background; log: demo-desk.log).
  ( exec setsid nohup dotnet run "$ROOT/scripts/demo-desk.cs" -- "http://localhost:$GATEWAY_PORT" demo "$DEMO_PASSWORD" ) \
    >"$LOGS/demo-desk.log" 2>&1 </dev/null &
}

down() {
  for app in "simulator $SIMULATOR 0" "${APPS[@]}"; do
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
  if [ "${KEEP_INFRA:-0}" = 1 ]; then log "leaving PostgreSQL and RabbitMQ running (KEEP_INFRA=1)"; else "$ROOT/scripts/infra.sh" down; fi
}

case "${1:-up}" in
  up) up ;;
  down) down ;;
  simulate) simulate ;;
  *) echo "usage: $0 up|down|simulate" >&2; exit 2 ;;
esac
