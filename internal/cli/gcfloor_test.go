package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestFloorPercent(t *testing.T) {
	for _, c := range []struct {
		floor, live uint64
		want        int
	}{
		{96 << 20, 48 << 20, 100},  // twice the live heap is the floor
		{96 << 20, 200 << 20, 100}, // past it
		{96 << 20, 32 << 20, 200},  // 32 MB live: the goal is three times it
		{96 << 20, 1 << 20, 9500},
		{96 << 20, 0, 96<<20*100 - 100}, // nothing live yet
	} {
		if got := floorPercent(c.floor, c.live); got != c.want {
			t.Errorf("floorPercent(%d, %d) = %d, want %d", c.floor, c.live, got, c.want)
		}
	}
}

// TestTunerAfter: only a forced collection raises the floor, to 7/8 of
// the heap held then, and never lowers it; the percentage follows it.
func TestTunerAfter(t *testing.T) {
	const mb = 1 << 20
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prev) })
	tu := &gcTuner{floor: 96 * mb}
	for i, c := range []struct {
		h         heapState
		wantFloor uint64
		wantPct   int
	}{
		{heapState{live: 30 * mb, held: 100 * mb}, 96 * mb, 220},              // not forced: the floor stays
		{heapState{live: 40 * mb, forced: 1, held: 256 * mb}, 224 * mb, 460},  // forced: up to 7/8 of what is held
		{heapState{live: 80 * mb, forced: 1, held: 320 * mb}, 224 * mb, 180},  // a later ordinary one: no ratchet
		{heapState{live: 70 * mb, forced: 2, held: 160 * mb}, 224 * mb, 220},  // forced, less held: never lower
		{heapState{live: 200 * mb, forced: 2, held: 400 * mb}, 224 * mb, 100}, // twice the live heap is past it
		{heapState{live: 0, forced: 3, held: 512 * mb}, 448 * mb, 100},        // no live figure: the percentage stays
	} {
		tu.after(c.h)
		if tu.floor != c.wantFloor || tu.last != c.wantPct {
			t.Errorf("step %d: floor %d MB, percent %d; want %d MB, %d", i, tu.floor/mb, tu.last, c.wantFloor/mb, c.wantPct)
		}
	}
}

// TestGCFloor: gcFloor raises the percentage at once, and after a
// collection sets it from the live heap; stopped, it no longer follows
// the heap; with GOGC set by whoever runs the command it does nothing.
func TestGCFloor(t *testing.T) {
	if v, ok := os.LookupEnv("GOGC"); ok {
		t.Cleanup(func() { os.Setenv("GOGC", v) })
	}
	os.Unsetenv("GOGC")
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prev) })
	percent := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }
	// waitPercent collects until the finalizer has set the percentage to
	// something other than before.
	waitPercent := func(before, tries int) int {
		for range tries {
			runtime.GC()
			time.Sleep(5 * time.Millisecond)
			if p := percent(); p != before {
				return p
			}
		}
		return before
	}

	stop := gcFloor(1 << 30) // 1 GB
	if p := percent(); p != 1<<30*100/(4<<20) {
		t.Errorf("before a collection: percent %d, want %d", p, 1<<30*100/(4<<20))
	}
	initial := percent()
	live := make([]byte, 64<<20) // a live heap of 64 MB: the goal of 1 GB is 16 times it
	after := waitPercent(initial, 200)
	runtime.KeepAlive(live)
	if after == initial || after < 1000 || after > 1600 {
		t.Errorf("after a collection with 64 MB live: percent %d, want about 1500", after)
	}
	stop()
	debug.SetGCPercent(100)
	if p := waitPercent(100, 10); p != 100 {
		t.Errorf("stopped: percent %d, want it left at 100", p)
	}

	t.Setenv("GOGC", "100")
	stop = gcFloor(1 << 30)
	defer stop()
	if p := percent(); p != 100 {
		t.Errorf("GOGC set: percent %d, want it left at 100", p)
	}
}
