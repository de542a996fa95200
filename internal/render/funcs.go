package render

import (
	"encoding/json"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"sunlight/internal/bench"
	"sunlight/internal/fine"
	"sunlight/internal/flowchart"
	"sunlight/internal/flowmodel"
	"sunlight/internal/model"
	"sunlight/internal/opendata"
	"sunlight/internal/permalink"
	"sunlight/internal/qrcode"
	"sunlight/internal/tmplexec"
)

// Funcs returns the template functions:
//
//	url "units/"          site-relative path → link under the base path ("/lzfk/units/")
//	abs "units/"          → absolute URL under base_url (for sitemap, canonical)
//	powerURL .            link to a power item page (also unitURL, flowURL,
//	                      benchmarkURL, riskURL, lawURL, pageURL, categoryURL)
//	md .Body              Markdown → safe HTML, headings one level down (## → h3)
//	mdPage .Body          Markdown → safe HTML, headings as written
//	stepName flow "id"    name of a flow's step
//	flowSVG .FlowRef      the flow drawn as accessible inline SVG (laid out once per build)
//	tierInfos b i         parsed tiers of violation i of benchmark b ([]*bench.TierInfo)
//	fineRange ti          a parsed tier's fines in words: "罚款 500元–2000元"
//	violationSummary b i  highest fine, penalty types and basis of violation i of b
//	revisions .Src path   an item's revision history (*Revisions), nil without history
//	annualURL u year      a unit's page of a year's changes; annualYears u lists the years
//	provisionsOf b        the provisions b applies that other units also apply
//	compareURL p          link to a provision's cross-unit comparison page
//	qr (powerPath .)      QR code (inline SVG) of the absolute URL of a site path
//	rangeChart p          the comparison drawn as an inline SVG range chart
//	date .Reviewed        2025-03-01 ("未填写" when unset)
//	cdate .Reviewed       2025年3月1日
//	category "CF"         category by code (.Name, .Desc, .Slug)
//	categories            every category in order
//	riskClass "高"        CSS class: risk-high, risk-medium, risk-low
//	articleText .         text of a LegalRef's article from the law registry
//	lawName .             short name of a LegalRef's law (falls back to its id)
//	join list sep         strings.Join
//	inc n                 n+1
//	domain                host of base_url (for the SiteDomain meta tag)
//	telURL "0999-…"       tel: link for a phone number
//	dict "K" v …          map for passing several values to a partial
//	datasetLD .           schema.org DataCatalog JSON-LD of the open datasets
//	cached "name" .       the partial "name" executed with ., rendered once per
//	                      build and reused: for parts shared by many pages
//	                      (footer, a flow's steps); . must be a pointer and the
//	                      partial may use nothing else; HTML text context only
//
// The functions every item page calls are wrapped (tmplexec.Func1 …) so
// that compiled templates call them without reflection.
func (r *Renderer) Funcs() tmplexec.FuncMap {
	link := func(p string) string { return r.base + escapePath(p) }
	var host string // of base_url, for every page's SiteDomain
	if u, err := url.Parse(r.baseURL); err == nil {
		host = u.Host
	}
	return tmplexec.FuncMap{
		"url":           link,
		"abs":           r.absURL,
		"powerURL":      tmplexec.Func1(func(p *model.Power) string { return link(permalink.Power(p)) }),
		"unitURL":       tmplexec.Func1(func(u *model.Unit) string { return link(permalink.Unit(u)) }),
		"flowURL":       tmplexec.Func1(func(f *model.Flow) string { return link(permalink.Flow(f)) }),
		"volumeURL":     tmplexec.Func2(func(u *model.Unit, year int) string { return link(permalink.Volume(u, year)) }),
		"posterURL":     tmplexec.Func1(func(p *model.Power) string { return link(permalink.Poster(p)) }),
		"flowPosterURL": tmplexec.Func1(func(f *model.Flow) string { return link(permalink.FlowPoster(f)) }),
		"volumeYears":   func(u *model.Unit) []int { return volumeYears(u, r.site.Config.Year) },
		"noPrint":       tmplexec.Func0(func() bool { return r.site.Config.NoPrint }),
		"benchmarkURL":  tmplexec.Func1(func(b *model.Benchmark) string { return link(permalink.Benchmark(b)) }),
		"riskURL":       tmplexec.Func1(func(c *model.RiskCatalogue) string { return link(permalink.Risk(c)) }),
		"lawURL":        tmplexec.Func1(func(l *model.Law) string { return link(permalink.Law(l)) }),
		"pageURL":       tmplexec.Func1(func(p *model.Page) string { return link(permalink.Page(p)) }),
		"categoryURL":   tmplexec.Func1(func(c model.Category) string { return link(permalink.Category(c)) }),
		"md":            tmplexec.Func1(r.markdown),
		"qr": func(path string) template.HTML {
			u := r.baseURL + escapePath(path)
			svg, err := qrcode.SVG(u, qrcode.Options{Size: "40mm", Label: "二维码:" + u})
			if err != nil {
				return ""
			}
			return template.HTML(svg)
		},
		"powerPath":     tmplexec.Func1(permalink.Power),
		"benchmarkPath": tmplexec.Func1(permalink.Benchmark),
		"riskPath":      tmplexec.Func1(permalink.Risk),
		"flowPath":      tmplexec.Func1(permalink.Flow),
		"compareURL":    tmplexec.Func1(func(p *bench.Provision) string { return link(ComparePath(p)) }),
		"rangeChart": tmplexec.Func1(func(p *bench.Provision) template.HTML {
			return template.HTML(bench.RangeChart(p))
		}),
		"tierInfos":   tmplexec.Func2(r.tierInfos),
		"revisions":   tmplexec.Func2(r.revisions),
		"searchEntry": func() string { return r.search },
		"annualURL":   func(u *model.Unit, year int) string { return link(permalink.Annual(u, year)) },
		"annualYears": func(u *model.Unit) []int {
			if r.history == nil {
				return nil
			}
			return r.annualYears(u)
		},
		"historyReason": func() string {
			if r.history == nil {
				return ""
			}
			return r.history.Reason
		},
		"violationSummary": tmplexec.Func2(r.violationSummary),
		"fineRange":        tmplexec.Func1(fineRange),
		"provisionsOf": tmplexec.Func1(func(b *model.Benchmark) []*bench.Provision {
			if r.bench == nil {
				return nil
			}
			var out []*bench.Provision
			for _, p := range r.bench.ByBenchmark[b] {
				if p.Units >= 2 {
					out = append(out, p)
				}
			}
			return out
		}),
		"flowSVG": tmplexec.Func1(r.flowSVG),
		"cached":  tmplexec.Func2E(r.cached),
		"mdPage":  func(src string) template.HTML { return r.markdownShift(0, src) },
		"stepName": tmplexec.Func2(func(f *model.Flow, id string) string {
			for _, s := range f.Effective() {
				if s.ID == id {
					return s.Name
				}
			}
			return id
		}),
		"date": tmplexec.Func1(func(d model.Date) string {
			if d.String() == "" {
				return "未填写"
			}
			return d.String()
		}),
		"cdate":       tmplexec.Func1(func(d model.Date) string { return d.Chinese() }),
		"category":    tmplexec.Func1(func(code string) model.Category { c, _ := model.CategoryByName(code); return c }),
		"categories":  model.Categories,
		"riskClass":   tmplexec.Func1(riskClass),
		"articleText": tmplexec.Func1(articleText),
		"lawName": tmplexec.Func1(func(ref model.LegalRef) string {
			if ref.LawRef != nil {
				return ref.LawRef.Name()
			}
			return ref.Law
		}),
		"join":   tmplexec.Func2(strings.Join),
		"inc":    tmplexec.Func1(func(n int) int { return n + 1 }),
		"domain": tmplexec.Func0(func() string { return host }),
		"telURL": tmplexec.Func1(func(s string) template.URL {
			var b strings.Builder
			for _, c := range s {
				if c >= '0' && c <= '9' || c == '+' {
					b.WriteRune(c)
				}
			}
			return template.URL("tel:" + b.String())
		}),
		"itoa": tmplexec.Func1(strconv.Itoa),
		"datasetLD": func(ds []opendata.Dataset) template.JS {
			type dist struct {
				Type   string `json:"@type"`
				Format string `json:"encodingFormat"`
				URL    string `json:"contentUrl"`
			}
			type dataset struct {
				Type         string `json:"@type"`
				Name         string `json:"name"`
				Description  string `json:"description"`
				Distribution []dist `json:"distribution"`
			}
			var list []dataset
			for _, d := range ds {
				u := r.baseURL + "data/" + d.Name
				list = append(list, dataset{"Dataset", d.Title, d.Desc, []dist{{"DataDownload", "text/csv", u + ".csv"}, {"DataDownload", "application/json", u + ".json"}}})
			}
			b, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": "DataCatalog", "name": r.site.Config.Title + " 开放数据",
				"url": r.baseURL + "data/", "publisher": map[string]string{"@type": "GovernmentOrganization", "name": r.site.Config.Organiser}, "dataset": list})
			return template.JS(b)
		},
		"dict": func(kv ...any) map[string]any {
			m := make(map[string]any, len(kv)/2)
			for i := 0; i+1 < len(kv); i += 2 {
				k, _ := kv[i].(string)
				m[k] = kv[i+1]
			}
			return m
		},
	}
}

// templateMethods are the methods of the page data that the layouts call
// most (on every item page, in every list of items), called by the
// compiled layouts without reflection. A value-receiver method is listed
// for the value and for the pointer, which is what a field step on an
// addressable value sees.
func templateMethods() []tmplexec.Method {
	return []tmplexec.Method{
		tmplexec.Method0("FullName", (*model.Power).FullName),
		tmplexec.Method0("SubjectName", (*model.Power).SubjectName),
		tmplexec.Method0("DisplayName", (*model.Unit).DisplayName),
		tmplexec.Method0("Effective", (*model.Flow).Effective),
		tmplexec.Method0("TimeText", (*model.Step).TimeText),
		tmplexec.Method0("TimeText", model.Step.TimeText),
		tmplexec.Method0("String", (*model.Date).String),
		tmplexec.Method0("String", model.Date.String),
		tmplexec.Method0("Valid", (*model.Date).Valid),
		tmplexec.Method0("Valid", model.Date.Valid),
		tmplexec.Method0("Slug", (*model.Category).Slug),
		tmplexec.Method0("Slug", model.Category.Slug),
		tmplexec.Method0("Known", (*bench.TierInfo).Known),
		tmplexec.Method0("ShortTitle", (*bench.Provision).ShortTitle),
		tmplexec.Method0("Nav", (*View).Nav),
		tmplexec.Method0("Risks", (*PowerData).Risks),
	}
}

func riskClass(level string) string {
	switch level {
	case model.RiskHigh:
		return "risk-high"
	case model.RiskMedium:
		return "risk-medium"
	case model.RiskLow:
		return "risk-low"
	}
	return "risk-none"
}

// articleText finds the cited article's text in the registry: an exact
// match of the article number, else the article part up to 条
// ("第四十条第一款" → "第四十条").
func articleText(ref model.LegalRef) string {
	if ref.LawRef == nil || ref.Article == "" {
		return ""
	}
	want := ref.Article
	if i := strings.Index(want, "条"); i >= 0 {
		want = want[:i+len("条")]
	}
	for _, a := range ref.LawRef.Articles {
		if a.Number == ref.Article || a.Number == want {
			return a.Text
		}
	}
	return ""
}

// pathIsPlain reports whether p has only letters, digits, "-_.~" and "/",
// which url.PathEscape leaves as they are.
func pathIsPlain(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
			return false
		}
	}
	return true
}

// escapePath percent-encodes each segment of a site-relative path, so item
// codes with Chinese characters give valid URLs.
func escapePath(p string) string {
	if pathIsPlain(p) {
		return p // most paths: nothing to escape, nothing to allocate
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// flowSVG draws a flow as inline SVG. Each distinct flow is laid out once
// per build, however many power items use it.
func (r *Renderer) flowSVG(f *model.Flow) template.HTML {
	chart := flowmodel.ToChart(f.ID, f.Name, f.Effective())
	svg, err := r.charts.Render(chart, flowchart.RenderOptions{Title: f.Name})
	if err != nil {
		return "" // the text alternative beside it still lists every step
	}
	return template.HTML(svg)
}

// tierInfos returns the analysis of every tier of violation vi of b.
func (r *Renderer) tierInfos(b *model.Benchmark, vi int) []*bench.TierInfo {
	if vi < 0 || vi >= len(b.Violations) {
		return nil
	}
	v := &b.Violations[vi]
	out := make([]*bench.TierInfo, len(v.Tiers))
	for j := range v.Tiers {
		if r.bench != nil {
			out[j] = r.bench.Tiers[&v.Tiers[j]]
		}
	}
	return out
}

// fineRange describes the penalties read from a tier in words.
func fineRange(ti *bench.TierInfo) string {
	if ti == nil || len(ti.Penalties) == 0 {
		return ""
	}
	var parts []string
	for _, p := range ti.Penalties {
		s := p.Type
		if p.Target != "" {
			s = "对" + p.Target + s
		}
		lo, hi := "", ""
		if p.Min != nil {
			lo = fine.FormatValue(*p.Min, p.Unit)
		}
		if p.Max != nil {
			hi = fine.FormatValue(*p.Max, p.Unit)
		}
		base := p.Base
		switch {
		case lo != "" && hi != "" && lo == hi:
			s += " " + base + lo
		case lo != "" && hi != "":
			s += " " + base + lo + "至" + hi
		case hi != "":
			s += " " + base + hi + "以下"
		case lo != "":
			s += " " + base + lo + "以上"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ";")
}

// ViolationSummary is what the benchmark index shows of one violation.
type ViolationSummary struct {
	MaxFine float64 // highest fine in 元 any tier states; 0 when none
	MaxText string  // MaxFine formatted ("5万元"), or ""
	Types   string  // penalty types of all tiers, "警告、罚款"
	Basis   string  // 《大气污染防治法》第一百一十九条第一款
	Tiers   int
}

func (r *Renderer) violationSummary(b *model.Benchmark, vi int) ViolationSummary {
	var vs ViolationSummary
	if vi < 0 || vi >= len(b.Violations) {
		return vs
	}
	v := &b.Violations[vi]
	vs.Tiers = len(v.Tiers)
	var basis []string
	for _, ref := range v.PenaltyBasis {
		name := ref.Law
		if ref.LawRef != nil {
			name = ref.LawRef.Name()
		}
		basis = append(basis, "《"+name+"》"+ref.Article)
	}
	vs.Basis = strings.Join(basis, "、")
	seen := map[string]bool{}
	var types []string
	for _, ti := range r.tierInfos(b, vi) {
		if ti == nil {
			continue
		}
		for _, p := range ti.Penalties {
			if !seen[p.Type] {
				seen[p.Type] = true
				types = append(types, p.Type)
			}
		}
		for _, m := range []*float64{ti.FineMax, ti.FineMin} {
			if m != nil && *m > vs.MaxFine {
				vs.MaxFine = *m
			}
		}
	}
	vs.Types = strings.Join(types, "、")
	if vs.MaxFine > 0 {
		vs.MaxText = fine.FormatAmount(vs.MaxFine)
	}
	return vs
}

func itoa(n int) string { return strconv.Itoa(n) }
