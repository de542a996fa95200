package load_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"sunlight/internal/link"
	"sunlight/internal/load"
)

// base is a small valid site; each case changes or adds files.
func base() fstest.MapFS {
	return fstest.MapFS{
		"site.toml": {Data: []byte(`title = "示范县廉政风险防控公开平台"
region = "示范县"
organiser = "中共示范县纪律检查委员会"
site_code = "9999000001"
base_url = "https://lzfk.example.gov.cn/"
year = 2025
`)},
		"laws/xingzheng-chufa-fa.toml": {Data: []byte(`title = "中华人民共和国行政处罚法"
level = "法律"
effective = 2021-07-15
[[articles]]
number = "第三十四条"
text = "行政处罚裁量基准应当向社会公布。"
`)},
		"units/qingshi/unit.toml": {Data: []byte(`name = "示范县青石镇人民政府"
type = "乡镇人民政府"
division_code = "990101"
published = 2024-01-05
reviewed = 2025-03-01
`)},
		"units/qingshi/flows/cf.toml": {Data: []byte(`name = "行政处罚普通程序"
[[steps]]
id = "lian"
name = "立案"
next = ["jueding"]
[[steps]]
id = "jueding"
name = "决定"
`)},
		"units/qingshi/powers/cf-001.md": {Data: []byte(power(""))},
	}
}

func power(extra string) string {
	return `+++
code = "CF-001"
name = "对擅自修建临时建筑物的处罚"
category = "行政处罚"
office = "综合行政执法办公室"
flow = "cf"
published = 2024-01-05
reviewed = 2025-03-01
` + extra + `[[basis]]
law = "xingzheng-chufa-fa"
article = "第三十四条"
+++
正文
`
}

func TestValidSiteHasNoDiagnostics(t *testing.T) {
	fsys := base()
	s, diags := load.Load(fsys)
	diags.Add(link.Link(s, load.NewLocator(fsys))...)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%v", diags)
	}
	if len(s.Units) != 1 || len(s.Units[0].Powers) != 1 || s.Units[0].Powers[0].FlowRef == nil {
		t.Fatalf("site not linked: %+v", s.Units)
	}
}

func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // path → content; "" deletes
		want  string
	}{
		{
			name:  "unknown key with suggestion",
			files: map[string]string{"units/qingshi/powers/cf-001.md": power("nmae = \"x\"\n")},
			want: `units/qingshi/powers/cf-001.md:9:1: error: 未知的键 "nmae"
    hint: 是否想写 "name"?可用的键: code, name, sub_name, category, subject, office, level, mode, status, service_object, basis, time_limit, fee, flow, benchmark, responsibilities, accountabilities, risks, materials, conditions, published, reviewed, effective`,
		},
		{
			name:  "unknown nested key",
			files: map[string]string{"units/qingshi/flows/cf.toml": "name = \"流程\"\n[[steps]]\nid = \"a\"\nname = \"甲\"\n[[steps]]\nid = \"b\"\nname = \"乙\"\npots = \"科员\"\n"},
			want: `units/qingshi/flows/cf.toml:8:1: error: 未知的键 "pots"
    hint: 是否想写 "post"?可用的键: id, name, kind, post, days, day_unit, time_note, basis, next, risks`,
		},
		{
			name:  "wrong category",
			files: map[string]string{"units/qingshi/powers/cf-001.md": strings.Replace(power(""), `"行政处罚"`, `"行政处法"`, 1)},
			want: `units/qingshi/powers/cf-001.md:4:1: error: 事项类型 "行政处法" 不是有效的取值
    hint: 是否想写 "行政处罚"?可选值: 行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力、公共服务`,
		},
		{
			name:  "wrong risk level",
			files: map[string]string{"units/qingshi/powers/cf-001.md": power("[[risks]]\ndescription = \"x\"\nlevel = \"很高\"\nmeasures = [\"m\"]\n")},
			want: `units/qingshi/powers/cf-001.md:11:1: error: 风险等级 "很高" 无法识别
    hint: 风险等级写 高、中、低(也接受 一级/二级/三级 和 ★★★/★★/★)`,
		},
		{
			name:  "missing required field",
			files: map[string]string{"units/qingshi/powers/cf-001.md": strings.Replace(power(""), "office = \"综合行政执法办公室\"\n", "", 1)},
			want: `units/qingshi/powers/cf-001.md:2:1: error: 缺少必填项 office(承办机构)
    hint: 请填写 office,例如 "综合行政执法办公室"`,
		},
		{
			name:  "empty required field",
			files: map[string]string{"units/qingshi/powers/cf-001.md": strings.Replace(power(""), `name = "对擅自修建临时建筑物的处罚"`, `name = "  "`, 1)},
			want: `units/qingshi/powers/cf-001.md:3:1: error: 事项名称(name)不能为空
    hint: 请填写 name`,
		},
		{
			name:  "invalid date string",
			files: map[string]string{"units/qingshi/unit.toml": "name = \"青石镇\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990101\"\npublished = \"2024-02-30\"\nreviewed = 2025-03-01\n"},
			want: `units/qingshi/unit.toml:4:1: error: 发布日期 2024-02-30 不是有效的日期
    hint: 日期写成 2025-03-01 或 "2025年3月1日",并且必须是真实存在的日期`,
		},
		{
			name:  "invalid date literal is a syntax error",
			files: map[string]string{"units/qingshi/unit.toml": "name = \"青石镇\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990101\"\npublished = 2024-13-01\nreviewed = 2025-03-01\n"},
			want:  "units/qingshi/unit.toml:4:13: error: TOML 格式错误:",
		},
		{
			name:  "dangling flow",
			files: map[string]string{"units/qingshi/powers/cf-001.md": strings.Replace(power(""), `flow = "cf"`, `flow = "cff"`, 1)},
			want: `units/qingshi/powers/cf-001.md:6:1: error: 流程 "cff" 不存在
    hint: 是否想写 "cf"?本单位的流程: cf;引用其他单位的流程写成 "单位/流程"`,
		},
		{
			name:  "dangling benchmark",
			files: map[string]string{"units/qingshi/powers/cf-001.md": power("benchmark = \"wz\"\n")},
			want: `units/qingshi/powers/cf-001.md:9:1: error: 裁量基准 "wz" 不存在
    hint: 本单位的裁量基准: (无);引用其他单位的基准写成 "单位/基准"`,
		},
		{
			name:  "unknown law",
			files: map[string]string{"units/qingshi/powers/cf-001.md": strings.Replace(power(""), `law = "xingzheng-chufa-fa"`, `law = "xingzheng-chufa"`, 1)},
			want: `units/qingshi/powers/cf-001.md:10:1: error: 法规 "xingzheng-chufa" 不在法规库中
    hint: 是否想写 "xingzheng-chufa-fa"?法规库中的编号: xingzheng-chufa-fa;新法规请先在 laws/ 中登记`,
		},
		{
			name:  "duplicate code",
			files: map[string]string{"units/qingshi/powers/cf-002.md": power("")},
			want: `units/qingshi/powers/cf-002.md:2:1: error: 事项编码 "CF-001" 重复
    hint: 事项编码在全站必须唯一;已在 units/qingshi/powers/cf-001.md 中使用`,
		},
		{
			name:  "edge to unknown step",
			files: map[string]string{"units/qingshi/flows/cf.toml": "name = \"流程\"\n[[steps]]\nid = \"lian\"\nname = \"立案\"\nnext = [\"juedign\"]\n[[steps]]\nid = \"jueding\"\nname = \"决定\"\n"},
			want: `units/qingshi/flows/cf.toml:5:9: error: 流程步骤 "lian" 指向不存在的步骤 "juedign"
    hint: 可用的步骤: lian, jueding; 是否想写 "jueding"?`,
		},
		{
			name:  "promised exceeds statutory",
			files: map[string]string{"units/qingshi/powers/cf-001.md": power("[time_limit]\nstatutory_days = 20\npromised_days = 30\n")},
			want: `units/qingshi/powers/cf-001.md:11:1: error: 承诺时限 30 天超过法定时限 20 天
    hint: 承诺时限应当不超过法定时限`,
		},
		{
			name:  "no front matter",
			files: map[string]string{"units/qingshi/powers/cf-001.md": "code = \"x\"\n"},
			want: `units/qingshi/powers/cf-001.md:1:1: error: 缺少 +++ 开头的 front matter
    hint: 文件第一行必须是 +++,后面是 TOML 格式的字段,再用一行 +++ 结束,然后才是正文`,
		},
		{
			name:  "unterminated front matter",
			files: map[string]string{"units/qingshi/powers/cf-001.md": "+++\ncode = \"x\"\n"},
			want: `units/qingshi/powers/cf-001.md:1:1: error: front matter 没有结束的 +++
    hint: 在字段结束处加一行 +++,把字段与正文分开`,
		},
		{
			name:  "toml syntax error in front matter keeps file line",
			files: map[string]string{"units/qingshi/powers/cf-001.md": "+++\ncode = \"x\"\nname = \"未闭合\n+++\n"},
			want:  "units/qingshi/powers/cf-001.md:3:",
		},
		{
			name:  "not utf-8",
			files: map[string]string{"units/qingshi/powers/cf-001.md": "+++\nname = \"\xc7\xe0\xca\xaf\"\n+++\n"},
			want: `units/qingshi/powers/cf-001.md:2:9: error: 文件不是 UTF-8 编码(看起来是 GBK/GB18030,常见于 Windows 记事本或 Excel 另存)
    hint: 请用 UTF-8 编码另存此文件,例如在记事本中"另存为"时选择 UTF-8`,
		},
		{
			name:  "empty file",
			files: map[string]string{"laws/empty.toml": " \n"},
			want: `laws/empty.toml:1:1: error: 文件是空的
    hint: 填写内容,或删除这个空文件`,
		},
		{
			name:  "missing unit.toml",
			files: map[string]string{"units/baisha/powers/a.md": strings.Replace(power(""), "CF-001", "CF-009", 1)},
			want: `units/baisha/unit.toml:1:1: error: 单位目录 units/baisha 缺少 unit.toml
    hint: 每个单位目录都需要 unit.toml(单位名称、类型、行政区划代码等)`,
		},
		{
			name:  "bad law id",
			files: map[string]string{"laws/Xingzheng_Fa.toml": "title = \"法\"\nlevel = \"法律\"\neffective = 2020-01-01\n"},
			want: `laws/Xingzheng_Fa.toml:1:1: error: 法规编号 "Xingzheng_Fa" 不合法
    hint: 文件名(不含扩展名)会出现在网址中,只能用小写英文字母、数字和连字符,例如 xingzheng-chufa-fa`,
		},
		{
			name:  "bad code characters",
			files: map[string]string{"units/qingshi/powers/cf-001.md": strings.Replace(power(""), `"CF-001"`, `"CF/001"`, 1)},
			want: `units/qingshi/powers/cf-001.md:2:1: error: 事项编码 "CF/001" 含有不允许的字符
    hint: 编码会出现在网址中,只能包含字母、数字、汉字和 - _ .,不能有空格或斜杠`,
		},
		{
			name:  "type mismatch",
			files: map[string]string{"units/qingshi/powers/cf-001.md": power("[time_limit]\nstatutory_days = \"二十\"\n")},
			want: `units/qingshi/powers/cf-001.md:10:1: error: time_limit.statutory_days 的值类型不对:写的是文字,应当是整数
    hint: 值的类型不对:数字不要加引号,文字要加双引号,列表写成 ["甲", "乙"]`,
		},
		{
			name:  "risk catalogue year mismatch",
			files: map[string]string{"units/qingshi/risks/2025.toml": "year = 2024\npublished = 2025-01-01\nreviewed = 2025-01-01\n[[items]]\nobject_type = \"关键岗位\"\nobject = \"执法岗\"\nrisk = \"选择性执法\"\nlevel = \"高\"\nmeasures = [\"轮岗\"]\n"},
			want: `units/qingshi/risks/2025.toml:1:1: error: year = 2024 与文件名 2025 不一致
    hint: year 必须与文件名中的年份一致`,
		},
		{
			name:  "benchmark tier without conditions",
			files: map[string]string{"units/qingshi/benchmarks/wz.toml": "title = \"基准\"\nissuer = \"青石镇\"\neffective = 2024-01-01\npublished = 2024-01-01\nreviewed = 2025-01-01\n[[violations]]\nname = \"违法建设\"\npenalty_basis = [{law = \"xingzheng-chufa-fa\", article = \"第三十四条\"}]\n[[violations.tiers]]\nlabel = \"轻微\"\nstandard = \"警告\"\n"},
			want: `units/qingshi/benchmarks/wz.toml:9:1: error: 裁量阶次 "轻微" 缺少适用条件
    hint: 用 conditions = ["…"] 写出适用条件(裁量情节)`,
		},
		{
			name:  "mobile number in prose is blocked without echoing it",
			files: map[string]string{"units/qingshi/powers/cf-001.md": power("") + "联系人电话 13812345678\n"},
			want: `units/qingshi/powers/cf-001.md:14:7: error: 发现疑似手机号码 138****5678,公开内容不得包含个人信息
    hint: 删除这项个人信息,只写岗位;如果它是单位对外公开的联系方式,把它列入本文件的 pii_allow(或 site.toml 的 pii_allow)`,
		},
		{
			name:  "allow-listed official number passes",
			files: map[string]string{"units/qingshi/powers/cf-001.md": power("pii_allow = [\"138-1234-5678\"]\n") + "值班电话 13812345678\n"},
			want:  "",
		},
		{
			name:  "misplaced file is a warning",
			files: map[string]string{"units/qingshi/notes.txt": "x"},
			want:  "units/qingshi/notes.txt:1:1: warning: 文件不在约定的位置,已忽略",
		},
		{
			name:  "missing site.toml",
			files: map[string]string{"site.toml": ""},
			want: `site.toml:1:1: error: 缺少网站配置文件 site.toml
    hint: 在内容目录根部创建 site.toml,至少包含 title、region、organiser、site_code、base_url、year`,
		},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		if seen[tc.name] {
			t.Fatalf("duplicate case %q", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			fsys := base()
			for p, c := range tc.files {
				if c == "" {
					delete(fsys, p)
				} else {
					fsys[p] = &fstest.MapFile{Data: []byte(c)}
				}
			}
			s, diags := load.Load(fsys)
			diags.Add(link.Link(s, load.NewLocator(fsys))...)
			got := diags.Error()
			if tc.want == "" && got != "" || !strings.HasPrefix(got, tc.want) {
				t.Errorf("diagnostics:\n%s\nwant (prefix):\n%s", got, tc.want)
			}
		})
	}
}

func TestEveryProblemInEveryFileIsReported(t *testing.T) {
	fsys := base()
	fsys["units/qingshi/powers/cf-001.md"] = &fstest.MapFile{Data: []byte(strings.Replace(power("nmae = 1\n"), `"行政处罚"`, `"处罚"`, 1))}
	fsys["units/qingshi/unit.toml"] = &fstest.MapFile{Data: []byte("name = \"青石镇\"\ntype = \"镇\"\ndivision_code = \"99\"\npublished = 2024-01-05\nreviewed = 2025-03-01\n")}
	_, diags := load.Load(fsys)
	if n := diags.Count(0); n != 4 {
		t.Fatalf("got %d errors, want 4:\n%v", n, diags)
	}
	for i := 1; i < len(diags); i++ {
		a, b := diags[i-1].Pos, diags[i].Pos
		if a.File > b.File || a.File == b.File && a.Line > b.Line {
			t.Errorf("diagnostics not sorted: %v before %v", a, b)
		}
	}
}

func TestRiskLevelAliasesAreNormalised(t *testing.T) {
	for alias, want := range map[string]string{"一级": "高", "★★": "中", "三级": "低", "高": "高"} {
		fsys := base()
		fsys["units/qingshi/powers/cf-001.md"] = &fstest.MapFile{Data: []byte(power("[[risks]]\ndescription = \"x\"\nlevel = \"" + alias + "\"\nmeasures = [\"m\"]\n"))}
		s, diags := load.Load(fsys)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", alias, diags)
		}
		if got := s.Units[0].Powers[0].Risks[0].Level; got != want {
			t.Errorf("level %q normalised to %q, want %q", alias, got, want)
		}
	}
}

func TestBOMAndCRLFAreAccepted(t *testing.T) {
	fsys := base()
	fsys["units/qingshi/powers/cf-001.md"] = &fstest.MapFile{Data: []byte("\ufeff" + strings.ReplaceAll(power(""), "\n", "\r\n"))}
	s, diags := load.Load(fsys)
	if diags.HasErrors() {
		t.Fatalf("unexpected: %v", diags)
	}
	if p := s.Units[0].Powers[0]; p.Code != "CF-001" || !strings.Contains(p.Body, "正文") {
		t.Errorf("power = %q / %q", p.Code, p.Body)
	}
}
