#!/usr/bin/env bash
# Everything the test suite needs beside the .NET SDK, installed once and quietly.
# Each part is idempotent: it checks before it installs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for part in "$here"/scripts/install-*-test-deps.sh; do
  [ -e "$part" ] || continue
  "$part"
done
