#!/usr/bin/env bash
# Installs what the MQTT tests need: mosquitto (a real broker, started per test on a free loopback port) and
# MQTT.js (the cross-client test), plus node/npm when the machine has none. Idempotent: it checks before it
# installs. Quiet: tools' output is kept and shown only when a step fails. Needs root (or sudo) only to install.
set -euo pipefail
# shellcheck source=lib/install-helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/install-helpers.sh"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo_root/tests/Mqtt.Tests/node"

missing=()
if ! command -v mosquitto >/dev/null 2>&1 && [ ! -x /usr/sbin/mosquitto ]; then
    missing+=(mosquitto)
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    # policy-rc.d keeps Debian from starting the system broker during the install; removed again if we made it.
    policy_rc="/usr/sbin/policy-rc.d"
    created_policy=0
    if [ ! -e "$policy_rc" ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy_rc" >/dev/null
        as_root chmod +x "$policy_rc"
        created_policy=1
    fi
    quietly as_root apt-get update -qq
    quietly as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
    if [ "$created_policy" = 1 ]; then
        as_root rm -f "$policy_rc"
    fi
fi

# Tests start their own brokers; make sure a system service does not hold port 1883 (it would not clash with
# the tests' free ports, but a stray broker only wastes memory and confuses people reading `ss -ltn`).
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
    as_root systemctl stop mosquitto >/dev/null 2>&1 || true
    as_root systemctl disable mosquitto >/dev/null 2>&1 || true
elif [ -f /run/mosquitto/mosquitto.pid ]; then
    pid="$(cat /run/mosquitto/mosquitto.pid 2>/dev/null || true)"
    if [ -n "$pid" ] && [ "$(cat /proc/"$pid"/comm 2>/dev/null || true)" = "mosquitto" ]; then
        as_root kill "$pid" 2>/dev/null || true
    fi
fi

if [ ! -f "$node_dir/node_modules/mqtt/package.json" ]; then
    (cd "$node_dir" && quietly npm ci --no-audit --no-fund --loglevel=error)
fi
