package render

import (
	"strconv"

	"sunlight/internal/model"
)

// Site-relative URL paths of every page, without the base path and
// without a leading slash; directory pages end in "/". These are the
// portal's permalinks: they depend only on unit ids, item codes and file
// ids, never on titles or order.

func UnitPath(u *model.Unit) string   { return "units/" + u.ID + "/" }
func PowerPath(p *model.Power) string { return "units/" + p.Unit.ID + "/powers/" + p.Code + "/" }
func FlowPath(f *model.Flow) string   { return "units/" + f.Unit.ID + "/flows/" + f.ID + "/" }
func BenchmarkPath(b *model.Benchmark) string {
	return "units/" + b.Unit.ID + "/benchmarks/" + b.ID + "/"
}
func RiskPath(c *model.RiskCatalogue) string {
	return "units/" + c.Unit.ID + "/risks/" + strconv.Itoa(c.Year) + "/"
}
func LawPath(l *model.Law) string          { return "laws/" + l.ID + "/" }
func PagePath(p *model.Page) string        { return "pages/" + p.Slug + "/" }
func CategoryPath(c model.Category) string { return "categories/" + c.Slug() + "/" }

// Fixed pages.
const (
	HomePath       = ""
	UnitsPath      = "units/"
	CategoriesPath = "categories/"
	BenchmarksPath = "benchmarks/"
	LawsPath       = "laws/"
	SearchPath     = "search/"
	SiteMapPath    = "sitemap/"
	CoveragePath   = "coverage/"
	NotFoundFile   = "404.html"
	StylePath      = "assets/sunlight.css"
)

// file turns a page path into the file written for it.
func file(p string) string {
	if p == "" || p[len(p)-1] == '/' {
		return p + "index.html"
	}
	return p
}
