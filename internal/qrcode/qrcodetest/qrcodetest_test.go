package qrcodetest_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"sunlight/internal/qrcode"
	"sunlight/internal/qrcode/qrcodetest"
)

func mustSVG(t *testing.T, text string) string {
	t.Helper()
	svg, err := qrcode.SVG(text, qrcode.Options{Size: "30mm"})
	if err != nil {
		t.Fatal(err)
	}
	return string(svg)
}

func TestDecodeAll(t *testing.T) {
	t.Parallel()
	a := "https://lzfk.sfx.example.gov.cn/units/qingshi/powers/990101-001-CF-001-00/"
	b := "https://lzfk.sfx.example.gov.cn/units/%E9%9D%92%E7%9F%B3%E9%95%87/flows/"
	doc := `<!doctype html><html><body><svg viewBox="0 0 10 10"><circle r="4"/></svg>` +
		`<figure>` + mustSVG(t, a) + `<figcaption>扫码</figcaption></figure><p>` + mustSVG(t, b) + `</p></body></html>`
	got, err := qrcodetest.DecodeAll([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{a, b}; !slices.Equal(got, want) {
		t.Errorf("DecodeAll = %q, want %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	good := mustSVG(t, "http://a.cn/")
	tests := []struct {
		name, svg string
		notQR     bool
		want      string
	}{
		{"not svg", `<div/>`, true, "qrcodetest: not a qrcode SVG: expected element type <svg> but have <div>"},
		{"no crispEdges", strings.Replace(good, ` shape-rendering="crispEdges"`, "", 1), true, `qrcodetest: not a qrcode SVG: shape-rendering is "", want "crispEdges"`},
		{"two paths", strings.Replace(good, `</svg>`, `<path fill="#000" d=""/></svg>`, 1), true, "qrcodetest: not a qrcode SVG: want exactly one <path> with fill #000, have 2"},
		{"bad run", strings.Replace(good, `d="M4 4h7v1h-7z`, `d="M4 4h7v1h-6z`, 1), false, "qrcodetest: path: offset 0: want a run M<x> <y>h<w>v1h-<w>z"},
		{"quiet zone", strings.Replace(good, `d="M4 4h7v1h-7z`, `d="M3 4h8v1h-8z`, 1), false, "qrcodetest: path: offset 0: run at 3,4 width 8 is outside the symbol or in the quiet zone"},
		{"twice", strings.Replace(good, `d="M4 4h7v1h-7z`, `d="M4 4h7v1h-7zM4 4h1v1h-1z`, 1), false, "qrcodetest: path: offset 12: module 4,4 drawn twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := qrcodetest.Parse([]byte(tc.svg))
			if err == nil || err.Error() != tc.want || errors.Is(err, qrcodetest.ErrNotQR) != tc.notQR {
				t.Errorf("Parse(%s) = %v (ErrNotQR %v), want %q (ErrNotQR %v)", tc.name, err, errors.Is(err, qrcodetest.ErrNotQR), tc.want, tc.notQR)
			}
		})
	}
}

func TestDecodeDamaged(t *testing.T) {
	t.Parallel()
	// A code with a module flipped in the data area still scans at level M,
	// and the decoder really reads the image: a blank image does not scan.
	text := "https://lzfk.sfx.example.gov.cn/units/qingshi/powers/990101-001-CF-001-00/"
	c, err := qrcodetest.Parse([]byte(mustSVG(t, text)))
	if err != nil {
		t.Fatal(err)
	}
	n := len(c.Grid)
	c.Grid[n/2][n/2] = !c.Grid[n/2][n/2]
	if got, err := qrcodetest.DecodeImage(qrcodetest.Image(c.Grid, 4)); err != nil || got != text {
		t.Errorf("decode with one flipped module = %q, %v; want %q", got, err, text)
	}
	blank := make([][]bool, n)
	for i := range blank {
		blank[i] = make([]bool, n)
	}
	if got, err := qrcodetest.DecodeImage(qrcodetest.Image(blank, 4)); err == nil {
		t.Errorf("decode of a blank image = %q, want an error", got)
	}
}
