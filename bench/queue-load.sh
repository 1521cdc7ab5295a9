#!/usr/bin/env bash
# queue-load.sh - the queue service end to end under load: the whole platform (scripts/platform.sh, on ports of its own)
# and the call simulator through the gateway at RATE calls/s for DURATION seconds. Prints the simulator's report
# (arrived -> offered p50/p95/p99, lost calls, double assignments, errors by status) and the CPU each process used.
#
#   bench/queue-load.sh                                   200 calls/s for 60 s, 400 agents talking 1 s on average
#   RATE=50 DURATION=30 bench/queue-load.sh               agents default to 2 x RATE (about 65 % busy)
#   QUEUES=10 bench/queue-load.sh                         calls and agents spread over 10 projects' queues (one queue's
#                                                         calls are dispatched one at a time: a lock per queue)
# A warm-up run (WARMUP_SECONDS, 15, at a fifth of the rate, same agents) comes first, so JIT compilation and the
# agents' sign-in (password hashing) are not in the figures; the CPU figures cover the measured run only.
#
# For the run only, the gateway's rate limits are raised through the environment (RateLimits__*): the defaults, 600
# requests a minute per user and 6000 per tenant, would throttle one PBX account reporting 200 calls a second, and 400
# agents signing in at once exceed the 30 sign-ins a minute per address. Services log at Warning (Logging__LogLevel__Default).
# Ports: GATEWAY_PORT (18080), SERVICE_PORT_BASE (18100), PostgreSQL/RabbitMQ as scripts/infra.sh (PG_PORT, RABBIT_PORT, ...).
# PROJECT ("Load hotline") and USER_PREFIX (load) name what the simulator makes. KEEP_UP=1 leaves the platform running afterwards; PostgreSQL and RabbitMQ already running before are left running either way. Exit status 1 when a call was lost or assigned twice.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RATE="${RATE:-200}" DURATION="${DURATION:-60}" WARMUP_SECONDS="${WARMUP_SECONDS:-15}"
AGENTS="${AGENTS:-$(awk -v r="$RATE" 'BEGIN { a = int(2 * r + 0.5); print (a < 10 ? 10 : a) }')}"
QUEUES="${QUEUES:-1}" HANDLE_SECONDS="${HANDLE_SECONDS:-1}" WRAPUP_SECONDS="${WRAPUP_SECONDS:-0.2}" ACCEPT_MS="${ACCEPT_MS:-0-20}"
export GATEWAY_PORT="${GATEWAY_PORT:-18080}" SERVICE_PORT_BASE="${SERVICE_PORT_BASE:-18100}" CONFIGURATION="${CONFIGURATION:-Release}"
export RateLimits__PerUserPerMinute=100000000 RateLimits__PerTenantPerMinute=100000000 RateLimits__SignInPerAddressPerMinute=100000
export Logging__LogLevel__Default=Warning
# Callbacks follow the project's calendar (docs/routing.md): run at night, the simulator's callbacks would rightly wait for
# the next morning and count as unfinished. The load run measures routing, so the callback day sweep is off here.
export Callbacks__SweepSeconds=0
DEMO_PASSWORD="${DEMO_PASSWORD:-demo}"
LOGS="$ROOT/.local/logs"; RUN="$ROOT/.local/run"

# PostgreSQL and RabbitMQ found running (another checkout's tests, a developer's session) are left running afterwards.
infra_was_up=0; "$ROOT/scripts/infra.sh" status >/dev/null 2>&1 && infra_was_up=1
"$ROOT/scripts/platform.sh" up
[ "${KEEP_UP:-0}" = 1 ] || trap 'KEEP_INFRA=$infra_was_up "$ROOT/scripts/platform.sh" down' EXIT
eval "$("$ROOT/scripts/infra.sh" env)"

# CPU seconds (user + system, children included) of a process; PostgreSQL counts its live backends too.
ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
tree_ticks() { local t; t=$(ticks "$1"); for c in $(ps -o pid= --ppid "$1"); do t=$((t + $(ticks "$c"))); done; echo "$t"; }
listener() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; } # the process on a port
simulate() { # rate duration [more simulator options]
  local rate="$1" duration="$2"; shift 2
  SIM_PASSWORD="$DEMO_PASSWORD" dotnet "$ROOT/tools/CallSimulator/bin/$CONFIGURATION/net10.0/CallSimulator.dll" \
    --gateway "http://localhost:$GATEWAY_PORT" --tenant demo --username admin --project "${PROJECT:-Load hotline}" --user-prefix "${USER_PREFIX:-load}" \
    --rate "$rate" --duration "$duration" --agents "$AGENTS" --queues "$QUEUES" --handle-seconds "$HANDLE_SECONDS" --wrapup-seconds "$WRAPUP_SECONDS" \
    --patience-seconds 30 --vip-share 0.1 --accept-ms "$ACCEPT_MS" --drain-seconds 60 "$@"
}
log() { printf '[queue-load %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
log "warm-up: $(awk -v r="$RATE" 'BEGIN { print (r / 5 < 1 ? 1 : r / 5) }') calls/s for $WARMUP_SECONDS s"
simulate "$(awk -v r="$RATE" 'BEGIN { print (r / 5 < 1 ? 1 : r / 5) }')" "$WARMUP_SECONDS" --verify open > "$LOGS/queue-load-warmup.txt" 2>&1 \
  || { tail -30 "$LOGS/queue-load-warmup.txt" >&2; log "the warm-up run failed (log: $LOGS/queue-load-warmup.txt)"; }

declare -A PIDS
for name in clients queue scripts reporting gateway; do PIDS[$name]=$(cat "$RUN/$name.pid"); done
PIDS[postgres]=$(listener "${PG_PORT:-54329}"); PIDS[rabbitmq]=$(listener "${RABBIT_PORT:-56729}")
snapshot() { local -n into=$1; for name in "${!PIDS[@]}"; do into[$name]=$([ -n "${PIDS[$name]}" ] && tree_ticks "${PIDS[$name]}" || echo 0); done; }
declare -A BEFORE STEADY_FROM STEADY_TO
snapshot BEFORE

log "simulating $RATE calls/s for $DURATION s with $AGENTS agents in $QUEUES queue(s) (talk ${HANDLE_SECONDS} s, wrap-up ${WRAPUP_SECONDS} s) via http://localhost:$GATEWAY_PORT"
started=$(date +%s%N)
set +e
simulate "$RATE" "$DURATION" --seed 1 > "$LOGS/queue-load.txt" 2>&1 &
sim=$!
# The steady state: from 3 s after the calls start (agents signed in and logged in) to the end of the arrivals,
# so the CPU per call counts calls, not the agents' sign-in (password hashing) or the drain.
until grep -q 'calls arrive at' "$LOGS/queue-load.txt" || ! kill -0 "$sim" 2>/dev/null; do sleep 0.2; done
sleep 3; PIDS[simulator]=$(pgrep -f CallSimulator.dll | head -1); snapshot STEADY_FROM; steady_started=$(date +%s%N)
until grep -q 'arrivals over' "$LOGS/queue-load.txt" || ! kill -0 "$sim" 2>/dev/null; do sleep 0.2; done
snapshot STEADY_TO; steady=$(awk -v a="$steady_started" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
wait "$sim"
status=$?
set -e
cat "$LOGS/queue-load.txt"
elapsed=$(awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
rate=$(sed -n 's/^calls arrived.*(\([0-9.]*\)\/s).*/\1/p' "$LOGS/queue-load.txt")

hz=$(getconf CLK_TCK)
{
  echo
  echo "load average (1, 5, 15 min; the machine is shared): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "CPU during the run ($elapsed s wall incl. sign-in and drain) and in its steady part ($steady s of arrivals at ${rate:-?}/s; $(nproc) cores):"
  total=0
  for name in gateway queue clients scripts reporting postgres rabbitmq simulator; do
    [ -n "${PIDS[$name]:-}" ] || { echo "    $name: not found"; continue; }
    used=$(( $(tree_ticks "${PIDS[$name]}") - ${BEFORE[$name]:-0} ))
    [ "$name" = simulator ] && used=0
    part=$(( STEADY_TO[$name] - STEADY_FROM[$name] ))
    [ "$name" = simulator ] || total=$((total + part))
    awk -v n="$name" -v u="$used" -v p="$part" -v hz="$hz" -v t="$elapsed" -v s="$steady" -v r="${rate:-0}" 'BEGIN {
      printf "    %-10s %7.1f s (%3.0f %% of a core)   steady: %5.1f s (%3.0f %%), %5.2f ms a call\n", n, u / hz, 100 * u / hz / t, p / hz, 100 * p / hz / s, (r > 0 ? 1000 * p / hz / (r * s) : 0) }'
  done
  awk -v p="$total" -v hz="$hz" -v s="$steady" -v r="${rate:-0}" 'BEGIN {
    printf "    %-10s steady: %5.1f s (%3.0f %% of a core), %5.2f ms of CPU a call (the simulator not counted)\n", "platform", p / hz, 100 * p / hz / s, (r > 0 ? 1000 * p / hz / (r * s) : 0) }'
} | tee -a "$LOGS/queue-load.txt"
exit "$status"
