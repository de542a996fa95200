package importer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sunlight/internal/model"
)

func TestSplitList(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"加强监督", []string{"加强监督"}},
		{"甲\n乙\n\n丙", []string{"甲", "乙", "丙"}},
		{"1.加强教育提醒; 2.制定制度; 3.每月公示", []string{"加强教育提醒", "制定制度", "每月公示"}},
		{"1、甲；2、乙。", []string{"甲", "乙。"}},
		{"（1）甲（2）乙", []string{"甲（2）乙"}},
		{"（1）甲；（2）乙", []string{"甲", "乙"}},
		{"①初次违法②及时改正", []string{"初次违法", "及时改正"}},
		{"同时满足下列情形的：(1)初次违法；(2)及时改正", []string{"同时满足下列情形的：", "初次违法", "及时改正"}},
		{"处1.5万元罚款", []string{"处1.5万元罚款"}},
		{"一、受理；二、审查", []string{"受理", "审查"}},
		{"执行回避制度 2.留痕", []string{"执行回避制度 2.留痕"}}, // one marker inside a line: not a list
	} {
		if got := splitList(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitList(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseDays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in        string
		days      int
		unit      string
		exact, ok bool
	}{
		{"20个工作日", 20, "工作日", true, true},
		{"九十日", 90, "自然日", true, true},
		{"90天内", 90, "自然日", true, true},
		{"自受理之日起20个工作日", 20, "工作日", false, true},
		{"即办", 0, "", false, false},
	} {
		d, u, exact, ok := parseDays(tc.in)
		if d != tc.days || u != tc.unit || exact != tc.exact || ok != tc.ok {
			t.Errorf("parseDays(%q) = %d, %q, %v, %v, want %d, %q, %v, %v", tc.in, d, u, exact, ok, tc.days, tc.unit, tc.exact, tc.ok)
		}
	}
}

func TestMatchHeader(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		kind, header, field string
	}{
		{KindPowers, "事项名称", "name"},
		{KindPowers, "职权名称", "name"},
		{KindPowers, "权力事项名称", "name"},
		{KindPowers, "权责事项名称", "name"},
		{KindPowers, "职权类别", "category"},
		{KindPowers, "权责类型", "category"},
		{KindPowers, "实施依据", "basis:实施依据"},
		{KindPowers, "法律依据", "basis"},
		{KindPowers, "行使主体", "subject"},
		{KindPowers, "承办科室", "office"},
		{KindPowers, "风险点描述", "risk"},
		{KindPowers, "风险等级（高/中/低）", "risk_level"},
		{KindPowers, " 事项 名称 *", "name"},
		{KindBenchmarks, "违法行为", "name"},
		{KindBenchmarks, "处罚依据", "penalty_basis"},
		{KindBenchmarks, "违则", "violated"},
		{KindBenchmarks, "违反条款", "violated"},
		{KindBenchmarks, "类别", "tier"},
		{KindBenchmarks, "裁量阶次/情节", "tier"},
		{KindBenchmarks, "情节", "tier"},
		{KindBenchmarks, "裁量等级", "tier"},
		{KindBenchmarks, "裁量情节", "conditions"},
		{KindBenchmarks, "情形", "conditions"},
		{KindBenchmarks, "裁量幅度", "standard"},
		{KindBenchmarks, "处罚标准", "standard"},
		{KindBenchmarks, "设定依据/处罚依据", "penalty_basis"},
		{KindRisks, "风险点表现形式", "manifestation"},
		{KindRisks, "廉政风险主要内容及表现形式", "manifestation"},
		{KindRisks, "职权内容/风险点", "risk"},
		{KindRisks, "责任岗位", "owner"},
		{KindRisks, "责任部门", "owner"},
		{KindRisks, "重点领域", "object:重点领域"},
		{KindRisks, "防控对象", "object"},
		{KindRisks, "岗位", "object:关键岗位"},
		{KindRisks, "单位/科室", "owner"},
		{KindRisks, "部门负责人", ""},
	} {
		m, _ := matchHeader(tc.kind, tc.header, nil)
		if m.field != tc.field {
			t.Errorf("matchHeader(%s, %q) = %q, want %q", tc.kind, tc.header, m.field, tc.field)
		}
	}
	if m, _ := matchHeader(KindRisks, "部门负责人", map[string]string{"部门负责人": "leader"}); m.field != "leader" {
		t.Errorf("-map: %q, want leader", m.field)
	}
}

// A synonym selects one field only.
func TestSynonymsAreUnique(t *testing.T) {
	t.Parallel()
	for kind, fs := range fields {
		seen := map[string]string{}
		for _, f := range fs {
			for _, s := range f.syn {
				if other, dup := seen[s]; dup {
					t.Errorf("%s: %q is a synonym of both %s and %s", kind, s, other, f.id)
				}
				seen[s] = f.id
			}
		}
	}
}

func TestParseRefs(t *testing.T) {
	t.Parallel()
	laws := newLawLookup([]*model.Law{
		{ID: "xingzheng-xuke-fa", Title: "中华人民共和国行政许可法", Short: "行政许可法"},
		{ID: "tudi-guanli-fa", Title: "中华人民共和国土地管理法"},
	})
	for _, tc := range []struct {
		in       string
		require  bool
		refs     []string
		problems []string
	}{
		{"《行政许可法》第三十二条、第三十四条；《土地管理法》第七十七条", false,
			[]string{"xingzheng-xuke-fa 第三十二条", "xingzheng-xuke-fa 第三十四条", "tudi-guanli-fa 第七十七条"}, nil},
		{"《中华人民共和国土地管理法》（2019年修正）第62条第4款：农村村民建住宅，应当符合乡（镇）土地利用总体规划", false,
			[]string{"tudi-guanli-fa 第六十二条第四款 «农村村民建住宅，应当符合乡（镇）土地利用总体规划»"}, nil},
		{"《河北省城乡规划条例》第八十二条", false, nil, []string{"《河北省城乡规划条例》不在法规库中"}},
		{"《行政许可法》", true, nil, []string{"《行政许可法》没有写明条款"}},
		{"《行政许可法》", false, []string{"xingzheng-xuke-fa "}, nil},
		{"本法第十条", false, nil, []string{"无法识别的依据文字 \"本法第十条\""}},
	} {
		got := parseRefs(tc.in, "设定依据", tc.require, laws)
		var refs []string
		for _, r := range got.refs {
			s := r.Law + " " + r.Article
			if r.Quote != "" {
				s += " «" + r.Quote + "»"
			}
			if r.Role != "设定依据" {
				t.Errorf("parseRefs(%q): role %q", tc.in, r.Role)
			}
			refs = append(refs, s)
		}
		if !reflect.DeepEqual(refs, tc.refs) {
			t.Errorf("parseRefs(%q) refs = %q, want %q", tc.in, refs, tc.refs)
		}
		if len(got.problems) != len(tc.problems) {
			t.Errorf("parseRefs(%q) problems = %q, want %q", tc.in, got.problems, tc.problems)
			continue
		}
		for i, p := range tc.problems {
			if !strings.Contains(got.problems[i], p) {
				t.Errorf("parseRefs(%q) problem %q, want %q", tc.in, got.problems[i], p)
			}
		}
	}
}

func TestSmallReaders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"3", "3"}, {"3-1,3-2,3-4", "3"}, {"1-1,1-1", "1-1"}, {"1,2", "1"}, {"", ""},
	} {
		var nos []string
		if tc.in != "" {
			nos = strings.Split(tc.in, ",")
		}
		if got := commonNo(nos); got != tc.want {
			t.Errorf("commonNo(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for in, want := range map[string]string{"行政许可": "XK", "许可": "", "行政处罚类": "CF", "其他职权": "QT", "行政征收征用": "ZS", "XK": "XK", "公共服务事项": "GG"} {
		if got, _ := normCategory(in); got != want {
			t.Errorf("normCategory(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"从轻处罚": "从轻处罚", "减轻处罚情形": "减轻处罚", "情节一般的": "一般", "情节较轻": "", "不予处罚": "不予处罚"} {
		if got := tierKind(in); got != want {
			t.Errorf("tierKind(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Shengtai Jizhun 2025.xlsx": "shengtai-jizhun-2025-xlsx", "裁量基准": "", "a__b": "a-b"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEncodeStrings(t *testing.T) {
	t.Parallel()
	got := string(encodeTOML(&model.Benchmark{Title: "a\"b\\c\td\x01", Issuer: "第一行\n第二行\"", Violations: []model.Violation{{Name: "x",
		Tiers: []model.Tier{{Label: "一般", Conditions: []string{"多\n行"}, Standard: "s"}}}}}, []string{"# 注释"}))
	want := `# 注释
title = "a\"b\\c	d\u0001"
issuer = """
第一行
第二行\""""

[[violations]]
name = "x"

[[violations.tiers]]
label = "一般"
conditions = ["多\n行"]
standard = "s"
`
	if got != want {
		t.Errorf("encodeTOML:\n%s\nwant:\n%s", got, want)
	}
}

func TestUnifiedDiff(t *testing.T) {
	t.Parallel()
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
	b := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n"
	want := `--- a
+++ b
@@ -1,6 +1,6 @@
 1
 2
-3
+three
 4
 5
 6
@@ -10,3 +10,4 @@
 10
 11
 12
+13
`
	if got := unifiedDiff("a", "b", a, b, false); got != want {
		t.Errorf("unifiedDiff:\n%s\nwant:\n%s", got, want)
	}
}

// When a rename fails, the files already put in place are restored and no
// temporary file is left.
func TestWriteAllIsAllOrNothing(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "a.toml"), []byte("old a\n"))
	writeFile(t, filepath.Join(root, "z.toml/inside"), []byte("a directory where a file should go\n"))
	err := writeAll(root, []FileChange{
		{Path: "a.toml", Action: Update, Old: []byte("old a\n"), New: []byte("new a\n")},
		{Path: "b.toml", Action: Create, New: []byte("new b\n")},
		{Path: "z.toml", Action: Create, New: []byte("new z\n")},
	})
	if err == nil {
		t.Fatal("writeAll over a directory: no error")
	}
	snap := snapshot(t, root)
	want := map[string]string{
		filepath.Join(root, "a.toml"):        "old a\n",
		filepath.Join(root, "z.toml/inside"): "a directory where a file should go\n",
	}
	if !equalMaps(snap, want) {
		t.Errorf("after a failed write: %q, want %q", snap, want)
	}
	if _, err := os.Stat(filepath.Join(root, "b.toml")); err == nil {
		t.Error("b.toml was left behind")
	}
}

// The package documentation is the spec: it lists every field id and
// synonym.
func TestDocListsEverySynonym(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for kind, fs := range fields {
		for _, f := range fs {
			for _, s := range f.syn {
				if !strings.Contains(doc, " "+s+" ") && !strings.Contains(doc, " "+s+"\n") {
					t.Errorf("doc.go does not list %s synonym %q of %s", kind, s, f.id)
				}
			}
			if !strings.Contains(doc, "//\t"+f.id+" ") {
				t.Errorf("doc.go does not list %s field %s", kind, f.id)
			}
		}
	}
}

// A CSV export of a two-row header leaves the cells right of a spanning
// header empty; the sub-headers below name the columns. Repeated headers,
// blank rows, headings and notes are not data.
func TestTableFromCSVWithTwoRowHeader(t *testing.T) {
	t.Parallel()
	s, err := readCSV([]byte("示范县行政处罚裁量基准,,,,\n"+
		"序号,违法行为,裁量基准,,\n"+
		",,阶次,情形,处罚幅度\n"+
		"一、环境类,,,,\n"+
		"1,甲,轻,a,x\n"+
		",,重,b,y\n"+
		",,,,\n"+
		"序号,违法行为,裁量基准,,\n"+
		"2,乙,一般,c,z\n"+
		"9,只有一格,,,\n"+
		"注：以上为示例。,,,,\n"+
		"第二条说明,,,,\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	tb, ok := newTable(s, KindBenchmarks, nil)
	if !ok {
		t.Fatal("no header found")
	}
	var cols []string
	for _, c := range tb.cols {
		cols = append(cols, c.header+"="+c.field)
	}
	want := "序号=no 违法行为=name 裁量基准/阶次=tier 裁量基准/情形=conditions 裁量基准/处罚幅度=standard"
	if got := strings.Join(cols, " "); got != want {
		t.Errorf("columns = %s, want %s", got, want)
	}
	if tb.title != "示范县行政处罚裁量基准" {
		t.Errorf("title = %q", tb.title)
	}
	var notes, headings, odd, data []string
	for _, r := range tb.rows(
		func(n int, s string) { notes = append(notes, s) },
		func(n int, s string) { headings = append(headings, s) },
		func(n int, s string) { odd = append(odd, s) }) {
		data = append(data, strings.Join(r.cells, "|"))
	}
	if strings.Join(data, " / ") != "1|甲|轻|a|x / ||重|b|y / 2|乙|一般|c|z / 9|只有一格|||" {
		t.Errorf("data rows = %q", data)
	}
	if strings.Join(notes, "/") != "注：以上为示例。/第二条说明" || strings.Join(headings, "/") != "一、环境类" || len(odd) != 0 {
		t.Errorf("notes %q, headings %q, odd %q", notes, headings, odd)
	}
}
