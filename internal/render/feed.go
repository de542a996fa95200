package render

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"

	"sunlight/internal/history"
	"sunlight/internal/model"
	"sunlight/internal/permalink"
)

// Change is one dated change of an item, newest first on the home page,
// the changes page and in the Atom feed. With a revision history, changes
// are the commits that changed items (with their field-level changes);
// without one, the items' own published and reviewed dates stand in.
// Dates come from the content or its history, never from the build clock,
// so the feed is reproducible.
type Change struct {
	Date    model.Date
	Kind    string   // 新增, 更新, 删除
	Title   string   // the item's name
	Path    string   // site path of the item's page ("" when removed)
	Unit    string   // unit display name
	Subject string   // commit message summary, with history
	Lines   []string // field-level changes, with history
	ID      string   // stable id for the feed entry
}

// ChangesData is the changes page's data.
type ChangesData struct {
	Changes []Change
	History bool // the changes come from the revision history
}

const maxChanges = 100

// pageOf maps content files to the page that shows them and a title.
type pageOf struct {
	path, title, unit string
}

// pages is computed once per Renderer.
func (r *Renderer) pages() map[string]pageOf {
	r.pagesOnce.Do(func() { r.pagesOf = r.computePages() })
	return r.pagesOf
}

func (r *Renderer) computePages() map[string]pageOf {
	m := map[string]pageOf{}
	for _, u := range r.site.Units {
		m[u.Src.File] = pageOf{permalink.Unit(u), u.Name, u.DisplayName()}
		for _, p := range u.Powers {
			m[p.Src.File] = pageOf{permalink.Power(p), p.FullName(), u.DisplayName()}
		}
		for _, f := range u.Flows {
			if !f.Synthetic {
				m[f.Src.File] = pageOf{permalink.Flow(f), f.Name, u.DisplayName()}
			}
		}
		for _, b := range u.Benchmarks {
			m[b.Src.File] = pageOf{permalink.Benchmark(b), b.Title, u.DisplayName()}
		}
		for _, c := range u.Risks {
			m[c.Src.File] = pageOf{permalink.Risk(c), riskTitle(c), u.DisplayName()}
		}
	}
	for _, l := range r.site.Laws {
		m[l.Src.File] = pageOf{permalink.Law(l), l.Title, ""}
	}
	return m
}

// changes lists the latest changes, computed once per Renderer (the home
// page, the changes page and the feed all show them).
func (r *Renderer) changes(all []*model.Power) *ChangesData {
	r.changesOnce.Do(func() { r.changesData = r.computeChanges(all) })
	return r.changesData
}

func (r *Renderer) computeChanges(all []*model.Power) *ChangesData {
	if r.history != nil {
		return r.historyChanges()
	}
	// Sort the items by date alone, then describe only those that can be
	// among the latest maxChanges: the ties at the cut are ordered by path.
	type dated struct {
		date model.Date
		kind string
		p    *model.Power
	}
	var ds []dated
	for _, p := range all {
		d, kind := p.Reviewed, "更新"
		if !p.Reviewed.Valid() || p.Reviewed.String() == p.Published.String() {
			d, kind = p.Published, "新增"
		}
		if d.Valid() {
			ds = append(ds, dated{d, kind, p})
		}
	}
	slices.SortFunc(ds, func(a, b dated) int { return b.date.Time.Compare(a.date.Time) })
	if len(ds) > maxChanges {
		last := ds[maxChanges-1].date.Time
		n := maxChanges
		for n < len(ds) && ds[n].date.Time.Equal(last) {
			n++
		}
		ds = ds[:n]
	}
	cs := make([]Change, len(ds))
	for i, d := range ds {
		path := permalink.Power(d.p)
		cs[i] = Change{Date: d.date, Kind: d.kind, Title: d.p.FullName(), Path: path, Unit: d.p.Unit.DisplayName(), ID: path + "#" + d.date.String()}
	}
	slices.SortFunc(cs, func(a, b Change) int {
		if c := b.Date.Time.Compare(a.Date.Time); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	if len(cs) > maxChanges {
		cs = slices.Clone(cs[:maxChanges])
	}
	return &ChangesData{Changes: cs}
}

// historyChanges lists the latest commits to item files (power items,
// flows, benchmarks, risk catalogues), newest first.
func (r *Renderer) historyChanges() *ChangesData {
	pages := r.pages()
	var cs []Change
	for _, e := range r.history.Entries() {
		parts := strings.Split(e.Path, "/")
		if len(parts) != 4 || parts[0] != "units" {
			continue
		}
		v := e.Version
		c := Change{Date: model.Date{Time: v.Date}, Kind: "更新", Subject: v.Subject, ID: e.Path + "@" + v.Short}
		if pg, ok := pages[e.Path]; ok && !e.Removed {
			c.Title, c.Path, c.Unit = pg.title, pg.path, pg.unit
		} else {
			c.Title = v.Title()
			if e.Removed && len(v.Changes) > 0 {
				c.Title = v.Changes[0].Old
			}
		}
		switch {
		case e.Removed:
			c.Kind = "删除"
		case len(v.Changes) > 0 && strings.HasPrefix(v.Changes[0].Text, "新增") && v.Changes[0].Field == "":
			c.Kind = "新增"
		}
		for _, ch := range v.Changes {
			c.Lines = append(c.Lines, ch.Text)
		}
		cs = append(cs, c)
		if len(cs) == maxChanges {
			break
		}
	}
	return &ChangesData{Changes: cs, History: true}
}

// atom writes the Atom feed of the latest changes.
func (r *Renderer) atom() []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
	}
	type feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Links   []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Entries []entry  `xml:"entry"`
	}
	var all []*model.Power
	for _, u := range r.site.Units {
		all = append(all, u.Powers...)
	}
	cs := r.changes(all).Changes
	f := feed{Title: r.site.Config.Title + " · 最近更新", ID: r.baseURL,
		Links: []link{{Href: r.baseURL + permalink.Feed, Rel: "self"}, {Href: r.baseURL}}}
	f.Updated = "2000-01-01T00:00:00Z"
	for _, c := range cs {
		if t := c.Date.Time.UTC().Format("2006-01-02T15:04:05Z"); t > f.Updated {
			f.Updated = t
		}
	}
	for _, c := range cs {
		u := r.baseURL + escapePath(permalink.Changes)
		if c.Path != "" {
			u = r.baseURL + escapePath(c.Path)
		}
		summary := c.Unit + " " + c.Date.Chinese() + c.Kind
		if c.Subject != "" {
			summary += ":" + c.Subject
		}
		if len(c.Lines) > 0 {
			summary += "。" + strings.Join(c.Lines, ";")
		}
		e := entry{Title: c.Kind + ":" + c.Title, ID: r.baseURL + "#" + c.ID, Link: link{Href: u},
			Updated: c.Date.Time.UTC().Format("2006-01-02T15:04:05Z"), Summary: summary}
		e.Author.Name = c.Unit
		if e.Author.Name == "" {
			e.Author.Name = r.site.Config.Organiser
		}
		f.Entries = append(f.Entries, e)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	enc.Encode(f)
	b.WriteByte('\n')
	return b.Bytes()
}

// Revisions is what an item page shows of its history.
type Revisions struct {
	File     *history.FileHistory
	Base     string // the item page's site path; snapshots are under Base+"history/"
	Reason   string // why no history is shown, if so
	Snapshot bool   // versions other than the newest have snapshot pages
}

func riskTitle(c *model.RiskCatalogue) string {
	if c.Title != "" {
		return c.Title
	}
	return c.Unit.DisplayName() + itoa(c.Year) + "年度廉政风险防控目录"
}
