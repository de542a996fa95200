package render

import (
	"bytes"
	"encoding/xml"
	"sort"

	"sunlight/internal/model"
	"sunlight/internal/permalink"
)

// Change is one dated change of an item, newest first on the changes page
// and in the Atom feed. Dates come from the content (published, reviewed),
// never from the build clock, so the feed is reproducible.
type Change struct {
	Date  model.Date
	Kind  string // 新增 (first published) or 更新 (reviewed since)
	Power *model.Power
}

// ChangesData is the changes page's data.
type ChangesData struct {
	Changes []Change
}

const maxChanges = 100

func (r *Renderer) changes(all []*model.Power) *ChangesData {
	var cs []Change
	for _, p := range all {
		d, kind := p.Reviewed, "更新"
		if !p.Reviewed.Valid() || p.Reviewed.String() == p.Published.String() {
			d, kind = p.Published, "新增"
		}
		if d.Valid() {
			cs = append(cs, Change{Date: d, Kind: kind, Power: p})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if !cs[i].Date.Time.Equal(cs[j].Date.Time) {
			return cs[i].Date.Time.After(cs[j].Date.Time)
		}
		return permalink.Power(cs[i].Power) < permalink.Power(cs[j].Power)
	})
	if len(cs) > maxChanges {
		cs = cs[:maxChanges]
	}
	return &ChangesData{Changes: cs}
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
	if len(cs) > 0 {
		f.Updated = cs[0].Date.Time.Format("2006-01-02T15:04:05Z")
	}
	for _, c := range cs {
		u := r.baseURL + escapePath(permalink.Power(c.Power))
		e := entry{Title: c.Kind + ":" + c.Power.FullName(), ID: u + "#" + c.Date.String(), Link: link{Href: u},
			Updated: c.Date.Time.Format("2006-01-02T15:04:05Z"),
			Summary: c.Power.Unit.Name + " " + c.Power.CategoryInfo().Name + "事项于 " + c.Date.Chinese() + c.Kind}
		e.Author.Name = c.Power.Unit.Name
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
