package flowchart

import (
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	var fs []Flow
	for _, n := range TemplateNames() {
		f, _ := Template(n)
		fs = append(fs, f)
	}
	for _, s := range shapes {
		fs = append(fs, s.flow)
	}
	for _, f := range fs {
		d, err := Layout(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range CheckGeometry(d) {
			t.Errorf("%s: %s", f.ID, p)
		}
		svg, _ := Render(f, RenderOptions{})
		os.WriteFile("/tmp/fc/"+f.ID+".svg", svg, 0o644)
		t.Logf("%s: %dx%d %d bytes crossings=%d", f.ID, int(d.Width), int(d.Height), len(svg), d.Crossings())
	}
	bad := 0
	for seed := uint64(1); seed <= 30000; seed++ {
		f := randomFlow(seed)
		d, err := Layout(f)
		if err != nil {
			t.Fatal(err)
		}
		if p := CheckGeometry(d); len(p) > 0 {
			bad++
			if bad < 15 {
				t.Errorf("seed %d: %d problems, first: %s", seed, len(p), p[0])
				svg, _ := Render(f, RenderOptions{})
				os.WriteFile("/tmp/fc/random-"+itoa(int(seed))+".svg", svg, 0o644)
			}
		}
	}
	t.Logf("bad random: %d", bad)
}
