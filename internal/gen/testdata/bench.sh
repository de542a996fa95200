#!/usr/bin/env bash
# bench.sh — build the same generated portal with Sunlight and with Hugo and
# compare median wall time and peak memory.
#
# Usage:
#   internal/gen/testdata/bench.sh [-r RUNS] [-s "1000 10000 100000"] [-u ITEMS_PER_UNIT]
#                                  [-S SEED] [-w WORKDIR] [-k] [-p] [-H HUGO] SUNLIGHT_BINARY
#
#   -r RUNS            timed builds per tool and size (default 3; env RUNS)
#   -s SIZES           item counts (default "1000 10000 100000"; env SIZES)
#   -u ITEMS_PER_UNIT  units = items / this (default 100; env ITEMS_PER_UNIT)
#   -S SEED            generator seed (default 1)
#   -w WORKDIR         where corpora and outputs go (default: a new temp dir)
#   -k                 keep WORKDIR afterwards
#   -p                 also build with the print pages (no_print = false)
#   -H HUGO            hugo binary (default: hugo on PATH; Debian package "hugo")
#
# What it expects of the Sunlight binary:
#   sunlight gen -units N -items M -seed S -out DIR [-hugo]
#       writes the generated corpus (Sunlight content tree, or with -hugo
#       the same corpus as a Hugo site) into DIR
#   sunlight build -content DIR -out DIR [-no-search]
#       builds the portal (with the search index unless -no-search)
#
# Each size is generated once; then every build runs RUNS times under
# /usr/bin/time -v, each run into a new output directory (at 100,000
# items and 3 runs the outputs take about 40 GB of disk, 60 GB with
# -p). Outputs are deleted only after the last run of a size, and the
# script then waits SETTLE seconds (default 120; env SETTLE) after a sync
# before the next size, and before the first: on ext4 without a journal,
# creating a file steps over the inodes freed in the last minute (several minutes while their
# blocks are unwritten; perf shows recently_deleted under __ext4_new_inode),
# so a build started right after deleting a large tree pays for the
# deletion, more the more files it creates. 65 s was not enough after a
# 100,000-item size had deleted 1.3 million files: a run of this script
# started then gave 4.90 s instead of 2.90 s at 10,000 items. Both tools are measured on a settled file
# system. The first build after the corpus is written pays for the file
# system's pending work (the first 100,000-item build spent 44-51 s in the
# kernel, the others 13-17 s), so an untimed Sunlight build comes first.
# Three builds are then measured per size: Sunlight with the search index,
# Sunlight with -no-search, and Hugo (hugo --quiet), and with -p a fourth,
# Sunlight on the same corpus with the print pages; each run starts with
# the next of them in turn, and before each build the files it reads are
# read once, untimed, so that every build starts with its corpus in the
# page cache (see warm). The table
# shows the median wall time and the median peak RSS ("Maximum resident set
# size"), the number of HTML pages written, and the ratio Sunlight/Hugo of
# the full build. Public tools only: bash, coreutils, /usr/bin/time, hugo.
set -euo pipefail

RUNS=${RUNS:-3}
SIZES=${SIZES:-"1000 10000 100000"}
ITEMS_PER_UNIT=${ITEMS_PER_UNIT:-100}
SEED=1
WORK=""
KEEP=0
PRINT=0
HUGO=${HUGO:-hugo}
SETTLE=${SETTLE:-120}

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

while getopts "r:s:u:S:w:kpH:h" opt; do
	case $opt in
	r) RUNS=$OPTARG ;;
	s) SIZES=$OPTARG ;;
	u) ITEMS_PER_UNIT=$OPTARG ;;
	S) SEED=$OPTARG ;;
	w) WORK=$OPTARG ;;
	k) KEEP=1 ;;
	p) PRINT=1 ;;
	H) HUGO=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
SUNLIGHT=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$SUNLIGHT" ] || { echo "bench.sh: $1 is not an executable" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: -r wants a positive number" >&2; exit 2; }
HAVE_HUGO=1
command -v "$HUGO" >/dev/null 2>&1 || { HAVE_HUGO=0; echo "bench.sh: $HUGO not found; Hugo columns will be empty (apt-get install hugo)" >&2; }

if [ -z "$WORK" ]; then
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/sunlight-bench.XXXXXX")
else
	mkdir -p "$WORK"
fi
WORK=$(cd "$WORK" && pwd)
cleanup() { [ "$KEEP" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

log() { echo "bench.sh: $*" >&2; }

# settle deletes the outputs of the last size, flushes the file system and
# waits until the freed inodes no longer slow down file creation.
settle() {
	[ "$KEEP" = 1 ] || rm -rf "$@"
	sync
	log "waiting ${SETTLE}s for the file system to settle"
	sleep "$SETTLE"
}

# measure OUTDIR LOG CMD... — runs CMD under /usr/bin/time -v (OUTDIR must
# not exist yet) and sets W (seconds) and R (kbytes). A sync comes first,
# untimed: the kernel writes a build's files back to the disk up to 30 s
# after it ends (vm.dirty_expire_centisecs), on the same cores, so without
# it each build paid for part of the build before it, by the other tool as
# often as by itself (every run of a size follows another, and at 100,000
# items a build leaves 3 to 4 GB unwritten).
measure() {
	local out=$1 logf=$2
	shift 2
	sync
	if ! /usr/bin/time -v -o "$logf.time" "$@" >"$logf" 2>&1; then
		echo "bench.sh: failed: $*" >&2
		tail -n 20 "$logf" >&2
		cat "$logf.time" >&2 || true
		exit 1
	fi
	W=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$logf.time" |
		awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
	R=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$logf.time")
}

# warm DIR — reads every file under DIR, untimed, so that each timed
# build starts with its corpus in the page cache, as the first one after
# the warm-up build does. Without it, at 100,000 items the size's outputs
# (about 27 GB by both tools) pushed the corpus out of memory and the
# later runs read it from the disk again: on 11-28 07:40 Sunlight's three
# runs took 31.0, 36.9 and 38.2 s, and reading the 137,522 content files
# afterwards took 15.6 s.
warm() { find "$1" -type f -print0 | xargs -0 cat >/dev/null; }

# median of the numbers on stdin
median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "" } else if (NR % 2) { print v[(NR + 1) / 2] } else { print (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'
}

pages() { find "$1" -name '*.html' 2>/dev/null | wc -l | tr -d ' '; }

fmt_s() { [ -n "$1" ] && awk -v v="$1" 'BEGIN { printf "%.2f s", v }' || echo "–"; }
fmt_mb() { [ -n "$1" ] && awk -v v="$1" 'BEGIN { printf "%.0f MB", v / 1024 }' || echo "–"; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }' || echo "–"; }

declare -a ROWS=() PROWS=()
for items in $SIZES; do
	units=$((items / ITEMS_PER_UNIT))
	[ "$units" -ge 1 ] || units=1
	dir="$WORK/$items"
	mkdir -p "$dir"
	log "generating $items items in $units units"
	"$SUNLIGHT" gen -units "$units" -items "$items" -seed "$SEED" -out "$dir/content" >"$dir/gen.log" 2>&1 ||
		{ cat "$dir/gen.log" >&2; exit 1; }
	"$SUNLIGHT" gen -units "$units" -items "$items" -seed "$SEED" -out "$dir/hugo" -hugo >"$dir/gen-hugo.log" 2>&1 ||
		{ cat "$dir/gen-hugo.log" >&2; exit 1; }

	settle "$WORK"/*/out-*
	# One untimed build first: the first build after the corpus is
	# generated pays for the file system's pending work (6.7 s of kernel
	# time at 10,000 items, 51 s at 100,000, against 1.3 s and 13 s for
	# the builds after it), whichever tool makes it.
	log "size $items: warm-up build (not timed)"
	"$SUNLIGHT" build -content "$dir/content" -out "$dir/out-warmup" >"$dir/warmup.log" 2>&1 ||
		{ tail -n 20 "$dir/warmup.log" >&2; exit 1; }
	declare -a sw=() sr=() nw=() nr=() hw=() hr=() pw=() pr=()
	tools="sunlight nosearch"
	[ "$HAVE_HUGO" = 1 ] && tools="$tools hugo"
	if [ "$PRINT" = 1 ]; then
		# The same corpus with the print pages (a poster with a QR code
		# per item and flow, a year-end volume per unit and year), which
		# the generator leaves out as Hugo's site has nothing like them:
		# hard links, and a site.toml of its own.
		rm -rf "$dir/content-print"
		cp -al "$dir/content" "$dir/content-print"
		rm "$dir/content-print/site.toml"
		sed 's/^no_print = true$/no_print = false/' "$dir/content/site.toml" >"$dir/content-print/site.toml"
		grep -q '^no_print = false$' "$dir/content-print/site.toml" ||
			{ echo "bench.sh: the generated site.toml does not say no_print = true" >&2; exit 1; }
		tools="$tools print"
	fi
	for run in $(seq 1 "$RUNS"); do
		# Each run starts with a different tool, so that whatever the
		# file system still owes falls on each in turn.
		set -- $tools
		for _ in $(seq 2 "$run"); do set -- "${@:2}" "$1"; done
		for tool in "$@"; do
			case $tool in
			sunlight)
				log "size $items, run $run/$RUNS: sunlight"
				warm "$dir/content"
				measure "$dir/out-sunlight-$run" "$dir/sunlight-$run.log" \
					"$SUNLIGHT" build -content "$dir/content" -out "$dir/out-sunlight-$run"
				sw+=("$W"); sr+=("$R")
				;;
			nosearch)
				log "size $items, run $run/$RUNS: sunlight -no-search"
				warm "$dir/content"
				measure "$dir/out-nosearch-$run" "$dir/nosearch-$run.log" \
					"$SUNLIGHT" build -content "$dir/content" -out "$dir/out-nosearch-$run" -no-search
				nw+=("$W"); nr+=("$R")
				;;
			hugo)
				log "size $items, run $run/$RUNS: hugo"
				rm -rf "$dir/hugo/resources"
				warm "$dir/hugo"
				measure "$dir/out-hugo-$run" "$dir/hugo-$run.log" \
					"$HUGO" --quiet -s "$dir/hugo" -d "$dir/out-hugo-$run"
				hw+=("$W"); hr+=("$R")
				;;
			print)
				log "size $items, run $run/$RUNS: sunlight with the print pages"
				warm "$dir/content-print"
				measure "$dir/out-print-$run" "$dir/print-$run.log" \
					"$SUNLIGHT" build -content "$dir/content-print" -out "$dir/out-print-$run"
				pw+=("$W"); pr+=("$R")
				;;
			esac
		done
	done
	msw=$(printf '%s\n' "${sw[@]}" | median); msr=$(printf '%s\n' "${sr[@]}" | median)
	mnw=$(printf '%s\n' "${nw[@]}" | median); mnr=$(printf '%s\n' "${nr[@]}" | median)
	mhw=""; mhr=""; hp="–"
	if [ "$HAVE_HUGO" = 1 ]; then
		mhw=$(printf '%s\n' "${hw[@]}" | median); mhr=$(printf '%s\n' "${hr[@]}" | median)
		hp=$(pages "$dir/out-hugo-1")
	fi
	ROWS+=("| $items | $units | $(pages "$dir/out-sunlight-1") | $(fmt_s "$msw") | $(fmt_mb "$msr") | $(fmt_s "$mnw") | $(fmt_mb "$mnr") | $hp | $(fmt_s "$mhw") | $(fmt_mb "$mhr") | $(ratio "$msw" "$mhw") | $(ratio "$msr" "$mhr") |")
	if [ "$PRINT" = 1 ]; then
		mpw=$(printf '%s\n' "${pw[@]}" | median); mpr=$(printf '%s\n' "${pr[@]}" | median)
		PROWS+=("| $items | $(pages "$dir/out-print-1") | $(fmt_s "$mpw") | $(fmt_mb "$mpr") |")
	fi
	unset sw sr nw nr hw hr pw pr
done

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
hugov=$([ "$HAVE_HUGO" = 1 ] && "$HUGO" version 2>/dev/null | awk '{ print $1, $2 }' || echo "not installed")

echo
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')  "
echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-unknown} RAM, $(uname -sr)  "
echo "Hugo: $hugov; Sunlight: $("$SUNLIGHT" version 2>/dev/null | head -n 1 || echo unknown)  "
echo "Method: median of $RUNS runs each after an untimed warm-up build, each run started by a different tool in turn; wall time and peak RSS from /usr/bin/time -v; a new output directory per run, the disk synced before each, on a file system settled ${SETTLE} s after the last deletion; seed $SEED, $ITEMS_PER_UNIT items per unit."
echo
echo "| items | units | Sunlight pages | Sunlight wall | Sunlight RSS | -no-search wall | -no-search RSS | Hugo pages | Hugo wall | Hugo RSS | wall Sunlight/Hugo | RSS Sunlight/Hugo |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for row in "${ROWS[@]}"; do
	echo "$row"
done
if [ "$PRINT" = 1 ]; then
	echo
	echo "With the print pages (-p): Sunlight, the same corpus with no_print = false (no Hugo counterpart); medians of the same runs."
	echo
	echo "| items | pages | wall | RSS |"
	echo "|---:|---:|---:|---:|"
	for row in "${PROWS[@]}"; do
		echo "$row"
	done
fi
