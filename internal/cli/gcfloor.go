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
//
// After a forced collection (the build forces one as each stage ends)
// the floor rises to seven eighths of the heap the process holds: memory
// it has taken from the system for its heap and not given back (live
// objects, garbage and free spans alike); the eighth left is room for
// what is allocated while a collection marks, and for fragmentation. A
// build's stages peak at different sizes: at 10,000 items the search
// index ends with 225 MB of heap and the pages then run with 70–110 MB
// live, so twice the live heap would collect five times while they
// render, each time short of memory the process has anyway. Growing into
// it instead costs no more peak memory and collects less often. Only
// forced collections raise it: after the others the heap has just
// outgrown its goal while being marked, and following that would ratchet
// the goal up cycle by cycle.
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
	floor   uint64 // only the finalizer goroutine changes it once armed
	forced  uint64 // forced collections seen
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
	s.t.after(readHeap())
	runtime.SetFinalizer(s, (*gcSentinel).collected)
}

// heapState is what the tuner reads of the heap after a collection.
type heapState struct {
	live   uint64 // live heap marked by the collection
	forced uint64 // forced collections so far
	held   uint64 // heap memory held from the system: objects, unused and free spans
}

func readHeap() heapState {
	m := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/gc/cycles/forced:gc-cycles"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
	metrics.Read(m)
	var v [5]uint64
	for i, x := range m {
		if x.Value.Kind() == metrics.KindUint64 {
			v[i] = x.Value.Uint64()
		}
	}
	return heapState{live: v[0], forced: v[1], held: v[2] + v[3] + v[4]}
}

// after sets the percentage for the next collection, raising the floor
// to seven eighths of the heap held when the collection was a forced one.
func (t *gcTuner) after(h heapState) {
	if h.forced > t.forced {
		t.forced = h.forced
		t.floor = max(t.floor, h.held-h.held/8)
	}
	if h.live > 0 {
		t.set(floorPercent(t.floor, h.live))
	}
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
