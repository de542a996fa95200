package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// TestGCFloor: with a live heap below half the floor, the percentage is
// raised so that the goal reaches the floor; with a heap already past
// it, or GOGC set by whoever runs the command, it stays as it was.
func TestGCFloor(t *testing.T) {
	if v, ok := os.LookupEnv("GOGC"); ok {
		t.Cleanup(func() { os.Setenv("GOGC", v) })
	}
	os.Unsetenv("GOGC")
	prev := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(prev) })
	live := make([]byte, 8<<20) // some live heap to measure
	runtime.GC()

	percent := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }
	gcFloor(1 << 20) // 1 MB: the heap is past it
	if p := percent(); p != 100 {
		t.Errorf("heap past the floor: percent %d, want 100", p)
	}
	gcFloor(1 << 30) // 1 GB: more than twice the live heap
	if p := percent(); p <= 1000 {
		t.Errorf("heap far below the floor: percent %d, want it raised past 1000", p)
	}
	debug.SetGCPercent(100)
	t.Setenv("GOGC", "100")
	gcFloor(1 << 30)
	if p := percent(); p != 100 {
		t.Errorf("GOGC set: percent %d, want it left at 100", p)
	}
	runtime.KeepAlive(live)
}
