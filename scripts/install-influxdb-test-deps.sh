#!/usr/bin/env bash
# Installs what the telemetry tests need: InfluxDB 1.x (Debian's influxdb package; a real line-protocol server the
# tests start per class with a temp config on free loopback ports). Only the binary is used: the package's own
# service is stopped and disabled if the install started it. Idempotent and quiet: output is shown only on failure.
set -euo pipefail
# shellcheck source=lib/install-helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/install-helpers.sh"

if command -v influxd >/dev/null 2>&1 || [ -x /usr/bin/influxd ]; then
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# policy-rc.d exit 101 keeps the package from starting its own daemon on the default ports.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy"
    created_policy=1
fi
status=0
quietly as_root apt-get update -qq || true
quietly as_root apt-get install -y -qq --no-install-recommends influxdb || status=$?
if [ "$created_policy" -eq 1 ]; then
    as_root rm -f "$policy"
fi
exit "$status"
