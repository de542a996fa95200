package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// gcFloorBytes is the heap a build may grow to between collections. At
// 10,000 items twice the live heap is past it for most of the build, so
// larger sites keep the default and the memory it bounds.
const gcFloorBytes = 96 << 20

// gcFloor keeps the collector's goal at floor bytes or more for the rest
// of the process and returns a function that stops it. The collector's
// default (GOGC=100) starts a cycle each time the heap doubles its live
// part: a build's heap grows from nothing while the content loads (17
// collections before 10,000 items are loaded, 4 with the floor), and a
// county's site of a few thousand items (10–30 MB live) would collect
// every few megabytes allocated. After every collection the percentage is
// set so that the next goal is the larger of floor and twice the live
// heap; a process run with GOGC set is left alone. The setting is the
// process's: only the build command, which runs one build and exits,
// calls it.
func gcFloor(floor uint64) (stop func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	t := &gcTuner{floor: floor}
	// Before the first collection the goal is 4 MB times GOGC/100.
	t.set(int(floor * 100 / (4 << 20)))
	runtime.SetFinalizer(&gcSentinel{t: t}, (*gcSentinel).collected)
	return func() { t.stopped.Store(true) }
}

// gcTuner sets the collector's percentage after each collection.
type gcTuner struct {
	floor   uint64
	stopped atomic.Bool
	last    int // only the finalizer goroutine writes it once armed
}

func (t *gcTuner) set(p int) {
	if p != t.last {
		t.last = p
		debug.SetGCPercent(p)
	}
}

// gcSentinel is garbage as soon as it is made; its finalizer runs after
// each collection and sets it up again for the next one.
type gcSentinel struct {
	t *gcTuner
	_ [2]uintptr // not a tiny allocation, whose finalizer may wait for its neighbours
}

func (s *gcSentinel) collected() {
	if s.t.stopped.Load() {
		return
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 {
		s.t.set(floorPercent(s.t.floor, live[0].Value.Uint64()))
	}
	runtime.SetFinalizer(s, (*gcSentinel).collected)
}

// floorPercent is the GOGC percentage that makes the next goal floor
// bytes for a live heap of live bytes, or 100 once twice the live heap
// reaches floor.
func floorPercent(floor, live uint64) int {
	if 2*live >= floor {
		return 100
	}
	return int(floor*100/max(live, 1)) - 100
}
