package gen

import (
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", `""`},
		{"青石镇", `"青石镇"`},
		{`a"b\c`, `"a\"b\\c"`},
		{"一\n二\t三\r", `"一\n二\t三\r"`},
		{"x\x01y\x7f", `"x\u0001y\u007f"`},
	} {
		if got := quote(c.in); got != c.want {
			t.Errorf("quote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestTiers checks every benchmark the generator can write: 3–5 tiers,
// and amounts that start at the statutory minimum, end at the maximum and
// increase strictly in between.
func TestTiers(t *testing.T) {
	r := newRNG(1)
	for i := range violations {
		v := &violations[i]
		if v.Fine.Unit == "" && v.Ladder == nil {
			continue
		}
		for k := 0; k < 20; k++ {
			ts := tiers(r, v)
			if len(ts) < 3 || len(ts) > 5 {
				t.Fatalf("%s: %d tiers", v.Phrase, len(ts))
			}
			for _, tr := range ts {
				if tr.Label == "" || tr.Standard == "" || len(tr.Conds) == 0 {
					t.Fatalf("%s: incomplete tier %+v", v.Phrase, tr)
				}
			}
		}
		if v.Fine.Unit == "" {
			continue
		}
		for m := 2; m <= 4; m++ {
			b := splitRange(v.Fine.Unit, v.Fine.Min, v.Fine.Max, m)
			if b[0] != v.Fine.Min || b[m] != v.Fine.Max {
				t.Errorf("%s: bounds %v", v.Phrase, b)
			}
			for j := 1; j <= m; j++ {
				if b[j] <= b[j-1] {
					t.Errorf("%s: bounds %v not increasing", v.Phrase, b)
				}
			}
		}
	}
	for _, c := range []struct {
		f      fineSpec
		lo, hi float64
		want   string
	}{
		{fineSpec{Unit: "元"}, 500, 2000, "五百元以上二千元以下"},
		{fineSpec{Unit: "元"}, 0, 50, "五十元以下"},
		{fineSpec{Unit: "元"}, 45000, 95000, "四万五千元以上九万五千元以下"},
		{fineSpec{Unit: "倍", Base: "货值金额"}, 1, 1.5, "货值金额1倍以上1.5倍以下"},
		{fineSpec{Unit: "%", Base: "建设工程造价"}, 5, 7, "建设工程造价百分之五以上百分之七以下"},
	} {
		if got := amountRange(c.f, c.lo, c.hi); got != c.want {
			t.Errorf("amountRange(%v, %v, %v) = %q, want %q", c.f, c.lo, c.hi, got, c.want)
		}
	}
}

func TestCreditCode(t *testing.T) {
	const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	r := newRNG(3)
	for i := 0; i < 200; i++ {
		c := creditCode(r, "990101")
		if len(c) != 18 || !strings.HasPrefix(c, "11990101MB") {
			t.Fatalf("credit code %q", c)
		}
		sum, w := 0, 1
		for j := 0; j < 17; j++ {
			sum += strings.IndexByte(chars, c[j]) * w
			w = w * 3 % 31
		}
		if c[17] != chars[(31-sum%31)%31] {
			t.Fatalf("credit code %q: bad check character", c)
		}
	}
}

// TestFlowsValid checks the flow templates: one start, ends without exits,
// decisions with two or more labelled exits, every step reachable and able
// to reach an end.
func TestFlowsValid(t *testing.T) {
	for _, f := range flowTemplates {
		idx := map[string]int{}
		for i, s := range f.Steps {
			idx[s.ID] = i
		}
		starts := 0
		for _, s := range f.Steps {
			switch s.Kind {
			case "start":
				starts++
			case "end":
				if len(s.Next) > 0 {
					t.Errorf("%s/%s: end step with exits", f.ID, s.ID)
				}
			case "decision":
				if len(s.Next) < 2 {
					t.Errorf("%s/%s: decision with %d exits", f.ID, s.ID, len(s.Next))
				}
				for _, e := range s.Next {
					if e.Label == "" {
						t.Errorf("%s/%s: unlabelled decision exit", f.ID, s.ID)
					}
				}
			}
			if s.Kind != "end" && len(s.Next) == 0 {
				t.Errorf("%s/%s: dead end", f.ID, s.ID)
			}
			for _, e := range s.Next {
				if _, ok := idx[e.To]; !ok {
					t.Errorf("%s/%s: unknown target %s", f.ID, s.ID, e.To)
				}
			}
		}
		if starts != 1 || f.Steps[0].Kind != "start" {
			t.Errorf("%s: %d starts", f.ID, starts)
		}
		seen := map[string]bool{}
		var walk func(string)
		walk = func(id string) {
			if seen[id] {
				return
			}
			seen[id] = true
			for _, e := range f.Steps[idx[id]].Next {
				walk(e.To)
			}
		}
		walk(f.Steps[0].ID)
		for _, s := range f.Steps {
			if !seen[s.ID] {
				t.Errorf("%s/%s: unreachable", f.ID, s.ID)
			}
			ends := map[string]bool{}
			var reach func(string) bool
			reach = func(id string) bool {
				if ends[id] {
					return false
				}
				ends[id] = true
				st := f.Steps[idx[id]]
				if st.Kind == "end" {
					return true
				}
				for _, e := range st.Next {
					if reach(e.To) {
						return true
					}
				}
				return false
			}
			if !reach(s.ID) {
				t.Errorf("%s/%s: cannot reach an end", f.ID, s.ID)
			}
		}
		if responsibilities[f.ID] == nil || risks[f.ID] == nil {
			t.Errorf("%s: no responsibilities or risks", f.ID)
		}
		for _, rt := range risks[f.ID] {
			found := false
			for _, s := range f.Steps {
				found = found || s.Name == rt.Step
			}
			if !found {
				t.Errorf("%s: risk at unknown step %q", f.ID, rt.Step)
			}
		}
	}
}
