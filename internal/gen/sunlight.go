package gen

import "strings"

// sunlightEmitter writes the corpus in Sunlight's content format
// (internal/load/doc.go).
type sunlightEmitter struct {
	w Writer
	s *site
}

func (e *sunlightEmitter) header() error {
	for _, f := range siteFiles(e.s) {
		if err := e.w.WriteFile(f.path, f.data); err != nil {
			return err
		}
	}
	return nil
}

type file struct {
	path string
	data []byte
}

// siteInfo is the portal identity shared by both outputs.
type siteInfo struct {
	Title, Region, Organiser, Undertaker, SiteCode string
	ICP, ICPURL, Police, PoliceURL                 string
	Phone, Email, Address, BaseURL                 string
	Description, Supervision, SupervisePhone       string
	SuperviseURL, ErrorReportURL                   string
	Keywords                                       []string
	Year                                           int
}

func (s *site) info() siteInfo {
	c := s.counties[0]
	return siteInfo{
		Title:          s.region + "廉政风险防控公开平台",
		Region:         s.region,
		Organiser:      "中共" + s.region + "纪律检查委员会",
		Undertaker:     s.region + "人民政府办公室",
		SiteCode:       c.division + "0001",
		ICP:            "示ICP备" + c.division[2:] + "0123号-1",
		ICPURL:         "https://beian.miit.gov.cn/",
		Police:         "示公网安备" + c.division + "02000123号",
		PoliceURL:      "https://www.beian.gov.cn/",
		Phone:          c.area + "-12388",
		Email:          "lzfk@lzfk.example.gov.cn",
		Address:        c.name + "府前街1号",
		BaseURL:        "https://lzfk.example.gov.cn/",
		Description:    "公开" + s.region + "各单位权责清单、权力运行流程图、行政处罚裁量基准和廉政风险防控目录，接受社会监督。",
		Supervision:    "对本平台公开的事项办理有意见，或者发现工作人员违规违纪、失职失责行为的，可以向" + s.region + "纪委监委反映。反映问题应当实事求是，提倡实名。",
		SupervisePhone: c.area + "-12388",
		SuperviseURL:   "https://jubao.example.gov.cn/",
		ErrorReportURL: "https://zfwzzc.www.gov.cn/",
		Keywords:       []string{"权责清单", "权力运行流程图", "裁量基准", "廉政风险防控"},
		Year:           s.opt.Year,
	}
}

func siteFiles(s *site) []file {
	in := s.info()
	var out []file
	var t tomlBuf
	t.str("title", in.Title)
	t.str("region", in.Region)
	t.str("organiser", in.Organiser)
	t.str("undertaker", in.Undertaker)
	t.str("site_code", in.SiteCode)
	t.str("icp", in.ICP)
	t.str("icp_url", in.ICPURL)
	t.str("police_record", in.Police)
	t.str("police_url", in.PoliceURL)
	t.str("phone", in.Phone)
	t.str("email", in.Email)
	t.str("address", in.Address)
	t.str("base_url", in.BaseURL)
	t.num("year", in.Year)
	t.str("description", in.Description)
	t.strs("keywords", in.Keywords)
	t.str("error_report_url", in.ErrorReportURL)
	t.str("supervision", in.Supervision)
	t.str("supervise_phone", in.SupervisePhone)
	t.str("supervise_url", in.SuperviseURL)
	t.num("min_tiers", 3)
	// The print pages (volumes, posters) have no counterpart in the Hugo
	// corpus; a portal this size prints per unit with `sunlight print`.
	t.WriteString("no_print = true\n")
	out = append(out, file{"site.toml", t.Bytes()})

	arts := lawArticles()
	for _, l := range laws {
		var t tomlBuf
		t.str("title", l.Title)
		t.str("short", l.Short)
		t.str("level", l.Level)
		t.str("issuer", l.Issuer)
		t.str("doc_no", l.DocNo)
		t.WriteString("adopted = " + l.Adopted + "\n")
		if len(l.Revised) > 0 {
			t.WriteString("revised = [" + strings.Join(l.Revised, ", ") + "]\n")
		}
		t.WriteString("effective = " + l.Effective + "\n")
		t.str("status", "现行")
		for _, a := range arts[l.ID] {
			t.array("articles")
			t.str("number", a.Number)
			t.str("text", a.Text())
		}
		out = append(out, file{"laws/" + l.ID + ".toml", t.Bytes()})
	}

	var p tomlBuf
	p.WriteString("+++\n")
	p.str("title", "关于本站")
	p.str("summary", "本平台的主办单位、内容范围和更新机制。")
	p.num("weight", 1)
	p.date("published", ymd(s.opt.Year-2, 1, 10))
	p.date("reviewed", ymd(s.opt.Year, 1, 10))
	p.WriteString("+++\n")
	p.WriteString(aboutText(s, in))
	out = append(out, file{"pages/about.md", p.Bytes()})
	return out
}

func aboutText(s *site, in siteInfo) string {
	return "本平台由" + in.Organiser + "主办，" + in.Undertaker + "承办，集中公开" + s.region + itoa(len(s.units)) +
		"个单位的权责清单、权力运行流程图、行政处罚裁量基准和廉政风险防控目录。\n\n" +
		"各单位按年度对公开内容进行动态调整，每个事项页面均标注发布日期和最近审核日期。\n\n" +
		"监督举报电话：" + in.SupervisePhone + "。\n"
}

func (e *sunlightEmitter) unit(d *unitDoc) error {
	u := d.u
	dir := "units/" + u.id + "/"
	if err := e.w.WriteFile(dir+"unit.toml", unitTOML(d)); err != nil {
		return err
	}
	for _, f := range d.flows {
		if err := e.w.WriteFile(dir+"flows/"+f.ID+".toml", flowTOML(f, false)); err != nil {
			return err
		}
	}
	if err := e.w.WriteFile(dir+"risks/"+itoa(d.catalogue.Year)+".toml", catalogueTOML(d.catalogue, false)); err != nil {
		return err
	}
	return d.powers(func(p *powerDoc, b *benchDoc) error {
		if b != nil {
			if err := e.w.WriteFile(dir+"benchmarks/"+b.ID+".toml", benchTOML(b)); err != nil {
				return err
			}
		}
		return e.w.WriteFile(dir+"powers/"+p.Code+".md", powerMD(d, p))
	})
}

func unitTOML(d *unitDoc) []byte {
	u := d.u
	var t tomlBuf
	t.str("name", u.name)
	t.str("short", u.short)
	t.str("type", u.typ)
	t.str("division_code", u.county.division)
	t.str("parent", u.parent)
	t.num("order", u.order)
	t.str("credit_code", d.creditCode)
	t.str("address", d.address)
	t.str("office_hours", d.hours)
	t.str("phone", d.phone)
	t.str("supervise_phone", d.super)
	t.str("complaint_email", d.email)
	t.str("functions", d.functions)
	t.strs("offices", d.offices)
	t.date("published", d.published)
	t.date("reviewed", d.reviewed)
	for _, l := range d.leaders {
		t.array("leaders")
		t.str("name", l.Name)
		t.str("title", l.Title)
		t.str("duties", l.Duties)
	}
	return t.Bytes()
}

// flowTOML writes a flow; hugo selects the form used in Hugo's data/
// (edges always as tables, no dates).
func flowTOML(f *flowDoc, hugo bool) []byte {
	var t tomlBuf
	t.str("name", f.Name)
	t.str("category", f.Cat)
	if !hugo {
		t.date("published", f.Published)
		t.date("reviewed", f.Reviewed)
	}
	for _, s := range f.Steps {
		t.array("steps")
		t.str("id", s.ID)
		t.str("name", s.Name)
		t.str("kind", s.Kind)
		t.str("post", s.Post)
		if s.Days > 0 {
			t.num("days", s.Days)
			t.str("day_unit", s.DayUnit)
		}
		t.str("basis", s.Basis)
		t.edges("next", s.Next, hugo)
		for _, r := range s.Risks {
			t.array("steps.risks")
			t.str("description", r.Desc)
			t.str("level", r.Level)
			t.str("category", r.Cat)
			t.strs("measures", r.Measures)
			t.str("owner", r.Owner)
		}
	}
	return t.Bytes()
}

func catalogueTOML(c *catalogueDoc, hugo bool) []byte {
	var t tomlBuf
	t.num("year", c.Year)
	t.str("title", c.Title)
	t.date("published", c.Published)
	t.date("reviewed", c.Reviewed)
	catalogueItems(&t, c)
	return t.Bytes()
}

func catalogueItems(t *tomlBuf, c *catalogueDoc) {
	for _, it := range c.Items {
		t.array("items")
		t.str("object_type", it.ObjType)
		t.str("object", it.Object)
		t.str("category", it.Cat)
		t.str("risk", it.Risk)
		t.str("manifestation", it.Manif)
		t.str("level", it.Level)
		t.strs("measures", it.Measures)
		t.str("owner", it.Owner)
		t.str("leader", it.Leader)
	}
}

func benchTOML(b *benchDoc) []byte {
	var t tomlBuf
	t.str("title", b.Title)
	t.str("issuer", b.Issuer)
	t.str("doc_no", b.DocNo)
	t.str("style", "tiered")
	t.date("effective", b.Effective)
	t.date("expires", b.Expires)
	t.date("published", b.Published)
	t.date("reviewed", b.Reviewed)
	benchViolation(&t, b)
	return t.Bytes()
}

func benchViolation(t *tomlBuf, b *benchDoc) {
	v := b.V
	t.array("violations")
	t.str("no", "1")
	t.str("name", v.Phrase)
	t.str("statutory", v.Stat)
	t.str("remarks", b.Remarks)
	if v.Violated != "" {
		t.array("violations.violated")
		t.str("law", v.Law)
		t.str("article", v.Violated)
		t.str("role", "违反条款")
	}
	t.array("violations.penalty_basis")
	t.str("law", v.Law)
	t.str("article", v.Art)
	t.str("role", "处罚依据")
	for _, tr := range b.Tiers {
		t.array("violations.tiers")
		t.str("label", tr.Label)
		t.str("kind", tr.Kind)
		t.strs("conditions", tr.Conds)
		t.str("standard", tr.Standard)
	}
}

// powerFields writes the front matter shared by both outputs, after the
// output-specific head.
func powerFields(t *tomlBuf, p *powerDoc) {
	for _, b := range p.Basis {
		t.array("basis")
		t.str("law", b.Law)
		t.str("article", b.Article)
		t.str("role", b.Role)
	}
	t.table("time_limit")
	if p.TL.Stat > 0 {
		t.num("statutory_days", p.TL.Stat)
	}
	t.num("promised_days", p.TL.Prom)
	t.str("unit", p.TL.Unit)
	t.str("note", p.TL.Note)
	t.table("fee")
	t.boolean("charged", false)
	t.str("basis", p.FeeBasis)
	for _, r := range p.Resp {
		t.array("responsibilities")
		t.str("step", r.Step)
		t.str("content", r.Content)
	}
	for _, a := range p.Accts {
		t.array("accountabilities")
		t.str("situation", a.Situation)
		for _, b := range a.Refs {
			t.array("accountabilities.basis")
			t.str("law", b.Law)
			t.str("article", b.Article)
		}
	}
	for _, r := range p.Risks {
		t.array("risks")
		t.str("step", r.Step)
		t.str("description", r.Desc)
		t.str("level", r.Level)
		t.str("category", r.Cat)
		t.strs("measures", r.Measures)
		t.str("owner", r.Owner)
	}
}

func powerMD(d *unitDoc, p *powerDoc) []byte {
	var t tomlBuf
	t.Grow(8 << 10)
	t.WriteString("+++\n")
	t.str("code", p.Code)
	t.str("name", p.Name)
	t.str("sub_name", p.Sub)
	t.str("category", categoryName(p.Cat))
	t.str("subject", p.Subject)
	t.str("office", p.Office)
	t.str("level", p.Level)
	if p.Mode != "法定" {
		t.str("mode", p.Mode)
	}
	t.str("service_object", p.Object)
	t.str("flow", p.Flow)
	t.str("benchmark", p.Bench)
	t.strs("conditions", p.Conds)
	t.strs("materials", p.Mats)
	t.date("published", p.Published)
	t.date("reviewed", p.Reviewed)
	t.date("effective", p.Effective)
	powerFields(&t, p)
	t.WriteString("+++\n")
	t.WriteString(p.Body)
	return t.Bytes()
}
