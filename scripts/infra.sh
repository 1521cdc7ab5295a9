#!/usr/bin/env bash
# infra.sh - PostgreSQL 15 and RabbitMQ on 127.0.0.1 for local runs and tests, without Docker.
#
#   scripts/infra.sh up       install (apt, only when missing), start, wait until both accept connections
#   scripts/infra.sh down     stop both (data kept);  down --purge  also deletes the data
#   scripts/infra.sh status   say what runs
#   scripts/infra.sh env      print the connection variables (eval "$(scripts/infra.sh env)")
#
# Idempotent. As root the servers run as the 'postgres' / 'rabbitmq' users (initdb and the RabbitMQ
# wrapper refuse root). Data lives under $INFRA_DIR (default: .local/infra in the repository, ignored
# by git); when that folder is not traversable by those users (a clone under /root, say) the data goes
# to /var/tmp/platform-infra-<hash of the repository path> instead, and the script says so.
#
# Ports (defaults chosen not to clash with system services):
#   PG_PORT=54329 RABBIT_PORT=56729 RABBIT_DIST_PORT=56719 RABBIT_EPMD_PORT=54379
#   (none of them in 5433k, 5438k, 5673k or 5674k for k=1..9, the ports handed to parallel checkouts)
# PG_PORT may change between runs over the same data folder: postgres is started on the asked port whatever its
# postgresql.conf says; one already running on another port is an error, not a wait.
# Other knobs: PG_DURABLE=1 keeps fsync on (default off: a throwaway instance), START_TIMEOUT=90,
#   INFRA_SERVICES="pg rabbitmq" (e.g. "pg" for PostgreSQL only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_PORT="${PG_PORT:-54329}"
RABBIT_PORT="${RABBIT_PORT:-56729}"
RABBIT_DIST_PORT="${RABBIT_DIST_PORT:-56719}"
RABBIT_EPMD_PORT="${RABBIT_EPMD_PORT:-54379}"
RABBIT_NODENAME="${RABBIT_NODENAME:-platform-$RABBIT_PORT@localhost}"
START_TIMEOUT="${START_TIMEOUT:-90}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
RMQ_BIN=/usr/lib/rabbitmq/bin
SERVICES=" ${INFRA_SERVICES:-pg rabbitmq} "

want() { [[ "$SERVICES" == *" $1 "* ]]; }
log() { printf '[infra %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }
port_open() { (exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$1"); }
amqp_ready() { # an open port is not enough: send the AMQP 0-9-1 header, expect a Connection.Start frame
  local b
  b=$(exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$1" && printf 'AMQP\x00\x00\x09\x01' >&3 \
      && timeout 2 head -c1 <&3 | od -An -tx1 | tr -d ' \n') || return 1
  [ "$b" = "01" ]
}
# run_as USER CMD...: as root, switch to USER with a clean environment; otherwise run as self.
run_as() {
  local u="$1"; shift
  if is_root; then
    setpriv --reuid="$u" --regid="$u" --init-groups --reset-env env PATH=/usr/bin:/bin:/usr/sbin:/sbin "$@"
  else
    "$@"
  fi
}
svc_user() { if is_root; then echo "$1"; else id -un; fi; }

resolve_base() {
  BASE="${INFRA_DIR:-$ROOT/.local/infra}"
  mkdir -p "$BASE"
  BASE="$(cd "$BASE" && pwd)"
  if is_root && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$BASE" 2>/dev/null; then
    local alt; alt="/var/tmp/platform-infra-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)"
    log "$BASE is not traversable by the service users; using $alt"
    mkdir -p "$alt"; BASE="$alt"
  fi
}

install_missing() {
  local need=()
  want pg && { [ -x "$PG_BIN/initdb" ] || need+=(postgresql-15); }
  want rabbitmq && { [ -x "$RMQ_BIN/rabbitmq-server" ] || need+=(rabbitmq-server); }
  [ ${#need[@]} -eq 0 ] && return 0
  local sudo=""; is_root || sudo="sudo"
  log "installing ${need[*]} with apt"
  # keep the packages' postinst from starting system-wide services
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ $made_policy -eq 1 ] && $sudo rm -f /usr/sbin/policy-rc.d
  return 0
}

pg_up() {
  local pgd="$BASE/pg" data="$BASE/pg/data"
  mkdir -p "$pgd/run"
  is_root && chown -R postgres:postgres "$pgd"
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initdb $data"
    local pw="$pgd/.pw"; echo postgres > "$pw"; is_root && chown postgres "$pw"
    run_as "$(svc_user postgres)" "$PG_BIN/initdb" -D "$data" -U postgres --pwfile="$pw" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$pgd/initdb.log" 2>&1 \
      || { cat "$pgd/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pw"
    local durability=$'fsync = off\nsynchronous_commit = off\nfull_page_writes = off'
    [ "${PG_DURABLE:-0}" = 1 ] && durability="# durable (PG_DURABLE=1)"
    cat >> "$data/postgresql.conf" <<CONF
# --- local instance (scripts/infra.sh) ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$pgd/run'
max_connections = 300
shared_buffers = 256MB
$durability
CONF
  fi
  if run_as "$(svc_user postgres)" "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # postmaster.pid's fourth line is the port it listens on
    local running; running=$(sed -n 4p "$data/postmaster.pid" 2>/dev/null || true)
    [ "$running" = "$PG_PORT" ] \
      || die "postgres of $data already runs on port ${running:-?}, not the asked $PG_PORT: stop it first (PG_PORT=${running:-…} $0 down)"
    log "postgres already running"
  else
    port_open "$PG_PORT" && die "port $PG_PORT is taken by something else: another checkout's servers (stop them with its scripts/infra.sh down) or another PostgreSQL (set PG_PORT)"
    log "starting postgres on 127.0.0.1:$PG_PORT"
    # -p: the asked port, whatever the data folder's postgresql.conf was written with
    run_as "$(svc_user postgres)" "$PG_BIN/pg_ctl" -D "$data" -l "$pgd/postgres.log" -o "-p $PG_PORT" -w -t "$START_TIMEOUT" start >/dev/null \
      || { tail -20 "$pgd/postgres.log" >&2; die "postgres failed to start"; }
  fi
}

pg_wait() {
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    [ "$(date +%s)" -ge "$deadline" ] \
      && die "postgres did not accept connections on 127.0.0.1:$PG_PORT within ${START_TIMEOUT}s (log: $BASE/pg/postgres.log)"
    sleep 0.2
  done
}

rabbit_env() {
  local rd="$BASE/rabbitmq"
  RABBIT_ENV=(
    HOME="$rd"                                   # its own .erlang.cookie
    RABBITMQ_NODENAME="$RABBIT_NODENAME"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$RABBIT_PORT"
    RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
    ERL_EPMD_PORT="$RABBIT_EPMD_PORT"            # a private epmd: a system one may hold 4369
    ERL_EPMD_ADDRESS=127.0.0.1
    RABBITMQ_MNESIA_BASE="$rd/mnesia"
    RABBITMQ_LOG_BASE="$rd/log"
    RABBITMQ_CONFIG_FILE="$rd/rabbitmq.conf"
    RABBITMQ_CONF_ENV_FILE="$rd/rabbitmq-env.conf"
    RABBITMQ_ENABLED_PLUGINS_FILE="$rd/enabled_plugins"
    RABBITMQ_PID_FILE="$rd/rabbit.pid"
    LANG=C.UTF-8 LC_ALL=C.UTF-8
  )
}

rabbit_up() {
  local rd="$BASE/rabbitmq"
  mkdir -p "$rd/mnesia" "$rd/log"
  [ -f "$rd/enabled_plugins" ] || echo '[].' > "$rd/enabled_plugins"
  : > "$rd/rabbitmq-env.conf"                    # nothing from /etc leaks in
  [ -f "$rd/rabbitmq.conf" ] || printf 'log.console = false\nlog.file.level = info\n' > "$rd/rabbitmq.conf"
  is_root && chown -R rabbitmq:rabbitmq "$rd"
  rabbit_env
  if [ -f "$rd/rabbit.pid" ] && kill -0 "$(cat "$rd/rabbit.pid")" 2>/dev/null && amqp_ready "$RABBIT_PORT"; then
    log "rabbitmq already running"; return 0
  fi
  port_open "$RABBIT_PORT" && die "port $RABBIT_PORT is taken by something else: another checkout's servers (stop them with its scripts/infra.sh down) or another RabbitMQ (set RABBIT_PORT)"
  log "starting rabbitmq $RABBIT_NODENAME on 127.0.0.1:$RABBIT_PORT"
  local cmd
  if is_root; then
    cmd=(setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups --reset-env env PATH=/usr/bin:/bin:/usr/sbin:/sbin "${RABBIT_ENV[@]}" "$RMQ_BIN/rabbitmq-server")
  else
    cmd=(env "${RABBIT_ENV[@]}" "$RMQ_BIN/rabbitmq-server")
  fi
  # Redirect the whole background group, so nothing keeps the caller's stdout (a CI pipe) open.
  ( cd "$rd" && exec setsid nohup "${cmd[@]}" ) >"$rd/log/startup_stdout.log" 2>"$rd/log/startup_stderr.log" </dev/null &
  echo $! > "$rd/launcher.pid"
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until amqp_ready "$RABBIT_PORT"; do
    if [ "$(date +%s)" -ge "$deadline" ] || ! kill -0 "$(cat "$rd/launcher.pid")" 2>/dev/null; then
      tail -n 30 "$rd/log/startup_stdout.log" "$rd/log/startup_stderr.log" >&2 || true
      die "rabbitmq did not accept AMQP connections within ${START_TIMEOUT}s (logs: $rd/log)"
    fi
    sleep 0.2
  done
}

# A separate virtual host for test runs, so tests never exchange messages with a running `make up`.
ensure_vhost() {
  local rd="$BASE/rabbitmq" vhost="$1" ctl
  rabbit_env
  if is_root; then
    ctl=(setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups --reset-env env PATH=/usr/bin:/bin:/usr/sbin:/sbin "${RABBIT_ENV[@]}" "$RMQ_BIN/rabbitmqctl" -q -n "$RABBIT_NODENAME")
  else
    ctl=(env "${RABBIT_ENV[@]}" "$RMQ_BIN/rabbitmqctl" -q -n "$RABBIT_NODENAME")
  fi
  [ -f "$rd/vhost-$vhost" ] && return 0
  "${ctl[@]}" add_vhost "$vhost" >/dev/null 2>&1 || true
  "${ctl[@]}" set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null || die "could not grant guest on vhost $vhost"
  touch "$rd/vhost-$vhost"
}

print_env() {
  want pg && cat <<ENV
export PG_CONNECTION_STRING='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres'
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGPASSWORD=postgres
ENV
  want rabbitmq && cat <<ENV
export RABBITMQ_URL='amqp://guest:guest@127.0.0.1:$RABBIT_PORT/'
export TEST_RABBITMQ_URL='amqp://guest:guest@127.0.0.1:$RABBIT_PORT/platform-test'
ENV
  return 0
}

up() {
  install_missing
  resolve_base
  local t0; t0=$(date +%s.%N)
  want pg && pg_up
  want rabbitmq && { rabbit_up; ensure_vhost platform-test; }
  want pg && pg_wait
  log "ready in $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N)-$t0}")s (data: $BASE)"
  print_env > "$BASE/env.sh"
}

down() {
  resolve_base
  local rd="$BASE/rabbitmq" data="$BASE/pg/data"
  if [ -f "$rd/rabbit.pid" ]; then
    local pid; pid=$(cat "$rd/rabbit.pid")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping rabbitmq (pid $pid)"; kill -TERM "$pid"
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$rd/rabbit.pid"
  fi
  ERL_EPMD_PORT=$RABBIT_EPMD_PORT epmd -kill >/dev/null 2>&1 || true
  if [ -f "$data/postmaster.pid" ]; then
    log "stopping postgres"
    run_as "$(svc_user postgres)" "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
  fi
  if [ "${1:-}" = "--purge" ]; then log "removing $BASE"; rm -rf "$BASE"; fi
}

status() {
  local rc=0
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then log "postgres: up on $PG_PORT"; else log "postgres: down"; rc=1; fi
  if amqp_ready "$RABBIT_PORT"; then log "rabbitmq: up on $RABBIT_PORT"; else log "rabbitmq: down"; rc=1; fi
  return $rc
}

case "${1:-up}" in
  up) up ;;
  down) shift; down "${1:-}" ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: $0 up|down [--purge]|status|env" >&2; exit 2 ;;
esac
