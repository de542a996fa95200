package flowchart

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"sunlight/internal/diag"
)

func TestHashIgnoresIDAndPositions(t *testing.T) {
	a, _ := Template("行政许可")
	b := a.clone()
	b.ID = "another-unit-xuke"
	b.Pos = diag.Position{File: "x.toml", Line: 3, Col: 1}
	b.Steps[2].Pos = diag.Position{File: "x.toml", Line: 9, Col: 1}
	b.Steps[1].Edges[0].Pos = diag.Position{File: "x.toml", Line: 10, Col: 5}
	if a.Hash() != b.Hash() {
		t.Error("Hash differs for flows that differ only in ID and positions")
	}
	c := a.clone()
	c.Steps[1].Edges[0].Label = "受理"
	d := a.clone()
	d.Steps[4].Risks = []Risk{{Level: "高"}}
	for _, o := range []Flow{c, d} {
		if o.Hash() == a.Hash() {
			t.Error("Hash is the same for flows that draw differently")
		}
	}
	// "ab"+"c" and "a"+"bc" must not collide.
	x := Flow{Steps: []Step{{ID: "ab", Name: "c"}}}
	y := Flow{Steps: []Step{{ID: "a", Name: "bc"}}}
	if x.Hash() == y.Hash() {
		t.Error("Hash is ambiguous about field boundaries")
	}
}

func TestCacheRendersEachFlowOnce(t *testing.T) {
	var flows []Flow
	for _, n := range TemplateNames()[:5] {
		f, _ := Template(n)
		flows = append(flows, f)
	}
	var c Cache
	var wg sync.WaitGroup
	results := make([][][]byte, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				f := flows[(g+i)%len(flows)].clone()
				f.ID = fmt.Sprintf("item-%d-%d", g, i) // many power items, one flow
				svg, err := c.Render(f, RenderOptions{})
				if err != nil {
					t.Error(err)
					return
				}
				results[g] = append(results[g], svg)
			}
		}(g)
	}
	wg.Wait()
	st := c.Stats()
	if st.Layouts != 5 || st.Renders != 5 || st.Misses != 5 || st.Hits != 8*50-5 {
		t.Errorf("Stats() = %+v, want 5 layouts, 5 renders, 5 misses, %d hits", st, 8*50-5)
	}
	for g, rs := range results {
		for i, svg := range rs {
			want, _ := Render(flows[(g+i)%len(flows)], RenderOptions{})
			if !bytes.Equal(svg, want) {
				t.Fatalf("cached render %d/%d differs from Render", g, i)
			}
		}
	}
}

func TestCacheKeysRendersByOptions(t *testing.T) {
	var c Cache
	f := typical8()
	a, _ := c.Render(f, RenderOptions{IDPrefix: "one"})
	b, _ := c.Render(f, RenderOptions{IDPrefix: "two"})
	if bytes.Equal(a, b) {
		t.Error("renders with different prefixes are equal")
	}
	d1, _ := c.Layout(f)
	d2, _ := c.Layout(f)
	if d1 != d2 {
		t.Error("Layout was computed twice for the same flow")
	}
	if st := c.Stats(); st.Layouts != 1 || st.Renders != 2 {
		t.Errorf("Stats() = %+v, want 1 layout, 2 renders", st)
	}
}

func TestCacheReturnsErrors(t *testing.T) {
	var c Cache
	bad := Flow{ID: "bad", Steps: []Step{st("a", "a", Start, "", "", e("nowhere", ""))}}
	for i := 0; i < 2; i++ {
		if _, err := c.Render(bad, RenderOptions{}); err == nil {
			t.Fatalf("call %d: Render of a broken flow returned no error", i)
		}
	}
}
