#!/usr/bin/env bash
# Publishes the brain for the add-on's arches, self-contained (the image has no .NET): linux-x64 into OUT/amd64 and
# linux-arm64 into OUT/aarch64, the folder names the Dockerfile's BUILD_ARCH picks (HA's arch names).
#   addon/publish.sh [OUT]      default OUT: addon/proof_of_heat/publish (the image's build context)
#   addon/publish.sh OUT amd64  one arch only
# The add-on tests run it once per test run (tests/Addon.Tests/Publish/PublishedBrain.cs) into artifacts/addon-publish.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$here/addon/proof_of_heat/publish}")"
shift || true
arches=("$@")
[ ${#arches[@]} -gt 0 ] || arches=(amd64 aarch64)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
for arch in "${arches[@]}"; do
  case "$arch" in
    amd64) rid=linux-x64 ;;
    aarch64) rid=linux-arm64 ;;
    *) echo "publish: unknown arch $arch (amd64 or aarch64)" >&2; exit 2 ;;
  esac
  rm -rf "$out/$arch"
  # Not trimmed and not single-file: plugins (plugins.load) and the apps are assemblies loaded from the folder.
  dotnet publish "$here/runtime/Host/ProofOfHeat.Host.csproj" -c Release -r "$rid" --self-contained \
    -o "$out/$arch" -nologo -v q -clp:ErrorsOnly
  # When this publish finished: the add-on tests republish only when a source is newer.
  touch "$out/$arch/.published"
done
