#!/usr/bin/env bash
# Builds the five images of the Dockerfile with buildah (no Docker engine needed).
#
#   scripts/build-images.sh [TAG]            # base images pulled from their registries (a machine that reaches them)
#   OFFLINE=1 scripts/build-images.sh [TAG]  # a machine that reaches only a Debian mirror and NuGet/npm: the three base
#                                            # images are made here first (see below)
#
# Offline, the bases are made from what the machine has, never downloaded from a container registry:
#   localhost/offline/debian:bookworm    debootstrap --variant=minbase of Debian 12 (+ ca-certificates, ICU, OpenSSL, tzdata)
#   localhost/offline/dotnet-sdk:10.0    that root filesystem + this machine's .NET SDK (/usr/share/dotnet)
#   localhost/offline/dotnet-aspnet:10.0 that root filesystem + only the .NET and ASP.NET Core runtimes, user app (1654)
#   localhost/offline/node:bookworm      that root filesystem + this machine's Node.js and npm
# They stand in for mcr.microsoft.com/dotnet/{sdk,aspnet}:10.0 and node:22-bookworm-slim through the Dockerfile's
# build arguments; the images built on them are the same Dockerfile, stage by stage.
#
# The build stages trust this machine's extra certificate authorities (/usr/local/share/ca-certificates), the runtime
# images do not. Runs as root (buildah with chroot isolation: this machine cannot create the namespaces of the default isolation).
# Images are tagged callcenter/<target>:<TAG> in local storage; push them with `buildah push`.
set -euo pipefail
cd "$(dirname "$0")/.."

TAG=${1:-$(grep -o 'newTag: "[^"]*"' k8s/base/kustomization.yaml | head -1 | cut -d'"' -f2)}
TAG=${TAG:-dev}
WORK=${WORK:-/var/tmp/callcenter-images}
TARGETS=${TARGETS:-gateway clients queue scripts reporting}
export BUILDAH_ISOLATION=chroot
log() { printf '[images %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

has_image() { buildah inspect --type image "$1" >/dev/null 2>&1; }

base_from_rootfs() { # name, then commands run against the mounted container
  local name=$1 ctr mnt
  shift
  ctr=$(buildah from --pull-never localhost/offline/debian:bookworm)
  mnt=$(buildah mount "$ctr")
  "$@" "$mnt" "$ctr"
  buildah umount "$ctr" >/dev/null
  buildah commit --quiet "$ctr" "$name" >/dev/null
  buildah rm "$ctr" >/dev/null
  log "made $name"
}

# The build stages trust what this machine trusts (e.g. the CA of a TLS-inspecting proxy in front of NuGet and npm);
# the runtime images do not get those certificates.
trust_host_cas() { if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/"; chroot "$1" update-ca-certificates >/dev/null; fi; }
with_sdk() { trust_host_cas "$1"; cp -a /usr/share/dotnet "$1/usr/share/dotnet"; ln -sf /usr/share/dotnet/dotnet "$1/usr/bin/dotnet"
  buildah config --env DOTNET_NOLOGO=1 --env DOTNET_CLI_TELEMETRY_OPTOUT=1 --env NUGET_CERT_REVOCATION_MODE=offline "$2"; }
with_runtime() {
  mkdir -p "$1/usr/share/dotnet/shared"
  cp -a /usr/share/dotnet/dotnet /usr/share/dotnet/host /usr/share/dotnet/LICENSE.txt "$1/usr/share/dotnet/"
  cp -a /usr/share/dotnet/shared/Microsoft.NETCore.App /usr/share/dotnet/shared/Microsoft.AspNetCore.App "$1/usr/share/dotnet/shared/"
  ln -sf /usr/share/dotnet/dotnet "$1/usr/bin/dotnet"
  chroot "$1" useradd --uid 1654 --user-group --no-create-home --shell /usr/sbin/nologin app
  buildah config --user 1654 "$2"; }
with_node() { trust_host_cas "$1"; cp -a /usr/bin/node "$1/usr/bin/node"; mkdir -p "$1/usr/lib/node_modules" "$1/usr/etc"
  echo "cafile=/etc/ssl/certs/ca-certificates.crt" > "$1/usr/etc/npmrc"   # npm reads the system's authorities, as here
  cp -a /usr/lib/node_modules/npm "$1/usr/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/bin/npm"; ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/bin/npx"; }

build_args=()
if [[ ${OFFLINE:-0} == 1 ]]; then
  if ! has_image localhost/offline/debian:bookworm; then
    if [[ ! -x $WORK/rootfs/usr/bin/apt-get ]]; then
      log "debootstrap Debian 12 (minbase) into $WORK/rootfs"
      rm -rf "$WORK/rootfs" && mkdir -p "$WORK"
      debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata bookworm "$WORK/rootfs" \
        "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$WORK/debootstrap.log"
    fi
    rm -rf "$WORK/rootfs/var/cache/apt/archives/"*.deb "$WORK/rootfs/var/lib/apt/lists/"*
    ctr=$(buildah from scratch)
    buildah copy --quiet "$ctr" "$WORK/rootfs" / >/dev/null
    buildah commit --quiet "$ctr" localhost/offline/debian:bookworm >/dev/null
    buildah rm "$ctr" >/dev/null
    log "made localhost/offline/debian:bookworm"
  fi
  has_image localhost/offline/dotnet-sdk:10.0 || base_from_rootfs localhost/offline/dotnet-sdk:10.0 with_sdk
  has_image localhost/offline/dotnet-aspnet:10.0 || base_from_rootfs localhost/offline/dotnet-aspnet:10.0 with_runtime
  has_image localhost/offline/node:bookworm || base_from_rootfs localhost/offline/node:bookworm with_node
  build_args=(--pull-never
    --build-arg NODE_IMAGE=localhost/offline/node:bookworm
    --build-arg DOTNET_SDK_IMAGE=localhost/offline/dotnet-sdk:10.0
    --build-arg DOTNET_RUNTIME_IMAGE=localhost/offline/dotnet-aspnet:10.0)
fi

for target in $TARGETS; do
  log "building callcenter/$target:$TAG"
  buildah bud --quiet --layers "${build_args[@]}" --target "$target" -t "callcenter/$target:$TAG" -f Dockerfile . >/dev/null
done
buildah images --filter reference='callcenter/*' --format '{{.Name}}:{{.Tag}} {{.Size}}'
