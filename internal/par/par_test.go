package par

import (
	"sync"
	"sync/atomic"
	"testing"
)

// TestDo: every index is called exactly once, on no more goroutines than
// asked, for sizes around the number of workers, including none.
func TestDo(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 2}, {1, 2}, {2, 2}, {3, 2}, {1000, 3}, {50, 0}, {7, -1}} {
		calls := make([]atomic.Int32, c.n)
		var mu sync.Mutex
		var running, most int
		Do(c.n, c.workers, func(i int) {
			mu.Lock()
			running++
			most = max(most, running)
			mu.Unlock()
			calls[i].Add(1)
			mu.Lock()
			running--
			mu.Unlock()
		})
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Fatalf("n=%d workers=%d: index %d called %d times", c.n, c.workers, i, got)
			}
		}
		if c.workers > 0 && most > c.workers {
			t.Errorf("n=%d workers=%d: %d calls at once", c.n, c.workers, most)
		}
	}
}
