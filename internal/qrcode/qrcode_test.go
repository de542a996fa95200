package qrcode_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sunlight/internal/golden"
	"sunlight/internal/qrcode"
	"sunlight/internal/qrcode/qrcodetest"
)

const powerURL = "https://lzfk.sfx.example.gov.cn/units/qingshi/powers/990101-001-CF-001-00/"

// scanCases are realistic texts; each is encoded at every level, drawn,
// parsed back from the SVG and decoded.
var scanCases = []struct{ name, text string }{
	{"power item", powerURL},
	{"unit with Chinese slug", "https://lzfk.sfx.example.gov.cn/units/" + url.PathEscape("县市场监督管理局") + "/powers/990101-001-CF-001-00/"},
	{"flow set of a township", "https://lzfk.sfx.example.gov.cn/units/" + url.PathEscape("青石镇人民政府") + "/flows/"},
	{"query and fragment", "https://lzfk.sfx.example.gov.cn/search/?q=" + url.QueryEscape("行政处罚 罚款") + "&unit=qingshi#results"},
	{"path built by url.URL", (&url.URL{Scheme: "https", Host: "lzfk.sfx.example.gov.cn", Path: "/units/青石镇/powers/990101-001-CF-001-00/"}).String()},
	{"short", "http://a.cn/"},
	{"uppercase alphanumeric mode", "HTTPS://LZFK.SFX.EXAMPLE.GOV.CN/P/990101-001-CF-001-00/"},
	{"numeric mode", "990101001001000012345678"},
	{"raw UTF-8", "https://lzfk.sfx.example.gov.cn/units/青石镇/权力清单/"},
	{"long, version 10 and up", "https://lzfk.sfx.example.gov.cn/units/" + strings.Repeat(url.PathEscape("县纪委监委派驻纪检监察组"), 3) + "/powers/990101-001-CF-001-00/history/2024/"},
}

var levels = []qrcode.Level{qrcode.LevelM, qrcode.LevelL, qrcode.LevelQ, qrcode.LevelH}

func init() {
	seen := map[string]bool{}
	for _, tc := range scanCases {
		if seen[tc.name] || seen[tc.text] {
			panic("duplicate scan case " + tc.name)
		}
		seen[tc.name], seen[tc.text] = true, true
	}
}

func TestSVGScans(t *testing.T) {
	t.Parallel()
	for _, tc := range scanCases {
		for _, lvl := range levels {
			t.Run(tc.name+"/"+lvl.String(), func(t *testing.T) {
				t.Parallel()
				checkScans(t, tc.text, lvl)
			})
		}
	}
}

// TestSVGScansRandomURLs encodes URLs of many lengths and characters, to
// catch encoder bugs at version and mode boundaries.
func TestSVGScansRandomURLs(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(12, 2025))
	words := []string{"units", "powers", "flows", "qingshi", "990101-001-CF-001-00", "2025", "_", "~", ".",
		url.PathEscape("乡镇"), url.PathEscape("审批"), url.PathEscape("监督检查"), "A", "Z9", "%20", "?x=1&y=2", "#top"}
	for i := range 60 {
		var b strings.Builder
		b.WriteString("https://lzfk.sfx.example.gov.cn/")
		for n := r.IntN(i*2 + 2); n >= 0; n-- {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString("/")
		}
		text := b.String()
		lvl := levels[i%len(levels)]
		t.Run(fmt.Sprintf("%d-%d-%v", i, len(text), lvl), func(t *testing.T) {
			t.Parallel()
			checkScans(t, text, lvl)
		})
	}
}

func checkScans(t *testing.T, text string, lvl qrcode.Level) {
	t.Helper()
	svg, err := qrcode.SVG(text, qrcode.Options{Level: lvl})
	if err != nil {
		t.Fatalf("SVG(%q, %v) error: %v", text, lvl, err)
	}
	// The matrix itself scans (independently of the SVG drawing).
	m, err := qrcode.Modules(text, lvl)
	if err != nil {
		t.Fatal(err)
	}
	want := withQuietZone(m)
	if got, err := qrcodetest.DecodeGrid(want); err != nil || got != text {
		t.Fatalf("decode matrix of %q at %v = %q, %v; want the input", text, lvl, got, err)
	}
	// The SVG path describes exactly that matrix.
	c, err := qrcodetest.Parse(svg)
	if err != nil {
		t.Fatalf("Parse(SVG(%q)) error: %v", text, err)
	}
	if !sameGrid(c.Grid, want) {
		t.Fatalf("SVG(%q, %v): grid parsed from the path differs from the encoder's matrix", text, lvl)
	}
	if c.Title != text {
		t.Errorf("SVG(%q) <title> = %q, want the text", text, c.Title)
	}
	// And the SVG, drawn from its path, scans to the input exactly.
	got, err := qrcodetest.Decode(svg)
	if err != nil || got != text {
		t.Errorf("Decode(SVG(%q, %v)) = %q, %v; want the input", text, lvl, got, err)
	}
}

func withQuietZone(m [][]bool) [][]bool {
	q := qrcode.QuietZone
	n := len(m) + 2*q
	g := make([][]bool, n)
	for y := range g {
		g[y] = make([]bool, n)
		if y >= q && y < n-q {
			copy(g[y][q:], m[y-q])
		}
	}
	return g
}

func sameGrid(a, b [][]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for y := range a {
		if len(a[y]) != len(b[y]) {
			return false
		}
		for x := range a[y] {
			if a[y][x] != b[y][x] {
				return false
			}
		}
	}
	return true
}

func TestGoldenSVG(t *testing.T) {
	t.Parallel()
	svg, err := qrcode.SVG(powerURL, qrcode.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustWellFormed(t, svg)
	golden.Check(t, "testdata/power-item.svg", svg)
	if got, err := qrcodetest.Decode(svg); err != nil || got != powerURL {
		t.Errorf("Decode(golden) = %q, %v; want %q", got, err, powerURL)
	}
	// The ZXing detector alone, at one scale, finds and reads it too.
	c, err := qrcodetest.Parse(svg)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := qrcodetest.DecodeImage(qrcodetest.Image(c.Grid, 4)); err != nil || got != powerURL {
		t.Errorf("DecodeImage(golden at 4 px a module) = %q, %v; want %q", got, err, powerURL)
	}
	if len(svg) > 8000 {
		t.Errorf("SVG(%q) is %d bytes, want at most 8000", powerURL, len(svg))
	}
	again, _ := qrcode.SVG(powerURL, qrcode.Options{})
	if !bytes.Equal(svg, again) {
		t.Errorf("SVG(%q) is not deterministic", powerURL)
	}
}

func mustWellFormed(t *testing.T, svg []byte) {
	t.Helper()
	var v struct{}
	if err := xml.Unmarshal(svg, &v); err != nil {
		t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
	}
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	for {
		if _, err := d.Token(); err != nil {
			if err == io.EOF {
				return
			}
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

func TestSVGAttributes(t *testing.T) {
	t.Parallel()
	const text = `https://lzfk.sfx.example.gov.cn/search/?q=a&b="c"<d>`
	tests := []struct {
		name      string
		opt       qrcode.Options
		want      []string // substrings of the root start tag or content
		forbidden []string
	}{
		{"defaults", qrcode.Options{},
			[]string{`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `, `role="img"`, `shape-rendering="crispEdges"`,
				`<title>https://lzfk.sfx.example.gov.cn/search/?q=a&amp;b=&#34;c&#34;&lt;d&gt;</title>`, `fill="#fff"/><path fill="#000" d="M4 4h7v1h-7z`},
			[]string{"aria-label", "class=", "width=\"3", "height=\"3", "<script", "<?xml", "\n"}},
		{"label class size", qrcode.Options{Label: `扫码查看 "罚款" & 流程`, Class: "qr poster-qr", Size: "30mm"},
			[]string{`aria-label="扫码查看 &#34;罚款&#34; &amp; 流程"`, `class="qr poster-qr"`, `width="30mm" height="30mm"`},
			[]string{"<script"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			svg, err := qrcode.SVG(text, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			mustWellFormed(t, svg)
			s := string(svg)
			for _, w := range tc.want {
				if !strings.Contains(s, w) {
					t.Errorf("SVG(%q, %+v) lacks %q:\n%s", text, tc.opt, w, s)
				}
			}
			for _, f := range tc.forbidden {
				if strings.Contains(s, f) {
					t.Errorf("SVG(%q, %+v) contains %q", text, tc.opt, f)
				}
			}
			if n := strings.Count(s, "<path"); n != 1 {
				t.Errorf("SVG has %d <path> elements, want 1", n)
			}
			c, err := qrcodetest.Parse(svg)
			if err != nil {
				t.Fatal(err)
			}
			if c.Label != tc.opt.Label || c.Title != text {
				t.Errorf("Parse: label %q title %q, want %q and %q", c.Label, c.Title, tc.opt.Label, text)
			}
			if got, err := qrcodetest.Decode(svg); err != nil || got != text {
				t.Errorf("Decode = %q, %v; want %q", got, err, text)
			}
		})
	}
}

func TestVersionSizes(t *testing.T) {
	t.Parallel()
	// Byte-mode capacities at level M: version 1 holds 14 bytes, version 2 holds 26.
	tests := []struct {
		n    int
		want int // viewBox size: 17+4·version+2·4
	}{{14, 29}, {15, 33}, {26, 33}, {27, 37}}
	vb := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	for _, tc := range tests {
		text := strings.Repeat("a", tc.n)
		svg, err := qrcode.SVG(text, qrcode.Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := vb.FindSubmatch(svg)
		if m == nil || string(m[1]) != fmt.Sprint(tc.want) || string(m[2]) != fmt.Sprint(tc.want) {
			t.Errorf("SVG(%d bytes) viewBox = %s, want 0 0 %d %d", tc.n, m, tc.want, tc.want)
		}
	}
}

func TestSVGErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		opt        qrcode.Options
		want       string
	}{
		{"empty", "", qrcode.Options{}, "qrcode: empty text"},
		{"invalid UTF-8", "https://a.cn/\xff", qrcode.Options{}, "qrcode: text is not valid UTF-8"},
		{"unknown level", powerURL, qrcode.Options{Level: 7}, "qrcode: unknown error-correction level 7"},
		{"too long", strings.Repeat("x", 2400), qrcode.Options{Level: qrcode.LevelH}, "qrcode: 2400 bytes at level H: content too long to encode"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			svg, err := qrcode.SVG(tc.text, tc.opt)
			if err == nil || err.Error() != tc.want {
				t.Errorf("SVG(%.20q, %+v) = %.40q, %v; want error %q", tc.text, tc.opt, svg, err, tc.want)
			}
		})
	}
}

func TestLevelString(t *testing.T) {
	t.Parallel()
	for l, want := range map[qrcode.Level]string{qrcode.LevelL: "L", qrcode.LevelM: "M", qrcode.LevelQ: "Q", qrcode.LevelH: "H", 9: "Level(9)"} {
		if got := l.String(); got != want {
			t.Errorf("Level(%d).String() = %q, want %q", int(l), got, want)
		}
	}
}

// TestZbarimg cross-checks with a second, independent decoder: zbarimg from
// Debian's zbar-tools reads PNGs rasterised from the grid parsed back from
// each SVG. It skips when zbarimg is missing, except in CI (env CI set).
func TestZbarimg(t *testing.T) {
	t.Parallel()
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("zbarimg not installed (Debian: apt-get install zbar-tools)")
		}
		t.Fatal("zbarimg not installed (Debian: apt-get install zbar-tools)")
	}
	dir := t.TempDir()
	for i, tc := range scanCases {
		for _, lvl := range levels {
			t.Run(tc.name+"/"+lvl.String(), func(t *testing.T) {
				t.Parallel()
				svg, err := qrcode.SVG(tc.text, qrcode.Options{Level: lvl})
				if err != nil {
					t.Fatal(err)
				}
				c, err := qrcodetest.Parse(svg)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := png.Encode(&buf, qrcodetest.Image(c.Grid, 4)); err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(dir, fmt.Sprintf("%d-%v.png", i, lvl))
				if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(zbar, "-q", "--raw", file).Output()
				if got := strings.TrimSuffix(string(out), "\n"); err != nil || got != tc.text {
					t.Errorf("zbarimg(SVG(%q, %v)) = %q, %v; want the input", tc.text, lvl, got, err)
				}
			})
		}
	}
}
