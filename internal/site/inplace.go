package site

import (
	"context"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"sunlight/internal/check"
	"sunlight/internal/diag"
	"sunlight/internal/model"
	"sunlight/internal/render"
)

// rebuildInPlace handles the commonest edit of a live preview: the text of
// existing power items changed, and nothing that links them to other
// content, places them in lists or names their pages did. It parses only
// the changed files, copies their text into the linked model, checks
// their units again (checks and coverage are per unit) and renders the
// pages that depend on the files, with the links, benchmark
// analysis and page plan of the last build. The site-wide files (search
// index, open data, feed, sitemap, manifest) follow in RefreshSearch, so
// it needs DeferSearch or NoSearch. What the renderer computed once per
// build (recent and annual changes, the file → page map) derives from the
// structure and the history alone, so it stays valid; page data drawn from
// item text is computed as each page renders.
//
// done is false when the edit needs a full rebuild: another kind of file,
// a changed code, category, status, date, name or reference, a file that
// had link or benchmark diagnostics (their positions would move), or
// errors in the new text. The loader has then re-read some files, which
// the full rebuild does again anyway.
func (s *Session) rebuildInPlace(ctx context.Context, changed []string, themeChanged bool) (rb *Rebuilt, diags diag.List, err error, done bool) {
	a := s.last
	if a == nil || s.broken || themeChanged || !(s.DeferSearch || s.opt.NoSearch) || len(changed) == 0 {
		return nil, nil, nil, false
	}
	type edit struct {
		old, new *model.Power
		diags    diag.List
	}
	files := map[string]bool{}
	var edits []edit
	for _, c := range changed {
		c = path.Clean(c)
		if files[c] {
			continue
		}
		files[c] = true
		old := a.powers[c]
		if old == nil || mentions(a.findings.link, c) || mentions(a.findings.bench, c) {
			return nil, nil, nil, false
		}
		v, fileDiags, ok := s.loader.ReloadFile(c)
		p, isPower := v.(*model.Power)
		if !ok || !isPower || fileDiags.HasErrors() || !reflect.DeepEqual(structure(old), structure(p)) {
			return nil, nil, nil, false
		}
		edits = append(edits, edit{old, p, fileDiags})
	}

	for _, e := range edits {
		copyText(e.old, e.new)
	}
	s.loc.Forget(changed)
	f := findings{link: a.findings.link, bench: a.findings.bench}
	for _, d := range a.findings.load {
		if !files[d.Pos.File] {
			f.load = append(f.load, d)
		}
	}
	for _, e := range edits {
		f.load = append(f.load, e.diags...)
	}
	// The checks and the coverage report are per unit: check again the
	// units whose items changed, and keep the other units' findings.
	units := map[*model.Unit]bool{}
	for _, e := range edits {
		units[e.old.Unit] = true
	}
	for _, d := range a.findings.check {
		if !inUnits(d.Pos.File, units) {
			f.check = append(f.check, d)
		}
	}
	covered := map[*model.Unit]*check.UnitCoverage{}
	for u := range units {
		d, uc := check.Unit(a.site, u, s.loc)
		f.check = append(f.check, d...)
		covered[u] = uc
	}
	diags = f.all()
	if diags.HasErrors() {
		s.broken = true // the model holds the new text; the next rebuild starts afresh
		return nil, diags, nil, true
	}
	if a.derived.Coverage != nil {
		for _, uc := range a.derived.Coverage.Units {
			if c := covered[uc.Unit]; c != nil {
				*uc = *c // the renderer reads the report through these pointers
			}
		}
	}
	a.findings = f

	which := map[int]bool{}
	for _, i := range a.summary {
		which[i] = true
	}
	for f := range files {
		for _, i := range a.shownOn[f] {
			which[i] = true
		}
	}
	var todo []render.Page
	for _, i := range slices.Sorted(maps.Keys(which)) {
		todo = append(todo, a.pages[i])
	}
	outs, err := a.renderer.Pages(todo)
	if err != nil {
		return nil, diags, err, true
	}
	if err := ctx.Err(); err != nil {
		return nil, diags, err, true
	}
	rb = &Rebuilt{Pages: len(a.pages), InPlace: true}
	for _, p := range todo {
		rb.Rendered = append(rb.Rendered, p.File())
	}
	sort.Strings(rb.Rendered)
	if rb.Written, err = s.writeChanged(outs); err != nil {
		return nil, diags, err, true
	}
	sort.Strings(rb.Written)
	s.searchStale = true
	return rb, diags, nil, true
}

// inUnits reports whether a content file is in the folder of one of units.
func inUnits(file string, units map[*model.Unit]bool) bool {
	for u := range units {
		if strings.HasPrefix(file, "units/"+u.ID+"/") {
			return true
		}
	}
	return false
}

// mentions reports whether a diagnostic of list is in file.
func mentions(list diag.List, file string) bool {
	for _, d := range list {
		if d.Pos.File == file {
			return true
		}
	}
	return false
}

// structure is what of a power item links it to other content, places it
// in lists, names and dates its pages: the item without its text. Two
// versions with the same structure have the same pages with the same
// dependencies. Fields added to model.Power count as structure until
// they are listed here.
func structure(p *model.Power) model.Power {
	k := *p
	k.Subject, k.Office, k.Level, k.Mode, k.ServiceObject = "", "", "", "", ""
	k.TimeLimit, k.Fee = model.TimeLimit{}, nil
	k.Responsibilities, k.Risks, k.Materials, k.Conditions = nil, nil, nil, nil
	k.Body, k.PIIAllow = "", nil
	k.Src = model.Source{File: p.Src.File}
	k.Unit, k.FlowRef, k.BenchmarkRef = nil, nil, nil
	k.Basis = lawIDs(p.Basis)
	k.Accountabilities = nil
	for _, a := range p.Accountabilities {
		k.Accountabilities = append(k.Accountabilities, model.Accountability{Basis: lawIDs(a.Basis)})
	}
	return k
}

// lawIDs keeps of each reference the law it links to.
func lawIDs(refs []model.LegalRef) []model.LegalRef {
	var out []model.LegalRef
	for _, r := range refs {
		out = append(out, model.LegalRef{Law: r.Law})
	}
	return out
}

// copyText gives old, which the linked model points to, the text of new,
// keeping what package link derived: the unit, the flow and benchmark
// links and the laws of its references (the same, as the structure is).
func copyText(old, new *model.Power) {
	unit, flow, benchmark := old.Unit, old.FlowRef, old.BenchmarkRef
	laws := func(refs []model.LegalRef) []*model.Law {
		out := make([]*model.Law, len(refs))
		for i, r := range refs {
			out[i] = r.LawRef
		}
		return out
	}
	basis := laws(old.Basis)
	var acc [][]*model.Law
	for _, a := range old.Accountabilities {
		acc = append(acc, laws(a.Basis))
	}
	*old = *new
	old.Unit, old.FlowRef, old.BenchmarkRef = unit, flow, benchmark
	old.Basis = withLaws(new.Basis, basis)
	old.Accountabilities = nil
	for i, a := range new.Accountabilities {
		a.Basis = withLaws(a.Basis, acc[i])
		old.Accountabilities = append(old.Accountabilities, a)
	}
}

// withLaws copies refs with the given linked laws.
func withLaws(refs []model.LegalRef, laws []*model.Law) []model.LegalRef {
	if refs == nil {
		return nil
	}
	out := make([]model.LegalRef, len(refs))
	for i, r := range refs {
		r.LawRef = laws[i]
		out[i] = r
	}
	return out
}
