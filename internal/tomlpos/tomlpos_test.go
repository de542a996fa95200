package tomlpos

import "testing"

const doc = `# comment
code = "A" # trailing
name = """多行
字符串 = 不是键"""
[time_limit]
statutory_days = 20
"quoted key" = 1
[[steps]]
id = "a"
next = ["b", {to = "c", label = "材料不全"}]
[[steps.risks]]
level = "高"
[[steps]]
id = "b"
next = [
  "c",
]
a.b = 'x'
`

func TestScanPositions(t *testing.T) {
	ix := Scan(doc)
	tests := []struct {
		path  string
		want  Pos
		exact bool
	}{
		{"code", Pos{2, 1}, true},
		{"name", Pos{3, 1}, true},
		{"time_limit", Pos{5, 1}, true},
		{"time_limit.statutory_days", Pos{6, 1}, true},
		{"time_limit.quoted key", Pos{7, 1}, true},
		{"steps[0]", Pos{8, 1}, true},
		{"steps", Pos{8, 1}, true},
		{"steps[0].id", Pos{9, 1}, true},
		{"steps[0].next[0]", Pos{10, 9}, true},
		{"steps[0].next[1]", Pos{10, 14}, true},
		{"steps[0].next[1].label", Pos{10, 25}, true},
		{"steps[0].risks[0].level", Pos{12, 1}, true},
		{"steps[1].id", Pos{14, 1}, true},
		{"steps[1].next[0]", Pos{16, 3}, true},
		{"steps[1].a.b", Pos{18, 1}, true},
		{"steps[1].missing", Pos{13, 1}, false},
		{"nothing", Pos{}, false},
	}
	for _, tc := range tests {
		got, exact := ix.Lookup(tc.path)
		if got != tc.want || exact != tc.exact {
			t.Errorf("Lookup(%q) = %v, %v; want %v, %v", tc.path, got, exact, tc.want, tc.exact)
		}
	}
	if ix.Has("字符串") {
		t.Error("text inside a multi-line string was taken for a key")
	}
	if got := ix.Children("steps[0]"); len(got) != 3 || got[0] != "id" || got[1] != "next" || got[2] != "risks" {
		t.Errorf("Children(steps[0]) = %v", got)
	}
}

func FuzzScan(f *testing.F) {
	f.Add(doc)
	f.Add("[[a]]\n[[a.b]]\nx={y=[1,{z=2}]}")
	f.Add("a = \"unterminated\n[b")
	f.Fuzz(func(t *testing.T, s string) {
		ix := Scan(s)
		for _, k := range ix.Keys() {
			if p, ok := ix.Lookup(k); !ok || p.Line < 1 || p.Col < 1 {
				t.Fatalf("bad position for %q: %v", k, p)
			}
		}
	})
}
