// Package permalink gives every page of the portal its stable path.
//
// Paths are site-relative, without the base path and without a leading
// slash; directory pages end in "/". They depend only on unit ids, item
// codes and file ids, never on titles or order, so links from outside stay
// valid across rebuilds and years:
//
//	units/<unit>/                      unit
//	units/<unit>/powers/<code>/        power item
//	units/<unit>/flows/<id>/           flow
//	units/<unit>/benchmarks/<id>/      benchmark
//	units/<unit>/risks/<year>/         risk catalogue
//	laws/<id>/                         law
//	pages/<slug>/                      free page
//	categories/<xk|cf|…>/              category
//	units/<unit>/volume/<year>/        year-end bound volume (print)
//	units/<unit>/changes/<year>/       the year's changes (年度调整)
//	<item page>history/<commit>/       a superseded version of an item
//	units/<unit>/powers/<code>/poster/ notice-board poster (print)
//	units/<unit>/flows/<id>/poster/    flow poster (print)
package permalink

import (
	"strconv"

	"sunlight/internal/model"
)

func Unit(u *model.Unit) string           { return "units/" + u.ID + "/" }
func Power(p *model.Power) string         { return "units/" + p.Unit.ID + "/powers/" + p.Code + "/" }
func Flow(f *model.Flow) string           { return "units/" + f.Unit.ID + "/flows/" + f.ID + "/" }
func Benchmark(b *model.Benchmark) string { return "units/" + b.Unit.ID + "/benchmarks/" + b.ID + "/" }
func Risk(c *model.RiskCatalogue) string {
	return "units/" + c.Unit.ID + "/risks/" + strconv.Itoa(c.Year) + "/"
}

// Print pages.
func Volume(u *model.Unit, year int) string {
	return "units/" + u.ID + "/volume/" + strconv.Itoa(year) + "/"
}

// Annual is a unit's page of the changes made in a year (年度调整).
func Annual(u *model.Unit, year int) string {
	return "units/" + u.ID + "/changes/" + strconv.Itoa(year) + "/"
}
func Poster(p *model.Power) string    { return Power(p) + "poster/" }
func FlowPoster(f *model.Flow) string { return Flow(f) + "poster/" }

func Law(l *model.Law) string          { return "laws/" + l.ID + "/" }
func Page(p *model.Page) string        { return "pages/" + p.Slug + "/" }
func Category(c model.Category) string { return "categories/" + c.Slug() + "/" }

// Fixed pages and files.
const (
	Home          = ""
	Units         = "units/"
	Categories    = "categories/"
	Benchmarks    = "benchmarks/"
	Laws          = "laws/"
	Search        = "search/"
	SiteMap       = "sitemap/"
	Coverage      = "coverage/"
	Data          = "data/"
	Changes       = "changes/"
	Compare       = "compare/"
	Accessibility = "accessibility/"
	Feed          = "feed.xml"
	NotFound      = "404.html"
	Style         = "assets/sunlight.css"
)

// File turns a page path into the file written for it.
func File(p string) string {
	if p == "" || p[len(p)-1] == '/' {
		return p + "index.html"
	}
	return p
}
