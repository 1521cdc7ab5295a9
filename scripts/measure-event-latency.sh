#!/usr/bin/env bash
# measure-event-latency.sh - against a running `make up`: time from a project's 201 Created at the gateway
# until the queue service lists its default queue (clients outbox -> RabbitMQ -> queue inbox), N times.
# Polls every 5 ms with curl, so figures include one curl start-up (a few ms) of granularity.
# Usage: scripts/measure-event-latency.sh [N=50]   (GATEWAY, DEMO_PASSWORD as for make up)
set -euo pipefail
N="${1:-50}"; G="${GATEWAY:-http://localhost:8080}"; PW="${DEMO_PASSWORD:-demo}"
token=$(curl -fsS "$G/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"tenant\":\"demo\",\"username\":\"admin\",\"password\":\"$PW\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $token")
samples=()
for i in $(seq 1 "$N"); do
  id=$(curl -fsS "$G/api/clients/projects" "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Latency probe $i\",\"direction\":\"inbound\",\"timeZone\":\"UTC\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  t0=$(date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$G/api/queue/projects/$id/queues" "${auth[@]}")" = 200 ]; do
    sleep 0.005
    [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 10000 ] || { echo "project $id: no queue after 10 s" >&2; exit 1; }
  done
  samples+=($(( ($(date +%s%N) - t0) / 1000000 )))
done
printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$N" '
  { v[NR] = $1; sum += $1 }
  END { printf "%d projects: p50 %d ms, p95 %d ms, max %d ms, mean %.1f ms\n", n, v[int(n*0.5)+(n%2)], v[int(n*0.95+0.999)], v[n], sum/n }'
