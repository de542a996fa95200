// Package link resolves the references between loaded content files and
// derives what later stages need: every power item's flow and benchmark,
// every legal reference's law, unit parents, and the reverse lists (which
// items cite a law, use a flow or apply a benchmark).
//
// References are written as ids. A flow or benchmark id names a file in the
// same unit's folder; "<unit>/<id>" names another unit's (a township
// adopting a department's benchmark, for example). Dangling references and
// duplicate item codes are errors at the position of the reference.
package link

import (
	"sort"
	"strings"

	"sunlight/internal/diag"
	"sunlight/internal/flowchart"
	"sunlight/internal/flowmodel"
	"sunlight/internal/load"
	"sunlight/internal/model"
	"sunlight/internal/suggest"
)

// Link resolves site in place and returns the problems found.
func Link(site *model.Site, loc *load.Locator) diag.List {
	l := &linker{site: site, loc: loc}
	reset(site)
	l.index()
	l.units()
	l.powers()
	l.flows()
	l.benchmarks()
	l.diags.Sort()
	return l.diags
}

// reset clears everything Link derives, so that a site assembled from
// entities of an earlier load links exactly like a fresh one.
func reset(s *model.Site) {
	for _, law := range s.Laws {
		law.CitedBy = nil
	}
	clearRefs := func(refs []model.LegalRef) {
		for i := range refs {
			refs[i].LawRef = nil
		}
	}
	for _, u := range s.Units {
		u.ParentRef, u.Children = nil, nil
		for _, p := range u.Powers {
			p.FlowRef, p.BenchmarkRef = nil, nil
			clearRefs(p.Basis)
			for i := range p.Accountabilities {
				clearRefs(p.Accountabilities[i].Basis)
			}
		}
		flows := u.Flows[:0]
		for _, f := range u.Flows {
			if f.Synthetic {
				continue // made by an earlier Link; made again if still used
			}
			f.UsedBy, f.Resolved = nil, nil
			flows = append(flows, f)
		}
		u.Flows = flows
		for _, b := range u.Benchmarks {
			b.SourceRef, b.UsedBy = nil, nil
			for i := range b.Violations {
				clearRefs(b.Violations[i].Violated)
				clearRefs(b.Violations[i].PenaltyBasis)
			}
		}
	}
}

type linker struct {
	site      *model.Site
	loc       *load.Locator
	diags     diag.List
	templates map[*model.Unit]map[string]*model.Flow
}

// templateFlow returns the unit's flow for a standard template, making it
// (and listing it with the unit's flows) the first time.
func (l *linker) templateFlow(u *model.Unit, name string) *model.Flow {
	if l.templates == nil {
		l.templates = map[*model.Unit]map[string]*model.Flow{}
	}
	if l.templates[u] == nil {
		l.templates[u] = map[string]*model.Flow{}
	}
	if f, ok := l.templates[u][name]; ok {
		return f
	}
	f, ok := flowmodel.TemplateFlow(u, name)
	if !ok {
		return nil
	}
	l.templates[u][name] = f
	u.Flows = append(u.Flows, f)
	return f
}

func (l *linker) errorf(src model.Source, path, hint, format string, args ...any) {
	l.diags.Errorf(l.loc.At(src, path), hint, format, args...)
}

func (l *linker) index() {
	s := l.site
	s.LawByID = make(map[string]*model.Law, len(s.Laws))
	for _, law := range s.Laws {
		s.LawByID[law.ID] = law
	}
	s.UnitByID = make(map[string]*model.Unit, len(s.Units))
	for _, u := range s.Units {
		s.UnitByID[u.ID] = u
	}
}

func (l *linker) units() {
	for _, u := range l.site.Units {
		if u.Parent == "" {
			continue
		}
		p := l.site.UnitByID[u.Parent]
		if p == nil {
			l.errorf(u.Src, "parent", hintIDs("可用的单位", l.unitIDs(), u.Parent), "上级单位 %q 不存在", u.Parent)
			continue
		}
		u.ParentRef = p
		p.Children = append(p.Children, u)
	}
}

func (l *linker) unitIDs() []string {
	var ids []string
	for _, u := range l.site.Units {
		ids = append(ids, u.ID)
	}
	return ids
}

func (l *linker) powers() {
	seen := map[string]*model.Power{}
	for _, u := range l.site.Units {
		for _, p := range u.Powers {
			if first, dup := seen[p.Code]; dup {
				l.errorf(p.Src, "code", "事项编码在全站必须唯一;已在 "+first.Src.File+" 中使用", "事项编码 %q 重复", p.Code)
			} else {
				seen[p.Code] = p
			}
			l.legalRefs(p.Src, "basis", p.Basis, p)
			for i := range p.Accountabilities {
				l.legalRefs(p.Src, idx("accountabilities", i)+".basis", p.Accountabilities[i].Basis, nil)
			}
			if name, ok := strings.CutPrefix(p.Flow, flowmodel.TemplatePrefix); ok {
				if f := l.templateFlow(u, name); f != nil {
					p.FlowRef = f
					f.UsedBy = append(f.UsedBy, p)
				} else {
					l.errorf(p.Src, "flow", "可用的标准流程: "+strings.Join(flowchart.TemplateNames(), "、"), "标准流程 %q 不存在", name)
				}
			} else if p.Flow != "" && validRef(p.Flow) {
				if f := l.findFlow(u, p.Flow); f != nil {
					p.FlowRef = f
					f.UsedBy = append(f.UsedBy, p)
				} else {
					l.errorf(p.Src, "flow", hintIDs("本单位的流程", flowIDs(u), p.Flow)+";引用其他单位的流程写成 \"单位/流程\"",
						"流程 %q 不存在", p.Flow)
				}
			}
			if p.Benchmark != "" && validRef(p.Benchmark) {
				if b := l.findBenchmark(u, p.Benchmark); b != nil {
					p.BenchmarkRef = b
					b.UsedBy = append(b.UsedBy, p)
				} else {
					l.errorf(p.Src, "benchmark", hintIDs("本单位的裁量基准", benchmarkIDs(u), p.Benchmark)+";引用其他单位的基准写成 \"单位/基准\"",
						"裁量基准 %q 不存在", p.Benchmark)
				}
			}
		}
	}
	for _, law := range l.site.Laws {
		sort.SliceStable(law.CitedBy, func(i, j int) bool { return law.CitedBy[i].Code < law.CitedBy[j].Code })
	}
}

func (l *linker) legalRefs(src model.Source, path string, refs []model.LegalRef, citing *model.Power) {
	for i := range refs {
		r := &refs[i]
		if r.Law == "" || !validRef(r.Law) || strings.Contains(r.Law, "/") {
			continue
		}
		law := l.site.LawByID[r.Law]
		if law == nil {
			l.errorf(src, idx(path, i)+".law", hintIDs("法规库中的编号", l.lawIDs(), r.Law)+";新法规请先在 laws/ 中登记",
				"法规 %q 不在法规库中", r.Law)
			continue
		}
		r.LawRef = law
		if citing != nil && (len(law.CitedBy) == 0 || law.CitedBy[len(law.CitedBy)-1] != citing) {
			law.CitedBy = append(law.CitedBy, citing)
		}
	}
}

func (l *linker) lawIDs() []string {
	var ids []string
	for _, law := range l.site.Laws {
		ids = append(ids, law.ID)
	}
	return ids
}

// validRef reports whether ref has the syntax of an id reference; the
// loader reports the others, so linking skips them.
func validRef(ref string) bool {
	for _, r := range ref {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '/') {
			return false
		}
	}
	return !strings.Contains(ref, "..") && strings.Count(ref, "/") <= 1
}

// split turns "unit/id" into its parts, defaulting the unit to u.
func (l *linker) split(u *model.Unit, ref string) (*model.Unit, string) {
	if unitID, id, ok := strings.Cut(ref, "/"); ok {
		return l.site.UnitByID[unitID], id
	}
	return u, ref
}

func (l *linker) findFlow(u *model.Unit, ref string) *model.Flow {
	owner, id := l.split(u, ref)
	if owner == nil {
		return nil
	}
	for _, f := range owner.Flows {
		if f.ID == id {
			return f
		}
	}
	return nil
}

func (l *linker) findBenchmark(u *model.Unit, ref string) *model.Benchmark {
	owner, id := l.split(u, ref)
	if owner == nil {
		return nil
	}
	for _, b := range owner.Benchmarks {
		if b.ID == id {
			return b
		}
	}
	return nil
}

func flowIDs(u *model.Unit) []string {
	var ids []string
	for _, f := range u.Flows {
		ids = append(ids, f.ID)
	}
	return ids
}

func benchmarkIDs(u *model.Unit) []string {
	var ids []string
	for _, b := range u.Benchmarks {
		ids = append(ids, b.ID)
	}
	return ids
}

// flows resolves templates and validates every flow's graph. Positions
// are looked up only when a flow has a problem.
func (l *linker) flows() {
	for _, u := range l.site.Units {
		for _, f := range u.Flows {
			if f.Synthetic {
				continue
			}
			if f.Template != "" {
				steps, ok := flowmodel.Resolve(f)
				if !ok {
					l.errorf(f.Src, "template", "可用的标准流程: "+strings.Join(flowchart.TemplateNames(), "、"), "标准流程 %q 不存在", f.Template)
					continue
				}
				f.Resolved = steps
			}
			chart := flowmodel.ToChart(f.ID, f.Name, f.Effective())
			if len(flowchart.Validate(chart)) == 0 {
				continue
			}
			l.positions(f, &chart)
			l.diags.Add(flowchart.Validate(chart)...)
		}
	}
}

// positions fills in where each step and edge of a flow was written (steps
// that come from a template point at the template key).
func (l *linker) positions(f *model.Flow, chart *flowchart.Flow) {
	written := map[string]int{}
	for i, s := range f.Steps {
		written[s.ID] = i
	}
	chart.Pos = l.loc.At(f.Src, "")
	for i := range chart.Steps {
		st := &chart.Steps[i]
		j, ok := written[st.ID]
		if f.Template == "" {
			j, ok = i, true // the chart's steps are the written ones, in order
		}
		if !ok {
			st.Pos = l.loc.At(f.Src, "template")
			for k := range st.Edges {
				st.Edges[k].Pos = st.Pos
			}
			continue
		}
		st.Pos = l.loc.At(f.Src, idx("steps", j)+".id")
		for k := range st.Edges {
			st.Edges[k].Pos = st.Pos
			for m, e := range f.Steps[j].Next {
				if e.To == st.Edges[k].To {
					st.Edges[k].Pos = l.loc.At(f.Src, idx(idx("steps", j)+".next", m))
				}
			}
		}
	}
}

func (l *linker) benchmarks() {
	for _, u := range l.site.Units {
		for _, b := range u.Benchmarks {
			for i := range b.Violations {
				v := &b.Violations[i]
				p := idx("violations", i)
				l.legalRefs(b.Src, p+".violated", v.Violated, nil)
				l.legalRefs(b.Src, p+".penalty_basis", v.PenaltyBasis, nil)
			}
			if b.Source == "" || !validRef(b.Source) {
				continue
			}
			src := l.findBenchmark(u, b.Source)
			switch {
			case src == nil:
				l.errorf(b.Src, "source", "写成 \"单位/基准\",例如 \"chengguan-ju/weizhang-jianshe\"", "上级裁量基准 %q 不存在", b.Source)
			case src == b:
				l.errorf(b.Src, "source", "source 应指向另一个单位的基准", "裁量基准不能采用自己")
			default:
				b.SourceRef = src
			}
		}
	}
}

// hintIDs lists candidates and suggests the closest to got.
func hintIDs(what string, ids []string, got string) string {
	if len(ids) == 0 {
		return what + ": (无)"
	}
	h := what + ": " + strings.Join(ids, ", ")
	if len(ids) > 12 {
		h = what + ": " + strings.Join(ids[:12], ", ") + " 等 " + itoa(len(ids)) + " 个"
	}
	if s := suggest.Closest(got, ids); s != "" {
		h = "是否想写 \"" + s + "\"?" + h
	}
	return h
}
