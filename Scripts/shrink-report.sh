#!/usr/bin/env bash
# For each planted bug (the broken engine, and each flaw planted in the simulated system),
# fuzzes until failures appear, shrinks each, and prints the original and shrunk sizes
# (edits, clients, faults, events) and the shrink time per failure, in release mode.
#   Scripts/shrink-report.sh   (RUNS=20 SEED=1 by default; fixtures go to a temporary directory)
# The classical OT engines under mesh join this table when they exist (issue 5).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-20}"
seed="${SEED:-1}"
swift build -c release >&2
fixtures=$(mktemp -d)
trap 'rm -rf "$fixtures"' EXIT
printf '%-38s %-12s %-26s %-26s %s\n' "planted bug" "engine" "original" "shrunk" "shrink"
report() {
    local bug="$1" engine="$2"; shift 2
    .build/release/tandem fuzz --engine "$engine" --runs "$runs" --seed "$seed" --fixtures "$fixtures/$bug" "$@" \
        | awk -v bug="$bug" -v engine="$engine" '
            /^FAIL/ { split($4, properties, ","); property = properties[1] }
            /^  shrunk to/ {
                match($0, /shrunk to [^(]*/); shrunk = substr($0, RSTART + 10, RLENGTH - 11)
                match($0, /from [^;]*/); original = substr($0, RSTART + 5, RLENGTH - 5)
                match($0, /; [0-9]+ steps, [0-9]+ runs/); steps = substr($0, RSTART + 2, RLENGTH - 2)
                gsub(/ edits,/, "e", shrunk); gsub(/ clients,/, "c", shrunk); gsub(/ faults,/, "f", shrunk); gsub(/ events/, "ev", shrunk)
                gsub(/ edits,/, "e", original); gsub(/ clients,/, "c", original); gsub(/ faults,/, "f", original); gsub(/ events/, "ev", original)
                printf "%-38s %-12s %-26s %-26s %s (%s)\n", bug, engine, original, shrunk, steps, property
            }
            /^summary/ { print "   " bug ": " $0 }' || true
}
report "buggy-ot (same-spot insert tie)" buggy-ot
report broadcast-before-durable-append ot-text --scenario server-crash --flaw broadcast-before-durable-append
report forgets-dedup-table-on-restart ot-text --scenario server-crash --flaw forgets-dedup-table-on-restart
report skips-permission-check ot-text --scenario revoked-editor --flaw skips-permission-check
report leaves-remote-cursors-untransformed ot-text --scenario friday-453pm --flaw leaves-remote-cursors-untransformed
report resend-timer-never-stops ot-text --scenario flaky-mobile --flaw resend-timer-never-stops
report snapshots-stale-text ot-text --scenario server-crash --flaw snapshots-stale-text
report peers-never-retransmit rga --scenario mesh-lossy --flaw peers-never-retransmit
report keeps-raw-cursor-positions rga --scenario friday-453pm --flaw keeps-raw-cursor-positions
report leaves-selection-anchors-untransformed ot-text --scenario friday-453pm --flaw leaves-selection-anchors-untransformed
report ignores-presence-leave ot-text --scenario partition-heal --flaw ignores-presence-leave
