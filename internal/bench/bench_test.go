package bench_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"sunlight/internal/bench"
	"sunlight/internal/diag"
	"sunlight/internal/link"
	"sunlight/internal/load"
	"sunlight/internal/model"
)

// site is a small portal: three units and two laws. The 大气污染防治法
// registers the text of 第一百一十八条 and 第一百一十九条 (three paragraphs);
// the 行政处罚法 registers no article text. Tests add benchmark files.
func site() fstest.MapFS {
	return fstest.MapFS{
		"site.toml": {Data: []byte(`title = "示范县廉政风险防控公开平台"
region = "示范县"
organiser = "中共示范县纪律检查委员会"
site_code = "9999000001"
base_url = "https://lzfk.example.gov.cn/"
year = 2025
`)},
		"laws/daqi.toml": {Data: []byte(`title = "中华人民共和国大气污染防治法"
short = "大气污染防治法"
level = "法律"
effective = 2018-10-26
[[articles]]
number = "第一百一十八条"
text = """
第一百一十八条　违反本法规定，排放油烟的餐饮服务业经营者未安装油烟净化设施的，由县级以上地方人民政府确定的监督管理部门责令改正，处五千元以上五万元以下的罚款；拒不改正的，责令停业整治。
违反本法规定，在当地人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地的，由县级以上地方人民政府确定的监督管理部门责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款。
"""
[[articles]]
number = "第一百一十九条"
text = """
违反本法规定，在人口集中地区对树木、花草喷洒剧毒、高毒农药，或者露天焚烧秸秆、落叶等产生烟尘污染的物质的，由县级以上地方人民政府确定的监督管理部门责令改正，并可以处五百元以上二千元以下的罚款。

违反本法规定，在人口集中地区和其他依法需要特殊保护的区域内，焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的，由县级人民政府确定的监督管理部门责令改正，对单位处一万元以上十万元以下的罚款，对个人处五百元以上二千元以下的罚款。

违反本法规定，在城市人民政府禁止的时段和区域内燃放烟花爆竹的，由县级以上地方人民政府确定的监督管理部门依法予以处罚。
"""
`)},
		"laws/xzcf.toml": {Data: []byte(`title = "中华人民共和国行政处罚法"
short = "行政处罚法"
level = "法律"
effective = 2021-07-15
`)},
		"units/qs/unit.toml": {Data: []byte(unit("示范县青石镇人民政府", "青石镇", "990101", 1))},
		"units/cg/unit.toml": {Data: []byte(unit("示范县城市管理综合行政执法局", "县城管局", "990100", 2))},
		"units/hx/unit.toml": {Data: []byte(unit("示范县河西镇人民政府", "河西镇", "990102", 3))},
	}
}

func unit(name, short, code string, order int) string {
	return fmt.Sprintf("name = %q\nshort = %q\ntype = \"乡镇人民政府\"\ndivision_code = %q\norder = %d\npublished = 2024-01-05\nreviewed = 2025-03-01\n", name, short, code, order)
}

// benchmark is a benchmark file with the given violations; its header
// takes lines 1–5, so the first [[violations]] is on line 6.
func benchmark(violations string) string {
	return `title = "裁量基准"
issuer = "示范县"
effective = 2024-01-01
published = 2024-01-01
reviewed = 2025-01-01
` + violations
}

// tier writes one [[violations.tiers]] table (4 lines).
func tier(label, standard string) string {
	return fmt.Sprintf("[[violations.tiers]]\nlabel = %q\nconditions = [\"c\"]\nstandard = %q\n", label, standard)
}

// analyze loads, links and analyses fsys; the fixture must load cleanly.
func analyze(t *testing.T, fsys fstest.MapFS) (*bench.Analysis, diag.List, *model.Site) {
	t.Helper()
	s, diags := load.Load(fsys)
	loc := load.NewLocator(fsys)
	diags.Add(link.Link(s, loc)...)
	if len(diags) > 0 {
		t.Fatalf("fixture does not load cleanly:\n%v", diags)
	}
	a, d := bench.Analyze(s, loc)
	return a, d, s
}

// format writes diagnostics one per line with their codes.
func format(d diag.List) string {
	var b strings.Builder
	for _, x := range d {
		fmt.Fprintf(&b, "%s: %s: %s [%s]\n", x.Pos, x.Severity, x.Msg, x.Code)
		if x.Hint != "" {
			fmt.Fprintf(&b, "    hint: %s\n", x.Hint)
		}
	}
	return b.String()
}

// The violations of the rule cases start on line 6 of
// units/qs/benchmarks/b.toml; with the two header lines below, the
// standard of tier j is on line 10+4j+(lines of statutory).
const (
	basis119 = "[[violations]]\nname = \"焚烧沥青等有毒有害物质\"\npenalty_basis = [{law = \"daqi\", article = \"第一百一十九条第二款\"}]\n"
	basisXZ  = "[[violations]]\nname = \"违法行为\"\npenalty_basis = [{law = \"xzcf\", article = \"第一条\"}]\n"
)

func TestRules(t *testing.T) {
	tests := []struct {
		name       string
		violations string
		want       string // formatted diagnostics, hints included
	}{
		{"tiers that partition the statutory range are clean", basis119 +
			tier("情节较轻", "对单位处一万元以上三万元以下，对个人处五百元以上一千元以下的罚款") +
			tier("情节较重", "对单位处三万元以上七万元以下，对个人处一千元以上一千五百元以下的罚款") +
			tier("情节严重", "对单位处七万元以上十万元以下，对个人处一千五百元以上二千元以下的罚款"), ""},
		{"unparsed standard", basisXZ +
			tier("一般", "处每日五百元罚款"), `units/qs/benchmarks/b.toml:12:1: warning: 裁量标准中 “处每日五百元罚款” 无法解析为处罚幅度 [fine-unparsed]
    hint: 改写为“处一万元以上三万元以下的罚款”这样的写法,或用 [[violations.tiers.penalties]] 写明处罚种类和幅度(type、target、min、max、unit)
`},
		{"an override replaces the parse", basisXZ +
			tier("一般", "处每日五百元罚款") + "[[violations.tiers.penalties]]\ntype = \"罚款\"\nmin = 500\nmax = 500\n", ""},
		{"override with an unknown type", basisXZ +
			tier("一般", "处每日五百元罚款") + "[[violations.tiers.penalties]]\ntype = \"罚金\"\nmax = 500\n",
			`units/qs/benchmarks/b.toml:14:1: error: 处罚种类 "罚金" 不是《行政处罚法》第九条规定的种类 [penalty-override]
    hint: 可用的处罚种类:警告、通报批评、罚款、没收违法所得、没收非法财物、暂扣许可证件、降低资质等级、吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业、行政拘留、其他
`},
		{"override with min above max", basisXZ +
			tier("一般", "处每日五百元罚款") + "[[violations.tiers.penalties]]\ntype = \"罚款\"\nmin = 5000\nmax = 500\n",
			`units/qs/benchmarks/b.toml:15:1: error: 处罚幅度下限 5000元 大于上限 500元 [penalty-override]
    hint: min 是下限,max 是上限
`},
		{"override with an unknown unit", basisXZ +
			tier("一般", "处每日五百元罚款") + "[[violations.tiers.penalties]]\ntype = \"罚款\"\nmax = 5\nunit = \"万元\"\n",
			`units/qs/benchmarks/b.toml:16:1: error: 处罚幅度单位 "万元" 无法识别 [penalty-override]
    hint: unit 只能是 "元"、"倍"、"%" 或 "日"
`},
		{"override with an unknown target", basisXZ +
			tier("一般", "处每日五百元罚款") + "[[violations.tiers.penalties]]\ntype = \"罚款\"\ntarget = \"法人\"\nmax = 500\n",
			`units/qs/benchmarks/b.toml:15:1: error: 处罚对象 "法人" 无法识别 [penalty-override]
    hint: target 写 单位 或 个人,对任何人适用时不写
`},
		{"override with a base for an amount", basisXZ +
			tier("一般", "处每日五百元罚款") + "[[violations.tiers.penalties]]\ntype = \"罚款\"\nmax = 500\nbase = \"违法所得\"\n",
			`units/qs/benchmarks/b.toml:16:1: error: 计算基数 "违法所得" 只能与倍数或百分比一起使用 [penalty-override]
    hint: base(计算基数,如 违法所得)只用于 unit = "倍" 或 "%"
`},
		{"tiers out of order", basisXZ +
			tier("情节较轻", "处一万元以上三万元以下的罚款") +
			tier("情节较重", "处五千元以上一万元以下的罚款"),
			`units/qs/benchmarks/b.toml:16:1: error: 裁量阶次 “情节较重” 的罚款(5000元以上1万元以下)轻于上一阶次 “情节较轻”(1万元以上3万元以下) [tier-order]
    hint: 裁量阶次应按处罚幅度从轻到重排列;请调整阶次顺序或核对金额
`},
		{"a tier open below is out of order when its maximum is lower", basisXZ +
			tier("情节较轻", "处一万元以上三万元以下的罚款") +
			tier("情节较重", "处一万元以下的罚款"),
			`units/qs/benchmarks/b.toml:16:1: error: 裁量阶次 “情节较重” 的罚款(1万元以下)轻于上一阶次 “情节较轻”(1万元以上3万元以下) [tier-order]
    hint: 裁量阶次应按处罚幅度从轻到重排列;请调整阶次顺序或核对金额
`},
		{"a tier open below with the same maximum is not out of order", basisXZ +
			tier("尚可改正", "处建设工程造价百分之八以上百分之十以下的罚款") +
			tier("无法改正", "没收实物，可以并处建设工程造价百分之十以下的罚款"), ""},
		{"a wider later tier is not out of order", basisXZ +
			tier("情节较轻", "处一万元以上三万元以下的罚款") +
			tier("情节较重", "处五千元以上五万元以下的罚款"), ""},
		{"ranges of different targets are not ordered against each other", basisXZ +
			tier("情节较轻", "对单位处一万元以上三万元以下的罚款") +
			tier("情节较重", "对个人处五百元以上一千元以下的罚款"), ""},
		{"gap between tiers", basis119 + "statutory = \"处一万元以上十万元以下的罚款\"\n" +
			tier("情节较轻", "处一万元以上三万元以下的罚款") +
			tier("情节严重", "处五万元以上十万元以下的罚款"),
			`units/qs/benchmarks/b.toml:17:1: warning: 裁量阶次 “情节较轻” 与 “情节严重” 之间的罚款幅度有空档:高于 3万元、低于 5万元 的罚款不属于任何阶次 [tier-gap]
    hint: 相邻阶次的幅度应首尾相接,如“一万元以上三万元以下”与“三万元以上七万元以下”
`},
		{"whole-yuan ends touch", basis119 + "statutory = \"处一万元以下的罚款\"\n" +
			tier("情节较轻", "处一千元以下的罚款") +
			tier("情节严重", "处一千零一元以上一万元以下的罚款"), ""},
		{"overlapping tiers", basis119 + "statutory = \"处一万元以上十万元以下的罚款\"\n" +
			tier("情节较轻", "处一万元以上五万元以下的罚款") +
			tier("情节严重", "处三万元以上十万元以下的罚款"),
			`units/qs/benchmarks/b.toml:17:1: warning: 裁量阶次 “情节较轻” 与 “情节严重” 的罚款幅度重叠:3万元至5万元同时属于两个阶次 [tier-overlap]
    hint: 相邻阶次只应在端点处相接;请核对金额,避免同一情节可以适用两个阶次
`},
		{"no gap check when the statute gives two ranges", basis119 +
			"statutory = \"处一万元以上十万元以下的罚款；情节严重的，处十万元以上一百万元以下的罚款\"\n" +
			tier("情节较轻", "处一万元以上三万元以下的罚款") +
			tier("情节严重", "处五十万元以上一百万元以下的罚款"), ""},
		{"no gap check without a known statute", basisXZ +
			tier("情节较轻", "处一万元以上三万元以下的罚款") +
			tier("情节严重", "处五万元以上十万元以下的罚款"), ""},
		{"tier above the statutory maximum (statute from the law registry)", basis119 +
			tier("情节较轻", "对单位处一万元以上三万元以下的罚款") +
			tier("情节严重", "对单位处三万元以上十二万元以下的罚款"),
			`units/qs/benchmarks/b.toml:16:1: error: 裁量阶次 “情节严重” 的对单位的罚款上限 12万元 超过法定最高额 10万元 [tier-beyond-statute]
    hint: 法定幅度:对单位罚款1万元以上10万元以下(《大气污染防治法》第一百一十九条第二款)
`},
		{"tier below the statutory minimum", basis119 +
			tier("情节轻微", "对单位处五千元以上一万元以下的罚款") +
			tier("情节较轻", "对单位处一万元以上三万元以下的罚款"),
			`units/qs/benchmarks/b.toml:12:1: error: 裁量阶次 “情节轻微” 的对单位的罚款下限 5000元 低于法定最低额 1万元 [tier-beyond-statute]
    hint: 法定幅度:对单位罚款1万元以上10万元以下(《大气污染防治法》第一百一十九条第二款);减轻处罚可以低于法定最低额,如属减轻处罚请写 kind = "减轻处罚"
`},
		{"a 减轻处罚 tier may go below the minimum", basis119 +
			tier("情节轻微", "对单位处五千元以上一万元以下的罚款") + "kind = \"减轻处罚\"\n" +
			tier("情节较轻", "对单位处一万元以上三万元以下的罚款"), ""},
		{"tier without a minimum", basis119 +
			tier("一般", "对单位处三万元以下的罚款"),
			`units/qs/benchmarks/b.toml:12:1: error: 裁量阶次 “一般” 的对单位的罚款未写下限(3万元以下),法定最低额为 1万元 [tier-beyond-statute]
    hint: 法定幅度:对单位罚款1万元以上10万元以下(《大气污染防治法》第一百一十九条第二款);减轻处罚可以低于法定最低额,如属减轻处罚请写 kind = "减轻处罚"
`},
		{"a tier without a target is checked against every target", basis119 +
			tier("一般", "处一千元以上二千元以下的罚款") +
			tier("从重", "处二千元以上二十万元以下的罚款"),
			`units/qs/benchmarks/b.toml:16:1: error: 裁量阶次 “从重” 的罚款上限 20万元 超过法定最高额 10万元 [tier-beyond-statute]
    hint: 法定幅度:对单位罚款1万元以上10万元以下;对个人罚款500元以上2000元以下(《大气污染防治法》第一百一十九条第二款)
`},
		{"tier open above where the statute has a maximum", basis119 + "statutory = \"处一万元以上十万元以下的罚款\"\n" +
			tier("从重", "处五万元以上的罚款"),
			`units/qs/benchmarks/b.toml:13:1: error: 裁量阶次 “从重” 的罚款未写上限(5万元以上),法定最高额为 10万元 [tier-beyond-statute]
    hint: 法定幅度:罚款1万元以上10万元以下(法定处罚幅度)
`},
		{"tier between two statutory ranges", basis119 +
			"statutory = \"处一万元以上五万元以下的罚款；情节严重的，处十万元以上二十万元以下的罚款\"\n" +
			tier("从重", "处六万元以上八万元以下的罚款"),
			`units/qs/benchmarks/b.toml:13:1: error: 裁量阶次 “从重” 的罚款(6万元以上8万元以下)不在法定幅度内 [tier-beyond-statute]
    hint: 法定幅度:罚款1万元以上5万元以下;罚款10万元以上20万元以下(法定处罚幅度)
`},
		{"statutory text overrides the registry", basis119 + "statutory = \"处五百元以上二千元以下的罚款\"\n" +
			tier("一般", "对单位处一万元以上三万元以下的罚款"),
			`units/qs/benchmarks/b.toml:13:1: error: 裁量阶次 “一般” 的对单位的罚款上限 3万元 超过法定最高额 2000元 [tier-beyond-statute]
    hint: 法定幅度:罚款500元以上2000元以下(法定处罚幅度)
`},
		{"unreadable statutory text", basis119 + "statutory = \"处每日一万元罚款\"\n" +
			tier("一般", "对单位处一万元以上三十万元以下的罚款"),
			`units/qs/benchmarks/b.toml:9:1: warning: 法定处罚幅度中 “处每日一万元罚款” 无法解析,未检查各阶次是否在法定幅度内 [statutory-unparsed]
    hint: 按条文原文填写法定处罚幅度(如“处一万元以上十万元以下的罚款”),或删去 statutory 以采用法规库中的条文
`},
		{"multiples take the statute's base", basis119 + "statutory = \"没收违法所得，并处违法所得一倍以上五倍以下的罚款\"\n" +
			tier("一般", "处一倍以上三倍以下的罚款") +
			tier("从重", "处三倍以上六倍以下的罚款"),
			`units/qs/benchmarks/b.toml:17:1: error: 裁量阶次 “从重” 的罚款上限 6倍 超过法定最高额 5倍 [tier-beyond-statute]
    hint: 法定幅度:罚款违法所得1倍以上5倍以下(法定处罚幅度)
`},
		{"percent and times compare", basis119 + "statutory = \"处货值金额百分之五十以上三倍以下的罚款\"\n" +
			tier("一般", "处货值金额百分之五十以上百分之八十以下的罚款") +
			tier("从重", "处货值金额百分之八十以上三倍以下的罚款"), ""},
		{"unread tier ends the ordering", basisXZ +
			tier("情节较轻", "处一万元以上三万元以下的罚款") +
			tier("情节较重", "处每日一千元罚款") +
			tier("情节严重", "处五千元以上一万元以下的罚款"),
			`units/qs/benchmarks/b.toml:16:1: warning: 裁量标准中 “处每日一千元罚款” 无法解析为处罚幅度 [fine-unparsed]
    hint: 改写为“处一万元以上三万元以下的罚款”这样的写法,或用 [[violations.tiers.penalties]] 写明处罚种类和幅度(type、target、min、max、unit)
`},
		{"unreadable penalty_basis article", "[[violations]]\nname = \"违法行为\"\npenalty_basis = [{law = \"daqi\", article = \"一百一十九条二\"}]\n" +
			tier("一般", "处一万元以上三万元以下的罚款"),
			`units/qs/benchmarks/b.toml:8:33: warning: 处罚依据条款 “一百一十九条二” 无法识别,该违法行为不参加跨单位比较,也不按条文检查法定幅度 [basis-article]
    hint: 写成“第一百一十九条第一款”或“第119条第1款”
`},
		{"cited paragraph missing from the registry: statute unknown", "[[violations]]\nname = \"违法行为\"\npenalty_basis = [{law = \"daqi\", article = \"第一百一十九条第五款\"}]\n" +
			tier("一般", "处一万元以上三十万元以下的罚款"), ""},
		{"factor benchmarks are not ordered", "style = \"factor\"\n" + basisXZ +
			tier("情节较轻", "处一万元以上三万元以下的罚款") +
			tier("情节较重", "处五千元以上一万元以下的罚款"), ""},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		if seen[tc.name] {
			t.Fatalf("duplicate case %q", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fsys := site()
			v := benchmark(tc.violations)
			fsys["units/qs/benchmarks/b.toml"] = &fstest.MapFile{Data: []byte(v)}
			_, d, _ := analyze(t, fsys)
			if got := format(d); got != tc.want {
				t.Errorf("Analyze diagnostics:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func f(v float64) *float64 { return &v }

func show(v *float64) string {
	if v == nil {
		return "_"
	}
	return fmt.Sprint(*v)
}

func TestTierInfo(t *testing.T) {
	tests := []struct {
		standard string
		want     string // FineMin FineMax MultMin MultMax MultUnit Base Known
	}{
		{"处一万元以上三万元以下的罚款", "10000 30000 _ _   true"},
		{"对单位处一万元以上三万元以下，对个人处五百元以上一千元以下的罚款", "500 30000 _ _   true"},
		{"处一万元以下罚款", "_ 10000 _ _   true"},
		{"处五千元以上罚款", "5000 _ _ _   true"},
		{"警告", "_ _ _ _   true"},
		{"没收违法所得，并处违法所得一倍以上三倍以下罚款；没有违法所得的，处一万元以下罚款", "_ 10000 1 3 倍 违法所得 true"},
		{"处建设项目总投资额百分之一以上百分之二以下的罚款", "_ _ 1 2 % 总投资额 true"},
		{"处货值金额百分之五十以上三倍以下的罚款", "_ _ 0.5 3 倍 货值金额 true"},
		{"处每日五百元罚款", "_ _ _ _   false"},
		{"对单位处一万元以上三万元以下，对个人处每日五百元罚款", "10000 30000 _ _   false"},
	}
	for _, tc := range tests {
		t.Run(tc.standard, func(t *testing.T) {
			t.Parallel()
			fsys := site()
			fsys["units/qs/benchmarks/b.toml"] = &fstest.MapFile{Data: []byte(benchmark(basisXZ + tier("一般", tc.standard)))}
			a, _, s := analyze(t, fsys)
			ti := a.Tiers[&s.Units[0].Benchmarks[0].Violations[0].Tiers[0]]
			got := fmt.Sprintf("%s %s %s %s %s %s %v", show(ti.FineMin), show(ti.FineMax), show(ti.MultMin), show(ti.MultMax), ti.MultUnit, ti.Base, ti.Known())
			if got != tc.want {
				t.Errorf("TierInfo(%q) = %s, want %s", tc.standard, got, tc.want)
			}
		})
	}
}

func TestOverride(t *testing.T) {
	fsys := site()
	fsys["units/qs/benchmarks/b.toml"] = &fstest.MapFile{Data: []byte(benchmark(basisXZ + tier("一般", "按每日五百元计罚") +
		"[[violations.tiers.penalties]]\ntype = \"罚款\"\ntarget = \"单位\"\nmin = 500\nmax = 15000\n" +
		"[[violations.tiers.penalties]]\ntype = \"警告\"\n"))}
	a, d, s := analyze(t, fsys)
	if len(d) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", format(d))
	}
	ti := a.Tiers[&s.Units[0].Benchmarks[0].Violations[0].Tiers[0]]
	if !ti.Overridden || len(ti.Unparsed) != 0 || len(ti.Penalties) != 2 {
		t.Fatalf("override not applied: %+v", ti)
	}
	if got, want := ti.Penalties[0].String()+" / "+ti.Penalties[1].String(), "罚款[单位] 500元以上1.5万元以下 / 警告"; got != want {
		t.Errorf("penalties = %s, want %s", got, want)
	}
	if *ti.FineMin != 500 || *ti.FineMax != 15000 {
		t.Errorf("fine range = %s–%s, want 500–15000", show(ti.FineMin), show(ti.FineMax))
	}
}
