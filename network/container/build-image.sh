#!/usr/bin/env bash
# Builds the TrustLedger node image locally, with no registry: publishes the node as one self-contained
# executable, stages it with the glibc/OpenSSL libraries it needs into a build context, then (unless
# --stage-only) runs `docker build` on that context.
#
#   network/container/build-image.sh [--stage-only] [--shell] [--out DIR] [--tag IMAGE:TAG]
#
# --shell also puts busybox (Debian's busybox-static) in as /bin/sh, for `docker exec -it NAME sh` while
#         debugging (`busybox ls /data`); images without it have no shell at all.
# --out   working folder (default network/container/obj): artifacts/ (build), publish/, context/ (what
#         docker build reads). Reused between runs, so a second publish is incremental.
# --tag   image name (default trustledger-node:dev).
# Prints the context folder on its last line.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$here/obj"
tag="trustledger-node:dev"
stage_only=false
shell=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stage-only) stage_only=true; shift ;;
    --shell) shell=true; shift ;;
    --out) out="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    *) echo "build-image.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Own artifacts folder: the RID-specific restore and build never touch the projects' own obj/ and bin/,
# which the other test projects run from.
dotnet publish "$repo/node/TrustLedger.Node" -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true -p:DebugType=none -p:GenerateDocumentationFile=false \
  --artifacts-path "$out/artifacts" -o "$out/publish" -v quiet -nologo -nodeReuse:false >&2

exe="$out/publish/TrustLedger.Node"
[[ -x "$exe" ]] || { echo "build-image.sh: publish produced no $exe" >&2; exit 1; }

context="$out/context"
rm -rf "$context"
mkdir -p "$context/rootfs/app" "$context/writable/data" "$context/writable/tmp"
cp "$here/Dockerfile" "$context/Dockerfile"
cp "$exe" "$out/publish/appsettings.json" "$context/rootfs/app/"
# Testcontainers sends files only, never empty folders: a marker keeps each writable folder in the context.
touch "$context/writable/data/.keep" "$context/writable/tmp/.keep"

# The libraries the executable links (ldd) and those .NET opens at run time (OpenSSL for
# System.Security.Cryptography), each with its own dependencies, at the paths the loader looks in.
libs() { ldd "$1" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'; }
openssl_libs=()
for name in libssl.so.3 libcrypto.so.3; do
  path="$(ldconfig -p | awk -v n="$name" '$1 == n && /x86-64/ {print $NF; exit}')"
  [[ -n "$path" ]] || { echo "build-image.sh: $name not found (apt-get install libssl3)" >&2; exit 1; }
  openssl_libs+=("$path")
done
for lib in $( { libs "$exe"; for l in "${openssl_libs[@]}"; do echo "$l"; libs "$l"; done; } | sort -u); do
  mkdir -p "$context/rootfs$(dirname "$lib")"
  cp -L "$lib" "$context/rootfs$lib"
done

if $shell; then
  [[ -x /bin/busybox ]] || { echo "build-image.sh: --shell needs busybox (apt-get install busybox-static)" >&2; exit 1; }
  ldd /bin/busybox >/dev/null 2>&1 && { echo "build-image.sh: /bin/busybox is dynamically linked; install busybox-static" >&2; exit 1; }
  mkdir -p "$context/rootfs/bin"
  cp /bin/busybox "$context/rootfs/bin/sh"
fi

if ! $stage_only; then
  docker build -q -t "$tag" "$context" >&2
  echo "build-image.sh: built $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.1f MB", $1/1e6}'))" >&2
fi
echo "$context"
