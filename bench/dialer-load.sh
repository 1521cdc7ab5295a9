#!/usr/bin/env bash
# dialer-load.sh - the outbound dialer end to end under load: the whole platform (scripts/platform.sh, on ports of its
# own) and the call simulator's dialer run through the gateway (docs/dialer.md): a preview, a progressive and a
# predictive campaign over CONTACTS contacts each, AGENTS agents split among them, dialing for DURATION seconds; the
# simulated PBX signs its requests and answers every dial_out after a short ring (60 % a person, 20 % no answer, 10 %
# busy, 10 % answering machine). Prints the simulator's report per campaign (dials, connects, drops, abandon rate
# against the cap, dials that did not end) and the CPU each process used, with the CPU per dial.
#
#   bench/dialer-load.sh                                  30 agents, 2,000 contacts per campaign, 60 s, talk 3 s
#   AGENTS=60 CONTACTS=5000 DURATION=120 bench/dialer-load.sh
#   MODES=predictive MIX=0.3,0.45,0.1,0.15 AGENTS=40 CONTACTS=11000 DURATION=900 bench/dialer-load.sh   (10,000 dials, a cold list)
#
# MODES: the campaigns (preview,progressive,predictive); MIX: the PBX's shares of a person, no answer, busy, answering
# machine (0.6,0.2,0.1,0.1); RINGS: how long dials ring before their result, realistic (the default here: a person after
# 2 s plus about a ring cycle, a machine after about 18 s, busy at once, no answer at the campaign's ring time) or quick
# (a fraction of a second, as in the tests). After the run, the abandon rate of each campaign over every 30-minute rolling window (one
# ending at each person answered, the dialer's window) is read from the queue's database: the worst is printed; so is
# each campaign's agents' idle time between calls (signed-in time less the time connected calls held them, per connect).
#
# As in queue-load.sh the gateway's rate limits are raised for the run (RateLimits__*) and services log at Warning.
# Ports: GATEWAY_PORT (18080), SERVICE_PORT_BASE (18100), PostgreSQL/RabbitMQ as scripts/infra.sh. KEEP_UP=1 leaves the
# platform running. Exit status 1 when a dial did not reach an end or a call was assigned twice.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AGENTS="${AGENTS:-30}" CONTACTS="${CONTACTS:-2000}" DURATION="${DURATION:-60}"
HANDLE_SECONDS="${HANDLE_SECONDS:-3}" WRAPUP_SECONDS="${WRAPUP_SECONDS:-0.5}"
export GATEWAY_PORT="${GATEWAY_PORT:-18080}" SERVICE_PORT_BASE="${SERVICE_PORT_BASE:-18100}" CONFIGURATION="${CONFIGURATION:-Release}"
export RateLimits__PerUserPerMinute=100000000 RateLimits__PerTenantPerMinute=100000000 RateLimits__SignInPerAddressPerMinute=100000
export RateLimits__PerPbxAccountPerMinute=100000000
export Logging__LogLevel__Default=Warning Callbacks__SweepSeconds=0
DEMO_PASSWORD="${DEMO_PASSWORD:-demo}"
LOGS="$ROOT/.local/logs"; RUN="$ROOT/.local/run"

infra_was_up=0; "$ROOT/scripts/infra.sh" status >/dev/null 2>&1 && infra_was_up=1
"$ROOT/scripts/platform.sh" up
[ "${KEEP_UP:-0}" = 1 ] || trap 'KEEP_INFRA=$infra_was_up "$ROOT/scripts/platform.sh" down' EXIT
eval "$("$ROOT/scripts/infra.sh" env)"

ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
tree_ticks() { local t; t=$(ticks "$1"); for c in $(ps -o pid= --ppid "$1"); do t=$((t + $(ticks "$c"))); done; echo "$t"; }
listener() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
log() { printf '[dialer-load %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

declare -A PIDS
for name in clients queue scripts reporting gateway; do PIDS[$name]=$(cat "$RUN/$name.pid"); done
PIDS[postgres]=$(listener "${PG_PORT:-54329}"); PIDS[rabbitmq]=$(listener "${RABBIT_PORT:-56729}")
snapshot() { local -n into=$1; for name in "${!PIDS[@]}"; do into[$name]=$([ -n "${PIDS[$name]}" ] && tree_ticks "${PIDS[$name]}" || echo 0); done; }
declare -A FROM TO
# The dial loop's ticks as the queue replica counts them (platform_dialer_tick_duration_seconds, docs/reliability.md):
# "count sum" over every paced_as.
dial_ticks() { curl -fsS "http://127.0.0.1:$((SERVICE_PORT_BASE + 2))/metrics" 2>/dev/null \
  | awk '/^platform_dialer_tick_duration_seconds_count/ { c += $NF } /^platform_dialer_tick_duration_seconds_sum/ { s += $NF } END { printf "%d %.6f\n", c, s }' || echo "0 0"; }

log "dialing $CONTACTS contacts per campaign (${MODES:-preview,progressive,predictive}) for $DURATION s with $AGENTS agents (talk $HANDLE_SECONDS s) via http://localhost:$GATEWAY_PORT"
set +e
SIM_PASSWORD="$DEMO_PASSWORD" dotnet "$ROOT/tools/CallSimulator/bin/$CONFIGURATION/net10.0/CallSimulator.dll" \
  --gateway "http://localhost:$GATEWAY_PORT" --tenant demo --username admin --project "${PROJECT:-Dialer load}" --user-prefix "${USER_PREFIX:-dial}" \
  --campaign-contacts "$CONTACTS" --duration "$DURATION" --agents "$AGENTS" --handle-seconds "$HANDLE_SECONDS" --wrapup-seconds "$WRAPUP_SECONDS" \
  --campaign-modes "${MODES:-preview,progressive,predictive}" --dial-mix "${MIX:-0.6,0.2,0.1,0.1}" --dial-rings "${RINGS:-realistic}" \
  --drain-seconds 90 --report-every 15 --seed 1 > "$LOGS/dialer-load.txt" 2>&1 &
sim=$!
# The measured part: from the campaigns' start (contacts made, agents signed in and available) to their stop.
until grep -q 'calls arrive at' "$LOGS/dialer-load.txt" || ! kill -0 "$sim" 2>/dev/null; do sleep 0.2; done
snapshot FROM; from=$(date +%s%N); ticks_from=$(dial_ticks)
until grep -q 'arrivals over' "$LOGS/dialer-load.txt" || ! kill -0 "$sim" 2>/dev/null; do sleep 0.2; done
snapshot TO; to=$(date +%s%N); ticks_to=$(dial_ticks); steady=$(awk -v a="$from" -v b="$to" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
wait "$sim"; status=$?
set -e
cat "$LOGS/dialer-load.txt"
dials=$(sed -n 's/^dialer total *dials \([0-9]*\),.*/\1/p' "$LOGS/dialer-load.txt")

hz=$(getconf CLK_TCK)
{
  echo
  echo "load average (1, 5, 15 min; the machine is shared): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "CPU while the campaigns dialed ($steady s, ${dials:-?} dials placed, $(nproc) cores); dials still ringing at the stop end in the drain, not counted here:"
  total=0
  for name in gateway queue clients scripts reporting postgres rabbitmq; do
    [ -n "${PIDS[$name]:-}" ] || { echo "    $name: not found"; continue; }
    part=$(( TO[$name] - FROM[$name] )); total=$((total + part))
    awk -v n="$name" -v p="$part" -v hz="$hz" -v s="$steady" -v d="${dials:-0}" 'BEGIN {
      printf "    %-10s %6.1f s (%3.0f %% of a core), %6.2f ms a dial\n", n, p / hz, 100 * p / hz / s, (d > 0 ? 1000 * p / hz / d : 0) }'
  done
  awk -v p="$total" -v hz="$hz" -v s="$steady" -v d="${dials:-0}" 'BEGIN {
    printf "    %-10s %6.1f s (%3.0f %% of a core), %6.2f ms of CPU a dial (the simulator not counted)\n", "platform", p / hz, 100 * p / hz / s, (d > 0 ? 1000 * p / hz / d : 0) }'
  read -r tc0 ts0 <<< "$ticks_from"; read -r tc1 ts1 <<< "$ticks_to"
  awk -v c="$((tc1 - tc0))" -v s0="$ts0" -v s1="$ts1" -v s="$steady" 'BEGIN {
    busy = s1 - s0; mean = (c > 0 ? busy / c : 0)
    printf "dial loop of the queue replica: %d campaign ticks in %s s (%.1f a second), mean %.2f ms a tick, busy %.1f %% of the loop: at most %.0f campaign ticks a second\n",
      c, s, c / s, 1000 * mean, 100 * busy / s, (mean > 0 ? 1 / mean : 0) }'
  echo "abandon rate over every 30-minute rolling window (one ending at each person answered), per campaign of this run:"
  PGPASSWORD=postgres psql -qtA -F '|' -h 127.0.0.1 -p "${PG_PORT:-54329}" -U postgres -d platform_queue -c "
    WITH people AS (
        SELECT d.campaign_id, c.name, d.result_at AS at, (d.status = 'dropped')::int AS dropped
        FROM campaign_dials d JOIN campaigns c ON c.tenant_id = d.tenant_id AND c.id = d.campaign_id
        WHERE d.status IN ('connected', 'dropped') AND d.result_at >= to_timestamp($from / 1e9) - interval '5 minutes'),
    windows AS (
        SELECT campaign_id, name, sum(dropped) OVER w AS drops, count(*) OVER w AS reached
        FROM people WINDOW w AS (PARTITION BY campaign_id ORDER BY at RANGE BETWEEN interval '30 minutes' PRECEDING AND CURRENT ROW))
    SELECT name, count(*) AS windows, max(reached) FILTER (WHERE true) AS most_people,
           round(max(100.0 * drops / reached), 2) AS worst_percent, max(drops) AS most_drops
    FROM windows GROUP BY campaign_id, name ORDER BY name" | awk -F'|' '{ printf "    %s: %s windows, worst %s %% (most drops in one window %s, most people in one %s)\n", $1, $2, $4, $5, $3 }' || echo "    (psql failed)"
  echo "agents' idle time between calls while the campaigns dialed, per campaign of this run (signed-in time not spent with a person: talking or in wrap-up):"
  PGPASSWORD=postgres psql -qtA -F '|' -h 127.0.0.1 -p "${PG_PORT:-54329}" -U postgres -d platform_queue -c "
    WITH span AS (SELECT to_timestamp($from / 1e9) AS t0, to_timestamp($to / 1e9) AS t1),
    runs AS (
        SELECT DISTINCT d.tenant_id, d.campaign_id FROM campaign_dials d, span WHERE d.created_at >= span.t0 - interval '5 minutes'),
    busy AS (
        SELECT d.campaign_id, count(*) AS connects,
               sum(extract(epoch FROM (LEAST(COALESCE(c.completed_at, span.t1), span.t1) - GREATEST(d.connected_at, span.t0)))) AS seconds
        FROM campaign_dials d JOIN calls c ON c.tenant_id = d.tenant_id AND c.id = d.id, span
        WHERE d.status = 'connected' AND d.connected_at < span.t1 AND COALESCE(c.completed_at, span.t1) > span.t0
        GROUP BY d.campaign_id)
    SELECT c.name, c.dial_mode, (SELECT count(*) FROM campaign_agents a WHERE a.tenant_id = c.tenant_id AND a.campaign_id = c.id) AS agents,
           b.connects, round(b.seconds::numeric, 0)
    FROM runs r JOIN campaigns c ON c.tenant_id = r.tenant_id AND c.id = r.campaign_id JOIN busy b ON b.campaign_id = c.id
    ORDER BY c.name" | awk -F'|' -v s="$steady" '{
      idle = $3 * s - $5; printf "    %s (%s): %d agents, %d connects, busy %d s of %d s signed in: occupancy %.1f %%, idle %.1f s a call\n", $1, $2, $3, $4, $5, $3 * s, 100 * $5 / ($3 * s), ($4 > 0 ? idle / $4 : 0) }' || echo "    (psql failed)"
} | tee -a "$LOGS/dialer-load.txt"
exit "$status"
