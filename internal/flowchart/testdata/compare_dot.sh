#!/usr/bin/env bash
# Compares Sunlight's drawing of the 行政许可 template with Graphviz dot on
# the same graph (testdata/xingzheng-xuke.dot, written by
# `go test -run DOTFile -update`): SVG bytes, edge crossings and time.
# Graphviz is needed only here: apt-get install -y graphviz hyperfine
set -euo pipefail
cd "$(dirname "$0")/.." # internal/flowchart
dotfile=testdata/xingzheng-xuke.dot
command -v dot >/dev/null || { echo "dot not found: apt-get install -y graphviz" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== bytes and crossings (crossings: our geometry; dot's splines from -Tplain, sampled)"
FLOWCHART_COMPARE=1 FLOWCHART_OUT="$out" go test -count=1 -run 'TestGraphvizComparison' -v . |
	grep -E 'bytes:|crossings:|size:' | sed 's/^ *dot_test.go:[0-9]*: /  /'

echo "== time: dot, one graph per process (includes start-up and font loading)"
if command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 5 --runs 50 "dot -Tsvg $dotfile -o /dev/null" 2>/dev/null | grep -E 'Time|Range'
else
	time (for i in $(seq 50); do dot -Tsvg "$dotfile" -o /dev/null; done)
fi

echo "== time: dot, 100 copies of the graph in one process (per graph = total / 100)"
for i in $(seq 100); do cat "$dotfile"; done >"$out/many.dot"
if command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 2 --runs 10 "dot -Tsvg $out/many.dot -o /dev/null" 2>/dev/null | grep -E 'Time|Range'
else
	time dot -Tsvg "$out/many.dot" -o /dev/null
fi

echo "== time: Sunlight, in process (layout + SVG)"
go test -count=1 -run '^$' -bench 'BenchmarkRenderXingzhengXuke$' -benchmem . | grep Benchmark
