#!/usr/bin/env bash
# pgo.sh — refresh cmd/sunlight/default.pgo, the CPU profile from which
# `go build` and `go run` optimise the sunlight binary (profile-guided
# optimisation: the Go toolchain uses a main package's default.pgo on its
# own, -pgo=auto).
#
# Usage (from the repository root): internal/gen/testdata/pgo.sh
#
# It builds sunlight without the current profile (-pgo=off), generates the
# 1,000- and 10,000-item portals (sunlight gen, seed 1, 100 items per
# unit), builds the 10,000-item portal 3 times, the 1,000-item one and
# the demo content 6 times each, every build with -cpuprofile, and merges
# the 15 profiles with `go tool pprof -proto` into cmd/sunlight/default.pgo.
# A profile of older code still helps (the compiler ignores what no longer
# matches), so refresh it when the hot paths have changed, not on every
# commit.
set -euo pipefail

[ -f go.mod ] && [ -d cmd/sunlight ] || { echo "pgo.sh: run it from the repository root" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sunlight-pgo.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
log() { echo "pgo.sh: $*" >&2; }

log "building sunlight without a profile"
go build -pgo=off -o "$WORK/sunlight" ./cmd/sunlight
for items in 1000 10000; do
	log "generating $items items"
	"$WORK/sunlight" gen -units $((items / 100)) -items "$items" -seed 1 -out "$WORK/g$items" >/dev/null
done

# profile NAME CONTENT RUNS [FLAGS...]
profile() {
	local name=$1 content=$2 runs=$3
	shift 3
	for i in $(seq 1 "$runs"); do
		log "building $name ($i/$runs)"
		"$WORK/sunlight" build -content "$content" -out "$WORK/out" -no-spare -cpuprofile "$WORK/$name-$i.prof" "$@" >/dev/null 2>&1
		rm -rf "$WORK/out"
	done
}
profile 10k "$WORK/g10000" 3 -no-history
profile 1k "$WORK/g1000" 6 -no-history
profile demo content 6

go tool pprof -proto "$WORK"/*.prof >"$WORK/merged.pgo" 2>/dev/null
mv "$WORK/merged.pgo" cmd/sunlight/default.pgo
log "wrote cmd/sunlight/default.pgo ($(wc -c <cmd/sunlight/default.pgo) bytes)"
