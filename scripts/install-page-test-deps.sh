#!/usr/bin/env bash
# Installs what the page's tests (tests/Page.Tests) need: Debian's chromium at /usr/bin/chromium, which Playwright
# .NET drives through ExecutablePath (no `playwright install`, no browser download). Playwright's own driver comes
# with its NuGet package. Idempotent and quiet: output is shown only on failure.
set -euo pipefail
# shellcheck source=lib/install-helpers.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/install-helpers.sh"

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

quietly as_root apt-get -o DPkg::Lock::Timeout=900 update -qq
quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends chromium fonts-dejavu-core
