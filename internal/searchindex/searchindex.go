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
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"sunlight/internal/bench"
	"sunlight/internal/model"
	"sunlight/internal/permalink"
	"sunlight/internal/search"
)

// Docs returns the documents of site, in a stable order. The units'
// documents, nearly all of them, are made on every core, each unit's on
// one goroutine, and joined in the units' order.
func Docs(site *model.Site, an *bench.Analysis) []search.Doc {
	perUnit := make([][]search.Doc, len(site.Units))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(site.Units)) {
		wg.Go(func() {
			var t text // bodies are built in one buffer per goroutine
			for i := range next {
				perUnit[i] = unitDocs(&t, site.Units[i], an)
			}
		})
	}
	for i := range site.Units {
		next <- i
	}
	close(next)
	wg.Wait()

	docs := make([]search.Doc, 0, count(site))
	add := func(d search.Doc) {
		d.ID = d.URL
		if d.Title == "" {
			return
		}
		docs = append(docs, d)
	}
	for i, ds := range perUnit {
		for _, d := range ds {
			add(d)
		}
		perUnit[i] = nil
	}
	var t text
	for _, l := range site.Laws {
		for i, a := range l.Articles {
			t.reset()
			t.add(l.Title)
			t.add(a.Text)
			add(search.Doc{Type: "法规", Title: "《" + l.Name() + "》" + a.Number, URL: permalink.Law(l) + "#art-" + strconv.Itoa(i+1),
				Body: t.String(), Year: l.Effective.Year()})
		}
	}
	for _, p := range site.Pages {
		t.reset()
		t.add(p.Summary)
		t.add(p.Body)
		add(search.Doc{Type: "页面", Title: p.Title, URL: permalink.Page(p), Body: t.String(), Year: p.Reviewed.Year()})
	}
	// A URL is a document's identity: keep the first of any duplicates.
	seen := make(map[string]bool, len(docs))
	out := docs[:0]
	for _, d := range docs {
		if !seen[d.ID] {
			seen[d.ID] = true
			out = append(out, d)
		}
	}
	clear(docs[len(out):])
	return out
}

// unitDocs returns the documents of unit u: the unit, its items, flows,
// benchmark violations and risk catalogue rows, in that order. t is the
// caller's body buffer.
func unitDocs(t *text, u *model.Unit, an *bench.Analysis) []search.Doc {
	var docs []search.Doc
	name := u.DisplayName()
	t.reset()
	t.add(u.Short)
	t.add(u.Type)
	t.add(u.Functions)
	t.add(u.Address)
	t.add(u.Phone)
	t.add(u.SupervisePhone)
	t.addJoined(u.Offices, " ")
	docs = append(docs, search.Doc{Type: "单位", Title: u.Name, URL: permalink.Unit(u), Unit: u.ID, UnitName: name,
		Body: t.String(), Year: u.Reviewed.Year()})
	for _, p := range u.Powers {
		docs = append(docs, powerDoc(t, u, name, p)) // with its risk points and measures in the text
	}
	for _, f := range u.Flows {
		if f.Synthetic {
			continue
		}
		t.reset()
		for _, s := range f.Effective() {
			t.add(s.Name)
			t.add(s.Post)
			t.add(s.TimeText())
			t.add(s.Basis)
			for _, e := range s.Next {
				t.add(e.Label)
			}
			for _, r := range s.Risks {
				t.add(r.Description)
				t.addJoined(r.Measures, " ")
			}
		}
		docs = append(docs, search.Doc{Type: "流程", Title: f.Name, URL: permalink.Flow(f), Unit: u.ID, UnitName: name,
			Category: categoryName(f.Category), Body: t.String(), Year: model.Later(f.Reviewed, u.Reviewed).Year()})
	}
	for _, b := range u.Benchmarks {
		for vi := range b.Violations {
			docs = append(docs, violationDoc(t, u, name, b, vi, an))
		}
	}
	for _, c := range u.Risks {
		for _, it := range c.Items {
			t.reset()
			t.add(it.Object)
			t.add(it.ObjectType)
			t.add(it.Category)
			t.add(it.Manifestation)
			t.addJoined(it.Measures, " ")
			t.add(it.Owner)
			t.add(it.Leader)
			docs = append(docs, search.Doc{Type: "风险点", Title: it.Risk, URL: permalink.Risk(c), Unit: u.ID, UnitName: name,
				RiskLevel: it.Level, Year: c.Year, Body: t.String()})
		}
	}
	return docs
}

// count returns the most documents Docs can return for site.
func count(site *model.Site) int {
	n := len(site.Units) + len(site.Pages)
	for _, u := range site.Units {
		n += len(u.Powers) + len(u.Flows)
		for _, b := range u.Benchmarks {
			n += len(b.Violations)
		}
		for _, c := range u.Risks {
			n += len(c.Items)
		}
	}
	for _, l := range site.Laws {
		n += len(l.Articles)
	}
	return n
}

func powerDoc(t *text, u *model.Unit, unitName string, p *model.Power) search.Doc {
	t.reset()
	t.add(p.Code)
	t.add(p.SubName)
	t.add(p.SubjectName())
	t.add(p.Office)
	t.add(p.Mode)
	t.add(p.Status)
	t.add(p.ServiceObject)
	for _, r := range p.Basis {
		t.addRef(r)
	}
	t.addJoined(p.Conditions, " ")
	t.addJoined(p.Materials, " ")
	for _, r := range p.Responsibilities {
		t.add(r.Step)
		t.add(r.Content)
	}
	level := ""
	for _, r := range p.Risks {
		t.add(r.Step)
		t.add(r.Description)
		t.addJoined(r.Measures, " ")
		t.add(r.Owner)
		if model.RiskRank(r.Level) > model.RiskRank(level) {
			level = r.Level
		}
	}
	t.add(p.Body)
	return search.Doc{Type: "权力事项", Title: p.FullName(), URL: permalink.Power(p), Unit: u.ID, UnitName: unitName,
		Category: p.CategoryInfo().Name, RiskLevel: level, Year: p.Reviewed.Year(), Body: t.String()}
}

func violationDoc(t *text, u *model.Unit, unitName string, b *model.Benchmark, vi int, an *bench.Analysis) search.Doc {
	v := &b.Violations[vi]
	t.reset()
	t.add(b.Title)
	t.add(b.DocNo)
	t.add(b.Issuer)
	t.add(v.Statutory)
	for _, r := range v.PenaltyBasis {
		t.addRef(r)
	}
	for _, r := range v.Violated {
		t.addRef(r)
	}
	d := search.Doc{Type: "裁量基准", Title: v.Name, Unit: u.ID, UnitName: unitName, Category: "行政处罚", Year: b.Effective.Year()}
	d.URL = permalink.Benchmark(b)
	if len(b.Violations) > 1 {
		d.URL += "#v-" + strconv.Itoa(vi+1)
	}
	first := true
	for j := range v.Tiers {
		tier := &v.Tiers[j]
		t.add(tier.Label)
		t.add(tier.Kind)
		t.addJoined(tier.Conditions, " ")
		t.add(tier.Standard)
		if an == nil {
			continue
		}
		ti := an.Tiers[tier]
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
	d.Body = t.String()
	return d
}

func categoryName(code string) string {
	if c, ok := model.CategoryByName(code); ok {
		return c.Name
	}
	return ""
}

// text builds a document's body: parts with the white space around them
// trimmed, one per line, empty ones left out.
type text struct {
	b []byte
	// The bodies lie one after the other in blocks of about blockBytes
	// (one allocation each): a strings.Builder never changes the bytes
	// its String has returned.
	block strings.Builder
}

const blockBytes = 64 << 10

func (t *text) reset() { t.b = t.b[:0] }

// String returns the body.
func (t *text) String() string {
	if len(t.b) == 0 {
		return ""
	}
	if t.block.Cap()-t.block.Len() < len(t.b) {
		t.block = strings.Builder{}
		t.block.Grow(max(blockBytes, len(t.b)))
	}
	start := t.block.Len()
	t.block.Write(t.b)
	return t.block.String()[start:]
}

// add appends part s.
func (t *text) add(s string) {
	t.addJoined([]string{s}, "")
}

// addRef appends a legal reference, 《law》article, as one part.
func (t *text) addRef(r model.LegalRef) {
	name := r.Law
	if r.LawRef != nil {
		name = r.LawRef.Name()
	}
	t.addJoined([]string{"《", name, "》", r.Article}, "")
}

// addJoined appends strings.Join(parts, sep) as one part.
func (t *text) addJoined(parts []string, sep string) {
	start := len(t.b)
	if start > 0 {
		t.b = append(t.b, '\n')
	}
	at := len(t.b)
	for i, p := range parts {
		if i > 0 {
			t.b = append(t.b, sep...)
		}
		t.b = append(t.b, p...)
	}
	part := bytes.TrimSpace(t.b[at:])
	if len(part) == 0 {
		t.b = t.b[:start]
		return
	}
	t.b = t.b[:at+copy(t.b[at:], part)]
}
