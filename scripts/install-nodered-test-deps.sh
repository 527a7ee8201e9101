#!/usr/bin/env bash
# Installs what the Node-RED tests (tests/NodeRed.Tests) need: node-red@4 from the committed lockfile
# (tests/NodeRed.Tests/node), which also puts mqtt@5.15.2 — the one dependency of our node package
# (nodered/package) — into the npm cache, so each test's `npm install <folder>` into its user folder runs offline.
# mosquitto and node/npm come from install-mqtt-test-deps.sh. Idempotent and quiet: output only when a step fails.
set -euo pipefail
# shellcheck source=lib/install-helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/install-helpers.sh"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo_root/tests/NodeRed.Tests/node"

if ! command -v npm >/dev/null 2>&1; then
    "$repo_root/scripts/install-mqtt-test-deps.sh"
fi

if [ ! -f "$node_dir/node_modules/node-red/red.js" ]; then
    (cd "$node_dir" && quietly npm ci --no-audit --no-fund --loglevel=error)
fi

# The package's pinned dependency, in case the lockfile's node-red ever moves to another mqtt version.
mqtt_version="$(node -p "require('$repo_root/nodered/package/package.json').dependencies.mqtt")"
if ! npm cache ls "mqtt@$mqtt_version" 2>/dev/null | grep -q mqtt; then
    quietly npm cache add "mqtt@$mqtt_version"
fi
