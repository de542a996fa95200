package diag

import (
	"bytes"
	"testing"
)

func TestDiagnosticString(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"full", Diagnostic{Pos: Position{"a/b.md", 3, 5}, Msg: "坏了", Hint: "修好它"}, "a/b.md:3:5: error: 坏了\n    hint: 修好它"},
		{"no hint", Diagnostic{Pos: Position{"x.toml", 1, 1}, Severity: Warning, Msg: "m"}, "x.toml:1:1: warning: m"},
		{"unknown parts", Diagnostic{Msg: "m"}, "?:?:?: error: m"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.d.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestListSortOrdersAndDedupes(t *testing.T) {
	var l List
	l.Errorf(Position{"b", 1, 1}, "", "x")
	l.Warnf(Position{"a", 2, 1}, "", "y")
	l.Errorf(Position{"a", 1, 9}, "", "z")
	l.Errorf(Position{"a", 1, 9}, "", "z")
	l.Sort()
	want := []string{"a:1:9: error: z", "a:2:1: warning: y", "b:1:1: error: x"}
	if len(l) != len(want) {
		t.Fatalf("len = %d, want %d: %v", len(l), len(want), l)
	}
	for i, w := range want {
		if l[i].String() != w {
			t.Errorf("l[%d] = %q, want %q", i, l[i].String(), w)
		}
	}
	if !l.HasErrors() || l.Err() == nil {
		t.Error("HasErrors = false, want true")
	}
	if (List{{Severity: Warning}}).Err() != nil {
		t.Error("warnings alone must not be an error")
	}
}

func TestWriteGitHubEscapes(t *testing.T) {
	l := List{{Pos: Position{"a,b.md", 2, 3}, Msg: "50%\n坏", Hint: "h"}}
	var b bytes.Buffer
	if err := l.WriteGitHub(&b); err != nil {
		t.Fatal(err)
	}
	want := "::error file=a%2Cb.md,line=2,col=3::50%25%0A坏%0A提示: h\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
