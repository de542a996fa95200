package render

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strconv"
	"time"

	"sunlight/internal/bench"
	"sunlight/internal/model"
	"sunlight/internal/opendata"
	"sunlight/internal/par"
	"sunlight/internal/permalink"
)

// Page data of each layout.

// Counts summarises the portal for the home page.
type Counts struct {
	Units, Powers, Flows, Benchmarks, Tiers, RiskPoints, HighRisks, Laws int
}

// CategoryCount is a category with how many items it has.
type CategoryCount struct {
	Category model.Category
	Count    int
}

// HomeData is the home page's data.
type HomeData struct {
	Counts     Counts
	Categories []CategoryCount
	Recent     []Change
	Units      []*model.Unit
}

// UnitGroup is a list of units of one type.
type UnitGroup struct {
	Type  string
	Units []*model.Unit
}

// PowerGroup is a list of power items of one category.
type PowerGroup struct {
	Category model.Category
	Powers   []*model.Power
}

// UnitData is the unit page's data.
type UnitData struct {
	Unit   *model.Unit
	Groups []PowerGroup
}

// StepRisk is a risk point with the step it belongs to.
type StepRisk struct {
	Step string
	Risk model.RiskPoint
}

// PowerData is the power item page's data.
type PowerData struct {
	Power *model.Power
}

// Risks are the item's own risk points, then its flow's.
func (d *PowerData) Risks() []StepRisk { return powerRisks(d.Power) }

// FlowData is the flow page's data.
type FlowData struct{ Flow *model.Flow }

// BenchmarkData is the benchmark page's data.
type BenchmarkData struct{ Benchmark *model.Benchmark }

// BenchmarksData is the benchmark index's data.
type BenchmarksData struct{ Benchmarks []*model.Benchmark }

// RiskData is the risk catalogue page's data.
type RiskData struct {
	Catalogue *model.RiskCatalogue
	Groups    []RiskGroup
}

// RiskGroup is the catalogue rows of one object type.
type RiskGroup struct {
	Type  string
	Items []model.RiskItem
}

// CategoryData is a category page's data: the units of this page of the
// list, with their items in the category.
type CategoryData struct {
	Category model.Category
	Units    []UnitPowers
	Count    int // items in the category, on all pages
	Pager    *Pager
}

// PerPage is about how many items a long list shows per page (a category's
// items, the items citing a law); the list continues on numbered pages.
// A category page keeps a unit's items together, so it can show more.
const PerPage = 200

// Pager links the pages of a long list.
type Pager struct {
	Page  int      // this page, from 1
	Paths []string // site paths of every page, Paths[0] the first
}

// Pages is the number of pages.
func (p *Pager) Pages() int { return len(p.Paths) }

// Prev is the previous page's path, or "" on the first.
func (p *Pager) Prev() string {
	if p.Page <= 1 {
		return ""
	}
	return p.Paths[p.Page-2]
}

// Next is the next page's path, or "" on the last.
func (p *Pager) Next() string {
	if p.Page >= len(p.Paths) {
		return ""
	}
	return p.Paths[p.Page]
}

// chunk splits list into pieces of n, always at least one (maybe empty).
func chunk[T any](list []T, n int) [][]T {
	out := [][]T{list[:min(n, len(list))]}
	for i := n; i < len(list); i += n {
		out = append(out, list[i:min(i+n, len(list))])
	}
	return out
}

// pagePaths names the pages of a list whose first page is first: first,
// first+"2/", first+"3/" …
func pagePaths(first string, n int) []string {
	paths := []string{first}
	for i := 2; i <= n; i++ {
		paths = append(paths, first+strconv.Itoa(i)+"/")
	}
	return paths
}

// UnitPowers is one unit's items in a category.
type UnitPowers struct {
	Unit   *model.Unit
	Powers []*model.Power
}

// ProvisionData is a page of a provision's cross-unit comparison: the
// provision with this page's entries (the chart's scale, Max, is the whole
// comparison's, so the pages compare with each other).
type ProvisionData struct {
	*bench.Provision
	Pager *Pager
}

// EntriesPerPage is how many units' benchmarks a comparison page shows.
const EntriesPerPage = 50

// LawData is a law page's data: the law, and this page of the items that
// cite it. Pages after the first show only the citing items.
type LawData struct {
	Law   *model.Law
	Cited []*model.Power
	Pager *Pager
}

// PageData is a free page's data.
type PageData struct{ Page *model.Page }

// lazy is page data computed when the page is rendered rather than when
// it is planned: data drawn from the content of many items (counts, recent
// changes), which an edit of item text made in place may change, and which
// a build then computes on the rendering goroutines.
type lazy func() any

func (r *Renderer) view(path, title string, crumbs []Crumb, main any) *View {
	return &View{Site: r.site, Cfg: &r.site.Config, Path: path, Title: title, Crumbs: crumbs, Main: main}
}

func home() Crumb { return Crumb{"首页", permalink.Home} }

// unitPages plans the pages of unit u: its own, and its items', flows',
// benchmarks' and risk catalogues'.
func (r *Renderer) unitPages(u *model.Unit) []Page {
	pages := make([]Page, 0, 1+len(u.Powers)+len(u.Flows)+len(u.Benchmarks)+len(u.Risks))
	add := func(path, layout string, v *View, deps ...string) {
		pages = append(pages, Page{Path: path, Layout: layout, View: v, Deps: deps})
	}
	crumbs := []Crumb{home(), {"单位", permalink.Units}}
	unitPath := permalink.Unit(u)
	v := r.view(unitPath, u.Name, crumbs, &UnitData{Unit: u, Groups: powerGroups(u.Powers)})
	v.Column = &Column{Name: u.Name, Description: u.Name + "权责清单、权力运行流程图、裁量基准和廉政风险防控目录", Keywords: u.DisplayName() + ",权责清单,廉政风险", Type: "单位"}
	add(unitPath, "unit", v, append(unitDeps(u), DepStructure)...)
	uc := append(crumbs, Crumb{u.DisplayName(), unitPath})
	for _, p := range u.Powers {
		path, name := permalink.Power(p), p.FullName()
		v := r.view(path, name, uc, &PowerData{Power: p})
		v.Article = &Article{Title: name, PubDate: pubDate(p.Published), Source: u.Name}
		add(path, "power", v, powerDeps(p)...)
	}
	for _, f := range u.Flows {
		v := r.view(permalink.Flow(f), f.Name, uc, &FlowData{Flow: f})
		v.Article = &Article{Title: f.Name, PubDate: pubDate(model.Later(f.Published, u.Published)), Source: u.Name}
		deps := []string{f.Src.File, u.Src.File}
		for _, p := range f.UsedBy {
			deps = append(deps, p.Src.File)
		}
		add(v.Path, "flow", v, deps...)
	}
	for _, b := range u.Benchmarks {
		v := r.view(permalink.Benchmark(b), b.Title, uc, &BenchmarkData{Benchmark: b})
		v.Article = &Article{Title: b.Title, PubDate: pubDate(b.Published), Source: b.Issuer}
		add(v.Path, "benchmark", v, benchmarkDeps(b)...)
	}
	for _, c := range u.Risks {
		title := riskTitle(c)
		v := r.view(permalink.Risk(c), title, uc, riskData(c))
		v.Article = &Article{Title: title, PubDate: pubDate(c.Published), Source: u.Name}
		add(v.Path, "risks", v, c.Src.File, u.Src.File, DepStructure)
	}
	return pages
}

// Plan lists every page in a deterministic order, with its dependencies.
func (r *Renderer) Plan() []Page {
	s := r.site
	var pages []Page
	add := func(path, layout string, v *View, deps ...string) {
		pages = append(pages, Page{Path: path, Layout: layout, View: v, Deps: deps})
	}

	var all []*model.Power
	var benchmarks []*model.Benchmark
	for _, u := range s.Units {
		all = append(all, u.Powers...)
		benchmarks = append(benchmarks, u.Benchmarks...)
	}

	// Home.
	hv := r.view(permalink.Home, s.Config.Title, nil, lazy(func() any { return r.homeData(all, benchmarks) }))
	hv.Column = &Column{Name: "首页", Description: s.Config.Description, Keywords: joinKeywords(s.Config.Keywords), Type: "首页"}
	add(permalink.Home, "home", hv, DepAll)

	// Units.
	uv := r.view(permalink.Units, "单位", []Crumb{home()}, unitGroups(s.Units))
	uv.Column = &Column{Name: "单位", Description: s.Config.Region + "各单位权责清单与廉政风险防控信息", Keywords: "单位,权责清单", Type: "列表"}
	add(permalink.Units, "units", uv, append(unitFiles(s.Units), DepStructure)...)
	// The units' pages are planned on every core (10,000 items took 35–60
	// ms on one, between the search index and the first page).
	perUnit := make([][]Page, len(s.Units))
	par.Do(len(s.Units), 0, func(i int) { perUnit[i] = r.unitPages(s.Units[i]) })
	for _, ps := range perUnit {
		pages = append(pages, ps...)
	}

	// Print pages: a year-end volume per unit and year, and a notice-board
	// poster per power item and per flow.
	if !s.Config.NoPrint {
		for _, u := range s.Units {
			for _, year := range volumeYears(u, s.Config.Year) {
				d := volumeData(u, year)
				v := r.view(permalink.Volume(u, year), u.Name+strconv.Itoa(year)+"年度权力运行和廉政风险防控公开汇编", []Crumb{home(), {"单位", permalink.Units}, {u.DisplayName(), permalink.Unit(u)}}, lazy(func() any {
					d := volumeData(u, year)
					if r.history != nil {
						d.Annual = r.annual(u, year)
					}
					return d
				}))
				v.Article = &Article{Title: v.Title, PubDate: pubDate(d.Date), Source: u.Name}
				add(permalink.Volume(u, year), "volume", v, append(unitDeps(u), DepStructure)...)
			}
			for _, p := range u.Powers {
				if p.Status == "取消" {
					continue
				}
				v := r.view(permalink.Poster(p), p.FullName(), nil, &PosterData{Power: p, Flow: p.FlowRef})
				v.Article = &Article{Title: p.FullName() + "(公开栏)", PubDate: pubDate(p.Published), Source: u.Name}
				add(permalink.Poster(p), "poster", v, powerDeps(p)...)
			}
			for _, f := range u.Flows {
				v := r.view(permalink.FlowPoster(f), f.Name, nil, &PosterData{Flow: f})
				v.Article = &Article{Title: f.Name + "(公开栏)", PubDate: pubDate(model.Later(f.Published, u.Published)), Source: u.Name}
				deps := []string{f.Src.File, u.Src.File}
				for _, p := range f.UsedBy {
					deps = append(deps, p.Src.File)
				}
				add(permalink.FlowPoster(f), "poster", v, deps...)
			}
		}
	}

	// Revision history: a snapshot page per superseded version of an item,
	// and a page per unit and year listing the year's changes.
	if r.history != nil {
		for _, u := range s.Units {
			crumbs := []Crumb{home(), {"单位", permalink.Units}, {u.DisplayName(), permalink.Unit(u)}}
			snap := func(src model.Source, base, title string) {
				fh := r.history.Files[src.File]
				if fh == nil {
					return
				}
				for i := 1; i < len(fh.Versions); i++ {
					ver := &fh.Versions[i]
					path := base + "history/" + ver.Short + "/"
					v := r.view(path, title+"(历史版本 "+ver.Date.Format("2006-01-02")+")", append(crumbs, Crumb{title, base}),
						&SnapshotData{Version: ver, Current: base, CurrentTitle: title, Newer: &fh.Versions[i-1], Unit: u})
					v.Article = &Article{Title: v.Title, PubDate: ver.Date.Format("2006-01-02 15:04"), Source: u.Name}
					add(path, "snapshot", v, src.File)
				}
			}
			for _, p := range u.Powers {
				snap(p.Src, permalink.Power(p), p.FullName())
			}
			for _, f := range u.Flows {
				if !f.Synthetic {
					snap(f.Src, permalink.Flow(f), f.Name)
				}
			}
			for _, b := range u.Benchmarks {
				snap(b.Src, permalink.Benchmark(b), b.Title)
			}
			for _, c := range u.Risks {
				snap(c.Src, permalink.Risk(c), riskTitle(c))
			}
			for _, year := range r.annualYears(u) {
				v := r.view(permalink.Annual(u, year), u.DisplayName()+strconv.Itoa(year)+"年度调整", crumbs, lazy(func() any { return r.annual(u, year) }))
				v.Column = &Column{Name: "年度调整", Description: u.Name + strconv.Itoa(year) + "年度权力事项、风险等级、防控措施和裁量基准的调整情况", Keywords: "年度调整,动态管理", Type: "列表"}
				add(permalink.Annual(u, year), "annual", v, DepAll)
			}
		}
	}

	// Categories.
	cats := r.categoryCounts(all)
	cv := r.view(permalink.Categories, "事项分类", []Crumb{home()}, cats)
	cv.Column = &Column{Name: "事项分类", Description: "按行政许可、行政处罚等类别浏览权力事项", Keywords: "事项分类", Type: "列表"}
	add(permalink.Categories, "categories", cv, DepStructure)
	for _, c := range model.Categories() {
		for _, d := range categoryPages(c, s.Units) {
			path, title := d.Pager.Paths[d.Pager.Page-1], c.Name
			crumbs := []Crumb{home(), {"事项分类", permalink.Categories}}
			if d.Pager.Page > 1 {
				title += "(第" + strconv.Itoa(d.Pager.Page) + "页)"
				crumbs = append(crumbs, Crumb{c.Name, permalink.Category(c)})
			}
			v := r.view(path, title, crumbs, d)
			v.Column = &Column{Name: c.Name, Description: c.Desc, Keywords: c.Name, Type: "列表"}
			deps := []string{DepStructure}
			for _, up := range d.Units {
				deps = append(deps, up.Unit.Src.File)
				for _, p := range up.Powers {
					deps = append(deps, p.Src.File)
				}
			}
			add(path, "category", v, deps...)
		}
	}

	// Benchmarks.
	bv := r.view(permalink.Benchmarks, "裁量基准", []Crumb{home()}, &BenchmarksData{Benchmarks: benchmarks})
	bv.Column = &Column{Name: "裁量基准", Description: "各单位行政处罚裁量基准", Keywords: "裁量基准,行政处罚", Type: "列表"}
	bdeps := append(unitFiles(s.Units), DepStructure)
	for _, b := range benchmarks {
		bdeps = append(bdeps, b.Src.File)
	}
	add(permalink.Benchmarks, "benchmarks", bv, bdeps...)

	// Cross-unit comparisons of benchmarks that apply the same provision.
	if r.bench != nil {
		compared := r.bench.Compared()
		cmv := r.view(permalink.Compare, "裁量基准比较", []Crumb{home(), {"裁量基准", permalink.Benchmarks}}, compared)
		cmv.Column = &Column{Name: "裁量基准比较", Description: "同一法律条款在不同单位的裁量基准对比", Keywords: "裁量基准,比较,同案同罚", Type: "列表"}
		add(permalink.Compare, "compare", cmv, append(bdeps, DepStructure)...)
		for _, p := range compared {
			chunks := chunk(p.Entries, EntriesPerPage)
			paths := pagePaths(ComparePath(p), len(chunks))
			for i, entries := range chunks {
				part := *p
				part.Entries = entries
				if i > 0 {
					// The differences name every unit: they are listed on
					// the first page only (its chart too), or each page
					// would grow with the units of all the others.
					part.Notes = nil
				}
				title, crumbs := p.ShortTitle()+" 各单位裁量基准比较", []Crumb{home(), {"裁量基准", permalink.Benchmarks}, {"比较", permalink.Compare}}
				if i > 0 {
					title += "(第" + strconv.Itoa(i+1) + "页)"
					crumbs = append(crumbs, Crumb{p.ShortTitle(), paths[0]})
				}
				v := r.view(paths[i], title, crumbs, &ProvisionData{Provision: &part, Pager: &Pager{Page: i + 1, Paths: paths}})
				v.Article = &Article{Title: title, Source: s.Config.Organiser}
				deps := []string{DepStructure}
				for _, e := range part.Entries {
					deps = append(deps, e.Benchmark.Src.File, e.Unit.Src.File)
					if p.Law != nil {
						deps = append(deps, p.Law.Src.File)
					}
				}
				add(paths[i], "provision", v, deps...)
			}
		}
	}

	// Laws.
	lv := r.view(permalink.Laws, "法规库", []Crumb{home()}, s.Laws)
	lv.Column = &Column{Name: "法规库", Description: "权力事项引用的法律法规", Keywords: "法律法规,依据", Type: "列表"}
	add(permalink.Laws, "laws", lv, DepAll)
	for _, l := range s.Laws {
		chunks := chunk(l.CitedBy, PerPage)
		paths := pagePaths(permalink.Law(l), len(chunks))
		for i, cited := range chunks {
			title, crumbs := l.Title, []Crumb{home(), {"法规库", permalink.Laws}}
			if i > 0 {
				title += "(引用事项第" + strconv.Itoa(i+1) + "页)"
				crumbs = append(crumbs, Crumb{l.Name(), permalink.Law(l)})
			}
			v := r.view(paths[i], title, crumbs, &LawData{Law: l, Cited: cited, Pager: &Pager{Page: i + 1, Paths: paths}})
			v.Article = &Article{Title: title, PubDate: pubDate(l.Effective), Source: l.Issuer}
			deps := []string{l.Src.File}
			if len(chunks) > 1 {
				deps = append(deps, DepStructure)
			}
			for _, p := range cited {
				deps = append(deps, p.Src.File, p.Unit.Src.File)
			}
			add(paths[i], "law", v, deps...)
		}
	}

	// Free pages.
	for _, p := range s.Pages {
		v := r.view(permalink.Page(p), p.Title, []Crumb{home()}, &PageData{Page: p})
		v.Article = &Article{Title: p.Title, PubDate: pubDate(p.Published), Source: s.Config.Organiser}
		add(permalink.Page(p), "page", v, p.Src.File)
	}

	// Search (works without JS as an index of units and categories),
	// coverage, site map and 404.
	sv := r.view(permalink.Search, "搜索", []Crumb{home()}, cats)
	sv.Column = &Column{Name: "搜索", Description: "搜索权力事项、裁量基准、风险点", Keywords: "搜索", Type: "搜索"}
	add(permalink.Search, "search", sv, append(unitFiles(s.Units), DepStructure)...)
	if r.cov != nil {
		v := r.view(permalink.Coverage, "公开情况", []Crumb{home()}, r.cov)
		v.Column = &Column{Name: "公开情况", Description: "各单位权责清单、流程图、裁量基准、廉政风险防控目录的公开完整度", Keywords: "公开情况,考核", Type: "列表"}
		add(permalink.Coverage, "coverage", v, DepAll)
	}
	dv := r.view(permalink.Data, "开放数据", []Crumb{home()}, opendata.Datasets())
	dv.Column = &Column{Name: "开放数据", Description: "权力事项、裁量基准、廉政风险点、单位和法规的开放数据(CSV、JSON)及数据字典", Keywords: "开放数据,数据字典,CSV,JSON", Type: "列表"}
	add(permalink.Data, "data", dv)
	chv := r.view(permalink.Changes, "最近更新", []Crumb{home()}, lazy(func() any { return r.changes(all) }))
	chv.Column = &Column{Name: "最近更新", Description: "最近发布或复核的权力事项", Keywords: "更新,变化", Type: "列表"}
	add(permalink.Changes, "changes", chv, DepAll)
	mv := r.view(permalink.SiteMap, "网站地图", []Crumb{home()}, unitGroups(s.Units))
	mv.Column = &Column{Name: "网站地图", Description: "本网站全部栏目", Keywords: "网站地图", Type: "列表"}
	add(permalink.SiteMap, "sitemap", mv, append(unitFiles(s.Units), DepStructure)...)
	av := r.view(permalink.Accessibility, "无障碍与长者模式", []Crumb{home()}, nil)
	av.Column = &Column{Name: "无障碍与长者模式", Description: "长者模式、放大、键盘和读屏软件的使用说明", Keywords: "无障碍,适老化,长者模式", Type: "说明"}
	add(permalink.Accessibility, "accessibility", av)
	add(permalink.NotFound, "404", r.view(permalink.NotFound, "页面未找到", nil, nil))
	return pages
}

func unitFiles(units []*model.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Src.File
	}
	return out
}

// unitDeps: a unit page shows its profile, its parent and children, and
// the names of all its items.
func unitDeps(u *model.Unit) []string {
	deps := []string{u.Src.File}
	if u.ParentRef != nil {
		deps = append(deps, u.ParentRef.Src.File)
	}
	for _, c := range u.Children {
		deps = append(deps, c.Src.File)
	}
	for _, p := range u.Powers {
		deps = append(deps, p.Src.File)
	}
	for _, f := range u.Flows {
		deps = append(deps, f.Src.File)
	}
	for _, b := range u.Benchmarks {
		deps = append(deps, b.Src.File)
	}
	for _, c := range u.Risks {
		deps = append(deps, c.Src.File)
	}
	return deps
}

// powerDeps: a power page shows its own file, its unit, its flow, its
// benchmark (and the one that adopts), and the laws it cites.
func powerDeps(p *model.Power) []string {
	deps := []string{p.Src.File, p.Unit.Src.File}
	if f := p.FlowRef; f != nil {
		deps = append(deps, f.Src.File)
	}
	if b := p.BenchmarkRef; b != nil {
		deps = append(deps, b.Src.File)
		if b.SourceRef != nil {
			deps = append(deps, b.SourceRef.Src.File, b.SourceRef.Unit.Src.File)
		}
	}
	refs := append([]model.LegalRef(nil), p.Basis...)
	for _, a := range p.Accountabilities {
		refs = append(refs, a.Basis...)
	}
	for _, r := range refs {
		if r.LawRef != nil {
			deps = append(deps, r.LawRef.Src.File)
		}
	}
	return deps
}

func benchmarkDeps(b *model.Benchmark) []string {
	deps := []string{b.Src.File, b.Unit.Src.File}
	if b.SourceRef != nil {
		deps = append(deps, b.SourceRef.Src.File, b.SourceRef.Unit.Src.File)
	}
	for _, v := range b.Violations {
		for _, r := range append(append([]model.LegalRef(nil), v.Violated...), v.PenaltyBasis...) {
			if r.LawRef != nil {
				deps = append(deps, r.LawRef.Src.File)
			}
		}
	}
	for _, p := range b.UsedBy {
		deps = append(deps, p.Src.File)
	}
	return deps
}

func joinKeywords(k []string) string {
	var b bytes.Buffer
	for i, s := range k {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s)
	}
	return b.String()
}

// pubDate formats a date as the PubDate meta tag wants (yyyy-MM-dd HH:mm).
func pubDate(d model.Date) string {
	if !d.Valid() {
		return ""
	}
	return d.String() + " 00:00"
}

func (r *Renderer) homeData(all []*model.Power, benchmarks []*model.Benchmark) *HomeData {
	s := r.site
	d := &HomeData{Units: s.Units, Categories: r.categoryCounts(all)}
	c := &d.Counts
	c.Units, c.Powers, c.Benchmarks, c.Laws = len(s.Units), len(all), len(benchmarks), len(s.Laws)
	for _, u := range s.Units {
		c.Flows += len(u.Flows)
		for _, b := range u.Benchmarks {
			for _, v := range b.Violations {
				c.Tiers += len(v.Tiers)
			}
		}
	}
	count := func(risks []model.RiskPoint) { // the risks powerRisks lists, without building the list
		c.RiskPoints += len(risks)
		for _, rk := range risks {
			if rk.Level == model.RiskHigh {
				c.HighRisks++
			}
		}
	}
	for _, p := range all {
		count(p.Risks)
		if p.FlowRef != nil {
			for _, st := range p.FlowRef.Effective() {
				count(st.Risks)
			}
		}
	}
	recent := r.changes(all).Changes
	if len(recent) > 12 {
		recent = recent[:12]
	}
	d.Recent = recent
	return d
}

func (r *Renderer) categoryCounts(all []*model.Power) []CategoryCount {
	n := map[string]int{}
	for _, p := range all {
		n[p.Category]++
	}
	var out []CategoryCount
	for _, c := range model.Categories() {
		out = append(out, CategoryCount{c, n[c.Code]})
	}
	return out
}

func unitGroups(units []*model.Unit) []UnitGroup {
	var out []UnitGroup
	for _, t := range model.UnitTypes() {
		var g []*model.Unit
		for _, u := range units {
			if u.Type == t {
				g = append(g, u)
			}
		}
		if len(g) > 0 {
			out = append(out, UnitGroup{t, g})
		}
	}
	return out
}

func powerGroups(powers []*model.Power) []PowerGroup {
	var out []PowerGroup
	for _, c := range model.Categories() {
		var g []*model.Power
		for _, p := range powers {
			if p.Category == c.Code {
				g = append(g, p)
			}
		}
		if len(g) > 0 {
			out = append(out, PowerGroup{c, g})
		}
	}
	return out
}

func powerRisks(p *model.Power) []StepRisk {
	n := len(p.Risks)
	if p.FlowRef != nil {
		for _, s := range p.FlowRef.Effective() {
			n += len(s.Risks)
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]StepRisk, 0, n)
	for _, rk := range p.Risks {
		out = append(out, StepRisk{rk.Step, rk})
	}
	if p.FlowRef != nil {
		for _, s := range p.FlowRef.Effective() {
			for _, rk := range s.Risks {
				out = append(out, StepRisk{s.Name, rk})
			}
		}
	}
	return out
}

func riskData(c *model.RiskCatalogue) *RiskData {
	d := &RiskData{Catalogue: c}
	for _, t := range model.RiskObjectTypes() {
		var items []model.RiskItem
		for _, it := range c.Items {
			if it.ObjectType == t {
				items = append(items, it)
			}
		}
		if len(items) > 0 {
			d.Groups = append(d.Groups, RiskGroup{t, items})
		}
	}
	return d
}

// categoryPages lists a category's items by unit, about PerPage items to
// a page, never splitting a unit. There is always a first page.
func categoryPages(c model.Category, units []*model.Unit) []*CategoryData {
	var all []UnitPowers
	count := 0
	for _, u := range units {
		var ps []*model.Power
		for _, p := range u.Powers {
			if p.Category == c.Code {
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			all = append(all, UnitPowers{u, ps})
			count += len(ps)
		}
	}
	pages := []*CategoryData{{Category: c, Count: count}}
	n := 0 // items on the last page
	for _, up := range all {
		last := pages[len(pages)-1]
		if n > 0 && n+len(up.Powers) > PerPage {
			last = &CategoryData{Category: c, Count: count}
			pages = append(pages, last)
			n = 0
		}
		last.Units = append(last.Units, up)
		n += len(up.Powers)
	}
	paths := pagePaths(permalink.Category(c), len(pages))
	for i, d := range pages {
		d.Pager = &Pager{Page: i + 1, Paths: paths}
	}
	return pages
}

// sitemapXML lists every HTML page (not the 404) with absolute URLs.
func (r *Renderer) sitemapXML(pages []Page) []byte {
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		if p.Path == permalink.NotFound {
			continue
		}
		e := entry{Loc: r.baseURL + escapePath(p.Path)}
		if pd, ok := p.View.Main.(*PowerData); ok && pd.Power.Reviewed.Valid() {
			e.LastMod = pd.Power.Reviewed.String()
		}
		set.URLs = append(set.URLs, e)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	_ = enc.Encode(set)
	b.WriteByte('\n')
	return b.Bytes()
}

// ComparePath is the page of a provision's cross-unit comparison.
func ComparePath(p *bench.Provision) string { return permalink.Compare + p.Slug() + "/" }

// VolumeData is a unit's year-end bound volume (装订成册).
type VolumeData struct {
	Unit       *model.Unit
	Year       int
	Date       model.Date // the latest review of anything in the volume
	Groups     []PowerGroup
	Powers     []*model.Power
	Flows      []*model.Flow
	Benchmarks []*model.Benchmark
	Risks      *RiskData   // the year's risk catalogue, or nil
	Annual     *AnnualData // the year's changes, when the history is known
}

// PosterData is a notice-board poster of a power item (Power set) or of
// a flow (Power nil).
type PosterData struct {
	Power *model.Power
	Flow  *model.Flow
}

// volumeYears are the years a unit gets a volume for: the current cycle
// and every year it has a risk catalogue for.
func volumeYears(u *model.Unit, current int) []int {
	years := []int{current}
	for _, c := range u.Risks {
		if c.Year != current {
			years = append(years, c.Year)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(years)))
	return years
}

func volumeData(u *model.Unit, year int) *VolumeData {
	d := &VolumeData{Unit: u, Year: year, Benchmarks: u.Benchmarks}
	d.Date = u.Reviewed
	for _, p := range u.Powers {
		if p.Status == "取消" {
			continue
		}
		d.Powers = append(d.Powers, p)
		if p.Reviewed.Year() <= year {
			d.Date = model.Later(d.Date, p.Reviewed)
		}
	}
	d.Groups = powerGroups(d.Powers)
	for _, f := range u.Flows {
		if len(f.UsedBy) > 0 {
			d.Flows = append(d.Flows, f)
		}
	}
	for _, c := range u.Risks {
		if c.Year == year {
			d.Risks = riskData(c)
			d.Date = model.Later(d.Date, c.Reviewed)
		}
	}
	if d.Date.Year() > year { // a past year's volume is dated within it
		d.Date = model.Date{Time: time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)}
	}
	return d
}
