// Package par runs independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls fn(i) for every i in [0, n) on up to workers goroutines
// (GOMAXPROCS of them when workers is 0 or less) and returns when every
// call has returned. Each goroutine takes the next index not yet taken, so
// the calls start in increasing order and a slow one holds up no other;
// fn must be safe to call concurrently for different indexes.
func Do(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}
