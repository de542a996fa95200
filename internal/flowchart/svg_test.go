package flowchart

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
)

// svgDoc is the parts of a rendered SVG the accessibility checks read.
type svgDoc struct {
	XMLName    xml.Name `xml:"svg"`
	Role       string   `xml:"role,attr"`
	Labelledby string   `xml:"aria-labelledby,attr"`
	ViewBox    string   `xml:"viewBox,attr"`
	Width      string   `xml:"width,attr"`
	Style      string   `xml:"style,attr"`
	Font       string   `xml:"font-family,attr"`
	Title      struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"title"`
	Desc struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"desc"`
}

func parseSVG(t *testing.T, data []byte) svgDoc {
	t.Helper()
	var d svgDoc
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatalf("xml.Unmarshal: %v", err)
	}
	return d
}

func TestSVGAccessibleStructure(t *testing.T) {
	f, _ := Template("行政许可")
	svg, err := Render(f, RenderOptions{IDPrefix: "p1"})
	if err != nil {
		t.Fatal(err)
	}
	d := parseSVG(t, svg)
	if d.Role != "img" {
		t.Errorf("role = %q, want img", d.Role)
	}
	if d.Labelledby != "p1-t p1-d" || d.Title.ID != "p1-t" || d.Desc.ID != "p1-d" {
		t.Errorf("aria-labelledby %q, title id %q, desc id %q: want p1-t p1-d naming the title and desc", d.Labelledby, d.Title.ID, d.Desc.ID)
	}
	if d.Title.Text != "行政许可流程图" {
		t.Errorf("title = %q", d.Title.Text)
	}
	// desc: every step, in reading order
	last := -1
	for n, s := range Order(f) {
		item := itoa(n+1) + ". " + s.Name
		i := strings.Index(d.Desc.Text, item)
		if i < 0 || i < last {
			t.Errorf("desc lacks %q after the previous step:\n%s", item, d.Desc.Text)
		}
		last = i
	}
	for _, want := range []string{"共9个步骤", "时限：5个工作日", "材料不全的，进入“一次性告知补正”", "补正后的，返回“受理”", "办结，流程结束"} {
		if !strings.Contains(d.Desc.Text, want) {
			t.Errorf("desc lacks %q:\n%s", want, d.Desc.Text)
		}
	}
	if d.Width != "100%" || !regexp.MustCompile(`^max-width:\d+px;height:auto$`).MatchString(d.Style) {
		t.Errorf("width %q style %q: want 100%% and a max-width", d.Width, d.Style)
	}
	if !regexp.MustCompile(`^0 0 \d+ \d+$`).MatchString(d.ViewBox) {
		t.Errorf("viewBox = %q", d.ViewBox)
	}
	for _, font := range []string{"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "sans-serif"} {
		if !strings.Contains(d.Font, font) {
			t.Errorf("font-family %q lacks %s", d.Font, font)
		}
	}
}

func TestSVGIsSelfContained(t *testing.T) {
	for _, c := range goldenCases(t) {
		svg, _ := Render(c.flow, RenderOptions{IDPrefix: "x"})
		s := string(svg)
		for _, bad := range []string{"<script", "<image", "<foreignObject", "href", "@import", "<style", "on", "javascript:"} {
			re := regexp.MustCompile(`<[^>]*\s` + regexp.QuoteMeta(bad) + `[a-z]*=`)
			if bad != "on" && strings.Contains(s, bad) || bad == "on" && re.MatchString(s) {
				t.Errorf("%s: contains %q", c.name, bad)
			}
		}
		for _, u := range regexp.MustCompile(`url\([^)]*\)`).FindAllString(s, -1) {
			if u != "url(#x-a)" {
				t.Errorf("%s: reference %s, want only the local marker", c.name, u)
			}
		}
		if n := strings.Count(s, "http"); n != 1 || !strings.Contains(s, `xmlns="http://www.w3.org/2000/svg"`) {
			t.Errorf("%s: %d http references, want only the namespace", c.name, n)
		}
	}
}

func TestSVGIDsArePrefixed(t *testing.T) {
	f := typical8()
	ids := regexp.MustCompile(`\sid="([^"]*)"`)
	a, _ := Render(f, RenderOptions{IDPrefix: "first"})
	b, _ := Render(f, RenderOptions{IDPrefix: "second"})
	seen := map[string]bool{}
	for _, m := range ids.FindAllStringSubmatch(string(a), -1) {
		if !strings.HasPrefix(m[1], "first-") {
			t.Errorf("id %q lacks the prefix", m[1])
		}
		seen[m[1]] = true
	}
	for _, m := range ids.FindAllStringSubmatch(string(b), -1) {
		if seen[m[1]] {
			t.Errorf("id %q appears in both SVGs", m[1])
		}
	}
	def, _ := Render(f, RenderOptions{})
	if want := `id="fc-` + f.Hash()[:8] + `-t"`; !bytes.Contains(def, []byte(want)) {
		t.Errorf("default prefix: want %s", want)
	}
}

func TestSVGEscapesText(t *testing.T) {
	var f Flow
	for _, s := range shapes {
		if s.name == "escaping" {
			f = s.flow
		}
	}
	svg, err := Render(f, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := wellFormed(svg); err != nil {
		t.Fatal(err)
	}
	d := parseSVG(t, svg)
	if want := `<script>alert("x")</script> & 'q'流程图`; d.Title.Text != want {
		t.Errorf("title = %q, want %q", d.Title.Text, want)
	}
	if bytes.Contains(svg, []byte("<script")) || bytes.ContainsAny(svg, "\x00\x1f") {
		t.Error("unescaped markup or control characters in output")
	}
	for _, want := range []string{"A&amp;B &lt;c&gt; &quot;d&quot;", "a&gt;b &amp; &quot;c&quot;"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("output lacks %s", want)
		}
	}
}

func TestSVGIsLight(t *testing.T) {
	svg, _ := Render(typical8(), RenderOptions{})
	if len(svg) > 6000 {
		t.Errorf("eight-step flow is %d bytes, want a few KB (≤ 6000)", len(svg))
	}
}

func TestRiskLevelsReadWithoutColour(t *testing.T) {
	f := typical8()
	svg, _ := Render(f, RenderOptions{})
	s := string(svg)
	for _, want := range []string{">高风险<", ">中风险<", ">低风险<", `stroke-width="3"`, `stroke-dasharray="7 3"`} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	d, _ := Layout(f)
	levels := map[string]string{}
	for _, b := range d.Boxes {
		levels[b.ID] = b.Risk
	}
	if levels["shencha"] != "高" || levels["shouli"] != "中" || levels["banjie"] != "低" || levels["songda"] != "" {
		t.Errorf("box risk levels = %v", levels)
	}
}

func TestOrderOfBrokenFlowIsAsWritten(t *testing.T) {
	f := Flow{Steps: []Step{st("b", "二", End, "", ""), st("a", "一", Start, "", "", e("x", ""))}}
	got := Order(f)
	if len(got) != 2 || got[0].ID != "b" || got[1].ID != "a" {
		t.Errorf("Order = %v, want the steps as written", got)
	}
}

func TestKindNames(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Kind
		ok   bool
	}{{"start", Start, true}, {" 判断 ", Decision, true}, {"END", End, true}, {"办理", Process, true}, {"other", Process, false}} {
		k, ok := ParseKind(c.in)
		if k != c.want || ok != c.ok {
			t.Errorf("ParseKind(%q) = %v, %v; want %v, %v", c.in, k, ok, c.want, c.ok)
		}
	}
	if Decision.String() != "decision" || Kind(9).String() != "kind(9)" {
		t.Errorf("Kind.String: %q %q", Decision.String(), Kind(9).String())
	}
	for in, want := range map[string]string{"一级": "高", "★★": "中", "低风险": "低", "很高": ""} {
		if got, _ := NormalizeRiskLevel(in); got != want {
			t.Errorf("NormalizeRiskLevel(%q) = %q, want %q", in, got, want)
		}
	}
}
