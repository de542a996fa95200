package search

import (
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"
)

// peakHeap samples the heap in use until stop is called and returns the
// highest value seen.
func peakHeap() (stop func() uint64) {
	var (
		mu   sync.Mutex
		peak uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			peak = max(peak, ms.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// BenchmarkBuild10k analyses, indexes (in memory) and exports 10,000
// synthetic items. Besides time and allocations it reports the peak heap
// in use during a build (sampled every 10 ms), the process's maximum RSS,
// and the size and file count of the export.
//
//	go test ./internal/search -run '^$' -bench Build10k -benchtime 3x
func BenchmarkBuild10k(b *testing.B) {
	benchmarkBuild(b, 10000)
}

func benchmarkBuild(b *testing.B, n int) {
	docs := SampleDocs(n, 1)
	runtime.GC()
	b.ReportAllocs()
	var st Stats
	var peak uint64
	for b.Loop() {
		stop := peakHeap()
		ix, err := Build(docs, Options{})
		if err != nil {
			b.Fatal(err)
		}
		_, st, err = ix.Export()
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
		peak = max(peak, stop())
	}
	b.ReportMetric(float64(peak)/1e6, "MB-peak-heap")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1e3, "MB-maxrss")
	}
	b.ReportMetric(float64(st.Bytes)/1e6, "MB-index")
	b.ReportMetric(float64(st.Files), "files")
}

// BenchmarkBuild100k is BenchmarkBuild10k for a province-sized portal.
//
//	go test ./internal/search -run '^$' -bench Build100k -benchtime 1x
func BenchmarkBuild100k(b *testing.B) {
	benchmarkBuild(b, 100000)
}
