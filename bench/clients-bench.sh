#!/usr/bin/env bash
# clients-bench.sh - measures the clients service against a running `make up` (Release build, through the gateway):
#   1. import of a ROWS-row call list (default 100,000): wall time from upload to done, then until the queue and scripts
#      services hold every contact (their ContactCreated consumers: "through the whole platform"), rows/s, and the clients
#      process's peak resident memory before and after (VmHWM), to see whether the import streams;
#   2. the plan of the day for an agent in that project (the same ROWS contacts, all with consent): REQUESTS
#      requests (default 200), p50/p99/max latency as curl measures it.
# Usage: make up && bench/clients-bench.sh [ROWS] [REQUESTS]
set -euo pipefail
ROWS="${1:-100000}"; REQUESTS="${2:-200}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
G="${GATEWAY:-http://localhost:8080}"; PW="${DEMO_PASSWORD:-demo}"
PID=$(cat "$ROOT/.local/run/clients.pid")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# CPU seconds a service used (user + system): a figure the other work on a shared machine inflates far less than wall time
cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$(cat "$ROOT/.local/run/$1.pid")/stat" 2>/dev/null || echo "?"; }
# PostgreSQL (this platform's instance only: other instances may run on the machine): its postmaster, its live backends and
# the ones it has reaped (their children's times)
pgcpu() { local pm; pm=$(head -1 "${PG_DATA:-$ROOT/.local/infra/pg/data}/postmaster.pid" 2>/dev/null) || { echo "?"; return; }
  { for p in $pm $(pgrep -P "$pm"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done; awk '{print $16 + $17}' "/proc/$pm/stat"; } \
    | awk -v t="$(getconf CLK_TCK)" '{s += $1} END {printf "%.1f", s / t}'; }
cpus() { for s in clients queue scripts reporting gateway; do printf '%s %s ' "$s" "$(cpu "$s")"; done; printf 'postgresql %s' "$(pgcpu)"; }
hwm() { awk '/VmHWM/ {print $2}' "/proc/$(pgrep -P "$PID" -f Platform.Clients.dll || echo "$PID")/status" 2>/dev/null || echo "?"; }

token=$(curl -fsS "$G/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"tenant\":\"demo\",\"username\":\"admin\",\"password\":\"$PW\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $token")
project=$(curl -fsS "$G/api/clients/projects" "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Benchmark $(date +%s)\",\"direction\":\"outbound\",\"timeZone\":\"Europe/Prague\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/')
# every day open, so the plan does not depend on when this runs
curl -fsS -X PUT "$G/api/clients/projects/$project/calendar" "${auth[@]}" -H 'Content-Type: application/json' -d '{"weekdays":{
  "monday":{"open":"00:00","close":"23:59"},"tuesday":{"open":"00:00","close":"23:59"},"wednesday":{"open":"00:00","close":"23:59"},
  "thursday":{"open":"00:00","close":"23:59"},"friday":{"open":"00:00","close":"23:59"},"saturday":{"open":"00:00","close":"23:59"},
  "sunday":{"open":"00:00","close":"23:59"}}}' >/dev/null

awk -v n="$ROWS" 'BEGIN { print "name,phone,company,vip"; for (i = 0; i < n; i++) printf "Contact %d,+420 77%07d,Company %d,%s\n", i, i, i % 997, (i % 50 == 0 ? "yes" : "no") }' > "$WORK/list.csv"
echo "call list: $ROWS rows, $(du -h "$WORK/list.csv" | cut -f1)"
before=$(hwm); cpu_before=$(cpus)
t0=$(date +%s.%N)
location=$(curl -fsS -D - -o /dev/null "$G/api/clients/projects/$project/imports" "${auth[@]}" -F "file=@$WORK/list.csv;type=text/csv" \
  | awk -F': ' 'tolower($1)=="location" {print $2}' | tr -d '\r')
while :; do
  job=$(curl -fsS "$G$location" "${auth[@]}")
  case "$job" in *'"status":"done"'*|*'"status":"failed"'*) break;; esac
  sleep 0.2
done
t1=$(date +%s.%N)
echo "import: $(echo "$job" | grep -o '"imported":[0-9]*'), $(echo "$job" | grep -o '"failedRows":[0-9]*') in $(awk "BEGIN{printf \"%.1f\", $t1-$t0}") s ($(awk "BEGIN{printf \"%.0f\", $ROWS/($t1-$t0)}") rows/s); clients peak RSS ${before} kB before, $(hwm) kB after"

# the whole platform: until the queue service (caller recognition) and the scripts service (script fields) hold every contact
q() { PGPASSWORD=postgres psql -qtA -h 127.0.0.1 -p "${PG_PORT:-54329}" -U postgres -d "$1" -c "$2"; }
while :; do
  inq=$(q platform_queue "SELECT count(*) FROM contact_directory WHERE project_id = '$project'")
  ins=$(q platform_scripts "SELECT count(*) FROM contacts WHERE project_id = '$project'")
  [ "$inq" -ge "$ROWS" ] && [ "$ins" -ge "$ROWS" ] && break
  sleep 0.2
done
t2=$(date +%s.%N)
echo "whole platform (queue and scripts hold all $ROWS contacts): $(awk "BEGIN{printf \"%.1f\", $t2-$t0}") s from upload ($(awk "BEGIN{printf \"%.0f\", $ROWS/($t2-$t0)}") rows/s); clients peak RSS $(hwm) kB"
echo "CPU seconds used meanwhile: $(paste -d' ' <(echo "$cpu_before" | xargs -n2) <(cpus | xargs -n2) | awk '{printf "%s %.1f, ", $1, $4 - $2}')load average $(cut -d' ' -f1-3 /proc/loadavg)"

# consent for every contact, straight in SQL (the API would take as long as the import again)
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "${PG_PORT:-54329}" -U postgres -d platform_clients -c "
  INSERT INTO consents (tenant_id, id, contact_id, purpose, granted, at, source, recorded_by)
  SELECT c.tenant_id, gen_random_uuid(), c.id, p.purpose, true, now(), 'benchmark', gen_random_uuid()
  FROM contacts c CROSS JOIN (VALUES ('data_processing'), ('calls')) AS p(purpose) WHERE c.project_id = '$project';"
for i in $(seq 1 "$REQUESTS"); do
  curl -s -o /dev/null -w '%{time_total}\n' "$G/api/clients/plan?projectId=$project&limit=100" "${auth[@]}"
done | sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "plan of the day (%d contacts, limit 100): %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", '"$ROWS"', NR, v[int(NR*0.5)], v[int(NR*0.99)], v[NR] }'
