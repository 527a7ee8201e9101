#!/usr/bin/env bash
# Installs what the page's tests (tests/Page.Tests) need: Debian's chromium at /usr/bin/chromium, which Playwright
# .NET drives through ExecutablePath (no `playwright install`, no browser download). Playwright's own driver comes
# with its NuGet package. Idempotent and quiet: output is shown only on failure.
set -euo pipefail

quietly() {
    local log status=0
    log="$(mktemp)"
    "$@" >"$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        echo "install-page-test-deps: '$*' failed ($status):" >&2
        cat "$log" >&2
    fi
    rm -f "$log"
    return "$status"
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo -n "$@"
    fi
}

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

quietly as_root apt-get -o DPkg::Lock::Timeout=900 update -qq
quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends chromium fonts-dejavu-core
