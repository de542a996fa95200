package markdown

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"sunlight/internal/gen"
)

// goldmarkHTML is what goldmark alone makes of src.
func goldmarkHTML(t testing.TB, r *Renderer, src string, shift int) string {
	t.Helper()
	var b bytes.Buffer
	h, err := r.renderGoldmark(&b, src, shift)
	if err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	return string(h)
}

// samePlain fails t when renderPlain takes src and renders it otherwise
// than goldmark; it reports whether renderPlain took it.
func samePlain(t testing.TB, r *Renderer, name, src string, shift int) bool {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("kept")
	if !renderPlain(&b, src, shift) {
		if b.String() != "kept" {
			t.Errorf("%s: handed back but wrote %q", name, b.String())
		}
		return false
	}
	if got, want := strings.TrimPrefix(b.String(), "kept"), goldmarkHTML(t, r, src, shift); got != want {
		t.Errorf("%s: plain and goldmark differ for %q\nplain:    %q\ngoldmark: %q", name, src, got, want)
	}
	return true
}

var plainCases = []struct {
	src  string
	take bool
}{
	{"本事项由县人民政府承办。", true},
	{"本事项由县人民政府承办。\n", true},
	{"\n\n\n\n本事项由县人民政府承办。\n\n\n", true},
	{"\n\n## 标题\n\n- 甲\n- 乙\n\n\n", true},
	{"\n\n\n", false},
	{"第一段。\n\n第二段，含\"引号\"和'单引号'。", true},
	{"## 办理须知\n\n申请人可以在线申请。", true},
	{"# 一\n\n###### 六\n\n####### 七", false},
	{"##标题", false},
	{"## ", false},
	{"## 标题 ##", false},
	{"| 项目 | 内容 |\n|---|---|\n| 办理地点 | 竹阳县新华路189号 |\n| 办理时间 | 周一至周五 上午8:30—12:00 |", true},
	{"| 项目 | 内容 |\n|---|---|", true},
	{"| 项目 | 内容 |\n| --- | --- |\n| a | b |", true},
	{"|项目|内容|\n|-|-|\n|a|b|", true},
	{"| 项目 | 内容 |\n|:---|---:|\n| a | b |", false},
	{"| 项目 | 内容 |\n|---|---|\n| a |", false},
	{"| 项目 | 内容 |\n|---|---|\n| a | b | c |", false},
	{"| 项目 | 内容 |\n|---|---|\n|  | b |", false},
	{"| 项目 | 内容 |\n|---|---|\n| a  | b |", false},
	{"| 项目 |\n| 内容 |", false},
	{"段落\n第二行", false},
	{"段落\n\n\n第二段", false},
	{"\n段落", true},
	{"- 列表", true},
	{"- 甲\n- 乙\n- **丙**：说明", true},
	{"段落。\n\n- 甲\n- 乙\n\n段落。", true},
	{"- 甲\n\n- 乙", false},
	{"- 甲\n- \n- 乙", false},
	{"- 甲\n乙", false},
	{"- 甲\n  乙", false},
	{"- 甲\n  - 乙", false},
	{"- - 甲", false},
	{"- 1. 甲", false},
	{"- [ ] 甲", false},
	{"- # 甲", false},
	{"-  甲", false},
	{"-甲", false},
	{"* 甲", false},
	{"- 甲\n\n## 标题\n\n- 乙", true},
	{"- 甲\n\n| a | b |\n|---|---|", true},
	{"+ 列表", false},
	{"1. 列表", false},
	{"1) 列表", false},
	{"2024年1月1日起施行。", true},
	{"12345", true},
	{"2024.", false},
	{"= 等号", false},
	{"    缩进", false},
	{" 前导空格", false},
	{"尾随空格 ", false},
	{"\u3000全角空格", false},
	{"全角空格\u3000", false},
	{"a\u00a0b", true},
	{"**加粗**", true},
	{"**法定处罚**：责令停止违法行为，处以罚款。", true},
	{"前文**加粗**后文", true},
	{"**甲**乙**丙**", true},
	{"**甲****丙**", false},
	{"**甲** 乙 **丙**", true},
	{"**甲** **丙**", true},
	{"**甲**  **丙**", true},
	{"**粗** ", false},
	{"- **粗** ", false},
	{"**粗** 尾", true},
	{"头 **粗**", true},
	{"说明：**甲**。", true},
	{"**（注）**说明", false},
	{"**注：**说明", false},
	{"** 甲**", false},
	{"**甲 **", false},
	{"**甲", false},
	{"***甲***", false},
	{"**甲*乙**", false},
	{"****", false},
	{"a**b**c", true},
	{"**2024**年", true},
	{"- **列表**", true},
	{"| **项目** | 内容 |\n|---|---|", false},
	{"*斜体*", false},
	{"_下划线_", false},
	{"~~删除~~", false},
	{"`代码`", false},
	{"[链接](/x/)", false},
	{"![图](x.png)", false},
	{"<b>标签</b>", false},
	{"A & B", false},
	{"a\\b", false},
	{"a|b", false},
	{"电话：0551-5091471，邮箱 a@b.example.gov.cn，网址 https://example.gov.cn/", true},
	{"a\tb", false},
	{"a\x00b", false},
	{"a\x7fb", false},
	{"\xff", false},
	{"", false},
	{"> 引用", false},
	{"***", false},
	{"---", false},
	{"a\r\nb", false},
	{"# 标题\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n结尾。", true},
}

// TestPlainSameAsGoldmark: the plain path takes what it should and
// renders it as goldmark does, headings shifted or not.
func TestPlainSameAsGoldmark(t *testing.T) {
	r := New("/lzfk/")
	for _, c := range plainCases {
		for _, shift := range []int{0, 1, 5} {
			if got := samePlain(t, r, c.src, c.src, shift); got != c.take {
				t.Errorf("%q (shift %d): taken %v, want %v", c.src, shift, got, c.take)
			}
		}
	}
}

// TestGeneratedBodiesSameAsGoldmark renders the prose of a generated
// portal both ways: every body the plain path takes must come out as
// goldmark's, and it must take most of them (the generator writes what
// units write).
func TestGeneratedBodiesSameAsGoldmark(t *testing.T) {
	w := gen.MapWriter{}
	if err := gen.Generate(gen.Options{Items: 1000, Seed: 3}, w); err != nil {
		t.Fatal(err)
	}
	r := New("")
	bodies, taken := 0, 0
	for p, data := range w {
		body, ok := markdownBody(p, string(data))
		if !ok {
			continue
		}
		bodies++
		if samePlain(t, r, p, body, 1) {
			taken++
		}
	}
	t.Logf("%d of %d bodies taken", taken, bodies)
	if bodies < 1000 || taken < bodies/2 {
		t.Errorf("%d of %d bodies taken, want at least half", taken, bodies)
	}
}

// TestDemoBodiesSameAsGoldmark does the same for the demo portal's prose.
func TestDemoBodiesSameAsGoldmark(t *testing.T) {
	fsys := os.DirFS("../../content")
	r := New("")
	bodies, taken := 0, 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if body, ok := markdownBody(p, string(data)); ok {
			bodies++
			if samePlain(t, r, p, body, 1) {
				taken++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d of %d bodies taken", taken, bodies)
	if bodies < 100 {
		t.Errorf("only %d Markdown bodies in the demo content", bodies)
	}
}

// markdownBody returns the text after a Markdown file's +++ front matter.
func markdownBody(p, src string) (string, bool) {
	if !strings.HasSuffix(p, ".md") {
		return "", false
	}
	src, ok := strings.CutPrefix(src, "+++\n")
	if !ok {
		return "", false
	}
	_, body, ok := strings.Cut(src, "\n+++\n")
	// As the loader gives it: an empty line for each line of the front
	// matter and its two +++ lines.
	return strings.Repeat("\n", strings.Count(src[:len(src)-len(body)], "\n")+1) + body, ok && strings.TrimSpace(body) != ""
}

// FuzzPlainSame: whatever the plain path takes, goldmark renders the same.
func FuzzPlainSame(f *testing.F) {
	for _, c := range plainCases {
		f.Add(c.src, 1)
	}
	r := New("")
	f.Fuzz(func(t *testing.T, src string, shift int) {
		samePlain(t, r, "fuzz", src, shift&7)
	})
}

// BenchmarkRenderGenerated renders the bodies of a generated portal of
// 1,000 items with RenderShift (sub-benchmark "render") and with goldmark
// alone ("goldmark").
func BenchmarkRenderGenerated(b *testing.B) {
	w := gen.MapWriter{}
	if err := gen.Generate(gen.Options{Items: 1000, Seed: 3}, w); err != nil {
		b.Fatal(err)
	}
	var bodies []string
	for p, data := range w {
		if body, ok := markdownBody(p, string(data)); ok {
			bodies = append(bodies, body)
		}
	}
	r := New("")
	b.Run("render", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range bodies {
				if _, err := r.RenderShift(s, 1); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("goldmark", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range bodies {
				var buf bytes.Buffer
				if _, err := r.renderGoldmark(&buf, s, 1); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestPlainRandomDocuments builds documents from the pieces the plain
// path decides on (markers at line starts, asterisk runs, spaces, pipes,
// quotes, CJK punctuation, empty lines) and compares the plain path with
// goldmark on each it takes.
func TestPlainRandomDocuments(t *testing.T) {
	r := New("")
	rng := rand.New(rand.NewPCG(1, 2))
	plain := []string{"办理", "罚款", "第一条", "a", "B", "12", "2024", "：", "，", "。", "（注）", "\"", "'", " ", "—", "a\u0301", "-", "1."}
	special := []string{"  ", "\u3000", "**", "**", "**", "*", "***", "_", "~", "|", "#", "+", "3)", "=", "\t", "&", "<", "\\"}
	starts := []string{"", "", "", "", "", "", "", "", "", "**", "## ", "# ", "| ", "|", "1. ", "-", " ", "- "}
	line := func() string {
		var b strings.Builder
		b.WriteString(starts[rng.IntN(len(starts))])
		for range 1 + rng.IntN(6) {
			if rng.IntN(12) == 0 {
				b.WriteString(special[rng.IntN(len(special))])
			} else {
				b.WriteString(plain[rng.IntN(len(plain))])
			}
		}
		if rng.IntN(16) == 0 {
			b.WriteString([]string{"|", " ", "**"}[rng.IntN(3)])
		}
		return b.String()
	}
	taken := 0
	const n = 100000
	for i := range n {
		var b strings.Builder
		for j := range 1 + rng.IntN(5) {
			if j > 0 {
				b.WriteString([]string{"\n", "\n\n", "\n\n", "\n\n", "\n\n", "\n\n", "\n\n\n"}[rng.IntN(7)])
			}
			switch rng.IntN(4) {
			case 0: // a table
				cols := 1 + rng.IntN(3)
				row := func(cell func() string) string { // "| a | b |"
					var r strings.Builder
					for range cols {
						r.WriteString("| " + cell() + " ")
					}
					return r.String() + "|"
				}
				b.WriteString(row(line) + "\n" + row(func() string { return []string{"---", "-", ":--", "---", "---", "--"}[rng.IntN(6)] }))
				for range rng.IntN(3) {
					b.WriteString("\n" + row(line))
				}
			case 1: // a list
				for k := range 1 + rng.IntN(3) {
					if k > 0 {
						b.WriteString("\n")
					}
					b.WriteString("- " + line())
				}
			default:
				b.WriteString(line())
			}
		}
		if samePlain(t, r, strconv.Itoa(i), b.String(), rng.IntN(3)) {
			taken++
		}
	}
	t.Logf("%d of %d documents taken", taken, n)
	if taken < n/20 {
		t.Errorf("only %d of %d documents taken: the test hardly tries the plain path", taken, n)
	}
}
