package flowchart

import (
	"fmt"
	"testing"
)

// go test ./internal/flowchart -run '^$' -bench . -benchmem

func BenchmarkRenderTypical8Step(b *testing.B) {
	f := typical8()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(f, RenderOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLayoutTypical8Step(b *testing.B) {
	f := typical8()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderXingzhengXuke is the flow compared with Graphviz
// (testdata/compare_dot.sh).
func BenchmarkRenderXingzhengXuke(b *testing.B) {
	f, _ := Template("行政许可")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(f, RenderOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// thousandFlows returns 1000 distinct, realistic flows: the templates and
// the typical flow with a unit's own posts, time limits and risks laid over
// them.
func thousandFlows() []Flow {
	bases := []Flow{typical8()}
	for _, n := range TemplateNames() {
		f, _ := Template(n)
		bases = append(bases, f)
	}
	levels := []string{"高", "中", "低"}
	flows := make([]Flow, 1000)
	for i := range flows {
		base := bases[i%len(bases)]
		s := base.Steps[i%len(base.Steps)]
		t := base.Steps[(i/7)%len(base.Steps)]
		flows[i] = Override(base, []Step{
			{ID: s.ID, Post: fmt.Sprintf("第%d科室经办人", i)},
			{ID: t.ID, TimeLimit: fmt.Sprintf("承诺%d个工作日", 1+i%20),
				Risks: []Risk{{Level: levels[i%3], Text: "风险点"}}},
		})
	}
	return flows
}

func BenchmarkRender1000Flows(b *testing.B) {
	flows := thousandFlows()
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range flows {
			if _, err := Render(f, RenderOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCache1000ItemsOver50Flows is a build: 1000 power items whose
// flows are 50 distinct ones.
func BenchmarkCache1000ItemsOver50Flows(b *testing.B) {
	flows := thousandFlows()[:50]
	b.ReportAllocs()
	for b.Loop() {
		var c Cache
		for i := 0; i < 1000; i++ {
			f := flows[i%50]
			f.ID = fmt.Sprint("item-", i)
			if _, err := c.Render(f, RenderOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestThousandFlowsAreDistinctAndClean(t *testing.T) {
	seen := map[string]bool{}
	for i, f := range thousandFlows() {
		h := f.Hash()
		if seen[h] {
			t.Fatalf("flow %d repeats an earlier one", i)
		}
		seen[h] = true
		if i%10 == 0 {
			checkFlow(t, f)
		}
	}
}
