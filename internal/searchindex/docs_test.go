package searchindex

import (
	"os"
	"reflect"
	"runtime"
	"testing"

	"sunlight/internal/bench"
	"sunlight/internal/link"
	"sunlight/internal/load"
	"sunlight/internal/model"
)

// demo loads and links the demo portal.
func demo(t *testing.T) (*model.Site, *bench.Analysis) {
	t.Helper()
	fsys := os.DirFS("../../content")
	s, diags := load.Load(fsys)
	loc := load.NewLocator(fsys)
	diags.Add(link.Link(s, loc)...)
	if diags.HasErrors() {
		t.Fatalf("demo content: %v", diags)
	}
	an, _ := bench.Analyze(s, loc)
	return s, an
}

// TestDocsOrder: the units' documents, made on several goroutines, come
// unit by unit in the site's order, each unit's own document first, then
// the laws' and the pages'; and the list is the same on one core.
func TestDocsOrder(t *testing.T) {
	s, an := demo(t)
	docs := Docs(s, an)
	at := 0
	for _, u := range s.Units {
		if at >= len(docs) || docs[at].Type != "单位" || docs[at].Unit != u.ID {
			t.Fatalf("document %d: want unit %s's own document, got %s %q", at, u.ID, docs[at].Type, docs[at].Title)
		}
		for at++; at < len(docs) && docs[at].Unit == u.ID && docs[at].Type != "单位"; at++ {
		}
	}
	laws := 0
	for ; at < len(docs) && docs[at].Type == "法规"; at++ {
		laws++
	}
	if laws == 0 {
		t.Errorf("no law documents after the units'")
	}
	for ; at < len(docs); at++ {
		if docs[at].Type != "页面" {
			t.Fatalf("document %d after the laws: %s %q, want pages only", at, docs[at].Type, docs[at].Title)
		}
	}

	prev := runtime.GOMAXPROCS(1)
	one := Docs(s, an)
	runtime.GOMAXPROCS(prev)
	if !reflect.DeepEqual(one, docs) {
		t.Fatal("Docs on one core differs from Docs on several")
	}
}
