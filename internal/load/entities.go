package load

import (
	"regexp"
	"strconv"
	"strings"

	"sunlight/internal/diag"
	"sunlight/internal/model"
	"sunlight/internal/suggest"
	"sunlight/internal/tomlfast"
)

func loadConfig(f file, src string, tf *tomlfast.Decoder, diags *diag.List) *model.Config {
	var c model.Config
	d, ok := decodeTOML(tf, f.path, 0, src, &c, diags)
	if !ok {
		return nil
	}
	c.Src = model.Source{File: f.path, Line: 1}
	d.required("title", c.Title, "网站名称", `"示范县廉政风险防控公开平台"`)
	d.required("region", c.Region, "地区", `"示范县"`)
	d.required("organiser", c.Organiser, "主办单位", `"中共示范县纪律检查委员会"`)
	d.required("site_code", c.SiteCode, "网站标识码", `"9999000001"`)
	if d.required("base_url", c.BaseURL, "网站地址", `"https://lzfk.example.gov.cn/"`) {
		if !strings.HasPrefix(c.BaseURL, "https://") && !strings.HasPrefix(c.BaseURL, "http://") {
			d.errorf("base_url", "写完整的地址,例如 \"https://lzfk.example.gov.cn/\" 或 \"https://www.example.gov.cn/lzfk/\"",
				"base_url 必须以 http:// 或 https:// 开头")
		}
	}
	if c.Year == 0 {
		d.required("year", "", "当前年度", "2025")
	} else if c.Year < 2000 || c.Year > 2100 {
		d.errorf("year", "写四位年份,例如 2025", "年度 %d 不合理", c.Year)
	}
	if c.SiteCode != "" && !regexp.MustCompile(`^[0-9A-Za-z]{10}$`).MatchString(c.SiteCode) {
		d.errorf("site_code", "网站标识码是 10 位数字或字母", "网站标识码 %q 格式不对", c.SiteCode)
	}
	for _, k := range []struct{ path, v string }{{"icp_url", c.ICPURL}, {"police_url", c.PoliceURL}, {"error_report_url", c.ErrorReportURL}, {"supervise_url", c.SuperviseURL}} {
		d.webURL(k.path, k.v)
	}
	if c.MinTiers == 0 {
		c.MinTiers = 3
	}
	return &c
}

func loadLaw(f file, src string, tf *tomlfast.Decoder, diags *diag.List) *model.Law {
	var l model.Law
	d, ok := decodeTOML(tf, f.path, 0, src, &l, diags)
	if !ok {
		return nil
	}
	l.ID, l.Src = f.id, model.Source{File: f.path, Line: 1}
	checkFileID(d, f, "法规")
	d.required("title", l.Title, "法规名称", `"中华人民共和国行政处罚法"`)
	if d.required("level", l.Level, "效力层级", `"法律"`) {
		d.enum("level", l.Level, "效力层级", model.LawLevels())
	}
	if l.Status == "" {
		l.Status = "现行"
	}
	d.enum("status", l.Status, "状态", model.LawStatuses())
	d.date("adopted", l.Adopted, "通过日期", false)
	d.date("effective", l.Effective, "施行日期", true)
	for i, r := range l.Revised {
		d.date(idx("revised", i), r, "修订日期", false)
	}
	seen := map[string]int{}
	for i, a := range l.Articles {
		p := idx("articles", i)
		if d.required(p+".number", a.Number, "条号", `"第三十四条"`) {
			if j, dup := seen[a.Number]; dup {
				d.errorf(p+".number", "第 "+strconv.Itoa(j+1)+" 个条目已经是这一条;合并或改正条号", "条号 %s 重复", a.Number)
			}
			seen[a.Number] = i
		}
		d.required(p+".text", a.Text, "条文", "")
	}
	return &l
}

func checkFileID(d *doc, f file, what string) {
	if !validID(f.id) {
		d.diags.Errorf(diag.Position{File: f.path, Line: 1, Col: 1},
			"文件名(不含扩展名)会出现在网址中,只能用小写英文字母、数字和连字符,例如 xingzheng-chufa-fa",
			"%s编号 %q 不合法", what, f.id)
	}
}

func loadUnit(f file, src string, tf *tomlfast.Decoder, diags *diag.List) *model.Unit {
	var u model.Unit
	d, ok := decodeTOML(tf, f.path, 0, src, &u, diags)
	if !ok {
		return nil
	}
	u.ID, u.Src = f.id, model.Source{File: f.path, Line: 1}
	if !validID(u.ID) {
		diags.Errorf(diag.Position{File: f.path, Line: 1, Col: 1},
			"单位目录名会出现在网址中,只能用小写英文字母、数字和连字符,例如 units/qingshi-zhen",
			"单位编号 %q 不合法", u.ID)
	}
	d.required("name", u.Name, "单位名称", `"示范县青石镇人民政府"`)
	if d.required("type", u.Type, "单位类型", `"乡镇人民政府"`) {
		d.enum("type", u.Type, "单位类型", model.UnitTypes())
	}
	if d.required("division_code", u.DivisionCode, "行政区划代码", `"990101"`) &&
		!regexp.MustCompile(`^[0-9]{6}$`).MatchString(u.DivisionCode) {
		d.errorf("division_code", "行政区划代码是 6 位数字(GB/T 2260)", "行政区划代码 %q 格式不对", u.DivisionCode)
	}
	if u.CreditCode != "" && !regexp.MustCompile(`^[0-9A-Z]{18}$`).MatchString(u.CreditCode) {
		d.errorf("credit_code", "统一社会信用代码是 18 位数字或大写字母", "统一社会信用代码 %q 格式不对", u.CreditCode)
	}
	d.webURL("complaint_url", u.ComplaintURL)
	d.reference("parent", u.Parent)
	for i, l := range u.Leaders {
		d.required(idx("leaders", i)+".title", l.Title, "职务", `"镇长"`)
	}
	d.date("published", u.Published, "发布日期", true)
	d.date("reviewed", u.Reviewed, "审核日期", true)
	return &u
}

func checkLegalRefs(d *doc, path string, refs []model.LegalRef, requireArticle bool) {
	for i, r := range refs {
		p := idx(path, i)
		d.required(p+".law", r.Law, "法规编号", `"xingzheng-chufa-fa"`)
		if r.Law != "" && !validID(r.Law) {
			d.errorf(p+".law", "法规编号是 laws/ 中的文件名(不含 .toml),只能用小写英文字母、数字和连字符", "法规编号 %q 格式不对", r.Law)
		}
		if requireArticle {
			d.required(p+".article", r.Article, "条款", `"第四十条"`)
		}
		d.enum(p+".role", r.Role, "依据类型", model.LegalRoles())
	}
}

func loadPower(f file, src string, tf *tomlfast.Decoder, diags *diag.List) *model.Power {
	front, body, ok := splitFrontMatter(f.path, src, diags)
	if !ok {
		return nil
	}
	var p model.Power
	d, ok := decodeTOML(tf, f.path, 1, front, &p, diags)
	if !ok {
		return nil
	}
	p.Body, p.Src = body, model.Source{File: f.path, Line: 2}
	if d.required("code", p.Code, "事项编码", `"990101-001-CF-003-00"`) && !ValidCode(p.Code) {
		d.errorf("code", "编码会出现在网址中,只能包含字母、数字、汉字和 - _ .,不能有空格或斜杠", "事项编码 %q 含有不允许的字符", p.Code)
	}
	d.required("name", p.Name, "事项名称", "")
	if d.required("category", p.Category, "事项类型", `"行政处罚"`) {
		if c, ok := model.CategoryByName(p.Category); ok {
			p.Category = c.Code
		} else {
			hint := "可选值: " + strings.Join(model.CategoryNames(), "、")
			if s := suggest.Closest(p.Category, model.CategoryNames()); s != "" {
				hint = "是否想写 \"" + s + "\"?" + hint
			}
			d.errorf("category", hint, "事项类型 %q 不是有效的取值", p.Category)
		}
	}
	d.required("office", p.Office, "承办机构", `"综合行政执法办公室"`)
	if p.Mode == "" {
		p.Mode = "法定"
	}
	d.enum("mode", p.Mode, "行使方式", model.ExerciseModes())
	if p.Status == "" {
		p.Status = "现行"
	}
	d.enum("status", p.Status, "状态", model.PowerStatuses())
	checkLegalRefs(d, "basis", p.Basis, false)
	if !strings.HasPrefix(p.Flow, "template:") {
		d.reference("flow", p.Flow)
	}
	d.reference("benchmark", p.Benchmark)
	if p.TimeLimit.Unit == "" && (p.TimeLimit.StatutoryDays > 0 || p.TimeLimit.PromisedDays > 0) {
		p.TimeLimit.Unit = "工作日"
	}
	d.enum("time_limit.unit", p.TimeLimit.Unit, "时限单位", model.DayUnits())
	if p.TimeLimit.StatutoryDays < 0 || p.TimeLimit.PromisedDays < 0 {
		d.errorf("time_limit", "天数不能是负数", "办理时限不能为负数")
	}
	if p.TimeLimit.StatutoryDays > 0 && p.TimeLimit.PromisedDays > p.TimeLimit.StatutoryDays {
		d.errorf("time_limit.promised_days", "承诺时限应当不超过法定时限", "承诺时限 %d 天超过法定时限 %d 天",
			p.TimeLimit.PromisedDays, p.TimeLimit.StatutoryDays)
	}
	for i, r := range p.Responsibilities {
		d.required(idx("responsibilities", i)+".content", r.Content, "责任事项内容", "")
	}
	for i, a := range p.Accountabilities {
		ap := idx("accountabilities", i)
		d.required(ap+".situation", a.Situation, "追责情形", "")
		checkLegalRefs(d, ap+".basis", a.Basis, false)
	}
	checkRiskPoints(d, "risks", p.Risks)
	d.date("published", p.Published, "发布日期", true)
	d.date("reviewed", p.Reviewed, "审核日期", true)
	d.date("effective", p.Effective, "生效日期", false)
	return &p
}

func checkRiskPoints(d *doc, path string, risks []model.RiskPoint) {
	for i := range risks {
		r := &risks[i]
		p := idx(path, i)
		d.required(p+".description", r.Description, "风险点描述", "")
		d.riskLevel(p+".level", &r.Level, true)
		d.enum(p+".category", r.Category, "风险类别", model.RiskCategories())
	}
}

func loadFlow(f file, src string, tf *tomlfast.Decoder, diags *diag.List) *model.Flow {
	var fl model.Flow
	d, ok := decodeTOML(tf, f.path, 0, src, &fl, diags)
	if !ok {
		return nil
	}
	fl.ID, fl.Src = f.id, model.Source{File: f.path, Line: 1}
	checkFileID(d, f, "流程")
	d.required("name", fl.Name, "流程名称", `"行政处罚普通程序流程"`)
	if fl.Category != "" {
		if c, ok := model.CategoryByName(fl.Category); ok {
			fl.Category = c.Code
		} else {
			d.errorf("category", "可选值: "+strings.Join(model.CategoryNames(), "、"), "事项类型 %q 不是有效的取值", fl.Category)
		}
	}
	if len(fl.Steps) == 0 && fl.Template == "" {
		d.errorf("", "用 [[steps]] 写出各个步骤,或用 template = \"行政许可\" 引用标准流程", "流程没有任何步骤")
	}
	for i := range fl.Steps {
		s := &fl.Steps[i]
		p := idx("steps", i)
		if d.required(p+".id", s.ID, "步骤编号", `"shouli"`) && !validID(s.ID) {
			d.errorf(p+".id", "步骤编号只能用小写英文字母、数字和连字符,例如 shouli", "步骤编号 %q 不合法", s.ID)
		}
		if fl.Template == "" {
			d.required(p+".name", s.Name, "步骤名称", `"受理"`)
		}
		d.enum(p+".kind", s.Kind, "步骤类型", model.StepKinds())
		d.enum(p+".day_unit", s.DayUnit, "时限单位", model.DayUnits())
		if s.Days < 0 {
			d.errorf(p+".days", "天数不能是负数", "时限不能为负数")
		}
		checkRiskPoints(d, p+".risks", s.Risks)
	}
	d.date("published", fl.Published, "发布日期", false)
	d.date("reviewed", fl.Reviewed, "审核日期", false)
	return &fl
}

func loadBenchmark(f file, src string, tf *tomlfast.Decoder, diags *diag.List) *model.Benchmark {
	var b model.Benchmark
	d, ok := decodeTOML(tf, f.path, 0, src, &b, diags)
	if !ok {
		return nil
	}
	b.ID, b.Src = f.id, model.Source{File: f.path, Line: 1}
	checkFileID(d, f, "裁量基准")
	d.required("title", b.Title, "基准名称", "")
	d.required("issuer", b.Issuer, "制定机关", `"示范县城市管理局"`)
	if b.Style == "" {
		b.Style = "tiered"
	}
	d.enum("style", b.Style, "基准类型", model.BenchmarkStyles())
	d.reference("source", b.Source)
	d.date("effective", b.Effective, "生效日期", b.Source == "")
	d.date("expires", b.Expires, "有效期至", false)
	d.date("published", b.Published, "发布日期", true)
	d.date("reviewed", b.Reviewed, "审核日期", true)
	if b.Expires.Valid() && b.Effective.Valid() && b.Expires.Before(b.Effective) {
		d.errorf("expires", "有效期截止日应晚于生效日期", "有效期至 %s 早于生效日期 %s", b.Expires, b.Effective)
	}
	if len(b.Violations) == 0 && b.Source == "" {
		d.errorf("", "用 [[violations]] 写出违法行为及其裁量阶次,或用 source = \"单位/基准\" 采用上级基准", "裁量基准没有任何违法行为")
	}
	for i, v := range b.Violations {
		p := idx("violations", i)
		d.required(p+".name", v.Name, "违法行为", "")
		checkLegalRefs(d, p+".violated", v.Violated, false)
		if len(v.PenaltyBasis) == 0 {
			d.errorf(p, "用 penalty_basis = [{law = \"…\", article = \"第…条\"}] 写出处罚依据", "违法行为 %q 缺少处罚依据(penalty_basis)", v.Name)
		}
		checkLegalRefs(d, p+".penalty_basis", v.PenaltyBasis, true)
		for j, t := range v.Tiers {
			tp := idx(p+".tiers", j)
			d.required(tp+".label", t.Label, "裁量阶次", `"情节较轻"`)
			d.required(tp+".standard", t.Standard, "裁量标准", `"处五百元以上二千元以下的罚款"`)
			if len(t.Conditions) == 0 {
				d.errorf(tp, "用 conditions = [\"…\"] 写出适用条件(裁量情节)", "裁量阶次 %q 缺少适用条件", t.Label)
			}
			d.enum(tp+".kind", t.Kind, "阶次类型", model.TierKinds())
		}
	}
	return &b
}

func loadRisks(f file, src string, tf *tomlfast.Decoder, diags *diag.List) *model.RiskCatalogue {
	var c model.RiskCatalogue
	d, ok := decodeTOML(tf, f.path, 0, src, &c, diags)
	if !ok {
		return nil
	}
	c.Src = model.Source{File: f.path, Line: 1}
	year, err := strconv.Atoi(f.id)
	if err != nil || year < 2000 || year > 2100 {
		diags.Errorf(diag.Position{File: f.path, Line: 1, Col: 1}, "风险防控目录按年度命名,例如 risks/2025.toml",
			"文件名 %q 不是年份", f.id)
	}
	if c.Year == 0 {
		c.Year = year
	} else if err == nil && c.Year != year {
		d.errorf("year", "year 必须与文件名中的年份一致", "year = %d 与文件名 %s 不一致", c.Year, f.id)
	}
	d.date("published", c.Published, "发布日期", true)
	d.date("reviewed", c.Reviewed, "审核日期", true)
	if len(c.Items) == 0 {
		d.errorf("", "用 [[items]] 写出风险点", "风险防控目录没有任何条目")
	}
	for i := range c.Items {
		it := &c.Items[i]
		p := idx("items", i)
		if d.required(p+".object_type", it.ObjectType, "防控对象类型", `"关键岗位"`) {
			d.enum(p+".object_type", it.ObjectType, "防控对象类型", model.RiskObjectTypes())
		}
		d.required(p+".object", it.Object, "防控对象", "")
		d.required(p+".risk", it.Risk, "风险点", "")
		d.riskLevel(p+".level", &it.Level, true)
		d.enum(p+".category", it.Category, "风险类别", model.RiskCategories())
		if len(it.Measures) == 0 {
			d.errorf(p, "用 measures = [\"…\"] 写出至少一条防控措施", "风险点 %q 没有防控措施", it.Risk)
		}
	}
	return &c
}

func loadPage(f file, src string, tf *tomlfast.Decoder, diags *diag.List) *model.Page {
	front, body, ok := splitFrontMatter(f.path, src, diags)
	if !ok {
		return nil
	}
	var p model.Page
	d, ok := decodeTOML(tf, f.path, 1, front, &p, diags)
	if !ok {
		return nil
	}
	p.Slug, p.Body, p.Src = f.id, body, model.Source{File: f.path, Line: 2}
	checkFileID(d, f, "页面")
	d.required("title", p.Title, "页面标题", "")
	d.date("published", p.Published, "发布日期", false)
	d.date("reviewed", p.Reviewed, "审核日期", false)
	return &p
}
