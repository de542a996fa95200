package search

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestScratchStats(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("N"))
	if n == 0 {
		t.Skip()
	}
	docs := SampleDocs(n, 1)
	t0 := time.Now()
	ix, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t1 := time.Now()
	files, st, err := ix.Export()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("build %v export %v files %d", t1.Sub(t0), time.Since(t1), len(files))
	t.Logf("%+v", st)
}

func TestScratchSearch(t *testing.T) {
	if os.Getenv("Q") == "" {
		t.Skip()
	}
	docs := SampleDocs(2000, 1)
	ix, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := ix.Export()
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range files {
		m[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	s, err := Open(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range strings.Split(os.Getenv("Q"), ",") {
		r, err := s.Search(Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%q: total %d exact %v fallback %v pages %d", q, r.Total, r.TotalExact, r.Fallback, r.Pages)
		for _, h := range r.Hits {
			t.Logf("   %s %s %v %v", h.ID, h.Title, h.InTitle, h.Snippet)
		}
	}
}
