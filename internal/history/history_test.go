package history_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sunlight/internal/history"
)

const lawV1 = `title = "中华人民共和国行政处罚法"
short = "行政处罚法"
level = "法律"
effective = 2021-07-15
`

const unitV1 = `name = "示范县青石镇人民政府"
short = "青石镇"
type = "乡镇人民政府"
division_code = "990101"
published = 2023-03-01
reviewed = 2023-03-01
`

const cfV1 = `+++
code = "990101-CF-001"
name = "对违法建设行为的行政处罚"
category = "行政处罚"
office = "综合行政执法办公室"
published = 2023-03-01
reviewed = 2023-03-01
flow = "chufa"
benchmark = "weijian"

[time_limit]
statutory_days = 90
promised_days = 10

[[basis]]
law = "xingzheng-chufa-fa"
article = "第二十二条"
role = "实施依据"

[[risks]]
step = "调查取证"
description = "选择性执法、随意取证"
level = "中"
measures = ["两人以上执法", "全过程记录"]
owner = "执法岗"
+++

## 办理须知

依法查处违法建设行为。
`

const xkV1 = `+++
code = "990101-XK-002"
name = "乡村建设规划许可"
category = "行政许可"
office = "规划建设办公室"
published = 2023-03-01
reviewed = 2023-03-01
materials = ["申请表", "身份证复印件", "建设工程设计方案", "村民委员会意见"]

[time_limit]
statutory_days = 20
promised_days = 15
+++

向规划建设办公室提出申请。
`

const qtV1 = `+++
code = "990101-QT-003"
name = "农村宅基地使用情况核查"
category = "其他行政权力"
office = "规划建设办公室"
published = 2023-03-01
reviewed = 2023-03-01
+++
`

const flowV1 = `name = "行政处罚一般程序"
category = "行政处罚"

[[steps]]
id = "lian"
name = "立案"
post = "执法岗"
days = 7
next = ["diaocha"]

[[steps]]
id = "diaocha"
name = "调查取证"
post = "执法岗"
next = ["jueding"]

[[steps]]
id = "jueding"
name = "决定"
post = "负责人"
`

const benchV1 = `title = "违法建设行政处罚裁量基准"
issuer = "示范县青石镇人民政府"
effective = 2023-03-01
published = 2023-03-01
reviewed = 2023-03-01

[[violations]]
name = "未取得乡村建设规划许可证进行建设"
penalty_basis = [{law = "xingzheng-chufa-fa", article = "第二十八条"}]

[[violations.tiers]]
label = "情节轻微"
conditions = ["及时改正", "面积10平方米以下"]
standard = "处五千元以上一万元以下罚款"

[[violations.tiers]]
label = "情节一般"
conditions = ["面积10至50平方米"]
standard = "处一万元以上三万元以下罚款"

[[violations.tiers]]
label = "情节严重"
conditions = ["面积50平方米以上"]
standard = "处三万元以上十万元以下罚款"
`

const risks2023 = `year = 2023
title = "青石镇2023年度廉政风险防控目录"
published = 2023-03-01
reviewed = 2023-03-01

[[items]]
object_type = "关键岗位"
object = "执法岗"
risk = "选择性执法"
level = "高"
measures = ["执法全过程记录", "案件集体讨论"]
owner = "综合行政执法办公室"

[[items]]
object_type = "重点领域"
object = "工程建设"
risk = "插手工程招投标"
level = "中"
measures = ["领导干部插手工程建设登记报告"]

[[items]]
object_type = "关键岗位"
object = "财务岗"
risk = "违规报销"
level = "中"
measures = ["报销双人审核"]
`

const risks2024 = `year = 2024
title = "青石镇2024年度廉政风险防控目录"
published = 2024-04-02
reviewed = 2024-04-02

[[items]]
object_type = "关键岗位"
object = "执法岗"
risk = "选择性执法"
level = "中"
measures = ["执法全过程记录", "案件集体讨论"]
owner = "综合行政执法办公室"

[[items]]
object_type = "重点领域"
object = "工程建设"
risk = "插手工程招投标"
level = "高"
measures = ["领导干部插手工程建设登记报告", "重大项目纪检监督"]

[[items]]
object_type = "关键岗位"
object = "窗口岗"
risk = "吃拿卡要"
level = "低"
measures = ["服务评价", "窗口视频监控"]
`

const (
	cf   = "content/units/qingshi/powers/CF-001.md"
	xk   = "content/units/qingshi/powers/XK-002.md"
	xk2  = "content/units/qingshi/powers/XK-002-cunzhen.md"
	qt   = "content/units/qingshi/powers/QT-003.md"
	flow = "content/units/qingshi/flows/chufa.toml"
	bm   = "content/units/qingshi/benchmarks/weijian.toml"
)

// buildDemo makes a repository with three years of history: a first
// publication, an annual adjustment on the main line, a branch merged
// with --no-ff, a rename, a cancellation, a deletion and a format-only
// commit. Content lives in content/; README.md outside it is ignored.
func buildDemo(t *testing.T) *testRepo {
	r := newRepo(t)
	r.write("README.md", "demo\n")
	r.write("content/laws/xingzheng-chufa-fa.toml", lawV1)
	r.write("content/units/qingshi/unit.toml", unitV1)
	r.write(cf, cfV1)
	r.write(xk, xkV1)
	r.write(qt, qtV1)
	r.write(flow, flowV1)
	r.write(bm, benchV1)
	r.write("content/units/qingshi/risks/2023.toml", risks2023)
	r.commit("2023-03-01T09:00:00+08:00", "2023年度权责清单发布")

	r.edit(cf, `level = "中"`, `level = "高"`)
	r.edit(cf, `"全过程记录"]`, `"全过程记录", "法制审核前置"]`)
	r.edit(cf, "promised_days = 10", "promised_days = 7")
	r.edit(cf, "reviewed = 2023-03-01", "reviewed = 2024-03-05")
	r.edit(cf, "[[risks]]", "[[basis]]\nlaw = \"xingzheng-chufa-fa\"\narticle = \"第三十四条\"\nrole = \"处罚依据\"\n\n[[risks]]")
	r.edit(flow, "days = 7", "days = 5")
	r.edit(flow, `next = ["jueding"]`, "next = [\"shenhe\"]\n\n[[steps]]\nid = \"shenhe\"\nname = \"法制审核\"\npost = \"法制审核员\"\nnext = [{to = \"jueding\", label = \"通过\"}]")
	r.commit("2024-03-05T10:00:00+08:00", "2024年度调整: 提高行政处罚风险等级")

	r.git("", "checkout", "-q", "-b", "annual-2024")
	r.edit(bm, "三万元以下", "五万元以下")
	r.edit(bm, `["面积50平方米以上"]`, `["面积50平方米以上", "拒不改正"]`)
	r.edit(bm, "reviewed = 2023-03-01", "reviewed = 2024-04-01")
	r.commit("2024-04-01T11:00:00+08:00", "修订违建裁量基准")
	r.write("content/units/qingshi/risks/2024.toml", risks2024)
	r.commit("2024-04-02T11:00:00+08:00", "新增2024年度风险目录")

	r.git("", "checkout", "-q", "main")
	r.git("", "mv", xk, xk2)
	r.edit(xk2, `"身份证复印件"`, `"土地权属证明"`)
	// Committed a day after it was written: the author date counts.
	r.commit("2024-04-03T15:00:00+08:00|2024-04-04T09:00:00+08:00", "乡村建设规划许可: 调整申请材料")
	r.git("2024-04-10T16:00:00+08:00", "merge", "-q", "--no-ff", "-m", "合并2024年度调整", "annual-2024")
	r.write("README.md", "demo portal\n")
	r.commit("2024-06-01T09:00:00+08:00", "更新说明")

	r.edit(xk2, "reviewed = 2023-03-01", "reviewed = 2023-03-01\nstatus = \"取消\"")
	r.git("", "rm", "-q", qt)
	r.commit("2025-02-01T09:30:00+08:00", "取消乡村建设规划许可, 删除宅基地核查事项")

	r.edit(cf, "flow = \"chufa\"", "# 2025年复核: 无变化\nflow = \"chufa\"")
	r.commit("2025-03-01T09:00:00+08:00", "格式调整")
	return r
}

// dump renders a history for exact comparison.
func dump(h *history.History) string {
	var b strings.Builder
	version := func(v *history.Version) {
		fmt.Fprintf(&b, "  %s %s\n", v.Date.Format("2006-01-02T15:04:05-07:00"), v.Subject)
		for _, m := range v.Merged {
			fmt.Fprintf(&b, "    merged: %s\n", m)
		}
		if v.Baseline != "" {
			fmt.Fprintf(&b, "    baseline: %s\n", v.Baseline)
		}
		for _, c := range v.Changes {
			fmt.Fprintf(&b, "    [%s %s] %s\n", c.Kind, c.Topic, c.Text)
		}
	}
	paths := make([]string, 0, len(h.Files))
	for p := range h.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fh := h.Files[p]
		fmt.Fprintf(&b, "%s\n", p)
		for i := range fh.Versions {
			version(&fh.Versions[i])
		}
	}
	for _, fh := range h.Removed {
		fmt.Fprintf(&b, "removed %s\n", fh.Path)
		version(fh.Removed)
		for i := range fh.Versions {
			version(&fh.Versions[i])
		}
	}
	return b.String()
}

const wantDemo = `laws/xingzheng-chufa-fa.toml
  2023-03-01T09:00:00+08:00 2023年度权责清单发布
    [added item-added] 新增法规: 行政处罚法
units/qingshi/benchmarks/weijian.toml
  2024-04-10T16:00:00+08:00 合并2024年度调整
    merged: 修订违建裁量基准
    [changed benchmark-revised] 裁量阶次 2(情节一般)裁量标准: 处一万元以上三万元以下罚款 → 处一万元以上五万元以下罚款
    [changed benchmark-revised] 裁量阶次 2(情节一般)罚款上限: 3万元 → 5万元
    [added benchmark-revised] 裁量阶次 3(情节严重)新增适用条件: 拒不改正
    [changed reviewed] 审核日期: 2023-03-01 → 2024-04-01
  2023-03-01T09:00:00+08:00 2023年度权责清单发布
    [added item-added] 新增裁量基准: 违法建设行政处罚裁量基准
units/qingshi/flows/chufa.toml
  2024-03-05T10:00:00+08:00 2024年度调整: 提高行政处罚风险等级
    [changed other] 步骤「立案」时限: 7个工作日 → 5个工作日
    [added other] 新增步骤: 法制审核
    [added other] 新增连线: 调查取证 → 法制审核
    [added other] 新增连线: 法制审核 → 决定(通过)
    [removed other] 删除连线: 调查取证 → 决定
  2023-03-01T09:00:00+08:00 2023年度权责清单发布
    [added item-added] 新增流程图: 行政处罚一般程序
units/qingshi/powers/CF-001.md
  2025-03-01T09:00:00+08:00 格式调整
    [changed other] 公开内容未变(仅调整格式或注释)
  2024-03-05T10:00:00+08:00 2024年度调整: 提高行政处罚风险等级
    [added other] 新增法律依据: 行政处罚法第三十四条(处罚依据)
    [changed other] 办理时限(承诺): 10 → 7 个工作日
    [changed risk-raised] 风险点「选择性执法、随意取证」风险等级: 中 → 高
    [added measure-added] 风险点「选择性执法、随意取证」新增防控措施: 法制审核前置
    [changed reviewed] 审核日期: 2023-03-01 → 2024-03-05
  2023-03-01T09:00:00+08:00 2023年度权责清单发布
    [added item-added] 新增权力事项: 对违法建设行为的行政处罚
units/qingshi/powers/XK-002-cunzhen.md
  2025-02-01T09:30:00+08:00 取消乡村建设规划许可, 删除宅基地核查事项
    [changed item-cancelled] 状态: 现行 → 取消
  2024-04-03T15:00:00+08:00 乡村建设规划许可: 调整申请材料
    [changed other] 文件: units/qingshi/powers/XK-002.md → units/qingshi/powers/XK-002-cunzhen.md
    [added other] 新增申请材料: 土地权属证明
    [removed other] 删除申请材料: 身份证复印件
  2023-03-01T09:00:00+08:00 2023年度权责清单发布
    [added item-added] 新增权力事项: 乡村建设规划许可
units/qingshi/risks/2023.toml
  2023-03-01T09:00:00+08:00 2023年度权责清单发布
    [added item-added] 新增廉政风险防控目录: 青石镇2023年度廉政风险防控目录
units/qingshi/risks/2024.toml
  2024-04-10T16:00:00+08:00 合并2024年度调整
    merged: 新增2024年度风险目录
    baseline: units/qingshi/risks/2023.toml
    [added item-added] 新增廉政风险防控目录: 青石镇2024年度廉政风险防控目录(与 青石镇2023年度廉政风险防控目录 比较)
    [changed risk-lowered] 风险点「选择性执法」(执法岗)风险等级: 高 → 中
    [changed risk-raised] 风险点「插手工程招投标」(工程建设)风险等级: 中 → 高
    [added measure-added] 风险点「插手工程招投标」(工程建设)新增防控措施: 重大项目纪检监督
    [added risk-added] 新增风险点: 吃拿卡要(窗口岗,风险等级 低)
    [removed risk-removed] 删除风险点: 违规报销(财务岗,风险等级 中)
units/qingshi/unit.toml
  2023-03-01T09:00:00+08:00 2023年度权责清单发布
    [added item-added] 新增单位: 示范县青石镇人民政府
removed units/qingshi/powers/QT-003.md
  2025-02-01T09:30:00+08:00 取消乡村建设规划许可, 删除宅基地核查事项
    [removed item-removed] 删除权力事项: 农村宅基地使用情况核查
  2023-03-01T09:00:00+08:00 2023年度权责清单发布
    [added item-added] 新增权力事项: 农村宅基地使用情况核查
`

func TestReadDemo(t *testing.T) {
	t.Parallel()
	r := buildDemo(t)
	h, err := history.Read(context.Background(), filepath.Join(r.dir, "content"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !h.Available || h.Reason != "" || h.Shallow {
		t.Fatalf("Available, Reason, Shallow = %v, %q, %v; want true, \"\", false", h.Available, h.Reason, h.Shallow)
	}
	if want := r.git("", "rev-parse", "HEAD"); h.Head != want {
		t.Errorf("Head = %s, want %s", h.Head, want)
	}
	if got := dump(h); got != wantDemo {
		t.Errorf("history mismatch\n--- got\n%s\n--- want\n%s", got, wantDemo)
	}
}

func TestAnnualCycle(t *testing.T) {
	t.Parallel()
	r := buildDemo(t)
	h, err := history.Read(context.Background(), filepath.Join(r.dir, "content"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	year := func(unit string, y int) string {
		var b strings.Builder
		for _, c := range h.Year(unit, y) {
			fmt.Fprintf(&b, "%s %s「%s」[%s] %s\n", c.Version.Date.Format("01-02"), c.Path, c.Title, c.Change.Topic, c.Change.Text)
		}
		return b.String()
	}
	want2025 := `02-01 units/qingshi/powers/QT-003.md「农村宅基地使用情况核查」[item-removed] 删除权力事项: 农村宅基地使用情况核查
02-01 units/qingshi/powers/XK-002-cunzhen.md「乡村建设规划许可」[item-cancelled] 状态: 现行 → 取消
03-01 units/qingshi/powers/CF-001.md「对违法建设行为的行政处罚」[other] 公开内容未变(仅调整格式或注释)
`
	if got := year("qingshi", 2025); got != want2025 {
		t.Errorf("Year(qingshi, 2025) =\n%s\nwant\n%s", got, want2025)
	}
	got2024 := year("qingshi", 2024)
	for _, line := range []string{
		"03-05 units/qingshi/flows/chufa.toml「行政处罚一般程序」[other] 新增步骤: 法制审核\n" +
			"03-05 units/qingshi/flows/chufa.toml「行政处罚一般程序」[other] 新增连线: 调查取证 → 法制审核\n",
		"03-05 units/qingshi/powers/CF-001.md「对违法建设行为的行政处罚」[risk-raised] 风险点「选择性执法、随意取证」风险等级: 中 → 高\n",
		"04-10 units/qingshi/risks/2024.toml「青石镇2024年度廉政风险防控目录」[risk-lowered] 风险点「选择性执法」(执法岗)风险等级: 高 → 中\n",
	} {
		if !strings.Contains(got2024, line) {
			t.Errorf("Year(qingshi, 2024) lacks %q; got\n%s", line, got2024)
		}
	}
	if n := strings.Count(got2024, "\n"); n != 23 {
		t.Errorf("Year(qingshi, 2024) has %d changes, want 23:\n%s", n, got2024)
	}
	if got := year("other", 2024); got != "" {
		t.Errorf("Year(other, 2024) = %q, want none", got)
	}
	if got := year("", 2023); strings.Count(got, "\n") != 8 || !strings.Contains(got, "laws/xingzheng-chufa-fa.toml") {
		t.Errorf("Year(\"\", 2023) = \n%s\nwant 8 additions including the law", got)
	}

	for _, tc := range []struct {
		year int
		want []string
	}{
		{2022, nil},
		{2023, nil},
		{2024, nil},
		{2025, []string{"units/qingshi/benchmarks/weijian.toml", "units/qingshi/flows/chufa.toml"}},
		// XK-002 was cancelled in 2025: not expected to be reviewed in 2026.
		{2026, []string{"units/qingshi/benchmarks/weijian.toml", "units/qingshi/flows/chufa.toml", "units/qingshi/powers/CF-001.md"}},
	} {
		if got := h.Untouched("qingshi", tc.year); strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("Untouched(qingshi, %d) = %q, want %q", tc.year, got, tc.want)
		}
	}

	entries := h.Entries()
	if len(entries) != 16 {
		t.Fatalf("Entries() has %d entries, want 16", len(entries))
	}
	first, last := entries[0], entries[len(entries)-1]
	if first.Path != "units/qingshi/powers/CF-001.md" || first.Version.Subject != "格式调整" {
		t.Errorf("Entries()[0] = %s %s, want the format commit of CF-001", first.Path, first.Version.Subject)
	}
	if last.Path != "units/qingshi/unit.toml" || last.Version.Subject != "2023年度权责清单发布" {
		t.Errorf("last entry = %s %s, want the first commit of unit.toml", last.Path, last.Version.Subject)
	}
	removed := 0
	for _, e := range entries {
		if e.Removed {
			removed++
			if e.Path != "units/qingshi/powers/QT-003.md" || e.Version.Date.Format("2006-01-02") != "2025-02-01" {
				t.Errorf("removal entry %s %s", e.Path, e.Version.Date)
			}
		}
	}
	if removed != 1 {
		t.Errorf("Entries() has %d removals, want 1", removed)
	}
}

func TestVersionDetails(t *testing.T) {
	t.Parallel()
	r := buildDemo(t)
	h, err := history.Read(context.Background(), filepath.Join(r.dir, "content"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fh := h.Files["units/qingshi/powers/XK-002-cunzhen.md"]
	if fh == nil {
		t.Fatal("no history for XK-002-cunzhen.md")
	}
	paths := []string{}
	for _, v := range fh.Versions {
		paths = append(paths, v.Path)
		if v.Short != v.Commit[:7] || len(v.Commit) != 40 {
			t.Errorf("Commit, Short = %q, %q", v.Commit, v.Short)
		}
		if want := r.git("", "rev-parse", v.Commit+":content/"+v.Path); v.Blob != want {
			t.Errorf("%s Blob = %s, want %s", v.Short, v.Blob, want)
		}
		if v.Entity == nil || len(v.Problems) != 0 {
			t.Errorf("%s: Entity %v, Problems %v", v.Short, v.Entity, v.Problems)
		}
	}
	if want := "units/qingshi/powers/XK-002-cunzhen.md,units/qingshi/powers/XK-002-cunzhen.md,units/qingshi/powers/XK-002.md"; strings.Join(paths, ",") != want {
		t.Errorf("version paths = %s, want %s", strings.Join(paths, ","), want)
	}
	if got := fh.Versions[2].Title(); got != "乡村建设规划许可" {
		t.Errorf("oldest Title() = %q", got)
	}
	data, err := os.ReadFile(filepath.Join(r.dir, "content", "units/qingshi/powers/XK-002-cunzhen.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !fh.Committed(data) {
		t.Error("Committed(work tree file) = false, want true")
	}
	if fh.Committed(append(data, '\n')) {
		t.Error("Committed(edited file) = true, want false")
	}
	// Reading an older revision.
	old := r.git("", "rev-parse", "HEAD~2")
	h2, err := history.Read(context.Background(), filepath.Join(r.dir, "content"), history.Options{Rev: old})
	if err != nil {
		t.Fatal(err)
	}
	if h2.Head != old || h2.Files["units/qingshi/powers/QT-003.md"] == nil || len(h2.Removed) != 0 {
		t.Errorf("Read(Rev: HEAD~2): Head %s, QT-003 present %v, %d removed", h2.Head, h2.Files["units/qingshi/powers/QT-003.md"] != nil, len(h2.Removed))
	}
	// Reading from a sub-folder of the content reads just that part.
	h3, err := history.Read(context.Background(), filepath.Join(r.dir, "content", "units", "qingshi", "risks"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h3.Files) != 2 || h3.Files["2024.toml"] == nil || h3.Files["2024.toml"].Versions[0].Baseline != "" {
		t.Errorf("Read(risks folder): files %v", keys(h3.Files))
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestUnavailable(t *testing.T) {
	t.Parallel()
	requireGit(t)
	plain := t.TempDir()
	unborn := newRepo(t)
	unborn.write("content/site.toml", "title = \"x\"\n")
	cases := []struct {
		name, dir string
		opt       history.Options
		reason    string
	}{
		{"plain folder", plain, history.Options{}, "内容目录不在 git 仓库中"},
		{"no git", plain, history.Options{Git: filepath.Join(plain, "no-such-git")}, "找不到 git 命令,无法读取修订历史"},
		{"no commit", filepath.Join(unborn.dir, "content"), history.Options{}, "仓库中还没有任何提交,没有修订历史"},
		{"unknown revision", filepath.Join(unborn.dir, "content"), history.Options{Rev: "v9"}, "仓库中找不到版本 v9"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, err := history.Read(context.Background(), tc.dir, tc.opt)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if h.Available || !strings.HasPrefix(h.Reason, tc.reason) || len(h.Files) != 0 || h.Files == nil {
				t.Errorf("Read = Available %v, Reason %q, %d files; want false, %q…", h.Available, h.Reason, len(h.Files), tc.reason)
			}
		})
	}
	if _, err := history.Read(context.Background(), filepath.Join(plain, "missing"), history.Options{}); err == nil {
		t.Error("Read(missing folder) succeeded, want an error")
	}
}

func TestShallowClone(t *testing.T) {
	t.Parallel()
	r := buildDemo(t)
	clone := newRepo(t)
	clone.git("", "clone", "-q", "--depth", "1", "file://"+r.dir, "c")
	h, err := history.Read(context.Background(), filepath.Join(clone.dir, "c", "content"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !h.Available || !h.Shallow || h.Reason == "" {
		t.Errorf("Available, Shallow, Reason = %v, %v, %q; want true, true, a warning", h.Available, h.Shallow, h.Reason)
	}
	if fh := h.Files["units/qingshi/powers/CF-001.md"]; fh == nil || len(fh.Versions) != 1 {
		t.Errorf("CF-001 in a depth-1 clone: %+v, want one version", fh)
	}
}

// TestEdgeCases covers a version that cannot be read, a rename without
// change, a mode change, a file deleted and added again, a non-ASCII file
// name and a commit outside the content.
func TestEdgeCases(t *testing.T) {
	t.Parallel()
	r := newRepo(t)
	const a = "content/units/u/powers/甲.md"
	const b = "content/units/u/powers/乙.md"
	r.write(a, qtV1)
	r.commit("2024-01-02T08:00:00+08:00", "一")
	r.edit(a, `office = "规划建设办公室"`, `office = "规划建设办公室`)
	r.commit("2024-01-03T08:00:00+08:00", "二: 写错了")
	r.edit(a, `office = "规划建设办公室`, `office = "自然资源所"`)
	r.commit("2024-01-04T08:00:00+08:00", "三: 改正")
	r.git("", "mv", a, b)
	r.commit("2024-01-05T08:00:00+08:00", "四: 改名")
	if err := os.Chmod(filepath.Join(r.dir, filepath.FromSlash(b)), 0o755); err != nil {
		t.Fatal(err)
	}
	r.commit("2024-01-06T08:00:00+08:00", "五: 只改权限")
	r.git("", "rm", "-q", b)
	r.commit("2024-01-07T08:00:00+08:00", "六: 删除")
	r.write(b, qtV1)
	r.commit("2024-01-08T08:00:00+08:00", "七: 恢复")
	h, err := history.Read(context.Background(), filepath.Join(r.dir, "content"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `units/u/powers/乙.md
  2024-01-08T08:00:00+08:00 七: 恢复
    [added item-added] 新增权力事项: 农村宅基地使用情况核查
removed units/u/powers/乙.md
  2024-01-07T08:00:00+08:00 六: 删除
    [removed item-removed] 删除权力事项: 农村宅基地使用情况核查
  2024-01-05T08:00:00+08:00 四: 改名
    [changed other] 文件: units/u/powers/甲.md → units/u/powers/乙.md
  2024-01-04T08:00:00+08:00 三: 改正
    [changed other] 承办机构: 规划建设办公室 → 自然资源所
  2024-01-03T08:00:00+08:00 二: 写错了
    [changed other] 此版本内容有错误,无法逐项比较
  2024-01-02T08:00:00+08:00 一
    [added item-added] 新增权力事项: 农村宅基地使用情况核查
`
	if got := dump(h); got != want {
		t.Errorf("history mismatch\n--- got\n%s\n--- want\n%s", got, want)
	}
	broken := h.Removed[0].Versions[2]
	if broken.Entity != nil || !broken.Problems.HasErrors() {
		t.Errorf("broken version: Entity %v, Problems %v", broken.Entity, broken.Problems)
	}
}

// TestUserConfig reads the demo with a global git configuration that
// changes what git log prints by default; the result must not change.
// It sets GIT_CONFIG_GLOBAL, so it does not run in parallel.
func TestUserConfig(t *testing.T) {
	r := buildDemo(t)
	cfg := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(cfg, []byte(`[log]
	follow = true
	showRoot = false
	showSignature = true
	decorate = full
	date = relative
	abbrevCommit = true
[diff]
	relative = true
	renames = false
	noprefix = true
[core]
	abbrev = 12
[color]
	ui = always
[i18n]
	logOutputEncoding = GBK
[format]
	pretty = oneline
`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", cfg)
	h, err := history.Read(context.Background(), filepath.Join(r.dir, "content"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := dump(h); got != wantDemo {
		t.Errorf("history mismatch\n--- got\n%s\n--- want\n%s", got, wantDemo)
	}
}
