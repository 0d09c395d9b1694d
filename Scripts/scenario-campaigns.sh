#!/usr/bin/env bash
# Fuzzes every shipped scenario (or those named as arguments) on ot-text and rga (mesh
# scenarios on rga and ot-ttf: an OT engine needs TP2 without a server, which ot-text does
# not claim), in release mode, and prints each campaign's summary line. Long: the nightly
# job, not CI.
#   Scripts/scenario-campaigns.sh [SCENARIO…]   (RUNS=1000 SEED=1 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-1000}"
seed="${SEED:-1}"
swift build -c release >&2
if [ "$#" -gt 0 ]; then
    scenarios=("$@")
else
    scenarios=(default friday-453pm transatlantic-flight server-crash partition-heal flaky-mobile revoked-editor viral-doc mesh-lossy)
fi
status=0
for scenario in "${scenarios[@]}"; do
    engines=ot-text,rga
    if grep -q '"topology" *: *"mesh"' "Scenarios/$scenario.json"; then engines=rga,ot-ttf; fi
    output=$(.build/release/tandem fuzz --engine "$engines" --scenario "$scenario" --runs "$runs" --seed "$seed") || status=$?
    printf '%-22s %s\n' "$scenario" "$(printf '%s\n' "$output" | tail -1)"
    printf '%s\n' "$output" | grep '^FAIL' || true
done
exit "$status"
