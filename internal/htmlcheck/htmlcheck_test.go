package htmlcheck

import "testing"

func TestFind(t *testing.T) {
	d, err := Parse([]byte(`<html><head><meta name="SiteIDCode" content="9"></head><body><main><h1 class="a b">标题 <span>一</span></h1><p id="x"><a href="/u/">u</a><img src="i.png"></p></main><h1>外</h1></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sel  string
		n    int
		text string
	}{
		{"main h1", 1, "标题 一"},
		{"h1", 2, "标题 一"},
		{"h1.a.b", 1, "标题 一"},
		{"h1.c", 0, ""},
		{"#x a", 1, "u"},
		{"meta[name=SiteIDCode]", 1, ""},
		{"meta[name=Other]", 0, ""},
		{"p[id]", 1, "u"},
	}
	for _, tc := range tests {
		got := d.Find(tc.sel)
		if len(got) != tc.n {
			t.Errorf("Find(%q) = %d nodes, want %d", tc.sel, len(got), tc.n)
			continue
		}
		if tc.n > 0 && Text(got[0]) != tc.text {
			t.Errorf("Text(Find(%q)[0]) = %q, want %q", tc.sel, Text(got[0]), tc.text)
		}
	}
	if got := Attr(d.First("meta"), "content"); got != "9" {
		t.Errorf("Attr = %q", got)
	}
	if l := d.Links(); len(l) != 2 || l[0] != "/u/" || l[1] != "i.png" {
		t.Errorf("Links = %v", l)
	}
}
