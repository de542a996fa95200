package search

import (
	"sync"
	"testing"
	"testing/fstest"
)

// mustExport builds and exports docs.
func mustExport(tb testing.TB, docs []Doc, opt Options) ([]File, Stats) {
	tb.Helper()
	ix, err := Build(docs, opt)
	if err != nil {
		tb.Fatal(err)
	}
	defer ix.Close()
	files, st, err := ix.Export()
	if err != nil {
		tb.Fatal(err)
	}
	return files, st
}

func mapFS(files []File) fstest.MapFS {
	m := fstest.MapFS{}
	for _, f := range files {
		m[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return m
}

// mustOpen opens exported files.
func mustOpen(tb testing.TB, files []File) *Searcher {
	tb.Helper()
	s, err := Open(mapFS(files))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func mustSearch(tb testing.TB, s *Searcher, q Query) Results {
	tb.Helper()
	r, err := s.Search(q)
	if err != nil {
		tb.Fatalf("Search(%+v): %v", q, err)
	}
	return r
}

func hitIDs(r Results) []string {
	out := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		out[i] = h.ID
	}
	return out
}

// sampleIndex is a SampleDocs corpus of n items, built and exported once
// per test binary.
type sampleIndex struct {
	docs  []Doc
	files []File
	stats Stats
}

var (
	samplesMu sync.Mutex
	samples   = map[int]*sampleIndex{}
)

func mustSample(tb testing.TB, n int) *sampleIndex {
	tb.Helper()
	samplesMu.Lock()
	defer samplesMu.Unlock()
	if si, ok := samples[n]; ok {
		return si
	}
	docs := SampleDocs(n, 42)
	files, st := mustExport(tb, docs, Options{})
	si := &sampleIndex{docs: docs, files: files, stats: st}
	samples[n] = si
	return si
}
