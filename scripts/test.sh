#!/usr/bin/env bash
# Installs what the tests need (idempotent, quiet), builds everything once and runs every test project.
# Prints a closing line "tests: N passed, N failed, N skipped".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$here/scripts/install-test-deps.sh"

echo "== build" >&2
dotnet build ProofOfHeat.slnx -c Release -nologo -v q -clp:ErrorsOnly

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "== test" >&2
status=0
dotnet test ProofOfHeat.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 20, Skipped: 0, Total: 20 …"
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed:' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
assemblies=$(grep -cE '(Passed|Failed)! +- Failed:' "$log" || true)
expected=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$assemblies" -lt "$expected" ] && [ "$status" -eq 0 ] && [ $# -eq 0 ]; then
  echo "test: only $assemblies of $expected test assemblies reported a result" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
