#!/usr/bin/env bash
# Installs what the Modbus tests need: npm's modbus-serial (an independent Modbus TCP server the client is tested
# against, started per test on a free loopback port), plus node/npm when the machine has none. Idempotent: it checks
# before it installs. Quiet: tools' output is shown only when a step fails.
set -euo pipefail
# shellcheck source=lib/install-helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/install-helpers.sh"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo_root/tests/Modbus.Tests/node"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    quietly as_root apt-get update -qq
    quietly as_root apt-get install -y -qq --no-install-recommends nodejs npm
fi

# --omit=optional: modbus-serial's serialport (native, for RTU over serial lines) is not needed for TCP.
if [ ! -f "$node_dir/node_modules/modbus-serial/package.json" ]; then
    (cd "$node_dir" && quietly npm ci --omit=optional --no-audit --no-fund --loglevel=error)
fi
