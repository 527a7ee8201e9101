#!/usr/bin/env bash
# Installs what the add-on tests (tests/Addon.Tests) need to start the arm64 publish of the brain on this x86-64
# machine: qemu-user-static and Debian's arm64 libraries a self-contained .NET program loads (libc6, libstdc++6,
# libgcc-s1, zlib1g, and OpenSSL: without libssl the runtime aborts with "No usable version of libssl was found" as
# soon as the HA client starts). Idempotent (checks before it installs), quiet (output shown only when a step fails).
# Needs root (or sudo) only to install. The .NET SDK that publishes the brain is already there for the build.
set -euo pipefail
# shellcheck source=lib/install-helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/install-helpers.sh"

# libssl3 was renamed libssl3t64 in Debian 13 (trixie); pick the name this release has.
libssl=libssl3
if apt-cache show libssl3t64 >/dev/null 2>&1; then
    libssl=libssl3t64
fi
packages=(qemu-user-static "libc6:arm64" "libstdc++6:arm64" "libgcc-s1:arm64" "zlib1g:arm64" "$libssl:arm64")

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    quietly as_root dpkg --add-architecture arm64
fi
quietly as_root apt-get -o DPkg::Lock::Timeout=900 update -qq
# A Multi-Arch: same library must have one version for every arch, so the amd64 copy may be upgraded alongside.
quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
