#!/usr/bin/env bash
# web.sh - what the browser side needs, installed when missing (apt, as root or with sudo), used by platform.sh and test.sh.
#   scripts/web.sh build      npm ci + vite build of web/ into web/dist (skipped when web/dist matches the sources)
#   scripts/web.sh chromium   Debian's chromium for the browser tests (/usr/bin/chromium)
# Node.js 20.19 or newer is needed (Vite 8); Debian 12's own nodejs is 18, so a machine without node gets a clear message.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEB="$ROOT/web"
log() { printf '[web %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

apt_install() {
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing $* with apt"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

build() {
  command -v node >/dev/null || die "Node.js is not installed: install Node.js 20.19+ (e.g. from https://nodejs.org or NodeSource) to build web/"
  local version; version=$(node -p 'process.versions.node')
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)||(a===20&&b>=19)||a===21?0:1)' \
    || die "Node.js $version is too old for Vite 8: 20.19+ or 22.12+ is needed"
  # The build is skipped when nothing it reads changed since the last one (a hash of the lock file, the config and src/).
  local stamp; stamp=$(cd "$WEB" && cat package-lock.json package.json tsconfig.json vite.config.ts index.html $(find src -type f | sort) | sha256sum | cut -d' ' -f1)
  if [ -f "$WEB/dist/.stamp" ] && [ "$(cat "$WEB/dist/.stamp")" = "$stamp" ] && [ -f "$WEB/dist/index.html" ]; then
    log "web/dist is up to date"; return 0
  fi
  log "building the web app (npm ci, vite build)"
  ( cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run --silent build >/dev/null ) || die "the web app did not build (cd web && npm ci && npm run build)"
  echo "$stamp" > "$WEB/dist/.stamp"
}

chromium() {
  [ -x /usr/bin/chromium ] && return 0
  apt_install chromium
  [ -x /usr/bin/chromium ] || die "chromium did not install"
}

case "${1:-build}" in
  build) build ;;
  chromium) chromium ;;
  *) echo "usage: $0 build|chromium" >&2; exit 2 ;;
esac
