package flowchart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Golden SVGs live in testdata/golden/<name>.svg, one per template and per
// tricky shape. Regenerate them with
//
//	go test ./internal/flowchart -run Golden -update
//	UPDATE_GOLDEN=1 go test ./internal/flowchart -run Golden
//
// On a mismatch the test writes <name>.got.svg beside the golden file
// (open both in a browser) and prints the first differing lines.

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func updating() bool { return *update || os.Getenv("UPDATE_GOLDEN") == "1" }

// templateSlug names a template's golden file in ASCII.
var templateSlug = map[string]string{
	"行政许可":      "xingzheng-xuke",
	"行政处罚":      "xingzheng-chufa",
	"行政处罚-简易程序": "xingzheng-chufa-jianyi",
	"行政强制":      "xingzheng-qiangzhi",
	"行政检查":      "xingzheng-jiancha",
	"行政给付":      "xingzheng-geifu",
	"通用":        "tongyong",
}

type goldenCase struct {
	name string
	flow Flow
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	var cs []goldenCase
	for _, n := range TemplateNames() {
		f, ok := Template(n)
		slug, known := templateSlug[n]
		if !ok || !known {
			t.Fatalf("template %q has no golden file name", n)
		}
		cs = append(cs, goldenCase{"template-" + slug, f})
	}
	for _, s := range shapes {
		cs = append(cs, goldenCase{"shape-" + s.name, s.flow})
	}
	cs = append(cs, goldenCase{"shape-typical8", typical8()})
	return cs
}

func TestGoldenSVG(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			got, err := Render(c.flow, RenderOptions{IDPrefix: "g"})
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", c.name+".svg"), got)
		})
	}
}

// TestGoldenFilesAreWellFormedXML parses every golden SVG, including any
// left over from a removed case.
func TestGoldenFilesAreWellFormedXML(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 15 {
		t.Fatalf("found %d golden SVGs, want at least 15 (run with -update)", len(files))
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".got.svg") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := wellFormed(data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	gotPath := strings.TrimSuffix(path, ".svg") + ".got.svg"
	if err := wellFormed(got); err != nil {
		t.Errorf("output is not well-formed XML: %v", err)
	}
	if updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(gotPath)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update or UPDATE_GOLDEN=1 to create it)", err)
	}
	if bytes.Equal(want, got) {
		os.Remove(gotPath)
		return
	}
	if err := os.WriteFile(gotPath, got, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Errorf("%s differs; wrote %s (run with -update to accept):\n%s", path, gotPath, shortDiff(string(want), string(got)))
}

// shortDiff shows the lines between the common prefix and suffix of want
// and got, at most a dozen of each.
func shortDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var out strings.Builder
	show := func(sign string, lines []string, from int) {
		for i, l := range lines {
			if i == 12 {
				fmt.Fprintf(&out, "%s … %d more lines\n", sign, len(lines)-i)
				return
			}
			if len(l) > 160 {
				l = l[:160] + "…"
			}
			fmt.Fprintf(&out, "%s%4d %s\n", sign, from+i+1, l)
		}
	}
	show("-", a[p:len(a)-s], p)
	show("+", b[p:len(b)-s], p)
	return out.String()
}

// wellFormed reads data to the end with encoding/xml and checks that the
// root element is an SVG element.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Space + " " + se.Name.Local
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		return fmt.Errorf("root element is %q, want svg in the SVG namespace", root)
	}
	return nil
}

func TestWellFormedRejectsBrokenXML(t *testing.T) {
	for _, bad := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg"><title>a & b</title></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><g></svg>`,
		`<html></html>`,
	} {
		if wellFormed([]byte(bad)) == nil {
			t.Errorf("wellFormed(%q) = nil, want an error", bad)
		}
	}
}

func TestShortDiffShowsChangedLines(t *testing.T) {
	got := shortDiff("a\nb\nc\nd", "a\nB\nc\nd")
	want := "-   2 b\n+   2 B\n"
	if got != want {
		t.Errorf("shortDiff = %q, want %q", got, want)
	}
}
