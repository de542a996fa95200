package load_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"

	"sunlight/internal/load"
)

// TestLoadSharesEqualStrings: two items with the same office, basis and
// body hold one copy of each string.
func TestLoadSharesEqualStrings(t *testing.T) {
	fsys := base()
	second := strings.Replace(power(""), `code = "CF-001"`, `code = "CF-002"`, 1)
	fsys["units/qingshi/powers/cf-002.md"] = &fstest.MapFile{Data: []byte(second)}
	s, diags := load.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ps := s.Units[0].Powers
	if len(ps) != 2 {
		t.Fatalf("%d items, want 2", len(ps))
	}
	same := func(what, a, b string) {
		t.Helper()
		if a != b || unsafe.StringData(a) != unsafe.StringData(b) {
			t.Errorf("%s: %q and %q are separate copies", what, a, b)
		}
	}
	same("office", ps[0].Office, ps[1].Office)
	same("basis law", ps[0].Basis[0].Law, ps[1].Basis[0].Law)
	same("body", ps[0].Body, ps[1].Body)
}

// TestLoadTrimsSlices: the arrays of tables a file declares one by one
// are kept at their length, without the spare room appending leaves.
func TestLoadTrimsSlices(t *testing.T) {
	fsys := base()
	fsys["units/qingshi/powers/cf-001.md"] = &fstest.MapFile{Data: []byte(power(`[[responsibilities]]
step = "立案"
content = "及时立案。"
[[responsibilities]]
step = "调查取证"
content = "全面、客观、公正地调查。"
[[responsibilities]]
step = "决定"
content = "依法作出决定。"
`))}
	s, diags := load.Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	rs := s.Units[0].Powers[0].Responsibilities
	if len(rs) != 3 || cap(rs) != 3 {
		t.Errorf("responsibilities: len %d cap %d, want 3 and 3", len(rs), cap(rs))
	}
}
