package bench_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"sunlight/internal/bench"
	"sunlight/internal/fine"
)

// comparison adds benchmarks of three units that cite the same provisions
// in different surface forms:
//
//	青石镇   第一百一十九条第二款                          3 tiers, up to 10万元
//	县城管局 第119条第2款                                  4 tiers, up to 8万元
//	河西镇   《中华人民共和国大气污染防治法》第一百一十九条第二款  3 tiers as 青石镇
//	         (labelled 情节较轻的, 较重, 情节严重的: they match 情节较轻 …)
//
// and 第一百一十八条第二款 applied identically by 青石镇 and 县城管局,
// 第一百一十八条第一款 by 青石镇 alone, and 第一百一十九条第一款 by 青石镇
// (焚烧秸秆) and 河西镇 (喷洒农药 and 焚烧秸秆, two violations).
func comparison() fstest.MapFS {
	fsys := site()
	v := func(name, article string, tiers ...string) string {
		return fmt.Sprintf("[[violations]]\nname = %q\npenalty_basis = [{law = \"daqi\", article = %q}]\n", name, article) + strings.Join(tiers, "")
	}
	kind := func(tier, kind string) string { return tier + "kind = \"" + kind + "\"\n" }
	bbq := v("露天烧烤食品", "第一百一十八条第二款",
		tier("情节较轻", "处五百元以上五千元以下的罚款"),
		tier("情节较重", "处五千元以上一万元以下的罚款"),
		tier("情节严重", "处一万元以上二万元以下的罚款"))
	straw := func(name string, max string) string {
		return v(name, "第一百一十九条第一款",
			tier("情节较轻", "可以处五百元以上一千元以下的罚款"),
			tier("情节严重", "可以处一千元以上"+max+"以下的罚款"))
	}
	fsys["units/qs/benchmarks/dq.toml"] = &fstest.MapFile{Data: []byte(benchmark(
		v("焚烧沥青、油毡等产生有毒有害烟尘的物质", "第一百一十九条第二款",
			tier("情节较轻", "对单位处一万元以上三万元以下，对个人处五百元以上一千元以下的罚款"),
			tier("情节较重", "对单位处三万元以上七万元以下，对个人处一千元以上一千五百元以下的罚款"),
			tier("情节严重", "对单位处七万元以上十万元以下，对个人处一千五百元以上二千元以下的罚款")) +
			bbq +
			v("油烟超标排放", "第一百一十八条第一款",
				tier("情节较轻", "处五千元以上一万元以下的罚款"),
				tier("情节较重", "处一万元以上三万元以下的罚款"),
				tier("情节严重", "处三万元以上五万元以下的罚款")) +
			straw("露天焚烧秸秆、落叶", "二千元")))}
	fsys["units/cg/benchmarks/dq.toml"] = &fstest.MapFile{Data: []byte(benchmark(
		v("对焚烧沥青、油毡等产生有毒有害烟尘的物质的处罚", "第119条第2款",
			kind(tier("情节轻微", "对单位处五千元以上一万元以下，对个人处二百元以上五百元以下的罚款"), "减轻处罚"),
			tier("情节较轻", "对单位处一万元以上二万元以下，对个人处五百元以上一千元以下的罚款"),
			tier("情节较重", "对单位处二万元以上五万元以下，对个人处一千元以上一千五百元以下的罚款"),
			tier("情节严重", "对单位处五万元以上八万元以下，对个人处一千五百元以上二千元以下的罚款")) +
			bbq))}
	fsys["units/hx/benchmarks/dq.toml"] = &fstest.MapFile{Data: []byte(benchmark(
		v("焚烧沥青、油毡等有毒有害物质", "《中华人民共和国大气污染防治法》第一百一十九条第二款",
			tier("情节较轻的", "对单位处1万元以上3万元以下，对个人处500元以上1000元以下的罚款"),
			tier("较重", "对单位处3万元至7万元，对个人处1000元至1500元的罚款"),
			tier("情节严重的", "对单位处7万-10万元，对个人处1500-2000元的罚款")) +
			v("在人口集中地区喷洒剧毒、高毒农药", "第一百一十九条第一款",
				tier("情节较轻", "可以处五百元以上一千元以下的罚款"),
				tier("情节严重", "可以处一千元以上二千元以下的罚款")) +
			straw("对露天焚烧秸秆、落叶的处罚", "一千五百元")))}
	return fsys
}

// dumpProvisions writes the analysis' groupings and comparisons.
func dumpProvisions(a *bench.Analysis) string {
	var b strings.Builder
	for _, p := range a.Provisions {
		fmt.Fprintf(&b, "%s slug=%s %s units=%d max=%s differs=%v\n", p.Key, p.Slug(), p.Title(), p.Units, fine.FormatAmount(p.Max), p.Differs)
		for _, e := range p.Entries {
			fmt.Fprintf(&b, "  g%d %s %s#%d %q max=%s differs=%v\n", e.Group, e.Name(), e.Benchmark.ID, e.Index, e.Violation.Name, show(e.Max), e.Differs)
		}
		for _, n := range p.Notes {
			fmt.Fprintf(&b, "  note: %s\n", n)
		}
	}
	return b.String()
}

func TestProvisions(t *testing.T) {
	a, d, s := analyze(t, comparison())
	if len(d) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", format(d))
	}
	want := `大气污染防治法#118.1 slug=daqi-118-1 《中华人民共和国大气污染防治法》第一百一十八条第一款 units=1 max=5万元 differs=false
  g0 青石镇 dq#2 "油烟超标排放" max=50000 differs=[false false false]
大气污染防治法#118.2 slug=daqi-118-2 《中华人民共和国大气污染防治法》第一百一十八条第二款 units=2 max=2万元 differs=false
  g0 青石镇 dq#1 "露天烧烤食品" max=20000 differs=[false false false]
  g0 县城管局 dq#1 "露天烧烤食品" max=20000 differs=[false false false]
大气污染防治法#119.1 slug=daqi-119-1 《中华人民共和国大气污染防治法》第一百一十九条第一款 units=2 max=2000元 differs=true
  g0 青石镇 dq#3 "露天焚烧秸秆、落叶" max=2000 differs=[false true]
  g0 河西镇 dq#2 "对露天焚烧秸秆、落叶的处罚" max=1500 differs=[false true]
  g1 河西镇 dq#1 "在人口集中地区喷洒剧毒、高毒农药" max=2000 differs=[false false]
  note: 违法行为“露天焚烧秸秆、落叶”:阶次“情节严重”的处罚不同:青石镇 罚款1000元以上2000元以下;河西镇 罚款1000元以上1500元以下
  note: 违法行为“露天焚烧秸秆、落叶”:最高罚款不同:青石镇 2000元、河西镇 1500元
大气污染防治法#119.2 slug=daqi-119-2 《中华人民共和国大气污染防治法》第一百一十九条第二款 units=3 max=10万元 differs=true
  g0 青石镇 dq#0 "焚烧沥青、油毡等产生有毒有害烟尘的物质" max=100000 differs=[true true true]
  g0 县城管局 dq#0 "对焚烧沥青、油毡等产生有毒有害烟尘的物质的处罚" max=80000 differs=[false true true true]
  g0 河西镇 dq#0 "焚烧沥青、油毡等有毒有害物质" max=100000 differs=[true true true]
  note: 裁量阶次数不同:青石镇 3 个、县城管局 4 个、河西镇 3 个
  note: 阶次“情节较轻”的处罚不同:青石镇 对单位罚款1万元以上3万元以下、对个人罚款500元以上1000元以下;县城管局 对单位罚款1万元以上2万元以下、对个人罚款500元以上1000元以下;河西镇 对单位罚款1万元以上3万元以下、对个人罚款500元以上1000元以下
  note: 阶次“情节较重”的处罚不同:青石镇 对单位罚款3万元以上7万元以下、对个人罚款1000元以上1500元以下;县城管局 对单位罚款2万元以上5万元以下、对个人罚款1000元以上1500元以下;河西镇 对单位罚款3万元以上7万元以下、对个人罚款1000元以上1500元以下
  note: 阶次“情节严重”的处罚不同:青石镇 对单位罚款7万元以上10万元以下、对个人罚款1500元以上2000元以下;县城管局 对单位罚款5万元以上8万元以下、对个人罚款1500元以上2000元以下;河西镇 对单位罚款7万元以上10万元以下、对个人罚款1500元以上2000元以下
  note: 最高罚款不同:青石镇 10万元、县城管局 8万元、河西镇 10万元
`
	if got := dumpProvisions(a); got != want {
		t.Errorf("provisions:\n%s\nwant:\n%s", got, want)
	}

	// the three surface forms of 第一百一十九条第二款 are one provision
	p := a.Provision("daqi-119-2")
	if p == nil || p.Article != "第一百一十九条第二款" || p.Law == nil || p.Law.ID != "daqi" {
		t.Fatalf("Provision(daqi-119-2) = %+v", p)
	}
	if got := len(a.Compared()); got != 3 {
		t.Errorf("Compared() has %d provisions, want 3", got)
	}
	qs := s.UnitByID["qs"].Benchmarks[0]
	var keys []string
	for _, p := range a.ByBenchmark[qs] {
		keys = append(keys, p.Key)
	}
	if got, want := strings.Join(keys, " "), "大气污染防治法#118.1 大气污染防治法#118.2 大气污染防治法#119.1 大气污染防治法#119.2"; got != want {
		t.Errorf("ByBenchmark[qs/dq] = %s, want %s", got, want)
	}
	if vi := a.Violations[&qs.Violations[0]]; !vi.Known || vi.Source != "《大气污染防治法》第一百一十九条第二款" || len(vi.Provisions) != 1 || vi.Provisions[0] != p {
		t.Errorf("Violations[qs/dq#0] = %+v", vi)
	}
}

// A violation whose penalty_basis lists two articles and two laws is
// filed under each; a law missing from the registry would be a link
// error, so every provision has its Law.
func TestProvisionsOfSeveralArticles(t *testing.T) {
	fsys := site()
	fsys["units/qs/benchmarks/b.toml"] = &fstest.MapFile{Data: []byte(benchmark(
		"[[violations]]\nname = \"违法行为\"\npenalty_basis = [{law = \"daqi\", article = \"第一百一十八条、第一百一十九条第一款\"}, {law = \"xzcf\", article = \"第二十八条之一\"}]\n" +
			tier("一般", "处五百元以上一千元以下的罚款")))}
	a, d, _ := analyze(t, fsys)
	if len(d) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", format(d))
	}
	var got []string
	for _, p := range a.Provisions {
		got = append(got, p.Key+" "+p.Slug()+" "+p.ShortTitle())
	}
	want := "大气污染防治法#118 daqi-118 《大气污染防治法》第一百一十八条\n" +
		"大气污染防治法#119.1 daqi-119-1 《大气污染防治法》第一百一十九条第一款\n" +
		"行政处罚法#28之1 xzcf-28z1 《行政处罚法》第二十八条之一"
	if strings.Join(got, "\n") != want {
		t.Errorf("provisions:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
