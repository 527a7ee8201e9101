#!/usr/bin/env bash
# Installs what the MQTT tests need: mosquitto (real broker, started per test on a free port)
# and MQTT.js (cross-client tests). Idempotent and quiet; safe to run again.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo_root/tests/Mqtt.Tests/node"

if ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # policy-rc.d keeps Debian from starting the system broker during the install.
    policy_rc="/usr/sbin/policy-rc.d"
    created_policy=0
    if [ ! -e "$policy_rc" ]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy_rc"
        chmod +x "$policy_rc"
        created_policy=1
    fi
    apt-get install -y -qq mosquitto mosquitto-clients >/dev/null
    if [ "$created_policy" = 1 ]; then
        rm -f "$policy_rc"
    fi
fi

# Tests start their own brokers; make sure the system service is not left holding port 1883.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
    systemctl stop mosquitto >/dev/null 2>&1 || true
    systemctl disable mosquitto >/dev/null 2>&1 || true
elif command -v service >/dev/null 2>&1; then
    service mosquitto stop >/dev/null 2>&1 || true
fi
if [ -f /run/mosquitto/mosquitto.pid ]; then
    pid="$(cat /run/mosquitto/mosquitto.pid 2>/dev/null || true)"
    if [ -n "$pid" ] && [ "$(cat /proc/"$pid"/comm 2>/dev/null || true)" = "mosquitto" ]; then
        kill "$pid" 2>/dev/null || true
    fi
fi

if [ ! -d "$node_dir/node_modules/mqtt" ]; then
    (cd "$node_dir" && npm install --no-audit --no-fund --silent >/dev/null)
fi
