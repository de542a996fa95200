package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"sunlight/internal/history"
	"sunlight/internal/render"
)

// TestManifestSameAsMarshalIndent: manifestOf writes what
// json.MarshalIndent made of a Manifest before it was written by hand,
// byte for byte: paths in byte order, escaped as encoding/json escapes
// them, a repeated path with its last sum, the commit only when known.
func TestManifestSameAsMarshalIndent(t *testing.T) {
	sum := func(s string) []byte { h := sha256.Sum256([]byte(s)); return h[:] }
	paths := []string{"units/b/index.html", "404.html", "units/a/index.html", "a<b>&c.html", `q"uote\\.html`,
		"行政处罚/index.html", "line\u2028sep.html", "units/a/index.html", "Z.html", "a.html"}
	var many []render.Output
	for i, p := range paths {
		many = append(many, render.Output{Path: p, Data: sum(fmt.Sprint(i))})
	}
	for _, tt := range []struct {
		name string
		sums []render.Output
		h    *history.History
	}{
		{"none", nil, nil},
		{"one", many[:1], nil},
		{"many, repeated, escaped", many, nil},
		{"commit", many, &history.History{Available: true, Head: "96d0180aa7"}},
		{"history unavailable", many, &history.History{Available: false, Head: "x"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := Manifest{Generator: "sunlight", Files: map[string]string{}}
			if tt.h != nil && tt.h.Available {
				want.Commit = tt.h.Head
			}
			for _, f := range tt.sums {
				want.Files[f.Path] = hex.EncodeToString(f.Data)
			}
			b, err := json.MarshalIndent(want, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			got := manifestOf(tt.sums, tt.h)
			if got.Path != ManifestFile || string(got.Data) != string(b)+"\n" {
				t.Fatalf("got\n%s\nwant\n%s", got.Data, b)
			}
		})
	}
}
