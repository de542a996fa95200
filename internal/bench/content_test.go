package bench_test

import (
	"os"
	"path/filepath"
	"testing"

	"sunlight/internal/bench"
	"sunlight/internal/diag"
	"sunlight/internal/link"
	"sunlight/internal/load"
)

// TestDemoContent runs Analyze on the demo portal in /content, when it
// exists and loads, and reports the figures; every chart it draws must be
// well-formed. It does not fail on the content's own diagnostics, which
// `sunlight check` reports.
func TestDemoContent(t *testing.T) {
	root := filepath.Join("..", "..", "content")
	if _, err := os.Stat(filepath.Join(root, "site.toml")); err != nil {
		t.Skip("no demo content")
	}
	fsys := os.DirFS(root)
	s, diags := load.Load(fsys)
	loc := load.NewLocator(fsys)
	diags.Add(link.Link(s, loc)...)
	if diags.HasErrors() {
		t.Skipf("demo content does not load yet (%d errors)", diags.Count(diag.Error))
	}
	a, d := bench.Analyze(s, loc)
	tiers, unparsed, overridden := 0, 0, 0
	for _, ti := range a.Tiers {
		tiers++
		if !ti.Known() {
			unparsed++
		}
		if ti.Overridden {
			overridden++
		}
	}
	known := 0
	for _, vi := range a.Violations {
		if vi.Known {
			known++
		}
	}
	compared, differing := 0, 0
	for _, p := range a.Compared() {
		compared++
		if p.Differs {
			differing++
		}
		if svg := bench.RangeChart(p); svg != nil {
			wellFormed(t, svg)
		}
	}
	codes := map[string]int{}
	for _, x := range d {
		codes[x.Code]++
	}
	t.Logf("tiers %d (unparsed %d, overridden %d); violations %d (statute known %d); provisions %d, compared %d, differing %d; diagnostics %v",
		tiers, unparsed, overridden, len(a.Violations), known, len(a.Provisions), compared, differing, codes)
	if testing.Verbose() {
		for _, x := range d {
			t.Log(x.String())
		}
		for _, p := range a.Compared() {
			t.Logf("%s (%s) units=%d differs=%v", p.Title(), p.Slug(), p.Units, p.Differs)
			for _, n := range p.Notes {
				t.Logf("    %s", n)
			}
		}
	}
}
