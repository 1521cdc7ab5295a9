#!/usr/bin/env bash
# Starts the five images built by scripts/build-images.sh against this machine's PostgreSQL and RabbitMQ
# (scripts/infra.sh), as the images' own non-root user, and checks the platform works through the gateway:
# every service ready, the web app served, a demo sign-in, a project created and seen by the queue service.
#
#   scripts/run-images.sh [TAG]     # then stops every container it started
#
# The containers share the host's network (buildah's chroot isolation), so each listens on its own loopback port
# (GATEWAY_PORT, SERVICE_PORT_BASE+1 … +4, as scripts/platform.sh). Development configuration: the services migrate their
# own databases and the gateway seeds the demo tenants, as `make up` does; production's migrate init containers and
# secrets are the manifests' business (k8s/, checked by tests/Platform.Deployment.Tests).
set -euo pipefail
cd "$(dirname "$0")/.."
TAG=${1:-$(grep -o 'newTag: "[^"]*"' k8s/base/kustomization.yaml | head -1 | cut -d'"' -f2)}
GATEWAY_PORT=${GATEWAY_PORT:-8099}
SERVICE_PORT_BASE=${SERVICE_PORT_BASE:-6100}
DEMO_PASSWORD=${DEMO_PASSWORD:-demo}
export BUILDAH_ISOLATION=chroot
log() { printf '[run-images %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "FAILED: $*"; exit 1; }

scripts/infra.sh up >/dev/null
eval "$(scripts/infra.sh env)"
LOGS=$(mktemp -d /tmp/run-images.XXXX)
containers=() pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done   # the whole group: buildah and the program
  wait 2>/dev/null || true
  for ctr in "${containers[@]}"; do buildah rm "$ctr" >/dev/null 2>&1 || true; done
}
trap stop EXIT

declare -A port=([clients]=$((SERVICE_PORT_BASE + 1)) [queue]=$((SERVICE_PORT_BASE + 2)) [scripts]=$((SERVICE_PORT_BASE + 3))
                 [reporting]=$((SERVICE_PORT_BASE + 4)) [gateway]=$GATEWAY_PORT)
env_args=(--env ASPNETCORE_ENVIRONMENT=Development --env "ConnectionStrings__postgres=$PG_CONNECTION_STRING"
          --env "ConnectionStrings__rabbitmq=$RABBITMQ_URL" --env "DEMO_PASSWORD=$DEMO_PASSWORD")
for name in clients queue scripts reporting; do
  env_args+=(--env "ReverseProxy__Clusters__${name}__Destinations__primary__Address=http://127.0.0.1:${port[$name]}/")
done

container_of() { # name: a fresh container of the image (the caller lists it for removal on exit)
  local ctr
  buildah from --pull-never "callcenter/$1:$TAG"
}
run_in() { # container, name, then the arguments of the image's program (its entrypoint's dll)
  local ctr=$1 name=$2 dll
  shift 2
  dll=$(buildah inspect --format '{{.OCIv1.Config.Entrypoint}}' "$ctr" | tr -d '[]' | awk '{print $2}')
  exec buildah run --user 1654 "${env_args[@]}" --env "ASPNETCORE_HTTP_PORTS=${port[$name]}" "$ctr" -- dotnet "$dll" "$@"
}

log "seeding the demo tenants with the gateway image"
ctr=$(container_of gateway)
containers+=("$ctr")
(run_in "$ctr" gateway seed-demo) >"$LOGS/seed.log" 2>&1 || { tail -20 "$LOGS/seed.log"; die "seed-demo"; }
for name in clients queue scripts reporting gateway; do
  log "starting callcenter/$name:$TAG on port ${port[$name]} (user $(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "callcenter/$name:$TAG"))"
  ctr=$(container_of "$name")
  containers+=("$ctr")
  # its own process group, so that stopping it stops buildah and the program inside
  setsid bash -c "$(declare -p env_args port); $(declare -f run_in); run_in $ctr $name" >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
done
for name in clients queue scripts reporting gateway; do
  deadline=$(($(date +%s) + 120))
  until curl -fs -o /dev/null "http://127.0.0.1:${port[$name]}/health/ready"; do
    [ "$(date +%s)" -lt "$deadline" ] || { tail -20 "$LOGS/$name.log"; die "$name not ready in 120 s"; }
    sleep 1
  done
  log "$name ready"
done

gw="http://127.0.0.1:$GATEWAY_PORT"
curl -fsS "$gw/" | grep -q '<div id="app"' || die "the gateway image serves no web app at /"
log "the web app is served at /"
token=$(curl -fsS "$gw/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"tenant\":\"demo\",\"username\":\"admin\",\"password\":\"$DEMO_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
project=$(curl -fsS "$gw/api/clients/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"Image check","direction":"inbound","timeZone":"Europe/Prague"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
log "signed in as demo/admin, created project $project"
deadline=$(($(date +%s) + 60))
until curl -fs "$gw/api/queue/projects/$project/queues" -H "Authorization: Bearer $token" | grep -q '"id"'; do
  [ "$(date +%s)" -lt "$deadline" ] || die "the queue service never made the project's queue (ProjectCreated through RabbitMQ)"
  sleep 1
done
log "the queue service made the project's queue from ProjectCreated: the images work together through the broker"
log "OK: 5 images, logs in $LOGS"
