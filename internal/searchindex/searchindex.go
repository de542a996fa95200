// Package searchindex turns a linked site into the documents of the
// static search index (package search): what a citizen or journalist can
// find, and where each result leads.
//
// Documents, by type:
//
//	权力事项   every power item: name, code, legal basis, office, conditions,
//	          materials, responsibilities, risk points and its prose;
//	          category, unit, highest risk level, year of last review
//	裁量基准   every violation of every benchmark: name, penalty basis, and
//	          each tier's label, conditions and standard; the fine range
//	          (元) read from the tiers, for the fine filter
//	风险点     every row of a unit's risk catalogue, with its measures and
//	          level (the risk points of power items and flow steps are
//	          found through their item and flow, whose text holds them)
//	流程       every flow: its steps, posts, time limits, edge labels and
//	          step risk points
//	单位       every unit: name, functions, address and contacts
//	法规       every article of every law in the registry
//	页面       every free page
package searchindex

import (
	"strconv"
	"strings"

	"sunlight/internal/bench"
	"sunlight/internal/model"
	"sunlight/internal/permalink"
	"sunlight/internal/search"
)

// Docs returns the documents of site, in a stable order.
func Docs(site *model.Site, an *bench.Analysis) []search.Doc {
	var docs []search.Doc
	add := func(d search.Doc) {
		d.ID = d.URL
		if d.Title == "" {
			return
		}
		docs = append(docs, d)
	}
	for _, u := range site.Units {
		add(search.Doc{Type: "单位", Title: u.Name, URL: permalink.Unit(u), Unit: u.ID, UnitName: u.DisplayName(),
			Body: join(u.Short, u.Type, u.Functions, u.Address, u.Phone, u.SupervisePhone, strings.Join(u.Offices, " ")), Year: u.Reviewed.Year()})
		for _, p := range u.Powers {
			add(powerDoc(u, p)) // with its risk points and measures in the text
		}
		for _, f := range u.Flows {
			if f.Synthetic {
				continue
			}
			var body []string
			for _, s := range f.Effective() {
				body = append(body, s.Name, s.Post, s.TimeText(), s.Basis)
				for _, e := range s.Next {
					body = append(body, e.Label)
				}
				for _, r := range s.Risks {
					body = append(body, r.Description, strings.Join(r.Measures, " "))
				}
			}
			add(search.Doc{Type: "流程", Title: f.Name, URL: permalink.Flow(f), Unit: u.ID, UnitName: u.DisplayName(),
				Category: categoryName(f.Category), Body: join(body...), Year: model.Later(f.Reviewed, u.Reviewed).Year()})
		}
		for _, b := range u.Benchmarks {
			for vi := range b.Violations {
				add(violationDoc(u, b, vi, an))
			}
		}
		for _, c := range u.Risks {
			for _, it := range c.Items {
				add(search.Doc{Type: "风险点", Title: it.Risk, URL: permalink.Risk(c), Unit: u.ID, UnitName: u.DisplayName(),
					RiskLevel: it.Level, Year: c.Year,
					Body: join(it.Object, it.ObjectType, it.Category, it.Manifestation, strings.Join(it.Measures, " "), it.Owner, it.Leader)})
			}
		}
	}
	for _, l := range site.Laws {
		for i, a := range l.Articles {
			add(search.Doc{Type: "法规", Title: "《" + l.Name() + "》" + a.Number, URL: permalink.Law(l) + "#art-" + strconv.Itoa(i+1),
				Body: join(l.Title, a.Text), Year: l.Effective.Year()})
		}
	}
	for _, p := range site.Pages {
		add(search.Doc{Type: "页面", Title: p.Title, URL: permalink.Page(p), Body: join(p.Summary, p.Body), Year: p.Reviewed.Year()})
	}
	// A URL is a document's identity: keep the first of any duplicates.
	seen := map[string]bool{}
	out := docs[:0]
	for _, d := range docs {
		if !seen[d.ID] {
			seen[d.ID] = true
			out = append(out, d)
		}
	}
	return out
}

func powerDoc(u *model.Unit, p *model.Power) search.Doc {
	var body []string
	body = append(body, p.Code, p.SubName, p.SubjectName(), p.Office, p.Mode, p.Status, p.ServiceObject)
	for _, r := range p.Basis {
		name := r.Law
		if r.LawRef != nil {
			name = r.LawRef.Name()
		}
		body = append(body, "《"+name+"》"+r.Article)
	}
	body = append(body, strings.Join(p.Conditions, " "), strings.Join(p.Materials, " "))
	for _, r := range p.Responsibilities {
		body = append(body, r.Step, r.Content)
	}
	level := ""
	for _, r := range p.Risks {
		body = append(body, r.Step, r.Description, strings.Join(r.Measures, " "), r.Owner)
		if model.RiskRank(r.Level) > model.RiskRank(level) {
			level = r.Level
		}
	}
	body = append(body, p.Body)
	return search.Doc{Type: "权力事项", Title: p.FullName(), URL: permalink.Power(p), Unit: u.ID, UnitName: u.DisplayName(),
		Category: p.CategoryInfo().Name, RiskLevel: level, Year: p.Reviewed.Year(), Body: join(body...)}
}

func violationDoc(u *model.Unit, b *model.Benchmark, vi int, an *bench.Analysis) search.Doc {
	v := &b.Violations[vi]
	var body []string
	body = append(body, b.Title, b.DocNo, b.Issuer, v.Statutory)
	for _, r := range append(append([]model.LegalRef(nil), v.PenaltyBasis...), v.Violated...) {
		name := r.Law
		if r.LawRef != nil {
			name = r.LawRef.Name()
		}
		body = append(body, "《"+name+"》"+r.Article)
	}
	d := search.Doc{Type: "裁量基准", Title: v.Name, Unit: u.ID, UnitName: u.DisplayName(), Category: "行政处罚", Year: b.Effective.Year()}
	d.URL = permalink.Benchmark(b)
	if len(b.Violations) > 1 {
		d.URL += "#v-" + strconv.Itoa(vi+1)
	}
	first := true
	for j := range v.Tiers {
		t := &v.Tiers[j]
		body = append(body, t.Label, t.Kind, strings.Join(t.Conditions, " "), t.Standard)
		if an == nil {
			continue
		}
		ti := an.Tiers[t]
		if ti == nil || !ti.HasFine() {
			continue
		}
		lo, hi := 0.0, 0.0
		if ti.FineMin != nil {
			lo = *ti.FineMin
		}
		if ti.FineMax != nil {
			hi = *ti.FineMax
		} else {
			hi = lo
		}
		if first || lo < d.FineMin {
			d.FineMin = lo
		}
		if first || hi > d.FineMax {
			d.FineMax = hi
		}
		first, d.HasFine = false, true
	}
	d.Body = join(body...)
	return d
}

func categoryName(code string) string {
	if c, ok := model.CategoryByName(code); ok {
		return c.Name
	}
	return ""
}

func join(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(p)
		}
	}
	return b.String()
}
