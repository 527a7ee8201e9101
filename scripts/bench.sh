#!/usr/bin/env bash
# Builds and runs the benchmarks (bench/README.md); ./poh bench calls it.
#   scripts/bench.sh [NAME|all] [ARGS…]     ARGS go to the bench, e.g. --quick
# Each bench is one line at the bottom: its name and its project.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

want=all
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  want="$1"
  shift
fi
ran=0

# bench NAME PROJECT [ARGS…]: builds PROJECT in Release (with what it references) and runs it with ARGS.
bench() {
  local name="$1" project="$2"
  shift 2
  [ "$want" = all ] || [ "$want" = "$name" ] || return 0
  echo "== bench $name" >&2
  dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2
  dotnet run --project "$project" -c Release --no-build -- "$@"
  ran=$((ran + 1))
}

# The MQTT bench compares with Node-RED 4 when it is installed in bench/Mqtt/node (npm ci there; optional).
prepare_mqtt() {
  [ "$want" = all ] || [ "$want" = mqtt ] || return 0
  scripts/install-mqtt-test-deps.sh
  if [ ! -d bench/Mqtt/node/node_modules ]; then
    (cd bench/Mqtt/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1) \
      || echo "bench: Node-RED could not be installed; the MQTT bench runs without the comparison" >&2
  fi
}

# The runtime bench measures the add-on's brain as the image ships it (addon/publish.sh: trimmed, self-contained),
# beside ./poh run's; it is published here unless the memory part is skipped or another one is named (--addon).
prepare_runtime() {
  [ "$want" = all ] || [ "$want" = runtime ] || return 0
  case " $* " in *" --skip-rss "*|*" --addon "*) return 0 ;; esac
  local arch=amd64
  [ "$(uname -m)" = aarch64 ] && arch=aarch64
  echo "== publishing the add-on's brain ($arch) for the runtime bench" >&2
  addon/publish.sh "$here/artifacts/addon-publish" "$arch" >&2
}

prepare_runtime "$@"
bench runtime bench/Runtime/ProofOfHeat.Bench.csproj "$@"
prepare_mqtt
bench mqtt bench/Mqtt/ProofOfHeat.Bench.Mqtt.csproj "$@"
bench miners bench/Miners/ProofOfHeat.Bench.Miners.csproj "$@"
bench heating bench/Heating/ProofOfHeat.Bench.Heating.csproj "$@"
bench telemetry-store bench/TelemetryStore/ProofOfHeat.Bench.TelemetryStore.csproj "$@"

if [ "$ran" -eq 0 ]; then
  echo "bench: no bench named '$want' (see bench/README.md)" >&2
  exit 2
fi
