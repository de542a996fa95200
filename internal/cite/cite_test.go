package cite

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func art(a, p, i int) Article { return Article{Article: a, Paragraph: p, Item: i} }

func TestParseArticle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []Article
	}{
		{"第一百一十九条", []Article{art(119, 0, 0)}},
		{"第一百一十九条第一款", []Article{art(119, 1, 0)}},
		{"第一百一十九条第一款第（二）项", []Article{art(119, 1, 2)}},
		{"第一百一十九条第一款第(二)项", []Article{art(119, 1, 2)}},
		{"第一百一十九条第一款第二项", []Article{art(119, 1, 2)}},
		{"第一百一十九条第一款（二）", []Article{art(119, 1, 2)}},
		{"第119条", []Article{art(119, 0, 0)}},
		{"第119条第1款", []Article{art(119, 1, 0)}},
		{"第119条第1款第2项", []Article{art(119, 1, 2)}},
		{"第１１９条第１款", []Article{art(119, 1, 0)}},
		{"119条", []Article{art(119, 0, 0)}},
		{" 第十条 ", []Article{art(10, 0, 0)}},
		{"第十条第(2)项", []Article{art(10, 0, 2)}},
		{"第十条（二）", []Article{art(10, 0, 2)}},
		{"第一百二十条之一", []Article{{Article: 120, Sub: 1}}},
		{"第一百二十条之一第二款", []Article{{Article: 120, Sub: 1, Paragraph: 2}}},
		{"第十六条、第十七条", []Article{art(16, 0, 0), art(17, 0, 0)}},
		{"第十六条和第十七条", []Article{art(16, 0, 0), art(17, 0, 0)}},
		{"第十六条及第十七条", []Article{art(16, 0, 0), art(17, 0, 0)}},
		{"第十六条、十七条", []Article{art(16, 0, 0), art(17, 0, 0)}},
		{"第十六、十七条", []Article{art(16, 0, 0), art(17, 0, 0)}},
		{"第十六条，第十七条", []Article{art(16, 0, 0), art(17, 0, 0)}},
		{"第十六条 第十七条", []Article{art(16, 0, 0), art(17, 0, 0)}},
		{"第三十二条、第三十四条", []Article{art(32, 0, 0), art(34, 0, 0)}},
		{"第十六条、第十七条第二款", []Article{art(16, 0, 0), art(17, 2, 0)}},
		{"第六十四条第一款、第二款", []Article{art(64, 1, 0), art(64, 2, 0)}},
		{"第一百一十九条第一款第（一）项、第（二）项", []Article{art(119, 1, 1), art(119, 1, 2)}},
		{"第一百一十九条第一款第（一）项、第二款", []Article{art(119, 1, 1), art(119, 2, 0)}},
		{"第七十二条至第七十七条", []Article{art(72, 0, 0), art(73, 0, 0), art(74, 0, 0), art(75, 0, 0), art(76, 0, 0), art(77, 0, 0)}},
		{"第七十二—七十七条", []Article{art(72, 0, 0), art(73, 0, 0), art(74, 0, 0), art(75, 0, 0), art(76, 0, 0), art(77, 0, 0)}},
		{"第四十九—五十条", []Article{art(49, 0, 0), art(50, 0, 0)}},
		{"第四十九条-第五十条", []Article{art(49, 0, 0), art(50, 0, 0)}},
		{"第一款至第三款", nil}, // a paragraph needs its article
		{"第八条第一款至第三款", []Article{art(8, 1, 0), art(8, 2, 0), art(8, 3, 0)}},
		{"第八条第（一）项至第（三）项", []Article{art(8, 0, 1), art(8, 0, 2), art(8, 0, 3)}},
		{"第六十八、六十九条", []Article{art(68, 0, 0), art(69, 0, 0)}},
	}
	for _, tc := range tests {
		got, err := ParseArticle(tc.in)
		if tc.want == nil {
			if err == nil {
				t.Errorf("ParseArticle(%q) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseArticle(%q) = %v, %v, want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseArticleErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", `parse article "": no article at rune 0`},
		{"第十", `parse article "第十": no article at rune 0`},
		{"本法第十条", `parse article "本法第十条": no article at rune 0`},
		{"第十条的规定", `parse article "第十条的规定": unexpected "的规定" at rune 3`},
		{"第一款", `parse article "第一款": paragraph at rune 0 without an article`},
		{"第（二）项", `parse article "第（二）项": item at rune 0 without an article`},
		{"第七十七条至第七十二条", `parse article "第七十七条至第七十二条": unexpected "至第七十二条" at rune 5`},
	}
	for _, tc := range tests {
		_, err := ParseArticle(tc.in)
		if err == nil || err.Error() != tc.want {
			t.Errorf("ParseArticle(%q) error = %v, want %s", tc.in, err, tc.want)
		}
	}
}

func TestArticleString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in        Article
		want, key string
	}{
		{art(119, 0, 0), "第一百一十九条", "119"},
		{art(119, 1, 0), "第一百一十九条第一款", "119.1"},
		{art(119, 1, 2), "第一百一十九条第一款第二项", "119.1.2"},
		{art(10, 0, 2), "第十条第二项", "10.0.2"},
		{Article{Article: 120, Sub: 1}, "第一百二十条之一", "120之1"},
		{art(110, 2, 0), "第一百一十条第二款", "110.2"},
	}
	for _, tc := range tests {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("(%#v).String() = %q, want %q", tc.in, got, tc.want)
		}
		if got := tc.in.Key(); got != tc.key {
			t.Errorf("(%#v).Key() = %q, want %q", tc.in, got, tc.key)
		}
		// String reads back.
		if got, err := ParseArticle(tc.in.String()); err != nil || len(got) != 1 || got[0] != tc.in {
			t.Errorf("ParseArticle(%q) = %v, %v, want %v", tc.in.String(), got, err, tc.in)
		}
	}
}

func TestNormalizeLawTitle(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"《中华人民共和国大气污染防治法》", "大气污染防治法"},
		{"中华人民共和国大气污染防治法", "大气污染防治法"},
		{"《大气污染防治法》", "大气污染防治法"},
		{"大气污染防治法", "大气污染防治法"},
		{"《中华人民共和国大气污染防治法（2018年修正）》", "大气污染防治法"},
		{"《中华人民共和国大气污染防治法》(2018年10月26日修正)", "大气污染防治法"},
		{"中华人民共和国土地管理法(2019年修正)", "土地管理法"},
		{"《河北省大气污染防治条例》（2016年1月13日修订）", "河北省大气污染防治条例"},
		{"中华人民共和国大气污染防治法（2018年修订本）", "大气污染防治法"},
		{"《河北省乡村环境保护和治理条例》(2016年10月1日起施行)", "河北省乡村环境保护和治理条例"},
		{"村庄和集镇规划建设管理条例", "村庄和集镇规划建设管理条例"},
		{"《 行政处罚法 》", "行政处罚法"},
		{"某某管理办法（试行）", "某某管理办法（试行）"},
		{"某某管理办法(试行)", "某某管理办法（试行）"},
		{"《某某管理办法（试行）（2020年修订）》", "某某管理办法（试行）"},
	}
	for _, tc := range tests {
		if got := NormalizeLawTitle(tc.in); got != tc.want {
			t.Errorf("NormalizeLawTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// dumpCitations writes the result of ParseCitation one line per item:
//
//	大气污染防治法[2018年修正] 119.1,119.2 "text"
//	U "text"
func dumpCitations(cs []Citation, rest []Span) string {
	var lines []string
	for _, c := range cs {
		var keys []string
		for _, a := range c.Articles {
			keys = append(keys, a.Key())
		}
		l := c.Law
		if c.Edition != "" {
			l += "[" + c.Edition + "]"
		}
		lines = append(lines, fmt.Sprintf("%s %s %q", l, strings.Join(keys, ","), c.Text))
	}
	for _, s := range rest {
		lines = append(lines, fmt.Sprintf("U %q", s.Text))
	}
	return strings.Join(lines, "\n")
}

func TestParseCitation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"《中华人民共和国大气污染防治法》第一百一十九条第一款",
			[]string{`大气污染防治法 119.1 "《中华人民共和国大气污染防治法》第一百一十九条第一款"`}},
		{"《大气污染防治法》第119条第1款",
			[]string{`大气污染防治法 119.1 "《大气污染防治法》第119条第1款"`}},
		{"《行政许可法》第三十二条、第三十四条；《土地管理法》第七十七条",
			[]string{`行政许可法 32,34 "《行政许可法》第三十二条、第三十四条"`, `土地管理法 77 "《土地管理法》第七十七条"`}},
		{"《中华人民共和国行政处罚法》第七十六条—第八十三条",
			[]string{`行政处罚法 76,77,78,79,80,81,82,83 "《中华人民共和国行政处罚法》第七十六条—第八十三条"`}},
		{"《行政处罚法》", []string{`行政处罚法  "《行政处罚法》"`}},
		{"《村庄和集镇规划建设管理条例》第三十七条《河北省城乡规划条例》(2016年5月25日修订)第八十二条",
			[]string{`村庄和集镇规划建设管理条例 37 "《村庄和集镇规划建设管理条例》第三十七条"`,
				`河北省城乡规划条例[2016年5月25日修订] 82 "《河北省城乡规划条例》(2016年5月25日修订)第八十二条"`}},
		{"《村庄和集镇规划建设管理条例》第三十九条 《河北省城乡规划条例》(2016年5月25日修订)第八十二条 《河北省乡村环境保护和治理条例》(2016年10月1日起施行)第四十四条",
			[]string{`村庄和集镇规划建设管理条例 39 "《村庄和集镇规划建设管理条例》第三十九条"`,
				`河北省城乡规划条例[2016年5月25日修订] 82 "《河北省城乡规划条例》(2016年5月25日修订)第八十二条"`,
				`河北省乡村环境保护和治理条例[2016年10月1日起施行] 44 "《河北省乡村环境保护和治理条例》(2016年10月1日起施行)第四十四条"`}},
		{"《中华人民共和国大气污染防治法》(2018年10月26日修正)第一百一十九条第二款《河北省大气污染防治条例》(2016年1月13日修订)第八十九条",
			[]string{`大气污染防治法[2018年10月26日修正] 119.2 "《中华人民共和国大气污染防治法》(2018年10月26日修正)第一百一十九条第二款"`,
				`河北省大气污染防治条例[2016年1月13日修订] 89 "《河北省大气污染防治条例》(2016年1月13日修订)第八十九条"`}},
		// examples/09, truncated in the source
		{"《中华人民共和国大气污染防治法》(2018年10月26日修正)第一百一十九条第《河北省大气污染防治条例》(2016年1月13日修订)第八十[原文如此,摘录截断]",
			[]string{`大气污染防治法[2018年10月26日修正] 119 "《中华人民共和国大气污染防治法》(2018年10月26日修正)第一百一十九条"`,
				`河北省大气污染防治条例[2016年1月13日修订]  "《河北省大气污染防治条例》(2016年1月13日修订)"`,
				`U "第"`, `U "第八十[原文如此,摘录截断]"`}},
		{"违法依据:《中华人民共和国大气污染防治法》(2018年修订本)第八十二条第一款; 设定依据:《中华人民共和国大气污染防治法》(2018年10月26日修正)第一百一十九条第二款、《河北省大气污染防治条例》(2021年9月29日修正)第八十九条",
			[]string{`大气污染防治法[2018年修订本] 82.1 "《中华人民共和国大气污染防治法》(2018年修订本)第八十二条第一款"`,
				`大气污染防治法[2018年10月26日修正] 119.2 "《中华人民共和国大气污染防治法》(2018年10月26日修正)第一百一十九条第二款"`,
				`河北省大气污染防治条例[2021年9月29日修正] 89 "《河北省大气污染防治条例》(2021年9月29日修正)第八十九条"`}},
		{"大气污染防治法第119条第1款", []string{`大气污染防治法 119.1 "大气污染防治法第119条第1款"`}},
		{"依据中华人民共和国土地管理法第七十七条", []string{`土地管理法 77 "中华人民共和国土地管理法第七十七条"`}},
		{"设定依据：城乡规划法第六十四条、第六十五条", []string{`城乡规划法 64,65 "城乡规划法第六十四条、第六十五条"`}},
		{"《宗教事务条例》第六十九条第一款:擅自设立宗教活动场所的", []string{`宗教事务条例 69.1 "《宗教事务条例》第六十九条第一款"`}},
		{"《行政处罚法》第三十二条、第三十三条", []string{`行政处罚法 32,33 "《行政处罚法》第三十二条、第三十三条"`}},
		{"《政府信息公开条例》第二十条第（五）项", []string{`政府信息公开条例 20.0.5 "《政府信息公开条例》第二十条第（五）项"`}},
		{"《行政处罚法》的规定", []string{`行政处罚法  "《行政处罚法》"`}},
		// not readable
		{"本法第十条", []string{`U "本法第十条"`}},
		{"第十条", []string{`U "第十条"`}},
		{"《行政处罚法》第十", []string{`行政处罚法  "《行政处罚法》"`, `U "第十"`}},
		{"《行政处罚法第十条", []string{`U "《行政处罚法第十条"`}},
		{"（同上）", nil},
		{"", nil},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		if seen[tc.in] {
			t.Errorf("duplicate case %q", tc.in)
		}
		seen[tc.in] = true
		cs, rest := ParseCitation(tc.in)
		got := dumpCitations(cs, rest)
		if want := strings.Join(tc.want, "\n"); got != want {
			t.Errorf("ParseCitation(%q) =\n\t%s\nwant\n\t%s", tc.in, strings.ReplaceAll(got, "\n", "\n\t"), strings.ReplaceAll(want, "\n", "\n\t"))
		}
		rs := []rune(tc.in)
		for _, c := range cs {
			if string(rs[c.Start:c.End]) != c.Text {
				t.Errorf("ParseCitation(%q): text %q does not match offsets %d-%d", tc.in, c.Text, c.Start, c.End)
			}
		}
		for _, s := range rest {
			if string(rs[s.Start:s.End]) != s.Text {
				t.Errorf("ParseCitation(%q): unparsed %q does not match offsets %d-%d", tc.in, s.Text, s.Start, s.End)
			}
		}
	}
}

func TestCitationKey(t *testing.T) {
	t.Parallel()
	key := func(s string) string {
		t.Helper()
		cs, rest := ParseCitation(s)
		if len(cs) != 1 || len(rest) != 0 {
			t.Fatalf("ParseCitation(%q) = %v, %v, want one citation", s, cs, rest)
		}
		return cs[0].Key()
	}
	same := [][]string{
		{"《中华人民共和国大气污染防治法》第一百一十九条第一款", "《大气污染防治法》第119条第1款", "大气污染防治法第一百一十九条第一款",
			"《中华人民共和国大气污染防治法（2018年修正）》第一百一十九条第一款", "《中华人民共和国大气污染防治法》(2018年10月26日修正)第１１９条第１款"},
		{"《行政许可法》第三十二条、第三十四条", "《中华人民共和国行政许可法》第三十四条、第三十二条", "《行政许可法》第三十二、三十四条"},
		{"《行政处罚法》第九条、第十条", "《行政处罚法》第九至十条"},
	}
	for _, group := range same {
		want := key(group[0])
		for _, s := range group[1:] {
			if got := key(s); got != want {
				t.Errorf("Key(%q) = %q, want %q (as for %q)", s, got, want, group[0])
			}
		}
	}
	if got, want := key("《中华人民共和国大气污染防治法》第一百一十九条第一款"), "大气污染防治法#119.1"; got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
	if got, want := key("《行政处罚法》第九条、第十条"), "行政处罚法#9,10"; got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
	if a, b := key("《大气污染防治法》第一百一十九条第一款"), key("《大气污染防治法》第一百一十九条第二款"); a == b {
		t.Errorf("different paragraphs have the same key %q", a)
	}
	if a, b := key("《大气污染防治法》第一百一十九条"), key("《大气污染防治法》第一百一十九条第一款"); a == b {
		t.Errorf("article and paragraph have the same key %q", a)
	}
}

func TestCitationString(t *testing.T) {
	t.Parallel()
	cs, _ := ParseCitation("《中华人民共和国大气污染防治法》第119条第1款、第一百二十条")
	if len(cs) != 1 {
		t.Fatalf("ParseCitation: %d citations, want 1", len(cs))
	}
	if got, want := cs[0].String(), "《大气污染防治法》第一百一十九条第一款、第一百二十条"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := cs[0].Keys(), []string{"大气污染防治法#119.1", "大气污染防治法#120"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Keys() = %q, want %q", got, want)
	}
}

func FuzzParseCitation(f *testing.F) {
	for _, s := range []string{"《中华人民共和国大气污染防治法》第一百一十九条第一款", "第七十二—七十七条", "《a》（2018年）第1条、2条", "大气污染防治法第119条之一第1款（二）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		cs, rest := ParseCitation(s)
		for _, c := range cs {
			if c.Start < 0 || c.End > len(rs) || string(rs[c.Start:c.End]) != c.Text {
				t.Fatalf("ParseCitation(%q): bad span %d-%d %q", s, c.Start, c.End, c.Text)
			}
			_ = c.Key()
		}
		for _, sp := range rest {
			if sp.Start < 0 || sp.End > len(rs) || string(rs[sp.Start:sp.End]) != sp.Text {
				t.Fatalf("ParseCitation(%q): bad unparsed span %d-%d", s, sp.Start, sp.End)
			}
		}
		ParseArticle(s)
	})
}
