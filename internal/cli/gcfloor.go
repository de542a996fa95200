package cli

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// gcFloorBytes is the heap a build may grow to between collections. At
// 10,000 items twice the live heap is already past it, so larger sites
// keep the default and the memory it bounds.
const gcFloorBytes = 96 << 20

// gcFloor lets the heap of a small site grow to floor bytes between
// collections. The collector's default (GOGC=100) starts a cycle each
// time the heap doubles its live part, which for a county's site of a
// few thousand items (10–30 MB live) means a collection every few
// megabytes allocated: a 1,000-item build spends a sixth of its CPU less
// without them. Called once the content is loaded (and collected), it
// raises the percentage so that the next goal is floor; a site whose heap
// already doubles past floor keeps the default, and so does a process run
// with GOGC set. The setting is the process's: only the build command,
// which runs one build and exits, calls it.
func gcFloor(floor uint64) {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := s[0].Value.Uint64()
	if live == 0 || 2*live >= floor {
		return
	}
	debug.SetGCPercent(int(floor*100/live) - 100)
}
