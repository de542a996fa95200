package bench_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"sunlight/internal/bench"
	"sunlight/internal/golden"
)

// edges is a provision whose tiers exercise every way a row is drawn:
// no penalty, a single amount, open ranges, an unread standard, a
// multiple only, and text that must be escaped.
func edges() fstest.MapFS {
	fsys := site()
	v := "[[violations]]\nname = \"违反<某>规定&的行为\"\npenalty_basis = [{law = \"xzcf\", article = \"第二十八条\"}]\n"
	fsys["units/qs/benchmarks/e.toml"] = &fstest.MapFile{Data: []byte(benchmark(v +
		tier("不予处罚", "不予行政处罚") + "kind = \"不予处罚\"\n" +
		tier("情节轻微<较轻>&", "处五百元罚款") +
		tier("一般", "处一万元以下罚款") +
		tier("从重", "处五万元以上罚款")))}
	fsys["units/cg/benchmarks/e.toml"] = &fstest.MapFile{Data: []byte(benchmark(v +
		tier("一般", "处每日五百元罚款") +
		tier("严重", "没收违法所得，并处违法所得一倍以上三倍以下罚款")))}
	return fsys
}

func TestRangeChart(t *testing.T) {
	tests := []struct {
		name  string
		fsys  func() fstest.MapFS
		slug  string
		check []string // substrings the chart must contain
	}{
		{"three-units", comparison, "daqi-119-2", []string{`role="img"`, `aria-labelledby="rc-daqi-119-2-t rc-daqi-119-2-d"`,
			`<title id="rc-daqi-119-2-t">《大气污染防治法》第一百一十九条第二款 各单位罚款幅度比较</title>`, ">10万元</text>", ">情节较轻·单位</text>", "1万–3万元", " ≠"}},
		{"two-violations", comparison, "daqi-119-1", []string{"违法行为:", "河西镇"}},
		{"edges", edges, "xzcf-28", []string{"违反&lt;某&gt;规定&amp;的行为", "情节轻微&lt;较轻&gt;&amp;", "未能解析", "罚款违法所得1倍以上3倍以下", "url(#rc-xzcf-28-open)", ">500元</text>"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, _, _ := analyze(t, tc.fsys())
			p := a.Provision(tc.slug)
			if p == nil {
				t.Fatalf("no provision %s", tc.slug)
			}
			got := bench.RangeChart(p)
			wellFormed(t, got)
			for _, c := range append(tc.check, "<desc id=", "</svg>") {
				if !bytes.Contains(got, []byte(c)) {
					t.Errorf("chart lacks %q", c)
				}
			}
			if bytes.Contains(got, []byte("<script")) || bytes.Contains(got, []byte(" on")) && bytes.Contains(got, []byte("onload")) {
				t.Error("chart contains script")
			}
			golden.Check(t, filepath.Join("testdata", tc.name+".svg"), got)
		})
	}
}

// wellFormed checks that b is one well-formed XML element named svg.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	var root struct{ XMLName xml.Name }
	if err := xml.Unmarshal(b, &root); err != nil {
		t.Fatalf("xml.Unmarshal: %v", err)
	}
	if root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Errorf("root element = %v, want svg", root.XMLName)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
}

func TestRangeChartWithoutFines(t *testing.T) {
	fsys := site()
	fsys["units/qs/benchmarks/b.toml"] = &fstest.MapFile{Data: []byte(benchmark(basisXZ + tier("一般", "警告")))}
	fsys["units/cg/benchmarks/b.toml"] = &fstest.MapFile{Data: []byte(benchmark(basisXZ + tier("一般", "通报批评")))}
	a, _, _ := analyze(t, fsys)
	p := a.Provision("xzcf-1")
	if p == nil {
		t.Fatal("no provision xzcf-1")
	}
	if got := bench.RangeChart(p); got != nil {
		t.Errorf("RangeChart = %s, want nil (no fine in 元)", got)
	}
	if !p.Differs || len(p.Notes) != 1 || !strings.Contains(p.Notes[0], "青石镇 警告;县城管局 通报批评") {
		t.Errorf("notes = %q", p.Notes)
	}
}
