package gen

import (
	"embed"
	"io/fs"
	"strings"
)

// The minimal Hugo theme: layouts/ and static/ are copied into the
// generated site as they are.
//
//go:embed all:hugo
var hugoTheme embed.FS

type hugoEmitter struct {
	w Writer
	s *site
}

func (e *hugoEmitter) header() error {
	s := e.s
	in := s.info()
	var t tomlBuf
	t.str("baseURL", in.BaseURL)
	t.str("title", in.Title)
	t.str("languageCode", "zh-CN")
	t.str("defaultContentLanguage", "zh")
	t.boolean("hasCJKLanguage", true)
	t.strs("disableKinds", []string{"RSS"})
	t.boolean("enableRobotsTXT", false)
	t.str("timeout", "600s")
	t.table("taxonomies")
	t.str("category", "categories")
	t.table("params")
	t.str("region", in.Region)
	t.str("organiser", in.Organiser)
	t.str("undertaker", in.Undertaker)
	t.str("site_code", in.SiteCode)
	t.str("icp", in.ICP)
	t.str("police_record", in.Police)
	t.str("phone", in.Phone)
	t.str("address", in.Address)
	t.str("description", in.Description)
	t.str("supervision", in.Supervision)
	t.str("supervise_phone", in.SupervisePhone)
	t.str("supervise_url", in.SuperviseURL)
	t.num("year", in.Year)
	var names []string
	for _, c := range categories {
		names = append(names, c.Name)
	}
	t.strs("categories", names)
	if err := e.w.WriteFile("config.toml", t.Bytes()); err != nil {
		return err
	}

	err := fs.WalkDir(hugoTheme, "hugo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoTheme.ReadFile(p)
		if err != nil {
			return err
		}
		return e.w.WriteFile(strings.TrimPrefix(p, "hugo/"), data)
	})
	if err != nil {
		return err
	}

	arts := lawArticles()
	for _, l := range laws {
		var t tomlBuf
		t.str("title", l.Title)
		t.str("short", l.Short)
		t.str("level", l.Level)
		t.table("articles")
		for _, a := range arts[l.ID] {
			t.str(quote(a.Number), a.Text())
		}
		if err := e.w.WriteFile("data/laws/"+l.ID+".toml", t.Bytes()); err != nil {
			return err
		}
	}

	pages := []file{
		{"content/_index.md", frontMatter(func(t *tomlBuf) { t.str("title", in.Title) }, in.Description+"\n")},
		{"content/units/_index.md", frontMatter(func(t *tomlBuf) { t.str("title", "单位") }, "")},
		{"content/categories/_index.md", frontMatter(func(t *tomlBuf) { t.str("title", "事项分类") }, "")},
		{"content/about.md", frontMatter(func(t *tomlBuf) {
			t.str("title", "关于本站")
			t.date("date", ymd(s.opt.Year-2, 1, 10))
			t.date("lastmod", ymd(s.opt.Year, 1, 10))
		}, aboutText(s, in))},
	}
	for _, f := range pages {
		if err := e.w.WriteFile(f.path, f.data); err != nil {
			return err
		}
	}
	return nil
}

func frontMatter(fields func(*tomlBuf), body string) []byte {
	var t tomlBuf
	t.WriteString("+++\n")
	fields(&t)
	t.WriteString("+++\n")
	t.WriteString(body)
	return t.Bytes()
}

func (e *hugoEmitter) unit(d *unitDoc) error {
	u := d.u
	dir := "content/units/" + u.id + "/"
	if err := e.w.WriteFile(dir+"_index.md", hugoUnit(d)); err != nil {
		return err
	}
	for _, f := range d.flows {
		if err := e.w.WriteFile("data/flows/"+u.id+"/"+f.ID+".toml", flowTOML(f, true)); err != nil {
			return err
		}
	}
	c := d.catalogue
	risks := frontMatter(func(t *tomlBuf) {
		t.str("title", c.Title)
		t.str("type", "risks")
		t.str("unit", u.id)
		t.num("year", c.Year)
		t.date("date", c.Published)
		t.date("lastmod", c.Reviewed)
		catalogueItems(t, c)
	}, "")
	if err := e.w.WriteFile(dir+"risks-"+itoa(c.Year)+".md", risks); err != nil {
		return err
	}
	return d.powers(func(p *powerDoc, b *benchDoc) error {
		if b != nil {
			var t tomlBuf
			t.str("title", b.Title)
			t.str("issuer", b.Issuer)
			t.str("doc_no", b.DocNo)
			t.date("effective", b.Effective)
			t.date("expires", b.Expires)
			benchViolation(&t, b)
			if err := e.w.WriteFile("data/benchmarks/"+u.id+"/"+b.ID+".toml", t.Bytes()); err != nil {
				return err
			}
		}
		return e.w.WriteFile(dir+"powers/"+p.Code+".md", hugoPower(d, p))
	})
}

func hugoUnit(d *unitDoc) []byte {
	u := d.u
	return frontMatter(func(t *tomlBuf) {
		t.str("title", u.name)
		t.str("short", u.short)
		t.str("unit", u.id)
		t.num("weight", u.order)
		t.str("unit_type", u.typ)
		t.str("division_code", u.county.division)
		t.str("parent", u.parent)
		t.str("credit_code", d.creditCode)
		t.str("address", d.address)
		t.str("office_hours", d.hours)
		t.str("phone", d.phone)
		t.str("supervise_phone", d.super)
		t.str("complaint_email", d.email)
		t.str("functions", d.functions)
		t.strs("offices", d.offices)
		t.date("date", d.published)
		t.date("lastmod", d.reviewed)
		for _, l := range d.leaders {
			t.array("leaders")
			t.str("name", l.Name)
			t.str("title", l.Title)
			t.str("duties", l.Duties)
		}
	}, "")
}

func hugoPower(d *unitDoc, p *powerDoc) []byte {
	u := d.u
	return frontMatter(func(t *tomlBuf) {
		t.str("title", p.FullName())
		t.str("type", "power")
		t.num("weight", p.sortWeight())
		t.str("code", p.Code)
		t.str("name", p.Name)
		t.str("sub_name", p.Sub)
		t.str("category", categoryName(p.Cat))
		t.strs("categories", []string{categoryName(p.Cat)})
		t.str("unit", u.id)
		t.str("unit_name", u.name)
		t.num("unit_order", u.order)
		subject := p.Subject
		if subject == "" {
			subject = u.name
		}
		t.str("subject", subject)
		t.str("office", p.Office)
		t.str("level", p.Level)
		t.str("mode", p.Mode)
		t.str("status", "现行")
		t.str("service_object", p.Object)
		t.str("flow", p.Flow)
		t.str("benchmark", p.Bench)
		t.strs("conditions", p.Conds)
		t.strs("materials", p.Mats)
		t.date("date", p.Published)
		t.date("lastmod", p.Reviewed)
		t.date("effective", p.Effective)
		powerFields(t, p)
	}, p.Body)
}
