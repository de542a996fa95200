package site_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"sunlight/internal/diag"
	"sunlight/internal/golden"
	"sunlight/internal/site"
)

// TestBadInput runs the bad-input corpus (testdata/bad): each case must
// produce exactly its recorded error diagnostics, must not panic, and a
// failing build must leave the previous output byte for byte as it was.
func TestBadInput(t *testing.T) {
	cases, _ := filepath.Glob("testdata/bad/*.txtar")
	if len(cases) < 40 {
		t.Fatalf("only %d bad-input cases", len(cases))
	}
	base, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			content := t.TempDir()
			files := map[string][]byte{}
			for _, f := range base.Files {
				files[f.Name] = f.Data
			}
			var want []byte
			for _, f := range ar.Files {
				switch {
				case f.Name == "diagnostics":
					want = f.Data
				case string(f.Data) == "(delete)\n":
					delete(files, f.Name)
				default:
					files[f.Name] = f.Data
				}
			}
			for name, data := range files {
				p := filepath.Join(content, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// A previous good build that a failing build must not touch.
			out := filepath.Join(t.TempDir(), "public")
			good := writeTxtar(t, "small.txtar")
			build(t, good, out, "")
			before := readTree(t, out)

			res, diags, err := site.Build(context.Background(), site.Options{Content: os.DirFS(content), Out: out})
			if err != nil {
				t.Fatal(err)
			}
			var errs diag.List
			for _, d := range diags {
				if d.Severity == diag.Error {
					errs = append(errs, d)
				}
			}
			var got bytes.Buffer
			errs.WriteText(&got)
			if golden.Updating() {
				for i := range ar.Files {
					if ar.Files[i].Name == "diagnostics" {
						ar.Files[i].Data = got.Bytes()
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got.Bytes(), want)
			}
			if len(errs) > 0 {
				if res != nil {
					t.Error("build succeeded despite errors")
				}
				after := readTree(t, out)
				if len(after) != len(before) {
					t.Errorf("failed build changed the output: %d files before, %d after", len(before), len(after))
				}
				for p, b := range before {
					if !bytes.Equal(b, after[p]) {
						t.Errorf("failed build changed %s", p)
					}
				}
			} else if res == nil {
				t.Error("accepted input did not build")
			}
		})
	}
}
