#!/usr/bin/env bash
# Benchmark lockorder against its type-check and SSA floors on pinned real
# modules and on synthetic modules of growing size; write bench/RESULTS.md
# and bench/scaling.png. Run from anywhere: bash bench/run.sh
#
# Environment: ROUNDS (runs of each tool per module, default 3), SIZES
# (package counts of the synthetic modules, default 10,20,40,80,160),
# MODULES (comma-separated MODULE@VERSION list instead of the pinned ones),
# REPORTS (a directory to keep lockorder's JSON report on each module in),
# VET (comma-separated MODULE@VERSION list to also time under go vet, against
# the SSA floor as a vet tool; about 2 minutes per module and round).
set -euo pipefail
reports=${REPORTS:+$(realpath -m "$REPORTS")}
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
	echo "bench: installing GNU time for /usr/bin/time -v" >&2
	apt-get update && apt-get install -y time
fi

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/lockorder" ./cmd/lockorder
cd bench
go build -o "$bin/floor" ./cmd/floor
go build -o "$bin/vetfloor" ./cmd/vetfloor
go build -o "$bin/bench" ./cmd/bench
"$bin/bench" -lockorder "$bin/lockorder" -floor "$bin/floor" \
	-rounds "${ROUNDS:-3}" -sizes "${SIZES:-10,20,40,80,160}" \
	${MODULES:+-modules "$MODULES"} ${reports:+-reports "$reports"} \
	${VET:+-vet "$VET" -vetfloor "$bin/vetfloor"} -out .
